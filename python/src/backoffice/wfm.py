"""Workforce management: Erlang B, C and A, and staffing requirements.

All formulas assume Poisson arrivals, exponential handle times and a steady
state within the interval (definitions and accuracy in docs/wfm.md). Load
arguments: ``calls_per_interval`` contacts offered in an interval of
``interval_s`` seconds with mean handle time ``aht_s`` seconds; the offered
load is A = calls_per_interval * aht_s / interval_s Erlangs. Seconds are
rounded to whole milliseconds (intervals to whole seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from . import _core
from .core import ValidationError

__all__ = [
    "erlang_b",
    "erlang_c",
    "ErlangCMetrics",
    "erlang_c_metrics",
    "ErlangAMetrics",
    "erlang_a_metrics",
    "StaffingResult",
    "required_agents",
    "staffing_curve",
]

_OBJECTIVES = {"service_level": 0, "asa": 1, "abandon_rate": 2}
_MODELS = {"erlang_c": 0, "erlang_a": 1}


def _ms(seconds: float) -> int:
    return int(round(float(seconds) * 1000.0))


def _whole_seconds(seconds: float, field: str) -> int:
    s = float(seconds)
    if s != int(s):
        raise ValidationError(
            f"invalid argument: {field} = '{seconds}': must be a whole number of seconds",
            code="invalid_argument", field=field, value=str(seconds))
    return int(s)


def _choice(table: dict, value: str, field: str) -> int:
    if value not in table:
        raise ValidationError(
            f"invalid argument: {field} = '{value}': expected one of {', '.join(table)}",
            code="invalid_argument", field=field, value=str(value))
    return table[value]


def erlang_b(offered_erlangs: float, agents: int) -> float:
    """Erlang B: probability that a call finds all ``agents`` busy and is
    lost (no queue). B(A, 0) = 1. Raises ValidationError naming the field."""
    return _core.erlang_b(float(offered_erlangs), int(agents))


def erlang_c(offered_erlangs: float, agents: int) -> float:
    """Erlang C: probability that a call waits (M/M/N, infinite patience);
    1.0 when agents <= offered_erlangs (unstable queue)."""
    return _core.erlang_c(float(offered_erlangs), int(agents))


@dataclass(frozen=True)
class ErlangCMetrics:
    """Erlang C measures of one interval.

    Attributes:
        offered_erlangs: A = lambda * AHT.
        agents: N on the phones.
        probability_wait: P(wait > 0), the Erlang C formula.
        service_level: P(wait <= answer time), fraction of offered calls.
        asa_s: average speed of answer in seconds (mean wait of all calls).
        occupancy: A / N.
    """

    offered_erlangs: float
    agents: int
    probability_wait: float
    service_level: float
    asa_s: float
    occupancy: float


def erlang_c_metrics(calls_per_interval: float, aht_s: float, agents: int, *,
                     interval_s: float = 900, answer_time_s: float = 20) -> ErlangCMetrics:
    """Erlang C measures for ``agents`` agents and answer-time target
    ``answer_time_s`` seconds. Raises ValidationError when the inputs are out
    of range or agents <= A (field ``agents``: the queue is unstable)."""
    d = _core.erlang_c_metrics(float(calls_per_interval), _whole_seconds(interval_s, "interval_s"),
                               _ms(aht_s), int(agents), _ms(answer_time_s))
    return ErlangCMetrics(**d)


@dataclass(frozen=True)
class ErlangAMetrics:
    """Erlang A (M/M/N+M) measures of one interval.

    Attributes:
        offered_erlangs: A. agents: N.
        probability_wait: P(an arriving call queues).
        probability_abandon: fraction of offered calls that abandon.
        service_level: answered within the target over all offered calls.
        asa_s: mean wait of answered calls, seconds.
        occupancy: carried load over agents.
    """

    offered_erlangs: float
    agents: int
    probability_wait: float
    probability_abandon: float
    service_level: float
    asa_s: float
    occupancy: float


def erlang_a_metrics(calls_per_interval: float, aht_s: float, agents: int, *,
                     mean_patience_s: float, interval_s: float = 900,
                     answer_time_s: float = 20) -> ErlangAMetrics:
    """Erlang A measures: callers abandon after an exponential patience with
    mean ``mean_patience_s`` seconds. Stable for any N >= 1."""
    d = _core.erlang_a_metrics(float(calls_per_interval), _whole_seconds(interval_s, "interval_s"),
                               _ms(aht_s), int(agents), _ms(answer_time_s), _ms(mean_patience_s))
    return ErlangAMetrics(**d)


@dataclass(frozen=True)
class StaffingResult:
    """The fewest agents meeting a target, with the measures they achieve.

    Attributes:
        required_agents: agents on the phones (net requirement).
        scheduled_agents: ceil(required / (1 - shrinkage)).
        offered_erlangs, service_level, asa_s (seconds),
        probability_abandon (0 for Erlang C), occupancy: at required_agents.
    """

    required_agents: int
    scheduled_agents: int
    offered_erlangs: float
    service_level: float
    asa_s: float
    probability_abandon: float
    occupancy: float


def _target_args(objective, model, service_level, answer_time_s, max_asa_s, max_abandon_rate,
                 max_occupancy, mean_patience_s):
    return (_choice(_OBJECTIVES, objective, "objective"), _choice(_MODELS, model, "model"),
            float(service_level), _ms(answer_time_s), _ms(max_asa_s or 0),
            float(max_abandon_rate or 0.0), float(max_occupancy), _ms(mean_patience_s or 0))


def required_agents(calls_per_interval: float, aht_s: float, *, interval_s: float = 900,
                    objective: str = "service_level", model: str = "erlang_c",
                    service_level: float = 0.80, answer_time_s: float = 20,
                    max_asa_s: Optional[float] = None, max_abandon_rate: Optional[float] = None,
                    max_occupancy: float = 1.0, mean_patience_s: Optional[float] = None,
                    shrinkage: float = 0.0) -> StaffingResult:
    """The fewest agents meeting a target, and the scheduled headcount.

    Args:
        objective: ``"service_level"`` (>= service_level within
            answer_time_s), ``"asa"`` (ASA <= max_asa_s) or
            ``"abandon_rate"`` (<= max_abandon_rate, Erlang A only).
        model: ``"erlang_c"`` or ``"erlang_a"`` (needs mean_patience_s).
        max_occupancy: cap on A / N, in (0, 1].
        shrinkage: fraction of paid time off the phones, in [0, 1).

    Raises:
        ValidationError: naming the field out of range or an unreachable target.
    """
    d = _core.required_agents(float(calls_per_interval), _whole_seconds(interval_s, "interval_s"),
                              _ms(aht_s),
                              *_target_args(objective, model, service_level, answer_time_s, max_asa_s,
                                            max_abandon_rate, max_occupancy, mean_patience_s),
                              float(shrinkage))
    return StaffingResult(**d)


def staffing_curve(calls_per_interval, aht_s, *, interval_s: float = 900,
                   objective: str = "service_level", model: str = "erlang_c",
                   service_level: float = 0.80, answer_time_s: float = 20,
                   max_asa_s: Optional[float] = None, max_abandon_rate: Optional[float] = None,
                   max_occupancy: float = 1.0, mean_patience_s: Optional[float] = None,
                   shrinkage: float = 0.0) -> Tuple[np.ndarray, np.ndarray]:
    """Required and scheduled agents (int32 arrays) for every interval of a
    forecast: ``calls_per_interval`` and ``aht_s`` (seconds) are array-likes
    of the same length. Runs without the GIL. Arguments as
    :func:`required_agents`; errors name the interval, e.g.
    ``calls_per_interval[17]``."""
    calls = np.ascontiguousarray(calls_per_interval, dtype=np.float64)
    aht = np.ascontiguousarray(aht_s, dtype=np.float64)
    return _core.staffing_curve(calls, aht, _whole_seconds(interval_s, "interval_s"),
                                *_target_args(objective, model, service_level, answer_time_s,
                                              max_asa_s, max_abandon_rate, max_occupancy,
                                              mean_patience_s),
                                float(shrinkage))
