#include <backoffice/kpi/time_bucket.hpp>

#include <backoffice/core/civil_time.hpp>

#include "core/int_math.hpp"
#include "core/offset_text.hpp"

#include <algorithm>
#include <array>

namespace backoffice {
namespace {

using detail::floor_div;

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;

constexpr std::array<std::pair<TimeBucket, std::string_view>, 7> kNames{{
    {TimeBucket::kNone, "none"},
    {TimeBucket::kMinutes15, "15min"},
    {TimeBucket::kMinutes30, "30min"},
    {TimeBucket::kMinutes60, "60min"},
    {TimeBucket::kDay, "day"},
    {TimeBucket::kWeek, "week"},
    {TimeBucket::kMonth, "month"},
}};

}  // namespace

std::string_view to_string(TimeBucket b) noexcept {
  for (const auto& [bucket, name] : kNames) {
    if (bucket == b) return name;
  }
  return "unknown";
}

Result<TimeBucket> parse_time_bucket(std::string_view text) {
  for (const auto& [bucket, name] : kNames) {
    if (name == text) return bucket;
  }
  return parse_error("time_bucket", text, "expected none, 15min, 30min, 60min, day, week or month");
}

std::int64_t TimeBucketer::offset_for(std::int64_t t_ms) {
  if (t_ms < window_begin_ || t_ms >= window_end_) {
    const auto w = zone_.offset_window(Instant::from_unix_ms(t_ms));
    window_begin_ = w.begin_ms;
    window_end_ = w.end_ms;
    window_offset_ = w.offset_ms;
  }
  return window_offset_;
}

std::int64_t TimeBucketer::calendar_bucket_start(std::int64_t local_ms) {
  LocalDate day(static_cast<std::int32_t>(floor_div(local_ms, kDayMs)));
  if (bucket_ == TimeBucket::kWeek) {
    day = day.plus_days(1 - day.iso_weekday());
  } else if (bucket_ == TimeBucket::kMonth) {
    day = day.plus_days(1 - day.day());
  }
  if (day.days_since_epoch() != cached_day_) {
    cached_day_ = day.days_since_epoch();
    // Local midnight exists in every zone but a few that skip it on a DST
    // change; the compatible rule then starts the bucket at the gap's end.
    auto start = zone_.to_instant(LocalTime::at(day, std::chrono::milliseconds(0)));
    cached_day_start_ = start.ok() ? start->unix_ms() : local_ms;
  }
  return cached_day_start_;
}

std::int64_t TimeBucketer::bucket_start_slow(std::int64_t t_ms) {
  std::int64_t width = 0;
  switch (bucket_) {
    case TimeBucket::kNone: return 0;
    case TimeBucket::kMinutes15: width = 15 * kMinuteMs; break;
    case TimeBucket::kMinutes30: width = 30 * kMinuteMs; break;
    case TimeBucket::kMinutes60: width = 60 * kMinuteMs; break;
    case TimeBucket::kDay:
    case TimeBucket::kWeek:
    case TimeBucket::kMonth: {
      const std::int64_t local = t_ms + offset_for(t_ms);
      const std::int64_t start = calendar_bucket_start(local);
      cached_bucket_begin_ = start;
      cached_bucket_end_ = bucket_end(start);
      return start;
    }
  }
  // Consecutive instants mostly fall in the bucket of the previous one (the
  // inline fast path); the divisions below cost more than the rest of a row.
  const std::int64_t local = t_ms + offset_for(t_ms);
  const std::int64_t into = local - floor_div(local, width) * width;
  cached_bucket_begin_ = t_ms - into;
  cached_bucket_end_ = std::min(cached_bucket_begin_ + width, window_end_);
  if (cached_bucket_begin_ < window_begin_) cached_bucket_end_ = cached_bucket_begin_;  // straddles a change: no cache
  return cached_bucket_begin_;
}

void TimeBucketer::bucket_starts(std::span<const std::int64_t> t_ms, std::span<std::int64_t> out) {
  if (bucket_ == TimeBucket::kNone) {
    std::fill(out.begin(), out.end(), 0);
    return;
  }
  // Locals, not members: stores to `out` could alias the members, which
  // would then be reloaded every row.
  std::int64_t begin = cached_bucket_begin_, end = cached_bucket_end_;
  for (std::size_t i = 0; i < t_ms.size(); ++i) {
    const std::int64_t t = t_ms[i];
    if (t >= begin && t < end) {
      out[i] = begin;
    } else {
      out[i] = bucket_start_slow(t);
      begin = cached_bucket_begin_;
      end = cached_bucket_end_;
    }
  }
}

std::int64_t TimeBucketer::bucket_end(std::int64_t start) const {
  switch (bucket_) {
    case TimeBucket::kNone: return INT64_MAX;
    case TimeBucket::kMinutes15: return start + 15 * kMinuteMs;
    case TimeBucket::kMinutes30: return start + 30 * kMinuteMs;
    case TimeBucket::kMinutes60: return start + 60 * kMinuteMs;
    case TimeBucket::kDay:
    case TimeBucket::kWeek:
    case TimeBucket::kMonth: break;
  }
  const LocalDate day = zone_.to_local(Instant::from_unix_ms(start)).date();
  LocalDate next = day.plus_days(bucket_ == TimeBucket::kDay ? 1 : 7);
  if (bucket_ == TimeBucket::kMonth) {
    const int month = day.month() == 12 ? 1 : day.month() + 1;
    next = LocalDate::from_ymd(day.month() == 12 ? day.year() + 1 : day.year(), month, 1).value();
  }
  auto t = zone_.to_instant(LocalTime::at(next, std::chrono::milliseconds(0)));
  return t.ok() ? t->unix_ms() : start + kDayMs;
}

std::string TimeBucketer::label(std::int64_t bucket_start_ms) {
  if (bucket_ == TimeBucket::kNone) return "all";
  // The cached offset window, not a zone lookup per label: a report labels
  // every group.
  const std::int64_t offset_ms = offset_for(bucket_start_ms);
  const LocalTime local(bucket_start_ms + offset_ms);
  if (bucket_ == TimeBucket::kDay || bucket_ == TimeBucket::kWeek || bucket_ == TimeBucket::kMonth) {
    return local.date().to_string();
  }
  std::string text = local.to_string();
  detail::append_utc_offset(text, offset_ms / 1000);
  return text;
}

}  // namespace backoffice
