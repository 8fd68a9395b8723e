#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::fails_on;

// The record tests lean on fails_on; it must reject every near miss.
TEST(DomainTestSupport, FailsOnAcceptsOnlyTheExactFieldValueAndCode) {
  const Status bad = validation_error("order.tax", "-2.39 USD", "must not be negative");
  EXPECT_TRUE(fails_on(bad, "order.tax", "-2.39 USD"));
  EXPECT_FALSE(fails_on(bad, "order.shipping", "-2.39 USD"));
  EXPECT_FALSE(fails_on(bad, "order.tax", "2.39 USD"));
  EXPECT_FALSE(fails_on(Status::Ok(), "order.tax", "-2.39 USD"));
  EXPECT_FALSE(fails_on(Status(parse_error("order.tax", "-2.39 USD", "x")), "order.tax", "-2.39 USD"));
  EXPECT_FALSE(fails_on(Status(validation_error("order.tax", "-2.39 USD", "")), "order.tax", "-2.39 USD"));
}
