"""QA scorecards and evaluations in the store: round trips, errors naming
the field, the evaluations frame and the weekly report from the store.

The scorecard is the one of docs/workflow_qa.md's worked example, weights
summing to 100: greeting 10 (yes/no/N/A), verify_identity 20 (critical,
compliance), accuracy 40 (1..5), empathy 20 (1..5/N/A), disclosure 10
(compliance, yes/no/N/A)."""

import math

import numpy as np
import pandas as pd
import pytest

import backoffice as bo

CARD = {"id": 7, "name": "Inbound calls v1", "sections": [
    {"name": "Opening", "criteria": [
        {"id": "greeting", "weight": 10, "scale": "yes_no_na"},
        {"id": "verify_identity", "weight": 20, "critical": True, "compliance": True}]},
    {"name": "Resolution", "criteria": [
        {"id": "accuracy", "weight": 40, "scale": "one_to_five"},
        {"id": "empathy", "weight": 20, "scale": "one_to_five_na"},
        {"id": "disclosure", "weight": 10, "scale": "yes_no_na", "compliance": True}]}]}

MON = pd.Timestamp("2024-03-11T10:00:00Z")
# yes, yes, 4, 3, no: 10 + 20 + 30 + 10 + 0 = 70 of 100.
SEVENTY = {"greeting": "yes", "verify_identity": "yes", "accuracy": 4, "empathy": 3, "disclosure": "no"}
# greeting and empathy N/A, accuracy 3: (20 + 20 + 10) / 70 = 71.43.
WITH_NA = {"greeting": None, "verify_identity": True, "accuracy": 3, "empathy": "na", "disclosure": "yes"}
# identity not verified: raw 10 + 0 + 40 + 20 + 10 = 80, reported 0.
AUTO_FAIL = {"greeting": "yes", "verify_identity": "no", "accuracy": 5, "empathy": 5, "disclosure": "yes"}


@pytest.fixture
def store():
    with bo.Store.in_memory() as s:
        s.put_queue(1, "Support")
        s.put_agent(2, "Ann")
        s.put_agent(3, "Bo")
        s.ingest_interactions({"id": np.arange(1, 5, dtype=np.int64), "queue_id": np.ones(4, dtype=np.int64),
                               "offered_at": np.full(4, 1710000000000, dtype=np.int64),
                               "ended_at": np.full(4, 1710000060000, dtype=np.int64)})
        bo.save_qa_scorecard(s, bo.Scorecard(CARD))
        yield s


def save(store, id, agent, at, answers):
    bo.save_qa_evaluation(store, id=id, scorecard_id=7, interaction_id=id, agent_id=agent, evaluator="Dana QA",
                          evaluated_at=at, answers=answers)


def test_an_evaluation_round_trips_and_re_scores_as_in_memory(store):
    save(store, 1, 2, MON, WITH_NA)
    back = bo.load_qa_evaluation(store, 1)
    assert back == bo.QaEvaluation(id=1, scorecard_id=7, interaction_id=1, agent_id=2, evaluator="Dana QA",
                                   evaluated_at=MON, answers={"greeting": -1, "verify_identity": 1, "accuracy": 3,
                                                              "empathy": -1, "disclosure": 1})
    card = bo.load_qa_scorecard(store, 7)
    assert card.criterion_ids == ["greeting", "verify_identity", "accuracy", "empathy", "disclosure"]
    stored = card.score(back.answers)
    in_memory = bo.Scorecard(CARD).score(WITH_NA)
    assert stored.score == pytest.approx(100 * 50 / 70)
    assert stored.score == in_memory.score
    # Saving the loaded record again is an upsert: still one evaluation.
    bo.save_qa_evaluation(store, back)
    assert len(bo.qa_evaluations(store)) == 1
    with pytest.raises(bo.NotFoundError) as info:
        bo.load_qa_evaluation(store, 2)
    assert info.value.field == "qa_evaluation.id"


