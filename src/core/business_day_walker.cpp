#include "core/business_day_walker.hpp"

#include <algorithm>
#include <limits>

namespace backoffice::detail {
namespace {

constexpr Instant kNever = Instant::from_unix_ms(std::numeric_limits<std::int64_t>::max());
// Looking this far back for a UTC-offset change is enough to see any
// fall-back overlap that could still make a local midnight ambiguous (real
// overlaps are at most about a day long).
constexpr Milliseconds kLookBack = 2 * kDay;

int iso_weekday_of(LocalDate d) {
  // 1970-01-01 was a Thursday (ISO 4).
  const std::int64_t days = d.days_since_epoch();
  return static_cast<int>(((days % 7 + 7) % 7 + 3) % 7 + 1);
}

std::int64_t local_midnight_ms(LocalDate d) {
  return static_cast<std::int64_t>(d.days_since_epoch()) * kDay.count();
}

}  // namespace

BusinessDayWalker::BusinessDayWalker(const BusinessCalendar& cal, Instant t) : cal_(&cal) {
  if (cal.max_ranges_per_day_ > inline_.size()) {
    heap_.resize(cal.max_ranges_per_day_);
    buf_ = heap_.data();
  }
  LocalDate d = cal.zone_.to_local(t).date();
  d = std::clamp(d, kFirstDate, kLastDate);
  seek(d);
  // The local date of t and the date whose window holds t differ only when
  // a transition moves midnight; one step either way settles it.
  while (t < start_ && date_ > kFirstDate) seek(date_.plus_days(-1));
  while (!done_ && t >= end_) advance();
}

void BusinessDayWalker::seek(LocalDate d) {
  const auto& dates = cal_->dates_;
  next_date_ = static_cast<std::size_t>(
      std::lower_bound(dates.begin(), dates.end(), d,
                       [](const BusinessCalendar::DateHours& h, LocalDate v) { return h.date < v; }) -
      dates.begin());
  position(d);
}

void BusinessDayWalker::advance() { position(date_.plus_days(1)); }

std::span<const OpeningRange> BusinessDayWalker::ranges_for(LocalDate d) const {
  const auto& dates = cal_->dates_;
  if (next_date_ < dates.size() && dates[next_date_].date == d) return dates[next_date_].ranges;
  return cal_->hours_on_weekday(iso_weekday_of(d));
}

void BusinessDayWalker::refresh_offset(Instant at) {
  const TimeZone& zone = cal_->zone_;
  offset_ms_ = std::chrono::duration_cast<Milliseconds>(zone.offset_at(at)).count();
  until_ = zone.next_transition(at).value_or(kNever);
  // Find the last offset change in (at - kLookBack, at]. After a fall-back,
  // local times within the overlap map to the earlier (previous) offset, so
  // the cached offset is trusted only for day starts past the overlap.
  simple_from_ = at;
  Instant last_change = kNever;
  auto probe = zone.next_transition(at - kLookBack);
  while (probe && *probe <= at) {
    last_change = *probe;
    probe = zone.next_transition(*probe);
  }
  if (last_change != kNever) {
    const auto before = zone.offset_at(last_change - Milliseconds(1));
    const auto overlap = std::max(
        Milliseconds(0), std::chrono::duration_cast<Milliseconds>(before - zone.offset_at(last_change)));
    simple_from_ = last_change + overlap;
  }
  have_offset_ = true;
}

void BusinessDayWalker::push(Instant begin, Instant end) {
  begin = std::max(begin, start_);
  end = std::min(end, end_);
  if (end > begin) buf_[count_++] = OpenInterval{begin, end};
}

void BusinessDayWalker::position(LocalDate d) {
  date_ = d;
  count_ = 0;
  if (d > kLastDate) {
    done_ = true;
    start_ = end_ = cal_->domain_end_;
    return;
  }
  const auto& dates = cal_->dates_;
  while (next_date_ < dates.size() && dates[next_date_].date < d) ++next_date_;
  const std::span<const OpeningRange> ranges = ranges_for(d);

  const std::int64_t l0 = local_midnight_ms(d);
  const std::int64_t l1 = l0 + kDay.count();
  auto fits_cache = [&] {
    if (!have_offset_) return false;
    const Instant s = Instant::from_unix_ms(l0 - offset_ms_);
    return s >= simple_from_ && Instant::from_unix_ms(l1 - offset_ms_) < until_;
  };

  const TimeZone& zone = cal_->zone_;
  if (!fits_cache()) {
    // kCompatible never fails, so the fallback below is unreachable; it keeps
    // the walk total (and the window non-empty) should the zone ever misbehave.
    start_ = zone.to_instant(LocalTime(l0)).value_or(Instant::from_unix_ms(l0));
    refresh_offset(start_);
  }
  if (fits_cache()) {
    simple_ = true;
    start_ = Instant::from_unix_ms(l0 - offset_ms_);
    end_ = start_ + kDay;
    for (const OpeningRange& r : ranges) buf_[count_++] = OpenInterval{start_ + r.begin, start_ + r.end};
    return;
  }

  // A UTC-offset change touches this date: map every boundary on its own.
  simple_ = false;
  end_ = zone.to_instant(LocalTime(l1)).value_or(Instant::from_unix_ms(l1 - offset_ms_));
  for (const OpeningRange& r : ranges) {
    const Instant b = zone.to_instant(LocalTime(l0 + r.begin.count())).value_or(start_);
    const Instant e = zone.to_instant(LocalTime(l0 + r.end.count())).value_or(start_);
    push(b, e);
  }
  // A range starting in a spring-forward gap is moved forward by the gap and
  // can overlap the next range; sort and merge so the intervals stay disjoint.
  std::sort(buf_, buf_ + count_,
            [](const OpenInterval& a, const OpenInterval& b) { return a.begin < b.begin; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    if (out > 0 && buf_[i].begin <= buf_[out - 1].end) {
      buf_[out - 1].end = std::max(buf_[out - 1].end, buf_[i].end);
    } else {
      buf_[out++] = buf_[i];
    }
  }
  count_ = out;
  refresh_offset(end_);
}

std::int64_t BusinessDayWalker::skippable_weeks() const {
  if (done_ || !simple_) return 0;
  std::int64_t k = (kLastDate.days_since_epoch() - date_.days_since_epoch() + 1) / 7;
  if (until_ != kNever) k = std::min<std::int64_t>(k, ((until_ - start_) - Milliseconds(1)) / kWeek);
  const auto& dates = cal_->dates_;
  if (next_date_ < dates.size()) {
    k = std::min<std::int64_t>(k, (dates[next_date_].date.days_since_epoch() - date_.days_since_epoch()) / 7);
  }
  return std::max<std::int64_t>(k, 0);
}

void BusinessDayWalker::skip_weeks(std::int64_t k) {
  if (k <= 0) return;
  position(date_.plus_days(static_cast<std::int32_t>(k * 7)));
}

}  // namespace backoffice::detail
