#include "domain/validation.hpp"

#include <backoffice/core/time_zone.hpp>

#include <fmt/format.h>

namespace backoffice::detail {

std::string instant_text(Instant t) {
  constexpr std::int64_t kYear1 = -62'135'596'800'000;      // 0001-01-01T00:00:00Z
  constexpr std::int64_t kYear10000 = 253'402'300'800'000;  // 10000-01-01T00:00:00Z
  if (t.unix_ms() >= kYear1 && t.unix_ms() < kYear10000) return t.to_string();
  return fmt::format("{}ms since epoch", t.unix_ms());
}

std::string duration_text(std::chrono::milliseconds d) { return fmt::format("{}ms", d.count()); }

Error blank_error(std::string_view field, std::string_view value) {
  return validation_error(field, value, "must not be empty or blank");
}

Error negative_error(std::string_view field, std::chrono::milliseconds d) {
  return validation_error(field, duration_text(d), "must not be negative");
}

Error before_error(std::string_view field, Instant later, std::string_view earlier_name, Instant earlier) {
  return validation_error(field, instant_text(later),
                          fmt::format("must not be before {} ({})", earlier_name, instant_text(earlier)));
}

Error range_error(std::string_view field, std::int64_t value, std::int64_t lo, std::int64_t hi) {
  return validation_error(field, std::to_string(value), fmt::format("must be in {}..{}", lo, hi));
}

Status check_time_zone(std::string_view field, std::string_view name) {
  if (name.empty()) return validation_error(field, name, "must name an IANA time zone, e.g. 'Europe/London'");
  if (!TimeZone::locate(name).ok()) {
    return validation_error(field, name, "is not a time zone in the IANA tz database");
  }
  return Status::Ok();
}

}  // namespace backoffice::detail
