// Work-item and agent-time KPI reports through the C header only; expected
// values are hand calculations written beside each check.

#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include "table_access.hpp"

#include <cstring>
#include <string>

namespace {

using namespace capi_test;

constexpr int64_t kS = 1000;
constexpr int64_t kH = 3600 * kS;
// 2024-05-06T09:00:00Z, a Monday.
constexpr int64_t kMon9 = 1714986000000;

// Four claims on queue 1 received at kMon9: completed after 1 h (audited
// correct), 3 h (audited wrong), 30 h (audited correct), and one still open.
bo_table_t* four_items() {
  bo_table_t* t = nullptr;
  EXPECT_EQ(bo_table_create(&t, 4), BO_OK);
  const int64_t queue[4] = {1, 1, 1, 1};
  const int64_t received[4] = {kMon9, kMon9, kMon9, kMon9};
  const int64_t completed[4] = {kMon9 + 1 * kH, kMon9 + 3 * kH, kMon9 + 30 * kH, BO_NULL_INT64};
  const uint8_t completed_valid[4] = {1, 1, 1, 0};
  const int64_t correct[4] = {1, 0, 1, 0};
  const uint8_t correct_valid[4] = {1, 1, 1, 0};
  const char* kind[4] = {"claim", "claim", "claim", "claim"};
  EXPECT_EQ(bo_table_add_int64(t, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "received_at", BO_TYPE_INSTANT, received, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "completed_at", BO_TYPE_INSTANT, completed, completed_valid), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "audit_correct", BO_TYPE_BOOL, correct, correct_valid), BO_OK);
  EXPECT_EQ(bo_table_add_string(t, "kind", kind), BO_OK) << last_error();
  return t;
}

}  // namespace

TEST(CWorkItemReport, TurnaroundAndAccuracyMatchAHandCalculation) {
  TableHandle in, out;
  in.t = four_items();
  ASSERT_EQ(bo_work_item_report(&out.t, in.t, "queue,kind", nullptr, nullptr, 24 * kH, nullptr), BO_OK)
      << last_error();
  ASSERT_EQ(rows(out.t), 1u);
  EXPECT_EQ(integer(out.t, "queue_id"), 1);
  EXPECT_EQ(text(out.t, "kind"), "claim");
  EXPECT_EQ(integer(out.t, "completed"), 3);
  EXPECT_EQ(integer(out.t, "open"), 1);
  // (1 + 3 + 30) h / 3 = 11.333 h = 40800 s.
  EXPECT_DOUBLE_EQ(real(out.t, "tat_mean_s"), 40800.0);
  EXPECT_EQ(integer(out.t, "tat_mean_s_num"), 34 * kH);
  // Nearest rank over {1, 3, 30} h: p50 rank ceil(1.5) = 2 -> 3 h; p90 rank ceil(2.7) = 3 -> 30 h.
  EXPECT_DOUBLE_EQ(real(out.t, "tat_p50_s"), 3 * 3600.0);
  EXPECT_DOUBLE_EQ(real(out.t, "tat_p90_s"), 30 * 3600.0);
  // Within 24 h: 2 of 3 completed.
  EXPECT_EQ(integer(out.t, "tat_within_target_num"), 2);
  EXPECT_EQ(integer(out.t, "tat_within_target_den"), 3);
  // Audited: 3 completed items, 2 correct.
  EXPECT_EQ(integer(out.t, "accuracy_rate_num"), 2);
  EXPECT_EQ(integer(out.t, "accuracy_rate_den"), 3);
}

