#pragma once

// The case-management part of the demo: one P1 case on a New York contact
// centre's calendar waits on the customer overnight, is escalated when its
// resolution SLA comes at risk, breaches, and is resolved after the
// weekend (across the 2024-11-03 fall-back).

namespace backoffice::examples {

// Prints the lifecycle, the SLA clocks at each check and the history;
// returns 0 on success.
int run_case_demo();

}  // namespace backoffice::examples
