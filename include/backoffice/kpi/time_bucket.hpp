#pragma once

#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace backoffice {

// Reporting intervals, on the wall clock of a chosen time zone.
enum class TimeBucket {
  kNone,     // one bucket for all time
  kMinutes15,
  kMinutes30,
  kMinutes60,
  kDay,      // local midnight to midnight (23 or 25 hours on DST days)
  kWeek,     // starting Monday 00:00 local
  kMonth,    // starting on the 1st, 00:00 local
};
std::string_view to_string(TimeBucket b) noexcept;
Result<TimeBucket> parse_time_bucket(std::string_view text);

// Maps instants to the UTC start of their bucket. Buckets are cut on the
// local wall clock, so a spring-forward day has 92 quarter-hours and a
// fall-back day 100: the repeated local hour gives distinct buckets, told
// apart by their UTC start. Caches the current UTC-offset window, so time-
// ordered input costs one comparison per instant; not thread-safe.
class TimeBucketer {
 public:
  TimeBucketer(TimeBucket bucket, TimeZone zone) : bucket_(bucket), zone_(zone) {}

  // UTC ms of the start of the bucket holding `t_ms` (0 for kNone). Inline
  // fast path: time-ordered input mostly stays in the last bucket.
  std::int64_t bucket_start(std::int64_t t_ms) {
    if (t_ms >= cached_bucket_begin_ && t_ms < cached_bucket_end_) return cached_bucket_begin_;
    return bucket_start_slow(t_ms);
  }
  // bucket_start() of each of `t_ms` into `out` (same length): the batch form
  // keeps the cached window in registers, about a third of the per-call cost.
  void bucket_starts(std::span<const std::int64_t> t_ms, std::span<std::int64_t> out);
  // UTC ms at which the bucket starting at `bucket_start_ms` ends (the next
  // bucket's start); INT64_MAX for kNone. Used to split time intervals.
  std::int64_t bucket_end(std::int64_t bucket_start_ms) const;
  // The bucket start as local time with offset, e.g. "2024-03-10T03:00:00-04:00"
  // (the date alone for day, week and month buckets; "all" for kNone), as
  // Instant::to_string_in gives it. Uses the cached offset window, so labels
  // of buckets in time order cost no zone lookup.
  std::string label(std::int64_t bucket_start_ms);

  TimeBucket bucket() const { return bucket_; }
  const TimeZone& zone() const { return zone_; }

 private:
  std::int64_t bucket_start_slow(std::int64_t t_ms);
  std::int64_t offset_for(std::int64_t t_ms);
  std::int64_t calendar_bucket_start(std::int64_t local_ms);

  TimeBucket bucket_;
  TimeZone zone_;
  std::int64_t window_begin_ = 1;  // empty window: first call looks up
  std::int64_t window_end_ = 0;
  std::int64_t window_offset_ = 0;
  std::int64_t cached_bucket_begin_ = 1;  // [begin, end) of the last fixed-width bucket
  std::int64_t cached_bucket_end_ = 0;
  std::int64_t cached_day_ = INT64_MIN;  // local day of cached_day_start_
  std::int64_t cached_day_start_ = 0;
};

}  // namespace backoffice
