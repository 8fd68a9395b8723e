#include <backoffice/workflow/qa_calibration.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace backoffice {
namespace {

TEST(FleissKappa, MatchesThePublishedWorkedExample) {
  // Wikipedia, "Fleiss' kappa", Worked example: 10 subjects, 14 raters,
  // 5 categories; P_bar = 0.378, P_e = 0.213, kappa = 0.210
  // (https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example).
  const std::vector<std::int64_t> counts{
      0, 0, 0, 0, 14,  //
      0, 2, 6, 4, 2,   //
      0, 0, 3, 5, 6,   //
      0, 3, 9, 2, 0,   //
      2, 2, 8, 1, 1,   //
      7, 7, 0, 0, 0,   //
      3, 2, 6, 3, 0,   //
      2, 5, 3, 2, 2,   //
      6, 5, 2, 1, 0,   //
      0, 2, 2, 3, 7,
  };
  auto k = fleiss_kappa(counts, 5);
  ASSERT_TRUE(k.ok()) << k.error().to_string();
  EXPECT_EQ(k->subjects, 10);
  EXPECT_EQ(k->raters, 14);
  EXPECT_NEAR(k->observed_agreement, 0.378, 5e-4);
  EXPECT_NEAR(k->expected_agreement, 0.213, 5e-4);
  EXPECT_NEAR(k->kappa, 0.210, 5e-4);
}

TEST(FleissKappa, RejectsUnequalRaterCountsAndBadShapes) {
  auto k = fleiss_kappa(std::vector<std::int64_t>{1, 1, 2, 1}, 2);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().field, "counts.row[1]");
  EXPECT_EQ(k.error().value, "3");
  EXPECT_EQ(fleiss_kappa(std::vector<std::int64_t>{1, 1, 2}, 2).error().field, "counts");
  EXPECT_EQ(fleiss_kappa(std::vector<std::int64_t>{3, -1}, 2).error().field, "counts[1]");
  // Everyone always in one category: chance agreement 1, kappa undefined.
  EXPECT_TRUE(std::isnan(fleiss_kappa(std::vector<std::int64_t>{3, 0, 3, 0}, 2)->kappa));
}

// Three yes/no questions, q3 may be N/A; weights 1, 1, 2 (total 4).
Scorecard calibration_scorecard() {
  return Scorecard::create(ScorecardId(3), "calibration",
                           {{"All",
                             {{"q1", "", 1, QaScale::kYesNo, false, false},
                              {"q2", "", 1, QaScale::kYesNo, false, false},
                              {"q3", "", 2, QaScale::kYesNoNa, false, false}}}})
      .value();
}

QaEvaluation eval(std::int64_t interaction, std::string evaluator, std::int8_t q1, std::int8_t q2,
                  std::int8_t q3) {
  return {EvaluationId(interaction * 10), ScorecardId(3), InteractionId(interaction),          AgentId(1),
          std::move(evaluator),           Instant(),      {{"q1", q1}, {"q2", q2}, {"q3", q3}}};
}

// Interaction 100: A 4/4 = 100, B 3/4 = 75, C 2/4 = 50; mean 75.
// Interaction 200: A 2/2 = 100 (q3 N/A), B 2/4 = 50, C 4/4 = 100; mean 250/3.
std::vector<QaEvaluation> session() {
  return {eval(100, "C", kQaNo, kQaNo, kQaYes),  eval(100, "A", kQaYes, kQaYes, kQaYes),
          eval(100, "B", kQaYes, kQaNo, kQaYes), eval(200, "A", kQaYes, kQaYes, kQaNa),
          eval(200, "B", kQaYes, kQaYes, kQaNo), eval(200, "C", kQaYes, kQaYes, kQaYes)};
}

