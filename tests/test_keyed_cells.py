"""Each exercise answer is written once, in the key: the build writes the tests and the literal
solutions from it, and the source notebooks restate no answer.

The right and wrong answers below are worked out by hand from the questions (not read from the
key), so a key that drifts from the question fails here as well as a broken generator.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from immfed.exercises import keyed
from immfed.exercises.keys import KEYS

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted((REPO / "exercises" / "source").glob("[0-9][0-9]_*.ipynb"))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _src(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


# ---------------------------------------------------------------- the sources leave the answers to the key

@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_source_restates_a_keyed_answer_in_a_test(path):
    ex, cells = path.stem[:2], _cells(path)
    for q in keyed.questions(cells):
        if q.manual:
            continue
        entry = KEYS[ex][q.name]
        var = keyed.answer_var(q.name, entry)
        for i in q.tests:
            code = _src(cells[i])
            assert keyed.is_hidden(code), f"{path.name} {q.name}: a public test in the source (it is generated)"
            restated = keyed.restated_answers(code, entry, var)
            assert not restated, (f"{path.name} {q.name}: hidden test restates the answer {restated!r}; the build "
                                  f"writes the answer test from exercises/keys/ex{ex}.py:\n{code}")
            assert keyed.uses(code, var), f"{path.name} {q.name}: hidden test never uses {var}"
    keyed.check_source(cells, ex, KEYS[ex], path.name)  # what the build checks, too


@pytest.mark.parametrize("ex, q, code", [
    # the hand-typed hidden tests the sources had before the build wrote them from the key
    ("01", "q1", 'assert isinstance(q1, str) and q1.strip().strip("()").lower() == "b"'),
    ("01", "q3", 'assert sorted(str(x).strip().lower() for x in q3) == ["a", "b", "c"]'),
    ("01", "q5", "assert int(q5) == 3"),
    ("01", "q6", 'assert str(q6_prediction).strip().lower() in ("allowed", "not allowed", "required", "depends")'),
    ("02", "q5", "assert abs(float(q5) - 1902 / 2654) < 0.0006"),
    ("04", "q2", 'assert _end == _dt.datetime(2027, 1, 20, 17, 0) and q2.strip().strip("()").lower() == "c"'),
    ("05", "q8", 'assert {k: int(v) for k, v in dict(q8).items()} == {"tfm_2025": 0, "tfm_2026": 12, '
                 '"total_2026": 34, "operations": 1}'),
    ("07", "q5", 'assert abs(float(q5["per_100k"]) - 197.0) < 0.05 and int(q5["rank"]) == 12'),
])
def test_the_guard_catches_restated_answers(ex, q, code):
    entry = KEYS[ex][q]
    assert keyed.restated_answers(keyed.HIDDEN_CONFIG + code, entry, keyed.answer_var(q, entry))


@pytest.mark.parametrize("ex, q, code", [
    # extra hidden tests that recompute the answer at grading time: legitimate
    ("07", "q5", 'assert int(q5["rank"]) == int((_o["_r"] > _ga).sum()) + 1'),
    ("05", "q8", '_v = lambda snap, col: int(_nc.loc[_nc["snapshot"] == snap, col].iloc[0])\n'
                 'assert {k: int(v) for k, v in dict(q8).items()} == {"tfm_2025": _v("2025-07-18", "tfm")}'),
    ("03", "q10", 'assert _a.answer == "depends" and str(q10).strip().lower() == _a.deciding_fact'),
    ("01", "q5", "assert int(q5) == len(_rows[:3])"),
])
def test_the_guard_lets_recomputations_through(ex, q, code):
    entry = KEYS[ex][q]
    assert keyed.restated_answers(keyed.HIDDEN_CONFIG + code, entry, keyed.answer_var(q, entry)) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_literal_solutions_are_the_keys_answers(path):
    """`immfed exercises build` writes each literal solution line from the key; a source that
    says something else (edited by hand, or a key changed without a build) fails here."""
    ex, cells = path.stem[:2], _cells(path)
    literal = 0
    for q in keyed.questions(cells):
        if q.manual:
            continue
        entry = KEYS[ex][q.name]
        for i in q.solutions:
            code = _src(cells[i])
            assert keyed.sync_solution(code, ex, q.name, entry) == code, (
                f"{path.name} {q.name}: solution line differs from the key; run `immfed exercises build`")
            literal += keyed.solution_line(ex, q.name, entry) in code if "answer" in entry else 0
    assert literal, f"{path.name}: no solution line written from the key"


# ---------------------------------------------------------------- the generated hidden test

def _run_hidden(ex: str, q: str, value) -> None:
    entry = KEYS[ex][q]
    code = keyed.hidden_test(ex, q, entry)
    exec(compile(code, f"<hidden {ex} {q}>", "exec"), {keyed.answer_var(q, entry): value})  # noqa: S102


@pytest.mark.parametrize("kind, ex, q, right, wrong", [
    ("choice", "01", "q1", " (B) ", "a"),  # 48 hours past release, a request (8 C.F.R. 287.7)
    ("multi", "01", "q3", ["c", "a", "b"], ["a", "b", "c", "d"]),  # Arizona: 3, 5(C) and 6 fell; 2(B) survived
    ("codes", "01", "q4", ("wa", "OR", "NY", "NJ", "ME", "MA", "IL", "CT", "CO", "CA"), ["CA", "IL", "NY"]),
    ("number", "01", "q5", 3, 7),  # three 'not allowed' rows; 7 is every row
    ("number", "02", "q5", 1902 / 2654, 71.66),  # the task-force share on 9 October 2026, not a percentage
    ("prediction", "01", "q6", "Depends", "perhaps"),  # any committed label earns the point
    ("label", "01", "q7", " Required", "allowed"),  # Texas SB 4 makes the hold required
    ("mapping", "02", "q2", {"patrol": "tfm", "serve": "wso", "screen": "jem"},
     {"patrol": "jem", "serve": "wso", "screen": "jem"}),  # two of three right is not all right
    ("numbers", "02", "q8", {"tfm_2025": 25, "tfm_2026": 140, "jem_2026": 0},
     {"tfm_2025": 25, "tfm_2026": 140, "jem_2026": 1}),  # Pennsylvania's sheets
    ("numbers", "07", "q5", {"per_100k": 197.03, "rank": 12}, {"per_100k": 197.0, "rank": 34}),  # within 0.05
    ("sequence", "03", "q1", ["encounter", "arrest", "booking", "fingerprint_check", "detainer", "hold"],
     ["encounter", "booking", "arrest", "fingerprint_check", "detainer", "hold"]),
    ("items", "03", "q5", ["hold", "booking", "detainer", "fingerprint_check"],
     ["booking", "fingerprint_check", "detainer", "hold", "transfer"]),
])
def test_generated_hidden_test_passes_the_right_answer_and_fails_a_wrong_one(kind, ex, q, right, wrong):
    assert KEYS[ex][q]["kind"] == kind
    _run_hidden(ex, q, right)
    with pytest.raises(AssertionError):
        _run_hidden(ex, q, wrong)
    for odd in (..., None, "", object()):
        with pytest.raises(AssertionError):
            _run_hidden(ex, q, odd)


def test_generated_hidden_test_keeps_the_answer_it_was_built_with(monkeypatch):
    """The key entry is a literal in the test: changing the installed key (from a notebook,
    or by editing the package) changes the self-check but not the hidden test."""
    code = keyed.hidden_test("01", "q1", KEYS["01"]["q1"])
    monkeypatch.setitem(KEYS["01"]["q1"], "answer", "a")
    exec(compile(code, "<hidden>", "exec"), {"q1": "b"})  # noqa: S102
    with pytest.raises(AssertionError):
        exec(compile(code, "<hidden>", "exec"), {"q1": "a"})  # noqa: S102


def test_every_key_entry_can_be_written_as_a_literal():
    import ast

    for ex, key in KEYS.items():
        for q, entry in key.items():
            assert ast.literal_eval(repr(entry)) == entry, f"{ex} {q}"
            if "answer" in entry and entry["kind"] != "prediction":
                line = keyed.solution_line(ex, q, entry)
                assert ast.literal_eval(line.split(" = ", 1)[1].split("  # SOLUTION")[0]) == entry["answer"]


# ---------------------------------------------------------------- what the build accepts

def _source(tests: list[str], solution: str = 'q1 = "a"  # SOLUTION') -> list[dict]:
    import nbformat

    raw, code = nbformat.v4.new_raw_cell, nbformat.v4.new_code_cell
    cells = [raw("# BEGIN QUESTION\nname: q1\npoints: 2"), nbformat.v4.new_markdown_cell("**Q1.**"),
             raw("# BEGIN SOLUTION"), code(solution), raw("# END SOLUTION")]
    if tests:
        cells += [raw("# BEGIN TESTS"), *(code(t) for t in tests), raw("# END TESTS")]
    return cells + [raw("# END QUESTION")]


def test_the_build_writes_tests_and_solution_from_the_key():
    nb = {"cells": _source([]), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    out = keyed.for_otter(nb, "01", KEYS["01"], "test")
    texts = [_src(c) for c in out["cells"]]
    assert texts[3] == 'q1 = "b"  # SOLUTION: from the key, exercises/keys/ex01.py'
    assert texts[5:9] == ["# BEGIN TESTS", keyed.public_test("01", "q1"),
                          keyed.hidden_test("01", "q1", KEYS["01"]["q1"]), "# END TESTS"]
    assert _src(nb["cells"][3]) == 'q1 = "a"  # SOLUTION', "the source itself is not changed"
    extra = keyed.HIDDEN_CONFIG + "assert q1 == q1.strip()"
    out = keyed.for_otter({**nb, "cells": _source([extra])}, "01", KEYS["01"], "test")
    assert [_src(c) for c in out["cells"]][5:10] == [
        "# BEGIN TESTS", keyed.public_test("01", "q1"), keyed.hidden_test("01", "q1", KEYS["01"]["q1"]), extra,
        "# END TESTS"]
    computed = "q1 = sorted(options)[1]  # SOLUTION"
    out = keyed.for_otter({**nb, "cells": _source([], computed)}, "01", KEYS["01"], "test")
    assert _src(out["cells"][3]) == computed, "a computed solution stays as written"


@pytest.mark.parametrize("tests, words", [
    (['from immfed.exercises.checks import assert_ok\nassert_ok("01", "q1", q1)'], "public test"),
    ([keyed.HIDDEN_CONFIG + "assert 1 + 1 == 2"], "never uses q1"),
])
def test_the_build_refuses_a_source_that_writes_its_own_answer_tests(tests, words):
    nb = {"cells": _source(tests), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    with pytest.raises(keyed.KeyedError, match=words):
        keyed.for_otter(nb, "01", KEYS["01"], "test")


def test_a_new_source_written_with_the_authoring_helper_gets_its_answers_from_the_key(tmp_path):
    from immfed.exercises.authoring import SourceNotebook

    nb = SourceNotebook("01_federal_baseline", "Exercise 01")
    nb.question("q1", "**Q1.** Which describes a detainer?", points=2)
    nb.question("q5", "**Q5 (pandas).** How many?",
                solution='q5 = len(rules[rules["answer"] == "not allowed"])  # SOLUTION',
                hidden=['assert int(q5) == len(_rows)'])
    path = nb.write(tmp_path / "01_federal_baseline.ipynb")
    assert keyed.sync_source(path, KEYS["01"]) == [
        "01_federal_baseline.ipynb q1: solution line now written from exercises/keys/ex01.py"]
    cells = _cells(path)
    solutions = [_src(cells[i]) for q in keyed.questions(cells) for i in q.solutions]
    assert solutions == ['q1 = "b"  # SOLUTION: from the key, exercises/keys/ex01.py',
                         'q5 = len(rules[rules["answer"] == "not allowed"])  # SOLUTION']
    assert keyed.sync_source(path, KEYS["01"]) == [], "a second sync changes nothing"
