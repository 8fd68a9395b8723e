// A case workflow saved to the store and read back is the same workflow:
// the record, every history entry, and what the rules conclude from them.
#include <backoffice/store/store.hpp>
#include <backoffice/workflow/case_lifecycle.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

namespace backoffice {
namespace {

Instant at(const char* text) { return Instant::parse(text).value(); }

TEST(CaseStore, AWorkflowRoundTripsThroughTheStoreAndRestores) {
  auto store = Store::open_in_memory().value();
  ASSERT_TRUE(store.put_queue(testing::make_queue(1)).ok());
  ASSERT_TRUE(store.put_customer(testing::make_customer(1)).ok());

  Case c;
  c.id = CaseId(7);
  c.customer = CustomerId(1);
  c.queue = QueueId(1);
  c.subject = "Router drops calls";
  c.priority = CasePriority::kP2;
  c.created_at = at("2024-06-03T09:00:00Z");
  c.updated_at = c.created_at;
  auto wf = CaseWorkflow::start(c).value();
  ASSERT_TRUE(wf.transition(CaseStatus::kOpen, at("2024-06-03T09:05:00Z"), "alice", "triaged").ok());
  ASSERT_TRUE(wf.record_first_response(at("2024-06-03T09:20:00Z"), "alice").ok());
  ASSERT_TRUE(wf.escalate(at("2024-06-03T11:00:00Z"), "system", "at risk", "resolution_at_risk").ok());
  ASSERT_TRUE(wf.transition(CaseStatus::kResolved, at("2024-06-03T15:00:00Z"), "bob", "fixed").ok());

  ASSERT_TRUE(store.put_case(wf.record(), wf.history()).ok());
  auto stored = store.get_case(CaseId(7)).value();
  auto history = store.case_history(CaseId(7)).value();
  ASSERT_EQ(history.size(), 4u);
  auto back = CaseWorkflow::restore(stored, history).value();
  EXPECT_EQ(back.record(), wf.record());
  ASSERT_EQ(back.history().size(), wf.history().size());
  for (std::size_t i = 0; i < history.size(); ++i) EXPECT_EQ(back.history()[i], wf.history()[i]) << i;
  EXPECT_EQ(back.record().tier, 2);
  EXPECT_EQ(back.history()[2].rule, "resolution_at_risk");
  // The restored workflow goes on under the same rules.
  auto copy = back;
  EXPECT_FALSE(copy.transition(CaseStatus::kOpen, at("2024-06-03T16:00:00Z"), "bob", "oops").ok());
  EXPECT_TRUE(back.transition(CaseStatus::kClosed, at("2024-06-03T16:00:00Z"), "bob", "confirmed").ok());
}

}  // namespace
}  // namespace backoffice
