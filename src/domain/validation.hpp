#pragma once

// Shared pieces of the records' validate() functions. The pattern is
//   if (<cheap predicate fails>) return detail::<kind>_error("<record>.<field>", ...);
// so that a valid record costs only comparisons: building a Status per check
// (an Error of three strings) made validation ~20x slower than the bare
// comparisons (see BM_Domain_ValidateInteraction). Error builders live out
// of line in validation.cpp, off the hot path.

#include <backoffice/core/instant.hpp>
#include <backoffice/core/result.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace backoffice::detail {

inline bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// later - earlier, saturated to the int64 range, so validating a record
// with absurd instants cannot overflow.
inline std::chrono::milliseconds saturating_span(Instant later, Instant earlier) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(later.unix_ms(), earlier.unix_ms(), &out)) {
    out = later > earlier ? INT64_MAX : INT64_MIN;
  }
  return std::chrono::milliseconds(out);
}

// ISO-8601 text of `t` ("2024-03-01T09:00:00Z") for years 0001..9999;
// outside them (only absurd input gets there) "<n>ms since epoch", since
// ISO-8601 has no four-digit form for them and core's formatter is not
// meant for the extremes of the int64 range.
std::string instant_text(Instant t);

// "<n>ms", the text form of a millisecond duration in error values.
std::string duration_text(std::chrono::milliseconds d);

// kValidation errors, each with the full "<record>.<field>" as field.
Error blank_error(std::string_view field, std::string_view value);  // "must not be empty or blank"
Error negative_error(std::string_view field, std::chrono::milliseconds d);
// `later` (the field) precedes `earlier` (named earlier_name).
Error before_error(std::string_view field, Instant later, std::string_view earlier_name, Instant earlier);
Error range_error(std::string_view field, std::int64_t value, std::int64_t lo, std::int64_t hi);

// The zone must exist in the tz database (TimeZone::locate), e.g. "Europe/London".
Status check_time_zone(std::string_view field, std::string_view name);

}  // namespace backoffice::detail
