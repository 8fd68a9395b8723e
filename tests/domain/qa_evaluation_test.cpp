// The QA records as plain data: their checks and their text (the audit
// trail digests to_string, so the text is part of the record's identity).
#include <backoffice/domain/qa_evaluation.hpp>

#include <gtest/gtest.h>

namespace backoffice {
namespace {

QaScorecardDefinition card() {
  return {ScorecardId(7),
          "Calls",
          {{"Opening",
            {{"greeting", "Greets", 10, QaScale::kYesNoNa},
             {"verify", "Verifies", 20, QaScale::kYesNo, true, true}}},
           {"Resolution", {{"accuracy", "Accurate", 40, QaScale::kOneToFive}}}}};
}

QaEvaluation evaluation() {
  QaEvaluation e;
  e.id = EvaluationId(5);
  e.scorecard_id = ScorecardId(7);
  e.interaction_id = InteractionId(3);
  e.agent_id = AgentId(2);
  e.evaluator = "Dana";
  e.evaluated_at = Instant::parse("2024-06-03T14:00:00Z").value();
  e.answers = {{"greeting", kQaNa}, {"verify", kQaYes}, {"accuracy", 4}};
  return e;
}

TEST(QaEvaluationRecord, PrintsEveryFieldInOneLine) {
  EXPECT_EQ(to_string(evaluation()),
            "qa evaluation 5 of interaction 3 (agent 2, scorecard 7) by Dana at 2024-06-03T14:00:00Z: "
            "greeting=-1, verify=1, accuracy=4");
  EXPECT_EQ(to_string(card()),
            "scorecard 7 'Calls': Opening [greeting 10 yes_no_na, verify 20 yes_no critical compliance]; "
            "Resolution [accuracy 40 one_to_five]");
}

TEST(QaEvaluationRecord, ValidationNamesTheFirstBadFieldInRecordOrder) {
  EXPECT_TRUE(evaluation().validate().ok());
  auto e = evaluation();
  e.agent_id = AgentId(0);
  e.evaluator.clear();  // later in the record: the agent is reported first
  EXPECT_EQ(e.validate().error().field, "qa_evaluation.agent");
  e = evaluation();
  e.answers.push_back({"greeting", kQaYes});  // answers[3] repeats answers[0]
  auto s = e.validate();
  EXPECT_EQ(s.error().field, "qa_evaluation.answers[3].criterion");
  EXPECT_EQ(s.error().value, "greeting");
  e = evaluation();
  e.answers[2].second = -2;
  EXPECT_EQ(e.validate().error().field, "qa_evaluation.answers[2].answer");
  e.answers.clear();
  EXPECT_EQ(e.validate().error().field, "qa_evaluation.answers");
}

TEST(QaEvaluationRecord, CheckAgainstTheScorecardReadsEachScale) {
  EXPECT_TRUE(check_against(evaluation(), card()).ok());
  auto e = evaluation();
  e.answers[1].second = kQaNa;  // verify is yes/no without N/A
  auto s = check_against(e, card());
  EXPECT_EQ(s.error().field, "qa_evaluation.answers[1].answer");
  EXPECT_EQ(s.error().value, "na");
  e = evaluation();
  e.answers.erase(e.answers.begin());  // greeting unanswered
  s = check_against(e, card());
  EXPECT_EQ(s.error().field, "qa_evaluation.answers");
  EXPECT_EQ(s.error().value, "greeting");
  e = evaluation();
  e.scorecard_id = ScorecardId(8);
  EXPECT_EQ(check_against(e, card()).error().field, "qa_evaluation.scorecard");
}

TEST(QaEvaluationRecord, AScorecardDefinitionNamesTheLaterOfTwoEqualIds) {
  auto d = card();
  EXPECT_TRUE(d.validate().ok());
  EXPECT_EQ(d.criterion_count(), 3u);
  d.sections[1].criteria[0].id = "greeting";
  auto s = d.validate();
  EXPECT_EQ(s.error().field, "scorecard.sections[1].criteria[0].id");
  EXPECT_EQ(s.error().value, "greeting");
  d = card();
  d.sections[1].criteria[0].compliance = true;  // a rating scale cannot be a compliance item
  EXPECT_EQ(d.validate().error().field, "scorecard.sections[1].criteria[0].scale");
}

}  // namespace
}  // namespace backoffice
