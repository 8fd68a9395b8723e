#pragma once

// Invoices: what a customer owes for an order (lines + shipping + tax),
// issued on a calendar date and due a number of days later.

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/order.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backoffice {

struct InvoiceLine {
  std::string description;  // the order line's SKU
  std::int64_t quantity = 0;
  Money unit_price;
  Money amount;  // quantity x unit_price, exact
  friend bool operator==(const InvoiceLine&, const InvoiceLine&) = default;
};

// Dates are calendar dates in the biller's time zone (invoices are dated,
// not timed); ageing turns its "as of" instant into such a date.
struct Invoice {
  InvoiceId id;
  CustomerId customer;
  std::optional<OrderId> order;
  std::vector<InvoiceLine> lines;
  Money subtotal;  // sum of line amounts
  Money shipping;
  Money tax;
  Money total;  // subtotal + shipping + tax, exact
  LocalDate issue_date;
  LocalDate due_date;  // issue_date + payment terms in days

  const Currency& currency() const { return total.currency(); }
  friend bool operator==(const Invoice&, const Invoice&) = default;
};

// Payment terms accepted by invoice_for_order, in calendar days (net 0 = due
// on issue, net 30, ...). Longer terms are a typo, not a contract.
inline constexpr int kMaxTermsDays = 366;

// An invoice for every line of `order` plus its shipping and tax, due
// `terms_days` calendar days after `issue_date`. Errors: the order's
// validate() error; kInvalidArgument naming "terms_days" outside
// [0, kMaxTermsDays]; kConflict naming "order.status" for a cancelled order.
// O(lines).
Result<Invoice> invoice_for_order(InvoiceId id, const Order& order, LocalDate issue_date, int terms_days);

}  // namespace backoffice
