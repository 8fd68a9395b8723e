"""The store through DataFrames. Expected values are the inputs themselves
(round trips) or hand counts stated in comments."""

import numpy as np
import pandas as pd
import pytest

import backoffice as bo

T0 = pd.Timestamp("2024-03-01T09:00:00Z")


def frame() -> pd.DataFrame:
    """Three calls on queue 1: answered after 15 s, an abandon, answered after 3 s."""
    s = pd.Timedelta(seconds=1)
    return pd.DataFrame({
        "id": np.array([11, 12, 13], dtype=np.int64),
        "channel": ["voice", "chat", "voice"],
        "direction": ["inbound", "inbound", "outbound"],
        "queue_id": np.array([1, 1, 1], dtype=np.int64),
        "customer_id": pd.array([7, None, 8], dtype="Int64"),
        "agent_id": pd.array([None, None, 3], dtype="Int64"),
        "offered_at": [T0, T0 + 60 * s, T0 + 120 * s],
        "answered_at": [T0 + 15 * s, pd.NaT, T0 + 123 * s],
        "ended_at": [T0 + 300 * s, T0 + 100 * s, T0 + 400 * s],
        "talk_time": pd.to_timedelta([240, 0, 250], unit="s"),
        "hold_time": pd.to_timedelta([30, 0, 0], unit="s"),
        "wrap_up_time": pd.to_timedelta([60, 0, 15], unit="s"),
        "transferred": [False, False, True],
        "resolved": pd.array([True, None, False], dtype="boolean"),
        "csat": pd.array([5, None, 2], dtype="Int64"),
        "nps": pd.array([None, None, 10], dtype="Int64"),
        "reason": ["billing", "outage", "billing"],
        "disposition": ["fixed", "", "callback"],
    })


def test_a_dataframe_round_trips_with_proper_dtypes(store):
    store.put_agent(3, "Dana", time_zone="UTC")
    store.put_customer(7, "Ada")
    store.put_customer(8, "Grace")
    df = frame()
    report = store.ingest_interactions(df)
    assert (report.rows_read, report.rows_written, report.ok) == (3, 3, True)
    out = store.interactions()
    assert list(out.columns) == list(bo.INTERACTION_COLUMNS)
    assert str(out["offered_at"].dtype) == "datetime64[ms, UTC]"
    assert str(out["answered_at"].dtype) == "datetime64[ms, UTC]"
    assert str(out["talk_time"].dtype) == "timedelta64[ms]"
    assert str(out["customer_id"].dtype) == "Int64"
    assert str(out["resolved"].dtype) == "boolean"
    assert out["id"].dtype == np.int64
    expected = df.copy()
    for c in ["offered_at", "answered_at", "ended_at"]:
        expected[c] = expected[c].dt.as_unit("ms")
    for c in ["talk_time", "hold_time", "wrap_up_time"]:
        expected[c] = expected[c].dt.as_unit("ms")
    for c in ["channel", "direction", "reason", "disposition"]:
        expected[c] = expected[c].astype("string")
    pd.testing.assert_frame_equal(out, expected, check_dtype=False)
    assert pd.isna(out.loc[1, "answered_at"])


def test_a_dict_of_numpy_arrays_with_unix_ms_is_accepted(store):
    base = 1709283600000  # 2024-03-01T09:00Z
    data = {
        "queue_id": np.ones(1000, dtype=np.int64),
        "offered_at": base + np.arange(1000, dtype=np.int64) * 1000,
        "ended_at": base + np.arange(1000, dtype=np.int64) * 1000 + 30000,
    }
    assert store.ingest_interactions(data).rows_written == 1000
    assert store.count("interactions") == 1000
    out = store.interactions(start=base + 10_000, end=base + 20_000)
    # [10 s, 20 s) holds the calls offered at 10..19 s: ten of them.
    assert len(out) == 10
    assert out["offered_at"].iloc[0] == pd.Timestamp(base + 10_000, unit="ms", tz="UTC")


def test_a_rejected_row_raises_and_writes_nothing(store):
    df = frame()[["queue_id", "offered_at", "ended_at"]].copy()
    df.loc[1, "ended_at"] = T0 - pd.Timedelta(minutes=1)  # ends before it was offered
    with pytest.raises(bo.ValidationError) as info:
        store.ingest_interactions(df)
    assert info.value.field == "interaction.ended_at"
    assert "row 1" in str(info.value)
    assert store.count("interactions") == 0


def test_accept_valid_writes_the_rest_and_reports_rejects(store):
    df = frame()[["queue_id", "offered_at", "ended_at", "csat"]].copy()
    df["csat"] = pd.array([5, 9, None], dtype="Int64")  # 9 is outside 1..5
    report = store.ingest_interactions(df, mode="accept_valid")
    assert (report.rows_read, report.rows_written) == (3, 2)
    assert report.errors["row"].tolist() == [1]
    assert report.errors["field"].tolist() == ["interaction.csat"]
    assert report.errors["value"].tolist() == ["9"]
    assert store.count("interactions") == 2


