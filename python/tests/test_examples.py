"""The README's Python example runs and prints what it promises."""

import subprocess
import sys


def test_readme_example_runs(repo):
    script = repo / "examples" / "python" / "readme_example.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert "2024-03-01 09:00:15+00:00" in out  # the answered call
    assert "NaT" in out  # the abandon
    # 100 calls / 900 s x 180 s = 20 Erlangs; 80/20 needs 24 agents (checked in test_wfm's way).
    assert "required_agents=" in out


def test_the_docs_show_the_examples_that_the_tests_run(repo):
    py_example = (repo / "examples" / "python" / "readme_example.py").read_text()
    c_example = (repo / "examples" / "c" / "readme_example.c").read_text()
    assert py_example in (repo / "docs" / "python.md").read_text()
    assert c_example in (repo / "docs" / "capi.md").read_text()
