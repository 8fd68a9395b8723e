#include <backoffice/kpi/agent_time_report.hpp>
#include <backoffice/kpi/work_item_report.hpp>

#include <backoffice/domain/agent_state.hpp>
#include <backoffice/domain/interaction_columns.hpp>

#include <gtest/gtest.h>

#include <cmath>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

std::int64_t ms(const char* iso) { return Instant::parse(iso).value().unix_ms(); }

// Four items received on Monday 2024-05-06 (UTC):
//  1: 08:00 -> 10:00       TAT 2 h,  business 1 h (09-10),             audited correct
//  2: 08:00 -> Tue 14:00   TAT 30 h, business 8 h Mon + 5 h Tue = 13 h, audited incorrect
//  3: 09:00 -> 13:00       TAT 4 h,  business 4 h,                     not audited
//  4: 10:00 -> still open
struct Items {
  std::vector<std::int64_t> queue{1, 1, 1, 1}, assignee{7, 7, 8, 8};
  std::vector<std::uint8_t> kind{0, 0, 1, 1};
  std::vector<std::int64_t> received{ms("2024-05-06T08:00:00Z"), ms("2024-05-06T08:00:00Z"),
                                     ms("2024-05-06T09:00:00Z"), ms("2024-05-06T10:00:00Z")};
  std::vector<std::int64_t> completed{ms("2024-05-06T10:00:00Z"), ms("2024-05-07T14:00:00Z"),
                                      ms("2024-05-06T13:00:00Z"), kNullInt64};
  std::vector<std::int8_t> audit{1, 0, -1, -1};
  WorkItemView view() const { return {queue, assignee, kind, received, completed, audit}; }
};

double number(const Table& t, const char* name, std::size_t row = 0) {
  const auto* c = t.find(name);
  EXPECT_NE(c, nullptr) << name;
  return c ? std::get<std::vector<double>>(c->values)[row] : std::nan("");
}
std::int64_t integer(const Table& t, const char* name, std::size_t row = 0) {
  const auto* c = t.find(name);
  EXPECT_NE(c, nullptr) << name;
  return c ? std::get<std::vector<std::int64_t>>(c->values)[row] : -1;
}

}  // namespace

