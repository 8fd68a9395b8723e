"""Core vocabulary: versions, errors, instants, time zones, business calendars.

Instants are points on the UTC time line with millisecond precision. They
come back as timezone-aware :class:`pandas.Timestamp` values in UTC; they
go in as a ``Timestamp``/``datetime`` (naive ones are read as UTC), an
ISO-8601 string with an offset, or an integer of Unix milliseconds.
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional, Union

import numpy as np
import pandas as pd

from . import _core

__all__ = [
    "Error",
    "ValidationError",
    "ParseError",
    "NotFoundError",
    "ConflictError",
    "StoreError",
    "InternalError",
    "version",
    "parse_instant",
    "format_instant",
    "TimeZone",
    "BusinessCalendar",
]

InstantLike = Union[pd.Timestamp, _dt.datetime, str, int, np.integer, np.datetime64]


class Error(Exception):
    """Base class of every error backoffice raises.

    Attributes:
        code: the library's error code name (``"parse"``, ``"validation"``,
            ``"not_found"``, ...).
        field: what was wrong (a parameter, a column, ``"interaction.csat"``).
        value: the offending value as text.
        message: the full message, which names the field and the value.
    """

    def __init__(self, message: str, *, code: str = "internal", field: str = "", value: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.value = value

    def __reduce__(self):  # keep the attributes when pickled (multiprocessing)
        return (_rebuild_error, (type(self), self.message, self.code, self.field, self.value))


class ValidationError(Error, ValueError):
    """A value breaks a precondition or a record breaks an invariant."""


class ParseError(Error, ValueError):
    """Text could not be parsed (ISO-8601 instant, CSV cell, calendar spec)."""


class NotFoundError(Error, LookupError):
    """An id, time zone, column or file does not exist."""


class ConflictError(Error):
    """A duplicate key or an illegal state transition."""


class StoreError(Error):
    """The SQLite store (or the file system under it) failed."""


class InternalError(Error):
    """A bug in backoffice; please report it with the message."""


def _rebuild_error(cls, message, code, field, value):
    return cls(message, code=code, field=field, value=value)


# backoffice::ErrorCode values -> (code name, Python class).
_CODES = {
    1: ("invalid_argument", ValidationError),
    2: ("parse", ParseError),
    3: ("validation", ValidationError),
    4: ("not_found", NotFoundError),
    5: ("conflict", ConflictError),
    6: ("currency_mismatch", ValidationError),
    7: ("overflow", ValidationError),
    8: ("store", StoreError),
    9: ("io", StoreError),
    10: ("internal", InternalError),
}


def _error_from_core(code: int, field: str, value: str, message: str) -> Error:
    """Builds the exception for a C++ Error (called by the extension module)."""
    name, cls = _CODES.get(code, ("internal", InternalError))
    return cls(message, code=name, field=field, value=value)


def version() -> str:
    """The version of the compiled library, e.g. ``"0.1.0"``."""
    return _core.__version__


def _to_unix_ms(value: InstantLike, field: str = "instant") -> int:
    """Unix milliseconds (UTC) of one instant-like value; see the module doc."""
    if isinstance(value, (bool, np.bool_)):
        raise ValidationError(f"invalid argument: {field} = '{value}': expected an instant",
                              code="invalid_argument", field=field, value=str(value))
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, str):
        return _core.parse_instant(value, None)
    if isinstance(value, (_dt.datetime, np.datetime64, pd.Timestamp)):
        ts = pd.Timestamp(value)
        if ts is pd.NaT:
            raise ValidationError(f"invalid argument: {field} = 'NaT': expected an instant",
                                  code="invalid_argument", field=field, value="NaT")
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        return int(ts.value // 1_000_000)  # ns -> ms, floor: truncated toward the past
    raise ValidationError(
        f"invalid argument: {field} = '{value!r}': expected a Timestamp, datetime, ISO-8601 text or Unix ms",
        code="invalid_argument", field=field, value=repr(value))


def _from_unix_ms(ms: int) -> pd.Timestamp:
    return pd.Timestamp(ms, unit="ms", tz="UTC")


def parse_instant(text: str, *, zone: Optional[str] = None) -> pd.Timestamp:
    """Parses ISO-8601 / RFC 3339 text into a UTC :class:`pandas.Timestamp`.

    Text with an offset (``Z``, ``+02:00``) keeps it. Text without one is
    wall-clock time in ``zone`` (an IANA name); without a zone it is a
    :class:`ParseError`. Fractions beyond milliseconds are truncated.

    Raises:
        ParseError: naming the text. NotFoundError: unknown zone.
    """
    return _from_unix_ms(_core.parse_instant(text, zone))


def format_instant(instant: InstantLike, *, zone: Optional[str] = None) -> str:
    """ISO-8601 text of an instant: UTC with ``Z``, or local time with its
    offset in ``zone`` (``"2024-03-10T03:00:00-04:00"``); ``.fff`` only when
    milliseconds are non-zero."""
    return _core.format_instant(_to_unix_ms(instant), zone)


class TimeZone:
    """An IANA time zone from the system tz database."""

    def __init__(self, name: str = "UTC"):
        """Looks the zone up. Raises NotFoundError naming an unknown zone."""
        self._zone = _core.TimeZone.locate(name)

    @property
    def name(self) -> str:
        """The IANA name, e.g. ``"America/New_York"``."""
        return self._zone.name

    def offset_at(self, instant: InstantLike) -> pd.Timedelta:
        """The UTC offset in force at ``instant`` (local = UTC + offset)."""
        return pd.Timedelta(seconds=self._zone.offset_at(_to_unix_ms(instant)))

    def __repr__(self) -> str:
        return f"TimeZone({self.name!r})"


def _ms_array(values, field: str) -> np.ndarray:
    """Unix ms (int64) of an array-like of instants, without a Python loop."""
    if np.isscalar(values) or isinstance(values, (_dt.datetime, pd.Timestamp)):
        return np.array([_to_unix_ms(values, field)], dtype=np.int64)
    s = pd.Series(values) if not isinstance(values, pd.Series) else values
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        if s.isna().any():
            raise ValidationError(f"invalid argument: {field} = 'NaT': missing instant",
                                  code="invalid_argument", field=field, value="NaT")
        return s.to_numpy(dtype="datetime64[ms]").view(np.int64)
    if pd.api.types.is_integer_dtype(s.dtype):
        return s.to_numpy(dtype=np.int64)
    return np.array([_to_unix_ms(v, field) for v in s], dtype=np.int64)


class BusinessCalendar:
    """Opening hours of a contact centre in one IANA zone.

    ``spec`` uses the compact grammar of docs/business_calendar.md, e.g.
    ``"Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; 2024-12-25 closed"``.
    """

    def __init__(self, spec: str, *, zone: str = "UTC"):
        """Parses the spec. Raises ParseError / ValidationError (field ``calendar``)."""
        self._cal = _core.BusinessCalendar.parse(spec, zone)

    @property
    def zone(self) -> str:
        """The IANA zone the hours are read in."""
        return self._cal.zone_name

    def __str__(self) -> str:
        return self._cal.to_string()

    def __repr__(self) -> str:
        return f"BusinessCalendar({self._cal.to_string()!r}, zone={self.zone!r})"

    def is_open(self, instants):
        """Whether the calendar is open at each instant (bool, or a numpy
        bool array for an array-like). Opening ranges include their start and
        exclude their end."""
        scalar = np.isscalar(instants) or isinstance(instants, (_dt.datetime, pd.Timestamp))
        out = self._cal.is_open(_ms_array(instants, "instants"))
        return bool(out[0]) if scalar else out

    def business_duration(self, start, end):
        """Open time in [start, end) as a :class:`pandas.Timedelta` (or a
        ``timedelta64[ms]`` array for array-likes); negative when end < start."""
        scalar = np.isscalar(start) or isinstance(start, (_dt.datetime, pd.Timestamp))
        out = self._cal.business_duration(_ms_array(start, "start"), _ms_array(end, "end"))
        if scalar:
            return pd.Timedelta(int(out[0]), unit="ms")
        return out.view("timedelta64[ms]")

    def add_business(self, start: InstantLike, duration) -> pd.Timestamp:
        """The due date: the earliest instant after ``start`` with ``duration``
        of open time between them (a ``Timedelta``/``timedelta`` or ms).

        Raises:
            ValidationError: negative duration, or no such instant before 9999.
        """
        if isinstance(duration, (int, np.integer)):
            ms = int(duration)
        else:
            ms = int(pd.Timedelta(duration) // pd.Timedelta(milliseconds=1))
        return _from_unix_ms(self._cal.add_business(_to_unix_ms(start, "start"), ms))

    def next_open(self, instant: InstantLike) -> Optional[pd.Timestamp]:
        """``instant`` itself when open, else the next opening; None when the
        calendar never opens again."""
        t = self._cal.next_open(_to_unix_ms(instant))
        return None if t is None else _from_unix_ms(t)
