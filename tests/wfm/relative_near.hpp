#pragma once

#include <gtest/gtest.h>

#include <cmath>

namespace backoffice::wfm_test {

// |actual - expected| <= rel * |expected|, with a message giving the
// relative error (the accuracy claim of docs/wfm.md is relative).
inline ::testing::AssertionResult RelativeNear(double actual, double expected, double rel) {
  const double err = std::fabs(actual - expected);
  if (err <= rel * std::fabs(expected)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "actual " << actual << " vs expected " << expected << ": relative error "
         << (expected != 0.0 ? err / std::fabs(expected) : err) << " > " << rel;
}

}  // namespace backoffice::wfm_test
