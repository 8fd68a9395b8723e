#pragma once

// A stored order with the whole receivables trail the erasure and retention
// tests check: invoice 1 for the order (issued 2024-05-02, net 30), a 5.00
// credit note of 2024-05-10, a 10.00 payment of 2024-05-11 allocated to the
// invoice, and RMA 1 for one unit of line 0 at the order's last update.

#include <backoffice/store/store.hpp>
#include <backoffice/workflow/billing_invoice.hpp>

#include <gtest/gtest.h>

#include <string>

namespace backoffice::testing {

// The invoice as put; ADD_FAILUREs (and returns it anyway) when a write fails.
inline Invoice put_billed_order(Store& store, const Order& order, CreditNoteKind kind, std::string credit_reason,
                                std::string rma_reason) {
  const Currency usd = Currency::of("USD").value();
  const Invoice invoice = invoice_for_order(InvoiceId(1), order, LocalDate::parse("2024-05-02").value(), 30).value();
  EXPECT_TRUE(store.put_invoice(invoice).ok());
  EXPECT_TRUE(store
                  .add_credit_note({0, InvoiceId(1), kind, Money(500, usd), LocalDate::parse("2024-05-10").value(),
                                    std::move(credit_reason)})
                  .ok());
  EXPECT_TRUE(store
                  .add_payment({0,
                                order.customer,
                                Money(1000, usd),
                                LocalDate::parse("2024-05-11").value(),
                                {{InvoiceId(1), Money(1000, usd)}},
                                Money(0, usd)})
                  .ok());
  EXPECT_TRUE(store
                  .put_rma(order.id, Rma{RmaId(1),
                                         {{0, 1}},
                                         RmaStatus::kRequested,
                                         order.updated_at,
                                         order.updated_at,
                                         std::move(rma_reason),
                                         std::nullopt})
                  .ok());
  return invoice;
}

}  // namespace backoffice::testing
