// QA scorecards and evaluations in the store: round trips, upserts that
// replace children, validation that writes nothing, references, ordering,
// the columns the QA report reads, frozen templates and the audit hook.
#include <backoffice/store/store.hpp>

#include "store/store_fixtures.hpp"
#include "store/store_impl.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace backoffice {
namespace {

using namespace std::chrono_literals;
using testing::make_agent;
using testing::make_interaction;
using testing::make_queue;

// The scorecard of tests/workflow/qa_fixtures.hpp, as data. Flat order:
// greeting, verify_identity, accuracy, empathy, disclosure.
QaScorecardDefinition sample_card() {
  return {
      ScorecardId(7),
      "Inbound calls v1",
      {{"Opening",
        {{"greeting", "Greets the customer by name", 10, QaScale::kYesNoNa, false, false},
         {"verify_identity", "Verifies identity before account details", 20, QaScale::kYesNo, true, true}}},
       {"Resolution",
        {{"accuracy", "Information given is accurate", 40, QaScale::kOneToFive, false, false},
         {"empathy", "Acknowledges the customer's situation", 20, QaScale::kOneToFiveNa, false, false},
         {"disclosure", "Reads the mandatory disclosure", 10, QaScale::kYesNoNa, false, true}}}}};
}

const Instant kT0 = Instant::parse("2024-03-11T14:00:00Z").value();

// Evaluation `id` of interaction 1 by "Dana QA": yes, yes, 4, 3, no.
QaEvaluation make_evaluation(std::int64_t id, std::int64_t agent = 2, Instant at = kT0) {
  QaEvaluation e;
  e.id = EvaluationId(id);
  e.scorecard_id = ScorecardId(7);
  e.interaction_id = InteractionId(1);
  e.agent_id = AgentId(agent);
  e.evaluator = "Dana QA";
  e.evaluated_at = at;
  e.answers = {{"greeting", kQaYes},
               {"verify_identity", kQaYes},
               {"accuracy", 4},
               {"empathy", 3},
               {"disclosure", kQaNo}};
  return e;
}

struct Fixture {
  Store store = Store::open_in_memory().value();
  Fixture() {
    EXPECT_TRUE(store.put_queue(make_queue(1)).ok());
    EXPECT_TRUE(store.put_agent(make_agent(2)).ok());
    EXPECT_TRUE(store.put_agent(make_agent(3)).ok());
    for (int i = 1; i <= 3; ++i) EXPECT_TRUE(store.insert_interaction(make_interaction(i)).ok());
    EXPECT_TRUE(store.put_qa_scorecard(sample_card()).ok());
  }
  std::int64_t rows(const char* table) {
    return store.impl().db.query_int((std::string("SELECT count(*) FROM ") + table).c_str()).value();
  }
};

std::vector<std::int64_t> ids_of(const std::vector<QaEvaluation>& v) {
  std::vector<std::int64_t> out;
  for (const auto& e : v) out.push_back(e.id.value());
  return out;
}

TEST(QaStore, AScorecardRoundTripsWithSectionsInOrder) {
  Fixture f;
  EXPECT_EQ(f.store.get_qa_scorecard(ScorecardId(7)).value(), sample_card());
  EXPECT_EQ(f.rows("qa_scorecard_criteria"), 5);
  // Replacing it with one section of one criterion replaces the criteria.
  QaScorecardDefinition small{ScorecardId(7), "Short", {{"Only", {{"greeting", "", 1, QaScale::kYesNo}}}}};
  ASSERT_TRUE(f.store.put_qa_scorecard(small).ok());
  EXPECT_EQ(f.store.get_qa_scorecard(ScorecardId(7)).value(), small);
  EXPECT_EQ(f.rows("qa_scorecard_criteria"), 1);
  auto missing = f.store.get_qa_scorecard(ScorecardId(99));
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "qa_scorecard.id");
}

TEST(QaStore, AnInvalidScorecardIsRejectedWithItsPlace) {
  Fixture f;
  auto card = sample_card();
  card.id = ScorecardId(8);
  card.sections[1].criteria[2].weight = -1;
  auto s = f.store.put_qa_scorecard(card);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "scorecard.sections[1].criteria[2].weight");
  EXPECT_EQ(s.error().value, "-1");
  EXPECT_EQ(f.rows("qa_scorecards"), 1);  // only the fixture's
}

