#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {

// Queues 1 and 2, agent 5.
Store store_with_references() {
  auto store = Store::open_in_memory().value();
  EXPECT_TRUE(store.put_queue(make_queue(1)).ok());
  EXPECT_TRUE(store.put_queue(make_queue(2)).ok());
  EXPECT_TRUE(store.put_agent(make_agent(5)).ok());
  return store;
}

std::vector<WorkItem> items(int n) {
  std::vector<WorkItem> out;
  for (int i = 1; i <= n; ++i) out.push_back(make_work_item(i));
  return out;
}

}  // namespace

// Expected values: the records written are the reference; reading back must
// give them field for field (WorkItem's defaulted operator==).
TEST(StoreWorkItems, EveryFieldRoundTripsIncludingFieldsInError) {
  auto store = store_with_references();
  auto w = make_work_item(6);  // audited, found incorrect
  w.assignee = AgentId(5);
  // Field names with the characters a delimited encoding would trip on.
  w.error_fields = {"amount", "payee; name", "a\\b", "  spaced  ", "ünïcode"};
  ASSERT_TRUE(store.put_work_item(w).ok());
  EXPECT_EQ(store.get_work_item(WorkItemId(6)).value(), w);

  WorkItem waiting;  // not started: every optional absent
  waiting.id = WorkItemId(7);
  waiting.queue = QueueId(2);
  waiting.received_at = Instant::parse("2024-04-08T09:00:00Z").value();
  ASSERT_TRUE(store.put_work_item(waiting).ok());
  EXPECT_EQ(store.get_work_item(WorkItemId(7)).value(), waiting);
}

TEST(StoreWorkItems, PutReplacesTheItemAndItsFieldsInError) {
  auto store = store_with_references();
  auto w = make_work_item(6);
  w.error_fields = {"amount", "date"};
  ASSERT_TRUE(store.put_work_item(w).ok());
  w.audit_correct = true;  // re-audited: now correct, so no fields in error
  w.error_fields.clear();
  ASSERT_TRUE(store.put_work_item(w).ok());
  EXPECT_EQ(store.get_work_item(WorkItemId(6)).value(), w);
  EXPECT_EQ(store.count("work_items").value(), 1);
}

TEST(StoreWorkItems, PutNamesAnUnknownQueueOrAssignee) {
  auto store = store_with_references();
  auto s = store.put_work_item(make_work_item(1, 9));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().field, "work_item.queue");
  EXPECT_EQ(s.error().value, "9");
  auto w = make_work_item(1);
  w.assignee = AgentId(77);
  EXPECT_EQ(store.put_work_item(w).error().field, "work_item.assignee");
  EXPECT_EQ(store.count("work_items").value(), 0);
  EXPECT_EQ(store.get_work_item(WorkItemId(1)).error().code, ErrorCode::kNotFound);
}

TEST(StoreWorkItemIngest, AllOrNothingWritesNothingAndReportsEachBadRow) {
  auto store = store_with_references();
  auto rows = items(10);
  rows[2].audit_correct.reset();  // item 3 is audited but has no result
  rows[7].queue = QueueId(99);    // valid record, unknown queue
  auto report = store.ingest_work_items(rows).value();
  // Validation runs first, so all-or-nothing stops before the insert that
  // would find the unknown queue.
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], (RowError{2, "work_item.audit_correct", "", report.errors[0].reason}));
  EXPECT_EQ(report.rows_written, 0u);
  EXPECT_EQ(store.count("work_items").value(), 0);

  rows[2] = make_work_item(3);
  report = store.ingest_work_items(rows).value();
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], (RowError{7, "work_item.queue", "99", "unknown queue"}));
  EXPECT_EQ(store.count("work_items").value(), 0);  // rows 0..6 were rolled back
}

TEST(StoreWorkItemIngest, AcceptValidWritesTheGoodRowsAndReportsTheRest) {
  auto store = store_with_references();
  ASSERT_TRUE(store.put_work_item(make_work_item(4)).ok());
  auto rows = items(8);
  rows[0].started_at = rows[0].received_at - 1min;  // started before received
  rows[1].assignee = AgentId(123);                   // unknown agent
  // rows[3] has id 4, which already exists.
  rows[5].error_fields = {"amount", " "};             // item 6: blank entry
  auto report = store.ingest_work_items(rows, IngestMode::kAcceptValid).value();
  ASSERT_EQ(report.errors.size(), 4u);
  EXPECT_EQ(report.errors[0].row, 0u);
  EXPECT_EQ(report.errors[0].field, "work_item.started_at");
  EXPECT_EQ(report.errors[0].value, "2024-04-08T09:00:00Z");  // received 09:01, started 1 min earlier
  EXPECT_EQ(report.errors[1], (RowError{1, "work_item.assignee", "123", "unknown agent"}));
  EXPECT_EQ(report.errors[2], (RowError{3, "work_item.id", "4", "a work item with this id exists"}));
  EXPECT_EQ(report.errors[3].row, 5u);
  EXPECT_EQ(report.errors[3].field, "work_item.error_fields[1]");
  EXPECT_EQ(report.errors[3].value, " ");
  EXPECT_EQ(report.rows_read, 8u);
  EXPECT_EQ(report.rows_written, 4u);
  EXPECT_EQ(store.count("work_items").value(), 5);
}

