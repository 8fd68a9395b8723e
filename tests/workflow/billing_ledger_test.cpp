#include <backoffice/workflow/billing_invoice.hpp>
#include <backoffice/workflow/billing_ledger.hpp>

#include "workflow/order_test_support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::order_testing;

namespace {

// Invoice 1: sample_order, 71.00, issued 2024-03-04, net 30 -> due 2024-04-03.
// Invoice 2: one line 25.00 for the same customer, issued 2024-02-19, net 30
// -> due 2024-03-20 (February 2024 has 29 days).
Receivables two_invoices() {
  Receivables ledger;
  EXPECT_TRUE(
      ledger.add_invoice(invoice_for_order(InvoiceId{1}, sample_order(), day("2024-03-04"), 30).value())
          .ok());
  Order small = sample_order();
  small.id = OrderId{8};
  small.lines = {OrderLine{"SKU-C", 1, usd(2500)}};
  small.shipping = usd(0);
  small.tax = usd(0);
  EXPECT_TRUE(ledger.add_invoice(invoice_for_order(InvoiceId{2}, small, day("2024-02-19"), 30).value()).ok());
  return ledger;
}

}  // namespace

TEST(Invoice, FromAnOrderCarriesLinesShippingTaxAndTheDueDate) {
  Invoice inv = invoice_for_order(InvoiceId{1}, sample_order(), day("2024-03-04"), 30).value();
  ASSERT_EQ(inv.lines.size(), 2u);
  EXPECT_EQ(inv.lines[0].amount, usd(3000));   // 3 x 10.00
  EXPECT_EQ(inv.subtotal, usd(6000));          // 30.00 + 30.00
  EXPECT_EQ(inv.total, usd(7100));             // 60.00 + 5.00 shipping + 6.00 tax
  EXPECT_EQ(inv.due_date, day("2024-04-03"));  // March 4 + 30 days (March has 31)
  EXPECT_EQ(inv.order, OrderId{7});
  EXPECT_EQ(inv.customer, CustomerId{42});
}

TEST(Invoice, RejectsBadTermsAndCancelledOrders) {
  EXPECT_TRUE(fails_with(invoice_for_order(InvoiceId{1}, sample_order(), day("2024-03-04"), -1),
                         ErrorCode::kInvalidArgument, "terms_days", "-1"));
  Order cancelled = sample_order();
  cancelled.status = OrderStatus::kCancelled;
  EXPECT_TRUE(fails_with(invoice_for_order(InvoiceId{1}, cancelled, day("2024-03-04"), 30),
                         ErrorCode::kConflict, "order.status", "cancelled"));
}

TEST(Receivables, CreditNotesReduceTheOpenBalanceButNeverBelowZero) {
  Receivables ledger = two_invoices();
  auto note = ledger.issue_credit_note(InvoiceId{1}, CreditNoteKind::kRefund, usd(1100), day("2024-03-10"),
                                       "RMA 1 refunded");
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(note->number, 1);
  EXPECT_EQ(ledger.open_balance(InvoiceId{1}).value(), usd(6000));  // 71.00 - 11.00
  auto over = ledger.issue_credit_note(InvoiceId{1}, CreditNoteKind::kDispute, usd(6001), day("2024-03-11"),
                                       "chargeback");
  ASSERT_TRUE(fails_with(over, ErrorCode::kInvalidArgument, "credit_note.amount", "60.01 USD"));
  EXPECT_NE(over.error().message.find("open balance 60.00 USD"), std::string::npos) << over.error().message;
  EXPECT_TRUE(fails_with(ledger.issue_credit_note(InvoiceId{1}, CreditNoteKind::kRefund, money(100, "EUR"),
                                                  day("2024-03-11"), "x"),
                         ErrorCode::kCurrencyMismatch, "credit_note.amount"));
  EXPECT_TRUE(fails_with(
      ledger.issue_credit_note(InvoiceId{3}, CreditNoteKind::kRefund, usd(1), day("2024-03-11"), "x"),
      ErrorCode::kNotFound, "invoice.id", "3"));
  // The whole remaining 60.00 can be disputed.
  EXPECT_TRUE(ledger
                  .issue_credit_note(InvoiceId{1}, CreditNoteKind::kDispute, usd(6000), day("2024-03-11"),
                                     "chargeback")
                  .ok());
  EXPECT_EQ(ledger.open_balance(InvoiceId{1}).value(), usd(0));
}

