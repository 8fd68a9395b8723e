#include <backoffice/core/civil_time.hpp>

#include "core/int_math.hpp"
#include "core/iso8601.hpp"

#include <date/date.h>

namespace backoffice {
namespace {

using detail::floor_div;

constexpr std::int64_t kMsPerDay = 86'400'000;

date::year_month_day ymd_of(std::int32_t days) { return date::year_month_day{date::sys_days{date::days{days}}}; }

void put_digits(char* out, std::int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// "YYYY-MM-DD" into out[0..10), digit by digit: reports format a date per
// row or group, where parsing a format string cost more than the rest.
// False for years outside 0..9999, which take the general formatting.
bool put_date(char* out, std::int32_t days) {
  const auto ymd = ymd_of(days);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return false;
  put_digits(out, year, 4);
  out[4] = '-';
  put_digits(out + 5, static_cast<unsigned>(ymd.month()), 2);
  out[7] = '-';
  put_digits(out + 8, static_cast<unsigned>(ymd.day()), 2);
  return true;
}

}  // namespace

Result<LocalDate> LocalDate::from_ymd(int year, int month, int day) {
  auto days = detail::days_from_ymd(year, month, day);
  if (!days) {
    return invalid_argument("date", fmt::format("{:04}-{:02}-{:02}", year, month, day),
                            "no such calendar date");
  }
  return LocalDate(*days);
}

Result<LocalDate> LocalDate::parse(std::string_view text) {
  if (text.size() != 10) return parse_error("date", text, "expected a date only (YYYY-MM-DD)");
  BO_ASSIGN_OR_RETURN(auto parsed, detail::parse_iso8601(text, "date", /*allow_date_only=*/true));
  if (parsed.offset_s) {
    return parse_error("date", text, "expected a date only (YYYY-MM-DD)");
  }
  return LocalDate(static_cast<std::int32_t>(parsed.local_ms / kMsPerDay));
}

int LocalDate::year() const { return static_cast<int>(ymd_of(days_).year()); }
int LocalDate::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }
int LocalDate::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }

int LocalDate::iso_weekday() const {
  return static_cast<int>(date::weekday{date::sys_days{date::days{days_}}}.iso_encoding());
}

std::string LocalDate::to_string() const {
  char buf[10];
  if (put_date(buf, days_)) return std::string(buf, 10);
  const auto ymd = ymd_of(days_);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

Result<LocalTime> LocalTime::from_civil(int year, int month, int day, int hour, int minute,
                                        int second, int millisecond) {
  BO_ASSIGN_OR_RETURN(auto d, LocalDate::from_ymd(year, month, day));
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
      millisecond < 0 || millisecond > 999) {
    return invalid_argument("time", fmt::format("{:02}:{:02}:{:02}.{:03}", hour, minute, second, millisecond),
                            "time of day out of range");
  }
  return at(d, std::chrono::milliseconds(((hour * 60LL + minute) * 60LL + second) * 1000LL + millisecond));
}

LocalTime LocalTime::at(LocalDate date, std::chrono::milliseconds time_of_day) {
  return LocalTime(static_cast<std::int64_t>(date.days_since_epoch()) * kMsPerDay + time_of_day.count());
}

Result<LocalTime> LocalTime::parse(std::string_view text) {
  BO_ASSIGN_OR_RETURN(auto parsed, detail::parse_iso8601(text, "local_time", /*allow_date_only=*/true));
  if (parsed.offset_s) {
    return parse_error("local_time", text, "a local time carries no UTC offset; parse it as an Instant");
  }
  return LocalTime(parsed.local_ms);
}

LocalDate LocalTime::date() const { return LocalDate(static_cast<std::int32_t>(floor_div(ms_, kMsPerDay))); }

std::chrono::milliseconds LocalTime::time_of_day() const {
  // The remainder form cannot overflow, unlike ms_ - floor_div(ms_, day) * day
  // near the int64 limits.
  const std::int64_t r = ms_ % kMsPerDay;
  return std::chrono::milliseconds(r < 0 ? r + kMsPerDay : r);
}

int LocalTime::hour() const { return static_cast<int>(time_of_day().count() / 3'600'000); }
int LocalTime::minute() const { return static_cast<int>(time_of_day().count() / 60'000 % 60); }
int LocalTime::second() const { return static_cast<int>(time_of_day().count() / 1000 % 60); }
int LocalTime::millisecond() const { return static_cast<int>(time_of_day().count() % 1000); }

std::string LocalTime::to_string() const {
  const std::int64_t in_day = time_of_day().count();
  char buf[23];
  if (put_date(buf, date().days_since_epoch())) {
    buf[10] = 'T';
    put_digits(buf + 11, in_day / 3'600'000, 2);
    buf[13] = ':';
    put_digits(buf + 14, in_day / 60'000 % 60, 2);
    buf[16] = ':';
    put_digits(buf + 17, in_day / 1000 % 60, 2);
    if (in_day % 1000 == 0) return std::string(buf, 19);
    buf[19] = '.';
    put_digits(buf + 20, in_day % 1000, 3);
    return std::string(buf, 23);
  }
  std::string s = fmt::format("{}T{:02}:{:02}:{:02}", date().to_string(), hour(), minute(), second());
  if (millisecond() != 0) s += fmt::format(".{:03}", millisecond());
  return s;
}

}  // namespace backoffice
