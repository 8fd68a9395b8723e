// QA scorecards, scores, reports and calibration through the C header only;
// expected values are the hand calculations of tests/workflow/qa_*_test.cpp.

#include <backoffice/backoffice.h>

#include <gtest/gtest.h>

#include "table_access.hpp"

#include <cmath>
#include <string>

namespace {

using namespace capi_test;

// Opening: greeting yes_no_na 10, verify_identity yes_no 20 critical+compliance;
// Resolution: accuracy 1-5 40, empathy 1-5/na 20, disclosure yes_no_na 10 compliance.
bo_qa_scorecard_t* sample(double accuracy_weight = 40) {
  bo_qa_scorecard_t* s = nullptr;
  EXPECT_EQ(bo_qa_scorecard_create(&s, 7, "Inbound calls v1"), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_section(s, "Opening"), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(s, "greeting", "Greets", 10, BO_QA_SCALE_YES_NO_NA, 0), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(s, "verify_identity", NULL, 20, BO_QA_SCALE_YES_NO,
                                          BO_QA_CRITICAL | BO_QA_COMPLIANCE),
            BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_section(s, "Resolution"), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(s, "accuracy", NULL, accuracy_weight, BO_QA_SCALE_ONE_TO_FIVE, 0),
            BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(s, "empathy", NULL, 20, BO_QA_SCALE_ONE_TO_FIVE_NA, 0), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(s, "disclosure", NULL, 10, BO_QA_SCALE_YES_NO_NA, BO_QA_COMPLIANCE),
            BO_OK);
  return s;
}

struct ScorecardHandle {
  ~ScorecardHandle() { bo_qa_scorecard_destroy(s); }
  bo_qa_scorecard_t* s = nullptr;
};

TEST(QaC, ScoresWithNotApplicableRemovedAndAutoFailZeroed) {
  ScorecardHandle h{sample()};
  size_t k = 0;
  ASSERT_EQ(bo_qa_scorecard_criterion_count(&k, h.s), BO_OK);
  EXPECT_EQ(k, 5u);
  bo_qa_score_t r;
  // greeting and empathy N/A: (20 + 40*2/4 + 10) / 70.
  const int8_t with_na[5] = {BO_QA_NA, BO_QA_YES, 3, BO_QA_NA, BO_QA_YES};
  ASSERT_EQ(bo_qa_score_evaluation(&r, h.s, with_na, 5, NULL), BO_OK) << last_error();
  EXPECT_DOUBLE_EQ(r.points, 50.0);
  EXPECT_DOUBLE_EQ(r.possible, 70.0);
  EXPECT_EQ(r.compliance_passed, 2);
  // N/A as full marks: 80 of 100.
  bo_qa_options_t o;
  ASSERT_EQ(bo_qa_options_init(&o), BO_OK);
  o.na_policy = BO_QA_NA_FULL_MARKS;
  ASSERT_EQ(bo_qa_score_evaluation(&r, h.s, with_na, 5, &o), BO_OK);
  EXPECT_DOUBLE_EQ(r.score, 80.0);
  // Identity not verified: raw 80, reported 0.
  const int8_t failed[5] = {BO_QA_YES, BO_QA_NO, 5, 5, BO_QA_YES};
  ASSERT_EQ(bo_qa_score_evaluation(&r, h.s, failed, 5, NULL), BO_OK);
  EXPECT_EQ(r.auto_failed, 1);
  EXPECT_DOUBLE_EQ(r.raw_score, 80.0);
  EXPECT_DOUBLE_EQ(r.score, 0.0);
}

TEST(QaC, ReportsAnswersOutsideTheScaleAndBadTemplates) {
  ScorecardHandle h{sample()};
  bo_qa_score_t r;
  const int8_t bad[5] = {BO_QA_YES, BO_QA_YES, 7, 3, BO_QA_NO};
  EXPECT_EQ(bo_qa_score_evaluation(&r, h.s, bad, 5, NULL), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "evaluation.answers.accuracy");
  EXPECT_STREQ(bo_last_error_value(), "7");
  EXPECT_EQ(bo_qa_score_evaluation(&r, h.s, bad, 4, NULL), BO_VALIDATION);
  EXPECT_EQ(bo_qa_score_evaluation(NULL, h.s, bad, 5, NULL), BO_NULL_ARGUMENT);

  ScorecardHandle negative{sample(-1)};
  size_t k = 0;
  EXPECT_EQ(bo_qa_scorecard_criterion_count(&k, negative.s), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "scorecard.sections[1].criteria[0].weight");
  EXPECT_STREQ(bo_last_error_value(), "-1");

  bo_qa_scorecard_t* empty = nullptr;
  ASSERT_EQ(bo_qa_scorecard_create(&empty, 1, NULL), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(empty, "a", NULL, 1, BO_QA_SCALE_YES_NO, 0), BO_INVALID_ARGUMENT);
  EXPECT_EQ(bo_qa_scorecard_add_section(empty, "S"), BO_OK);
  EXPECT_EQ(bo_qa_scorecard_add_criterion(empty, "a", NULL, 1, 9, 0), BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "scale");
  bo_qa_scorecard_destroy(empty);
  bo_qa_scorecard_destroy(NULL);
}

TEST(QaC, ReportsWeeklyAgentScoresAndComplianceRate) {
  ScorecardHandle h{sample()};
  // Agent 1: 70/100 on Mon 2024-03-04 05:00Z and an auto-fail (80 raw) on
  // Sun 2024-03-10 23:59:59 EDT, both in the New York week of 03-04.
  const int64_t agent[2] = {1, 1};
  const int64_t at[2] = {1709528400000, 1710129599000};
  const int8_t answers[10] = {BO_QA_YES, BO_QA_YES, 4, 3, BO_QA_NO, BO_QA_YES, BO_QA_NO, 5, 5, BO_QA_YES};
  TableHandle t;
  ASSERT_EQ(bo_qa_report(&t.t, h.s, agent, at, answers, 2, 1, "week", "America/New_York", NULL), BO_OK)
      << last_error();
  ASSERT_EQ(rows(t.t), 1u);
  EXPECT_EQ(integer(t.t, "agent_id"), 1);
  EXPECT_EQ(integer(t.t, "interval_start_utc_ms"), 1709528400000);
  EXPECT_DOUBLE_EQ(real(t.t, "qa_score"), 35.0);  // (70 + 0) / 200
  EXPECT_DOUBLE_EQ(real(t.t, "raw_qa_score"), 75.0);
  EXPECT_EQ(integer(t.t, "compliance_rate_num"), 2);
  EXPECT_EQ(integer(t.t, "compliance_rate_den"), 4);
  EXPECT_EQ(integer(t.t, "auto_fail_rate_num"), 1);
  const char* definition = nullptr;
  ASSERT_EQ(bo_table_metadata_value(&definition, t.t, "definition"), BO_OK);
  EXPECT_STREQ(definition, "na_policy=exclude; auto_fail_zeroes_score=true");

  TableHandle none;
  EXPECT_EQ(bo_qa_report(&none.t, h.s, agent, at, answers, 2, 1, "fortnight", NULL, NULL), BO_PARSE);
}

TEST(QaC, CalibratesEvaluatorsAndMeasuresAgreement) {
  // Three yes/no questions (q3 may be N/A), weights 1, 1, 2. Scores:
  // 100: A 100, B 75, C 50 (mean 75); 200: A 100, B 50, C 100 (mean 83.33).
  bo_qa_scorecard_t* s = nullptr;
  ASSERT_EQ(bo_qa_scorecard_create(&s, 3, "calibration"), BO_OK);
  ScorecardHandle h{s};
  ASSERT_EQ(bo_qa_scorecard_add_section(s, "All"), BO_OK);
  ASSERT_EQ(bo_qa_scorecard_add_criterion(s, "q1", NULL, 1, BO_QA_SCALE_YES_NO, 0), BO_OK);
  ASSERT_EQ(bo_qa_scorecard_add_criterion(s, "q2", NULL, 1, BO_QA_SCALE_YES_NO, 0), BO_OK);
  ASSERT_EQ(bo_qa_scorecard_add_criterion(s, "q3", NULL, 2, BO_QA_SCALE_YES_NO_NA, 0), BO_OK);
  const int64_t interaction[6] = {100, 100, 100, 200, 200, 200};
  const char* evaluator[6] = {"A", "B", "C", "A", "B", "C"};
  const int8_t y = BO_QA_YES, n = BO_QA_NO, na = BO_QA_NA;
  const int8_t answers[18] = {y, y, y, y, n, y, n, n, y, y, y, na, y, y, n, y, y, y};
  TableHandle rows_t, evaluators_t;
  double kappa = 0;
  ASSERT_EQ(bo_qa_calibration(&rows_t.t, &evaluators_t.t, &kappa, s, interaction, evaluator, answers, 6, NULL,
                              NULL),
            BO_OK)
      << last_error();
  EXPECT_NEAR(kappa, 12.0 / 138, 1e-12);  // see tests/workflow/qa_calibration_test.cpp
  EXPECT_EQ(rows(rows_t.t), 6u);
  EXPECT_DOUBLE_EQ(real(rows_t.t, "deviation", 0), 25.0);
  EXPECT_EQ(text(evaluators_t.t, "evaluator", 1), "B");
  EXPECT_NEAR(real(evaluators_t.t, "mean_deviation", 1), -50.0 / 3, 1e-9);

  TableHandle ref;
  ASSERT_EQ(bo_qa_calibration(NULL, &ref.t, NULL, s, interaction, evaluator, answers, 6, "A", NULL), BO_OK);
  EXPECT_DOUBLE_EQ(real(ref.t, "mean_deviation", 1), -37.5);  // B: -25, -50
  EXPECT_EQ(bo_qa_calibration(NULL, NULL, NULL, s, interaction, evaluator, answers, 6, "Z", NULL),
            BO_INVALID_ARGUMENT);
  EXPECT_STREQ(bo_last_error_field(), "reference_evaluator");
}

}  // namespace
