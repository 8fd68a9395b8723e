// QA from the store: a scorecard and evaluations saved and read back score
// the same, and the weekly report computed from the store's columns is the
// report of the same evaluations held in memory.
#include <backoffice/store/store.hpp>
#include <backoffice/workflow/qa_report.hpp>

#include "store/store_fixtures.hpp"
#include "workflow/qa_fixtures.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

namespace backoffice {
namespace {

using namespace std::chrono_literals;
using qa_test::kAutoFail;
using qa_test::kSeventy;
using qa_test::kWithNa;
using qa_test::sample_scorecard;

Instant at(const char* iso) { return Instant::parse(iso).value(); }

const std::vector<double>& doubles(const Table& t, const char* name) {
  return std::get<std::vector<double>>(t.find(name)->values);
}
const std::vector<std::int64_t>& ints(const Table& t, const char* name) {
  return std::get<std::vector<std::int64_t>>(t.find(name)->values);
}

// An evaluation of `card` with `answers` in flat order.
QaEvaluation evaluation(std::int64_t id, std::int64_t agent, Instant when,
                        const std::vector<std::int8_t>& answers, const Scorecard& card) {
  QaEvaluation e;
  e.id = EvaluationId(id);
  e.scorecard_id = card.id();
  e.interaction_id = InteractionId(id);
  e.agent_id = AgentId(agent);
  e.evaluator = "Dana QA";
  e.evaluated_at = when;
  for (std::size_t c = 0; c < card.criterion_count(); ++c)
    e.answers.emplace_back(card.criterion(c).id, answers[c]);
  return e;
}

// Agent 2 in the UTC week of Monday 2024-03-11: 70/100, auto-fail (raw
// 80/100, reported 0/100), 50/70; agent 3 in the week of 03-18: 70/100.
struct Stored {
  Store store = Store::open_in_memory().value();
  Scorecard card = sample_scorecard();
  std::vector<QaEvaluation> evaluations{
      evaluation(1, 2, at("2024-03-11T10:00:00Z"), kSeventy, card),
      evaluation(2, 2, at("2024-03-12T10:00:00Z"), kAutoFail, card),
      evaluation(3, 2, at("2024-03-13T10:00:00Z"), kWithNa, card),
      evaluation(4, 3, at("2024-03-19T10:00:00Z"), kSeventy, card),
  };
  Stored() {
    EXPECT_TRUE(store.put_queue(testing::make_queue(1)).ok());
    EXPECT_TRUE(store.put_agent(testing::make_agent(2)).ok());
    EXPECT_TRUE(store.put_agent(testing::make_agent(3)).ok());
    for (int i = 1; i <= 4; ++i) EXPECT_TRUE(store.insert_interaction(testing::make_interaction(i)).ok());
    EXPECT_TRUE(store.put_qa_scorecard(card.definition()).ok());
    for (const auto& e : evaluations) EXPECT_TRUE(store.put_qa_evaluation(e).ok());
  }
};

TEST(QaFromStore, AStoredEvaluationReScoresFromTheStoreAloneAsInMemory) {
  Stored s;
  const auto card = Scorecard::create(s.store.get_qa_scorecard(ScorecardId(7)).value()).value();
  EXPECT_EQ(card, s.card);
  const auto loaded = s.store.get_qa_evaluation(EvaluationId(3)).value();
  const auto from_store = score(loaded, card).value();
  const auto in_memory = score(s.evaluations[2], s.card).value();
  // greeting and empathy N/A: (20 + 40 * 2/4 + 10) / (20 + 40 + 10) = 50 / 70 = 71.43.
  EXPECT_DOUBLE_EQ(from_store.points, 50.0);
  EXPECT_DOUBLE_EQ(from_store.possible, 70.0);
  EXPECT_DOUBLE_EQ(from_store.score, 100.0 * 50.0 / 70.0);
  EXPECT_DOUBLE_EQ(from_store.score, in_memory.score);
  EXPECT_EQ(from_store.compliance_passed, 2);  // verify_identity yes, disclosure yes
  // The auto-failed one: raw 10 + 0 + 40 + 20 + 10 = 80, reported 0.
  const auto failed = score(s.store.get_qa_evaluation(EvaluationId(2)).value(), card).value();
  EXPECT_TRUE(failed.auto_failed);
  EXPECT_DOUBLE_EQ(failed.raw_score, 80.0);
  EXPECT_DOUBLE_EQ(failed.score, 0.0);
}

TEST(QaFromStore, TheWeeklyReportFromStoreColumnsIsTheInMemoryReport) {
  Stored s;
  const auto card = Scorecard::create(s.store.get_qa_scorecard(ScorecardId(7)).value()).value();
  const auto columns = s.store.qa_evaluation_columns({.scorecard = ScorecardId(7)}).value();
  const auto report = qa_report(columns, card).value();  // by agent, UTC weeks
  ASSERT_EQ(report.row_count(), 2u);
  EXPECT_EQ(ints(report, "agent_id"), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(ints(report, "interval_start_utc_ms"),
            (std::vector<std::int64_t>{at("2024-03-11T00:00:00Z").unix_ms(),
                                       at("2024-03-18T00:00:00Z").unix_ms()}));
  EXPECT_EQ(ints(report, "evaluations"), (std::vector<std::int64_t>{3, 1}));
  // Agent 2: (70 + 0 + 50) / (100 + 100 + 70) = 120 / 270 = 44.44.
  EXPECT_DOUBLE_EQ(doubles(report, "qa_score_num")[0], 120.0);
  EXPECT_DOUBLE_EQ(doubles(report, "qa_score_den")[0], 270.0);
  EXPECT_DOUBLE_EQ(doubles(report, "qa_score")[1], 70.0);
  // Compliance items (verify_identity, disclosure) passed: (yes, no) 1 of 2,
  // (no, yes) 1 of 2, (yes, yes) 2 of 2 = 4 of 6 for agent 2.
  EXPECT_EQ(ints(report, "compliance_rate_num"), (std::vector<std::int64_t>{4, 1}));
  EXPECT_EQ(ints(report, "compliance_rate_den"), (std::vector<std::int64_t>{6, 2}));
  EXPECT_EQ(ints(report, "auto_fail_rate_num"), (std::vector<std::int64_t>{1, 0}));

  // The same evaluations as in-memory columns give the same table.
  std::vector<std::int64_t> agent, when;
  std::vector<std::int8_t> answers;
  for (const auto& e : s.evaluations) {
    agent.push_back(e.agent_id.value());
    when.push_back(e.evaluated_at.unix_ms());
    auto ordered = answers_in_order(e, s.card).value();
    answers.insert(answers.end(), ordered.begin(), ordered.end());
  }
  const auto in_memory = qa_report(QaEvaluationView{agent, when, answers}, s.card).value();
  EXPECT_EQ(report.to_csv(), in_memory.to_csv());
  EXPECT_EQ(report.metadata, in_memory.metadata);
}

TEST(QaFromStore, ColumnsOfAnotherScorecardAreRefused) {
  Stored s;
  auto other = Scorecard::create(ScorecardId(8), "Other", qa_test::sample_sections()).value();
  const auto columns = s.store.qa_evaluation_columns({.scorecard = ScorecardId(7)}).value();
  auto r = qa_report(columns, other);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "evaluations.scorecard_id");
  EXPECT_EQ(r.error().value, "7");
}

}  // namespace
}  // namespace backoffice
