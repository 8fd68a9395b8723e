#pragma once

// Invoices: what a customer owes (lines + shipping + tax), issued on a
// calendar date and due on another. The record and its validation; the
// receivables ledger that credits and pays invoices is in workflow/
// (billing_ledger.hpp), the SQLite persistence in store/ (docs/store.md).

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/formatting.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backoffice {

struct InvoiceLine {
  std::string description;  // e.g. the order line's SKU
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

  // Checks, in this order, and reports the first failure as a kValidation
  // error naming "invoice.<field>" and the offending value:
  //  - id and customer > 0; order, when set, > 0;
  //  - at least one line; for each lines[i]: description not blank,
  //    quantity > 0, unit_price >= 0 in the invoice's currency (the
  //    currency of total), amount == quantity x unit_price exactly
  //    ("invoice.lines[i].<field>");
  //  - subtotal == sum of the line amounts; shipping and tax >= 0 in the
  //    invoice's currency; total == subtotal + shipping + tax;
  //  - issue_date set (after 1970-01-01, LocalDate's default, and before
  //    year 10000); due_date >= issue_date.
  // O(lines).
  Status validate() const;

  friend bool operator==(const Invoice&, const Invoice&) = default;
};

// Whether `date` is a real dated record's date: after 1970-01-01 (the
// default LocalDate, i.e. never set) and before the year 10000.
bool is_set_date(LocalDate date) noexcept;

// "invoice 12 customer 42 71.00 USD issued 2024-03-04 due 2024-04-03, 2 lines".
std::string to_string(const Invoice& invoice);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Invoice> : backoffice::detail::ToStringFormatter<backoffice::Invoice> {};