def test_an_invalid_evaluation_names_the_field_and_writes_nothing(store):
    bad = dict(SEVENTY, accuracy="na")  # N/A on a 1..5 scale without N/A
    with pytest.raises(bo.ValidationError) as info:
        save(store, 1, 2, MON, bad)
    assert info.value.field == "qa_evaluation.answers[2].answer"
    assert info.value.value == "na"
    with pytest.raises(bo.ValidationError) as info:
        save(store, 1, 9, MON, SEVENTY)
    assert info.value.field == "qa_evaluation.agent"
    with pytest.raises(bo.ValidationError) as info:
        save(store, 1, 2, MON, dict(SEVENTY, greeting="maybe"))
    assert info.value.field == "qa_evaluation.answers.greeting"
    assert len(bo.qa_evaluations(store)) == 0


def test_the_evaluations_frame_has_one_column_per_criterion(store):
    save(store, 2, 2, MON + pd.Timedelta(days=1), AUTO_FAIL)
    save(store, 1, 2, MON, SEVENTY)
    save(store, 3, 3, MON + pd.Timedelta(days=7), WITH_NA)
    df = bo.qa_evaluations(store, scorecard=7)
    assert list(df.columns) == ["evaluation_id", "scorecard_id", "interaction_id", "agent_id", "evaluator",
                                "evaluated_at", "greeting", "verify_identity", "accuracy", "empathy", "disclosure"]
    assert df["evaluation_id"].tolist() == [1, 2, 3]  # by evaluated_at
    assert df["accuracy"].tolist() == [4, 5, 3]
    assert df["greeting"].dtype == np.int8
    assert df["evaluated_at"].iloc[0] == MON
    only_3 = bo.qa_evaluations(store, agent=3)
    assert only_3["evaluation_id"].tolist() == [3]
    # [MON, MON + 1 day) holds evaluation 1 only.
    assert bo.qa_evaluations(store, from_=MON, to=MON + pd.Timedelta(days=1))["evaluation_id"].tolist() == [1]


def test_the_weekly_report_from_the_store_is_the_in_memory_report(store):
    save(store, 1, 2, MON, SEVENTY)
    save(store, 2, 2, MON + pd.Timedelta(days=1), AUTO_FAIL)
    save(store, 3, 2, MON + pd.Timedelta(days=2), WITH_NA)
    save(store, 4, 3, MON + pd.Timedelta(days=7), SEVENTY)
    report = bo.qa_report_from_store(store, scorecard=7)
    assert report["agent_id"].tolist() == [2, 3]
    assert report["evaluations"].tolist() == [3, 1]
    # Agent 2: (70 + 0 + 50) / (100 + 100 + 70) = 120 / 270.
    assert report["qa_score_num"].iloc[0] == pytest.approx(120)
    assert report["qa_score_den"].iloc[0] == pytest.approx(270)
    assert report["qa_score"].iloc[0] == pytest.approx(100 * 120 / 270)
    # Compliance passed: (yes, no) 1 + (no, yes) 1 + (yes, yes) 2 = 4 of 6.
    assert report["compliance_rate_num"].tolist() == [4, 1]
    assert report["compliance_rate_den"].tolist() == [6, 2]
    assert report["interval_start"].iloc[0] == pd.Timestamp("2024-03-11T00:00:00Z")
    in_memory = bo.qa_report(bo.qa_evaluations(store, scorecard=7), bo.load_qa_scorecard(store, 7))
    pd.testing.assert_frame_equal(report, in_memory)
    # [MON + 1 day, ...) leaves out evaluation 1: agent 2 has (0 + 50) / 170.
    later = bo.qa_report_from_store(store, scorecard=7, from_=MON + pd.Timedelta(days=1), interval=None)
    assert later["qa_score"].iloc[0] == pytest.approx(100 * 50 / 170)
    assert math.isclose(later["auto_fail_rate"].iloc[0], 0.5)


def test_a_scorecard_in_use_keeps_its_scoring(store):
    save(store, 1, 2, MON, SEVENTY)
    heavier = {**CARD, "sections": [CARD["sections"][0],
                                    {**CARD["sections"][1], "criteria": [
                                        dict(c, weight=50) if c["id"] == "accuracy" else c
                                        for c in CARD["sections"][1]["criteria"]]}]}
    with pytest.raises(bo.ConflictError) as info:
        bo.save_qa_scorecard(store, bo.Scorecard(heavier))
    assert info.value.field == "scorecard.sections"
    bo.save_qa_scorecard(store, bo.Scorecard({**CARD, "name": "Inbound calls (2024)"}))
    assert bo.load_qa_scorecard(store, 7).name == "Inbound calls (2024)"
