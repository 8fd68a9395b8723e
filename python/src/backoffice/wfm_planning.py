"""Workforce planning: interval forecasts and their backtest, the queue
simulator and shift plans (models and formulas: docs/wfm_forecast.md and
docs/wfm_simulation_and_shifts.md).

A series is one value per interval, ``intervals_per_day`` intervals of
``interval_minutes`` each per day, a whole number of days; NaN marks a
missing interval. Day 0 is the first day of the history and the weekly
season counts from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from ._table import table_to_dataframe
from .core import InstantLike, ValidationError, _to_unix_ms

__all__ = [
    "FORECAST_MODELS",
    "forecast",
    "forecast_aht",
    "backtest",
    "simulate_queue",
    "ShiftType",
    "ShiftPlan",
    "plan_shifts",
]

#: Forecast models (docs/wfm_forecast.md): the weekly seasonal naive is the
#: baseline every other model should beat.
FORECAST_MODELS = {
    "seasonal_naive_week": 0,
    "seasonal_naive_day": 1,
    "holt_winters": 2,
    "fourier_regression": 3,
}


def _invalid(field_: str, value, message: str) -> ValidationError:
    return ValidationError(f"invalid argument: {field_} = '{value}': {message}",
                           code="invalid_argument", field=field_, value=str(value))


def _model(name: str, field_: str = "model") -> int:
    if name not in FORECAST_MODELS:
        raise _invalid(field_, name, f"expected one of {', '.join(FORECAST_MODELS)}")
    return FORECAST_MODELS[name]


def _series(values) -> np.ndarray:
    if isinstance(values, pd.Series):
        values = values.to_numpy(dtype=np.float64, na_value=np.nan)
    return np.ascontiguousarray(values, dtype=np.float64)


def _layout(interval_minutes: int, intervals_per_day: Optional[int], days_per_week: int):
    if intervals_per_day is None:
        if 1440 % int(interval_minutes) != 0:
            raise _invalid("interval_minutes", interval_minutes, "give intervals_per_day for a partial day")
        intervals_per_day = 1440 // int(interval_minutes)
    return int(interval_minutes), int(intervals_per_day), int(days_per_week)


def _future_index(history, periods: int, interval_minutes: int, days_per_week: int):
    """The horizon's timestamps when the history is a Series on a regular
    DatetimeIndex covering every day (days_per_week 7); else None."""
    if not isinstance(history, pd.Series) or not isinstance(history.index, pd.DatetimeIndex):
        return None
    if days_per_week != 7 or len(history.index) == 0:
        return None
    step = pd.Timedelta(minutes=interval_minutes)
    return pd.date_range(history.index[-1] + step, periods=periods, freq=step)


def forecast(history, *, horizon_days: int = 7, model: str = "fourier_regression",
             interval_minutes: int = 15, intervals_per_day: Optional[int] = None,
             days_per_week: int = 7, special_days: Sequence[int] = (),
             special_day_multiplier: float = 0.0, intraday_harmonics: int = 10,
             weekly_harmonics: int = -1, trend: bool = True):
    """Forecasts the ``horizon_days`` whole days after ``history``.

    Args:
        history: volumes per interval (array-like or Series; NaN = missing),
            a whole number of days.
        model: ``"seasonal_naive_week"`` (the baseline), ``"seasonal_naive_day"``,
            ``"holt_winters"`` (double-seasonal, fitted with NLopt) or
            ``"fourier_regression"`` (default; log(y+1) on trend and Fourier
            terms, solved with Eigen).
        interval_minutes, intervals_per_day (default 1440 / interval_minutes),
            days_per_week (5 for a weekday-only series): the layout.
        special_days: day indexes (0 = first history day) that are holidays:
            left out of fitting; in the horizon the forecast is multiplied by
            ``special_day_multiplier`` (0 = closed).
        intraday_harmonics, weekly_harmonics (-1 = one per weekday), trend:
            Fourier regression terms (trend also for Holt-Winters).

    Returns:
        horizon_days * intervals_per_day values as a numpy array, or a Series
        continuing the history's DatetimeIndex when it has one (every day).
        NaN where the model has nothing to go on.

    Raises:
        ValidationError: naming the field (``history.size`` when too short).
    """
    minutes, per_day, per_week = _layout(interval_minutes, intervals_per_day, days_per_week)
    values = _core.forecast(_series(history), minutes, per_day, per_week, int(horizon_days),
                            _model(model), [int(d) for d in special_days], float(special_day_multiplier),
                            int(intraday_harmonics), int(weekly_harmonics), bool(trend))
    index = _future_index(history, len(values), minutes, per_week)
    return values if index is None else pd.Series(values, index=index, name="forecast")


def forecast_aht(aht_s, volume, *, horizon_days: int = 7, model: str = "fourier_regression",
                 interval_minutes: int = 15, intervals_per_day: Optional[int] = None,
                 days_per_week: int = 7, special_days: Sequence[int] = (),
                 special_day_multiplier: float = 0.0, intraday_harmonics: int = 10,
                 weekly_harmonics: int = -1, trend: bool = True):
    """Forecasts AHT (seconds) per interval from ``aht_s`` and the matching
    ``volume``: intervals without contacts have no AHT, and the Fourier
    regression weights each interval by its volume. Arguments and result as
    :func:`forecast`."""
    minutes, per_day, per_week = _layout(interval_minutes, intervals_per_day, days_per_week)
    aht, vol = _series(aht_s), _series(volume)
    if aht.shape != vol.shape:
        raise _invalid("volume", f"{vol.size} values", f"expected {aht.size}, as many as aht_s")
    values = _core.forecast_aht(aht, vol, minutes, per_day, per_week, int(horizon_days), _model(model),
                                [int(d) for d in special_days], float(special_day_multiplier),
                                int(intraday_harmonics), int(weekly_harmonics), bool(trend))
    index = _future_index(aht_s, len(values), minutes, per_week)
    return values if index is None else pd.Series(values, index=index, name="aht_s")


def backtest(history, *, models: Sequence[str] = ("seasonal_naive_week", "fourier_regression"),
             first_origin_day: int = 14, origin_step_days: int = 7, horizon_days: int = 7,
             interval_minutes: int = 15, intervals_per_day: Optional[int] = None,
             days_per_week: int = 7, special_days: Sequence[int] = (),
             intraday_harmonics: int = 10, weekly_harmonics: int = -1,
             trend: bool = True) -> pd.DataFrame:
    """Rolling-origin evaluation: each model forecasts ``horizon_days`` from
    origins ``first_origin_day``, + ``origin_step_days``, ... using only the
    days before the origin.

    Returns:
        One row per model: ``model``, ``mase`` (mean over origins of MAE /
        in-sample MAE of the weekly seasonal naive; < 1 beats the baseline's
        in-sample error), ``smape`` (percent, 0..200), ``mae``, ``origins``,
        ``points`` (scored intervals).
    """
    minutes, per_day, per_week = _layout(interval_minutes, intervals_per_day, days_per_week)
    specs = [(_model(m, "models"), int(intraday_harmonics), int(weekly_harmonics), bool(trend))
             for m in models]
    table = _core.backtest(_series(history), minutes, per_day, per_week, specs,
                           [int(x) for x in special_days], int(first_origin_day), int(origin_step_days),
                           int(horizon_days))
    df = table_to_dataframe(table)
    df.attrs.update(dict(table.metadata))
    return df


_HANDLE_TIMES = {"exponential": 0, "lognormal": 1}


def simulate_queue(calls_per_interval, agents, *, interval_s: int = 900, aht_s: float = 180,
                   handle_time: str = "exponential", handle_time_cv: float = 1.0,
                   mean_patience_s: Optional[float] = None, answer_time_s: float = 20,
                   seed: int = 1, start: Optional[InstantLike] = None, queue_id: int = 1,
                   contacts: bool = False):
    """Simulates one first-come-first-served queue: Poisson arrivals at
    ``calls_per_interval[i]`` per interval, ``agents[i]`` agents, handle
    times with mean ``aht_s`` (exponential, or lognormal with
    ``handle_time_cv``), exponential patience with mean ``mean_patience_s``
    (None: callers never abandon). Seeded and deterministic.

    Returns:
        A DataFrame with one row per interval: ``interval_start`` (UTC, from
        ``start``, default the Unix epoch), ``offered``, ``answered``,
        ``abandoned``, ``unserved``, ``delayed``, ``answered_within``
        (answered with wait <= answer_time_s), ``total_wait_s``,
        ``total_abandon_wait_s``; calls count in the interval of their
        arrival. With ``contacts=True``, a pair (intervals, interactions) where
        interactions is a DataFrame of every simulated contact in the shape
        :func:`backoffice.kpi_report` and ``Store.ingest`` read.
    """
    if handle_time not in _HANDLE_TIMES:
        raise _invalid("handle_time", handle_time, "expected exponential or lognormal")
    if int(interval_s) != interval_s:
        raise _invalid("interval_s", interval_s, "must be a whole number of seconds")
    start_ms = 0 if start is None else _to_unix_ms(start, "start")
    patience = 0 if mean_patience_s is None else 1
    intervals, table = _core.simulate_queue(
        np.ascontiguousarray(calls_per_interval, dtype=np.float64),
        np.ascontiguousarray(agents, dtype=np.int32), int(interval_s), int(round(aht_s * 1000)),
        _HANDLE_TIMES[handle_time], float(handle_time_cv), patience,
        int(round((mean_patience_s or 0) * 1000)), int(round(answer_time_s * 1000)), int(seed), start_ms,
        int(queue_id), bool(contacts))
    intervals = table_to_dataframe(intervals)
    if not contacts:
        return intervals
    return intervals, table_to_dataframe(table)


@dataclass(frozen=True)
class ShiftType:
    """One kind of shift, counted in intervals from the start of the horizon.

    Attributes:
        name: label in the plan.
        starts: allowed start intervals.
        length: intervals including the break.
        break_length: intervals of break (0 = none).
        break_earliest, break_latest: the break starts this many intervals
            after the shift start (the planner chooses within the range).
        paid_break: whether the break is paid time.
    """

    name: str
    starts: Sequence[int]
    length: int
    break_length: int = 0
    break_earliest: int = 0
    break_latest: int = 0
    paid_break: bool = False


@dataclass(frozen=True)
class ShiftPlan:
    """A plan: ``assignments`` (shift, shift_index, start, break_offset,
    agents), ``coverage`` per interval (required, scheduled, under, over),
    ``paid_hours``, ``optimal`` (False when the time limit stopped CBC) and
    the solver's ``lower_bound_hours``."""

    assignments: pd.DataFrame
    coverage: pd.DataFrame
    paid_hours: float
    optimal: bool
    lower_bound_hours: float
    patterns: int = field(default=0)


