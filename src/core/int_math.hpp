#pragma once

// Integer division rounding toward negative infinity: instants before 1970
// (negative ms) must land in the day or bucket that contains them, where C++
// division would round them toward zero, into the next one.

#include <cstdint>

namespace backoffice::detail {

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static_assert(floor_div(-1, 86'400'000) == -1 && floor_div(86'399'999, 86'400'000) == 0 &&
              floor_div(-86'400'000, 86'400'000) == -1);

}  // namespace backoffice::detail
