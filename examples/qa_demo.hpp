#pragma once

// The QA part of the demo: a scorecard, three evaluators calibrating on the
// same calls (deviations and Fleiss' kappa), and agents' weekly QA trend.

namespace backoffice::examples {

// Prints the steps and their results; returns 0 on success.
int run_qa_demo();

}  // namespace backoffice::examples
