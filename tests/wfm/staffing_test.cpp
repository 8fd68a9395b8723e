#include <backoffice/wfm/erlang.hpp>
#include <backoffice/wfm/staffing.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

StaffingTarget service_level_target(double sl, Milliseconds t) {
  StaffingTarget target;
  target.objective = StaffingObjective::kServiceLevel;
  target.service_level = sl;
  target.answer_time = t;
  return target;
}

StaffingTarget erlang_a(StaffingTarget t, Milliseconds patience) {
  t.model = QueueModel::kErlangA;
  t.mean_patience = patience;
  return t;
}

const QueueLoad kTenThousandPerHour{10'000.0, 3600s, 300s};  // 833.3 Erlangs

}  // namespace

TEST(Staffing, MatchesTheCallCentreHelperWorkedExample) {
  // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked
  // Example": 100 calls per 30 min, AHT 180 s, 80% in 20 s needs 14 agents;
  // with 30% shrinkage, 14 / (1 - 0.3) = 20 agents must be scheduled.
  auto r = required_agents(QueueLoad{100.0, 1800s, 180s}, service_level_target(0.8, 20s), 0.3);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->required_agents, 14);
  EXPECT_EQ(r->scheduled_agents, 20);
  EXPECT_NEAR(r->service_level, 0.888, 0.0005);  // the article's 88.8%
}

TEST(Staffing, MatchesABruteForceHighPrecisionSearch) {
  // Expected agent counts from make_erlang_references.py (staffing_references):
  // mpmath evaluates N = 834, 835, ... and reports the first that meets the
  // target.
  auto sl = required_agents(kTenThousandPerHour, service_level_target(0.8, 20s), 0.0);
  ASSERT_TRUE(sl.ok());
  EXPECT_EQ(sl->required_agents, 848);
  auto sl90 = required_agents(kTenThousandPerHour, service_level_target(0.9, 10s), 0.0);
  ASSERT_TRUE(sl90.ok());
  EXPECT_EQ(sl90->required_agents, 861);
  StaffingTarget asa;
  asa.objective = StaffingObjective::kAverageSpeedOfAnswer;
  asa.max_asa = 15s;
  auto by_asa = required_agents(kTenThousandPerHour, asa, 0.0);
  ASSERT_TRUE(by_asa.ok());
  EXPECT_EQ(by_asa->required_agents, 846);
  EXPECT_LE(by_asa->asa_s, 15.0);
}

TEST(Staffing, ErlangAMatchesABruteForceHighPrecisionSearch) {
  // Same source as above, with mean patience 180 s (large centre) and 60 s
  // (A = 10 Erlangs, AHT 180 s).
  auto sl = required_agents(kTenThousandPerHour,
                            erlang_a(service_level_target(0.8, 20s), 180s), 0.0);
  ASSERT_TRUE(sl.ok()) << sl.error().to_string();
  EXPECT_EQ(sl->required_agents, 782);

  StaffingTarget abandon = erlang_a(StaffingTarget{}, 180s);
  abandon.objective = StaffingObjective::kAbandonRate;
  abandon.max_abandon_rate = 0.02;
  auto ab = required_agents(kTenThousandPerHour, abandon, 0.0);
  ASSERT_TRUE(ab.ok()) << ab.error().to_string();
  EXPECT_EQ(ab->required_agents, 827);
  EXPECT_LE(ab->probability_abandon, 0.02);

  const QueueLoad small{100.0, 1800s, 180s};
  auto small_sl = required_agents(small, erlang_a(service_level_target(0.8, 20s), 60s), 0.0);
  ASSERT_TRUE(small_sl.ok());
  EXPECT_EQ(small_sl->required_agents, 12);
  StaffingTarget small_asa = erlang_a(StaffingTarget{}, 60s);
  small_asa.objective = StaffingObjective::kAverageSpeedOfAnswer;
  small_asa.max_asa = 10s;
  auto by_asa = required_agents(small, small_asa, 0.0);
  ASSERT_TRUE(by_asa.ok());
  EXPECT_EQ(by_asa->required_agents, 10);
}

