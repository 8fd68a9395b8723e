// Expected counts are hand counts over the fixture dates (stated inline).
#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/retention.hpp>

#include "compliance/billed_order.hpp"
#include "store/store_fixtures.hpp"
#include "store/store_impl.hpp"

#include <gtest/gtest.h>

namespace backoffice {
namespace {

using namespace testing;
using namespace std::chrono_literals;

// Contacts 1..10 offered i days after 2024-01-01T00:00Z, customer 7, with
// notes and external ids; cases 1 (resolved) and 2 (open), both last updated
// on 2024-01-01; work items 1..4 received 2024-04-08T09:0i.
void fill(Store& store) {
  ASSERT_TRUE(store.put_queue(make_queue(1)).ok());
  ASSERT_TRUE(store.put_customer(make_customer(7)).ok());
  const auto day0 = Instant::parse("2024-01-01T00:00:00Z").value();
  for (int i = 1; i <= 10; ++i) {
    auto x = make_interaction(i);
    x.offered_at = day0 + std::chrono::hours(24 * i);
    x.ended_at = x.offered_at + 45s;
    x.answered_at.reset();
    x.talk_time = x.hold_time = x.wrap_up_time = 0ms;
    x.customer = CustomerId(7);
    x.notes = "note " + std::to_string(i);
    x.external_id = "ACD-" + std::to_string(i);
    ASSERT_TRUE(store.insert_interaction(x).ok());
  }
  for (int i = 1; i <= 2; ++i) {
    Case c = make_case(i, 7, 1);
    c.created_at = day0;
    c.first_response_at = day0 + 15min;
    c.updated_at = day0 + 1h;
    if (i == 1) {
      c.status = CaseStatus::kResolved;
      c.resolved_at = c.updated_at;
    }
    ASSERT_TRUE(store.put_case(c).ok());
  }
  for (int i = 1; i <= 4; ++i) ASSERT_TRUE(store.put_work_item(make_work_item(i)).ok());
}

// now = 2024-01-31T00:00Z; with max_age 25 days the cut-off is 2024-01-06T00:00Z,
// so contacts offered on days 1..4 (Jan 2..5) are older: 4 rows.
const Instant kNow = Instant::parse("2024-01-31T00:00:00Z").value();

TEST(Retention, DeletesRecordsOlderThanTheirKindsPeriod) {
  auto store = Store::open_in_memory().value();
  fill(store);
  RetentionPolicy policy;
  policy.interactions = RetentionRule{24h * 25, RetentionAction::kDelete};
  policy.cases = RetentionRule{24h * 7, RetentionAction::kDelete};
  auto r = apply_retention(store, policy, kNow).value();
  EXPECT_EQ(r.interactions, 4);
  EXPECT_EQ(r.cases, 1);  // the resolved one; the open case stays
  EXPECT_EQ(r.work_items, 0);
  EXPECT_EQ(store.count("interactions").value(), 6);
  EXPECT_EQ(store.count("cases").value(), 1);
  EXPECT_TRUE(store.get_case(CaseId(2)).ok());
  EXPECT_EQ(store.count("work_items").value(), 4);  // no rule: untouched
  EXPECT_EQ(r.first_audit_seq, 1);
  EXPECT_EQ(r.last_audit_seq, 2);
  auto log = AuditLog(store).entries().value();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].record.action, "retention.delete");
  EXPECT_EQ(log[0].record.record_kind, "interaction");
  EXPECT_EQ(log[0].record.summary, "4 rows older than 2024-01-06T00:00:00Z");
  EXPECT_TRUE(AuditLog(store).verify()->ok);
}

TEST(Retention, AnonymisingKeepsTheRowsAndIsIdempotent) {
  auto store = Store::open_in_memory().value();
  fill(store);
  RetentionPolicy policy;
  policy.interactions = RetentionRule{24h * 25, RetentionAction::kAnonymise};
  EXPECT_EQ(apply_retention(store, policy, kNow)->interactions, 4);
  EXPECT_EQ(store.count("interactions").value(), 10);
  const auto contacts = store.interactions().value();
  for (const auto& x : contacts) {
    const bool old = x.offered_at < kNow - 24h * 25;
    EXPECT_EQ(x.notes.empty(), old);
    EXPECT_EQ(x.customer.has_value(), !old);
    EXPECT_EQ(x.external_id.has_value(), !old);
  }
  EXPECT_EQ(apply_retention(store, policy, kNow)->interactions, 0);
}

