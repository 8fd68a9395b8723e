"""The notebooks in examples/notebooks run from top to bottom without an
error, in a kernel of this interpreter (so it imports the backoffice under
test), on the shared data when present and on generated data otherwise."""

import os
import subprocess
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")


@pytest.fixture(scope="module")
def kernel_name() -> str:
    """The python3 kernel of this interpreter, installed into its prefix
    (the venv) when missing; jupyter_client starts it with sys.executable."""
    from jupyter_client.kernelspec import KernelSpecManager

    if "python3" not in KernelSpecManager().find_kernel_specs():
        subprocess.run([sys.executable, "-m", "ipykernel", "install", "--sys-prefix"], check=True,
                       capture_output=True)
    return "python3"


def run_notebook(repo, name, data, needs, kernel_name, tmp_path, monkeypatch) -> str:
    """Runs examples/notebooks/<name> on the shared data (skipping when the
    file `needs` is absent) or, with data="generated", with no data folder;
    returns the text the code cells printed."""
    path = repo / "examples" / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    monkeypatch.setenv("BACKOFFICE_NOTEBOOK_OUT", str(tmp_path))
    # The kernel inherits the environment: PYTHONPATH finds the package under test.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(sys.path))
    workdir = path.parent
    if data == "generated":
        monkeypatch.setenv("BACKOFFICE_DATA_DIR", str(tmp_path / "none"))
        workdir = tmp_path  # no shared/data above it
        (tmp_path / "none").mkdir()
    elif not (repo.parent / "shared" / "data" / needs).exists():
        pytest.skip(f"no ../shared/data/{needs} next to the repository")
    client = nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=600,
                                     resources={"metadata": {"path": str(workdir)}})
    client.execute()
    outputs = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert ("data: generated" in outputs) == (data == "generated")
    return outputs


@pytest.mark.parametrize("data", ["shared", "generated"])
def test_kpi_tour_notebook_runs(repo, kernel_name, tmp_path, monkeypatch, data):
    outputs = run_notebook(repo, "kpi_tour.ipynb", data, "Call-Center-Dataset.csv", kernel_name, tmp_path,
                           monkeypatch)
    assert "service level over all weeks" in outputs
    assert (tmp_path / "kpi_tour.png").stat().st_size > 10000


@pytest.mark.parametrize("data", ["shared", "generated"])
def test_wfm_planning_notebook_runs(repo, kernel_name, tmp_path, monkeypatch, data):
    """Backtest, forecast, staffing, simulation and a CBC shift plan, on the
    bank volumes or generated ones."""
    outputs = run_notebook(repo, "wfm_planning.ipynb", data, "calls_fpp2_bank_5min.csv", kernel_name, tmp_path,
                           monkeypatch)
    assert "optimal: True" in outputs
    assert (tmp_path / "wfm_planning.png").stat().st_size > 10000
