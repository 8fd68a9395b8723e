#include <backoffice/workflow/qa_scorecard.hpp>

#include "workflow/qa_fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace backoffice {
namespace {

using qa_test::kAutoFail;
using qa_test::kSeventy;
using qa_test::kWithNa;
using qa_test::sample_scorecard;
using qa_test::sample_sections;

QaEvaluation evaluation_of(const std::vector<std::int8_t>& answers) {
  const Scorecard s = sample_scorecard();
  QaEvaluation e{EvaluationId(1),
                 ScorecardId(7),
                 InteractionId(100),
                 AgentId(5),
                 "maria",
                 Instant::from_unix_seconds(1'700'000'000),
                 {}};
  for (std::size_t i = 0; i < answers.size(); ++i) e.answers.emplace_back(s.criterion(i).id, answers[i]);
  return e;
}

TEST(QaScore, WeightsEachAnswerAndRatingsEarnAQuarterOfTheWeightPerStep) {
  auto r = score(evaluation_of(kSeventy), sample_scorecard());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  // 10 + 20 + 40*(4-1)/4 + 20*(3-1)/4 + 0 = 70 of 100.
  EXPECT_DOUBLE_EQ(r->points, 70.0);
  EXPECT_DOUBLE_EQ(r->possible, 100.0);
  EXPECT_DOUBLE_EQ(r->score, 70.0);
  EXPECT_DOUBLE_EQ(r->raw_score, 70.0);
  EXPECT_FALSE(r->auto_failed);
  ASSERT_EQ(r->sections.size(), 2u);
  EXPECT_EQ(r->sections[0].name, "Opening");
  EXPECT_DOUBLE_EQ(r->sections[0].score(), 100.0);  // 30 / 30
  EXPECT_DOUBLE_EQ(r->sections[1].points, 40.0);    // 30 + 10 + 0
  EXPECT_DOUBLE_EQ(r->sections[1].possible, 70.0);
  EXPECT_NEAR(r->sections[1].score(), 57.142857, 1e-6);  // 40 / 70
  // verify_identity yes, disclosure no.
  EXPECT_EQ(r->compliance_passed, 1);
  EXPECT_EQ(r->compliance_applicable, 2);
}

TEST(QaScore, NotApplicableAnswersLeaveThePossiblePointsByDefault) {
  auto r = score(evaluation_of(kWithNa), sample_scorecard());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  // (20 + 20 + 10) / (20 + 40 + 10): the remaining weights renormalised.
  EXPECT_DOUBLE_EQ(r->points, 50.0);
  EXPECT_DOUBLE_EQ(r->possible, 70.0);
  EXPECT_NEAR(r->score, 71.428571, 1e-6);
  EXPECT_DOUBLE_EQ(r->sections[0].score(), 100.0);  // greeting N/A: 20 / 20
  EXPECT_EQ(r->compliance_passed, 2);
  EXPECT_EQ(r->compliance_applicable, 2);
}

TEST(QaScore, FullMarksPolicyCountsNotApplicableAsEarned) {
  QaScoringOptions o;
  o.na_policy = QaNaPolicy::kFullMarks;
  auto r = score(evaluation_of(kWithNa), sample_scorecard(), o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  // 50 earned + 10 (greeting) + 20 (empathy) = 80 of 100.
  EXPECT_DOUBLE_EQ(r->points, 80.0);
  EXPECT_DOUBLE_EQ(r->possible, 100.0);
  EXPECT_DOUBLE_EQ(r->score, 80.0);
  EXPECT_EQ(o.definition(), "na_policy=full_marks; auto_fail_zeroes_score=true");
}

TEST(QaScore, FailedCriticalCriterionZeroesTheScoreAndKeepsTheRawScore) {
  auto r = score(evaluation_of(kAutoFail), sample_scorecard());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_TRUE(r->auto_failed);
  EXPECT_EQ(r->failed_critical, std::vector<std::string>{"verify_identity"});
  EXPECT_DOUBLE_EQ(r->raw_score, 80.0);  // 10 + 0 + 40 + 20 + 10
  EXPECT_DOUBLE_EQ(r->score, 0.0);
  EXPECT_DOUBLE_EQ(r->reported_points, 0.0);
  EXPECT_DOUBLE_EQ(r->possible, 100.0);
  // The missed verification is also a compliance failure.
  EXPECT_EQ(r->compliance_passed, 1);
  EXPECT_EQ(r->compliance_applicable, 2);

  QaScoringOptions keep;
  keep.auto_fail_zeroes_score = false;
  auto kept = score(evaluation_of(kAutoFail), sample_scorecard(), keep);
  ASSERT_TRUE(kept.ok());
  EXPECT_TRUE(kept->auto_failed);
  EXPECT_DOUBLE_EQ(kept->score, 80.0);
}

TEST(QaScore, CriticalRatingFailsOnlyAtTheLowestRating) {
  auto s = Scorecard::create(ScorecardId(1), "r",
                             {{"S",
                               {{"tone", "", 1, QaScale::kOneToFiveNa, true, false},
                                {"close", "", 3, QaScale::kYesNo, false, false}}}});
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  auto one = score_answers(std::vector<std::int8_t>{1, kQaYes}, *s);
  ASSERT_TRUE(one.ok());
  EXPECT_TRUE(one->auto_failed);
  auto two = score_answers(std::vector<std::int8_t>{2, kQaYes}, *s);
  EXPECT_FALSE(two->auto_failed);
  EXPECT_DOUBLE_EQ(two->score, 100.0 * (0.25 + 3) / 4);  // 1 * 1/4 + 3 of 4
  auto na = score_answers(std::vector<std::int8_t>{kQaNa, kQaYes}, *s);
  EXPECT_FALSE(na->auto_failed);
  EXPECT_DOUBLE_EQ(na->score, 100.0);
}

TEST(QaScore, AllNotApplicableHasNoScore) {
  auto s = Scorecard::create(ScorecardId(1), "r", {{"S", {{"a", "", 1, QaScale::kYesNoNa, false, true}}}});
  auto r = score_answers(std::vector<std::int8_t>{kQaNa}, *s);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(std::isnan(r->score));
  EXPECT_EQ(r->compliance_applicable, 0);
}

TEST(QaScorecard, RejectsANonPositiveWeightNamingItsPlace) {
  auto sections = sample_sections();
  sections[1].criteria[2].weight = -1;
  auto s = Scorecard::create(ScorecardId(7), "x", sections);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().field, "scorecard.sections[1].criteria[2].weight");
  EXPECT_EQ(s.error().value, "-1");
  sections[1].criteria[2].weight = std::nan("");
  EXPECT_FALSE(Scorecard::create(ScorecardId(7), "x", sections).ok());
}

TEST(QaScorecard, RejectsDuplicateCriterionIdsAcrossSections) {
  auto sections = sample_sections();
  sections[1].criteria[1].id = "greeting";
  auto s = Scorecard::create(ScorecardId(7), "x", sections);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "scorecard.sections[1].criteria[1].id");
  EXPECT_EQ(s.error().value, "greeting");
}

TEST(QaScorecard, RejectsComplianceItemsOnRatingScalesAndEmptyParts) {
  auto sections = sample_sections();
  sections[1].criteria[0].compliance = true;
  auto s = Scorecard::create(ScorecardId(7), "x", sections);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "scorecard.sections[1].criteria[0].scale");
  EXPECT_EQ(s.error().value, "one_to_five");
  EXPECT_EQ(Scorecard::create(ScorecardId(7), "x", {}).error().field, "scorecard.sections");
  EXPECT_EQ(Scorecard::create(ScorecardId(7), "x", {{"empty", {}}}).error().field,
            "scorecard.sections[0].criteria");
}

