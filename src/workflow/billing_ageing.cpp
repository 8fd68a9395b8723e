#include <backoffice/workflow/billing_ageing.hpp>

#include "core/int_math.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace backoffice {
namespace {

using detail::floor_div;

constexpr std::int64_t kMsPerDay = 86'400'000;
// 0001-01-01T00:00Z and 9999-12-31T23:59:59.999Z: beyond them no calendar
// date is meaningful and the tz database cannot answer.
constexpr std::int64_t kMinInstantMs = -62'135'596'800'000;
constexpr std::int64_t kMaxInstantMs = 253'402'300'799'999;

Status check_length(std::string_view name, std::size_t size, std::size_t expected) {
  if (size == expected) return Status::Ok();
  return invalid_argument(name, std::to_string(size),
                          fmt::format("has {} rows but customer has {}", size, expected));
}

Error overflow_error() {
  return make_error(ErrorCode::kOverflow, "open_minor", "",
                    "an ageing sum does not fit in 64-bit minor units");
}

// Open addressing over (customer, currency index) with each group's sums
// stored in its slot: one cache line per slot, so a row costs one random
// memory access. (std::unordered_map plus a vector of rows cost three.)
struct alignas(64) Group {
  std::int64_t customer = 0;
  std::int32_t currency = 0;
  std::int32_t used = 0;
  std::array<std::int64_t, kAgeingBucketCount> bucket_minor{};
  std::int64_t items = 0;
};

class GroupTable {
 public:
  Group& find_or_add(std::int64_t customer, std::int32_t currency) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t at = hash(customer, currency) & mask_;
    while (true) {
      Group& g = slots_[at];
      if (g.used == 0) {
        g.customer = customer;
        g.currency = currency;
        g.used = 1;
        ++size_;
        return g;
      }
      if (g.customer == customer && g.currency == currency) return g;
      at = (at + 1) & mask_;
    }
  }
  const std::vector<Group>& slots() const { return slots_; }
  std::size_t size() const { return size_; }

 private:
  static std::size_t hash(std::int64_t customer, std::int32_t currency) {
    // splitmix64's finaliser: sequential ids spread over the table.
    std::uint64_t x = static_cast<std::uint64_t>(customer) ^ (static_cast<std::uint64_t>(currency) << 56);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>(x ^ (x >> 31));
  }

  void grow() {
    std::vector<Group> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Group{});
    mask_ = slots_.size() - 1;
    for (const Group& g : old) {
      if (g.used == 0) continue;
      std::size_t at = hash(g.customer, g.currency) & mask_;
      while (slots_[at].used != 0) at = (at + 1) & mask_;
      slots_[at] = g;
    }
  }

  std::vector<Group> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace

std::string_view to_string(AgeingBucket bucket) noexcept {
  switch (bucket) {
    case AgeingBucket::kCurrent:
      return "current";
    case AgeingBucket::kDays1To30:
      return "1-30";
    case AgeingBucket::kDays31To60:
      return "31-60";
    case AgeingBucket::kDays61To90:
      return "61-90";
    case AgeingBucket::kOver90:
      return "90+";
  }
  return "unknown";
}

