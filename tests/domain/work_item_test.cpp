#include <backoffice/domain/work_item.hpp>

#include "domain/support.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using backoffice::testing::at;
using backoffice::testing::fails_on;
using backoffice::testing::passes;
using namespace std::chrono_literals;

namespace {

// Received 09:00, started 10:30, completed 10:42; audited and found wrong
// in two fields.
WorkItem audited_claim() {
  WorkItem w;
  w.id = WorkItemId{4};
  w.kind = WorkItemKind::kClaim;
  w.queue = QueueId{8};
  w.assignee = AgentId{7};
  w.received_at = at("2024-03-01T09:00:00Z");
  w.started_at = at("2024-03-01T10:30:00Z");
  w.completed_at = at("2024-03-01T10:42:00Z");
  w.outcome = "approved";
  w.audited = true;
  w.audit_correct = false;
  w.error_fields = {"policy_number", "amount"};
  return w;
}

}  // namespace

TEST(WorkItem, ValidItemsPass) {
  EXPECT_TRUE(passes(audited_claim().validate()));
  WorkItem waiting;
  waiting.received_at = at("2024-03-01T09:00:00Z");
  EXPECT_TRUE(passes(waiting.validate()));
  WorkItem correct = audited_claim();
  correct.audit_correct = true;
  correct.error_fields.clear();
  EXPECT_TRUE(passes(correct.validate()));
}

TEST(WorkItem, HandleTimeAndTurnaroundFollowTheirDefinitions) {
  const WorkItem w = audited_claim();
  EXPECT_EQ(w.handle_time(), std::optional(12min));  // 10:42 - 10:30
  EXPECT_EQ(w.turnaround(), std::optional(102min));  // 10:42 - 09:00
  WorkItem started = w;
  started.completed_at.reset();
  EXPECT_EQ(started.handle_time(), std::nullopt);
  EXPECT_EQ(started.turnaround(), std::nullopt);
}

TEST(WorkItem, StartedAtMustNotPrecedeReceivedAt) {
  WorkItem w = audited_claim();
  w.started_at = at("2024-03-01T08:59:00Z");
  EXPECT_TRUE(fails_on(w.validate(), "work_item.started_at", "2024-03-01T08:59:00Z"));
}

TEST(WorkItem, ACompletedItemWasStartedAndCompletedAfterItsStart) {
  WorkItem w = audited_claim();
  w.started_at.reset();
  EXPECT_TRUE(fails_on(w.validate(), "work_item.started_at", ""));
  w = audited_claim();
  w.completed_at = at("2024-03-01T10:29:59Z");
  EXPECT_TRUE(fails_on(w.validate(), "work_item.completed_at", "2024-03-01T10:29:59Z"));
}

TEST(WorkItem, OnlyCompletedItemsAreAuditedAndAuditsRecordTheirResult) {
  WorkItem w = audited_claim();
  w.completed_at.reset();
  EXPECT_TRUE(fails_on(w.validate(), "work_item.audited", "true"));
  w = audited_claim();
  w.audit_correct.reset();
  EXPECT_TRUE(fails_on(w.validate(), "work_item.audit_correct", ""));
  w = audited_claim();
  w.audited = false;
  EXPECT_TRUE(fails_on(w.validate(), "work_item.audit_correct", "false"));
}

TEST(WorkItem, FieldsInErrorBelongToAnIncorrectAudit) {
  WorkItem w = audited_claim();
  w.audit_correct = true;
  EXPECT_TRUE(fails_on(w.validate(), "work_item.error_fields", "2 fields"));
  w = audited_claim();
  w.error_fields[1] = "";
  EXPECT_TRUE(fails_on(w.validate(), "work_item.error_fields[1]", ""));
}

TEST(WorkItem, IsARegularPrintableValue) {
  const WorkItem a = audited_claim();
  WorkItem b = a;
  EXPECT_EQ(a, b);
  b.error_fields.pop_back();
  EXPECT_NE(a, b);
  EXPECT_EQ(fmt::format("{}", a), "work item 4 claim queue 8 received 2024-03-01T09:00:00Z, completed");
}
