#pragma once

// Invoicing an order: an invoice for its lines, shipping and tax, issued
// on a calendar date and due a number of days later. The Invoice record
// itself is in domain/invoice.hpp (the store persists it).

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/domain/invoice.hpp>
#include <backoffice/domain/order.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace backoffice {

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
