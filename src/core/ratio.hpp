#pragma once

// The one rule every KPI ratio follows: a zero denominator gives NaN (an
// empty cell), never 0, so "no contacts" is not read as "0% served".

#include <cmath>
#include <cstdint>

namespace backoffice::detail {

inline double ratio(std::int64_t num, std::int64_t den, double scale = 1.0) {
  return den == 0 ? std::nan("") : scale * static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace backoffice::detail
