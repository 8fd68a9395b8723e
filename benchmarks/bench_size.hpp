#pragma once

// A benchmark's data size, overridable from the environment (e.g. a small
// run under callgrind): the variable's value when set, else `fallback`.

#include <cstddef>
#include <cstdlib>

namespace backoffice::bench {

inline std::size_t size_from_env(const char* variable, std::size_t fallback) {
  const char* env = std::getenv(variable);
  return env ? static_cast<std::size_t>(std::strtoull(env, nullptr, 10)) : fallback;
}

}  // namespace backoffice::bench
