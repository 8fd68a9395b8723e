"""Contact KPIs through DataFrames. Expected values are hand calculations
shown in the comments (the six contacts of tests/kpi/contact_report_test.cpp
and tests/capi/kpi_test.cpp)."""

import math

import numpy as np
import pandas as pd
import pytest

import backoffice as bo

T = pd.Timestamp("2024-05-06T14:00:00Z")  # 10:00 EDT
S = pd.Timedelta(seconds=1)


def six_contacts() -> pd.DataFrame:
    """Queue 1, offered a minute apart:
    1 answered after 10 s: talk 100, hold 20, wrap 30 s; CSAT 5; resolved
    2 answered after 30 s: talk 200, wrap 10 s; CSAT 3; transferred
    3 abandoned after 3 s (short abandon, within target)
    4 abandoned after 15 s (within target)
    5 abandoned after 40 s
    6 answered after exactly 20 s: talk 60 s; CSAT 4; NPS 9
    """
    offered = [T + pd.Timedelta(minutes=i) for i in range(6)]
    wait = [10, 30, 3, 15, 40, 20]
    answered = [True, True, False, False, False, True]
    talk, hold, wrap = [100, 200, 0, 0, 0, 60], [20, 0, 0, 0, 0, 0], [30, 10, 0, 0, 0, 0]
    return pd.DataFrame({
        "queue_id": np.ones(6, dtype=np.int64),
        "offered_at": offered,
        "answered_at": [o + w * S if a else pd.NaT for o, w, a in zip(offered, wait, answered)],
        "ended_at": [o + (w + (t + h if a else 0)) * S
                     for o, w, a, t, h in zip(offered, wait, answered, talk, hold)],
        "talk_time": pd.to_timedelta(talk, unit="s"),
        "hold_time": pd.to_timedelta(hold, unit="s"),
        "wrap_up_time": pd.to_timedelta(wrap, unit="s"),
        "transferred": [False, True, False, False, False, False],
        "resolved": pd.array([True, None, None, None, None, None], dtype="boolean"),
        "csat": pd.array([5, 3, None, None, None, 4], dtype="Int64"),
        "nps": pd.array([None, None, None, None, None, 9], dtype="Int64"),
        "disposition": ["x"] * 6,  # not read by the report
    })


def test_counts_and_ratios_match_a_hand_calculation():
    df = bo.kpi_report(six_contacts())
    assert len(df) == 1
    r = df.iloc[0]
    assert (r.offered, r.answered, r.abandoned, r.short_abandoned) == (6, 3, 3, 1)
    # Service level = answered within 20 s (#1, #6) / (offered - short) = 2 / 5.
    assert (r.service_level_num, r.service_level_den) == (2, 5)
    assert r.service_level == pytest.approx(0.4)
    assert r.abandon_rate == pytest.approx(2 / 5)  # (3 - 1) / (6 - 1)
    assert r.asa_s == pytest.approx(20.0)  # (10 + 30 + 20) / 3
    assert r.asa_s_num == 60000  # ms
    assert r.aht_s == pytest.approx(140.0)  # (150 + 210 + 60) / 3
    assert r.transfer_rate == pytest.approx(1 / 3)
    assert r.csat_top2 == pytest.approx(2 / 3)  # 5 and 4 of 5, 3, 4
    assert r.csat_mean == pytest.approx(4.0)
    assert r.nps == pytest.approx(100.0)  # one promoter of one response
    assert r.fcr_den == 0 and math.isnan(r.fcr)  # no customers: nobody judged
    assert r.fcr_survey == pytest.approx(1.0)
    assert df.attrs["interval_attribution"] == "offered time"
    assert "service_level=exclude_short_abandons" in df.attrs["definition"]
    assert "answer_target_s=20" in df.attrs["definition"]


@pytest.mark.parametrize("variant, num, den", [
    ("exclude_short_abandons", 2, 5),
    ("abandons_within_target_met", 4, 6),  # (2 answered + 2 abandoned within 20 s) / 6
    ("answered_only", 2, 3),
    ("all_offered", 2, 6),
])
def test_service_level_variants_follow_their_definitions(variant, num, den):
    r = bo.kpi_report(six_contacts(), service_level=variant).iloc[0]
    assert (r.service_level_num, r.service_level_den) == (num, den)
    assert r.service_level == pytest.approx(num / den)


def test_targets_and_abandon_rule_are_parameters():
    # T = 30 s takes #2 in: 3 of 5; S = 2 s makes #3 a real abandon: 6 - 0.
    r = bo.kpi_report(six_contacts(), answer_target_s=30, short_abandon_s=2,
                      abandon_rate_excludes_short=False).iloc[0]
    assert (r.service_level_num, r.service_level_den) == (3, 6)
    assert r.abandon_rate == pytest.approx(3 / 6)


