#pragma once

// The one ISO-8601 reader behind LocalDate::parse, LocalTime::parse and
// Instant::parse, so the three accept exactly the same date-time grammar.

#include <backoffice/core/result.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace backoffice::detail {

struct ParsedDateTime {
  std::int64_t local_ms = 0;                // wall-clock ms since 1970-01-01T00:00
  std::optional<std::int32_t> offset_s;     // present when the text carried Z or +hh:mm
};

// Parses "YYYY-MM-DD[(T|t| )HH:MM[:SS[.f...]]][Z|z|+HH:MM|+HHMM|+HH|-...]".
// `field` names the input in errors. A time is required unless
// `allow_date_only` is set.
Result<ParsedDateTime> parse_iso8601(std::string_view text, std::string_view field,
                                     bool allow_date_only);

// Days since 1970-01-01 for a valid proleptic-Gregorian date, or nullopt.
std::optional<std::int32_t> days_from_ymd(int year, int month, int day);

}  // namespace backoffice::detail
