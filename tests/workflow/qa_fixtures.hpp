#pragma once

// The scorecard the QA tests score by hand: weights sum to 100, so points
// read as percent when nothing is N/A.
//   Opening:    greeting        yes_no_na      10
//               verify_identity yes_no         20  critical, compliance
//   Resolution: accuracy        one_to_five    40
//               empathy         one_to_five_na 20
//               disclosure      yes_no_na      10  compliance

#include <backoffice/workflow/qa_scorecard.hpp>

#include <gtest/gtest.h>

namespace backoffice::qa_test {

inline std::vector<QaSection> sample_sections() {
  return {
      {"Opening",
       {{"greeting", "Greets the customer by name", 10, QaScale::kYesNoNa, false, false},
        {"verify_identity", "Verifies identity before account details", 20, QaScale::kYesNo, true, true}}},
      {"Resolution",
       {{"accuracy", "Information given is accurate", 40, QaScale::kOneToFive, false, false},
        {"empathy", "Acknowledges the customer's situation", 20, QaScale::kOneToFiveNa, false, false},
        {"disclosure", "Reads the mandatory disclosure", 10, QaScale::kYesNoNa, false, true}}},
  };
}

inline Scorecard sample_scorecard() {
  return Scorecard::create(ScorecardId(7), "Inbound calls v1", sample_sections()).value();
}

// Flat order: greeting, verify_identity, accuracy, empathy, disclosure.
// 10 + 20 + 40*3/4 + 20*2/4 + 0 = 70 of 100.
inline const std::vector<std::int8_t> kSeventy{kQaYes, kQaYes, 4, 3, kQaNo};
// Identity not verified (critical): 10 + 0 + 40 + 20 + 10 = 80 raw, auto-fail.
inline const std::vector<std::int8_t> kAutoFail{kQaYes, kQaNo, 5, 5, kQaYes};
// greeting and empathy N/A: (20 + 40*2/4 + 10) / (20 + 40 + 10) = 50 / 70.
inline const std::vector<std::int8_t> kWithNa{kQaNa, kQaYes, 3, kQaNa, kQaYes};

}  // namespace backoffice::qa_test