def plan_shifts(required, shift_types: Iterable[ShiftType], *, interval_s: int = 900,
                cyclic: bool = True, time_limit_s: int = 0,
                under_staffing_cost_hours: float = 0.0) -> ShiftPlan:
    """How many agents work each shift so that those on duty cover
    ``required`` (agents per interval) with the fewest paid hours: an integer
    program solved with COIN-OR CBC.

    Args:
        required: agents needed per interval (e.g. the scheduled curve of
            :func:`backoffice.staffing_curve`).
        shift_types: the allowed shifts.
        cyclic: a shift running past the end wraps to the start (a repeating week).
        time_limit_s: stop CBC after this long (0 = no limit).
        under_staffing_cost_hours: 0 makes coverage a hard constraint; > 0
            allows gaps at this cost per missing agent-interval.

    Raises:
        ValidationError: naming the field, e.g. ``shift_types[1].length_intervals``
            or ``required[5]`` when no shift covers a needed interval.
    """
    specs = [(s.name, [int(x) for x in s.starts], int(s.length), int(s.break_length),
              int(s.break_earliest), int(s.break_latest), bool(s.paid_break)) for s in shift_types]
    req = [int(x) for x in np.asarray(required).ravel()]
    d = _core.plan_shifts(req, specs, int(interval_s), bool(cyclic), int(time_limit_s),
                          float(under_staffing_cost_hours))
    assignments = table_to_dataframe(d["assignments"])
    coverage = table_to_dataframe(d["coverage"]).set_index("interval")
    return ShiftPlan(assignments=assignments, coverage=coverage, paid_hours=d["paid_hours"],
                     optimal=d["optimal"], lower_bound_hours=d["lower_bound_hours"],
                     patterns=d["patterns"])
