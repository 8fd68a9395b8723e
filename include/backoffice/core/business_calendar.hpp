#pragma once

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/duration.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace backoffice {

namespace detail {
class BusinessDayWalker;
}

// One opening range of a local day, [begin, end), as wall-clock offsets from
// local midnight: 0 <= begin < end <= 24h (an end of 24:00 means "until the
// next local midnight").
struct OpeningRange {
  Milliseconds begin{0};
  Milliseconds end{0};

  // "09:00-17:30"; seconds (":SS") and milliseconds (".fff") appear only when non-zero.
  std::string to_string() const;

  friend bool operator==(const OpeningRange&, const OpeningRange&) = default;
};

// Opening hours of a contact centre in one IANA time zone, for SLA clocks
// and business-time turnaround (see docs/business_calendar.md).
//
// Model: every local date D has a list of wall-clock opening ranges (the
// weekly pattern for D's weekday, or D's special-day ranges, or none when D
// is a holiday). Each range boundary becomes an instant through
// TimeZone::to_instant with Disambiguation::kCompatible, so a range counts
// the time that really elapses between its two wall-clock ends (01:00-03:00
// lasts 1 h on a spring-forward night and 3 h on a fall-back night).
// Date D owns the instants [to_instant(D 00:00), to_instant(D+1 00:00));
// its ranges are clipped to that window, and the calendar is open exactly on
// the union of the resulting intervals. Local dates 0001-01-01..9999-12-31
// are covered; the calendar counts as closed outside them.
//
// A value type: copyable, comparable, printable (the text form of
// parse()); const queries may run on several threads at once. Build one
// with BusinessCalendarBuilder or parse().
class BusinessCalendar {
 public:
  // An always-closed calendar in UTC.
  BusinessCalendar() = default;

  // Parses the compact text form, e.g.
  //   "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; 2024-12-25 closed; 2024-12-24 09:00-13:00"
  // (grammar in docs/business_calendar.md). Malformed text is a kParse
  // error, hours that break the rules a kValidation error; both have field
  // "calendar", value = the whole text, and a message naming the item.
  static Result<BusinessCalendar> parse(std::string_view text, TimeZone zone);

  const TimeZone& zone() const { return zone_; }
  // Wall-clock ranges in force on `date` (special day, holiday = empty, or
  // the weekly pattern), valid while this calendar lives. O(log E),
  // E = holidays + special days.
  std::span<const OpeningRange> hours_on(LocalDate date) const;
  // The weekly pattern for one weekday.
  std::span<const OpeningRange> weekly_hours(std::chrono::weekday day) const;

  // All instants below are UTC; the zone applies only to the opening hours.

  // Whether `t` lies in an opening interval (begin inclusive, end exclusive).
  // O(log E + ranges of one day), a few tz lookups.
  bool is_open(Instant t) const;

  // `t` itself when open, else the start of the next opening; nullopt when
  // the calendar never opens again. O(days scanned), whole weeks at a time.
  std::optional<Instant> next_open(Instant t) const;

  // The instant at which the open stretch containing next_open(t) ends
  // (ranges that touch, e.g. Mon 18:00-24:00 and Tue 00:00-06:00, are one
  // stretch); nullopt when it never ends (open 24/7) or never opens.
  std::optional<Instant> next_close(Instant t) const;

  // Milliseconds of open time in [from, to). Antisymmetric: when to < from
  // the result is -business_duration(to, from), so "time left" goes negative
  // once a due date has passed. Never fails. Cost O(P + T + E) day steps for
  // a span with P partial weeks at its ends, T UTC-offset changes and E
  // holidays/special days; whole weeks in between are added in O(1).
  Milliseconds business_duration(Instant from, Instant to) const;

  // The earliest instant u >= start with business_duration(start, u) == d:
  // a due date. The clock runs only while open, so a start outside hours
  // starts at the next opening, and a due date that lands exactly on a
  // closing time returns that closing instant (not the next opening).
  // d == 0 returns `start`. Errors: kInvalidArgument naming "duration" when
  // d < 0 or when the calendar does not open for d before 9999-12-31 ends,
  // naming "start" when start lies after that.
  // Same cost as business_duration.
  Result<Instant> add_business(Instant start, Milliseconds d) const;

  // The canonical text form; parse(to_string(), zone()) == *this.
  std::string to_string() const;

  friend bool operator==(const BusinessCalendar&, const BusinessCalendar&) = default;

 private:
  friend class BusinessCalendarBuilder;
  friend class detail::BusinessDayWalker;

  // A holiday (no ranges) or a special day (its own ranges).
  struct DateHours {
    LocalDate date;
    std::vector<OpeningRange> ranges;
    bool holiday = false;
    friend bool operator==(const DateHours&, const DateHours&) = default;
  };

  const DateHours* find_date(LocalDate date) const;
  std::span<const OpeningRange> hours_on_weekday(int iso_weekday) const {
    return weekly_[static_cast<std::size_t>(iso_weekday - 1)];
  }

  TimeZone zone_;
  std::array<std::vector<OpeningRange>, 7> weekly_;  // [0] = Monday ... [6] = Sunday
  std::vector<DateHours> dates_;                     // sorted by date, unique
  Milliseconds week_total_{0};                       // wall-clock open time per week
  std::size_t max_ranges_per_day_ = 0;
  // Start of 0001-01-01 and of 10000-01-01 in zone_ (UTC values by default).
  Instant domain_begin_ = Instant::from_unix_ms(-62'135'596'800'000);
  Instant domain_end_ = Instant::from_unix_ms(253'402'300'800'000);
};

// Collects weekly hours, holidays and special days; build() validates them.
// Ranges of one day must be given in increasing order and must not overlap
// (touching ranges such as 08:00-12:00, 12:00-13:00 are allowed and merge).
class BusinessCalendarBuilder {
 public:
  explicit BusinessCalendarBuilder(TimeZone zone = TimeZone::utc()) : zone_(zone) {}

  // Adds [begin, end) (wall clock, from local midnight) to `day`'s pattern.
  BusinessCalendarBuilder& open(std::chrono::weekday day, Milliseconds begin, Milliseconds end);
  // Adds [begin, end) to every weekday from `first` to `last` inclusive,
  // wrapping past Sunday (Sun..Thu is Sun, Mon, Tue, Wed, Thu).
  BusinessCalendarBuilder& open(std::chrono::weekday first, std::chrono::weekday last, Milliseconds begin,
                                Milliseconds end);
  // Closed all day on `date`, whatever the weekly pattern says.
  BusinessCalendarBuilder& holiday(LocalDate date);
  // Adds [begin, end) to `date`'s own ranges, which replace the weekly pattern.
  BusinessCalendarBuilder& special_hours(LocalDate date, Milliseconds begin, Milliseconds end);

  // kValidation errors: field "opening_hours.<Mon..Sun>" or
  // "special_day.<YYYY-MM-DD>" with the offending range as value when a
  // range is empty, reversed, outside 00:00-24:00, out of order or
  // overlapping; field "holiday"/"special_day" with the date when a date is
  // outside 0001..9999 or is both a holiday and a special day.
  // O(R log R) for R ranges and dates.
  Result<BusinessCalendar> build() const;

 private:
  struct DateEntry {
    LocalDate date;
    bool holiday = false;
    OpeningRange range;  // unused for holidays
  };
  TimeZone zone_;
  std::array<std::vector<OpeningRange>, 7> weekly_;
  std::vector<DateEntry> dates_;
};

// "Mon" ... "Sun" for an ISO weekday 1..7.
std::string_view weekday_abbreviation(std::chrono::weekday day);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::OpeningRange> : fmt::formatter<std::string_view> {
  auto format(const backoffice::OpeningRange& r, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(r.to_string(), ctx);
  }
};

template <>
struct fmt::formatter<backoffice::BusinessCalendar> : fmt::formatter<std::string_view> {
  auto format(const backoffice::BusinessCalendar& c, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(c.to_string(), ctx);
  }
};