TEST(StoreWorkItemIngest, IdZeroIsGivenTheNextIdAndKeepsItsFieldsInError) {
  auto store = store_with_references();
  ASSERT_TRUE(store.ingest_work_items(items(6)).value().ok());
  auto w = make_work_item(6);  // audited incorrect, error field "amount"
  w.id = WorkItemId(0);
  ASSERT_TRUE(store.ingest_work_items(std::span<const WorkItem>(&w, 1)).value().ok());
  auto back = store.get_work_item(WorkItemId(7)).value();  // SQLite: max(rowid) + 1
  w.id = WorkItemId(7);
  EXPECT_EQ(back, w);
}

TEST(StoreWorkItemQuery, FiltersByReceivedRangeQueueAndAssignee) {
  auto store = store_with_references();
  std::vector<WorkItem> rows;
  for (int i = 1; i <= 30; ++i) {
    auto w = make_work_item(i, i % 2 ? 1 : 2);
    if (i % 10 == 0) w.assignee = AgentId(5);
    rows.push_back(w);
  }
  std::reverse(rows.begin(), rows.end());
  ASSERT_TRUE(store.ingest_work_items(rows).value().ok());
  auto ids = [&](const WorkItemQuery& q) {
    std::vector<std::int64_t> out;
    const auto found = store.work_items(q).value();  // named: the Result temporary would die before the loop body
    for (const auto& w : found) out.push_back(w.id.value());
    return out;
  };
  WorkItemQuery q;
  q.from = Instant::parse("2024-04-08T09:05:00Z").value();  // item 5 onwards
  q.to = Instant::parse("2024-04-08T09:12:00Z").value();    // item 12 excluded
  EXPECT_EQ(ids(q), (std::vector<std::int64_t>{5, 6, 7, 8, 9, 10, 11}));
  q.queue = QueueId(2);
  EXPECT_EQ(ids(q), (std::vector<std::int64_t>{6, 8, 10}));
  WorkItemQuery by_assignee;
  by_assignee.assignee = AgentId(5);
  EXPECT_EQ(ids(by_assignee), (std::vector<std::int64_t>{10, 20, 30}));
}

TEST(StoreWorkItemColumns, ColumnsHoldTheSameRowsWithoutFieldsInError) {
  auto store = store_with_references();
  auto rows = items(12);
  rows[0].started_at.reset();  // item 1 waiting: no start, no completion
  rows[0].completed_at.reset();
  ASSERT_TRUE(store.ingest_work_items(rows).value().ok());
  auto cols = store.work_item_columns().value();
  ASSERT_EQ(cols.size(), 12u);
  ASSERT_TRUE(cols.check_shape().ok());
  for (std::size_t i = 0; i < cols.size(); ++i) {
    auto expected = rows[i];
    expected.error_fields.clear();  // not carried by the columns
    EXPECT_EQ(cols.row(i), expected) << i;
  }
  EXPECT_EQ(cols.started_ms[0], kNullInt64);
  EXPECT_EQ(cols.completed_ms[0], kNullInt64);
  // Item 3: audited correct; item 6: audited incorrect; item 4: not audited.
  EXPECT_EQ(cols.audit_correct[2], 1);
  EXPECT_EQ(cols.audit_correct[5], 0);
  EXPECT_EQ(cols.audit_correct[3], -1);
  // Hand count: item 2 received 09:02, completed 09:02 + 10 + 25 min = 09:37.
  EXPECT_EQ(cols.completed_ms[1] - cols.received_ms[1], 35 * 60 * 1000);
  EXPECT_EQ(cols.outcomes.size(), 2u);  // "approved", "rejected"
}

TEST(StoreWorkItemColumns, CheckShapeNamesTheFirstBadColumn) {
  WorkItemColumns cols;
  for (int i = 1; i <= 3; ++i) cols.append(make_work_item(i));
  ASSERT_TRUE(cols.check_shape().ok());
  auto short_column = cols;
  short_column.completed_ms.pop_back();
  EXPECT_EQ(short_column.check_shape().error().field, "completed_ms");
  auto bad_audit = cols;
  bad_audit.audit_correct[1] = 2;
  EXPECT_EQ(bad_audit.check_shape().error().field, "audit_correct[1]");
  auto bad_kind = cols;
  bad_kind.kind[2] = 9;
  EXPECT_EQ(bad_kind.check_shape().error().field, "kind[2]");
}
