// Expected values are hand counts over the small fixture below (each stated
// where it is checked), and the KPI tables before erasure (the reference for
// "KPIs stay the same").
#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/erasure.hpp>
#include <backoffice/store/store_reports.hpp>

#include "compliance/billed_order.hpp"
#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

namespace backoffice {
namespace {

using namespace testing;

// Queue 1, agent 1, customers 7 and 8. Contacts 1-3 are customer 7's (a
// minute apart, all answered), 4 and 6 customer 8's, 5 is abandoned and
// anonymous. Customer 7 also has case 1 and order 1; customer 8 case 2.
void fill(Store& store, std::string_view name7 = "Customer 7") {
  ASSERT_TRUE(store.put_queue(make_queue(1)).ok());
  ASSERT_TRUE(store.put_agent(make_agent(1)).ok());
  auto c7 = make_customer(7);
  c7.name = name7;
  ASSERT_TRUE(store.put_customer(c7).ok());
  ASSERT_TRUE(store.put_customer(make_customer(8)).ok());
  for (int i = 1; i <= 6; ++i) {
    auto x = make_interaction(i);
    if (!x.abandoned()) x.agent = AgentId(1);
    if (i <= 3) x.customer = CustomerId(7);
    if (i == 4 || i == 6) x.customer = CustomerId(8);
    x.notes = fmt::format("{} called about contact {}", i <= 3 ? std::string(name7) : "Customer 8", i);
    x.external_id = "ACD-" + std::to_string(i);
    ASSERT_TRUE(store.insert_interaction(x).ok());
  }
  ASSERT_TRUE(store.put_case(make_case(1, 7, 1)).ok());
  ASSERT_TRUE(store.put_case(make_case(2, 8, 1)).ok());
  ASSERT_TRUE(store.put_order(make_order(1, 7)).ok());
}

Table kpis(const Store& store) {
  GroupBy by{.dimensions = {Dimension::kQueue, Dimension::kAgent}};
  return contact_report(store, InteractionQuery{}, by).value().to_table();
}

TEST(EraseCustomer, KeepsEveryKpiIdenticalIncludingFcr) {
  auto store = Store::open_in_memory().value();
  fill(store);
  const auto before = contact_report(store, {}, GroupBy{}).value().total();
  // Hand count: contacts 1 and 2 are followed by 7's next contact within the
  // 7-day window, contact 4 by 8's contact 6: three repeats.
  EXPECT_EQ(before.fcr_repeat, 3);
  const auto table_before = kpis(store).to_csv();

  auto report = erase_customer(store, CustomerId(7), "dpo", Instant::parse("2024-07-01T00:00:00Z").value());
  ASSERT_TRUE(report.ok()) << report.error().to_string();

  EXPECT_EQ(contact_report(store, {}, GroupBy{}).value().total(), before);
  EXPECT_EQ(kpis(store).to_csv(), table_before);
}

TEST(EraseCustomer, RemovesThePersonalDataAndMovesRecordsToOnePseudonym) {
  auto store = Store::open_in_memory().value();
  fill(store);
  auto report =
      erase_customer(store, CustomerId(7), "dpo", Instant::parse("2024-07-01T00:00:00Z").value()).value();
  // make_customer gives one e-mail and one phone; 3 contacts, 1 case, 1 order.
  EXPECT_EQ(report.interactions, 3);
  EXPECT_EQ(report.cases, 1);
  EXPECT_EQ(report.orders, 1);
  EXPECT_EQ(report.emails, 1);
  EXPECT_EQ(report.phones, 1);

  EXPECT_EQ(store.get_customer(CustomerId(7)).error().code, ErrorCode::kNotFound);
  auto contacts = store.interactions().value();
  std::set<std::int64_t> pseudonyms;
  for (const auto& x : contacts) {
    if (x.id.value() <= 3) {
      ASSERT_TRUE(x.customer.has_value());
      pseudonyms.insert(x.customer->value());
      EXPECT_TRUE(x.notes.empty());
      EXPECT_FALSE(x.external_id.has_value());
    } else if (x.customer) {
      EXPECT_EQ(*x.customer, CustomerId(8));  // others untouched
      EXPECT_FALSE(x.notes.empty());
    }
  }
  ASSERT_EQ(pseudonyms.size(), 1u);
  const CustomerId pseudonym(*pseudonyms.begin());
  EXPECT_NE(pseudonym, CustomerId(7));
  EXPECT_NE(pseudonym, CustomerId(8));
  auto p = store.get_customer(pseudonym).value();
  EXPECT_EQ(p.name, "erased customer");
  EXPECT_TRUE(p.emails.empty());
  EXPECT_TRUE(p.phones.empty());
  EXPECT_TRUE(p.address.empty());
  EXPECT_EQ(store.get_case(CaseId(1))->subject, "[erased]");
  EXPECT_EQ(store.get_case(CaseId(1))->customer, pseudonym);
  EXPECT_EQ(store.get_case(CaseId(2))->subject, "Refund for order 2");
  EXPECT_EQ(store.get_order(OrderId(1))->customer, pseudonym);

  AuditLog log(store);
  auto entries = log.entries().value();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].seq, report.audit_seq);
  EXPECT_EQ(entries[0].record.action, "erase");
  EXPECT_EQ(entries[0].record.record_id, "7");
  EXPECT_EQ(entries[0].record.actor, "dpo");
  EXPECT_EQ(entries[0].record.summary.find(std::to_string(pseudonym.value())), std::string::npos);
  EXPECT_TRUE(log.verify()->ok);
}

