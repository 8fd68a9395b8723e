#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace backoffice {

// What kind of failure an Error reports. Stable: the C ABI maps these
// one-to-one onto bo_status values, so new codes are only ever appended.
enum class ErrorCode : int {
  kInvalidArgument = 1,   // a value breaks a documented precondition
  kParse = 2,             // text could not be parsed (ISO-8601, CSV, money, ...)
  kValidation = 3,        // a record breaks one of its invariants
  kNotFound = 4,          // an id, zone, currency or file does not exist
  kConflict = 5,          // duplicate key, illegal state transition
  kCurrencyMismatch = 6,  // arithmetic across two currencies
  kOverflow = 7,          // a result does not fit its integer type
  kStore = 8,             // the SQLite store failed
  kIo = 9,                // the operating system failed a read or write
  kInternal = 10,         // a bug in backoffice; please report it
};

std::string_view to_string(ErrorCode code) noexcept;

// A failure on input. `field` names what was wrong (a record field, a CSV
// column, a function parameter) and `value` the offending value as text,
// so a message can always say which input and why.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string field;
  std::string value;
  std::string message;

  // "parse error: offered_at = '2024-13-01T00:00Z': month out of range"
  std::string to_string() const;

  friend bool operator==(const Error&, const Error&) = default;
};

// Shorthands used throughout the library to build errors.
Error make_error(ErrorCode code, std::string_view field, std::string_view value,
                 std::string_view message);
Error invalid_argument(std::string_view field, std::string_view value, std::string_view message);
Error parse_error(std::string_view field, std::string_view value, std::string_view message);
Error validation_error(std::string_view field, std::string_view value, std::string_view message);

}  // namespace backoffice

template <>
struct fmt::formatter<backoffice::Error> : fmt::formatter<std::string_view> {
  auto format(const backoffice::Error& e, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(e.to_string(), ctx);
  }
};