TEST(Staffing, RequiredAgentsAreTheFewestThatMeetTheTarget) {
  // Property over a sweep of loads: the answer meets the target and one
  // agent fewer does not (or is unstable).
  const auto target = service_level_target(0.8, 20s);
  for (double calls : {0.3, 1.0, 7.0, 55.0, 400.0, 2'500.0, 30'000.0, 120'000.0}) {
    const QueueLoad load{calls, 3600s, 300s};
    auto r = required_agents(load, target, 0.0);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    auto at = erlang_c_metrics(load, r->required_agents, 20s);
    ASSERT_TRUE(at.ok());
    EXPECT_GE(at->service_level, 0.8) << calls;
    auto below = erlang_c_metrics(load, r->required_agents - 1, 20s);
    if (below.ok()) {
      EXPECT_LT(below->service_level, 0.8) << calls;
    }
  }
}

TEST(Staffing, ErlangARequiredAgentsAreTheFewestThatMeetTheTarget) {
  const auto target = erlang_a(service_level_target(0.85, 30s), 90s);
  for (double calls : {0.3, 4.0, 70.0, 900.0, 6'000.0, 50'000.0}) {
    const QueueLoad load{calls, 3600s, 240s};
    auto r = required_agents(load, target, 0.0);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    auto at = erlang_a_metrics(load, r->required_agents, 30s, 90s);
    ASSERT_TRUE(at.ok());
    EXPECT_GE(at->service_level, 0.85) << calls;
    if (r->required_agents > 1) {
      auto below = erlang_a_metrics(load, r->required_agents - 1, 30s, 90s);
      ASSERT_TRUE(below.ok());
      EXPECT_LT(below->service_level, 0.85) << calls;
    }
  }
}

TEST(Staffing, TheOccupancyCapCanBind) {
  // A = 10 Erlangs. 80/20 alone needs 14 agents (occupancy 10/14 = 71.4%);
  // a 70% cap needs ceil(10 / 0.7) = 15 (10/15 = 66.7%).
  auto target = service_level_target(0.8, 20s);
  target.max_occupancy = 0.70;
  auto r = required_agents(QueueLoad{100.0, 1800s, 180s}, target, 0.0);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->required_agents, 15);
  EXPECT_LE(r->occupancy, 0.70);
  // A cap of exactly 10/16 = 0.625 is met with equality by 16 agents.
  target.max_occupancy = 0.625;
  EXPECT_EQ(required_agents(QueueLoad{100.0, 1800s, 180s}, target, 0.0)->required_agents, 16);
}

TEST(Staffing, NoCallsNeedNoAgents) {
  auto r = required_agents(QueueLoad{0.0, 900s, 300s}, service_level_target(0.8, 20s), 0.35);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->required_agents, 0);
  EXPECT_EQ(r->scheduled_agents, 0);
}

TEST(Staffing, ShrinkageGrossesUpByDividing) {
  // By hand: 14 / 0.7 = 20 exactly (binary round-off must not make it 21);
  // 7 / 0.5 = 14; 1 / 0.65 = 1.54 -> 2; 100 / 0.75 = 133.3 -> 134.
  EXPECT_EQ(*scheduled_headcount(14, 0.3), 20);
  EXPECT_EQ(*scheduled_headcount(7, 0.5), 14);
  EXPECT_EQ(*scheduled_headcount(1, 0.35), 2);
  EXPECT_EQ(*scheduled_headcount(100, 0.25), 134);
  EXPECT_EQ(*scheduled_headcount(10, 0.0), 10);
  EXPECT_EQ(*scheduled_headcount(0, 0.9), 0);
}

TEST(Staffing, RejectsShrinkageOutsideZeroToOne) {
  for (double bad : {-0.1, 1.0, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    auto r = scheduled_headcount(10, bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "shrinkage");
    auto s = required_agents(kTenThousandPerHour, service_level_target(0.8, 20s), bad);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "shrinkage");
  }
  EXPECT_EQ(scheduled_headcount(-1, 0.2).error().field, "required_agents");
}

