#include <backoffice/core/business_calendar.hpp>

#include "core/business_day_walker.hpp"

#include <algorithm>

namespace backoffice {
namespace {

using detail::BusinessDayWalker;
using detail::kDay;
using detail::kWeek;

constexpr std::string_view kWeekdayNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string format_clock(Milliseconds t) {
  std::int64_t ms = t.count();
  std::string sign;
  if (ms < 0) {
    sign = "-";
    ms = -ms;
  }
  std::string s = fmt::format("{}{:02}:{:02}", sign, ms / 3'600'000, ms / 60'000 % 60);
  if (ms % 60'000 != 0) s += fmt::format(":{:02}", ms / 1000 % 60);
  if (ms % 1000 != 0) s += fmt::format(".{:03}", ms % 1000);
  return s;
}

// Checks one day's ranges in the order given and merges touching ones.
Result<std::vector<OpeningRange>> validate_day(std::span<const OpeningRange> ranges,
                                               const std::string& field) {
  std::vector<OpeningRange> out;
  out.reserve(ranges.size());
  const OpeningRange* previous = nullptr;
  for (const OpeningRange& r : ranges) {
    if (r.begin < Milliseconds(0) || r.end > kDay || r.begin >= kDay) {
      return validation_error(field, r.to_string(), "range must lie within 00:00-24:00");
    }
    if (r.end <= r.begin) return validation_error(field, r.to_string(), "range must end after it starts");
    if (previous != nullptr && r.begin < previous->end) {
      return validation_error(
          field, r.to_string(),
          fmt::format("overlaps or comes before the previous range {} (ranges must be sorted and disjoint)",
                      previous->to_string()));
    }
    if (!out.empty() && out.back().end == r.begin) {
      out.back().end = r.end;
    } else {
      out.push_back(r);
    }
    previous = &r;
  }
  return out;
}

}  // namespace

std::string_view weekday_abbreviation(std::chrono::weekday day) {
  return kWeekdayNames[(day.iso_encoding() - 1) % 7];
}

std::string OpeningRange::to_string() const { return format_clock(begin) + "-" + format_clock(end); }

// ---- builder -------------------------------------------------------------

BusinessCalendarBuilder& BusinessCalendarBuilder::open(std::chrono::weekday day, Milliseconds begin,
                                                       Milliseconds end) {
  weekly_[(day.iso_encoding() - 1) % 7].push_back(OpeningRange{begin, end});
  return *this;
}

BusinessCalendarBuilder& BusinessCalendarBuilder::open(std::chrono::weekday first, std::chrono::weekday last,
                                                       Milliseconds begin, Milliseconds end) {
  std::chrono::weekday d = first;
  for (int i = 0; i < 7; ++i, ++d) {
    open(d, begin, end);
    if (d == last) break;
  }
  return *this;
}

BusinessCalendarBuilder& BusinessCalendarBuilder::holiday(LocalDate date) {
  dates_.push_back(DateEntry{date, true, {}});
  return *this;
}

BusinessCalendarBuilder& BusinessCalendarBuilder::special_hours(LocalDate date, Milliseconds begin,
                                                                Milliseconds end) {
  dates_.push_back(DateEntry{date, false, OpeningRange{begin, end}});
  return *this;
}

Result<BusinessCalendar> BusinessCalendarBuilder::build() const {
  BusinessCalendar cal;
  cal.zone_ = zone_;
  for (std::size_t i = 0; i < 7; ++i) {
    BO_ASSIGN_OR_RETURN(cal.weekly_[i],
                        validate_day(weekly_[i], fmt::format("opening_hours.{}", kWeekdayNames[i])));
    for (const OpeningRange& r : cal.weekly_[i]) cal.week_total_ += r.end - r.begin;
    cal.max_ranges_per_day_ = std::max(cal.max_ranges_per_day_, cal.weekly_[i].size());
  }

  // stable_sort keeps each date's ranges in the order they were given,
  // which validate_day checks.
  std::vector<DateEntry> entries = dates_;
  std::stable_sort(entries.begin(), entries.end(),
                   [](const DateEntry& a, const DateEntry& b) { return a.date < b.date; });
  for (std::size_t i = 0; i < entries.size();) {
    const LocalDate date = entries[i].date;
    std::size_t j = i;
    bool any_holiday = false;
    std::vector<OpeningRange> ranges;
    for (; j < entries.size() && entries[j].date == date; ++j) {
      if (entries[j].holiday) {
        any_holiday = true;
      } else {
        ranges.push_back(entries[j].range);
      }
    }
    const std::string_view kind = any_holiday ? "holiday" : "special_day";
    if (date < detail::kFirstDate || date > detail::kLastDate) {
      return validation_error(kind, date.to_string(), "date must lie within 0001-01-01..9999-12-31");
    }
    if (any_holiday && !ranges.empty()) {
      return validation_error("special_day", date.to_string(), "date is also listed as a holiday");
    }
    BusinessCalendar::DateHours hours{date, {}, any_holiday};
    BO_ASSIGN_OR_RETURN(hours.ranges, validate_day(ranges, fmt::format("special_day.{}", date.to_string())));
    cal.max_ranges_per_day_ = std::max(cal.max_ranges_per_day_, hours.ranges.size());
    cal.dates_.push_back(std::move(hours));
    i = j;
  }

  // Midnights of the first and last supported dates are ordinary local times
  // in every zone, so kCompatible always resolves them.
  const auto first = LocalTime::at(detail::kFirstDate, Milliseconds(0));
  const auto past_last = LocalTime::at(detail::kLastDate.plus_days(1), Milliseconds(0));
  cal.domain_begin_ = zone_.to_instant(first).value_or(Instant::from_unix_ms(first.ms_since_local_epoch()));
  cal.domain_end_ =
      zone_.to_instant(past_last).value_or(Instant::from_unix_ms(past_last.ms_since_local_epoch()));
  return cal;
}

// ---- lookups -------------------------------------------------------------

const BusinessCalendar::DateHours* BusinessCalendar::find_date(LocalDate date) const {
  auto it = std::lower_bound(dates_.begin(), dates_.end(), date,
                             [](const DateHours& h, LocalDate v) { return h.date < v; });
  return it != dates_.end() && it->date == date ? &*it : nullptr;
}

std::span<const OpeningRange> BusinessCalendar::hours_on(LocalDate date) const {
  if (const DateHours* h = find_date(date)) return h->ranges;
  return hours_on_weekday(date.iso_weekday());
}

std::span<const OpeningRange> BusinessCalendar::weekly_hours(std::chrono::weekday day) const {
  return hours_on_weekday(static_cast<int>((day.iso_encoding() - 1) % 7 + 1));
}

// ---- queries -------------------------------------------------------------

bool BusinessCalendar::is_open(Instant t) const {
  if (t < domain_begin_ || t >= domain_end_) return false;
  BusinessDayWalker w(*this, t);
  for (const auto& iv : w.intervals()) {
    if (t >= iv.begin && t < iv.end) return true;
  }
  return false;
}

std::optional<Instant> BusinessCalendar::next_open(Instant t) const {
  t = std::max(t, domain_begin_);
  if (t >= domain_end_) return std::nullopt;
  BusinessDayWalker w(*this, t);
  while (!w.done()) {
    // With no weekly hours only special days can open: jump between them.
    if (week_total_ == Milliseconds(0) && w.day_start() >= t) {
      if (w.no_special_dates_ahead()) return std::nullopt;
      if (const auto k = w.skippable_weeks(); k > 0) {
        w.skip_weeks(k);
        continue;
      }
    }
    for (const auto& iv : w.intervals()) {
      if (iv.end > t) return std::max(iv.begin, t);
    }
    w.advance();
  }
  return std::nullopt;
}

std::optional<Instant> BusinessCalendar::next_close(Instant t) const {
  const auto open = next_open(t);
  if (!open) return std::nullopt;
  Instant edge = *open;  // the open stretch is known to reach this far
  BusinessDayWalker w(*this, edge);
  const bool open_all_week = week_total_ == kWeek;
  while (!w.done()) {
    if (open_all_week && w.day_start() == edge) {
      if (const auto k = w.skippable_weeks(); k > 0) {
        w.skip_weeks(k);
        edge = w.day_start();
        continue;
      }
    }
    for (const auto& iv : w.intervals()) {
      if (iv.end <= edge) continue;
      if (iv.begin > edge) return edge;
      edge = iv.end;
    }
    if (edge < w.day_end()) return edge;
    w.advance();
  }
  return std::nullopt;  // open until the end of 9999-12-31
}

Milliseconds BusinessCalendar::business_duration(Instant from, Instant to) const {
  if (to < from) return -business_duration(to, from);
  from = std::max(from, domain_begin_);
  to = std::min(to, domain_end_);
  if (from >= to) return Milliseconds(0);
  BusinessDayWalker w(*this, from);
  Milliseconds total{0};
  while (!w.done() && w.day_start() < to) {
    if (w.day_start() >= from) {
      const auto k = std::min<std::int64_t>(w.skippable_weeks(), (to - w.day_start()) / kWeek);
      if (k > 0) {
        total += k * week_total_;
        w.skip_weeks(k);
        continue;
      }
    }
    for (const auto& iv : w.intervals()) {
      const Instant b = std::max(iv.begin, from);
      const Instant e = std::min(iv.end, to);
      if (e > b) total += e - b;
    }
    w.advance();
  }
  return total;
}

Result<Instant> BusinessCalendar::add_business(Instant start, Milliseconds d) const {
  if (d < Milliseconds(0)) {
    return invalid_argument("duration", format_hms(d), "business time to add must not be negative");
  }
  if (d == Milliseconds(0)) return start;
  const Instant from = std::max(start, domain_begin_);
  if (from >= domain_end_) {
    return invalid_argument("start", start.to_string(), "lies after the calendar's last date 9999-12-31");
  }
  BusinessDayWalker w(*this, from);
  Milliseconds remaining = d;
  while (!w.done()) {
    if (w.day_start() >= from) {
      if (week_total_ == Milliseconds(0) && w.no_special_dates_ahead()) break;
      auto k = w.skippable_weeks();
      // Stop short of the last week so the due instant is found inside it
      // (the earliest instant, which may be a closing time).
      if (week_total_ > Milliseconds(0))
        k = std::min<std::int64_t>(k, (remaining - Milliseconds(1)) / week_total_);
      if (k > 0) {
        remaining -= k * week_total_;
        w.skip_weeks(k);
        continue;
      }
    }
    for (const auto& iv : w.intervals()) {
      const Instant b = std::max(iv.begin, from);
      if (iv.end <= b) continue;
      const Milliseconds available = iv.end - b;
      if (available >= remaining) return b + remaining;
      remaining -= available;
    }
    w.advance();
  }
  return invalid_argument(
      "duration", format_hms(d),
      fmt::format("the calendar is not open that long between {} and 9999-12-31", start.to_string()));
}

}  // namespace backoffice
