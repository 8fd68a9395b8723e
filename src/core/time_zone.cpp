#include <backoffice/core/time_zone.hpp>

#include <date/tz.h>

#include <exception>
#include <limits>

namespace backoffice {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// sys_info.end is year 32767 when a zone has no further transition.
constexpr auto kNoMoreTransitions = date::sys_days{date::year{9999} / 1 / 1};

}  // namespace

Result<TimeZone> TimeZone::locate(std::string_view iana_name) {
  if (iana_name == "UTC") return TimeZone();
  try {
    return TimeZone(date::locate_zone(iana_name));
  } catch (const std::exception&) {
    return make_error(ErrorCode::kNotFound, "time_zone", iana_name,
                      "unknown IANA time zone (is the tzdata package installed?)");
  }
}

std::string_view TimeZone::name() const { return zone_ ? std::string_view(zone_->name()) : "UTC"; }

seconds TimeZone::offset_at(Instant t) const {
  if (!zone_) return seconds(0);
  return zone_->get_info(date::floor<seconds>(t.time_point())).offset;
}

LocalTime TimeZone::to_local(Instant t) const {
  return LocalTime(t.unix_ms() + milliseconds(offset_at(t)).count());
}

Result<Instant> TimeZone::to_instant(LocalTime local, Disambiguation rule) const {
  if (!zone_) return Instant::from_unix_ms(local.ms_since_local_epoch());
  const date::local_time<milliseconds> lt{milliseconds(local.ms_since_local_epoch())};
  const auto info = zone_->get_info(date::floor<seconds>(lt));
  auto shift = [&](seconds offset) {
    return Instant::from_unix_ms(local.ms_since_local_epoch() - milliseconds(offset).count());
  };
  switch (info.result) {
    case date::local_info::unique:
      return shift(info.first.offset);
    case date::local_info::ambiguous:
      switch (rule) {
        case Disambiguation::kCompatible:
        case Disambiguation::kEarlier: return shift(info.first.offset);
        case Disambiguation::kLater: return shift(info.second.offset);
        case Disambiguation::kReject:
          return invalid_argument("local_time", local.to_string(),
                                  fmt::format("ambiguous in {} (clocks go back)", name()));
      }
      break;
    case date::local_info::nonexistent:
      switch (rule) {
        case Disambiguation::kCompatible: return shift(info.first.offset);
        case Disambiguation::kEarlier:
        case Disambiguation::kLater:
          return Instant(std::chrono::time_point_cast<milliseconds>(info.first.end));
        case Disambiguation::kReject:
          return invalid_argument("local_time", local.to_string(),
                                  fmt::format("does not exist in {} (clocks go forward)", name()));
      }
      break;
  }
  return make_error(ErrorCode::kInternal, "local_time", local.to_string(), "unexpected tz lookup result");
}

TimeZone::OffsetWindow TimeZone::offset_window(Instant t) const {
  constexpr std::int64_t kForever = std::numeric_limits<std::int64_t>::max();
  if (!zone_) return {std::numeric_limits<std::int64_t>::min(), kForever, 0};
  const auto info = zone_->get_info(date::floor<seconds>(t.time_point()));
  const auto ms = [](auto tp) { return std::chrono::time_point_cast<milliseconds>(tp).time_since_epoch().count(); };
  // sys_info spans reach years -32767..32767, which fit int64 milliseconds.
  return {ms(info.begin), info.end >= kNoMoreTransitions ? kForever : ms(info.end),
          milliseconds(info.offset).count()};
}

std::optional<Instant> TimeZone::next_transition(Instant t) const {
  if (!zone_) return std::nullopt;
  const auto info = zone_->get_info(date::floor<seconds>(t.time_point()));
  if (info.end >= kNoMoreTransitions) return std::nullopt;
  return Instant(std::chrono::time_point_cast<milliseconds>(info.end));
}

}  // namespace backoffice