TEST(QaStore, AnEvaluationRoundTripsAndAnUpsertReplacesItsAnswers) {
  Fixture f;
  const auto e = make_evaluation(11);
  ASSERT_TRUE(f.store.put_qa_evaluation(e).ok());
  EXPECT_EQ(f.store.get_qa_evaluation(EvaluationId(11)).value(), e);
  // Same id, answers in another order and changed: the stored answers are
  // exactly the new ones, in the new order (5 rows, not 10).
  auto e2 = make_evaluation(11, 3, kT0 + 1h);
  e2.evaluator = "Sam Lead";
  e2.answers = {{"disclosure", kQaNa},
                {"accuracy", 5},
                {"empathy", kQaNa},
                {"verify_identity", kQaNo},
                {"greeting", kQaNo}};
  ASSERT_TRUE(f.store.put_qa_evaluation(e2).ok());
  EXPECT_EQ(f.store.get_qa_evaluation(EvaluationId(11)).value(), e2);
  EXPECT_EQ(f.rows("qa_evaluations"), 1);
  EXPECT_EQ(f.rows("qa_answers"), 5);
  auto missing = f.store.get_qa_evaluation(EvaluationId(12));
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "qa_evaluation.id");
}

TEST(QaStore, AnInvalidEvaluationNamesTheFieldAndWritesNothing) {
  Fixture f;
  struct Bad {
    void (*mutate)(QaEvaluation&);
    const char* field;
    const char* value;
  };
  const Bad cases[] = {
      {[](QaEvaluation& e) { e.id = EvaluationId(0); }, "qa_evaluation.id", "0"},
      {[](QaEvaluation& e) { e.evaluator = "  "; }, "qa_evaluation.evaluator", "  "},
      {[](QaEvaluation& e) { e.answers[3].first = "accuracy"; }, "qa_evaluation.answers[3].criterion",
       "accuracy"},
      {[](QaEvaluation& e) { e.answers[2].first.clear(); }, "qa_evaluation.answers[2].criterion", ""},
      {[](QaEvaluation& e) { e.answers[1].second = 7; }, "qa_evaluation.answers[1].answer", "7"},
      // Checked against the stored scorecard: N/A on a 1..5 scale without N/A,
      // a rating on a yes/no scale, an unknown criterion, a missing one.
      {[](QaEvaluation& e) { e.answers[2].second = kQaNa; }, "qa_evaluation.answers[2].answer", "na"},
      {[](QaEvaluation& e) { e.answers[1].second = 3; }, "qa_evaluation.answers[1].answer", "3"},
      {[](QaEvaluation& e) { e.answers[0].first = "smile"; }, "qa_evaluation.answers[0].criterion", "smile"},
      {[](QaEvaluation& e) { e.answers.pop_back(); }, "qa_evaluation.answers", "disclosure"},
  };
  for (const auto& c : cases) {
    auto e = make_evaluation(11);
    c.mutate(e);
    auto s = f.store.put_qa_evaluation(e);
    ASSERT_FALSE(s.ok()) << c.field;
    EXPECT_EQ(s.error().code, ErrorCode::kValidation) << c.field;
    EXPECT_EQ(s.error().field, c.field);
    EXPECT_EQ(s.error().value, c.value) << c.field;
  }
  EXPECT_EQ(f.rows("qa_evaluations"), 0);
  EXPECT_EQ(f.rows("qa_answers"), 0);
}

TEST(QaStore, AMissingReferenceNamesTheField) {
  Fixture f;
  auto e = make_evaluation(11);
  e.interaction_id = InteractionId(99);
  auto s = f.store.put_qa_evaluation(e);
  EXPECT_EQ(s.error().field, "qa_evaluation.interaction");
  EXPECT_EQ(s.error().value, "99");
  e = make_evaluation(11, 98);
  s = f.store.put_qa_evaluation(e);
  EXPECT_EQ(s.error().field, "qa_evaluation.agent");
  EXPECT_EQ(s.error().value, "98");
  e = make_evaluation(11);
  e.scorecard_id = ScorecardId(97);
  s = f.store.put_qa_evaluation(e);
  EXPECT_EQ(s.error().code, ErrorCode::kValidation);
  EXPECT_EQ(s.error().field, "qa_evaluation.scorecard");
  EXPECT_EQ(s.error().value, "97");
  EXPECT_EQ(f.rows("qa_evaluations"), 0);
  EXPECT_EQ(f.rows("qa_answers"), 0);
}

TEST(QaStore, ListsAreOrderedByEvaluatedAtThenIdAndFiltered) {
  Fixture f;
  // 12 (agent 3) two hours after kT0; 13 and 11 (agent 2) at kT0.
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(12, 3, kT0 + 2h)).ok());
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(13)).ok());
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(11)).ok());
  EXPECT_EQ(ids_of(f.store.qa_evaluations().value()), (std::vector<std::int64_t>{11, 13, 12}));
  EXPECT_EQ(ids_of(f.store.qa_evaluations({.agent = AgentId(3)}).value()), (std::vector<std::int64_t>{12}));
  // [kT0, kT0 + 2h) leaves out the one at kT0 + 2h.
  EXPECT_EQ(ids_of(f.store.qa_evaluations({.from = kT0, .to = kT0 + 2h}).value()),
            (std::vector<std::int64_t>{11, 13}));
  EXPECT_TRUE(f.store.qa_evaluations({.scorecard = ScorecardId(8)}).value().empty());
  const auto all = f.store.qa_evaluations().value();
  EXPECT_EQ(all[0], make_evaluation(11));  // answers joined in, in order
}

