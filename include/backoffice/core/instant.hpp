#pragma once

#include <backoffice/core/result.hpp>

#include <fmt/format.h>

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace backoffice {

class TimeZone;

// A point on the UTC time line with millisecond precision (Unix time, leap
// seconds not counted, as std::chrono::system_clock). Every stored and
// computed instant in backoffice is an Instant; time zones apply only when
// reading text in or writing reports out.
class Instant {
 public:
  using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

  constexpr Instant() = default;  // 1970-01-01T00:00:00Z
  constexpr explicit Instant(TimePoint tp) : tp_(tp) {}

  static constexpr Instant from_unix_ms(std::int64_t ms) {
    return Instant(TimePoint(std::chrono::milliseconds(ms)));
  }
  static constexpr Instant from_unix_seconds(std::int64_t s) { return from_unix_ms(s * 1000); }
  static Instant now();

  // Parses ISO-8601 / RFC 3339 text that names its offset:
  //   YYYY-MM-DD(T|t| )HH:MM[:SS[.f...]](Z|z|+HH:MM|-HH:MM|+HHMM|+HH)
  // Fractions beyond milliseconds are truncated toward the past. Text with
  // no offset is a local time: use parse_in(text, zone). Errors are kParse
  // and name the text and what is wrong with it.
  static Result<Instant> parse(std::string_view text);
  // As parse(), but text without an offset is read as wall-clock time in
  // `zone` (a DST gap moves forward by the gap, an overlap takes the earlier
  // instant; see TimeZone::to_instant).
  static Result<Instant> parse_in(std::string_view text, const TimeZone& zone);

  constexpr std::int64_t unix_ms() const { return tp_.time_since_epoch().count(); }
  constexpr TimePoint time_point() const { return tp_; }

  // "2024-03-10T07:00:00Z"; ".fff" is added only when milliseconds are non-zero.
  std::string to_string() const;
  // The same instant as local time with its offset: "2024-03-10T03:00:00-04:00".
  std::string to_string_in(const TimeZone& zone) const;

  constexpr Instant operator+(std::chrono::milliseconds d) const { return Instant(tp_ + d); }
  constexpr Instant operator-(std::chrono::milliseconds d) const { return Instant(tp_ - d); }
  constexpr std::chrono::milliseconds operator-(Instant o) const { return tp_ - o.tp_; }
  constexpr Instant& operator+=(std::chrono::milliseconds d) { tp_ += d; return *this; }

  friend constexpr auto operator<=>(Instant, Instant) = default;

 private:
  TimePoint tp_{};
};

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Instant> : fmt::formatter<std::string_view> {
  auto format(backoffice::Instant t, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.to_string(), ctx);
  }
};
