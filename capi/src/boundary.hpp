#pragma once

// What every extern "C" entry point does at the boundary: catch every
// exception, turn Errors into bo_status codes and the thread-local last
// error, and reject NULL pointers before they are dereferenced.

#define BO_BUILDING_LIBRARY 1
#define BO_EXPERIMENTAL 1
#include <backoffice/backoffice.h>

#include <backoffice/core/result.hpp>

#include <cstddef>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

namespace backoffice::capi {

// Records a failure for bo_last_error*() on this thread and returns `code`.
// Never throws: when recording itself runs out of memory, a fixed message
// is kept instead.
bo_status set_last_error(bo_status code, std::string_view field, std::string_view value,
                         std::string_view message) noexcept;
bo_status fail(const Error& error) noexcept;
bo_status null_argument(const char* parameter) noexcept;
bo_status current_exception_status() noexcept;

inline bo_status status_of(const Status& s) noexcept { return s.ok() ? BO_OK : fail(s.error()); }

// Runs `body` (returning bo_status) so that no exception escapes.
template <typename Body>
bo_status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return current_exception_status();
  }
}

// A malloc'ed, NUL-terminated copy for the caller to bo_free.
bo_status copy_out(char** out, std::size_t* out_len, std::string_view text) noexcept;

// Options structs that start with `size_t struct_size` grow by appending
// fields: a caller built against an older header passes a smaller size, and
// the fields beyond it keep the library's defaults. `first_size` is the size
// of the first published version; anything smaller means the caller did not
// call the *_init function.
template <typename Options>
Result<Options> versioned_options(const Options* given, Options defaults, std::size_t first_size,
                                  std::string_view name) {
  if (given == nullptr) return defaults;
  if (given->struct_size < first_size) {
    return invalid_argument(std::string(name) + ".struct_size", std::to_string(given->struct_size),
                            "call the matching *_init() first");
  }
  std::memcpy(&defaults, given, given->struct_size < sizeof defaults ? given->struct_size : sizeof defaults);
  return defaults;
}

}  // namespace backoffice::capi

// Returns BO_NULL_ARGUMENT naming the parameter when it is NULL.
#define BO_REQUIRE(ptr)                                                   \
  do {                                                                    \
    if ((ptr) == nullptr) return ::backoffice::capi::null_argument(#ptr); \
  } while (false)
