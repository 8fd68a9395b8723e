#pragma once

// Open receivables as columns: what AR ageing (workflow/billing_ageing.hpp)
// reads, filled either by the in-memory ledger (Receivables::open_items) or
// straight from SQL (Store::open_items).

#include <backoffice/core/money.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace backoffice {

// Open receivables as columns, one row per invoice (all spans the same length).
struct ReceivableColumns {
  std::span<const std::int64_t> customer;    // customer ids
  std::span<const std::int32_t> due_day;     // due date, LocalDate::days_since_epoch()
  std::span<const std::int64_t> open_minor;  // open balance in minor units, >= 0
  // Index of each row's currency in `currencies`; empty: every row is in currencies[0].
  std::span<const std::int32_t> currency;
  std::span<const Currency> currencies;  // at least one, each once
};

// Open items as columns, owning their storage; columns() views them for
// age_receivables.
struct OpenItems {
  std::vector<std::int64_t> invoice;
  std::vector<std::int64_t> customer;
  std::vector<std::int32_t> due_day;
  std::vector<std::int64_t> open_minor;
  std::vector<std::int32_t> currency;
  std::vector<Currency> currencies;

  ReceivableColumns columns() const { return {customer, due_day, open_minor, currency, currencies}; }
  friend bool operator==(const OpenItems&, const OpenItems&) = default;
};

}  // namespace backoffice
