"""QA scorecards from Python; expected values are hand calculations (the
same as tests/workflow/qa_*_test.cpp)."""

import math

import numpy as np
import pandas as pd
import pytest

import backoffice as bo

SAMPLE = {
    "id": 7,
    "name": "Inbound calls v1",
    "sections": [
        {"name": "Opening", "criteria": [
            {"id": "greeting", "weight": 10, "scale": "yes_no_na"},
            {"id": "verify_identity", "weight": 20, "scale": "yes_no", "critical": True, "compliance": True},
        ]},
        {"name": "Resolution", "criteria": [
            {"id": "accuracy", "weight": 40, "scale": "one_to_five"},
            {"id": "empathy", "weight": 20, "scale": "one_to_five_na"},
            {"id": "disclosure", "weight": 10, "scale": "yes_no_na", "compliance": True},
        ]},
    ],
}

SEVENTY = {"greeting": "yes", "verify_identity": "yes", "accuracy": 4, "empathy": 3, "disclosure": "no"}
AUTO_FAIL = {"greeting": "yes", "verify_identity": "no", "accuracy": 5, "empathy": 5, "disclosure": "yes"}
WITH_NA = {"greeting": "na", "verify_identity": "yes", "accuracy": 3, "empathy": None, "disclosure": "yes"}


@pytest.fixture
def card():
    return bo.Scorecard(SAMPLE)


def test_scores_weighted_answers_and_sections(card):
    s = card.score(SEVENTY)
    # 10 + 20 + 40*3/4 + 20*2/4 + 0 = 70 of 100.
    assert s.points == 70.0 and s.possible == 100.0 and s.score == 70.0
    assert s.sections.loc[1, "score"] == pytest.approx(400 / 7)  # 40 / 70
    assert (s.compliance_passed, s.compliance_applicable) == (1, 2)
    assert card.criterion_ids == ["greeting", "verify_identity", "accuracy", "empathy", "disclosure"]


def test_na_renormalises_by_default_and_full_marks_on_request(card):
    assert bo.qa_score(WITH_NA, card).score == pytest.approx(100 * 50 / 70)
    full = bo.qa_score(WITH_NA, card, na_policy="full_marks")
    assert full.score == 80.0
    assert full.definition == "na_policy=full_marks; auto_fail_zeroes_score=true"


def test_auto_fail_zeroes_the_score_and_keeps_the_raw_score(card):
    s = card.score(AUTO_FAIL)
    assert s.auto_failed and s.failed_critical == ["verify_identity"]
    assert (s.score, s.raw_score) == (0.0, 80.0)
    assert card.score(AUTO_FAIL, auto_fail_zeroes_score=False).score == 80.0


def test_invalid_templates_and_answers_name_field_and_value(card):
    bad = {"sections": [{"name": "S", "criteria": [{"id": "a", "weight": -1}]}]}
    with pytest.raises(bo.ValidationError) as e:
        bo.Scorecard(bad)
    assert e.value.field == "scorecard.sections[0].criteria[0].weight" and e.value.value == "-1"
    with pytest.raises(bo.ValidationError) as e:
        card.score({**SEVENTY, "accuracy": 7})
    assert e.value.field == "evaluation.answers.accuracy"
    with pytest.raises(bo.ValidationError) as e:
        card.score({**SEVENTY, "verify_identity": "na"})
    assert e.value.field == "evaluation.answers.verify_identity" and e.value.value == "na"
    with pytest.raises(bo.ValidationError):
        card.score({k: v for k, v in SEVENTY.items() if k != "disclosure"})


def test_weekly_report_across_the_dst_change(card):
    rows = [SEVENTY, AUTO_FAIL, WITH_NA, SEVENTY]
    df = pd.DataFrame(rows)
    df["agent_id"] = [1, 1, 1, 2]
    df["evaluated_at"] = pd.to_datetime(["2024-03-04T05:00:00Z", "2024-03-11T03:59:59Z",
                                         "2024-03-11T04:30:00Z", "2024-03-06T15:00:00Z"])
    r = bo.qa_report(df, card, tz="America/New_York")
    assert list(r["agent_id"]) == [1, 1, 2]
    assert [str(t) for t in r["interval_start"]] == ["2024-03-04 00:00:00-05:00", "2024-03-11 00:00:00-04:00",
                                                     "2024-03-04 00:00:00-05:00"]
    # Agent 1, week 03-04: (70 + 0) / 200; raw 150 / 200; compliance 2 / 4.
    assert r.loc[0, "qa_score"] == 35.0 and r.loc[0, "raw_qa_score"] == 75.0
    assert (r.loc[0, "compliance_rate_num"], r.loc[0, "compliance_rate_den"]) == (2, 4)
    assert r.loc[0, "auto_fail_rate"] == 0.5
    assert r.loc[1, "qa_score"] == pytest.approx(100 * 50 / 70)
    assert r.attrs["definition"] == "na_policy=exclude; auto_fail_zeroes_score=true"

    overall = bo.qa_report(df, card, interval=None, by_agent=False)
    assert len(overall) == 1
    assert overall.loc[0, "qa_score"] == pytest.approx(100 * 190 / 370)  # (70 + 0 + 50 + 70) / 370


def test_calibration_deviations_and_kappa():
    card = bo.Scorecard([{"name": "All", "criteria": [
        {"id": "q1", "weight": 1}, {"id": "q2", "weight": 1}, {"id": "q3", "weight": 2, "scale": "yes_no_na"}]}],
        id=3)
    df = pd.DataFrame({
        "interaction_id": [100, 100, 100, 200, 200, 200],
        "evaluator": ["A", "B", "C", "A", "B", "C"],
        "q1": ["yes", "yes", "no", "yes", "yes", "yes"],
        "q2": ["yes", "no", "no", "yes", "yes", "yes"],
        "q3": ["yes", "yes", "yes", "na", "no", "yes"],
    })
    c = bo.qa_calibration(df, card)
    # 100: A 100, B 75, C 50 (mean 75); 200: A 100, B 50, C 100 (mean 83.33).
    assert list(c.rows["deviation"].round(3)) == [25.0, 0.0, -25.0, 16.667, -33.333, 16.667]
    assert c.evaluators.loc[1, "mean_deviation"] == pytest.approx(-50 / 3)
    assert c.kappa == pytest.approx(12 / 138)
    assert c.mean_absolute_deviation == pytest.approx(175 / 9)
    ref = bo.qa_calibration(df, card, reference_evaluator="A")
    assert ref.evaluators.loc[1, "mean_deviation"] == -37.5


def test_fleiss_kappa_matches_the_wikipedia_worked_example():
    # https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example: kappa = 0.210.
    counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
              [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    k = bo.fleiss_kappa(counts)
    assert round(k["kappa"], 3) == 0.210
    assert round(k["observed_agreement"], 3) == 0.378
    assert not math.isnan(k["expected_agreement"])


def test_report_accepts_numeric_answer_columns(card):
    df = pd.DataFrame({"agent_id": [5], "evaluated_at": [1_709_528_400_000], "greeting": [1],
                       "verify_identity": [1], "accuracy": [4], "empathy": [np.nan], "disclosure": [0]})
    r = bo.qa_report(df, card, interval=None)
    # empathy N/A: (10 + 20 + 30 + 0) / 80.
    assert r.loc[0, "qa_score"] == pytest.approx(75.0)
