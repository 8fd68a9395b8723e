#pragma once

// The workforce-management part of the demo: forecast next week from
// simulated history, turn it into a staffing requirement, and plan shifts.

namespace backoffice::examples {

// Prints the steps and their results; returns 0 on success.
int run_wfm_demo();

}  // namespace backoffice::examples
