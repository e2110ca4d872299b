"""Grading an instructor can trust: one batch of honest, cheating, destructive and endless
submissions, graded in one command through the sandbox and the separate checking process.

The submissions are made here from the committed student notebook of exercise 01 and the
answer key: the honest one sets each answer variable to the key's answer, the blank one
is the notebook as shipped, and each attack is the blank notebook plus one cell. Needs
bubblewrap: skipped on a machine without it, an error under CI (``CI=true``).
"""

from __future__ import annotations

import copy
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

EX = "01_federal_baseline"
STUDENT_NB = REPO / "exercises" / "student" / f"{EX}.ipynb"
LEFTOVER = "4243"  # a looper starts `sleep 4243`; nothing it started may outlive the batch
WRITTEN = "Printz and Murphy bar Congress from commandeering state officers, so California may decline."


def _sandbox_or_skip() -> None:
    from immfed.exercises.sandbox import sandbox_problem

    problem = sandbox_problem()
    if problem:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI must run the grading integrity test: {problem}")
        pytest.skip(problem)


def _running(argv: list[str]) -> bool:
    for proc in Path("/proc").iterdir():
        try:
            if (proc / "cmdline").read_bytes().split(b"\0")[:-1] == [a.encode() for a in argv]:
                return True
        except OSError:
            continue
    return False


def _src(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _notebook(full: bool, extra: str | None = None) -> dict:
    """The student notebook, answered from the key when ``full``, with ``extra`` appended as
    a last code cell."""
    from immfed.exercises.keys import KEYS

    nb = copy.deepcopy(json.loads(STUDENT_NB.read_text(encoding="utf-8")))
    if full:
        by_var = {e.get("var", q): e for q, e in KEYS["01"].items()}
        for cell in nb["cells"]:
            tags = cell["metadata"].get("tags", [])
            if "otter_answer_cell" not in tags:
                continue
            if cell["cell_type"] == "markdown":
                cell["source"] = WRITTEN
                continue
            var = next(v for v in by_var if re.search(rf"^{v} = ", _src(cell), re.M))
            entry = by_var[var]
            answer = entry["labels"][0] if entry["kind"] == "prediction" else entry["answer"]
            cell["source"] = f"{var} = {answer!r}"
    if extra:
        nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "extra", "metadata": {},
                            "outputs": [], "source": extra})
    return nb


CHEAT_BUILTINS = """
import builtins
import immfed.exercises.checks as checks
sorted = lambda *a, **k: ["CA", "CO", "CT", "IL", "MA", "ME", "NJ", "NY", "OR", "WA"]
isinstance = lambda *a, **k: True
int = lambda *a, **k: 3
str = lambda *a, **k: "b"
checks.assert_ok = lambda *a, **k: None
builtins.isinstance = lambda *a, **k: True
"""

CHEAT_OTTER = """
import doctest
doctest.DocTestRunner.run = lambda self, *a, **k: doctest.TestResults(0, 1)
from otter.test_files import ok_test
def _all_pass(self, global_environment):
    for case in self.test_cases:
        self.test_case_results.append(ok_test.TestCaseResult(test_case=case, message="ok", passed=True))
ok_test.OKTestFile.run = _all_pass
"""

CHEAT_TESTS = """
import pathlib
for where in (pathlib.Path("tests"), pathlib.Path.cwd().parent / "tests"):
    try:
        where.mkdir(parents=True, exist_ok=True)
        for q in ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]:
            (where / f"{q}.py").write_text(f"OK_FORMAT = True\\ntest = {{'name': '{q}', 'points': 10, 'suites': []}}")
    except OSError:
        pass
"""


def _build(folder: Path, outside: Path) -> dict[str, str]:
    """Write the batch; returns student -> file name."""
    made = {
        "honest_full": _notebook(True),
        "honest_blank": _notebook(False),
        "cheat_builtins": _notebook(False, CHEAT_BUILTINS),
        "cheat_otter": _notebook(False, CHEAT_OTTER),
        "cheat_tests": _notebook(False, CHEAT_TESTS),
        "deleter": _notebook(False, f"import os\nos.remove({str(outside)!r})"),
        "looper": _notebook(False, f"import subprocess\nsubprocess.Popen(['sleep', '{LEFTOVER}'])\n"
                                   "while True:\n    pass"),
    }
    for student, nb in made.items():
        (folder / student).mkdir(parents=True)
        (folder / student / f"{EX}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (folder / "corrupt").mkdir()
    (folder / "corrupt" / f"{EX}.ipynb").write_text('{"cells": [ oops', encoding="utf-8")
    return made


def test_one_command_grades_honest_cheating_destructive_and_endless_submissions(tmp_path):
    _sandbox_or_skip()
    subs = tmp_path / "submissions"
    outside = tmp_path / "instructor" / "precious.txt"
    outside.parent.mkdir()
    outside.write_text("keep me", encoding="utf-8")
    made = _build(subs, outside)
    out_csv = tmp_path / "results" / "scores.csv"
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "immfed.cli", "exercises", "grade", str(subs), "--out", str(out_csv),
                           "--cell-timeout", "30", "--notebook-timeout", "120"],
                          capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - started
    print(proc.stdout, proc.stderr, f"batch took {elapsed:.0f} s", sep="\n")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr

    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    total = {r["student"]: r for r in rows if r["question"] == "total (auto-graded)"}
    assert set(total) == set(made) | {"corrupt"}, "every student is in the CSV"
    # Exercise 01 has 12 auto-graded points: q1-q4 and q7 2 each, q5 and q6 1 each.
    assert float(total["honest_full"]["points"]) == float(total["honest_full"]["possible"]) == 12
    for student in ("honest_blank", "cheat_builtins", "cheat_otter", "cheat_tests", "deleter", "looper", "corrupt"):
        assert float(total[student]["points"]) == 0, f"{student} must score 0"
    assert outside.read_text(encoding="utf-8") == "keep me", "a submission deleted a file outside its folder"
    assert "limit per cell" in total["looper"]["note"]
    assert not _running(["sleep", LEFTOVER]), "a process a submission started outlived grading"
    # Replacing isinstance for the whole kernel breaks ipykernel itself: a note, not a hang.
    assert re.search(r"^$|kernel (died|stopped answering) at cell", total["cheat_builtins"]["note"])
    assert "could not read this notebook" in total["corrupt"]["note"]
    notes = {(r["student"], r["question"]): r["note"] for r in rows}
    assert notes[("honest_blank", "q1")] == "blank"
    assert notes[("honest_full", "q1")] == ""
    assert notes[("deleter", "q1")] == "blank"  # its extra cell raised, but q1's own cell did not

    wide = {r["student"]: r for r in csv.DictReader((out_csv.parent / "scores-wide.csv").open(encoding="utf-8"))}
    assert set(wide) == set(made) | {"corrupt"}
    assert float(wide["honest_full"]["01 q4"]) == 2 and float(wide["honest_full"]["total without written"]) == 12
    assert float(wide["honest_full"]["possible with written"]) == 15  # q8 is worth 3 written points

    written = {r["student"]: r for r in csv.DictReader((out_csv.parent / "scores-written.csv").open(encoding="utf-8"))}
    assert written["honest_full"]["text"] == WRITTEN and written["honest_full"]["blank"] == ""
    assert written["honest_blank"]["blank"] == "BLANK" and written["honest_blank"]["question"] == "q8"
    assert "Rubric" in written["honest_full"]["rubric"]
