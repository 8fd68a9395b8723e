#include <backoffice/domain/order.hpp>

#include "domain/enum_text.hpp"
#include "domain/validation.hpp"

#include <cstddef>

namespace backoffice {
namespace {

constexpr std::array<detail::EnumName<OrderStatus>, 7> kOrderStatusNames{{
    {OrderStatus::kPlaced, "placed"},
    {OrderStatus::kVerified, "verified"},
    {OrderStatus::kFulfilling, "fulfilling"},
    {OrderStatus::kShipped, "shipped"},
    {OrderStatus::kDelivered, "delivered"},
    {OrderStatus::kCancelled, "cancelled"},
    {OrderStatus::kReturned, "returned"},
}};

// Why `amount` is not a valid order amount: another currency, or negative.
Error amount_error(std::string_view field, const Money& amount, const Currency& currency) {
  if (amount.currency() != currency) {
    return validation_error(
        field, amount.to_string(),
        fmt::format("must be in the order's currency {} (the currency of shipping)", currency.code()));
  }
  return validation_error(field, amount.to_string(), "must not be negative");
}

}  // namespace

std::string_view to_string(OrderStatus status) noexcept {
  return detail::enum_name(kOrderStatusNames, status);
}

Result<OrderStatus> parse_order_status(std::string_view text, std::string_view field) {
  return detail::parse_enum(kOrderStatusNames, text, field);
}

Result<Money> Order::subtotal() const {
  Money sum(0, currency());
  for (const auto& line : lines) {
    BO_ASSIGN_OR_RETURN(Money amount, line.amount());
    BO_ASSIGN_OR_RETURN(sum, sum.add(amount));
  }
  return sum;
}

Result<Money> Order::total() const {
  BO_ASSIGN_OR_RETURN(Money sum, subtotal());
  BO_ASSIGN_OR_RETURN(sum, sum.add(shipping));
  BO_ASSIGN_OR_RETURN(sum, sum.add(tax));
  return sum;
}

Status Order::validate() const {
  if (lines.empty()) return validation_error("order.lines", "0 lines", "an order needs at least one line");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const OrderLine& line = lines[i];
    if (detail::is_blank(line.sku))
      return detail::blank_error(fmt::format("order.lines[{}].sku", i), line.sku);
    if (line.quantity <= 0) {
      return validation_error(fmt::format("order.lines[{}].quantity", i), std::to_string(line.quantity),
                              "must be more than 0");
    }
    if (line.unit_price.currency() != currency() || line.unit_price.is_negative()) {
      return amount_error(fmt::format("order.lines[{}].unit_price", i), line.unit_price, currency());
    }
  }
  if (shipping.is_negative())
    return validation_error("order.shipping", shipping.to_string(), "must not be negative");
  if (tax.currency() != currency() || tax.is_negative()) return amount_error("order.tax", tax, currency());
  if (updated_at < placed_at)
    return detail::before_error("order.updated_at", updated_at, "placed_at", placed_at);
  // Currencies are consistent by now, so the only failure left is overflow.
  if (auto sum = total(); !sum.ok()) {
    return validation_error("order.total", sum.error().value, sum.error().message);
  }
  return Status::Ok();
}

std::string to_string(const OrderLine& line) {
  return fmt::format("{} x {} @ {}", line.quantity, line.sku, line.unit_price);
}

std::string to_string(const Order& order) {
  return fmt::format("order {} {}, {} line{}, customer {}", order.id, order.status, order.lines.size(),
                     order.lines.size() == 1 ? "" : "s", order.customer);
}

}  // namespace backoffice
