#pragma once

// Accounts-receivable ageing: open invoice balances grouped by how many
// calendar days past due they are, per customer and in total, one row per
// currency (currencies are never added together).
//
// days past due = as_of date - due date (calendar days in the biller's
// zone). Buckets: current (<= 0: not yet due, or due today), 1-30, 31-60,
// 61-90, 90+ (>= 91). So an invoice exactly 30 days past due is in 1-30 and
// one 31 days past due in 31-60.

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/domain/receivable_columns.hpp>  // ReceivableColumns

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace backoffice {

enum class AgeingBucket { kCurrent, kDays1To30, kDays31To60, kDays61To90, kOver90 };
inline constexpr std::size_t kAgeingBucketCount = 5;
inline constexpr std::array kAllAgeingBuckets{AgeingBucket::kCurrent, AgeingBucket::kDays1To30,
                                              AgeingBucket::kDays31To60, AgeingBucket::kDays61To90,
                                              AgeingBucket::kOver90};

// "current", "1-30", "31-60", "61-90", "90+".
std::string_view to_string(AgeingBucket bucket) noexcept;

// The bucket of an item `days_past_due` calendar days past due.
constexpr AgeingBucket ageing_bucket(std::int64_t days_past_due) noexcept {
  if (days_past_due <= 0) return AgeingBucket::kCurrent;
  if (days_past_due <= 30) return AgeingBucket::kDays1To30;
  if (days_past_due <= 60) return AgeingBucket::kDays31To60;
  if (days_past_due <= 90) return AgeingBucket::kDays61To90;
  return AgeingBucket::kOver90;
}

// One line of the report: a customer's (or, in AgeingReport::totals, every
// customer's) open balance in one currency, split into the buckets.
struct AgeingRow {
  CustomerId customer;  // unused (0) in AgeingReport::totals
  Currency currency;
  std::array<std::int64_t, kAgeingBucketCount> bucket_minor{};  // indexed by AgeingBucket
  std::int64_t total_minor = 0;                                 // sum of the buckets
  std::int64_t items = 0;                                       // invoices with an open balance

  Money bucket(AgeingBucket b) const { return Money(bucket_minor[static_cast<std::size_t>(b)], currency); }
  Money total() const { return Money(total_minor, currency); }
};

struct AgeingReport {
  LocalDate as_of;
  std::vector<AgeingRow> customers;  // sorted by currency code, then customer id
  std::vector<AgeingRow> totals;     // one per currency, sorted by code
};

// Ages the rows as of the calendar date `as_of`. Rows with a zero open
// balance are skipped. Errors (kInvalidArgument): column lengths differ
// (field names the column), no currencies, a currency index out of range or
// a negative balance (field "<column>[row]"); kOverflow when a sum does not
// fit in 64-bit minor units. O(rows) time, O(customers x currencies) memory.
Result<AgeingReport> age_receivables(const ReceivableColumns& rows, LocalDate as_of);
// As above, as of the local date of the instant `as_of` in `zone`.
Result<AgeingReport> age_receivables(const ReceivableColumns& rows, Instant as_of, const TimeZone& zone);

// Writes the local calendar date in `zone` (days since 1970-01-01) of each
// instant (Unix ms, UTC), for due dates held as instants. The last four
// offset windows are kept, so a tz lookup happens per window, not per row.
// kInvalidArgument naming "out" when the sizes differ, or "instants_ms[i]"
// outside the years 0001-9999. O(rows).
Status local_days(std::span<const std::int64_t> instants_ms, const TimeZone& zone,
                  std::span<std::int32_t> out);

}  // namespace backoffice