TEST(QaCalibration, MeasuresEachEvaluatorAgainstTheGroupMean) {
  auto c = calibrate(session(), calibration_scorecard());
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  ASSERT_EQ(c->rows.size(), 6u);
  EXPECT_EQ(c->rows[0].evaluator, "A");
  EXPECT_DOUBLE_EQ(c->rows[0].target, 75.0);
  EXPECT_DOUBLE_EQ(c->rows[0].deviation, 25.0);
  EXPECT_DOUBLE_EQ(c->rows[2].deviation, -25.0);        // C on 100
  EXPECT_NEAR(c->rows[4].deviation, -100.0 / 3, 1e-9);  // B on 200: 50 - 83.33
  ASSERT_EQ(c->evaluators.size(), 3u);
  // A: (25 + 16.667) / 2; B: (0 - 33.333) / 2; C: (-25 + 16.667) / 2, |.| 20.833.
  EXPECT_NEAR(c->evaluators[0].mean_deviation, 125.0 / 6, 1e-9);
  EXPECT_NEAR(c->evaluators[1].mean_deviation, -50.0 / 3, 1e-9);
  EXPECT_NEAR(c->evaluators[2].mean_deviation, -25.0 / 6, 1e-9);
  EXPECT_NEAR(c->evaluators[2].mean_absolute_deviation, 125.0 / 6, 1e-9);
  EXPECT_EQ(c->evaluators[2].interactions, 2);
  // (25 + 0 + 25 + 50/3 + 100/3 + 50/3) / 6 = 19.444
  EXPECT_NEAR(c->mean_absolute_deviation, 175.0 / 9, 1e-9);
}

TEST(QaCalibration, AgreementIsFleissKappaOverInteractionCriteria) {
  // Subjects (interaction, criterion), categories na/no/yes, 3 raters:
  //  100/q1 no1 yes2 -> P=1/3; 100/q2 no2 yes1 -> 1/3; 100/q3 yes3 -> 1;
  //  200/q1, 200/q2 yes3 -> 1; 200/q3 na1 no1 yes1 -> 0.
  // P_bar = (11/3)/6 = 11/18; totals na 1, no 4, yes 13 of 18:
  // P_e = (1 + 16 + 169)/324; kappa = (198 - 186)/(324 - 186) = 12/138.
  auto c = calibrate(session(), calibration_scorecard());
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(c->agreement.has_value());
  EXPECT_EQ(c->agreement->subjects, 6);
  EXPECT_EQ(c->agreement->raters, 3);
  EXPECT_NEAR(c->agreement->observed_agreement, 11.0 / 18, 1e-12);
  EXPECT_NEAR(c->agreement->expected_agreement, 186.0 / 324, 1e-12);
  EXPECT_NEAR(c->agreement->kappa, 12.0 / 138, 1e-12);
  auto t = c->evaluator_table();
  EXPECT_EQ(t.row_count(), 3u);
  EXPECT_NE(t.find("mean_absolute_deviation"), nullptr);
}

TEST(QaCalibration, MeasuresAgainstAReferenceEvaluatorWhenGiven) {
  QaCalibrationOptions o;
  o.reference_evaluator = "A";
  auto c = calibrate(session(), calibration_scorecard(), o);
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  // Targets are A's scores, 100 on both: B -25, -50; C -50, 0.
  EXPECT_DOUBLE_EQ(c->evaluators[0].mean_absolute_deviation, 0.0);
  EXPECT_DOUBLE_EQ(c->evaluators[1].mean_deviation, -37.5);
  EXPECT_DOUBLE_EQ(c->evaluators[2].mean_deviation, -25.0);
  EXPECT_DOUBLE_EQ(c->evaluators[2].mean_absolute_deviation, 25.0);
  EXPECT_NE(c->definition.find("reference evaluator 'A'"), std::string::npos);

  o.reference_evaluator = "Z";
  auto missing = calibrate(session(), calibration_scorecard(), o);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "reference_evaluator");
  EXPECT_EQ(missing.error().value, "Z");
}

TEST(QaCalibration, RejectsLoneAndRepeatedEvaluations) {
  auto evals = session();
  evals.push_back(eval(300, "A", kQaYes, kQaYes, kQaYes));
  auto lone = calibrate(evals, calibration_scorecard());
  ASSERT_FALSE(lone.ok());
  EXPECT_EQ(lone.error().field, "evaluations");
  EXPECT_EQ(lone.error().value, "interaction 300");

  evals = session();
  evals.push_back(eval(100, "B", kQaYes, kQaYes, kQaYes));
  auto twice = calibrate(evals, calibration_scorecard());
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().value, "B");
}

TEST(QaCalibration, LeavesAgreementOutWhenRaterCountsDiffer) {
  auto evals = session();
  evals.pop_back();  // interaction 200 now has A and B only
  auto c = calibrate(evals, calibration_scorecard());
  ASSERT_TRUE(c.ok()) << c.error().to_string();
  EXPECT_FALSE(c->agreement.has_value());
  EXPECT_FALSE(c->agreement_note.empty());
  // 200: A 100, B 50, mean 75: A +25, B -25.
  EXPECT_DOUBLE_EQ(c->rows[3].deviation, 25.0);
}

}  // namespace
}  // namespace backoffice
