"""Contact KPIs by queue x 15-minute interval in America/New_York, computed
three ways on the same generated data: pandas, DuckDB and backoffice.

Each engine first loads the data from the same Parquet file (not timed);
then the grouped computation is timed (best of --repeat runs). All three
compute offered, answered, answered within 20 s, short abandons (< 5 s),
total wait of answered contacts and total handle time per group, from which
service level, ASA and AHT follow; the script checks that the three agree
before printing timings and ratios.

The data spans March 2024 (spring-forward on the 10th), so local buckets
never repeat: pandas' naive local flooring is then correct.
"""

import argparse
import json
import os
import sys
import tempfile
import time

import duckdb
import numpy as np
import pandas as pd

import backoffice as bo

ZONE = "America/New_York"


def generate(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-03-01T00:00:00", "ms").astype(np.int64)
    offered = start + np.cumsum(rng.integers(0, 250, rows))
    wait = rng.integers(0, 90_000, rows)
    answered = rng.random(rows) >= 0.08
    talk = np.where(answered, rng.integers(0, 600_000, rows), 0)
    hold = np.where(answered, rng.integers(0, 30_000, rows), 0)
    wrap = np.where(answered, rng.integers(0, 60_000, rows), 0)
    ans = np.where(answered, offered + wait, np.iinfo(np.int64).min)
    ended = np.where(answered, offered + wait + talk + hold, offered + wait)
    to_ts = lambda a: pd.to_datetime(a, unit="ms", utc=True)
    answered_at = to_ts(np.where(answered, ans, 0))
    answered_at = answered_at.where(answered, pd.NaT)
    return pd.DataFrame({
        "queue_id": rng.integers(1, 13, rows),
        "offered_at": to_ts(offered),
        "answered_at": answered_at,
        "ended_at": to_ts(ended),
        "talk_ms": talk, "hold_ms": hold, "wrap_ms": wrap,
    })


def with_pandas(df: pd.DataFrame) -> pd.DataFrame:
    local = df["offered_at"].dt.tz_convert(ZONE).dt.tz_localize(None)
    bucket = local.dt.floor("15min")
    answered = df["answered_at"].notna()
    wait = ((df["answered_at"].where(answered, df["ended_at"]) - df["offered_at"])
            .dt.total_seconds() * 1000).astype("int64")
    frame = pd.DataFrame({
        "queue_id": df["queue_id"], "bucket": bucket, "offered": 1,
        "answered": answered.astype("int64"),
        "within": (answered & (wait <= 20_000)).astype("int64"),
        "short": (~answered & (wait < 5_000)).astype("int64"),
        "wait_answered": np.where(answered, wait, 0),
        "handle": np.where(answered, df["talk_ms"] + df["hold_ms"] + df["wrap_ms"], 0),
    })
    return frame.groupby(["queue_id", "bucket"], sort=True).sum().reset_index()


def with_duckdb(con) -> pd.DataFrame:
    return con.execute(f"""
        SELECT queue_id,
               time_bucket(INTERVAL '15 minutes', timezone('{ZONE}', offered_at)) AS bucket,
               count(*) AS offered,
               count(answered_at) AS answered,
               sum(CASE WHEN answered_at IS NOT NULL
                         AND epoch_ms(answered_at) - epoch_ms(offered_at) <= 20000 THEN 1 ELSE 0 END) AS within,
               sum(CASE WHEN answered_at IS NULL
                         AND epoch_ms(ended_at) - epoch_ms(offered_at) < 5000 THEN 1 ELSE 0 END) AS short,
               sum(CASE WHEN answered_at IS NOT NULL
                        THEN epoch_ms(answered_at) - epoch_ms(offered_at) ELSE 0 END) AS wait_answered,
               sum(CASE WHEN answered_at IS NOT NULL THEN talk_ms + hold_ms + wrap_ms ELSE 0 END) AS handle
        FROM contacts GROUP BY ALL ORDER BY queue_id, bucket""").df()


def backoffice_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The same rows with durations as timedelta columns, as bo.kpi_report takes them."""
    out = df[["queue_id", "offered_at", "answered_at", "ended_at"]].copy()
    for src, dst in (("talk_ms", "talk_time"), ("hold_ms", "hold_time"), ("wrap_ms", "wrap_up_time")):
        out[dst] = pd.to_timedelta(df[src], unit="ms")
    return out


def with_backoffice(df: pd.DataFrame) -> pd.DataFrame:
    return bo.kpi_report(df, by=["queue"], interval="15min", tz=ZONE,
                         answer_target_s=20, short_abandon_s=5)


def best_of(fn, repeat):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the timings to this file")
    args = ap.parse_args()

    df = generate(args.rows, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "contacts.parquet")
        df.to_parquet(path)
        frame = pd.read_parquet(path)
        con = duckdb.connect()
        con.execute("SET threads = 1")
        con.execute(f"CREATE TABLE contacts AS SELECT * FROM read_parquet('{path}')")

        t_pd, r_pd = best_of(lambda: with_pandas(frame), args.repeat)
        t_db, r_db = best_of(lambda: with_duckdb(con), args.repeat)
        bo_frame = backoffice_frame(frame)
        t_bo, r_bo = best_of(lambda: with_backoffice(bo_frame), args.repeat)

    # The three must agree before their timings mean anything.
    totals = {
        "pandas": (int(r_pd["offered"].sum()), int(r_pd["within"].sum()), int(r_pd["handle"].sum())),
        "duckdb": (int(r_db["offered"].sum()), int(r_db["within"].sum()), int(r_db["handle"].sum())),
        "backoffice": (int(r_bo["offered"].sum()), int(r_bo["service_level_num"].sum()),
                       int(r_bo["aht_s_num"].sum())),
    }
    groups = {"pandas": len(r_pd), "duckdb": len(r_db), "backoffice": len(r_bo)}
    if len(set(totals.values())) != 1 or len(set(groups.values())) != 1:
        print("engines disagree:", totals, groups, file=sys.stderr)
        return 1

    rows = args.rows
    out = {"rows": rows, "groups": groups["backoffice"], "threads": 1,
           "seconds": {"pandas": t_pd, "duckdb": t_db, "backoffice": t_bo},
           "rows_per_s": {"pandas": rows / t_pd, "duckdb": rows / t_db, "backoffice": rows / t_bo},
           "speedup_vs_pandas": t_pd / t_bo, "speedup_vs_duckdb": t_db / t_bo}
    print(f"{rows:,} contacts, {groups['backoffice']:,} groups (queue x 15 min, {ZONE}), one thread")
    for name in ("pandas", "duckdb", "backoffice"):
        print(f"  {name:<11} {out['seconds'][name]*1000:9.1f} ms  {out['rows_per_s'][name]/1e6:7.1f} M rows/s")
    print(f"  backoffice is {out['speedup_vs_pandas']:.1f}x pandas and {out['speedup_vs_duckdb']:.1f}x DuckDB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