TEST(WorkItemTat, MeanPercentilesAndTargetMatchAHandCalculation) {
  const Items items;
  auto r = work_item_report(items.view(), {}, TatOptions{.target = 24h});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const auto t = r->to_table();
  ASSERT_EQ(t.row_count(), 1u);
  EXPECT_EQ(integer(t, "completed"), 3);
  EXPECT_EQ(integer(t, "open"), 1);
  // Mean (2 + 30 + 4) / 3 = 12 h; sorted [2, 4, 30] h: p50 rank 2 = 4 h, p90 rank 3 = 30 h.
  EXPECT_DOUBLE_EQ(number(t, "tat_mean_s"), 43'200.0);
  EXPECT_DOUBLE_EQ(number(t, "tat_p50_s"), 14'400.0);
  EXPECT_DOUBLE_EQ(number(t, "tat_p90_s"), 108'000.0);
  EXPECT_DOUBLE_EQ(number(t, "tat_within_target"), 2.0 / 3);
  // Audited: item 1 correct, item 2 not.
  EXPECT_DOUBLE_EQ(number(t, "accuracy_rate"), 0.5);
  EXPECT_EQ(integer(t, "accuracy_rate_den"), 2);
}

TEST(WorkItemTat, BusinessTimePausesOutsideOpeningHours) {
  const Items items;
  TatOptions o{.target = 8h};
  o.calendar = BusinessCalendar::parse("Mon-Fri 09:00-17:00", TimeZone::utc()).value();
  const auto t = work_item_report(items.view(), {}, o).value().to_table();
  // Business TATs 1, 13, 4 h: mean 6 h, p50 4 h, p90 13 h; within 8 h: 2 of 3.
  EXPECT_DOUBLE_EQ(number(t, "btat_mean_s"), 21'600.0);
  EXPECT_DOUBLE_EQ(number(t, "btat_p50_s"), 14'400.0);
  EXPECT_DOUBLE_EQ(number(t, "btat_p90_s"), 46'800.0);
  EXPECT_DOUBLE_EQ(number(t, "btat_within_target"), 2.0 / 3);
  // Calendar time within 8 h: items 1 and 3.
  EXPECT_DOUBLE_EQ(number(t, "tat_within_target"), 2.0 / 3);
}

TEST(WorkItemTat, GroupsByKindAndDayOfCompletionAndMergesExactly) {
  const Items items;
  WorkItemGroupBy g{.dimensions = {WorkDimension::kKind}, .bucket = TimeBucket::kDay, .zone = TimeZone::utc()};
  const auto t = work_item_report(items.view(), g).value().to_table();
  // (claim, Mon): item 1; (claim, Tue): item 2; (invoice, Mon): item 3 + open item 4.
  ASSERT_EQ(t.row_count(), 3u);
  EXPECT_EQ(std::get<std::vector<std::string>>(t.find("interval_start")->values)[1], "2024-05-07");
  EXPECT_EQ(integer(t, "open", 2), 1);

  // Two halves merged give the same percentiles as one pass.
  const auto whole = work_item_report(items.view(), {}).value().to_table();
  const auto v = items.view();
  WorkItemView first{v.queue_id.first(2), v.assignee_id.first(2), v.kind.first(2), v.received_ms.first(2),
                     v.completed_ms.first(2), v.audit_correct.first(2)};
  WorkItemView second{v.queue_id.last(2), v.assignee_id.last(2), v.kind.last(2), v.received_ms.last(2),
                      v.completed_ms.last(2), v.audit_correct.last(2)};
  auto merged = work_item_report(first, {}).value();
  ASSERT_TRUE(merged.merge(work_item_report(second, {}).value()).ok());
  EXPECT_EQ(merged.to_table().to_csv(), whole.to_csv());
}

TEST(WorkItemTat, CompletionBeforeReceiptIsAnErrorNamingTheRow) {
  Items items;
  items.completed[2] = items.received[2] - 1;
  auto r = work_item_report(items.view(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "completed_ms[2]");
}

TEST(AgentTime, OccupancyAndUtilisationSplitAcrossIntervals) {
  // Agent 1: available 09:00-09:10, on contact 09:10-09:25, wrap 09:25-09:30,
  // break 09:30-09:45, on contact 09:45-10:00 (UTC).
  std::vector<std::int64_t> agent{1, 1, 1, 1, 1};
  std::vector<std::uint8_t> state{static_cast<std::uint8_t>(AgentState::kAvailable),
                                  static_cast<std::uint8_t>(AgentState::kOnContact),
                                  static_cast<std::uint8_t>(AgentState::kWrapUp),
                                  static_cast<std::uint8_t>(AgentState::kBreak),
                                  static_cast<std::uint8_t>(AgentState::kOnContact)};
  std::vector<std::int64_t> start{ms("2024-05-06T09:00:00Z"), ms("2024-05-06T09:10:00Z"), ms("2024-05-06T09:25:00Z"),
                                  ms("2024-05-06T09:30:00Z"), ms("2024-05-06T09:45:00Z")};
  std::vector<std::int64_t> end{ms("2024-05-06T09:10:00Z"), ms("2024-05-06T09:25:00Z"), ms("2024-05-06T09:30:00Z"),
                                ms("2024-05-06T09:45:00Z"), ms("2024-05-06T10:00:00Z")};
  const AgentStateView v{agent, state, start, end};

  // Whole period: handle 35 min; productive 45 min; logged in 60 min.
  // Two items completed by agent 1 in that hour: 2 / 0.75 h.
  std::vector<std::int64_t> q{1, 1}, who{1, 1}, received{start[0], start[0]}, done{end[1], end[4]};
  std::vector<std::uint8_t> kind{0, 0};
  std::vector<std::int8_t> audit{-1, -1};
  const WorkItemView items{q, who, kind, received, done, audit};
  const auto total = agent_time_report(v, {}, &items).value();
  EXPECT_DOUBLE_EQ(number(total, "occupancy"), 35.0 / 45);
  EXPECT_DOUBLE_EQ(number(total, "utilisation"), 35.0 / 60);
  EXPECT_NEAR(number(total, "productivity_per_hour"), 2.0 / 0.75, 1e-12);

  // Quarter-hours: 09:00 occupancy 5/15; 09:15 15/15; 09:30 break only (undefined, utilisation 0); 09:45 1.
  const auto q15 = agent_time_report(v, {.bucket = TimeBucket::kMinutes15, .zone = TimeZone::utc()}).value();
  ASSERT_EQ(q15.row_count(), 4u);
  EXPECT_DOUBLE_EQ(number(q15, "occupancy", 0), 1.0 / 3);
  EXPECT_DOUBLE_EQ(number(q15, "occupancy", 1), 1.0);
  EXPECT_TRUE(std::isnan(number(q15, "occupancy", 2)));
  EXPECT_DOUBLE_EQ(number(q15, "utilisation", 2), 0.0);
  EXPECT_EQ(integer(q15, "on_contact_ms", 0), 5 * 60'000);
}

TEST(AgentTime, OverlappingIntervalsOfOneAgentAreRejectedTouchingOnesAreNot) {
  // Agent 1 on contact 09:00-09:20 and, in row 2, available from 09:15: five
  // minutes would count twice. Agent 2's intervals touch at 09:10 (fine), and
  // agent 2 overlapping agent 1 in time is fine too.
  std::vector<std::int64_t> agent{1, 2, 1, 2};
  std::vector<std::uint8_t> state(4, static_cast<std::uint8_t>(AgentState::kOnContact));
  state[2] = static_cast<std::uint8_t>(AgentState::kAvailable);
  std::vector<std::int64_t> start{ms("2024-05-06T09:00:00Z"), ms("2024-05-06T09:00:00Z"), ms("2024-05-06T09:15:00Z"),
                                  ms("2024-05-06T09:10:00Z")};
  std::vector<std::int64_t> end{ms("2024-05-06T09:20:00Z"), ms("2024-05-06T09:10:00Z"), ms("2024-05-06T09:30:00Z"),
                                ms("2024-05-06T09:30:00Z")};
  auto r = agent_time_report(AgentStateView{agent, state, start, end}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "start_ms[2]");
  EXPECT_EQ(r.error().value, "2024-05-06T09:15:00Z");
  EXPECT_NE(r.error().message.find("agent 1"), std::string::npos) << r.error().message;

  start[2] = ms("2024-05-06T09:20:00Z");  // now touching: accepted
  auto ok = agent_time_report(AgentStateView{agent, state, start, end}, {});
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  EXPECT_EQ(integer(*ok, "on_contact_ms", 0) + integer(*ok, "on_contact_ms", 1), (20 + 30) * 60'000);
}
