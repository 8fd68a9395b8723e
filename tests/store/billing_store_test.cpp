// The receivables ledger and order returns in the store: round trips,
// append-only entries checked against the stored ledger, and a ledger (or an
// order's returns) rebuilt from the store that agrees with the one kept in
// memory.
#include <backoffice/store/store.hpp>
#include <backoffice/workflow/billing_ageing.hpp>
#include <backoffice/workflow/billing_invoice.hpp>
#include <backoffice/workflow/billing_ledger.hpp>
#include <backoffice/workflow/order_returns.hpp>

#include "store/store_fixtures.hpp"
#include "store/store_impl.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace backoffice {
namespace {

using testing::make_customer;

const Currency kEur = Currency::of("EUR").value();
Money eur(std::int64_t minor) { return Money(minor, kEur); }
LocalDate day(const char* text) { return LocalDate::parse(text).value(); }
Instant at(const char* text) { return Instant::parse(text).value(); }

::testing::AssertionResult fails_with(const Error& e, ErrorCode code, std::string_view field) {
  if (e.code != code || e.field != field) {
    return ::testing::AssertionFailure()
           << "expected " << to_string(code) << " on " << field << ", got " << e.to_string();
  }
  return ::testing::AssertionSuccess();
}
template <typename R>
::testing::AssertionResult fails_with(const R& r, ErrorCode code, std::string_view field) {
  if (r.ok()) return ::testing::AssertionFailure() << "expected a failure on " << field << ", got OK";
  return fails_with(r.error(), code, field);
}

// Order 10 of customer 1, in EUR: 2 x 40.00 + 5.00 shipping + 15.00 tax
// = 100.00, delivered.
Order order_10() {
  const Instant placed = at("2024-03-01T10:00:00Z");
  return Order{.id = OrderId(10),
               .customer = CustomerId(1),
               .status = OrderStatus::kDelivered,
               .lines = {OrderLine{"SKU-A", 2, eur(4000)}},
               .shipping = eur(500),
               .tax = eur(1500),
               .placed_at = placed,
               .updated_at = placed + std::chrono::hours(48)};
}

// Invoice 1 for order 10: 100.00 EUR issued 2024-03-04, net 30, so due
// 2024-04-03 (March has 31 days: 4 + 30 = 34 -> April 3).
Invoice invoice_1() { return invoice_for_order(InvoiceId(1), order_10(), day("2024-03-04"), 30).value(); }

// Invoice 2 of customer 1 without an order: 1 x 30.00, issued 2024-03-20,
// due 2024-03-20 (net 0).
Invoice invoice_2() {
  return Invoice{.id = InvoiceId(2),
                 .customer = CustomerId(1),
                 .order = std::nullopt,
                 .lines = {InvoiceLine{"Consulting", 1, eur(3000), eur(3000)}},
                 .subtotal = eur(3000),
                 .shipping = eur(0),
                 .tax = eur(0),
                 .total = eur(3000),
                 .issue_date = day("2024-03-20"),
                 .due_date = day("2024-03-20")};
}

struct Billing : ::testing::Test {
  Store store = Store::open_in_memory().value();
  void SetUp() override {
    ASSERT_TRUE(store.put_customer(make_customer(1)).ok());
    ASSERT_TRUE(store.put_customer(make_customer(2)).ok());
    ASSERT_TRUE(store.put_order(order_10()).ok());
  }
  CreditNote credit(std::int64_t minor, InvoiceId invoice = InvoiceId(1)) {
    return CreditNote{0, invoice, CreditNoteKind::kRefund, eur(minor), day("2024-03-10"), "one unit damaged"};
  }
  Payment payment(std::int64_t minor, std::vector<PaymentAllocation> allocations, std::int64_t unapplied) {
    return Payment{0, CustomerId(1), eur(minor), day("2024-03-12"), std::move(allocations), eur(unapplied)};
  }
  std::size_t entries() { return store.credit_notes().value().size() + store.payments().value().size(); }
};

TEST_F(Billing, AnInvoiceRoundTripsWithItsLines) {
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  ASSERT_TRUE(store.put_invoice(invoice_2()).ok());
  EXPECT_EQ(store.get_invoice(InvoiceId(1)).value(), invoice_1());
  EXPECT_EQ(store.get_invoice(InvoiceId(2)).value(), invoice_2());
  EXPECT_TRUE(fails_with(store.get_invoice(InvoiceId(3)), ErrorCode::kNotFound, "invoice.id"));
  // Issue dates 2024-03-04 and 2024-03-20: [03-05, 03-21) holds only invoice 2.
  auto march = store.invoices({.from = day("2024-03-05"), .to = day("2024-03-21"), .customer = {}}).value();
  ASSERT_EQ(march.size(), 1u);
  EXPECT_EQ(march[0].id, InvoiceId(2));
  EXPECT_EQ(store.invoices({.from = {}, .to = {}, .customer = CustomerId(1)}).value().size(), 2u);
  EXPECT_TRUE(store.invoices({.from = {}, .to = {}, .customer = CustomerId(2)}).value().empty());
}

TEST_F(Billing, PuttingAnInvoiceAgainReplacesItsLines) {
  Invoice two_lines = invoice_2();
  two_lines.lines.push_back(InvoiceLine{"Travel", 2, eur(500), eur(1000)});
  two_lines.subtotal = two_lines.total = eur(4000);  // 30.00 + 2 x 5.00
  ASSERT_TRUE(store.put_invoice(two_lines).ok());
  ASSERT_TRUE(store.put_invoice(invoice_2()).ok());
  EXPECT_EQ(store.get_invoice(InvoiceId(2)).value().lines.size(), 1u);
  EXPECT_EQ(store.get_invoice(InvoiceId(2)).value(), invoice_2());
}

TEST_F(Billing, AnInvalidInvoiceOrAMissingReferenceWritesNothingAndNamesTheField) {
  Invoice bad_total = invoice_2();
  bad_total.total = eur(2999);
  EXPECT_TRUE(fails_with(store.put_invoice(bad_total), ErrorCode::kValidation, "invoice.total"));
  Invoice no_date = invoice_2();
  no_date.issue_date = no_date.due_date = LocalDate{};
  EXPECT_TRUE(fails_with(store.put_invoice(no_date), ErrorCode::kValidation, "invoice.issue_date"));
  Invoice stranger = invoice_2();
  stranger.customer = CustomerId(99);
  EXPECT_TRUE(fails_with(store.put_invoice(stranger), ErrorCode::kValidation, "invoice.customer"));
  Invoice no_order = invoice_1();
  no_order.order = OrderId(77);
  EXPECT_TRUE(fails_with(store.put_invoice(no_order), ErrorCode::kValidation, "invoice.order"));
  Invoice not_theirs = invoice_1();
  not_theirs.customer = CustomerId(2);  // order 10 is customer 1's
  EXPECT_TRUE(fails_with(store.put_invoice(not_theirs), ErrorCode::kValidation, "invoice.order"));
  EXPECT_TRUE(store.invoices().value().empty());
}

// The worked example of docs/workflow_orders.md: invoice 100.00 EUR, credit
// note 10.00, payment 50.00 allocated to it: open 100.00 - 10.00 - 50.00 = 40.00.
TEST_F(Billing, TheLedgerRestoredFromTheStoreHasTheSameBalances) {
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  auto note = store.add_credit_note(credit(1000));
  ASSERT_TRUE(note.ok()) << note.error().to_string();
  EXPECT_EQ(note->number, 1);
  auto paid = store.add_payment(payment(5000, {{InvoiceId(1), eur(5000)}}, 0));
  ASSERT_TRUE(paid.ok()) << paid.error().to_string();
  EXPECT_EQ(paid->number, 1);
  EXPECT_EQ(store.open_balance(InvoiceId(1)).value(), eur(4000));

  EXPECT_EQ(store.credit_notes().value(), std::vector<CreditNote>{*note});
  EXPECT_EQ(store.payments().value(), std::vector<Payment>{*paid});
  auto ledger =
      Receivables::restore(store.invoices().value(), store.credit_notes().value(), store.payments().value());
  ASSERT_TRUE(ledger.ok()) << ledger.error().to_string();
  EXPECT_EQ(ledger->open_balance(InvoiceId(1)).value(), eur(4000));
  EXPECT_EQ(ledger->open_items(), store.open_items().value());

  // The same entries made in memory carry the same numbers and amounts.
  Receivables memory;
  ASSERT_TRUE(memory.add_invoice(invoice_1()).ok());
  EXPECT_EQ(memory
                .issue_credit_note(InvoiceId(1), CreditNoteKind::kRefund, eur(1000), day("2024-03-10"),
                                   "one unit damaged")
                .value(),
            *note);
  const std::vector<PaymentAllocation> alloc{{InvoiceId(1), eur(5000)}};
  EXPECT_EQ(memory.record_payment(CustomerId(1), eur(5000), day("2024-03-12"), alloc).value(), *paid);
}

TEST_F(Billing, AgeingRunsOnOpenItemsStraightFromTheStore) {
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  ASSERT_TRUE(store.put_invoice(invoice_2()).ok());
  ASSERT_TRUE(store.add_credit_note(credit(1000)).ok());
  ASSERT_TRUE(store.add_payment(payment(5000, {{InvoiceId(1), eur(5000)}}, 0)).ok());
  ASSERT_TRUE(store.add_payment(payment(3000, {{InvoiceId(2), eur(3000)}}, 0)).ok());  // invoice 2 settled
  const OpenItems items = store.open_items().value();
  ASSERT_EQ(items.invoice, std::vector<std::int64_t>{1});
  EXPECT_EQ(items.open_minor, std::vector<std::int64_t>{4000});
  // As of 2024-04-20, invoice 1 (due 2024-04-03) is 17 days past due: 1-30.
  const AgeingReport report = age_receivables(items.columns(), day("2024-04-20")).value();
  ASSERT_EQ(report.totals.size(), 1u);
  EXPECT_EQ(report.totals[0].bucket(AgeingBucket::kDays1To30), eur(4000));
  EXPECT_EQ(report.totals[0].total(), eur(4000));
  EXPECT_TRUE(store.open_items(CustomerId(2)).value().invoice.empty());
}

TEST_F(Billing, APaymentAllocatingMoreThanItsAmountWritesNothing) {
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  ASSERT_TRUE(store.put_invoice(invoice_2()).ok());
  // 20.00 + 20.00 allocated from a payment of 30.00.
  EXPECT_TRUE(
      fails_with(store.add_payment(payment(3000, {{InvoiceId(1), eur(2000)}, {InvoiceId(2), eur(2000)}}, 0)),
                 ErrorCode::kValidation, "payment.allocations"));
  // The second allocation names an invoice that does not exist.
  EXPECT_TRUE(fails_with(
      store.add_payment(payment(3000, {{InvoiceId(1), eur(1000)}, {InvoiceId(9), eur(1000)}}, 1000)),
      ErrorCode::kValidation, "payment.allocations[1].invoice"));
  // 30.00 against invoice 2's open 30.00, twice in one payment: 60.00 > 30.00.
  EXPECT_TRUE(
      fails_with(store.add_payment(payment(6000, {{InvoiceId(2), eur(3000)}, {InvoiceId(2), eur(3000)}}, 0)),
                 ErrorCode::kValidation, "payment.allocations[1].amount"));
  EXPECT_TRUE(fails_with(store.add_payment(payment(3000, {{InvoiceId(1), eur(3000)}}, 100)),
                         ErrorCode::kValidation, "payment.unapplied"));
  Payment other = payment(1000, {{InvoiceId(1), eur(1000)}}, 0);
  other.customer = CustomerId(2);
  EXPECT_TRUE(fails_with(store.add_payment(other), ErrorCode::kValidation, "payment.allocations[0].invoice"));
  Payment dollars{0,
                  CustomerId(1),
                  Money(1000, Currency::of("USD").value()),
                  day("2024-03-12"),
                  {{InvoiceId(1), Money(1000, Currency::of("USD").value())}},
                  Money(0, Currency::of("USD").value())};
  EXPECT_TRUE(
      fails_with(store.add_payment(dollars), ErrorCode::kValidation, "payment.allocations[0].amount"));
  EXPECT_EQ(entries(), 0u);
  EXPECT_EQ(store.open_balance(InvoiceId(1)).value(), eur(10000));
}

TEST_F(Billing, ACreditNoteIsCheckedAgainstTheStoredInvoice) {
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  EXPECT_TRUE(fails_with(store.add_credit_note(credit(1000, InvoiceId(5))), ErrorCode::kValidation,
                         "credit_note.invoice"));
  EXPECT_TRUE(fails_with(store.add_credit_note(credit(10001)), ErrorCode::kValidation, "credit_note.amount"));
  EXPECT_TRUE(fails_with(store.add_credit_note(credit(0)), ErrorCode::kValidation, "credit_note.amount"));
  CreditNote blank = credit(1000);
  blank.reason = "  ";
  EXPECT_TRUE(fails_with(store.add_credit_note(blank), ErrorCode::kValidation, "credit_note.reason"));
  CreditNote numbered = credit(1000);
  numbered.number = 4;  // the ledger is empty: the next number is 1
  EXPECT_TRUE(fails_with(store.add_credit_note(numbered), ErrorCode::kConflict, "credit_note.number"));
  EXPECT_EQ(entries(), 0u);
  numbered.number = 1;
  EXPECT_TRUE(store.add_credit_note(numbered).ok());
}

TEST_F(Billing, AnInvoiceWithEntriesIsClosedAndEntriesCannotBeChanged) {
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  ASSERT_TRUE(store.add_credit_note(credit(1000)).ok());
  EXPECT_TRUE(fails_with(store.put_invoice(invoice_1()), ErrorCode::kConflict, "invoice.id"));
  ASSERT_TRUE(store.add_payment(payment(5000, {{InvoiceId(1), eur(5000)}}, 0)).ok());
  // Every connection is refused, not only this library.
  auto& db = store.impl().db;
  EXPECT_FALSE(db.exec("UPDATE credit_notes SET amount_minor = 1 WHERE number = 1").ok());
  EXPECT_FALSE(db.exec("DELETE FROM credit_notes").ok());
  EXPECT_FALSE(db.exec("UPDATE payments SET amount_minor = 1").ok());
  EXPECT_FALSE(db.exec("UPDATE payment_allocations SET amount_minor = 1").ok());
  EXPECT_FALSE(db.exec("DELETE FROM payments").ok());
  EXPECT_EQ(store.open_balance(InvoiceId(1)).value(), eur(4000));
}

TEST_F(Billing, EachWriteReachesTheObserverOnceAndAFailedOneNever) {
  std::vector<std::string> seen;
  store.set_change_observer([&](const StoreChange& c) {
    seen.push_back(fmt::format("{} {} {}", c.action, c.record_kind, c.record_id));
    return Status::Ok();
  });
  ASSERT_TRUE(store.put_invoice(invoice_1()).ok());
  ASSERT_TRUE(store.add_credit_note(credit(1000)).ok());
  ASSERT_TRUE(store.add_payment(payment(5000, {{InvoiceId(1), eur(5000)}}, 0)).ok());
  EXPECT_FALSE(store.add_payment(payment(5000, {{InvoiceId(1), eur(5000)}}, 0)).ok());  // only 40.00 open
  EXPECT_EQ(seen, (std::vector<std::string>{"put invoice 1", "put credit_note 1", "put payment 1"}));
}

TEST(ReceivablesRestore, ARuleBrokenInTheRecordsNamesTheRecord) {
  const Invoice inv = invoice_1();
  // 60.00 + 50.00 credited on 100.00: the second note exceeds the 40.00 left.
  const std::vector<CreditNote> notes{
      {1, InvoiceId(1), CreditNoteKind::kRefund, eur(6000), day("2024-03-10"), "a"},
      {2, InvoiceId(1), CreditNoteKind::kDispute, eur(5000), day("2024-03-11"), "b"}};
  EXPECT_TRUE(fails_with(Receivables::restore({inv}, notes, {}), ErrorCode::kInvalidArgument,
                         "credit_notes[1].amount"));
  const std::vector<CreditNote> gap{
      {2, InvoiceId(1), CreditNoteKind::kRefund, eur(100), day("2024-03-10"), "a"}};
  EXPECT_TRUE(
      fails_with(Receivables::restore({inv}, gap, {}), ErrorCode::kValidation, "credit_notes[0].number"));
  const std::vector<Payment> unknown{
      {1, CustomerId(1), eur(100), day("2024-03-12"), {{InvoiceId(3), eur(100)}}, eur(0)}};
  EXPECT_TRUE(fails_with(Receivables::restore({inv}, {}, unknown), ErrorCode::kNotFound,
                         "payments[0].allocations[0].invoice"));
  const std::vector<Payment> wrong_unapplied{
      {1, CustomerId(1), eur(100), day("2024-03-12"), {{InvoiceId(1), eur(60)}}, eur(0)}};
  EXPECT_TRUE(fails_with(Receivables::restore({inv}, {}, wrong_unapplied), ErrorCode::kValidation,
                         "payments[0].unapplied"));
}

// Returns of order 10 (2 units of SKU-A at 40.00, tax 15.00, shipping 5.00):
// RMA 1 returns one unit and is refunded 40.00 + tax 15.00 x 40/80 = 7.50,
// i.e. 47.50; RMA 2 asks for the other unit and is rejected.
struct Returns : Billing {
  OrderReturns returns{order_10(), ReturnPolicy{}};
  void SetUp() override {
    Billing::SetUp();
    ASSERT_TRUE(returns.request({ReturnLine{0, 1}}, at("2024-03-05T09:00:00Z"), "arrived broken").ok());
    ASSERT_TRUE(returns.receive(RmaId(1), at("2024-03-07T09:00:00Z")).ok());
    ASSERT_TRUE(returns.request({ReturnLine{0, 1}}, at("2024-03-08T09:00:00Z"), "changed my mind").ok());
    auto refund = returns.refund(RmaId(1), at("2024-03-09T09:00:00Z"));
    ASSERT_TRUE(refund.ok());
    ASSERT_EQ(refund->total, eur(4750));
    ASSERT_TRUE(returns.reject(RmaId(2), at("2024-03-10T09:00:00Z"), "outside the return window").ok());
  }
};

TEST_F(Returns, RmasRoundTripAndRestoreTheSameReturns) {
  for (const Rma& r : returns.rmas()) ASSERT_TRUE(store.put_rma(OrderId(10), r).ok());
  EXPECT_EQ(store.get_rma(OrderId(10), RmaId(1)).value(), returns.rmas()[0]);
  const std::vector<Rma> stored = store.rmas(OrderId(10)).value();
  EXPECT_EQ(stored, returns.rmas());
  auto restored = OrderReturns::restore(order_10(), ReturnPolicy{}, stored);
  ASSERT_TRUE(restored.ok()) << restored.error().to_string();
  EXPECT_EQ(restored->rmas(), returns.rmas());
  EXPECT_EQ(restored->refunded_total(), eur(4750));
  EXPECT_EQ(restored->claimed(0), 1);  // RMA 2's unit was freed by the rejection
  // Putting the order again (a status change) keeps its RMAs.
  Order returned = order_10();
  returned.updated_at = returned.updated_at + std::chrono::hours(240);
  ASSERT_TRUE(store.put_order(returned).ok());
  EXPECT_EQ(store.rmas(OrderId(10)).value().size(), 2u);
}

TEST_F(Returns, AnRmaIsCheckedAgainstItsOrder) {
  Rma bad = returns.rmas()[0];
  bad.lines[0].line = 3;  // order 10 has one line
  EXPECT_TRUE(fails_with(store.put_rma(OrderId(10), bad), ErrorCode::kValidation, "rma.lines[0].line"));
  EXPECT_TRUE(fails_with(store.put_rma(OrderId(11), returns.rmas()[0]), ErrorCode::kValidation, "rma.order"));
  Rma no_refund = returns.rmas()[0];
  no_refund.refund.reset();  // refunded without a refund
  EXPECT_TRUE(fails_with(store.put_rma(OrderId(10), no_refund), ErrorCode::kValidation, "rma.refund"));
  EXPECT_TRUE(store.rmas(OrderId(10)).value().empty());
  EXPECT_TRUE(fails_with(store.rmas(OrderId(11)), ErrorCode::kNotFound, "order.id"));
  EXPECT_TRUE(fails_with(store.get_rma(OrderId(10), RmaId(1)), ErrorCode::kNotFound, "rma.id"));
}

TEST_F(Returns, RestoreRejectsARefundTheRuleWouldNotPay) {
  std::vector<Rma> stored(returns.rmas().begin(), returns.rmas().end());
  stored[0].refund->tax = eur(800);  // the rule pays 7.50
  stored[0].refund->total = eur(4800);
  EXPECT_TRUE(fails_with(OrderReturns::restore(order_10(), ReturnPolicy{}, stored), ErrorCode::kValidation,
                         "rmas[0].refund"));
  std::vector<Rma> too_many(returns.rmas().begin(), returns.rmas().end());
  too_many[1].status = RmaStatus::kRequested;  // then 1 + 1 units claimed of 2: fine; ask for 2 instead
  too_many[1].lines[0].quantity = 2;
  too_many[1].updated_at = too_many[1].requested_at;
  too_many[1].reason = "changed my mind";
  EXPECT_TRUE(fails_with(OrderReturns::restore(order_10(), ReturnPolicy{}, too_many),
                         ErrorCode::kInvalidArgument, "rmas[1].lines[0].quantity"));
}

}  // namespace
}  // namespace backoffice
