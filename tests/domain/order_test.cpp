#include <backoffice/domain/order.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace backoffice;
using backoffice::testing::at;
using backoffice::testing::fails_on;
using backoffice::testing::money;
using backoffice::testing::passes;

namespace {

Order valid_order() {
  return Order{
      .id = OrderId{12},
      .customer = CustomerId{42},
      .status = OrderStatus::kShipped,
      .lines = {OrderLine{"SKU-1", 2, money(1250, "USD")}, OrderLine{"SKU-2", 1, money(399, "USD")}},
      .shipping = money(500, "USD"),
      .tax = money(239, "USD"),
      .placed_at = at("2024-03-01T09:00:00Z"),
      .updated_at = at("2024-03-03T17:00:00Z"),
  };
}

}  // namespace

TEST(Order, AValidOrderPasses) { EXPECT_TRUE(passes(valid_order().validate())); }

TEST(Order, TotalsAreExactSumsInMinorUnits) {
  const Order o = valid_order();
  // Hand calculation: 2 x 12.50 + 1 x 3.99 = 28.99; + 5.00 + 2.39 = 36.38.
  EXPECT_EQ(o.subtotal().value(), money(2899, "USD"));
  EXPECT_EQ(o.total().value(), money(3638, "USD"));
  // JPY has no minor digits: 3 x 1200 + 1 x 80 = 3680; + 500 shipping = 4180.
  Order jpy = o;
  jpy.lines = {OrderLine{"A", 3, money(1200, "JPY")}, OrderLine{"B", 1, money(80, "JPY")}};
  jpy.shipping = money(500, "JPY");
  jpy.tax = money(0, "JPY");
  EXPECT_TRUE(passes(jpy.validate()));
  EXPECT_EQ(jpy.total().value(), money(4180, "JPY"));
  EXPECT_EQ(jpy.currency().code(), "JPY");
}

TEST(Order, TotalsReportACurrencyMismatchOrAnOverflow) {
  Order o = valid_order();
  o.lines[1].unit_price = money(399, "EUR");
  auto s = o.subtotal();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCurrencyMismatch);
  o = valid_order();
  o.lines[0].quantity = std::numeric_limits<std::int64_t>::max() / 1000;  // x 1250 minor units overflows
  auto t = o.total();
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kOverflow);
}

TEST(Order, NeedsAtLeastOneLine) {
  Order o = valid_order();
  o.lines.clear();
  EXPECT_TRUE(fails_on(o.validate(), "order.lines", "0 lines"));
  EXPECT_EQ(o.subtotal().value(), money(0, "USD"));
}

TEST(Order, LinesHaveASkuAPositiveQuantityAndANonNegativePriceInTheOrderCurrency) {
  Order o = valid_order();
  o.lines[1].sku = "";
  EXPECT_TRUE(fails_on(o.validate(), "order.lines[1].sku", ""));
  o = valid_order();
  o.lines[0].quantity = 0;
  EXPECT_TRUE(fails_on(o.validate(), "order.lines[0].quantity", "0"));
  o.lines[0].quantity = -2;
  EXPECT_TRUE(fails_on(o.validate(), "order.lines[0].quantity", "-2"));
  o = valid_order();
  o.lines[1].unit_price = money(-399, "USD");
  EXPECT_TRUE(fails_on(o.validate(), "order.lines[1].unit_price", "-3.99 USD"));
  o.lines[1].unit_price = money(399, "EUR");
  EXPECT_TRUE(fails_on(o.validate(), "order.lines[1].unit_price", "3.99 EUR"));
  o.lines[1].unit_price = money(0, "USD");  // a free item is allowed
  EXPECT_TRUE(passes(o.validate()));
}

TEST(Order, ShippingAndTaxAreNonNegativeAndTaxIsInTheOrderCurrency) {
  Order o = valid_order();
  o.shipping = money(-1, "USD");
  EXPECT_TRUE(fails_on(o.validate(), "order.shipping", "-0.01 USD"));
  o = valid_order();
  o.tax = money(-239, "USD");
  EXPECT_TRUE(fails_on(o.validate(), "order.tax", "-2.39 USD"));
  o.tax = money(239, "GBP");
  EXPECT_TRUE(fails_on(o.validate(), "order.tax", "2.39 GBP"));
}

TEST(Order, TheShippingCurrencyIsTheOrderCurrency) {
  // Shipping in EUR makes every USD line the odd one out.
  Order o = valid_order();
  o.shipping = money(500, "EUR");
  EXPECT_TRUE(fails_on(o.validate(), "order.lines[0].unit_price", "12.50 USD"));
}

TEST(Order, UpdatedAtMustNotPrecedePlacedAt) {
  Order o = valid_order();
  o.updated_at = at("2024-03-01T08:00:00Z");
  EXPECT_TRUE(fails_on(o.validate(), "order.updated_at", "2024-03-01T08:00:00Z"));
}

TEST(Order, ATotalBeyond64BitMinorUnitsFailsValidation) {
  Order o = valid_order();
  o.lines = {OrderLine{"BIG", std::numeric_limits<std::int64_t>::max() / 2, money(2, "USD")}};
  // (2^63 - 1) / 2 * 2 = 2^63 - 2 fits; adding 5.00 shipping does not.
  auto s = o.validate();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().field, "order.total");
}

TEST(Order, IsARegularPrintableValue) {
  const Order a = valid_order();
  Order b = a;
  EXPECT_EQ(a, b);
  b.lines[0].quantity = 3;
  EXPECT_NE(a, b);
  EXPECT_EQ(fmt::format("{}", a.lines[0]), "2 x SKU-1 @ 12.50 USD");
  EXPECT_EQ(fmt::format("{}", a), "order 12 shipped, 2 lines, customer 42");
}
