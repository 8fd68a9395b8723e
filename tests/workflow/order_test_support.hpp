#pragma once

// Shared fixtures of the order and billing tests.

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/domain/order.hpp>

#include <gtest/gtest.h>

#include <string_view>

namespace backoffice::order_testing {

inline Instant at(std::string_view iso) { return Instant::parse(iso).value(); }
inline Money usd(std::int64_t cents) { return Money::of_minor(cents, "USD").value(); }
inline Money money(std::int64_t minor, std::string_view code) { return Money::of_minor(minor, code).value(); }
inline LocalDate day(std::string_view ymd) { return LocalDate::parse(ymd).value(); }

// 3 x SKU-A @ 10.00, 1 x SKU-B @ 30.00: subtotal 60.00, shipping 5.00, tax
// 6.00, total 71.00 (USD).
inline Order sample_order() {
  return Order{
      .id = OrderId{7},
      .customer = CustomerId{42},
      .status = OrderStatus::kPlaced,
      .lines = {OrderLine{"SKU-A", 3, usd(1000)}, OrderLine{"SKU-B", 1, usd(3000)}},
      .shipping = usd(500),
      .tax = usd(600),
      .placed_at = at("2024-03-01T09:00:00Z"),
      .updated_at = at("2024-03-01T09:00:00Z"),
  };
}

// Asserts that a Status or Result failed with `code` on `field` (and, when
// given, `value`).
template <typename R>
::testing::AssertionResult fails_with(const R& r, ErrorCode code, std::string_view field,
                                      std::string_view value = {}) {
  if (r.ok()) return ::testing::AssertionFailure() << "expected a failure on " << field << ", got OK";
  const Error& e = r.error();
  if (e.code != code || e.field != field || (!value.empty() && e.value != value)) {
    return ::testing::AssertionFailure() << "expected " << to_string(code) << " on " << field << " = '"
                                         << value << "', got " << e.to_string();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace backoffice::order_testing
