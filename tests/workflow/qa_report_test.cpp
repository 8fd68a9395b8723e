#include <backoffice/workflow/qa_report.hpp>

#include "workflow/qa_fixtures.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>
#include <random>

namespace backoffice {
namespace {

using qa_test::kAutoFail;
using qa_test::kSeventy;
using qa_test::kWithNa;
using qa_test::sample_scorecard;

std::int64_t ms(const char* iso) { return Instant::parse(iso).value().unix_ms(); }

const std::vector<double>& doubles(const Table& t, const char* name) {
  return std::get<std::vector<double>>(t.find(name)->values);
}
const std::vector<std::int64_t>& ints(const Table& t, const char* name) {
  return std::get<std::vector<std::int64_t>>(t.find(name)->values);
}

// Four evaluations around the start of US daylight time (Sunday 2024-03-10
// 02:00 local in America/New_York): the week of Monday 03-04 starts at
// 05:00Z (EST) and lasts 167 hours; the week of 03-11 starts at 04:00Z (EDT).
struct Fixture {
  std::vector<std::int64_t> agent{1, 1, 1, 2};
  std::vector<std::int64_t> at{
      ms("2024-03-04T05:00:00Z"),  // Mon 00:00 EST: first instant of week 03-04
      ms("2024-03-11T03:59:59Z"),  // Sun 23:59:59 EDT: still week 03-04
      ms("2024-03-11T04:00:00Z"),  // Mon 00:00 EDT, the first instant of week 03-11 (-05:00 would say Sunday)
      ms("2024-03-06T15:00:00Z"),
  };
  std::vector<std::int8_t> answers;
  Fixture() {
    for (const auto* a : {&kSeventy, &kAutoFail, &kWithNa, &kSeventy})
      answers.insert(answers.end(), a->begin(), a->end());
  }
  QaEvaluationView view() const { return {agent, at, answers}; }
};

QaReportOptions new_york_weeks() {
  QaReportOptions o;
  o.zone = TimeZone::locate("America/New_York").value();
  return o;
}

TEST(QaReport, GroupsByAgentAndLocalWeekAcrossTheDaylightSavingChange) {
  Fixture f;
  auto t = qa_report(f.view(), sample_scorecard(), new_york_weeks());
  ASSERT_TRUE(t.ok()) << t.error().to_string();
  ASSERT_EQ(t->row_count(), 3u);
  EXPECT_EQ(ints(*t, "agent_id"), (std::vector<std::int64_t>{1, 1, 2}));
  const auto& labels = std::get<std::vector<std::string>>(t->find("interval_start")->values);
  // Week labels are the local Monday; the UTC starts show the offsets.
  EXPECT_EQ(labels[0], "2024-03-04");
  EXPECT_EQ(labels[1], "2024-03-11");
  EXPECT_EQ(ints(*t, "interval_start_utc_ms")[0], ms("2024-03-04T05:00:00Z"));
  EXPECT_EQ(ints(*t, "interval_start_utc_ms")[1], ms("2024-03-11T04:00:00Z"));
  EXPECT_EQ(ints(*t, "evaluations"), (std::vector<std::int64_t>{2, 1, 1}));
}

TEST(QaReport, ScoresAreWeightedTotalsWithAutoFailAndComplianceCounts) {
  Fixture f;
  auto t = qa_report(f.view(), sample_scorecard(), new_york_weeks());
  ASSERT_TRUE(t.ok()) << t.error().to_string();
  // Agent 1, week 03-04: 70/100 and an auto-fail (raw 80/100, reported 0).
  EXPECT_DOUBLE_EQ(doubles(*t, "qa_score_num")[0], 70.0);
  EXPECT_DOUBLE_EQ(doubles(*t, "qa_score_den")[0], 200.0);
  EXPECT_DOUBLE_EQ(doubles(*t, "qa_score")[0], 35.0);
  EXPECT_DOUBLE_EQ(doubles(*t, "raw_qa_score")[0], 75.0);           // 150 / 200
  EXPECT_DOUBLE_EQ(doubles(*t, "mean_evaluation_score")[0], 35.0);  // (70 + 0) / 2
  EXPECT_DOUBLE_EQ(doubles(*t, "auto_fail_rate")[0], 0.5);
  // Compliance: (verify yes, disclosure no) + (verify no, disclosure yes).
  EXPECT_EQ(ints(*t, "compliance_rate_num")[0], 2);
  EXPECT_EQ(ints(*t, "compliance_rate_den")[0], 4);
  // Agent 1, week 03-11: the N/A evaluation, 50/70; both items passed.
  EXPECT_NEAR(doubles(*t, "qa_score")[1], 71.428571, 1e-6);
  EXPECT_DOUBLE_EQ(doubles(*t, "compliance_rate")[1], 1.0);
  EXPECT_DOUBLE_EQ(doubles(*t, "qa_score")[2], 70.0);
  EXPECT_EQ(t->metadata[0].second, "na_policy=exclude; auto_fail_zeroes_score=true");
}

TEST(QaReport, WeightedScoreDiffersFromTheMeanOfEvaluationScores) {
  Fixture f;
  QaReportOptions o;
  o.bucket = TimeBucket::kNone;
  auto t = qa_report(f.view(), sample_scorecard(), o);
  ASSERT_TRUE(t.ok()) << t.error().to_string();
  ASSERT_EQ(t->row_count(), 2u);
  EXPECT_EQ(t->find("interval_start"), nullptr);
  // Agent 1: (70 + 0 + 50) / (100 + 100 + 70) = 44.44 versus
  // (70 + 0 + 71.43) / 3 = 47.62.
  EXPECT_NEAR(doubles(*t, "qa_score")[0], 100.0 * 120 / 270, 1e-9);
  EXPECT_NEAR(doubles(*t, "mean_evaluation_score")[0], (70.0 + 0 + 500.0 / 7) / 3, 1e-9);
}

TEST(QaReport, KeepsTheRawScoreWhenAutoFailDoesNotZero) {
  Fixture f;
  QaReportOptions o;
  o.by_agent = false;
  o.bucket = TimeBucket::kNone;
  o.scoring.auto_fail_zeroes_score = false;
  auto t = qa_report(f.view(), sample_scorecard(), o);
  ASSERT_TRUE(t.ok()) << t.error().to_string();
  ASSERT_EQ(t->row_count(), 1u);
  // (70 + 80 + 50 + 70) / (100 + 100 + 70 + 100) = 270 / 370.
  EXPECT_NEAR(doubles(*t, "qa_score")[0], 100.0 * 270 / 370, 1e-9);
  EXPECT_EQ(ints(*t, "auto_fail_rate_num")[0], 1);
  EXPECT_EQ(ints(*t, "auto_fail_rate_den")[0], 4);
}

TEST(QaReport, RejectsAnAnswerOutsideItsScaleNamingRowAndCriterion) {
  Fixture f;
  f.answers[2 * 5 + 2] = 7;  // evaluation 2, accuracy
  auto t = qa_report(f.view(), sample_scorecard());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().field, "evaluations[2].answers.accuracy");
  EXPECT_EQ(t.error().value, "7");
  f.answers[2 * 5 + 2] = 3;
  f.answers[1] = kQaNa;  // evaluation 0, verify_identity has no N/A
  EXPECT_EQ(qa_report(f.view(), sample_scorecard()).error().field, "evaluations[0].answers.verify_identity");
  f.answers.pop_back();
  EXPECT_EQ(qa_report(f.view(), sample_scorecard()).error().field, "evaluations.answers");
}

TEST(QaReport, WeeklyNumeratorsAndDenominatorsAddUpToTheOverallReport) {
  // Property: rows re-aggregate. 2000 random evaluations over 20 weeks
  // (both 2024 DST changes in Europe/Paris), in no particular order.
  std::mt19937_64 rng(7);
  std::vector<std::int64_t> agent, at;
  std::vector<std::int8_t> answers;
  const std::vector<std::int8_t>* samples[] = {&kSeventy, &kAutoFail, &kWithNa};
  for (int i = 0; i < 2000; ++i) {
    agent.push_back(static_cast<std::int64_t>(rng() % 7));
    at.push_back(ms("2024-03-01T00:00:00Z") + static_cast<std::int64_t>(rng() % (240ULL * 86'400'000)));
    const auto* a = samples[rng() % 3];
    answers.insert(answers.end(), a->begin(), a->end());
  }
  QaReportOptions weekly;
  weekly.zone = TimeZone::locate("Europe/Paris").value();
  QaReportOptions overall = weekly;
  overall.bucket = TimeBucket::kNone;
  auto w = qa_report({agent, at, answers}, sample_scorecard(), weekly);
  auto o = qa_report({agent, at, answers}, sample_scorecard(), overall);
  ASSERT_TRUE(w.ok() && o.ok());
  std::map<std::int64_t, std::array<double, 4>> sums;
  for (std::size_t r = 0; r < w->row_count(); ++r) {
    auto& s = sums[ints(*w, "agent_id")[r]];
    s[0] += doubles(*w, "qa_score_num")[r];
    s[1] += doubles(*w, "qa_score_den")[r];
    s[2] += static_cast<double>(ints(*w, "compliance_rate_num")[r]);
    s[3] += static_cast<double>(ints(*w, "evaluations")[r]);
  }
  ASSERT_EQ(sums.size(), o->row_count());
  for (std::size_t r = 0; r < o->row_count(); ++r) {
    const auto& s = sums[ints(*o, "agent_id")[r]];
    EXPECT_NEAR(s[0], doubles(*o, "qa_score_num")[r], 1e-6);
    EXPECT_NEAR(s[1], doubles(*o, "qa_score_den")[r], 1e-6);
    EXPECT_EQ(s[2], static_cast<double>(ints(*o, "compliance_rate_num")[r]));
    EXPECT_EQ(s[3], static_cast<double>(ints(*o, "evaluations")[r]));
  }
  // Every weekly bucket starts on a Monday at local midnight.
  for (auto start : ints(*w, "interval_start_utc_ms")) {
    const auto local = weekly.zone.to_local(Instant::from_unix_ms(start));
    EXPECT_EQ(local.date().iso_weekday(), 1);
    EXPECT_EQ(local.time_of_day().count(), 0);
  }
}

TEST(QaReport, EmptyInputGivesAnEmptyTableWithItsColumns) {
  auto t = qa_report(QaEvaluationView{}, sample_scorecard());
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->row_count(), 0u);
  EXPECT_NE(t->find("compliance_rate_den"), nullptr);
}

}  // namespace
}  // namespace backoffice
