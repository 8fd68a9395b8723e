#pragma once

// Helpers shared by the domain tests.

#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace backoffice::testing {

// An instant from RFC 3339 text; the text is also what validation errors
// are expected to quote back, since Instant::to_string writes this form.
inline Instant at(std::string_view iso) { return Instant::parse(iso).value(); }

inline Money money(std::int64_t minor, std::string_view currency) {
  return Money::of_minor(minor, currency).value();
}

// Asserts that `status` failed validation on `field` with `value`.
inline ::testing::AssertionResult fails_on(const Status& status, std::string_view field,
                                           std::string_view value) {
  if (status.ok()) return ::testing::AssertionFailure() << "expected a failure on " << field << ", got OK";
  const Error& e = status.error();
  if (e.code != ErrorCode::kValidation || e.field != field || e.value != value) {
    return ::testing::AssertionFailure()
           << "expected validation error on " << field << " = '" << value << "', got " << e.to_string();
  }
  if (e.message.empty()) return ::testing::AssertionFailure() << "error on " << field << " has no message";
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult passes(const Status& status) {
  if (status.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << status.error().to_string();
}

}  // namespace backoffice::testing
