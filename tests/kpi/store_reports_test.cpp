// Work-item and agent-time reports asked of the store equal the engine run on
// hand-built columns: the store path adds only the reading.
#include <backoffice/store/store_reports.hpp>

#include "store/store_fixtures.hpp"

#include <gtest/gtest.h>

using namespace backoffice;
using namespace backoffice::testing;

TEST(StoreReports, WorkItemTatFromTheStore) {
  auto store = Store::open_in_memory().value();
  ASSERT_TRUE(store.put_queue(make_queue(1)).ok());
  std::vector<WorkItem> items;
  for (int i = 1; i <= 12; ++i) items.push_back(make_work_item(i));
  ASSERT_TRUE(store.ingest_work_items(items).value().ok());
  const auto t = work_item_report(store, WorkItemQuery{}, WorkItemGroupBy{}).value().to_table();
  // Every fixture item takes 10 + 25 = 35 minutes from receipt to completion.
  EXPECT_EQ(std::get<std::vector<std::int64_t>>(t.find("completed")->values)[0], 12);
  EXPECT_DOUBLE_EQ(std::get<std::vector<double>>(t.find("tat_p90_s")->values)[0], 35 * 60.0);
  // Audited: items 3, 6, 9, 12; correct unless i % 6 == 0 -> 3 and 9.
  EXPECT_DOUBLE_EQ(std::get<std::vector<double>>(t.find("accuracy_rate")->values)[0], 0.5);
}

TEST(StoreReports, OccupancyFromStoredAgentStates) {
  auto store = Store::open_in_memory().value();
  ASSERT_TRUE(store.put_agent(make_agent(5)).ok());
  std::vector<AgentStateInterval> states = {make_state(5, AgentState::kAvailable, "2024-04-08T09:00:00Z", 20),
                                            make_state(5, AgentState::kOnContact, "2024-04-08T09:20:00Z", 30),
                                            make_state(5, AgentState::kWrapUp, "2024-04-08T09:50:00Z", 10)};
  ASSERT_TRUE(store.ingest_agent_states(states).value().ok());
  const auto t = agent_time_report(store, AgentStateQuery{}, AgentTimeGroupBy{}, false).value();
  // Handle 40 of 60 productive minutes.
  EXPECT_DOUBLE_EQ(std::get<std::vector<double>>(t.find("occupancy")->values)[0], 40.0 / 60);
}
