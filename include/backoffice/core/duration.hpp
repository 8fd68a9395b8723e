#pragma once

#include <backoffice/core/result.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace backoffice {

// Durations are std::chrono types throughout; these are the two the library
// stores (milliseconds) and reports (seconds).
using Milliseconds = std::chrono::milliseconds;
using Seconds = std::chrono::seconds;

// Seconds as a double, for reporting averages (AHT in seconds).
constexpr double to_seconds(Milliseconds d) { return static_cast<double>(d.count()) / 1000.0; }

// Parses a clock-style duration "H:MM:SS" or "MM:SS" (hours may exceed 23,
// minutes and seconds are 0..59), optionally with ".fff". Negative or
// malformed text is a kParse error naming the text.
Result<Milliseconds> parse_hms(std::string_view text);

// Formats as "H:MM:SS" (".fff" only when milliseconds are non-zero);
// negative durations get a leading '-'.
std::string format_hms(Milliseconds d);

}  // namespace backoffice
