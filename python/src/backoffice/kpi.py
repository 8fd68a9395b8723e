"""Contact-centre KPIs: service level, abandon rate, ASA, AHT, transfer
rate, CSAT, NPS and first-contact resolution per queue, agent, team, channel,
direction or reason, and per time interval (docs/kpi.md gives each formula).

Every ratio comes with its numerator and denominator (``service_level``,
``service_level_num``, ``service_level_den``), so rows can be re-aggregated
by adding ``_num`` and ``_den``; the definition used is in ``df.attrs``.
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence, Union

import pandas as pd

from . import _core
from ._table import BOOL as _BOOL
from ._table import INSTANT as _INSTANT
from ._table import INT64 as _INT64
from ._table import STRING as _STRING
from ._table import series_to_column, table_to_dataframe
from .core import InstantLike, ValidationError, _to_unix_ms

__all__ = ["kpi_report", "work_item_report", "agent_time_report", "SERVICE_LEVEL_DEFINITIONS", "DIMENSIONS",
           "INTERVALS", "WORK_DIMENSIONS", "WORK_ITEM_COLUMNS", "AGENT_STATE_COLUMNS"]

#: Accepted ``service_level`` variants (docs/kpi.md), T = answer target:
#: exclude_short_abandons: answered within T / (offered - short abandons);
#: abandons_within_target_met: (answered + abandoned within T) / offered;
#: answered_only: answered within T / answered;
#: all_offered: answered within T / offered.
SERVICE_LEVEL_DEFINITIONS = ("exclude_short_abandons", "abandons_within_target_met", "answered_only",
                             "all_offered")
#: Accepted ``by`` names.
DIMENSIONS = ("queue", "agent", "team", "channel", "direction", "reason")
#: Accepted ``interval`` names (None = no time bucket).
INTERVALS = ("15min", "30min", "60min", "day", "week", "month")

# Interaction columns the engine reads (the id and disposition are not used,
# so they are not converted).
_REPORT_COLUMNS = ("channel", "direction", "queue_id", "customer_id", "agent_id", "offered_at",
                   "answered_at", "ended_at", "talk_time", "hold_time", "wrap_up_time", "transferred",
                   "resolved", "csat", "nps", "reason")


def _dimensions(by: Union[None, str, Sequence[str]]) -> str:
    if by is None:
        return ""
    names = [by] if isinstance(by, str) else list(by)
    for n in names:
        if n not in DIMENSIONS:
            raise ValidationError(
                f"invalid argument: by = '{n}': expected any of {', '.join(DIMENSIONS)}",
                code="invalid_argument", field="by", value=str(n))
    return ",".join(names)


def _interval(interval: Optional[str]) -> str:
    if interval is None or interval == "none":
        return ""
    if interval not in INTERVALS:
        raise ValidationError(
            f"invalid argument: interval = '{interval}': expected None or one of {', '.join(INTERVALS)}",
            code="invalid_argument", field="interval", value=str(interval))
    return interval


def _options(service_level: str, answer_target_s: int, short_abandon_s: int,
             abandon_rate_excludes_short: bool, fcr_window_days: float, fcr_match_reason: bool,
             csat_top_box_min: int, fcr_as_of: Optional[InstantLike]) -> tuple:
    window_s = fcr_window_days * 86400
    if not window_s > 0 or window_s != int(window_s):
        raise ValidationError(
            f"invalid argument: fcr_window_days = '{fcr_window_days}': expected > 0 (whole seconds)",
            code="invalid_argument", field="fcr_window_days", value=str(fcr_window_days))
    return (service_level, int(answer_target_s), int(short_abandon_s), bool(abandon_rate_excludes_short),
            int(window_s), bool(fcr_match_reason), int(csat_top_box_min),
            None if fcr_as_of is None else _to_unix_ms(fcr_as_of, "fcr_as_of"))


def _frame(raw, tz: str) -> pd.DataFrame:
    table, metadata = raw
    df = table_to_dataframe(table)
    if "interval_start_utc_ms" in df.columns:
        # The local label becomes a tz-aware timestamp in the report's zone:
        # the same instant, sortable, and exact on DST days.
        starts = df.pop("interval_start_utc_ms").dt.tz_convert(tz or "UTC")
        df["interval_start"] = starts
    df.attrs.update(dict(metadata))
    return df


def _interaction_columns(data: Union[pd.DataFrame, Mapping[str, object]]) -> tuple:
    from .store import INTERACTION_COLUMNS

    if isinstance(data, pd.DataFrame):
        keys = [str(k) for k in data.columns]
        rows = len(data)
    else:
        keys = [str(k) for k in data.keys()]
        rows = len(next(iter(data.values()))) if keys else 0
    columns = []
    for name in _REPORT_COLUMNS:
        if name not in keys:
            continue
        values = data[name]
        if len(values) != rows:
            raise ValidationError(
                f"invalid argument: {name} = '{len(values)} values': expected {rows}",
                code="invalid_argument", field=name, value=f"{len(values)} values")
        columns.append(series_to_column(name, INTERACTION_COLUMNS[name], values))
    return rows, columns


def kpi_report(interactions: Union[pd.DataFrame, Mapping[str, object]], *,
               by: Union[None, str, Sequence[str]] = None, interval: Optional[str] = None,
               tz: str = "UTC", service_level: str = "exclude_short_abandons",
               answer_target_s: int = 20, short_abandon_s: int = 5,
               abandon_rate_excludes_short: bool = True, fcr_window_days: float = 7,
               fcr_match_reason: bool = False, csat_top_box_min: int = 4,
               fcr_as_of: Optional[InstantLike] = None) -> pd.DataFrame:
    """Contact KPIs of interactions given as a DataFrame (or dict of arrays).

    ``interactions`` has the interaction columns of ``bo.INTERACTION_COLUMNS``
    (``queue_id``, ``offered_at`` and ``ended_at`` required; ``answered_at``
    NaT = abandoned; other columns optional; unknown columns are ignored).
    A contact counts in the interval of its **offered** time. No Python code
    runs per row and the report runs without the GIL.

    Args:
        by: group by any of ``"queue"``, ``"agent"``, ``"team"`` (no team
            map here: use ``Store.kpi_report``), ``"channel"``,
            ``"direction"``, ``"reason"`` (a name or a list, in order).
        interval: ``"15min"``, ``"30min"``, ``"60min"``, ``"day"``,
            ``"week"`` (from Monday), ``"month"``, or None (one row per group).
        tz: IANA zone whose wall clock cuts the intervals (DST days have 92
            or 100 quarter-hours); ``interval_start`` is returned in it.
        service_level: definition, T = answer target, "within" = wait <= T:
            ``"exclude_short_abandons"`` (default) answered within T /
            (offered - short abandons); ``"abandons_within_target_met"``
            (answered + abandoned within T) / offered; ``"answered_only"``
            answered within T / answered; ``"all_offered"`` answered within
            T / offered.
        answer_target_s: T, seconds (default 20).
        short_abandon_s: an abandon with wait < this many seconds is short
            (default 5).
        abandon_rate_excludes_short: abandon_rate = (abandoned - short) /
            (offered - short) when True (default), else abandoned / offered.
        fcr_window_days: repeat-contact window for first-contact resolution,
            days (default 7): an answered contact from a known customer is
            resolved when the customer does not contact again within it.
        fcr_match_reason: a repeat must have the same ``reason``.
        csat_top_box_min: ``csat_top2`` counts scores >= this (1..5; default 4).
        fcr_as_of: contacts whose window is still open at this instant are
            ``fcr_pending`` (default: the last offered time in the data).

    Returns:
        One row per group, ordered by key: ``queue_id``/``agent_id``/
        ``team_id`` (Int64, NA = no agent/team) or ``channel``/``direction``/
        ``reason`` (string); ``interval_start`` (datetime64[ms, tz]) when
        bucketed; counts ``offered``, ``answered``, ``abandoned``,
        ``short_abandoned``; ratios ``service_level``, ``abandon_rate``,
        ``transfer_rate``, ``csat_top2``, ``fcr``, ``fcr_survey`` (0..1),
        ``asa_s``, ``aht_s``, ``avg_talk_s``, ``avg_hold_s``, ``avg_wrap_s``
        (seconds), ``csat_mean`` (1..5), ``nps`` (-100..100), each with
        ``<name>_num`` and ``<name>_den`` (durations in ms) and NaN when the
        denominator is 0; ``fcr_pending``. ``df.attrs`` holds
        ``definition`` (variant and parameters), ``group_by``,
        ``interval_attribution`` and ``time_zone``.

    Raises:
        ValidationError: a bad argument or column, naming it.
        ParseError, NotFoundError: unknown channel text / time zone.
    """
    dims, bucket = _dimensions(by), _interval(interval)
    options = _options(service_level, answer_target_s, short_abandon_s, abandon_rate_excludes_short,
                       fcr_window_days, fcr_match_reason, csat_top_box_min, fcr_as_of)
    rows, columns = _interaction_columns(interactions)
    return _frame(_core.contact_report(rows, columns, dims, bucket, tz, *options), tz)


def _store_kpi_report(handle, start, end, by, interval, tz, service_level, answer_target_s,
                      short_abandon_s, abandon_rate_excludes_short, fcr_window_days, fcr_match_reason,
                      csat_top_box_min, fcr_as_of) -> pd.DataFrame:
    dims, bucket = _dimensions(by), _interval(interval)
    options = _options(service_level, answer_target_s, short_abandon_s, abandon_rate_excludes_short,
                       fcr_window_days, fcr_match_reason, csat_top_box_min, fcr_as_of)
    raw = handle.contact_report(None if start is None else _to_unix_ms(start, "start"),
                                None if end is None else _to_unix_ms(end, "end"), dims, bucket, tz, *options)
    return _frame(raw, tz)


def _bench_engine_ms(interactions, *, by=None, interval=None, tz="UTC", repeat=3) -> list:
    """Private, for benchmarks/python/kpi_overhead.py: wall times (ms) of the
    C++ engine alone (contact_report + to_table) on columns converted
    beforehand, with default options."""
    rows, columns = _interaction_columns(interactions)
    return list(_core._bench_contact_report_ms(rows, columns, _dimensions(by), _interval(interval), tz,
                                               int(repeat)))


#: Work-item columns and their table types (docs/capi.md, "Work-item columns").
WORK_ITEM_COLUMNS = {
    "id": _INT64, "kind": _STRING, "queue_id": _INT64, "assignee_id": _INT64,
    "received_at": _INSTANT, "started_at": _INSTANT, "completed_at": _INSTANT,
    "audited": _BOOL, "audit_correct": _BOOL, "outcome": _STRING,
}
#: Agent-state columns and their table types.
AGENT_STATE_COLUMNS = {"agent_id": _INT64, "state": _STRING, "start_at": _INSTANT, "end_at": _INSTANT}
#: Accepted ``by`` names of work_item_report.
WORK_DIMENSIONS = ("queue", "assignee", "kind")


def _columns_of(data, known: Mapping[str, int], what: str) -> tuple:
    """(rows, [(name, type, values, valid), ...]) of a DataFrame or mapping,
    rejecting names outside ``known``."""
    keys = [str(k) for k in (data.columns if isinstance(data, pd.DataFrame) else data.keys())]
    rows = len(data) if isinstance(data, pd.DataFrame) else (len(next(iter(data.values()))) if keys else 0)
    columns = []
    for name in keys:
        if name not in known:
            raise ValidationError(
                f"invalid argument: columns = '{name}': not {what} (expected any of {', '.join(known)})",
                code="invalid_argument", field="columns", value=name)
        values = data[name]
        if len(values) != rows:
            raise ValidationError(
                f"invalid argument: {name} = '{len(values)} values': expected {rows}",
                code="invalid_argument", field=name, value=f"{len(values)} values")
        columns.append(series_to_column(name, known[name], values))
    return rows, columns


def work_item_report(work_items: Union[pd.DataFrame, Mapping[str, object]], *,
                     by: Union[None, str, Sequence[str]] = None, interval: Optional[str] = None,
                     tz: str = "UTC", tat_target=pd.Timedelta(hours=24),
                     calendar=None) -> pd.DataFrame:
    """Turnaround time (TAT = completed - received) and accuracy of work items
    (claims, invoices, data entry) per group and interval.

    Args:
        work_items: DataFrame (or dict of columns) with ``queue_id`` and
            ``received_at`` (datetime or Unix ms) and optionally ``kind``
            (claim, invoice, refund, data_entry, other), ``assignee_id``,
            ``started_at``, ``completed_at`` (NaT = open), ``audit_correct``
            (bool, NA = not audited), ``audited``, ``outcome``, ``id``.
        by: any of ``"queue"``, ``"assignee"``, ``"kind"``.
        interval: as :func:`kpi_report`; a completed item counts in the
            interval of its completion, an open one in that of its receipt.
        tz: IANA zone cutting the intervals.
        tat_target: an item is within target when TAT <= this (Timedelta or
            seconds; default 24 h).
        calendar: a :class:`BusinessCalendar`; when given, TAT is also
            measured in business time (``btat_*`` columns, same target).

    Returns:
        One row per group: ``completed``, ``open``, ``tat_mean_s`` (+ _num in
        ms, _den), ``tat_p50_s``, ``tat_p90_s`` (exact, nearest rank),
        ``tat_within_target`` (+ _num, _den), ``accuracy_rate`` = audited
        correct / audited (+ _num, _den), and the ``btat_*`` columns with a
        calendar; ``df.attrs["definition"]`` states the definitions.
    """
    names = [by] if isinstance(by, str) else list(by or [])
    for n in names:
        if n not in WORK_DIMENSIONS:
            raise ValidationError(
                f"invalid argument: by = '{n}': expected any of {', '.join(WORK_DIMENSIONS)}",
                code="invalid_argument", field="by", value=str(n))
    target = pd.Timedelta(tat_target) if not isinstance(tat_target, (int, float)) else pd.Timedelta(
        seconds=tat_target)
    rows, columns = _columns_of(work_items, WORK_ITEM_COLUMNS, "a work-item column")
    raw = _core.work_item_report(rows, columns, ",".join(names), _interval(interval), tz,
                                 int(target / pd.Timedelta(milliseconds=1)),
                                 None if calendar is None else calendar._cal)
    return _frame(raw, tz)


def agent_time_report(agent_states: Union[pd.DataFrame, Mapping[str, object]], *,
                      work_items: Union[None, pd.DataFrame, Mapping[str, object]] = None,
                      teams: Optional[Mapping[int, int]] = None, interval: Optional[str] = None,
                      tz: str = "UTC") -> pd.DataFrame:
    """Time in each agent state, occupancy and utilisation per agent (or
    team) and interval.

    Args:
        agent_states: ``agent_id``, ``state`` (available, on_contact,
            wrap_up, break, training, offline), ``start_at``, ``end_at``
            ([start, end)). An interval crossing a bucket boundary is split.
        work_items: optional, columns as :func:`work_item_report`: adds
            ``productivity_per_hour`` = items completed by the agent in the
            interval / productive hours.
        teams: {agent_id: team_id}: group by team instead of agent (agents
            not listed: no team).
        interval, tz: as :func:`kpi_report`.

    Returns:
        ``agent_id`` or ``team_id``, [``interval_start``], ``<state>_ms`` per
        state, ``occupancy`` = (on_contact + wrap_up) / (available +
        on_contact + wrap_up), ``utilisation`` = (on_contact + wrap_up) /
        logged-in time (all states but offline), each with _num and _den in
        ms, and ``productivity_per_hour`` with work items.
    """
    rows, columns = _columns_of(agent_states, AGENT_STATE_COLUMNS, "an agent-state column")
    item_rows, item_columns = None, []
    if work_items is not None:
        item_rows, item_columns = _columns_of(work_items, WORK_ITEM_COLUMNS, "a work-item column")
    team_map = {int(k): int(v) for k, v in (teams or {}).items()}
    raw = _core.agent_time_report(rows, columns, item_rows, item_columns, teams is not None, team_map,
                                  _interval(interval), tz)
    return _frame(raw, tz)
