"""Forecasting, backtesting, simulation and shift planning from Python, on
cases whose answers are known exactly (the same cases as the C tests in
tests/capi/wfm_planning_test.cpp)."""

import numpy as np
import pandas as pd
import pytest

import backoffice as bo


def weekly(weeks: int) -> np.ndarray:
    return np.tile(np.arange(1, 8, dtype=float) * 10.0, weeks)


def test_seasonal_naive_repeats_the_last_week():
    h = weekly(1)
    h[3] = 99.0
    out = bo.forecast(h, model="seasonal_naive_week", interval_minutes=1440, horizon_days=14)
    assert isinstance(out, np.ndarray)
    np.testing.assert_array_equal(out, np.tile(h, 2))


def test_fourier_recovers_a_pure_weekly_pattern_and_continues_the_index():
    # A full set of weekly harmonics without trend fits a repeating pattern
    # exactly, so the forecast is the pattern.
    index = pd.date_range("2024-05-06", periods=28, freq="D")
    history = pd.Series(weekly(4), index=index)
    out = bo.forecast(history, interval_minutes=1440, horizon_days=7, trend=False, intraday_harmonics=0)
    assert isinstance(out, pd.Series)
    assert out.index[0] == pd.Timestamp("2024-06-03")
    np.testing.assert_allclose(out.to_numpy(), weekly(1), rtol=1e-9)


def test_forecast_errors_name_the_field():
    with pytest.raises(bo.ValidationError) as e:
        bo.forecast(weekly(1), model="holt_winters", interval_minutes=1440)
    assert e.value.field == "history.size"
    with pytest.raises(bo.ValidationError) as e:
        bo.forecast(weekly(1), model="prophet", interval_minutes=1440)
    assert e.value.field == "model"


def test_forecast_aht_on_constant_handle_times():
    # Every interval 300 s with volume: any model must give 300 s back.
    aht = np.full(14, 300.0)
    volume = np.full(14, 50.0)
    out = bo.forecast_aht(aht, volume, model="seasonal_naive_week", interval_minutes=1440, horizon_days=7)
    np.testing.assert_array_equal(out, np.full(7, 300.0))


def test_backtest_scores_the_weekly_naive_perfect_on_a_weekly_pattern():
    df = bo.backtest(weekly(5), models=["seasonal_naive_week", "seasonal_naive_day"], interval_minutes=1440)
    assert list(df["model"]) == ["seasonal_naive_week", "seasonal_naive_day"]
    assert list(df["origins"]) == [3, 3]  # origins at day 14, 21, 28
    assert df["mae"][0] == 0.0
    # The day naive repeats the origin's last day (70): errors 60..0, MAE 30.
    assert df["mae"][1] == pytest.approx(30.0, abs=1e-12)


def test_simulation_is_deterministic_and_feeds_the_kpi_report():
    calls, agents = [40, 60, 60, 40], [8, 12, 12, 8]
    a, contacts = bo.simulate_queue(calls, agents, seed=42, start="2024-05-06T09:00:00Z", contacts=True)
    b = bo.simulate_queue(calls, agents, seed=42, start="2024-05-06T09:00:00Z")
    pd.testing.assert_frame_equal(a, b)
    assert a["interval_start"][1] == pd.Timestamp("2024-05-06T09:15:00Z")
    assert len(contacts) == a["offered"].sum()
    report = bo.kpi_report(contacts)
    assert report["offered"][0] == a["offered"].sum()
    assert report["answered"][0] == a["answered"].sum()
    with pytest.raises(bo.ValidationError) as e:
        bo.simulate_queue([1.0], [-1])
    assert e.value.field == "agents[0]"


def test_erlang_c_service_level_agrees_with_a_long_simulation():
    # 100 calls per 15 min at 180 s AHT = 20 Erlangs; 23 agents. Over 400
    # intervals (40k calls) the simulated service level within 20 s lies
    # within 0.02 of the Erlang C value (its standard error is about 0.005
    # when batches are correlated).
    n = 400
    sim = bo.simulate_queue(np.full(n, 100.0), np.full(n, 23), aht_s=180, answer_time_s=20, seed=7)
    simulated = sim["answered_within"].sum() / sim["offered"].sum()
    expected = bo.erlang_c_metrics(100, 180, 23, answer_time_s=20).service_level
    assert simulated == pytest.approx(expected, abs=0.02)


def test_shift_plan_finds_the_hand_solved_optimum():
    # Requirement 1, 2, 2, 1; two-interval shifts starting at 0, 1 or 2:
    # three shifts are a lower bound (6 agent-intervals / 2) and one each at
    # 0, 1, 2 covers exactly: 3 x 30 min = 1.5 paid hours.
    plan = bo.plan_shifts([1, 2, 2, 1], [bo.ShiftType("short", starts=[0, 1, 2], length=2)], cyclic=False)
    assert plan.optimal
    assert plan.paid_hours == pytest.approx(1.5)
    assert list(plan.assignments["start"]) == [0, 1, 2]
    assert list(plan.assignments["agents"]) == [1, 1, 1]
    assert plan.assignments["break_offset"].isna().all()
    assert list(plan.coverage["scheduled"]) == [1, 2, 2, 1]
    with pytest.raises(bo.ValidationError) as e:
        bo.plan_shifts([1, 2], [bo.ShiftType("broken", starts=[0], length=0)])
    assert e.value.field == "shift_types[0].length_intervals"
