"""Shared fixtures: a throw-away copy of the shipped data, so bad-input tests never touch it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of datapackage.json and tables/ in a temporary folder."""
    root = tmp_path / "data"
    (root / "tables").mkdir(parents=True)
    shutil.copy(DATA / "datapackage.json", root / "datapackage.json")
    for csv in (DATA / "tables").glob("*.csv"):
        shutil.copy(csv, root / "tables" / csv.name)
    return root


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """Point the refreshed-data folder at an empty temp dir so a developer's own refresh
    never changes what the tests see."""
    monkeypatch.setenv("IMMFED_USER_DATA", str(tmp_path / "userdata"))
    import immfed.data

    immfed.data.reset()
    yield
    immfed.data.reset()


@pytest.fixture
def user_root(tmp_path) -> Path:
    """The user data folder these tests use (``_isolated_user_data`` points
    ``IMMFED_USER_DATA`` at it); it does not exist until something is published."""
    return tmp_path / "userdata"


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test in the run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()