TEST(Staffing, RejectsTargetsOutsideTheirRangeNamingTheField) {
  auto sl = required_agents(kTenThousandPerHour, service_level_target(1.0, 20s), 0.0);
  ASSERT_FALSE(sl.ok());
  EXPECT_EQ(sl.error().field, "target.service_level");
  EXPECT_EQ(sl.error().value, "1");

  StaffingTarget abandon_in_c;
  abandon_in_c.objective = StaffingObjective::kAbandonRate;
  abandon_in_c.max_abandon_rate = 0.05;
  auto c = required_agents(kTenThousandPerHour, abandon_in_c, 0.0);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().field, "target.model");

  StaffingTarget no_patience = service_level_target(0.8, 20s);
  no_patience.model = QueueModel::kErlangA;
  auto a = required_agents(kTenThousandPerHour, no_patience, 0.0);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().field, "target.mean_patience");

  StaffingTarget asa;
  asa.objective = StaffingObjective::kAverageSpeedOfAnswer;
  auto zero_asa = required_agents(kTenThousandPerHour, asa, 0.0);
  ASSERT_FALSE(zero_asa.ok());
  EXPECT_EQ(zero_asa.error().field, "target.max_asa");

  auto cap = service_level_target(0.8, 20s);
  cap.max_occupancy = 0.0;
  EXPECT_EQ(required_agents(kTenThousandPerHour, cap, 0.0).error().field,
            "target.max_occupancy");

  StaffingTarget garbage = service_level_target(0.8, 20s);
  garbage.objective = static_cast<StaffingObjective>(7);  // as a C caller might pass
  EXPECT_EQ(required_agents(kTenThousandPerHour, garbage, 0.0).error().field,
            "target.objective");
}

TEST(StaffingCurve, GivesTheSameAnswerAsOneIntervalAtATime) {
  const std::vector<double> calls{0.0, 12.5, 80.0, 250.0, 2'500.0, 1.0};
  const std::vector<double> aht{0.0, 240.0, 300.0, 310.5, 280.0, 600.0};
  const auto target = service_level_target(0.8, 20s);
  auto curve = staffing_curve(calls, aht, 900s, target, 0.3);
  ASSERT_TRUE(curve.ok()) << curve.error().to_string();
  ASSERT_EQ(curve->required.size(), calls.size());
  EXPECT_EQ(curve->required[0], 0);  // no calls, AHT ignored
  for (std::size_t i = 1; i < calls.size(); ++i) {
    const QueueLoad load{calls[i], 900s,
                         std::chrono::milliseconds(std::llround(aht[i] * 1000.0))};
    auto one = required_agents(load, target, 0.3);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(curve->required[i], one->required_agents) << i;
    EXPECT_EQ(curve->scheduled[i], one->scheduled_agents) << i;
  }
}

TEST(StaffingCurve, NamesTheBadIntervalByIndex) {
  const std::vector<double> calls{10.0, -3.0};
  const std::vector<double> aht{300.0, 300.0};
  auto r = staffing_curve(calls, aht, 900s, service_level_target(0.8, 20s), 0.0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "calls_per_interval[1]");
  EXPECT_EQ(r.error().value, "-3");

  const std::vector<double> bad_aht{300.0, 0.0};
  const std::vector<double> ok_calls{10.0, 3.0};
  auto a = staffing_curve(ok_calls, bad_aht, 900s, service_level_target(0.8, 20s), 0.0);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().field, "aht_s[1]");
}

TEST(StaffingCurve, RejectsSpansOfDifferentLengths) {
  const std::vector<double> calls{10.0, 20.0};
  const std::vector<double> aht{300.0};
  auto r = staffing_curve(calls, aht, 900s, service_level_target(0.8, 20s), 0.0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "aht_s");
  std::vector<std::int32_t> required(2), scheduled(1);
  const std::vector<double> aht2{300.0, 300.0};
  auto s = staffing_curve_into(calls, aht2, 900s, service_level_target(0.8, 20s), 0.0,
                               required, scheduled);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "scheduled_out");
  EXPECT_EQ(s.error().value, "1 entries");
}

TEST(Staffing, TargetsAndResultsPrintWithFmt) {
  // Hand-written expectations of the documented format.
  auto target = service_level_target(0.8, 20s);
  EXPECT_EQ(fmt::format("{}", target), "Erlang C: SL >= 0.8 within 20000 ms, occupancy <= 1");
  StaffingResult r;
  r.required_agents = 14;
  r.scheduled_agents = 20;
  EXPECT_EQ(fmt::format("{}", r).substr(0, 25), "14 required, 20 scheduled");
}