def test_malformed_input_names_the_column(store):
    df = frame()[["queue_id", "offered_at", "ended_at"]]
    with pytest.raises(bo.ValidationError) as info:
        store.ingest_interactions(df.assign(colour=["red"] * 3))
    assert (info.value.field, info.value.value) == ("columns", "colour")
    with pytest.raises(bo.ValidationError) as info:
        store.ingest_interactions(df.drop(columns="ended_at"))
    assert info.value.field == "ended_at"
    with pytest.raises(bo.ParseError) as info:
        store.ingest_interactions(df.assign(channel=["voice", "pigeon", "chat"]))
    assert (info.value.field, info.value.value) == ("channel[1]", "pigeon")
    with pytest.raises(bo.ValidationError):
        store.ingest_interactions(df, mode="sometimes")


def test_unknown_queue_is_reported_per_row(store):
    df = frame()[["queue_id", "offered_at", "ended_at"]].assign(queue_id=[1, 99, 1])
    report = store.ingest_interactions(df, mode="accept_valid")
    assert report.rows_written == 2
    assert report.errors["value"].tolist() == ["99"]


def test_csv_import_reports_records_by_spreadsheet_row(store, tmp_path):
    path = tmp_path / "calls.csv"
    path.write_text(
        "queue_id,offered_at,answered_at,ended_at,talk_s\n"
        "1,2024-03-01 09:00:00,2024-03-01 09:00:15,2024-03-01 09:05:00,200\n"
        "1,2024-03-01 09:10:00,,2024-03-01 09:11:00,0\n"
        "1,2024-03-01 09:20:00,2024-03-01 09:19:00,2024-03-01 09:25:00,60\n")
    report = store.import_interactions_csv(path, mode="accept_valid", time_zone="Europe/Paris")
    assert (report.rows_read, report.rows_written) == (3, 2)
    assert report.errors["row"].tolist() == [4]  # header = 1, third data record = 4
    out = store.interactions()
    # 09:00 in Paris (CET, UTC+1 on 1 March) is 08:00 UTC.
    assert out["offered_at"].iloc[0] == pd.Timestamp("2024-03-01T08:00Z")
    assert out["talk_time"].iloc[0] == pd.Timedelta(seconds=200)
    with pytest.raises(bo.ValidationError):
        store.import_interactions_csv(path)  # all or nothing: the bad record rejects the file
    with pytest.raises(bo.NotFoundError):
        store.import_interactions_csv(tmp_path / "missing.csv")


def test_a_file_store_keeps_its_rows_and_closes_as_a_context_manager(tmp_path):
    path = tmp_path / "centre.db"
    with bo.Store.open(path) as s:
        s.put_queue(1, "Billing")
        s.ingest_interactions(frame()[["queue_id", "offered_at", "ended_at"]])
        assert s.schema_version >= 1
    assert s.closed
    with pytest.raises(bo.StoreError) as info:
        s.count("interactions")
    assert "closed" in str(info.value)
    s.close()  # twice is fine
    with bo.Store.open(path, read_only=True) as again:
        assert again.count("interactions") == 3
        assert again.count("queues") == 1


def test_an_unopenable_path_is_a_store_error(tmp_path):
    bad = tmp_path / "no" / "such" / "dir" / "x.db"
    with pytest.raises(bo.StoreError) as info:
        bo.Store.open(bad)
    assert str(bad) in str(info.value)


def test_reference_records_are_validated(store):
    with pytest.raises(bo.ValidationError) as info:
        store.put_queue(2, " ")
    assert info.value.field == "queue.name"
    with pytest.raises(bo.ParseError):
        store.put_queue(2, "Chat", channel="carrier pigeon")
    with pytest.raises(bo.ValidationError) as info:
        store.put_agent(5, "Sam", time_zone="Nowhere/Land")
    assert info.value.field == "agent.time_zone"
    with pytest.raises(bo.ValidationError):
        store.count("spaceships")


def test_query_results_can_be_edited_like_any_dataframe(store):
    store.ingest_interactions(frame()[["queue_id", "offered_at", "ended_at"]])
    df = store.interactions()
    df.loc[0, "queue_id"] = 7
    df["talk_time"] += pd.Timedelta(seconds=1)
    assert df["queue_id"].tolist() == [7, 1, 1]
    assert store.interactions()["queue_id"].tolist() == [1, 1, 1]  # the store is unchanged


def test_an_empty_query_is_an_empty_frame_with_the_columns(store):
    out = store.interactions(queue_id=42)
    assert len(out) == 0
    assert list(out.columns) == list(bo.INTERACTION_COLUMNS)
    assert str(out["offered_at"].dtype) == "datetime64[ms, UTC]"


def test_threads_can_share_a_store(store):
    # The long calls run without the GIL; the store serialises them itself.
    import threading

    base = 1709283600000
    errors = []

    def worker(k):
        try:
            n = 500
            store.ingest_interactions({
                "queue_id": np.ones(n, dtype=np.int64),
                "offered_at": base + k * 10_000_000 + np.arange(n, dtype=np.int64) * 1000,
                "ended_at": base + k * 10_000_000 + np.arange(n, dtype=np.int64) * 1000 + 5000,
            })
            store.interactions(queue_id=1)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count("interactions") == 2000


def test_int64_arrays_cross_the_boundary_without_a_copy():
    from backoffice import _core

    arr = np.arange(5, dtype=np.int64)
    table = _core._table_from_columns(5, [("x", 4, arr, None)])
    name, type_, values, valid = table.column(0)
    assert (name, type_, valid) == ("x", 4, None)
    assert np.shares_memory(values, arr)  # borrowed on the way in, viewed on the way out
    del table, arr
    assert values.tolist() == [0, 1, 2, 3, 4]  # the view keeps the buffer alive
