// Expected counts are hand counts over the fixture dates (stated inline).
#include <backoffice/compliance/audit.hpp>
#include <backoffice/compliance/retention.hpp>

#include "store/store_fixtures.hpp"

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

}  // namespace
}  // namespace backoffice
