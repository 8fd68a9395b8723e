#include <backoffice/domain/invoice.hpp>

#include "domain/validation.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

// 9999-12-31 as days since 1970-01-01: the last date LocalDate::to_string
// writes with four digits.
constexpr std::int32_t kLastDay = 2932896;

Error amount_error(std::string_view field, const Money& amount, const Currency& currency) {
  if (amount.currency() != currency) {
    return validation_error(
        field, amount.to_string(),
        fmt::format("must be in the invoice's currency {} (the currency of total)", currency.code()));
  }
  return validation_error(field, amount.to_string(), "must not be negative");
}

bool bad_amount(const Money& amount, const Currency& currency) {
  return amount.currency() != currency || amount.is_negative();
}

}  // namespace

bool is_set_date(LocalDate date) noexcept {
  return date.days_since_epoch() > 0 && date.days_since_epoch() <= kLastDay;
}

Status Invoice::validate() const {
  if (id.value() <= 0)
    return validation_error("invoice.id", std::to_string(id.value()), "must be more than 0");
  if (customer.value() <= 0) {
    return validation_error("invoice.customer", std::to_string(customer.value()), "must be more than 0");
  }
  if (order && order->value() <= 0) {
    return validation_error("invoice.order", std::to_string(order->value()), "must be more than 0 when set");
  }
  if (lines.empty())
    return validation_error("invoice.lines", "0 lines", "an invoice needs at least one line");
  const Currency& cur = currency();
  Money sum(0, cur);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const InvoiceLine& line = lines[i];
    if (detail::is_blank(line.description)) {
      return detail::blank_error(fmt::format("invoice.lines[{}].description", i), line.description);
    }
    if (line.quantity <= 0) {
      return validation_error(fmt::format("invoice.lines[{}].quantity", i), std::to_string(line.quantity),
                              "must be more than 0");
    }
    if (bad_amount(line.unit_price, cur)) {
      return amount_error(fmt::format("invoice.lines[{}].unit_price", i), line.unit_price, cur);
    }
    auto expected = line.unit_price.multiply(line.quantity);
    if (line.amount.currency() != cur || !expected.ok() || *expected != line.amount) {
      return validation_error(fmt::format("invoice.lines[{}].amount", i), line.amount.to_string(),
                              expected.ok() ? fmt::format("must be quantity x unit_price = {}", *expected)
                                            : expected.error().message);
    }
    auto next = sum.add(line.amount);
    if (!next.ok()) return validation_error("invoice.subtotal", next.error().value, next.error().message);
    sum = *next;
  }
  if (subtotal != sum) {
    return validation_error("invoice.subtotal", subtotal.to_string(),
                            fmt::format("must be the sum of the line amounts, {}", sum));
  }
  if (bad_amount(shipping, cur)) return amount_error("invoice.shipping", shipping, cur);
  if (bad_amount(tax, cur)) return amount_error("invoice.tax", tax, cur);
  auto with_shipping = subtotal.add(shipping);
  auto expected = with_shipping.ok() ? with_shipping->add(tax) : with_shipping;
  if (!expected.ok() || *expected != total) {
    return validation_error("invoice.total", total.to_string(),
                            expected.ok() ? fmt::format("must be subtotal + shipping + tax = {}", *expected)
                                          : expected.error().message);
  }
  if (!is_set_date(issue_date)) {
    return validation_error("invoice.issue_date", issue_date.to_string(),
                            "must be set (after 1970-01-01 and before 10000-01-01)");
  }
  if (due_date < issue_date) {
    return validation_error("invoice.due_date", due_date.to_string(),
                            fmt::format("is before issue_date {}", issue_date));
  }
  if (!is_set_date(due_date)) {
    return validation_error("invoice.due_date", due_date.to_string(), "must be before 10000-01-01");
  }
  return Status::Ok();
}

std::string to_string(const Invoice& inv) {
  return fmt::format("invoice {} customer {} {} issued {} due {}, {} line{}", inv.id, inv.customer, inv.total,
                     inv.issue_date, inv.due_date, inv.lines.size(), inv.lines.size() == 1 ? "" : "s");
}

}  // namespace backoffice
