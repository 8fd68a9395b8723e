"""Optional timing runs (skipped unless pytest gets --run-benchmarks):
benchmarks/python/kpi_overhead.py on 1M generated interactions."""

import json
import os
import subprocess
import sys

import pytest


@pytest.mark.benchmark
def test_kpi_report_overhead_over_the_cpp_engine(repo, tmp_path):
    out = tmp_path / "kpi_overhead.json"
    rows = os.environ.get("BACKOFFICE_BENCH_ROWS", "1000000")
    run = subprocess.run([sys.executable, str(repo / "benchmarks" / "python" / "kpi_overhead.py"),
                          "--rows", rows, "--json", str(out)], capture_output=True, text=True, check=True)
    print(run.stdout)
    result = json.loads(out.read_text())
    assert result["rows"] == int(rows)
    # 12 queues x 60 days x 96 quarter-hours at most; every one is hit at 1M rows.
    assert 0 < result["groups"] <= 12 * 60 * 96
    assert result["python_ms"] > 0 and result["cpp_ms"] > 0
    # The 20% target is reported, not asserted: on the shared 2-core machine
    # the timings move with the load. BACKOFFICE_BENCH_ENFORCE=1 enforces it.
    if os.environ.get("BACKOFFICE_BENCH_ENFORCE") == "1":
        assert result["overhead_percent"] < result["target_percent"], run.stdout
