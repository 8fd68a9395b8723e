#pragma once

#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

// Where an order is in its life. Forward order is placed -> verified ->
// fulfilling -> shipped -> delivered; cancelled and returned end it early or
// late. (The allowed transitions belong to workflow/, not to the record.)
enum class OrderStatus {
  kPlaced,
  kVerified,
  kFulfilling,
  kShipped,
  kDelivered,
  kCancelled,
  kReturned,
};

inline constexpr std::array kAllOrderStatuses{
    OrderStatus::kPlaced,    OrderStatus::kVerified,  OrderStatus::kFulfilling, OrderStatus::kShipped,
    OrderStatus::kDelivered, OrderStatus::kCancelled, OrderStatus::kReturned};

// "placed", "verified", "fulfilling", "shipped", "delivered", "cancelled",
// "returned": stable names (SQLite, CSV); "unknown" otherwise.
std::string_view to_string(OrderStatus status) noexcept;
// Reads to_string's names, ignoring ASCII case; unknown text is a kParse
// error naming `field` and the text.
Result<OrderStatus> parse_order_status(std::string_view text, std::string_view field = "order_status");

// One line of an order: `quantity` units of `sku` at `unit_price` each.
// Not default-constructible, because Money is not (it always has a currency).
struct OrderLine {
  std::string sku;
  std::int64_t quantity = 0;  // units, > 0
  Money unit_price;           // per unit, >= 0, in the order's currency

  // quantity * unit_price, exact. Errors: kOverflow beyond 64-bit minor units.
  Result<Money> amount() const { return unit_price.multiply(quantity); }

  friend bool operator==(const OrderLine&, const OrderLine&) = default;
};

// A customer order. Every amount is in one currency: the currency of
// `shipping` (which is always present, zero when shipping is free) is the
// order's currency. Not default-constructible, because Money is not.
struct Order {
  OrderId id;
  CustomerId customer;
  OrderStatus status = OrderStatus::kPlaced;
  std::vector<OrderLine> lines;  // at least one
  Money shipping;                // >= 0
  Money tax;                     // >= 0
  Instant placed_at;             // UTC
  Instant updated_at;            // UTC, >= placed_at

  const Currency& currency() const { return shipping.currency(); }

  // Sum of quantity * unit_price over the lines, exact (integer minor
  // units); zero in the order's currency when there are no lines.
  // Errors: kCurrencyMismatch when a line's currency differs from the
  // order's; kOverflow beyond 64-bit minor units. O(lines).
  Result<Money> subtotal() const;
  // subtotal() + shipping + tax, exact. Errors as subtotal(). O(lines).
  Result<Money> total() const;

  // Checks, in this order, and reports the first failure as a kValidation
  // error with field "order.<field>" and the offending value as text:
  //  - there is at least one line ("order.lines");
  //  - for each lines[i]: sku not blank, quantity > 0, unit_price >= 0 and
  //    in the order's currency ("order.lines[i].<field>");
  //  - shipping >= 0; tax >= 0 and in the order's currency;
  //  - updated_at >= placed_at;
  //  - total() fits in 64-bit minor units ("order.total").
  // O(lines).
  Status validate() const;

  friend bool operator==(const Order&, const Order&) = default;
};

// "2 x SKU-1 @ 12.50 USD".
std::string to_string(const OrderLine& line);
// "order 12 shipped, 3 lines, customer 42".
std::string to_string(const Order& order);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::OrderStatus>
    : backoffice::detail::ToStringFormatter<backoffice::OrderStatus> {};
template <>
struct fmt::formatter<backoffice::OrderLine> : backoffice::detail::ToStringFormatter<backoffice::OrderLine> {
};
template <>
struct fmt::formatter<backoffice::Order> : backoffice::detail::ToStringFormatter<backoffice::Order> {};
