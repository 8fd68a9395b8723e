#pragma once

// The orders-and-billing part of the demo: an order placed, verified,
// shipped and delivered, partly returned and refunded with a credit note,
// the invoice's open balance, and an accounts-receivable ageing table.

namespace backoffice::examples {

// Prints the steps and their results; returns 0 on success.
int run_order_demo();

}  // namespace backoffice::examples