TEST(Retention, RejectsABadRuleBeforeChangingAnything) {
  auto store = Store::open_in_memory().value();
  fill(store);
  RetentionPolicy policy;
  policy.interactions = RetentionRule{24h, RetentionAction::kDelete};
  policy.work_items = RetentionRule{24h, RetentionAction::kAnonymise};
  auto r = apply_retention(store, policy, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "retention.work_items.action");
  policy.work_items = RetentionRule{0ms, RetentionAction::kDelete};
  EXPECT_EQ(apply_retention(store, policy, kNow).error().field, "retention.work_items.max_age");
  EXPECT_EQ(store.count("interactions").value(), 10);
  EXPECT_EQ(AuditLog(store).verify()->entries, 0);
}

// Evaluations of contacts 2 (day 2, older than the 2024-01-06 cut-off) and
// 8 (day 8, kept), two answers each: deleting old contacts deletes the first
// evaluation and its answers; anonymising deletes nothing.
TEST(Retention, DeletesQaEvaluationsWithTheirInteractions) {
  for (const auto action : {RetentionAction::kDelete, RetentionAction::kAnonymise}) {
    auto store = Store::open_in_memory().value();
    fill(store);
    ASSERT_TRUE(store.put_agent(make_agent(2)).ok());
    const QaScorecardDefinition card{
        ScorecardId(1),
        "Calls",
        {{"Opening", {{"greeting", "", 1, QaScale::kYesNo}, {"close", "", 1, QaScale::kYesNo}}}}};
    ASSERT_TRUE(store.put_qa_scorecard(card).ok());
    for (int i : {2, 8}) {
      QaEvaluation e;
      e.id = EvaluationId(i);
      e.scorecard_id = ScorecardId(1);
      e.interaction_id = InteractionId(i);
      e.agent_id = AgentId(2);
      e.evaluator = "Dana QA";
      e.evaluated_at = kNow;
      e.answers = {{"greeting", kQaYes}, {"close", kQaNo}};
      ASSERT_TRUE(store.put_qa_evaluation(e).ok());
    }
    RetentionPolicy policy;
    policy.interactions = RetentionRule{24h * 25, action};
    auto r = apply_retention(store, policy, kNow).value();
    EXPECT_EQ(r.interactions, 4);
    auto& db = store.impl().db;
    if (action == RetentionAction::kDelete) {
      EXPECT_EQ(r.qa_evaluations, 1);
      EXPECT_EQ(store.qa_evaluations().value().size(), 1u);
      EXPECT_EQ(store.qa_evaluations().value()[0].id, EvaluationId(8));
      EXPECT_EQ(db.query_int("SELECT count(*) FROM qa_answers").value(), 2);
      EXPECT_EQ(AuditLog(store).entries().value()[0].record.summary,
                "4 rows older than 2024-01-06T00:00:00Z, with 1 QA evaluations of them");
    } else {
      EXPECT_EQ(r.qa_evaluations, 0);
      EXPECT_EQ(store.qa_evaluations().value().size(), 2u);
      EXPECT_EQ(db.query_int("SELECT count(*) FROM qa_answers").value(), 4);
    }
  }
}

// Financial records are outside contact-data retention: deleting an old
// order deletes its RMAs (part of the order) but its invoice, credit note
// and payment stay, only the invoice's order reference unset. Order 1
// (make_order, delivered, last updated 2024-05-01T01:30Z) is older than the
// 30-day cut-off 2024-06-01 of now = 2024-07-01. Its invoice totals 36.30
// USD (2 x 12.50 + 3.99 + 5.00 + 2.31); 36.30 - 5.00 - 10.00 = 21.30 open.
TEST(Retention, DeletingOrdersKeepsTheirInvoicesAndPayments) {
  auto store = Store::open_in_memory().value();
  fill(store);
  const Currency usd = Currency::of("USD").value();
  Order order = make_order(1, 7);
  order.status = OrderStatus::kDelivered;
  ASSERT_TRUE(store.put_order(order).ok());
  const Invoice inv = put_billed_order(store, order, CreditNoteKind::kDispute, "late", "too small");
  RetentionPolicy policy;
  policy.orders = RetentionRule{24h * 30, RetentionAction::kDelete};
  auto r = apply_retention(store, policy, Instant::parse("2024-07-01T00:00:00Z").value());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->orders, 1);
  EXPECT_EQ(store.impl().db.query_int("SELECT count(*) FROM rmas").value(), 0);
  Invoice kept = store.get_invoice(InvoiceId(1)).value();
  EXPECT_FALSE(kept.order.has_value());
  kept.order = inv.order;
  EXPECT_EQ(kept, inv);
  EXPECT_EQ(store.credit_notes().value().size(), 1u);
  EXPECT_EQ(store.payments().value().size(), 1u);
  EXPECT_EQ(store.open_balance(InvoiceId(1)).value(), Money(2130, usd));
}

}  // namespace
}  // namespace backoffice
