#pragma once

// The compliance part of the demo: mask personal data in contact notes, then
// show the audit trail verifying, and catching an entry edited in the file.

namespace backoffice::examples {

// Prints the steps and their results; returns 0 on success.
int run_compliance_demo();

}  // namespace backoffice::examples