TEST(EraseCustomer, TwoErasedCustomersGetDistinctPseudonyms) {
  auto store = Store::open_in_memory().value();
  fill(store);
  const auto before = contact_report(store, {}, GroupBy{}).value().total();
  ASSERT_TRUE(erase_customer(store, CustomerId(7)).ok());
  ASSERT_TRUE(erase_customer(store, CustomerId(8)).ok());
  // Merging 7's and 8's contacts under one id would turn contact 3 into a
  // repeat (8's contact 4 follows it): FCR would change.
  EXPECT_EQ(contact_report(store, {}, GroupBy{}).value().total(), before);
  EXPECT_EQ(store.count("customers").value(), 2);
  EXPECT_TRUE(AuditLog(store).verify()->ok);
  EXPECT_EQ(AuditLog(store).verify()->entries, 2);
}

TEST(EraseCustomer, AnUnknownCustomerIsNotFoundAndChangesNothing) {
  auto store = Store::open_in_memory().value();
  fill(store);
  auto r = erase_customer(store, CustomerId(99));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().field, "customer");
  EXPECT_EQ(r.error().value, "99");
  EXPECT_EQ(AuditLog(store).verify()->entries, 0);
  EXPECT_EQ(store.count("customers").value(), 2);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(EraseCustomer, LeavesNoTraceOfTheNameInTheDatabaseFiles) {
  TempDb file("erase-bytes");
  const std::string name = "Zebediah Quillfeather";
  {
    auto store = Store::open(file.path()).value();
    fill(store, name);
    ASSERT_TRUE(erase_customer(store, CustomerId(7)).ok());
  }
  // The name was in customers.name and in three contacts' notes.
  for (const char* suffix : {"", "-wal"}) {
    EXPECT_EQ(file_bytes(file.path() + suffix).find("Zebediah"), std::string::npos) << suffix;
    EXPECT_EQ(file_bytes(file.path() + suffix).find("c7@example.com"), std::string::npos) << suffix;
  }
}

// QA evaluations hold the agent, the evaluator and the answers, nothing
// about the customer: erasure leaves them as they were, still linked to the
// (now pseudonymous) interaction they evaluate.
TEST(EraseCustomer, LeavesQaEvaluationsOfTheCustomersContactsUnchanged) {
  auto store = Store::open_in_memory().value();
  fill(store);
  const QaScorecardDefinition card{
      ScorecardId(1), "Calls", {{"Opening", {{"greeting", "", 1, QaScale::kYesNo}}}}};
  ASSERT_TRUE(store.put_qa_scorecard(card).ok());
  QaEvaluation e;
  e.id = EvaluationId(5);
  e.scorecard_id = ScorecardId(1);
  e.interaction_id = InteractionId(2);  // customer 7's
  e.agent_id = AgentId(1);
  e.evaluator = "Dana QA";
  e.evaluated_at = Instant::parse("2024-03-12T09:00:00Z").value();
  e.answers = {{"greeting", kQaYes}};
  ASSERT_TRUE(store.put_qa_evaluation(e).ok());
  const auto now = Instant::parse("2024-07-01T00:00:00Z").value();
  ASSERT_TRUE(erase_customer(store, CustomerId(7), "dpo", now).ok());
  EXPECT_EQ(store.get_qa_evaluation(EvaluationId(5)).value(), e);
  EXPECT_NE(store.get_interaction(InteractionId(2)).value().customer, std::optional(CustomerId(7)));
}

// Invoices, credit notes and payments are financial records: erasure keeps
// every amount, ties them to the pseudonym, and blanks the free text that
// may quote the customer (credit note and RMA reasons). Order 1 (make_order)
// totals 2 x 12.50 + 3.99 + 5.00 shipping + 2.31 tax = 36.30 USD; a 5.00
// credit note and a 10.00 payment leave 36.30 - 5.00 - 10.00 = 21.30 open.
TEST(EraseCustomer, KeepsTheReceivablesButBlanksTheirFreeText) {
  auto store = Store::open_in_memory().value();
  fill(store);
  const Currency usd = Currency::of("USD").value();
  const Invoice inv = put_billed_order(store, make_order(1, 7), CreditNoteKind::kRefund,
                                       "Customer 7 says the box was wet", "Customer 7: wrong size");

  auto report =
      erase_customer(store, CustomerId(7), "dpo", Instant::parse("2024-07-01T00:00:00Z").value()).value();
  EXPECT_EQ(report.invoices, 1);
  EXPECT_EQ(report.payments, 1);
  EXPECT_EQ(report.credit_notes, 1);
  EXPECT_EQ(report.rmas, 1);

  const CustomerId pseudonym = store.get_order(OrderId(1)).value().customer;
  Invoice kept = store.get_invoice(InvoiceId(1)).value();
  EXPECT_EQ(kept.customer, pseudonym);
  kept.customer = inv.customer;
  EXPECT_EQ(kept, inv);  // every amount and date as issued
  EXPECT_EQ(store.open_balance(InvoiceId(1)).value(), Money(2130, usd));
  EXPECT_EQ(store.credit_notes().value().at(0).reason, "[erased]");
  EXPECT_EQ(store.credit_notes().value().at(0).amount, Money(500, usd));
  EXPECT_EQ(store.payments().value().at(0).customer, pseudonym);
  EXPECT_EQ(store.rmas(OrderId(1)).value().at(0).reason, "[erased]");
}

}  // namespace
}  // namespace backoffice
