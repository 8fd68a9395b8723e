"""QA scorecards: weighted criteria in sections, evaluation scores, agent QA
reports (averages, weekly trends, auto-fail and compliance rates) and
evaluator calibration. Definitions and formulas: docs/workflow_qa.md.

Answers are ``"yes"``, ``"no"``, ``"na"`` (also ``None``/NaN, read as N/A)
or a rating 1..5, according to the criterion's scale:

- ``yes_no`` / ``yes_no_na``: yes earns the full weight, no earns 0;
- ``one_to_five`` / ``one_to_five_na``: rating r earns (r - 1) / 4 of it.

Scores are percentages: 100 * points / possible points. By default N/A
answers are removed and the remaining weights renormalised
(``na_policy="exclude"``); ``"full_marks"`` counts them as earned. A
critical criterion that earns 0 fails the evaluation (auto-fail), which
then scores 0 unless ``auto_fail_zeroes_score=False``; the raw score is
always kept beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _core
from ._table import INSTANT, series_to_column, table_to_dataframe
from .core import InstantLike, ValidationError, _from_unix_ms, _to_unix_ms

__all__ = ["Scorecard", "QaScore", "QaCalibration", "QaEvaluation", "score", "qa_score", "qa_report", "calibration",
           "qa_calibration", "fleiss_kappa", "save_qa_scorecard", "load_qa_scorecard", "save_qa_evaluation",
           "load_qa_evaluation", "qa_evaluations", "qa_report_from_store"]

# Text answers; "-1" and "0" are the codes themselves (N/A, no), as stored
# answers come back (load_qa_evaluation, qa_evaluations).
_CODES = {"yes": 1, "no": 0, "true": 1, "false": 0, "na": -1, "n/a": -1, "-1": -1, "0": 0, "1": 1, "2": 2, "3": 3,
          "4": 4, "5": 5}
_NA, _NO, _YES = -1, 0, 1


def _invalid(field_: str, value: Any, message: str) -> ValidationError:
    return ValidationError(f"invalid argument: {field_} = '{value}': {message}",
                           code="invalid_argument", field=field_, value=str(value))


class Scorecard:
    """A validated QA scorecard template.

    ``definition`` is a dict ``{"id": 1, "name": "...", "sections": [...]}``
    or just the list of sections; each section is ``{"name": ..., "criteria":
    [{"id": "greeting", "text": "...", "weight": 10, "scale": "yes_no_na",
    "critical": False, "compliance": False}, ...]}``. ``weight`` (> 0,
    default 1) is relative; ``scale`` defaults to ``"yes_no"``. Compliance
    items must use a yes/no scale. Invalid templates raise
    ``ValidationError`` naming e.g. ``scorecard.sections[1].criteria[2].weight``.
    """

    def __init__(self, definition: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]], *,
                 id: Optional[int] = None, name: Optional[str] = None) -> None:
        if isinstance(definition, Mapping):
            sections = definition.get("sections", [])
            id = definition.get("id", 1) if id is None else id
            name = definition.get("name", "") if name is None else name
        else:
            sections = definition
        raw = []
        for i, s in enumerate(sections):
            criteria = []
            for j, c in enumerate(s.get("criteria", [])):
                if "id" not in c:
                    raise _invalid(f"scorecard.sections[{i}].criteria[{j}].id", "", "a criterion needs an id")
                criteria.append((str(c["id"]), str(c.get("text", "")), float(c.get("weight", 1.0)),
                                 str(c.get("scale", "yes_no")), bool(c.get("critical", False)),
                                 bool(c.get("compliance", False))))
            raw.append((str(s.get("name", "")), criteria))
        self._card = _core.QaScorecard.create(int(1 if id is None else id), str(name or ""), raw)
        self._criteria = self._card.criteria()

    @property
    def id(self) -> int:
        return self._card.id

    @property
    def name(self) -> str:
        return self._card.name

    @property
    def criterion_ids(self) -> List[str]:
        """Criterion ids in scorecard order (the order of answer columns)."""
        return [c[0] for c in self._criteria]

    def criteria(self) -> pd.DataFrame:
        """One row per criterion: id, section, weight, scale, critical, compliance."""
        return pd.DataFrame(self._criteria, columns=["id", "section", "weight", "scale", "critical", "compliance"])

    def _codes(self, values: Any, criterion: str) -> np.ndarray:
        """Answers of one criterion (a column or a scalar list) as int8 codes."""
        s = values if isinstance(values, pd.Series) else pd.Series(values)
        if pd.api.types.is_bool_dtype(s.dtype):
            return s.to_numpy().astype(np.int8)
        if pd.api.types.is_numeric_dtype(s.dtype):
            f = s.to_numpy(dtype=np.float64, na_value=np.nan)
            codes = np.where(np.isnan(f), _NA, f)
            if np.any(codes != np.floor(codes)) or np.any((codes < -1) | (codes > 5)):
                bad = int(np.argmax((codes != np.floor(codes)) | (codes < -1) | (codes > 5)))
                raise ValidationError(
                    f"validation error: evaluation.answers.{criterion} = '{f[bad]}': expected yes, no, na or 1..5",
                    code="validation", field=f"evaluation.answers.{criterion}", value=str(f[bad]))
            return codes.astype(np.int8)
        text = s.astype("string").str.strip().str.lower()
        codes = text.map(_CODES)
        unknown = codes.isna() & text.notna()
        if unknown.any():
            bad = s[unknown].iloc[0]
            raise ValidationError(
                f"validation error: evaluation.answers.{criterion} = '{bad}': expected yes, no, na or 1..5",
                code="validation", field=f"evaluation.answers.{criterion}", value=str(bad))
        return codes.fillna(_NA).to_numpy(dtype=np.int8)

    def _matrix(self, frame: pd.DataFrame) -> np.ndarray:
        missing = [c for c in self.criterion_ids if c not in frame.columns]
        if missing:
            raise ValidationError(
                f"validation error: evaluation.answers.{missing[0]} = '': missing answer column",
                code="validation", field=f"evaluation.answers.{missing[0]}", value="")
        out = np.empty((len(frame), len(self.criterion_ids)), dtype=np.int8)
        for j, c in enumerate(self.criterion_ids):
            out[:, j] = self._codes(frame[c], c)
        return out

    def score(self, answers: Union[Mapping[str, Any], Sequence[Any]], *, na_policy: str = "exclude",
              auto_fail_zeroes_score: bool = True) -> "QaScore":
        """Scores one evaluation; see :func:`score`."""
        return score(answers, self, na_policy=na_policy, auto_fail_zeroes_score=auto_fail_zeroes_score)

    def __repr__(self) -> str:
        return f"Scorecard(id={self.id}, name={self.name!r}, criteria={self.criterion_ids})"


@dataclass(frozen=True)
class QaScore:
    """One evaluation's score (percent). ``score`` = 100 * reported_points /
    possible (0 when auto-failed and zeroed); ``raw_score`` = 100 * points /
    possible (NaN when every answer is N/A)."""

    score: float
    raw_score: float
    points: float
    reported_points: float
    possible: float
    auto_failed: bool
    failed_critical: List[str]
    compliance_passed: int
    compliance_applicable: int
    sections: pd.DataFrame = field(repr=False)
    definition: str = ""


def score(answers: Union[Mapping[str, Any], Sequence[Any]], scorecard: Scorecard, *,
          na_policy: str = "exclude", auto_fail_zeroes_score: bool = True) -> QaScore:
    """Scores one evaluation: ``answers`` maps criterion id -> answer (every
    criterion once) or lists them in scorecard order. ``na_policy``:
    ``"exclude"`` (default; N/A removed, weights renormalised) or
    ``"full_marks"``. Raises ValidationError naming
    ``evaluation.answers.<criterion>`` for a missing, unknown or
    out-of-scale answer."""
    ids = scorecard.criterion_ids
    if isinstance(answers, Mapping):
        unknown = [k for k in answers if k not in ids]
        if unknown:
            raise ValidationError(
                f"validation error: evaluation.answers.{unknown[0]} = '{unknown[0]}': no such criterion",
                code="validation", field=f"evaluation.answers.{unknown[0]}", value=str(unknown[0]))
        frame = pd.DataFrame({k: [answers[k]] for k in answers}, dtype=object)
    else:
        if len(answers) != len(ids):
            raise ValidationError(
                f"validation error: evaluation.answers = '{len(answers)}': expected {len(ids)} answers",
                code="validation", field="evaluation.answers", value=str(len(answers)))
        frame = pd.DataFrame({k: [v] for k, v in zip(ids, answers)}, dtype=object)
    codes = scorecard._matrix(frame)[0]
    raw = scorecard._card.score(codes.tolist(), na_policy, bool(auto_fail_zeroes_score))
    sections = pd.DataFrame(raw["sections"], columns=["section", "points", "possible", "score"])
    return QaScore(score=raw["score"], raw_score=raw["raw_score"], points=raw["points"],
                   reported_points=raw["reported_points"], possible=raw["possible"],
                   auto_failed=bool(raw["auto_failed"]), failed_critical=list(raw["failed_critical"]),
                   compliance_passed=int(raw["compliance_passed"]),
                   compliance_applicable=int(raw["compliance_applicable"]), sections=sections,
                   definition=raw["definition"])


def _frame(raw, tz: str) -> pd.DataFrame:
    table, metadata = raw
    df = table_to_dataframe(table)
    if "interval_start_utc_ms" in df.columns:
        df["interval_start"] = df.pop("interval_start_utc_ms").dt.tz_convert(tz or "UTC")
    df.attrs.update(dict(metadata))
    return df


def qa_report(evaluations: pd.DataFrame, scorecard: Scorecard, *, tz: str = "UTC",
              interval: Optional[str] = "week", by_agent: bool = True, na_policy: str = "exclude",
              auto_fail_zeroes_score: bool = True) -> pd.DataFrame:
    """Agent QA averages and trends.

    ``evaluations``: one row per evaluation with ``agent_id``,
    ``evaluated_at`` (timestamps; naive ones are UTC, or Unix ms) and one
    column per criterion id. ``interval``: ``"week"`` (Monday 00:00 on the
    wall clock of ``tz``, the default), ``"day"``, ``"month"`` or None.

    One row per agent (when ``by_agent``) and interval with
    ``evaluations``; ``qa_score`` = 100 * sum of reported points / sum of
    possible points (a weighted total, never an average of averages) with
    ``qa_score_num`` / ``qa_score_den``; ``raw_qa_score`` (before auto-fail
    zeroing); ``mean_evaluation_score`` (each evaluation weighs 1);
    ``auto_fail_rate`` = auto-failed / evaluations; ``compliance_rate`` =
    compliance items passed / compliance items answered (N/A excluded), each
    with ``_num`` and ``_den``. ``interval_start`` is a timestamp in ``tz``.
    ``df.attrs`` holds the definition (N/A policy, auto-fail rule)."""
    for col in ("agent_id", "evaluated_at"):
        if col not in evaluations.columns:
            raise _invalid(col, "", "missing column")
    agents = pd.Series(evaluations["agent_id"]).to_numpy(dtype=np.int64)
    _, _, at, valid = series_to_column("evaluated_at", INSTANT, evaluations["evaluated_at"])
    at = np.asarray(at, dtype=np.int64)
    if valid is not None or np.any(at == np.iinfo(np.int64).min):
        raise _invalid("evaluated_at", "NaT", "every evaluation needs its instant")
    matrix = scorecard._matrix(evaluations)
    bucket = "none" if interval is None else str(interval)
    raw = _core.qa_report(scorecard._card, agents, at, matrix, bool(by_agent), bucket, tz or "UTC",
                          na_policy, bool(auto_fail_zeroes_score))
    return _frame(raw, tz)


@dataclass(frozen=True)
class QaCalibration:
    """Calibration result. ``rows``: interaction_id, evaluator, score,
    target_score, deviation (score - target, percentage points).
    ``evaluators``: evaluator, interactions, mean_deviation (bias),
    mean_absolute_deviation. ``kappa``: Fleiss' kappa over (interaction,
    criterion) answers (NaN with ``agreement_note`` when it cannot be
    computed), with its observed and expected (chance) agreement."""

    rows: pd.DataFrame
    evaluators: pd.DataFrame
    kappa: float
    observed_agreement: float
    expected_agreement: float
    mean_absolute_deviation: float
    agreement_note: str
    definition: str


def calibration(evaluations: pd.DataFrame, scorecard: Scorecard, *,
                reference_evaluator: Optional[str] = None, na_policy: str = "exclude",
                auto_fail_zeroes_score: bool = True) -> QaCalibration:
    """Compares evaluators who scored the same interactions.

    ``evaluations``: one row per evaluation with ``interaction_id``,
    ``evaluator`` and one column per criterion id; every interaction needs
    at least two distinct evaluators. Deviations are from the mean score of
    the interaction's evaluators, or from ``reference_evaluator``'s score
    when given."""
    for col in ("interaction_id", "evaluator"):
        if col not in evaluations.columns:
            raise _invalid(col, "", "missing column")
    ids = pd.Series(evaluations["interaction_id"]).to_numpy(dtype=np.int64)
    names = [str(v) for v in evaluations["evaluator"].tolist()]
    matrix = scorecard._matrix(evaluations)
    rows, per_evaluator, agreement, note, mad, definition = _core.qa_calibration(
        scorecard._card, ids, names, matrix, reference_evaluator, na_policy, bool(auto_fail_zeroes_score))
    agreement = agreement or {}
    return QaCalibration(rows=_frame(rows, "UTC"), evaluators=_frame(per_evaluator, "UTC"),
                         kappa=float(agreement.get("kappa", np.nan)),
                         observed_agreement=float(agreement.get("observed_agreement", np.nan)),
                         expected_agreement=float(agreement.get("expected_agreement", np.nan)),
                         mean_absolute_deviation=float(mad), agreement_note=note, definition=definition)


def fleiss_kappa(counts: Any) -> Dict[str, float]:
    """Fleiss' kappa of a subjects x categories matrix of rater counts (each
    row summing to the same number of raters >= 2): ``kappa``,
    ``observed_agreement`` (P-bar), ``expected_agreement`` (P_e),
    ``subjects``, ``raters``."""
    return dict(_core.fleiss_kappa(np.asarray(counts, dtype=np.int64)))


# Top-level names in ``backoffice`` (bo.qa_score, bo.qa_calibration); the
# short names stay available as backoffice.qa.score / .calibration.
qa_score = score
qa_calibration = calibration


# --- Persistence --------------------------------------------------------------------------------

@dataclass(frozen=True)
class QaEvaluation:
    """A stored evaluation: ``answers`` maps criterion id -> answer code
    (-1 = N/A, 0 = no, 1 = yes, 1..5 ratings), in the order saved;
    ``evaluated_at`` is a UTC Timestamp."""

    id: int
    scorecard_id: int
    interaction_id: int
    agent_id: int
    evaluator: str
    evaluated_at: pd.Timestamp
    answers: Dict[str, int]


def _code_of(value: Any, criterion: str) -> int:
    """One answer as its code: "yes"/"no"/"na", None/NaN (N/A), a bool or 1..5."""
    if value is None or (isinstance(value, (float, np.floating)) and np.isnan(value)):
        return _NA
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer, float, np.floating)) and float(value).is_integer() \
            and -1 <= value <= 5:
        return int(value)
    code = _CODES.get(str(value).strip().lower())
    if code is None:
        raise ValidationError(
            f"validation error: qa_evaluation.answers.{criterion} = '{value}': expected yes, no, na or 1..5",
            code="validation", field=f"qa_evaluation.answers.{criterion}", value=str(value))
    return code


def save_qa_scorecard(store, scorecard: Scorecard) -> None:
    """Stores the scorecard's template (sections, criteria, weights, scales,
    flags), replacing one with the same id. Once evaluations refer to it
    only names and question texts may change (StoreError/ConflictError
    naming ``scorecard.sections`` otherwise: save a new version under a new
    id), so a stored evaluation always re-scores the same."""
    _core.qa_scorecard_save(store._handle, scorecard._card)


def load_qa_scorecard(store, scorecard_id: int) -> Scorecard:
    """The stored scorecard ``scorecard_id`` (NotFoundError naming
    ``qa_scorecard.id`` when absent)."""
    card = Scorecard.__new__(Scorecard)
    card._card = _core.qa_scorecard_load(store._handle, int(scorecard_id))
    card._criteria = card._card.criteria()
    return card


def save_qa_evaluation(store, evaluation: Optional[QaEvaluation] = None, *, id: Optional[int] = None,
                       scorecard_id: Optional[int] = None, interaction_id: Optional[int] = None,
                       agent_id: Optional[int] = None, evaluator: Optional[str] = None,
                       evaluated_at: Optional[InstantLike] = None,
                       answers: Optional[Mapping[str, Any]] = None) -> None:
    """Stores one evaluation (a :class:`QaEvaluation` or the keyword fields),
    replacing one with the same id and all its answers, in one transaction.

    ``answers`` maps criterion id -> ``"yes"``, ``"no"``, ``"na"`` (or
    None/NaN), a bool or a rating 1..5; every criterion of the stored
    scorecard exactly once. The scorecard (:func:`save_qa_scorecard`), the
    interaction and the agent must be in the store. Raises ValidationError
    naming the field (``qa_evaluation.evaluator``,
    ``qa_evaluation.answers[2].answer``, ``qa_evaluation.interaction``, ...);
    nothing is written then."""
    if evaluation is not None:
        id, scorecard_id, interaction_id = evaluation.id, evaluation.scorecard_id, evaluation.interaction_id
        agent_id, evaluator = evaluation.agent_id, evaluation.evaluator
        evaluated_at, answers = evaluation.evaluated_at, evaluation.answers
    for name, value in (("id", id), ("scorecard_id", scorecard_id), ("interaction_id", interaction_id),
                        ("agent_id", agent_id), ("evaluator", evaluator), ("evaluated_at", evaluated_at),
                        ("answers", answers)):
        if value is None:
            raise _invalid(f"qa_evaluation.{name}", "", "required")
    pairs = [(str(k), _code_of(v, str(k))) for k, v in dict(answers).items()]
    _core.qa_evaluation_save(store._handle, int(id), int(scorecard_id), int(interaction_id), int(agent_id),
                             str(evaluator), _to_unix_ms(evaluated_at, "evaluated_at"), pairs)


def load_qa_evaluation(store, evaluation_id: int) -> QaEvaluation:
    """The stored evaluation ``evaluation_id`` (NotFoundError naming
    ``qa_evaluation.id`` when absent)."""
    id_, card, interaction, agent, evaluator, at, answers = _core.qa_evaluation_load(
        store._handle, int(evaluation_id))
    return QaEvaluation(id=id_, scorecard_id=card, interaction_id=interaction, agent_id=agent,
                        evaluator=evaluator, evaluated_at=_from_unix_ms(at),
                        answers={k: int(v) for k, v in answers})


def qa_evaluations(store, *, from_: Optional[InstantLike] = None, to: Optional[InstantLike] = None,
                   agent: Optional[int] = None, scorecard: Optional[int] = None) -> pd.DataFrame:
    """Stored evaluations with ``evaluated_at`` in ``[from_, to)`` (either
    bound may be None), optionally of one agent or scorecard, ordered by
    evaluated_at then id.

    One row per evaluation: ``evaluation_id``, ``scorecard_id``,
    ``interaction_id``, ``agent_id``, ``evaluator``, ``evaluated_at`` (UTC
    Timestamp), then one column per criterion holding the answer code (-1 =
    N/A, 0 = no, 1 = yes, 1..5): in the scorecard's order when ``scorecard``
    is given, else in the order first met. With one scorecard the frame is
    what :func:`qa_report` and :func:`qa_calibration` read; mixing
    scorecards leaves NaN where an evaluation's scorecard lacks a criterion.
    """
    raw = _core.qa_evaluations_query(
        store._handle, None if from_ is None else _to_unix_ms(from_, "from_"),
        None if to is None else _to_unix_ms(to, "to"), None if agent is None else int(agent),
        None if scorecard is None else int(scorecard))
    n = len(raw["evaluation_id"])
    df = pd.DataFrame({
        "evaluation_id": raw["evaluation_id"],
        "scorecard_id": raw["scorecard_id"],
        "interaction_id": raw["interaction_id"],
        "agent_id": raw["agent_id"],
        "evaluator": pd.Series(raw["evaluator"], dtype=object),
        "evaluated_at": pd.to_datetime(raw["evaluated_at_ms"], unit="ms", utc=True),
    })
    criteria = list(raw["criteria"])
    matrix = np.full((n, len(criteria)), np.nan)
    matrix[raw["answer_row"], raw["answer_criterion"]] = raw["answer_code"]
    order = range(len(criteria))
    if scorecard is not None and n > 0:
        ids = load_qa_scorecard(store, scorecard).criterion_ids
        position = {c: i for i, c in enumerate(criteria)}
        order = [position[c] for c in ids if c in position]
    complete = not np.isnan(matrix).any()
    answers = {criteria[j]: (matrix[:, j].astype(np.int8) if complete else matrix[:, j]) for j in order}
    return pd.concat([df, pd.DataFrame(answers, index=df.index)], axis=1)


def qa_report_from_store(store, *, scorecard: int, from_: Optional[InstantLike] = None,
                         to: Optional[InstantLike] = None, tz: str = "UTC", interval: Optional[str] = "week",
                         by_agent: bool = True, na_policy: str = "exclude",
                         auto_fail_zeroes_score: bool = True) -> pd.DataFrame:
    """:func:`qa_report` over the stored evaluations of stored scorecard
    ``scorecard`` with ``evaluated_at`` in ``[from_, to)``, scored with the
    stored template; read as columns and computed in C++ without the GIL.
    Same columns, options and metadata as :func:`qa_report`."""
    bucket = "none" if interval is None else str(interval)
    raw = _core.qa_report_store(
        store._handle, int(scorecard), None if from_ is None else _to_unix_ms(from_, "from_"),
        None if to is None else _to_unix_ms(to, "to"), bool(by_agent), bucket, tz or "UTC", na_policy,
        bool(auto_fail_zeroes_score))
    return _frame(raw, tz)