Result<AgeingReport> age_receivables(const ReceivableColumns& rows, LocalDate as_of) {
  const std::size_t n = rows.customer.size();
  BO_RETURN_IF_ERROR(check_length("due_day", rows.due_day.size(), n));
  BO_RETURN_IF_ERROR(check_length("open_minor", rows.open_minor.size(), n));
  if (!rows.currency.empty()) BO_RETURN_IF_ERROR(check_length("currency", rows.currency.size(), n));
  if (rows.currencies.empty()) return invalid_argument("currencies", "0", "need at least one currency");
  const auto currency_count = static_cast<std::int32_t>(rows.currencies.size());
  for (std::size_t i = 1; i < rows.currencies.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (rows.currencies[i] == rows.currencies[j]) {
        return invalid_argument(fmt::format("currencies[{}]", i), rows.currencies[i].code(),
                                "each currency may be listed once");
      }
    }
  }

  // Input is often sorted by customer, so the previous key is checked
  // before the table. Overflow is collected in one flag: an early return
  // (a Status) per row made the pass several times slower.
  GroupTable table;
  Group* group = nullptr;
  bool overflow = false;
  const std::int64_t today = as_of.days_since_epoch();

  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t amount = rows.open_minor[i];
    if (amount <= 0) {
      if (amount == 0) continue;
      return invalid_argument(fmt::format("open_minor[{}]", i), std::to_string(amount),
                              "an open balance must not be negative");
    }
    const std::int32_t cur = rows.currency.empty() ? 0 : rows.currency[i];
    if (cur < 0 || cur >= currency_count) {
      return invalid_argument(fmt::format("currency[{}]", i), std::to_string(cur),
                              fmt::format("must index the {} currencies", currency_count));
    }
    const std::int64_t customer = rows.customer[i];
    if (group == nullptr || customer != group->customer || cur != group->currency) {
      group = &table.find_or_add(customer, cur);  // stable until the next find_or_add
    }
    const auto bucket = static_cast<std::size_t>(ageing_bucket(today - rows.due_day[i]));
    overflow |= __builtin_add_overflow(group->bucket_minor[bucket], amount, &group->bucket_minor[bucket]);
    ++group->items;
  }
  if (overflow) return overflow_error();

  // Currencies ranked by code, so groups sort by (code, customer) on integers.
  std::vector<std::int32_t> rank(rows.currencies.size());
  for (std::size_t i = 0; i < rank.size(); ++i) {
    std::int32_t r = 0;
    for (std::size_t j = 0; j < rank.size(); ++j) r += rows.currencies[j].code() < rows.currencies[i].code();
    rank[i] = r;
  }
  std::vector<const Group*> order;
  order.reserve(table.size());
  for (const Group& g : table.slots()) {
    if (g.used != 0) order.push_back(&g);
  }
  std::sort(order.begin(), order.end(), [&](const Group* a, const Group* b) {
    const std::int32_t ra = rank[static_cast<std::size_t>(a->currency)];
    const std::int32_t rb = rank[static_cast<std::size_t>(b->currency)];
    return ra != rb ? ra < rb : a->customer < b->customer;
  });
  AgeingReport report{as_of, {}, {}};
  report.customers.reserve(order.size());
  for (const Group* g : order) {
    AgeingRow row{CustomerId{g->customer}, rows.currencies[static_cast<std::size_t>(g->currency)]};
    row.bucket_minor = g->bucket_minor;
    row.items = g->items;
    for (std::int64_t v : row.bucket_minor)
      overflow |= __builtin_add_overflow(row.total_minor, v, &row.total_minor);
    if (report.totals.empty() || !(report.totals.back().currency == row.currency)) {
      report.totals.push_back(AgeingRow{CustomerId{0}, row.currency});
    }
    AgeingRow& total = report.totals.back();
    for (std::size_t b = 0; b < kAgeingBucketCount; ++b) {
      overflow |= __builtin_add_overflow(total.bucket_minor[b], row.bucket_minor[b], &total.bucket_minor[b]);
    }
    overflow |= __builtin_add_overflow(total.total_minor, row.total_minor, &total.total_minor);
    total.items += row.items;
    report.customers.push_back(row);
  }
  if (overflow) return overflow_error();
  return report;
}

Result<AgeingReport> age_receivables(const ReceivableColumns& rows, Instant as_of, const TimeZone& zone) {
  return age_receivables(rows, zone.to_local(as_of).date());
}

Status local_days(std::span<const std::int64_t> instants_ms, const TimeZone& zone,
                  std::span<std::int32_t> out) {
  if (out.size() != instants_ms.size()) {
    return invalid_argument(
        "out", std::to_string(out.size()),
        fmt::format("has room for {} days but there are {} instants", out.size(), instants_ms.size()));
  }
  // Unsorted due dates jump between a few offset windows (a year of dates
  // spans three in a DST zone), so the last few windows are kept, most
  // recent first; a tz database lookup costs far more than these compares.
  constexpr std::size_t kKept = 4;
  std::array<TimeZone::OffsetWindow, kKept> kept;
  kept.fill(TimeZone::OffsetWindow{1, 0, 0});  // empty windows: nothing matches
  for (std::size_t i = 0; i < instants_ms.size(); ++i) {
    const std::int64_t t = instants_ms[i];
    if (t < kMinInstantMs || t > kMaxInstantMs) {
      return invalid_argument(fmt::format("instants_ms[{}]", i), std::to_string(t),
                              "must fall in the years 0001 to 9999");
    }
    if (t < kept[0].begin_ms || t >= kept[0].end_ms) {
      std::size_t k = 1;
      while (k < kKept && (t < kept[k].begin_ms || t >= kept[k].end_ms)) ++k;
      const TimeZone::OffsetWindow hit = k < kKept ? kept[k] : zone.offset_window(Instant::from_unix_ms(t));
      for (std::size_t j = std::min(k, kKept - 1); j > 0; --j) kept[j] = kept[j - 1];
      kept[0] = hit;
    }
    out[i] = static_cast<std::int32_t>(floor_div(t + kept[0].offset_ms, kMsPerDay));
  }
  return Status::Ok();
}

}  // namespace backoffice