TEST(QaStore, ColumnsHoldAnswersInTheScorecardsFlatOrder) {
  Fixture f;
  auto shuffled = make_evaluation(12, 3, kT0 + 1h);
  // Given in another order: greeting N/A, accuracy 2, the rest as sample.
  shuffled.answers = {{"disclosure", kQaNo},
                      {"accuracy", 2},
                      {"empathy", 3},
                      {"greeting", kQaNa},
                      {"verify_identity", kQaYes}};
  ASSERT_TRUE(f.store.put_qa_evaluation(shuffled).ok());
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(11)).ok());
  auto c = f.store.qa_evaluation_columns({.scorecard = ScorecardId(7)}).value();
  EXPECT_EQ(c.scorecard_id, ScorecardId(7));
  EXPECT_EQ(c.criteria, 5u);
  EXPECT_EQ(c.id, (std::vector<std::int64_t>{11, 12}));
  EXPECT_EQ(c.agent_id, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(c.interaction_id, (std::vector<std::int64_t>{1, 1}));
  EXPECT_EQ(c.evaluated_at_ms, (std::vector<std::int64_t>{kT0.unix_ms(), (kT0 + 1h).unix_ms()}));
  // Row-major, flat order greeting, verify_identity, accuracy, empathy, disclosure.
  EXPECT_EQ(c.answers, (std::vector<std::int8_t>{1, 1, 4, 3, 0, -1, 1, 2, 3, 0}));
  auto agent3 = f.store.qa_evaluation_columns({.agent = AgentId(3), .scorecard = ScorecardId(7)}).value();
  EXPECT_EQ(agent3.id, (std::vector<std::int64_t>{12}));
  EXPECT_EQ(agent3.answers.size(), 5u);

  auto unnamed = f.store.qa_evaluation_columns({});
  EXPECT_EQ(unnamed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(unnamed.error().field, "query.scorecard");
  auto unknown = f.store.qa_evaluation_columns({.scorecard = ScorecardId(99)});
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "qa_scorecard.id");
}

TEST(QaStore, AScorecardInUseKeepsItsScoringButMayBeRenamed) {
  Fixture f;
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(11)).ok());
  auto reweighted = sample_card();
  reweighted.sections[0].criteria[0].weight = 15;
  auto s = f.store.put_qa_scorecard(reweighted);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(s.error().field, "scorecard.sections");
  EXPECT_EQ(f.store.get_qa_scorecard(ScorecardId(7)).value(), sample_card());
  auto renamed = sample_card();
  renamed.name = "Inbound calls (2024)";
  renamed.sections[1].name = "Outcome";
  renamed.sections[1].criteria[0].text = "Accurate and complete";
  ASSERT_TRUE(f.store.put_qa_scorecard(renamed).ok());
  EXPECT_EQ(f.store.get_qa_scorecard(ScorecardId(7)).value(), renamed);
}

TEST(QaStore, EveryWriteNotifiesOnceAndAFailedOneNotAtAll) {
  Fixture f;
  std::vector<std::string> seen;
  f.store.set_change_observer([&](const StoreChange& c) {
    seen.push_back(fmt::format("{} {} {} {}", c.action, c.record_kind, c.record_id, c.rows));
    return Status::Ok();
  });
  ASSERT_TRUE(f.store.put_qa_scorecard(sample_card()).ok());
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(11)).ok());
  auto bad = make_evaluation(12);
  bad.interaction_id = InteractionId(99);
  ASSERT_FALSE(f.store.put_qa_evaluation(bad).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"put qa_scorecard 7 1", "put qa_evaluation 11 1"}));
  // An observer that refuses rolls the write back.
  f.store.set_change_observer(
      [](const StoreChange&) { return Status(make_error(ErrorCode::kStore, "x", "", "no")); });
  EXPECT_FALSE(f.store.put_qa_evaluation(make_evaluation(13)).ok());
  EXPECT_EQ(f.rows("qa_evaluations"), 1);
}

TEST(QaStore, DeletingAnInteractionTakesItsEvaluationsAndAnswers) {
  Fixture f;
  ASSERT_TRUE(f.store.put_qa_evaluation(make_evaluation(11)).ok());
  auto other = make_evaluation(12);
  other.interaction_id = InteractionId(2);
  ASSERT_TRUE(f.store.put_qa_evaluation(other).ok());
  // What retention's delete does to interactions.
  ASSERT_TRUE(f.store.impl().db.exec("DELETE FROM interactions WHERE id = 1").ok());
  EXPECT_EQ(ids_of(f.store.qa_evaluations().value()), (std::vector<std::int64_t>{12}));
  EXPECT_EQ(f.rows("qa_answers"), 5);
}

}  // namespace
}  // namespace backoffice
