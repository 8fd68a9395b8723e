// QA scorecards and evaluations in the store through the C header only:
// round trip, errors naming the field, and the weekly report from the store.

#include <backoffice/backoffice.h>

#include "table_access.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using capi_test::integer;
using capi_test::last_error;
using capi_test::real;
using capi_test::text;

// 2024-03-11T10:00:00Z, a Monday.
constexpr int64_t kMon10 = 1710151200000;
constexpr int64_t kDay = 86'400'000;

// Scorecard 7: greeting (yes/no/N/A, 10), verify_identity (yes/no, 20,
// critical and compliance), accuracy (1..5, 40), disclosure (yes/no/N/A,
// 10, compliance). Interactions 1..3 on queue 1, agents 2 and 3.
struct CQaStore : ::testing::Test {
  void SetUp() override {
    ASSERT_EQ(bo_store_open_in_memory(&store), BO_OK) << last_error();
    ASSERT_EQ(bo_store_put_queue(store, 1, "Billing", "voice", 20, 80.0, 5, "UTC", nullptr), BO_OK);
    ASSERT_EQ(bo_store_put_agent(store, 2, "Ann", BO_NULL_INT64, "UTC"), BO_OK);
    ASSERT_EQ(bo_store_put_agent(store, 3, "Bo", BO_NULL_INT64, "UTC"), BO_OK);
    bo_table_t* rows = nullptr;
    ASSERT_EQ(bo_table_create(&rows, 3), BO_OK);
    const int64_t id[3] = {1, 2, 3};
    const int64_t queue[3] = {1, 1, 1};
    const int64_t offered[3] = {kMon10 - kDay, kMon10 - kDay + 60000, kMon10 - kDay + 120000};
    const int64_t ended[3] = {offered[0] + 60000, offered[1] + 60000, offered[2] + 60000};
    EXPECT_EQ(bo_table_add_int64(rows, "id", BO_TYPE_INT64, id, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(rows, "queue_id", BO_TYPE_INT64, queue, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(rows, "offered_at", BO_TYPE_INSTANT, offered, nullptr), BO_OK);
    EXPECT_EQ(bo_table_add_int64(rows, "ended_at", BO_TYPE_INSTANT, ended, nullptr), BO_OK);
    ASSERT_EQ(bo_store_ingest_interactions(nullptr, nullptr, store, rows, BO_INGEST_ALL_OR_NOTHING), BO_OK)
        << last_error();
    bo_table_destroy(rows);

    ASSERT_EQ(bo_qa_scorecard_create(&card, 7, "Inbound calls"), BO_OK);
    ASSERT_EQ(bo_qa_scorecard_add_section(card, "Opening"), BO_OK);
    ASSERT_EQ(bo_qa_scorecard_add_criterion(card, "greeting", "Greets", 10, BO_QA_SCALE_YES_NO_NA, 0), BO_OK);
    ASSERT_EQ(bo_qa_scorecard_add_criterion(card, "verify_identity", "Verifies", 20, BO_QA_SCALE_YES_NO,
                                            BO_QA_CRITICAL | BO_QA_COMPLIANCE),
              BO_OK);
    ASSERT_EQ(bo_qa_scorecard_add_section(card, "Resolution"), BO_OK);
    ASSERT_EQ(bo_qa_scorecard_add_criterion(card, "accuracy", "Accurate", 40, BO_QA_SCALE_ONE_TO_FIVE, 0),
              BO_OK);
    ASSERT_EQ(bo_qa_scorecard_add_criterion(card, "disclosure", "Discloses", 10, BO_QA_SCALE_YES_NO_NA,
                                            BO_QA_COMPLIANCE),
              BO_OK);
    ASSERT_EQ(bo_store_put_qa_scorecard(store, card), BO_OK) << last_error();
  }
  void TearDown() override {
    bo_qa_scorecard_destroy(card);
    bo_store_close(store);
  }

  // Evaluation `id` of interaction `id` by "Dana QA" with answers in
  // scorecard order: yes, yes, 4, no = 10 + 20 + 30 + 0 = 60 of 80.
  bo_qa_evaluation_t evaluation(int64_t id, int64_t agent, int64_t at) {
    bo_qa_evaluation_t e{};
    e.id = id;
    e.scorecard_id = 7;
    e.interaction_id = id;
    e.agent_id = agent;
    e.evaluator = "Dana QA";
    e.evaluated_at_ms = at;
    e.criterion_ids = kIds;
    e.answers = kAnswers;
    e.answer_count = 4;
    return e;
  }

  static constexpr const char* kIds[4] = {"greeting", "verify_identity", "accuracy", "disclosure"};
  static constexpr int8_t kAnswers[4] = {BO_QA_YES, BO_QA_YES, 4, BO_QA_NO};
  bo_store_t* store = nullptr;
  bo_qa_scorecard_t* card = nullptr;
};

TEST_F(CQaStore, AnEvaluationRoundTripsInLongForm) {
  const auto e = evaluation(1, 2, kMon10);
  ASSERT_EQ(bo_store_put_qa_evaluation(store, &e), BO_OK) << last_error();
  bo_table_t* t = nullptr;
  ASSERT_EQ(bo_store_get_qa_evaluation(&t, store, 1), BO_OK) << last_error();
  size_t rows = 0;
  ASSERT_EQ(bo_table_row_count(&rows, t), BO_OK);
  ASSERT_EQ(rows, 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(integer(t, "evaluation_id", i), 1);
    EXPECT_EQ(integer(t, "scorecard_id", i), 7);
    EXPECT_EQ(integer(t, "interaction_id", i), 1);
    EXPECT_EQ(integer(t, "agent_id", i), 2);
    EXPECT_EQ(text(t, "evaluator", i), "Dana QA");
    EXPECT_EQ(integer(t, "evaluated_at", i), kMon10);
    EXPECT_EQ(text(t, "criterion_id", i), kIds[i]);
    EXPECT_EQ(integer(t, "answer", i), kAnswers[i]);
  }
  bo_table_destroy(t);
  EXPECT_EQ(bo_store_get_qa_evaluation(&t, store, 2), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "qa_evaluation.id");

  // The scorecard comes back as a template that scores the same:
  // 60 of 80 possible = 75.0.
  bo_qa_scorecard_t* loaded = nullptr;
  ASSERT_EQ(bo_store_get_qa_scorecard(&loaded, store, 7), BO_OK) << last_error();
  bo_qa_score_t score{};
  ASSERT_EQ(bo_qa_score_evaluation(&score, loaded, kAnswers, 4, nullptr), BO_OK) << last_error();
  EXPECT_DOUBLE_EQ(score.points, 60.0);
  EXPECT_DOUBLE_EQ(score.possible, 80.0);
  EXPECT_DOUBLE_EQ(score.score, 75.0);
  bo_qa_scorecard_destroy(loaded);
  EXPECT_EQ(bo_store_get_qa_scorecard(&loaded, store, 8), BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "qa_scorecard.id");
}

TEST_F(CQaStore, AnInvalidEvaluationNamesTheFieldAndWritesNothing) {
  auto e = evaluation(1, 2, kMon10);
  const int8_t bad[4] = {BO_QA_YES, BO_QA_NA, 4, BO_QA_NO};  // N/A on a yes/no criterion
  e.answers = bad;
  EXPECT_EQ(bo_store_put_qa_evaluation(store, &e), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "qa_evaluation.answers[1].answer");
  EXPECT_STREQ(bo_last_error_value(), "na");
  e = evaluation(1, 9, kMon10);
  EXPECT_EQ(bo_store_put_qa_evaluation(store, &e), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "qa_evaluation.agent");
  EXPECT_STREQ(bo_last_error_value(), "9");
  e = evaluation(1, 2, kMon10);
  e.evaluator = "";
  EXPECT_EQ(bo_store_put_qa_evaluation(store, &e), BO_VALIDATION);
  EXPECT_STREQ(bo_last_error_field(), "qa_evaluation.evaluator");
  EXPECT_EQ(bo_store_put_qa_evaluation(store, nullptr), BO_NULL_ARGUMENT);
  bo_table_t* t = nullptr;
  ASSERT_EQ(bo_store_qa_evaluations(&t, store, BO_NULL_INT64, BO_NULL_INT64, BO_NULL_INT64, BO_NULL_INT64),
            BO_OK);
  size_t rows = 99;
  ASSERT_EQ(bo_table_row_count(&rows, t), BO_OK);
  EXPECT_EQ(rows, 0u);
  bo_table_destroy(t);
}

TEST_F(CQaStore, ListsFilterByAgentAndTheReportComesFromTheStore) {
  // Agent 2: 60/80 on Monday and, with identity not verified, auto-fail
  // (raw 10 + 0 + 30 + 0 = 40/80, reported 0) on Tuesday; agent 3: 60/80 a
  // week later.
  auto e1 = evaluation(1, 2, kMon10);
  auto e2 = evaluation(2, 2, kMon10 + kDay);
  const int8_t failed[4] = {BO_QA_YES, BO_QA_NO, 4, BO_QA_NO};
  e2.answers = failed;
  auto e3 = evaluation(3, 3, kMon10 + 7 * kDay);
  for (const auto* e : {&e1, &e2, &e3})
    ASSERT_EQ(bo_store_put_qa_evaluation(store, e), BO_OK) << last_error();

  bo_table_t* t = nullptr;
  ASSERT_EQ(bo_store_qa_evaluations(&t, store, BO_NULL_INT64, BO_NULL_INT64, 3, BO_NULL_INT64), BO_OK);
  size_t rows = 0;
  ASSERT_EQ(bo_table_row_count(&rows, t), BO_OK);
  EXPECT_EQ(rows, 4u);  // one evaluation x 4 answers
  EXPECT_EQ(integer(t, "evaluation_id"), 3);
  bo_table_destroy(t);

  ASSERT_EQ(bo_store_qa_report(&t, store, 7, BO_NULL_INT64, BO_NULL_INT64, 1, "week", "UTC", nullptr), BO_OK)
      << last_error();
  ASSERT_EQ(bo_table_row_count(&rows, t), BO_OK);
  ASSERT_EQ(rows, 2u);
  EXPECT_EQ(integer(t, "agent_id", 0), 2);
  EXPECT_EQ(integer(t, "evaluations", 0), 2);
  // (60 + 0) / (80 + 80) = 37.5; compliance (verify_identity, disclosure):
  // (yes, no) + (no, no) = 1 of 4.
  EXPECT_DOUBLE_EQ(real(t, "qa_score", 0), 37.5);
  EXPECT_DOUBLE_EQ(real(t, "auto_fail_rate", 0), 0.5);
  EXPECT_EQ(integer(t, "compliance_rate_num", 0), 1);
  EXPECT_EQ(integer(t, "compliance_rate_den", 0), 4);
  EXPECT_DOUBLE_EQ(real(t, "qa_score", 1), 75.0);
  bo_table_destroy(t);
  // [Monday, Tuesday) keeps only the first evaluation: 60 / 80.
  ASSERT_EQ(bo_store_qa_report(&t, store, 7, kMon10, kMon10 + kDay, 0, "none", nullptr, nullptr), BO_OK);
  EXPECT_DOUBLE_EQ(real(t, "qa_score", 0), 75.0);
  bo_table_destroy(t);
  EXPECT_EQ(bo_store_qa_report(&t, store, 8, BO_NULL_INT64, BO_NULL_INT64, 1, nullptr, nullptr, nullptr),
            BO_NOT_FOUND);
  EXPECT_STREQ(bo_last_error_field(), "qa_scorecard.id");
}

TEST_F(CQaStore, AScorecardInUseCannotChangeItsScoring) {
  const auto e = evaluation(1, 2, kMon10);
  ASSERT_EQ(bo_store_put_qa_evaluation(store, &e), BO_OK) << last_error();
  ASSERT_EQ(bo_qa_scorecard_add_criterion(card, "closing", nullptr, 5, BO_QA_SCALE_YES_NO, 0), BO_OK);
  EXPECT_EQ(bo_store_put_qa_scorecard(store, card), BO_CONFLICT);
  EXPECT_STREQ(bo_last_error_field(), "scorecard.sections");
}

}  // namespace
