"""Work-item (TAT, accuracy) and agent-time (occupancy, utilisation,
productivity) reports from DataFrames; expected values are hand
calculations (the same cases as tests/capi/kpi_work_test.cpp)."""

import pandas as pd
import pytest

import backoffice as bo

MON9 = pd.Timestamp("2024-05-06T09:00:00Z")
H = pd.Timedelta(hours=1)


def four_items() -> pd.DataFrame:
    return pd.DataFrame({
        "queue_id": [1, 1, 1, 1],
        "kind": ["claim"] * 4,
        "received_at": [MON9] * 4,
        "completed_at": [MON9 + 1 * H, MON9 + 3 * H, MON9 + 30 * H, pd.NaT],
        "audit_correct": pd.array([True, False, True, None], dtype="boolean"),
    })


def test_turnaround_and_accuracy_match_a_hand_calculation():
    df = bo.work_item_report(four_items(), by=["queue", "kind"])
    assert len(df) == 1
    row = df.iloc[0]
    assert row["kind"] == "claim"
    assert (row["completed"], row["open"]) == (3, 1)
    assert row["tat_mean_s"] == pytest.approx(34 * 3600 / 3)  # (1 + 3 + 30) h / 3
    assert row["tat_p50_s"] == 3 * 3600  # nearest rank 2 of {1, 3, 30} h
    assert row["tat_p90_s"] == 30 * 3600  # rank ceil(2.7) = 3
    assert (row["tat_within_target_num"], row["tat_within_target_den"]) == (2, 3)
    assert (row["accuracy_rate_num"], row["accuracy_rate_den"]) == (2, 3)
    assert "nearest-rank" in df.attrs["definition"]


def test_business_turnaround_uses_the_calendar():
    # Monday 16:00 -> Tuesday 10:00 UTC: 18 h wall clock, 2 business hours.
    items = pd.DataFrame({"queue_id": [1], "received_at": [MON9 + 7 * H], "completed_at": [MON9 + 25 * H]})
    cal = bo.BusinessCalendar("Mon-Fri 09:00-17:00")
    df = bo.work_item_report(items, tat_target=4 * H, calendar=cal)
    assert df["tat_mean_s"][0] == 18 * 3600
    assert df["btat_mean_s"][0] == 2 * 3600
    assert df["tat_within_target_num"][0] == 0
    assert df["btat_within_target_num"][0] == 1


def test_work_item_errors_name_the_field():
    with pytest.raises(bo.ValidationError) as e:
        bo.work_item_report(four_items(), by="agent")
    assert e.value.field == "by"
    bad = four_items().assign(kind=["claim", "parcel", "claim", "claim"])
    with pytest.raises(bo.ParseError) as e:
        bo.work_item_report(bad)
    assert e.value.field == "kind[1]"
    assert e.value.value == "parcel"
    with pytest.raises(bo.ValidationError) as e:
        bo.work_item_report(four_items().assign(colour=1))
    assert e.value.field == "columns"


def agent_day() -> pd.DataFrame:
    t10 = MON9 + H
    m = pd.Timedelta(minutes=1)
    return pd.DataFrame({
        "agent_id": [7, 7, 7, 7],
        "state": ["available", "on_contact", "wrap_up", "break"],
        "start_at": [t10, t10 + 30 * m, t10 + 75 * m, t10 + 90 * m],
        "end_at": [t10 + 30 * m, t10 + 75 * m, t10 + 90 * m, t10 + 120 * m],
    })


def test_occupancy_utilisation_and_productivity_per_hour():
    items = pd.DataFrame({"queue_id": [1], "assignee_id": [7], "received_at": [MON9],
                          "completed_at": [MON9 + H + pd.Timedelta(minutes=45)]})
    df = bo.agent_time_report(agent_day(), work_items=items, interval="60min", tz="UTC")
    assert len(df) == 2
    # 10:00-11:00: available 30, on contact 30 min -> occupancy 0.5; 1 item / 1 h.
    assert df["occupancy"][0] == 0.5
    assert df["productivity_per_hour"][0] == 1.0
    assert df["interval_start"][0] == pd.Timestamp("2024-05-06T10:00:00Z")
    # 11:00-12:00: contact 15 + wrap 15 over 30 handling -> 1; over 60 logged in -> 0.5.
    assert df["occupancy"][1] == 1.0
    assert df["utilisation"][1] == 0.5


def test_teams_group_agents():
    df = bo.agent_time_report(agent_day(), teams={7: 3})
    assert list(df["team_id"]) == [3]
    assert df["occupancy"][0] == pytest.approx(60 / 90)
