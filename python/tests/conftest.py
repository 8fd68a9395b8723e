import os
import pathlib

import pytest

import backoffice as bo

REPO = pathlib.Path(os.environ.get("BACKOFFICE_REPO", pathlib.Path(__file__).resolve().parents[2]))


@pytest.fixture
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture
def store():
    """An in-memory store with queue 1 ("Billing", 80% in 20 s)."""
    with bo.Store.in_memory() as s:
        s.put_queue(1, "Billing", service_level_target_s=20, service_level_percent=80.0)
        yield s


def pytest_addoption(parser):
    parser.addoption("--run-benchmarks", action="store_true", default=False,
                     help="run the tests marked benchmark (slow; see docs/python.md)")


def pytest_configure(config):
    config.addinivalue_line("markers", "benchmark: a timing run, skipped unless --run-benchmarks")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-benchmarks"):
        return
    skip = pytest.mark.skip(reason="benchmark: pass --run-benchmarks to run it")
    for item in items:
        if "benchmark" in item.keywords:
            item.add_marker(skip)