def test_intervals_are_tz_aware_in_the_requested_zone():
    df = six_contacts()
    df.loc[5, "offered_at"] = T + pd.Timedelta(minutes=20)  # 10:20 EDT: the second quarter-hour
    df.loc[5, "answered_at"] = df.loc[5, "offered_at"] + 20 * S
    df.loc[5, "ended_at"] = df.loc[5, "answered_at"] + 60 * S
    out = bo.kpi_report(df, by=["queue"], interval="15min", tz="America/New_York")
    assert list(out["queue_id"]) == [1, 1]
    assert str(out["interval_start"].dt.tz) == "America/New_York"
    assert list(out["interval_start"]) == [pd.Timestamp("2024-05-06 10:00", tz="America/New_York"),
                                           pd.Timestamp("2024-05-06 10:15", tz="America/New_York")]
    assert list(out["offered"]) == [5, 1]
    assert "interval_start_utc_ms" not in out.columns
    assert out.attrs["time_zone"] == "America/New_York"


def test_contacts_without_agent_group_under_a_null_agent():
    df = six_contacts()
    df["agent_id"] = pd.array([7, 7, None, None, None, 8], dtype="Int64")
    out = bo.kpi_report(df, by="agent")
    # Sorted by key; "no agent" is INT64_MIN, so it comes first, as NA.
    assert out["agent_id"].isna().tolist() == [True, False, False]
    assert list(out["agent_id"].iloc[1:]) == [7, 8]
    assert list(out["offered"]) == [3, 2, 1]


def test_fcr_uses_the_repeat_window():
    # Customer 1 calls at T (answered) and again 3 days later (answered):
    # with a 7-day window the first is a repeat; with 2 days it is resolved.
    day = pd.Timedelta(days=1)
    df = pd.DataFrame({
        "queue_id": [1, 1], "customer_id": [1, 1],
        "offered_at": [T, T + 3 * day], "answered_at": [T + 5 * S, T + 3 * day + 5 * S],
        "ended_at": [T + 60 * S, T + 3 * day + 60 * S]})
    seven = bo.kpi_report(df, fcr_as_of=T + 30 * day).iloc[0]
    two = bo.kpi_report(df, fcr_window_days=2, fcr_as_of=T + 30 * day).iloc[0]
    # 7 days: #1 repeat, #2 resolved (window closed by as_of): 1 / 2.
    assert (seven.fcr_num, seven.fcr_den) == (1, 2)
    # 2 days: both resolved: 2 / 2.
    assert (two.fcr_num, two.fcr_den) == (2, 2)


def test_bad_arguments_raise_validation_errors_naming_them():
    with pytest.raises(bo.ValidationError, match="by = 'colour'"):
        bo.kpi_report(six_contacts(), by=["queue", "colour"])
    with pytest.raises(bo.ValidationError, match="interval"):
        bo.kpi_report(six_contacts(), interval="fortnight")
    with pytest.raises(bo.ValidationError) as e:
        bo.kpi_report(six_contacts(), service_level="most")
    assert e.value.field == "service_level"
    with pytest.raises(bo.ValidationError):
        bo.kpi_report(six_contacts(), csat_top_box_min=6)
    with pytest.raises(bo.NotFoundError):
        bo.kpi_report(six_contacts(), interval="day", tz="Mars/Olympus")
    with pytest.raises(bo.ValidationError, match="queue_id"):
        bo.kpi_report(six_contacts().drop(columns=["queue_id"]))


def test_store_report_uses_the_queues_stored_targets():
    with bo.Store.in_memory() as store:
        store.put_queue(1, "Billing", service_level_target_s=30, short_abandon_threshold_s=5)
        store.ingest_interactions(six_contacts().drop(columns=["disposition"]))
        df = store.kpi_report(by="queue", interval="day", tz="America/New_York")
        # T = 30 s from the queue: #1, #2, #6 within it, over 6 - 1 short.
        assert (df.service_level_num.iloc[0], df.service_level_den.iloc[0]) == (3, 5)
        assert df["interval_start"].iloc[0] == pd.Timestamp("2024-05-06", tz="America/New_York")
        two = store.kpi_report(start=T, end=T + pd.Timedelta(minutes=2))
        assert two.offered.iloc[0] == 2


def test_the_docstring_explains_units_and_definitions():
    doc = bo.kpi_report.__doc__
    for phrase in ("seconds", "offered", "exclude_short_abandons", "_num", "df.attrs"):
        assert phrase in doc


def test_null_durations_count_as_zero_as_the_ingest_reads_them():
    # Contact 1's talk is unknown: its handle time is hold 20 + wrap 30 = 50 s,
    # so AHT = (50 + 210 + 60) / 3.
    df = six_contacts()
    df["talk_time"] = df["talk_time"].astype("timedelta64[ms]")
    df.loc[0, "talk_time"] = pd.NaT
    r = bo.kpi_report(df).iloc[0]
    assert r.aht_s_num == 320_000
    assert r.aht_s == pytest.approx(320 / 3)
