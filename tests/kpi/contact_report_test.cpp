#include <backoffice/kpi/contact_report.hpp>

#include "kpi/kpi_fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace backoffice;
using namespace backoffice::testing;
using namespace std::chrono_literals;

namespace {

// Six contacts, queue target 20 s, short abandons under 5 s:
//  1 answered after 10 s: talk 100, hold 20, wrap 30; CSAT 5; resolved
//  2 answered after 30 s: talk 200, wrap 10; CSAT 3; transferred
//  3 abandoned after 3 s  (short abandon, within target)
//  4 abandoned after 15 s (within target)
//  5 abandoned after 40 s
//  6 answered after exactly 20 s (meets the target): talk 60; CSAT 4; NPS 9
std::vector<ContactSpec> six_contacts() {
  const auto t = at("2024-05-06T14:00:00Z");
  return {
      {.offered = t, .wait = 10s, .talk = 100s, .hold = 20s, .wrap = 30s, .csat = 5, .resolved = true},
      {.offered = t + 1min, .wait = 30s, .talk = 200s, .wrap = 10s, .csat = 3, .transferred = true},
      {.offered = t + 2min, .wait = 3s, .answered = false},
      {.offered = t + 3min, .wait = 15s, .answered = false},
      {.offered = t + 4min, .wait = 40s, .answered = false},
      {.offered = t + 5min, .wait = 20s, .talk = 60s, .csat = 4, .nps = 9},
  };
}

double metric(const Table& t, const char* name, std::size_t row = 0) {
  const auto* col = t.find(name);
  EXPECT_NE(col, nullptr) << name;
  return std::get<std::vector<double>>(col->values)[row];
}
std::int64_t count(const Table& t, const char* name, std::size_t row = 0) {
  const auto* col = t.find(name);
  EXPECT_NE(col, nullptr) << name;
  return std::get<std::vector<std::int64_t>>(col->values)[row];
}

Table report_of(const InteractionColumns& cols, KpiOptions options = {}, GroupBy g = {}) {
  auto r = contact_report(InteractionView::of(cols), g, options);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r->to_table();
}

}  // namespace

