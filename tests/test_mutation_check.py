"""Mutation check: each scripted wrong rule (tests/mutants.py) must make the suite fail.

A test suite can pass because the code is right or because the tests cannot tell. For each
mutant this runs the tests it names in a fresh pytest process with the mutant installed and
expects at least one failure; a control run without any mutant must pass. The law engine's
own row-by-row mutation check is tests/test_law_mutations.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mutants import MUTANTS

REPO = Path(__file__).resolve().parents[1]


def _run(nodes, mutant=None):
    env = {**os.environ, "PYTHONPATH": str(REPO / "tests")}
    env.pop("IMMFED_MUTANT", None)
    if mutant:
        env["IMMFED_MUTANT"] = mutant
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "mutants", "-p", "no:nbval",
                           "-o", "addopts=", *nodes], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=600)


def test_the_named_tests_pass_without_a_mutant():
    nodes = sorted({n for _, tests in MUTANTS.values() for n in tests})
    run = _run(nodes)
    assert run.returncode == 0, run.stdout[-3000:]


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_each_wrong_rule_fails_the_tests_that_guard_it(name):
    run = _run(MUTANTS[name][1], mutant=name)
    assert run.returncode == 1, f"mutant {name} survived:\n{run.stdout[-2000:]}"
