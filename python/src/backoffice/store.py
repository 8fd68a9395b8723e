"""The SQLite store: open a file or memory, add queues and agents, ingest
interactions from DataFrames, read them back as DataFrames, import CSV.

Interaction columns (the same names in and out; docs/python.md):

=============  ======================  ==========================================
column         dtype out               meaning
=============  ======================  ==========================================
id             int64                   interaction id (in: 0/absent = next free)
channel        string                  voice, chat, email, back_office
direction      string                  inbound, outbound
queue_id       int64                   required
customer_id    Int64 (nullable)        null: caller not identified
agent_id       Int64 (nullable)        null: never reached an agent
offered_at     datetime64[ms, UTC]     required; entered the queue
answered_at    datetime64[ms, UTC]     NaT: not answered (abandon)
ended_at       datetime64[ms, UTC]     required
talk_time      timedelta64[ms]         in: timedelta or integer ms
hold_time      timedelta64[ms]
wrap_up_time   timedelta64[ms]         after-contact work
transferred    bool
resolved       boolean (nullable)      null: not known
csat           Int64 (nullable)        1..5
nps            Int64 (nullable)        0..10
reason         string                  contact reason code
disposition    string                  how it was closed
=============  ======================  ==========================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._table import BOOL, DURATION, INSTANT, INT64, STRING, series_to_column, table_to_dataframe
from .core import InstantLike, ValidationError, _to_unix_ms

__all__ = ["Store", "IngestReport", "INTERACTION_COLUMNS"]

#: Interaction column names and their table types (see the module doc).
INTERACTION_COLUMNS: dict = {
    "id": INT64,
    "channel": STRING,
    "direction": STRING,
    "queue_id": INT64,
    "customer_id": INT64,
    "agent_id": INT64,
    "offered_at": INSTANT,
    "answered_at": INSTANT,
    "ended_at": INSTANT,
    "talk_time": DURATION,
    "hold_time": DURATION,
    "wrap_up_time": DURATION,
    "transferred": BOOL,
    "resolved": BOOL,
    "csat": INT64,
    "nps": INT64,
    "reason": STRING,
    "disposition": STRING,
}

_MODES = {"all_or_nothing": 0, "accept_valid": 1}


@dataclass
class IngestReport:
    """What a bulk ingest or CSV import did.

    Attributes:
        rows_read: rows given (CSV: data records read).
        rows_written: rows stored.
        errors: one row per rejected input row, columns ``row`` (0-based
            position in the batch; for CSV the record number with the header
            as 1), ``field``, ``value``, ``reason``.
    """

    rows_read: int
    rows_written: int
    errors: pd.DataFrame = field(repr=False)

    @property
    def ok(self) -> bool:
        """True when no row was rejected."""
        return len(self.errors) == 0


def _mode(mode: str) -> int:
    if mode not in _MODES:
        raise ValidationError(
            f"invalid argument: mode = '{mode}': expected 'all_or_nothing' or 'accept_valid'",
            code="invalid_argument", field="mode", value=str(mode))
    return _MODES[mode]


def _report(raw, raise_on_errors: bool) -> IngestReport:
    rows_read, rows_written, table = raw
    report = IngestReport(int(rows_read), int(rows_written), table_to_dataframe(table))
    if raise_on_errors and not report.ok:
        first = report.errors.iloc[0]
        raise ValidationError(
            f"validation error: {len(report.errors)} of {rows_read} rows rejected, nothing written; "
            f"first: row {first['row']}: {first['field']} = '{first['value']}': {first['reason']}",
            code="validation", field=str(first["field"]), value=str(first["value"]))
    return report


class Store:
    """An embedded SQLite store (one file, or memory).

    Use it as a context manager so that it is closed on exit::

        with bo.Store.open("centre.db") as store:
            store.ingest_interactions(df)

    A Store is one SQLite connection: use it from one thread at a time (open
    one Store per thread on the same file for concurrency).
    """

    def __init__(self, _handle):
        """Private: use :meth:`open` or :meth:`in_memory`."""
        self._handle = _handle

    @classmethod
    def open(cls, path: Union[str, os.PathLike], *, read_only: bool = False,
             busy_timeout_ms: int = 5000, durable_commits: bool = False) -> "Store":
        """Opens or creates the store file at ``path`` and migrates its schema.

        Args:
            read_only: open an existing file for reading only.
            busy_timeout_ms: how long a write waits for another writer, ms.
            durable_commits: synchronous=FULL (survives power loss, slower).

        Raises:
            StoreError: naming the path (cannot open, not a database, newer schema).
        """
        return cls(_core.Store.open(os.fspath(path), read_only, busy_timeout_ms, durable_commits))

    @classmethod
    def in_memory(cls) -> "Store":
        """A private in-memory store, gone when closed."""
        return cls(_core.Store.open_in_memory())

    def close(self) -> None:
        """Closes the store; later calls raise StoreError. Closing twice is fine."""
        self._handle.close()

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._handle.closed

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version (PRAGMA user_version) of the open file."""
        return self._handle.schema_version

    def count(self, table: str) -> int:
        """Rows in one table: ``"queues"``, ``"agents"``, ``"customers"``,
        ``"interactions"``, ... Raises ValidationError for an unknown table."""
        return self._handle.count(table)

    def put_queue(self, id: int, name: str, *, channel: str = "voice",
                  service_level_target_s: int = 20, service_level_percent: float = 80.0,
                  short_abandon_threshold_s: int = 0, time_zone: str = "UTC",
                  business_calendar: str = "") -> None:
        """Inserts or replaces a queue and its service-level objective
        ("80% answered within 20 s"). ``business_calendar`` is opening-hours
        text ("" = 24x7) read in ``time_zone``.

        Raises:
            ValidationError: naming the queue field (e.g. ``queue.name``).
            ParseError: unknown channel.
        """
        self._handle.put_queue(id, name, channel, service_level_target_s, service_level_percent,
                               short_abandon_threshold_s, time_zone, business_calendar)

    def put_agent(self, id: int, name: str, *, team_id: Optional[int] = None,
                  time_zone: str = "UTC") -> None:
        """Inserts or replaces an agent. Raises ValidationError naming the field."""
        self._handle.put_agent(id, name, team_id, time_zone)

    def put_customer(self, id: int, name: str) -> None:
        """Inserts or replaces a customer known by name only (created and
        updated now). Raises ValidationError naming ``customer.name``."""
        self._handle.put_customer(id, name)

    def ingest_interactions(self, data: Union[pd.DataFrame, Mapping[str, object]], *,
                            mode: str = "all_or_nothing") -> IngestReport:
        """Stores interactions given as columns, in one transaction.

        ``data`` is a DataFrame or a dict of numpy arrays / lists whose keys
        are interaction column names (module doc); ``queue_id``,
        ``offered_at`` and ``ended_at`` are required. Instants may be
        datetime64 (naive = UTC) or integer Unix ms; durations timedelta64 or
        integer ms; nulls as NaN/NaT/None/pd.NA. int64 arrays are passed to
        the library without a copy; no Python code runs per row, and the
        GIL is released while the rows are validated and written.

        Args:
            mode: ``"all_or_nothing"`` (default: any invalid row raises
                ValidationError and nothing is written) or ``"accept_valid"``
                (valid rows are written; rejected ones are in the report).

        Raises:
            ValidationError: unknown column, missing required column, a
                rejected row in all-or-nothing mode (field and value of the
                first rejected row).
            ParseError: unknown channel or direction text (field ``channel[i]``).
            StoreError: the store failed; nothing was written.
        """
        m = _mode(mode)
        if isinstance(data, pd.DataFrame):
            items = [(str(k), data[k]) for k in data.columns]
            rows = len(data)
        else:
            items = [(str(k), v) for k, v in data.items()]
            rows = len(items[0][1]) if items else 0
        columns = []
        for name, values in items:
            if name not in INTERACTION_COLUMNS:
                raise ValidationError(
                    f"invalid argument: columns = '{name}': not an interaction column "
                    f"(expected one of {', '.join(INTERACTION_COLUMNS)})",
                    code="invalid_argument", field="columns", value=name)
            if len(values) != rows:
                raise ValidationError(
                    f"invalid argument: {name} = '{len(values)} values': expected {rows}",
                    code="invalid_argument", field=name, value=f"{len(values)} values")
            columns.append(series_to_column(name, INTERACTION_COLUMNS[name], values))
        raw = self._handle.ingest_interactions(rows, columns, m)
        return _report(raw, raise_on_errors=(m == 0))

    def interactions(self, *, start: Optional[InstantLike] = None, end: Optional[InstantLike] = None,
                     queue_id: Optional[int] = None, agent_id: Optional[int] = None,
                     customer_id: Optional[int] = None) -> pd.DataFrame:
        """Interactions offered in [start, end) (either bound optional),
        optionally of one queue, agent or customer, ordered by offered_at then
        id, as a DataFrame with the dtypes of the module doc. Numeric columns
        share the library's buffers (no copy)."""
        table = self._handle.interactions(
            None if start is None else _to_unix_ms(start, "start"),
            None if end is None else _to_unix_ms(end, "end"),
            queue_id, agent_id, customer_id)
        return table_to_dataframe(table)

    def kpi_report(self, *, start: Optional[InstantLike] = None, end: Optional[InstantLike] = None,
                   by=None, interval: Optional[str] = None, tz: str = "UTC",
                   service_level: str = "exclude_short_abandons", answer_target_s: int = 20,
                   short_abandon_s: int = 5, abandon_rate_excludes_short: bool = True,
                   fcr_window_days: float = 7, fcr_match_reason: bool = False,
                   csat_top_box_min: int = 4, fcr_as_of: Optional[InstantLike] = None) -> pd.DataFrame:
        """Contact KPIs of the stored interactions offered in [start, end)
        (either bound optional), as :func:`backoffice.kpi_report` returns
        them (same arguments, columns and ``df.attrs``), with two
        differences: each stored queue's service-level target and
        short-abandon threshold replace ``answer_target_s`` and
        ``short_abandon_s`` for that queue, and ``by="team"`` uses the
        agents' stored teams. FCR judges only the contacts inside the range
        (move ``start`` back by the window to see earlier repeats). Reads
        and computes without the GIL.
        """
        from .kpi import _store_kpi_report

        return _store_kpi_report(self._handle, start, end, by, interval, tz, service_level, answer_target_s,
                                 short_abandon_s, abandon_rate_excludes_short, fcr_window_days,
                                 fcr_match_reason, csat_top_box_min, fcr_as_of)

    def import_interactions_csv(self, path: Union[str, os.PathLike], *, time_zone: str = "UTC",
                                mode: str = "all_or_nothing", delimiter: str = ",") -> IngestReport:
        """Imports interactions from a CSV file with a header row (columns in
        docs/csv.md). Instants without an offset are read in ``time_zone``.
        Runs without the GIL.

        Raises:
            ValidationError: in all-or-nothing mode when a row is rejected
                (nothing is written); the report's errors name the CSV record
                number (header = 1), column and value.
            NotFoundError: missing file or required column. StoreError.
        """
        m = _mode(mode)
        raw = self._handle.import_interactions_csv(os.fspath(path), time_zone, m, delimiter)
        return _report(raw, raise_on_errors=(m == 0))
