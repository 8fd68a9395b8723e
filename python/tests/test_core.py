"""Instants, zones, calendars and error mapping. Expected instants come from
Python's datetime/zoneinfo, which share no code with the library's
Howard Hinnant date/tz; calendar durations are hand counts in comments."""

import datetime as dt
import pickle
import zoneinfo

import numpy as np
import pandas as pd
import pytest

import backoffice as bo
from backoffice import _core


def test_version_is_the_cmake_project_version(repo):
    text = (repo / "CMakeLists.txt").read_text()
    assert f"VERSION {bo.version()}" in text
    assert bo.__version__ == bo.version()


def test_parse_instant_agrees_with_python_datetime():
    expected = pd.Timestamp(dt.datetime(2024, 3, 10, 7, 0, tzinfo=dt.timezone.utc))
    assert bo.parse_instant("2024-03-10T07:00:00Z") == expected
    assert bo.parse_instant("2024-03-10T08:30:00+01:30") == expected
    got = bo.parse_instant("2024-03-10T07:00:00.123Z")
    assert got == expected + pd.Timedelta(milliseconds=123)
    assert str(got.tz) == "UTC"


def test_wall_clock_text_is_read_in_the_given_zone():
    ny = zoneinfo.ZoneInfo("America/New_York")
    expected = dt.datetime(2024, 7, 1, 9, 0, tzinfo=ny)
    assert bo.parse_instant("2024-07-01 09:00", zone="America/New_York") == pd.Timestamp(expected)


def test_format_instant_writes_utc_or_local_with_offset():
    t = pd.Timestamp("2024-03-10T07:00:00Z")
    assert bo.format_instant(t) == "2024-03-10T07:00:00Z"
    assert bo.format_instant(t, zone="America/New_York") == "2024-03-10T03:00:00-04:00"
    assert bo.format_instant(1710054000000) == "2024-03-10T07:00:00Z"
    assert bo.format_instant(dt.datetime(2024, 3, 10, 7)) == "2024-03-10T07:00:00Z"  # naive = UTC


def test_time_zone_offsets_match_zoneinfo():
    zone = bo.TimeZone("Europe/London")
    assert zone.name == "Europe/London"
    for when in ["2024-01-15T12:00Z", "2024-07-15T12:00Z"]:
        t = pd.Timestamp(when)
        expected = t.tz_convert(zoneinfo.ZoneInfo("Europe/London")).utcoffset()
        assert zone.offset_at(t) == pd.Timedelta(expected)


def test_an_unknown_zone_is_not_found_and_named():
    with pytest.raises(bo.NotFoundError) as info:
        bo.TimeZone("Mars/Olympus_Mons")
    assert info.value.value == "Mars/Olympus_Mons"
    assert "Mars/Olympus_Mons" in str(info.value)
    assert isinstance(info.value, LookupError)


def test_business_calendar_counts_only_opening_hours():
    cal = bo.BusinessCalendar("Mon-Fri 09:00-17:00", zone="UTC")
    # Mon 2024-03-04 08:00 to Tue 09:00... by hand: Monday 09-17 = 8 h, Tuesday 09-10 = 1 h.
    start = pd.Timestamp("2024-03-04T08:00Z")
    assert cal.business_duration(start, pd.Timestamp("2024-03-05T10:00Z")) == pd.Timedelta(hours=9)
    assert not cal.is_open(start)
    assert cal.next_open(start) == pd.Timestamp("2024-03-04T09:00Z")
    # 8 working hours from Friday 16:00: 1 h Friday + 7 h Monday = Monday 16:00.
    assert cal.add_business("2024-03-08T16:00Z", pd.Timedelta(hours=8)) == pd.Timestamp("2024-03-11T16:00Z")


def test_business_calendar_is_vectorised_over_arrays():
    cal = bo.BusinessCalendar("Mon-Fri 09:00-17:00")
    ts = pd.Series(pd.to_datetime(["2024-03-04T08:59Z", "2024-03-04T09:00Z", "2024-03-04T17:00Z",
                                   "2024-03-09T12:00Z"]))
    np.testing.assert_array_equal(cal.is_open(ts), [False, True, False, False])
    out = cal.business_duration(ts, ts + pd.Timedelta(hours=1))
    assert out.dtype == np.dtype("timedelta64[ms]")
    # By hand: 08:59-09:59 has 59 min open; 09:00-10:00 60; 17:00-18:00 0; Saturday 0.
    np.testing.assert_array_equal(out.astype(np.int64), [59 * 60000, 3600000, 0, 0])


def test_a_bad_calendar_names_the_calendar_field():
    with pytest.raises(bo.ValidationError) as info:
        bo.BusinessCalendar("Mon-Fri 17:00-09:00")
    assert info.value.field == "calendar"
    with pytest.raises(bo.ParseError):
        bo.BusinessCalendar("Mon-Fri nine to five")


@pytest.mark.parametrize("code,cls,name", [
    (1, bo.ValidationError, "invalid_argument"),
    (2, bo.ParseError, "parse"),
    (3, bo.ValidationError, "validation"),
    (4, bo.NotFoundError, "not_found"),
    (5, bo.ConflictError, "conflict"),
    (8, bo.StoreError, "store"),
    (9, bo.StoreError, "io"),
    (10, bo.InternalError, "internal"),
])
def test_each_error_code_maps_to_its_exception_class(code, cls, name):
    with pytest.raises(cls) as info:
        _core._raise_for_test(code, "interaction.csat", "9")
    e = info.value
    assert isinstance(e, bo.Error)
    assert (e.code, e.field, e.value) == (name, "interaction.csat", "9")
    assert "interaction.csat = '9'" in str(e)


def test_errors_survive_pickling_with_their_attributes():
    with pytest.raises(bo.ParseError) as info:
        bo.parse_instant("yesterday")
    e = pickle.loads(pickle.dumps(info.value))
    assert type(e) is bo.ParseError
    assert e.value == "yesterday" and e.code == "parse"


def test_every_public_function_has_a_docstring():
    for name in bo.__all__:
        obj = getattr(bo, name)
        if callable(obj):
            assert obj.__doc__, name
            for attr, member in vars(obj).items() if isinstance(obj, type) else []:
                if callable(member) and not attr.startswith("_"):
                    assert member.__doc__, f"{name}.{attr}"
