"""Columns handed to the compiled module: instants and durations become int64
Unix milliseconds straight from pandas' ticks, whatever their unit and zone."""

import numpy as np
import pandas as pd

from backoffice._table import DURATION, INSTANT, series_to_column

NAT = np.iinfo(np.int64).min


def test_aware_naive_and_unit_variants_give_the_same_milliseconds():
    utc = pd.Series(pd.to_datetime(["2024-03-10T06:59:59.9996Z", None, "1969-12-31T23:59:59.9995Z"]))
    # 1969-12-31T23:59:59.9995 is -0.5 ms: floored to -1 ms, as numpy's cast does.
    expected = [1710053999999, NAT, -1]
    assert series_to_column("t", INSTANT, utc)[2].tolist() == expected
    assert series_to_column("t", INSTANT, utc.dt.tz_convert("America/New_York"))[2].tolist() == expected
    assert series_to_column("t", INSTANT, utc.dt.tz_localize(None))[2].tolist() == expected  # naive = UTC
    whole = pd.Series(pd.to_datetime(["2024-03-10T07:00:00Z", None])).astype("datetime64[s, UTC]")
    assert series_to_column("t", INSTANT, whole)[2].tolist() == [1710054000000, NAT]
    micro = utc.astype("datetime64[us, UTC]")
    assert series_to_column("t", INSTANT, micro)[2].tolist() == expected
    # The numpy reference the library used before.
    reference = utc.dt.tz_localize(None).to_numpy(dtype="datetime64[ms]").view(np.int64)
    assert reference.tolist() == expected


def test_durations_and_nat():
    d = pd.Series(pd.to_timedelta(["90s", None, "250ms"]))
    assert series_to_column("talk_time", DURATION, d)[2].tolist() == [90000, NAT, 250]
