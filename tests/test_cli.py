"""The ``immfed`` command line, run as a student or instructor would run it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import immfed.data as data


def _immfed(*args):
    exe = shutil.which("immfed")
    cmd = [exe, *args] if exe else [sys.executable, "-m", "immfed.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True)


def test_data_check_prints_one_line_per_table():
    run = _immfed("data", "check")
    assert run.returncode == 0, run.stderr
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("ok ")]
    assert [ln.split()[1] for ln in lines] == data.tables()
    for ln in lines:
        name, rows = ln.split()[1], int(ln.split()[2])
        assert rows == len(data.load(name))


def test_data_list_names_every_table():
    run = _immfed("data", "list")
    assert run.returncode == 0
    assert [ln.split()[0] for ln in run.stdout.splitlines()] == data.tables()


def test_cite_unknown_id_is_an_error_not_a_traceback():
    run = _immfed("data", "cite", "no_such_source")
    assert run.returncode == 1 and "no_such_source" in run.stderr and "Traceback" not in run.stderr
