#include <backoffice/core/error.hpp>

namespace backoffice {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid argument";
    case ErrorCode::kParse: return "parse error";
    case ErrorCode::kValidation: return "validation error";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kCurrencyMismatch: return "currency mismatch";
    case ErrorCode::kOverflow: return "overflow";
    case ErrorCode::kStore: return "store error";
    case ErrorCode::kIo: return "I/O error";
    case ErrorCode::kInternal: return "internal error";
  }
  return "unknown error";
}

std::string Error::to_string() const {
  if (field.empty()) return fmt::format("{}: {}", backoffice::to_string(code), message);
  return fmt::format("{}: {} = '{}': {}", backoffice::to_string(code), field, value, message);
}

Error make_error(ErrorCode code, std::string_view field, std::string_view value,
                 std::string_view message) {
  return Error{code, std::string(field), std::string(value), std::string(message)};
}

Error invalid_argument(std::string_view field, std::string_view value, std::string_view message) {
  return make_error(ErrorCode::kInvalidArgument, field, value, message);
}

Error parse_error(std::string_view field, std::string_view value, std::string_view message) {
  return make_error(ErrorCode::kParse, field, value, message);
}

Error validation_error(std::string_view field, std::string_view value, std::string_view message) {
  return make_error(ErrorCode::kValidation, field, value, message);
}

}  // namespace backoffice
