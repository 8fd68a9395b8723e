#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

namespace {

Store store_with_agents() {
  auto store = Store::open_in_memory().value();
  EXPECT_TRUE(store.put_agent(make_agent(1)).ok());
  EXPECT_TRUE(store.put_agent(make_agent(2)).ok());
  return store;
}

// Agent 1: available 09:00-09:10, on contact 09:10-09:25, wrap-up 09:25-09:30.
// Agent 2: break 09:20-09:35.
std::vector<AgentStateInterval> morning() {
  return {make_state(1, AgentState::kOnContact, "2024-03-11T09:10:00Z", 15),
          make_state(2, AgentState::kBreak, "2024-03-11T09:20:00Z", 15),
          make_state(1, AgentState::kAvailable, "2024-03-11T09:00:00Z", 10),
          make_state(1, AgentState::kWrapUp, "2024-03-11T09:25:00Z", 5)};
}

}  // namespace

// Expected values: the intervals written are the reference, read back in
// (agent, start) order.
TEST(StoreAgentStates, IntervalsRoundTripInAgentAndStartOrder) {
  auto store = store_with_agents();
  const auto rows = morning();
  auto report = store.ingest_agent_states(rows).value();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.rows_written, 4u);
  const std::vector<AgentStateInterval> expected = {rows[2], rows[0], rows[3], rows[1]};
  EXPECT_EQ(store.agent_states().value(), expected);
}

TEST(StoreAgentStates, AQueryReturnsWholeIntervalsThatOverlapTheWindow) {
  auto store = store_with_agents();
  ASSERT_TRUE(store.ingest_agent_states(morning()).value().ok());
  AgentStateQuery q;
  // [09:25, 09:30) overlaps on-contact? No: it ends at 09:25 (half-open).
  // Wrap-up 09:25-09:30 and agent 2's break 09:20-09:35 do.
  q.from = Instant::parse("2024-03-11T09:25:00Z").value();
  q.to = Instant::parse("2024-03-11T09:30:00Z").value();
  auto got = store.agent_states(q).value();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].state, AgentState::kWrapUp);
  EXPECT_EQ(got[1].state, AgentState::kBreak);
  EXPECT_EQ(got[1].start, Instant::parse("2024-03-11T09:20:00Z").value());  // not clipped
  q.agent = AgentId(2);
  EXPECT_EQ(store.agent_states(q).value().size(), 1u);
  // A window ending exactly where an interval starts excludes it: [08:00, 09:00).
  AgentStateQuery before;
  before.to = Instant::parse("2024-03-11T09:00:00Z").value();
  EXPECT_TRUE(store.agent_states(before).value().empty());
}

TEST(StoreAgentStates, ColumnsHoldTheSameRows) {
  auto store = store_with_agents();
  ASSERT_TRUE(store.ingest_agent_states(morning()).value().ok());
  AgentStateQuery q;
  q.agent = AgentId(1);
  auto cols = store.agent_state_columns(q).value();
  ASSERT_TRUE(cols.check_shape().ok());
  auto rows = store.agent_states(q).value();
  ASSERT_EQ(cols.size(), 3u);
  for (std::size_t i = 0; i < cols.size(); ++i) EXPECT_EQ(cols.row(i), rows[i]) << i;
  // Hand sum: agent 1 is logged in 09:00-09:30, 30 min = 1,800,000 ms.
  std::int64_t total = 0;
  for (std::size_t i = 0; i < cols.size(); ++i) total += cols.end_ms[i] - cols.start_ms[i];
  EXPECT_EQ(total, 1'800'000);
  cols.state[0] = 17;
  EXPECT_EQ(cols.check_shape().error().field, "state[0]");
}

TEST(StoreAgentStates, AllOrNothingAndAcceptValidReportTheSameBadRows) {
  auto store = store_with_agents();
  auto rows = morning();
  rows[1].end = rows[1].start;  // zero length
  rows[3].agent = AgentId(9);   // unknown agent
  auto strict = store.ingest_agent_states(rows).value();
  ASSERT_EQ(strict.errors.size(), 1u);  // validation stops the batch before any insert
  EXPECT_EQ(strict.errors[0].row, 1u);
  EXPECT_EQ(strict.errors[0].field, "agent_state_interval.end");
  EXPECT_EQ(strict.errors[0].value, "2024-03-11T09:20:00Z");
  EXPECT_EQ(store.count("agent_states").value(), 0);

  auto lenient = store.ingest_agent_states(rows, IngestMode::kAcceptValid).value();
  ASSERT_EQ(lenient.errors.size(), 2u);
  EXPECT_EQ(lenient.errors[0].row, 1u);
  EXPECT_EQ(lenient.errors[1], (RowError{3, "agent_state_interval.agent", "9", "unknown agent"}));
  EXPECT_EQ(lenient.rows_written, 2u);
  EXPECT_EQ(store.count("agent_states").value(), 2);
}