TEST(Receivables, AutomaticAllocationPaysTheOldestDueFirstAndKeepsTheRestAsCredit) {
  Receivables ledger = two_invoices();
  // 100.00: invoice 2 (due 03-20) 25.00 first, then invoice 1 (due 04-03)
  // 71.00, leaving 4.00 unapplied.
  Payment p = ledger.record_payment(CustomerId{42}, usd(10000), day("2024-03-25")).value();
  ASSERT_EQ(p.allocations.size(), 2u);
  EXPECT_EQ(p.allocations[0], (PaymentAllocation{InvoiceId{2}, usd(2500)}));
  EXPECT_EQ(p.allocations[1], (PaymentAllocation{InvoiceId{1}, usd(7100)}));
  EXPECT_EQ(p.unapplied, usd(400));
  EXPECT_EQ(ledger.unapplied_credit(CustomerId{42}, usd(0).currency()), usd(400));
  EXPECT_EQ(ledger.open_balance(InvoiceId{1}).value(), usd(0));
  EXPECT_TRUE(ledger.open_items().invoice.empty());
}

TEST(Receivables, PartialAutomaticPaymentLeavesTheNewerInvoiceOpen) {
  Receivables ledger = two_invoices();
  // 40.00: 25.00 to invoice 2, 15.00 to invoice 1 -> 71.00 - 15.00 = 56.00 open.
  Payment p = ledger.record_payment(CustomerId{42}, usd(4000), day("2024-03-25")).value();
  EXPECT_EQ(p.unapplied, usd(0));
  EXPECT_EQ(ledger.open_balance(InvoiceId{1}).value(), usd(5600));
  EXPECT_EQ(ledger.open_balance(InvoiceId{2}).value(), usd(0));
}

TEST(Receivables, ExplicitAllocationsAreCheckedBeforeAnythingChanges) {
  Receivables ledger = two_invoices();
  const std::vector<PaymentAllocation> fine{{InvoiceId{1}, usd(1000)}};
  Payment p = ledger.record_payment(CustomerId{42}, usd(3000), day("2024-03-25"), fine).value();
  EXPECT_EQ(p.unapplied, usd(2000));  // 30.00 - 10.00
  EXPECT_EQ(ledger.open_balance(InvoiceId{1}).value(), usd(6100));

  // Invoice 2 has 25.00 open; 10.00 + 20.00 to it is too much for the second part.
  const std::vector<PaymentAllocation> over{{InvoiceId{2}, usd(1000)}, {InvoiceId{2}, usd(2000)}};
  EXPECT_TRUE(fails_with(ledger.record_payment(CustomerId{42}, usd(5000), day("2024-03-26"), over),
                         ErrorCode::kInvalidArgument, "payment.allocations[1].amount", "20.00 USD"));
  EXPECT_EQ(ledger.open_balance(InvoiceId{2}).value(), usd(2500));  // unchanged

  const std::vector<PaymentAllocation> more_than_paid{{InvoiceId{2}, usd(2500)}};
  EXPECT_TRUE(fails_with(ledger.record_payment(CustomerId{42}, usd(2000), day("2024-03-26"), more_than_paid),
                         ErrorCode::kInvalidArgument, "payment.allocations", "25.00 USD"));
  EXPECT_TRUE(fails_with(ledger.record_payment(CustomerId{43}, usd(2500), day("2024-03-26"), more_than_paid),
                         ErrorCode::kInvalidArgument, "payment.allocations[0].invoice", "2"));
  EXPECT_TRUE(fails_with(ledger.record_payment(CustomerId{42}, usd(0), day("2024-03-26")),
                         ErrorCode::kInvalidArgument, "payment.amount", "0.00 USD"));
  EXPECT_EQ(ledger.payments().size(), 1u);
}

TEST(Receivables, DuplicateInvoiceIdsConflict) {
  Receivables ledger = two_invoices();
  Invoice again = *ledger.invoice(InvoiceId{1});
  EXPECT_TRUE(fails_with(ledger.add_invoice(again), ErrorCode::kConflict, "invoice.id", "1"));
}

TEST(Receivables, OpenItemsFeedTheAgeing) {
  Receivables ledger = two_invoices();
  ASSERT_TRUE(
      ledger.issue_credit_note(InvoiceId{1}, CreditNoteKind::kRefund, usd(1100), day("2024-03-10"), "RMA")
          .ok());
  const OpenItems items = ledger.open_items();
  // As of 2024-04-10: invoice 2 due 03-20 is 21 days past due (1-30), 25.00;
  // invoice 1 due 04-03 is 7 days past due (1-30), 60.00 -> 85.00 in 1-30.
  AgeingReport r = age_receivables(items.columns(), day("2024-04-10")).value();
  ASSERT_EQ(r.customers.size(), 1u);
  EXPECT_EQ(r.customers[0].bucket(AgeingBucket::kDays1To30), usd(8500));
  EXPECT_EQ(r.customers[0].items, 2);
}
