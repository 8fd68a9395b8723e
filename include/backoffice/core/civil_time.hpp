#pragma once

#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace backoffice {

// A calendar date with no time zone (proleptic Gregorian), stored as days
// since 1970-01-01. Used for holidays, business days and daily buckets.
class LocalDate {
 public:
  constexpr LocalDate() = default;
  constexpr explicit LocalDate(std::int32_t days_since_epoch) : days_(days_since_epoch) {}

  // Fails with a kInvalidArgument error naming the field when the date does not exist.
  static Result<LocalDate> from_ymd(int year, int month, int day);
  // Parses "YYYY-MM-DD".
  static Result<LocalDate> parse(std::string_view text);

  constexpr std::int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // ISO weekday: Monday = 1 ... Sunday = 7.
  int iso_weekday() const;

  constexpr LocalDate plus_days(std::int32_t n) const { return LocalDate(days_ + n); }
  std::string to_string() const;  // "YYYY-MM-DD"

  friend constexpr auto operator<=>(LocalDate, LocalDate) = default;

 private:
  std::int32_t days_ = 0;
};

// A wall-clock date and time with no time zone, millisecond precision,
// stored as milliseconds since 1970-01-01T00:00 on the same wall clock.
// Turn it into an Instant only through a TimeZone.
class LocalTime {
 public:
  constexpr LocalTime() = default;
  constexpr explicit LocalTime(std::int64_t ms_since_local_epoch) : ms_(ms_since_local_epoch) {}

  static Result<LocalTime> from_civil(int year, int month, int day, int hour = 0, int minute = 0,
                                      int second = 0, int millisecond = 0);
  static LocalTime at(LocalDate date, std::chrono::milliseconds time_of_day);
  // Parses "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]]"; a trailing offset is rejected
  // (use Instant::parse for text that carries one).
  static Result<LocalTime> parse(std::string_view text);

  constexpr std::int64_t ms_since_local_epoch() const { return ms_; }
  LocalDate date() const;
  std::chrono::milliseconds time_of_day() const;
  int hour() const;
  int minute() const;
  int second() const;
  int millisecond() const;

  constexpr LocalTime operator+(std::chrono::milliseconds d) const { return LocalTime(ms_ + d.count()); }
  constexpr LocalTime operator-(std::chrono::milliseconds d) const { return LocalTime(ms_ - d.count()); }
  constexpr std::chrono::milliseconds operator-(LocalTime o) const {
    return std::chrono::milliseconds(ms_ - o.ms_);
  }

  // "YYYY-MM-DDTHH:MM:SS" with ".fff" appended only when milliseconds are non-zero.
  std::string to_string() const;

  friend constexpr auto operator<=>(LocalTime, LocalTime) = default;

 private:
  std::int64_t ms_ = 0;
};

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::LocalDate> : fmt::formatter<std::string_view> {
  auto format(backoffice::LocalDate d, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(d.to_string(), ctx);
  }
};

template <>
struct fmt::formatter<backoffice::LocalTime> : fmt::formatter<std::string_view> {
  auto format(backoffice::LocalTime t, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.to_string(), ctx);
  }
};
