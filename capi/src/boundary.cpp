#include "boundary.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>

namespace backoffice::capi {

namespace {

struct LastError {
  bo_status code = BO_OK;
  std::string field;
  std::string value;
  std::string message;
};

// thread_local so that two threads' failures never mix, as libgit2 does.
thread_local LastError tls_last_error;

}  // namespace

bo_status set_last_error(bo_status code, std::string_view field, std::string_view value,
                         std::string_view message) noexcept {
  auto& e = tls_last_error;
  e.code = code;
  try {
    e.field.assign(field);
    e.value.assign(value);
    e.message.assign(message);
  } catch (...) {
    // Out of memory while describing a failure: keep a message that needs
    // no allocation (assigning "" to a std::string never allocates).
    e.field.clear();
    e.value.clear();
    e.message.clear();
  }
  return code;
}

bo_status fail(const Error& error) noexcept {
  auto code = static_cast<bo_status>(error.code);
  try {
    return set_last_error(code, error.field, error.value, error.to_string());
  } catch (...) {
    return set_last_error(code, "", "", "");
  }
}

bo_status null_argument(const char* parameter) noexcept {
  try {
    return set_last_error(BO_NULL_ARGUMENT, parameter, "NULL",
                          fmt::format("null argument: {} = NULL: a valid pointer is required", parameter));
  } catch (...) {
    return set_last_error(BO_NULL_ARGUMENT, "", "", "");
  }
}

bo_status current_exception_status() noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return set_last_error(BO_OUT_OF_MEMORY, "", "", "out of memory");
  } catch (const BadResultAccess& e) {
    return fail(make_error(ErrorCode::kInternal, e.error().field, e.error().value,
                           fmt::format("internal error (unchecked result): {}", e.what())));
  } catch (const std::exception& e) {
    try {
      return set_last_error(BO_INTERNAL, "", "", fmt::format("internal error: {}", e.what()));
    } catch (...) {
      return set_last_error(BO_INTERNAL, "", "", "internal error");
    }
  } catch (...) {
    return set_last_error(BO_INTERNAL, "", "", "internal error: an unknown exception was thrown");
  }
}

bo_status copy_out(char** out, std::size_t* out_len, std::string_view text) noexcept {
  auto* p = static_cast<char*>(std::malloc(text.size() + 1));
  if (p == nullptr) return set_last_error(BO_OUT_OF_MEMORY, "", "", "out of memory");
  if (!text.empty()) std::memcpy(p, text.data(), text.size());
  p[text.size()] = '\0';
  *out = p;
  if (out_len != nullptr) *out_len = text.size();
  return BO_OK;
}

}  // namespace backoffice::capi

extern "C" {

const char* bo_last_error(void) {
  const auto& m = backoffice::capi::tls_last_error.message;
  return m.empty() && backoffice::capi::tls_last_error.code == BO_OUT_OF_MEMORY ? "out of memory" : m.c_str();
}

bo_status bo_last_error_code(void) { return backoffice::capi::tls_last_error.code; }
const char* bo_last_error_field(void) { return backoffice::capi::tls_last_error.field.c_str(); }
const char* bo_last_error_value(void) { return backoffice::capi::tls_last_error.value.c_str(); }

const char* bo_status_name(bo_status status) {
  switch (status) {
    case BO_OK:
      return "ok";
    case BO_NULL_ARGUMENT:
      return "null argument";
    case BO_OUT_OF_MEMORY:
      return "out of memory";
    default:
      break;
  }
  if (status >= 1 && status <= 10) {
    // to_string(ErrorCode) returns views of string literals: NUL-terminated.
    return backoffice::to_string(static_cast<backoffice::ErrorCode>(status)).data();
  }
  return "unknown";
}

void bo_free(void* ptr) { std::free(ptr); }

}  // extern "C"
