#!/usr/bin/env python3
"""Python overhead of bo.kpi_report: the same contact report timed through
the Python API (DataFrame in, DataFrame out) and in C++ alone (the engine on
columns converted beforehand: contact_report + to_table, what a C++ caller
pays), on generated interactions (deterministic, seed 42).

    PYTHONPATH=build/<dir>/python .venv/bin/python benchmarks/python/kpi_overhead.py \
        [--rows 1000000] [--repeat 5] [--json kpi_overhead.json]

Prints both timings (best of --repeat) and the overhead in percent
(target: under 20%), and writes them as JSON. docs/python.md, "Speed".
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import numpy as np
import pandas as pd

import backoffice as bo
from backoffice.kpi import _bench_engine_ms

TARGET_PERCENT = 20.0


def interactions(rows: int, seed: int = 42) -> pd.DataFrame:
    """`rows` calls over 60 days on 12 queues and 200 agents, 10% abandoned,
    30% surveyed, as the DataFrame a user would pass (tz-aware datetimes,
    timedeltas, nullable Int64, bool)."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-03-01T00:00:00", "ms").astype(np.int64)
    offered = np.sort(start + rng.integers(0, 60 * 86_400_000, rows))
    wait = rng.exponential(25_000, rows).astype(np.int64)
    answered = rng.random(rows) < 0.9
    talk = rng.gamma(4.0, 60_000, rows).astype(np.int64) * answered
    hold = (rng.random(rows) < 0.2) * rng.integers(0, 120_000, rows) * answered
    wrap = rng.integers(0, 60_000, rows) * answered
    answered_at = np.where(answered, offered + wait, np.iinfo(np.int64).min)
    ended = np.where(answered, offered + wait + talk + hold, offered + wait)
    csat_given = answered & (rng.random(rows) < 0.3)
    nps_given = answered & (rng.random(rows) < 0.2)

    def utc(ms: np.ndarray) -> pd.Series:
        return pd.Series(ms.view("datetime64[ms]")).dt.tz_localize("UTC")

    return pd.DataFrame({
        "queue_id": rng.integers(1, 13, rows),
        "customer_id": pd.array(rng.integers(1, rows // 4 + 2, rows)),
        "agent_id": pd.arrays.IntegerArray(rng.integers(1, 201, rows), ~answered),
        "offered_at": utc(offered),
        "answered_at": utc(answered_at),
        "ended_at": utc(ended),
        "talk_time": pd.to_timedelta(talk, unit="ms"),
        "hold_time": pd.to_timedelta(hold, unit="ms"),
        "wrap_up_time": pd.to_timedelta(wrap, unit="ms"),
        "transferred": answered & (rng.random(rows) < 0.08),
        "csat": pd.arrays.IntegerArray(rng.integers(1, 6, rows), ~csat_given),
        "nps": pd.arrays.IntegerArray(rng.integers(0, 11, rows), ~nps_given),
    })


def best_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", default="kpi_overhead.json", help="where to write the results")
    args = ap.parse_args()

    df = interactions(args.rows)
    report = dict(by=["queue"], interval="15min", tz="America/New_York")
    bo.kpi_report(df, **report)  # warm-up: imports, zone database, page faults
    python_ms = best_ms(lambda: bo.kpi_report(df, **report), args.repeat)
    cpp_ms = min(_bench_engine_ms(df, repeat=args.repeat, **report))
    overhead = 100.0 * (python_ms - cpp_ms) / cpp_ms
    groups = len(bo.kpi_report(df, **report))
    result = {
        "benchmark": "kpi_report queue x 15min America/New_York, all metrics",
        "rows": args.rows,
        "groups": groups,
        "repeat": args.repeat,
        "python_ms": round(python_ms, 2),
        "cpp_ms": round(cpp_ms, 2),
        "overhead_percent": round(overhead, 1),
        "target_percent": TARGET_PERCENT,
        "python_rows_per_s": round(args.rows / python_ms * 1000),
        "cpp_rows_per_s": round(args.rows / cpp_ms * 1000),
        "backoffice": bo.__version__,
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
    }
    print(f"{args.rows:,} interactions, {groups:,} groups (queue x 15 min, America/New_York)")
    print(f"  Python bo.kpi_report (DataFrame in and out): {python_ms:9.1f} ms")
    print(f"  C++ engine (contact_report + to_table):      {cpp_ms:9.1f} ms")
    print(f"  overhead: {overhead:.1f}% (target < {TARGET_PERCENT:.0f}%)")
    with open(args.json, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"  written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
