#pragma once

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace date {
class time_zone;
}

namespace backoffice {

// How to turn a wall-clock time that is ambiguous (DST fall-back overlap) or
// does not exist (spring-forward gap) into an instant.
enum class Disambiguation {
  // Overlap: the earlier instant. Gap: shift forward by the gap's length
  // (02:30 on a spring-forward night becomes 03:30), as RFC 5545 and
  // java.time do. The default everywhere in backoffice.
  kCompatible,
  kEarlier,  // overlap: earlier instant; gap: the instant the gap starts
  kLater,    // overlap: later instant; gap: the instant the gap starts
  kReject,   // either case is a kInvalidArgument error naming the local time
};

// An IANA time zone from the operating system's tz database
// (/usr/share/zoneinfo); nothing is downloaded at run time. Cheap to copy:
// it refers to the process-wide database, which lives until exit.
class TimeZone {
 public:
  // UTC.
  TimeZone() = default;
  static TimeZone utc() { return TimeZone(); }
  // "America/New_York", "Europe/London", "Asia/Kolkata", "UTC", ...
  // An unknown name is a kNotFound error naming it.
  static Result<TimeZone> locate(std::string_view iana_name);

  std::string_view name() const;

  // UTC offset in force at `t` (local = UTC + offset).
  std::chrono::seconds offset_at(Instant t) const;
  LocalTime to_local(Instant t) const;
  Result<Instant> to_instant(LocalTime local,
                             Disambiguation rule = Disambiguation::kCompatible) const;

  // The stretch of time around `t` with one UTC offset: [begin, end) in Unix
  // ms and the offset in ms. Hot loops convert many instants with one lookup.
  struct OffsetWindow {
    std::int64_t begin_ms;
    std::int64_t end_ms;
    std::int64_t offset_ms;
  };
  OffsetWindow offset_window(Instant t) const;

  // The next instant strictly after `t` at which the offset changes, or
  // nullopt when there is none (UTC, or zones that stopped changing).
  std::optional<Instant> next_transition(Instant t) const;

  friend bool operator==(const TimeZone& a, const TimeZone& b) { return a.zone_ == b.zone_; }

 private:
  explicit TimeZone(const date::time_zone* z) : zone_(z) {}
  const date::time_zone* zone_ = nullptr;  // nullptr means UTC
};

}  // namespace backoffice