TEST(QaScorecard, FindsCriteriaByIdInFlatOrder) {
  const Scorecard s = sample_scorecard();
  EXPECT_EQ(s.criterion_count(), 5u);
  EXPECT_EQ(s.find("accuracy"), 2u);
  EXPECT_EQ(s.section_of(2), 1u);
  EXPECT_FALSE(s.find("nope").has_value());
  EXPECT_EQ(parse_qa_scale("one_to_five_na").value(), QaScale::kOneToFiveNa);
  EXPECT_EQ(parse_qa_scale("1-5").error().value, "1-5");
}

TEST(QaEvaluation, RejectsAnAnswerOutsideTheScaleNamingCriterionAndValue) {
  auto e = evaluation_of(kSeventy);
  e.answers[2].second = 7;
  auto r = score(e, sample_scorecard());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  EXPECT_EQ(r.error().field, "evaluation.answers.accuracy");
  EXPECT_EQ(r.error().value, "7");

  e = evaluation_of(kSeventy);
  e.answers[1].second = kQaNa;  // verify_identity has no N/A
  r = score(e, sample_scorecard());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "evaluation.answers.verify_identity");
  EXPECT_EQ(r.error().value, "na");
}

TEST(QaEvaluation, RejectsMissingUnknownAndRepeatedAnswersAndAnotherScorecard) {
  auto e = evaluation_of(kSeventy);
  e.answers.pop_back();
  auto r = score(e, sample_scorecard());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "evaluation.answers.disclosure");
  EXPECT_EQ(r.error().message, "missing answer");

  e = evaluation_of(kSeventy);
  e.answers.emplace_back("smile", kQaYes);
  EXPECT_EQ(score(e, sample_scorecard()).error().field, "evaluation.answers.smile");

  e = evaluation_of(kSeventy);
  e.answers.push_back(e.answers.front());
  EXPECT_EQ(score(e, sample_scorecard()).error().message, "answered twice");

  e = evaluation_of(kSeventy);
  e.scorecard_id = ScorecardId(8);
  EXPECT_EQ(score(e, sample_scorecard()).error().field, "evaluation.scorecard_id");

  EXPECT_EQ(score_answers(std::vector<std::int8_t>{kQaYes}, sample_scorecard()).error().field,
            "evaluation.answers");
}

}  // namespace
}  // namespace backoffice