TEST(CWorkItemReport, BusinessTurnaroundUsesTheCalendar) {
  // Received Monday 16:00 UTC, completed Tuesday 10:00 UTC: 18 h of
  // calendar time, 1 h (Mon 16-17) + 1 h (Tue 9-10) = 2 h of business time.
  TableHandle in, out;
  ASSERT_EQ(bo_table_create(&in.t, 1), BO_OK);
  const int64_t queue[1] = {1};
  const int64_t received[1] = {kMon9 + 7 * kH};
  const int64_t completed[1] = {kMon9 + 25 * kH};
  ASSERT_EQ(bo_table_add_int64(in.t, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(in.t, "received_at", BO_TYPE_INSTANT, received, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(in.t, "completed_at", BO_TYPE_INSTANT, completed, nullptr), BO_OK);
  bo_business_calendar_t* cal = nullptr;
  ASSERT_EQ(bo_business_calendar_parse(&cal, "Mon-Fri 09:00-17:00", nullptr), BO_OK) << last_error();
  ASSERT_EQ(bo_work_item_report(&out.t, in.t, nullptr, nullptr, nullptr, 4 * kH, cal), BO_OK) << last_error();
  bo_business_calendar_destroy(cal);
  EXPECT_DOUBLE_EQ(real(out.t, "tat_mean_s"), 18 * 3600.0);
  EXPECT_DOUBLE_EQ(real(out.t, "btat_mean_s"), 2 * 3600.0);
  EXPECT_EQ(integer(out.t, "tat_within_target_num"), 0);   // 18 h > 4 h
  EXPECT_EQ(integer(out.t, "btat_within_target_num"), 1);  // 2 business hours <= 4
}

TEST(CWorkItemReport, BadInputNamesTheFieldAndLeavesOutUntouched) {
  TableHandle in;
  in.t = four_items();
  bo_table_t* out = nullptr;
  EXPECT_EQ(bo_work_item_report(&out, in.t, "agent", nullptr, nullptr, 0, nullptr), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "dimension");
  EXPECT_STREQ(bo_last_error_value(), "agent");
  EXPECT_EQ(bo_work_item_report(&out, in.t, nullptr, nullptr, nullptr, -1, nullptr), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "tat_target_ms");
  EXPECT_EQ(out, nullptr);

  TableHandle bad;
  ASSERT_EQ(bo_table_create(&bad.t, 1), BO_OK);
  const char* kind[1] = {"parcel"};
  const int64_t one[1] = {1};
  ASSERT_EQ(bo_table_add_int64(bad.t, "queue_id", BO_TYPE_INT64, one, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(bad.t, "received_at", BO_TYPE_INSTANT, one, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_string(bad.t, "kind", kind), BO_OK);
  EXPECT_EQ(bo_work_item_report(&out, bad.t, nullptr, nullptr, nullptr, 0, nullptr), BO_PARSE);
  EXPECT_STREQ(bo_last_error_field(), "kind[0]");
  EXPECT_STREQ(bo_last_error_value(), "parcel");
  EXPECT_EQ(bo_work_item_report(&out, nullptr, nullptr, nullptr, nullptr, 0, nullptr), BO_NULL_ARGUMENT);
  EXPECT_EQ(out, nullptr);
}

namespace {

// Agent 7 on Monday (UTC): available 10:00-10:30, on a contact
// 10:30-11:15, wrap-up 11:15-11:30, break 11:30-12:00.
bo_table_t* agent_day() {
  bo_table_t* t = nullptr;
  EXPECT_EQ(bo_table_create(&t, 4), BO_OK);
  const int64_t agent[4] = {7, 7, 7, 7};
  const char* state[4] = {"available", "on_contact", "wrap_up", "break"};
  const int64_t m = 60 * kS;
  const int64_t t10 = kMon9 + kH;
  const int64_t start[4] = {t10, t10 + 30 * m, t10 + 75 * m, t10 + 90 * m};
  const int64_t end[4] = {t10 + 30 * m, t10 + 75 * m, t10 + 90 * m, t10 + 120 * m};
  EXPECT_EQ(bo_table_add_int64(t, "agent_id", BO_TYPE_INT64, agent, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_string(t, "state", state), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "start_at", BO_TYPE_INSTANT, start, nullptr), BO_OK);
  EXPECT_EQ(bo_table_add_int64(t, "end_at", BO_TYPE_INSTANT, end, nullptr), BO_OK);
  return t;
}

}  // namespace

TEST(CAgentTimeReport, OccupancyAndUtilisationPerHourMatchAHandCalculation) {
  TableHandle states, items, out;
  states.t = agent_day();
  // One item completed by agent 7 at 10:45.
  ASSERT_EQ(bo_table_create(&items.t, 1), BO_OK);
  const int64_t queue[1] = {1}, assignee[1] = {7};
  const int64_t received[1] = {kMon9}, completed[1] = {kMon9 + kH + 45 * 60 * kS};
  ASSERT_EQ(bo_table_add_int64(items.t, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(items.t, "assignee_id", BO_TYPE_INT64, assignee, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(items.t, "received_at", BO_TYPE_INSTANT, received, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(items.t, "completed_at", BO_TYPE_INSTANT, completed, nullptr), BO_OK);
  ASSERT_EQ(bo_agent_time_report(&out.t, states.t, items.t, 0, nullptr, nullptr, 0, "60min", "UTC"), BO_OK)
      << last_error();
  ASSERT_EQ(rows(out.t), 2u);
  // 10:00-11:00: available 30 min, on contact 30 min -> occupancy 30/60.
  EXPECT_EQ(integer(out.t, "agent_id", 0), 7);
  EXPECT_EQ(integer(out.t, "available_ms", 0), 30 * 60 * kS);
  EXPECT_EQ(integer(out.t, "on_contact_ms", 0), 30 * 60 * kS);
  EXPECT_DOUBLE_EQ(real(out.t, "occupancy", 0), 0.5);
  // One item over one productive hour.
  EXPECT_DOUBLE_EQ(real(out.t, "productivity_per_hour", 0), 1.0);
  // 11:00-12:00: on contact 15, wrap-up 15, break 30 min -> occupancy
  // 30/30 = 1; utilisation 30/60 (a break is logged in, not productive).
  EXPECT_DOUBLE_EQ(real(out.t, "occupancy", 1), 1.0);
  EXPECT_DOUBLE_EQ(real(out.t, "utilisation", 1), 0.5);
  EXPECT_EQ(integer(out.t, "utilisation_den", 1), 60 * 60 * kS);
}

TEST(CAgentTimeReport, GroupsAgentsByTeam) {
  TableHandle states, out;
  states.t = agent_day();
  const int64_t agents[1] = {7}, teams[1] = {3};
  ASSERT_EQ(bo_agent_time_report(&out.t, states.t, nullptr, 1, agents, teams, 1, nullptr, nullptr), BO_OK)
      << last_error();
  ASSERT_EQ(rows(out.t), 1u);
  EXPECT_EQ(integer(out.t, "team_id"), 3);
  // Whole day: handle 45 + 15 = 60 min over available + handle 90 min.
  EXPECT_DOUBLE_EQ(real(out.t, "occupancy"), 60.0 / 90.0);
  bo_table_t* none = nullptr;
  EXPECT_EQ(bo_agent_time_report(&none, states.t, nullptr, 1, nullptr, nullptr, 1, nullptr, nullptr),
            BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "team_count");
  EXPECT_EQ(none, nullptr);
}

TEST(CAgentTimeReport, AnIntervalEndingBeforeItStartsIsNamed) {
  TableHandle states;
  ASSERT_EQ(bo_table_create(&states.t, 1), BO_OK);
  const int64_t agent[1] = {7}, start[1] = {kMon9}, end[1] = {kMon9 - 1};
  const char* state[1] = {"available"};
  ASSERT_EQ(bo_table_add_int64(states.t, "agent_id", BO_TYPE_INT64, agent, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_string(states.t, "state", state), BO_OK);
  ASSERT_EQ(bo_table_add_int64(states.t, "start_at", BO_TYPE_INSTANT, start, nullptr), BO_OK);
  ASSERT_EQ(bo_table_add_int64(states.t, "end_at", BO_TYPE_INSTANT, end, nullptr), BO_OK);
  bo_table_t* out = nullptr;
  EXPECT_EQ(bo_agent_time_report(&out, states.t, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr),
            BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "end_at[0]");
}