TEST(ContactReport, CountsAndAveragesMatchAHandCalculation) {
  const auto t = report_of(columns_of(six_contacts()));
  ASSERT_EQ(t.row_count(), 1u);
  EXPECT_EQ(count(t, "offered"), 6);
  EXPECT_EQ(count(t, "answered"), 3);
  EXPECT_EQ(count(t, "abandoned"), 3);
  EXPECT_EQ(count(t, "short_abandoned"), 1);
  // ASA = (10 + 30 + 20) / 3 = 20 s; AHT = (150 + 210 + 60) / 3 = 140 s.
  EXPECT_DOUBLE_EQ(metric(t, "asa_s"), 20.0);
  EXPECT_DOUBLE_EQ(metric(t, "aht_s"), 140.0);
  EXPECT_EQ(count(t, "aht_s_num"), 420'000);
  EXPECT_EQ(count(t, "aht_s_den"), 3);
  EXPECT_DOUBLE_EQ(metric(t, "avg_talk_s"), 120.0);
  EXPECT_DOUBLE_EQ(metric(t, "transfer_rate"), 1.0 / 3);
  // CSAT 5, 3, 4: top-2-box 2/3, mean 4. NPS: one promoter of one = +100.
  EXPECT_DOUBLE_EQ(metric(t, "csat_top2"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(metric(t, "csat_mean"), 4.0);
  EXPECT_DOUBLE_EQ(metric(t, "nps"), 100.0);
  EXPECT_DOUBLE_EQ(metric(t, "fcr_survey"), 1.0);
}

TEST(ServiceLevel, ShortAbandonsLeaveTheDenominatorByDefault) {
  // Answered within 20 s: contacts 1 and 6. Offered 6 less 1 short abandon.
  const auto t = report_of(columns_of(six_contacts()));
  EXPECT_EQ(count(t, "service_level_num"), 2);
  EXPECT_EQ(count(t, "service_level_den"), 5);
  EXPECT_DOUBLE_EQ(metric(t, "service_level"), 0.4);
  // Abandon rate excludes short abandons the same way: (3 - 1) / (6 - 1).
  EXPECT_DOUBLE_EQ(metric(t, "abandon_rate"), 0.4);
}

TEST(ServiceLevel, EachVariantUsesItsDocumentedFormula) {
  const auto cols = columns_of(six_contacts());
  KpiOptions o;
  o.service_level = ServiceLevelDefinition::kAbandonsWithinTargetMet;  // (2 + 2) / 6
  EXPECT_DOUBLE_EQ(metric(report_of(cols, o), "service_level"), 4.0 / 6);
  o.service_level = ServiceLevelDefinition::kAnsweredOnly;  // 2 / 3
  EXPECT_DOUBLE_EQ(metric(report_of(cols, o), "service_level"), 2.0 / 3);
  o.service_level = ServiceLevelDefinition::kAllOffered;  // 2 / 6
  EXPECT_DOUBLE_EQ(metric(report_of(cols, o), "service_level"), 2.0 / 6);
  o.abandon_rate_excludes_short = false;  // 3 / 6
  const auto t = report_of(cols, o);
  EXPECT_DOUBLE_EQ(metric(t, "abandon_rate"), 0.5);
  EXPECT_NE(t.metadata[0].second.find("service_level=all_offered"), std::string::npos);
}

TEST(ServiceLevel, PerQueueTargetsApply) {
  auto specs = six_contacts();
  for (auto& s : specs) s.queue = 7;
  KpiOptions o;
  o.per_queue[7] = QueueTargets{30s, 0s};  // 1, 2, 6 within 30 s; no short abandons
  const auto t = report_of(columns_of(specs), o);
  EXPECT_DOUBLE_EQ(metric(t, "service_level"), 3.0 / 6);
}

TEST(ContactReport, NoContactsGiveNoGroups) {
  InteractionColumns empty;
  auto r = contact_report(InteractionView::of(empty), {}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->group_count(), 0u);
  EXPECT_EQ(r->to_table().row_count(), 0u);
}

TEST(ContactReport, AllAbandonedLeavesHandleTimeUndefinedNotZero) {
  const auto t0 = at("2024-05-06T14:00:00Z");
  const auto t = report_of(columns_of({{.offered = t0, .wait = 2s, .answered = false},
                                       {.offered = t0, .wait = 50s, .answered = false}}));
  EXPECT_TRUE(std::isnan(metric(t, "aht_s")));
  EXPECT_TRUE(std::isnan(metric(t, "asa_s")));
  EXPECT_DOUBLE_EQ(metric(t, "service_level"), 0.0);  // 0 / (2 - 1)
  EXPECT_DOUBLE_EQ(metric(t, "abandon_rate"), 1.0);
}

TEST(ContactReport, RejectsColumnsOfDifferentLengths) {
  auto cols = columns_of(six_contacts());
  cols.talk_ms.pop_back();
  auto r = contact_report(InteractionView::of(cols), {}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "columns");
}

TEST(Grouping, GroupsByQueueAndAgentWithNullAgentsApart) {
  const auto t0 = at("2024-05-06T14:00:00Z");
  const auto t = report_of(
      columns_of({{.offered = t0, .wait = 5s, .talk = 10s, .queue = 1, .agent = 4},
                  {.offered = t0, .wait = 5s, .talk = 30s, .queue = 1, .agent = 4},
                  {.offered = t0, .wait = 5s, .answered = false, .queue = 1},
                  {.offered = t0, .wait = 5s, .talk = 20s, .queue = 2, .agent = 4}}),
      {}, GroupBy{.dimensions = {Dimension::kQueue, Dimension::kAgent}});
  ASSERT_EQ(t.row_count(), 3u);
  // Sorted by key: (1, null agent), (1, 4), (2, 4).
  EXPECT_EQ(count(t, "queue_id", 0), 1);
  EXPECT_EQ(count(t, "agent_id", 0), kNullInt64);
  EXPECT_EQ(count(t, "offered", 1), 2);
  EXPECT_DOUBLE_EQ(metric(t, "avg_talk_s", 1), 20.0);
  EXPECT_EQ(count(t, "queue_id", 2), 2);
}

TEST(Grouping, TeamsComeFromTheAgentMap) {
  const auto t0 = at("2024-05-06T14:00:00Z");
  GroupBy g{.dimensions = {Dimension::kTeam}};
  g.team_of_agent = {{4, 100}, {5, 100}, {6, 200}};
  const auto t = report_of(columns_of({{.offered = t0, .wait = 5s, .agent = 4},
                                       {.offered = t0, .wait = 5s, .agent = 5},
                                       {.offered = t0, .wait = 5s, .agent = 6}}),
                           {}, g);
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(count(t, "team_id", 0), 100);
  EXPECT_EQ(count(t, "offered", 0), 2);
}

TEST(Grouping, ReasonsArePrintedWithTheirLabels) {
  const auto t0 = at("2024-05-06T14:00:00Z");
  const auto t = report_of(columns_of({{.offered = t0, .wait = 5s, .reason = "billing"},
                                       {.offered = t0, .wait = 5s, .reason = "card lost"}}),
                           {}, GroupBy{.dimensions = {Dimension::kReason}});
  const auto& labels = std::get<std::vector<std::string>>(t.find("reason")->values);
  EXPECT_EQ(labels, (std::vector<std::string>{"billing", "card lost"}));
  EXPECT_NE(t.to_csv().find("reason,offered"), std::string::npos);
}
