"""Exercises: answer keys, friendly feedback, deterministic student notebooks, grading, copy.

The slow part (one ``otter assign`` run) shares one session build in a temporary folder,
so the committed files are never touched. Grading through the sandbox is tested in
test_grading_integrity.py.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from immfed.data import load
from immfed.exercises import Notebook
from immfed.exercises.checks import check
from immfed.exercises.keys import KEYS

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "exercises" / "source"
STUDENT = REPO / "exercises" / "student"
NAMES = sorted(p.stem for p in SOURCE.glob("[0-9][0-9]_*.ipynb"))

def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _src(cell) -> str:
    return "".join(cell["source"])


def _questions(path: Path) -> list[tuple[str, bool]]:
    """(name, manual) of each question in a source notebook."""
    found = []
    for cell in _cells(path):
        text = _src(cell)
        if cell["cell_type"] == "raw" and text.startswith("# BEGIN QUESTION"):
            found.append((re.search(r"name:\s*(\S+)", text).group(1), "manual: true" in text))
    return found


# ---------------------------------------------------------------- keys and sources

def test_every_exercise_has_a_source_a_student_notebook_and_a_key():
    assert NAMES, "no exercise sources found"
    for name in NAMES:
        assert (STUDENT / f"{name}.ipynb").exists(), f"run `immfed exercises build` for {name}"
        auto = [q for q, manual in _questions(SOURCE / f"{name}.ipynb") if not manual]
        assert auto == list(KEYS[name[:2]]), f"{name}: questions and answer key differ"
        assert len(_questions(SOURCE / f"{name}.ipynb")) >= 6


def test_every_feedback_source_id_resolves():
    known = set(load("sources")["source_id"])
    for ex, key in KEYS.items():
        for q, entry in key.items():
            missing = set(entry.get("sources", ())) - known
            assert not missing, f"exercise {ex} {q}: unknown source ids {missing}"
            assert entry.get("section", "").startswith("Lesson"), f"exercise {ex} {q}: no lesson section"


def test_data_answers_match_the_shipped_tables():
    """If the data changes, these fail: update the key and run `immfed exercises build` (which writes the
    tests and the literal solutions from it)."""
    from immfed.widgets.pipeline import DEFAULT_RATES, funnel

    laws = load("state_laws")
    limits = laws[(laws["mechanism"] == "detainer_limit") & laws["status"].isin(["in_force", "upheld"])]
    assert sorted(limits["state_code"].unique()) == KEYS["01"]["q4"]["answer"]
    rules = load("authority_rules")
    base = rules[(rules["actor"] == "local_no_agreement") & (rules["applies_when"] == "federal_baseline")]
    assert (base["answer"] == "not allowed").sum() == KEYS["01"]["q5"]["answer"]

    by_state = load("agreements_by_state")
    wide = by_state.pivot_table(index="state_code", columns="snapshot", values="tfm")
    added = (wide["2026-10-09"] - wide["2025-07-18"]).sort_values(ascending=False)
    assert list(added.index[:3]) == KEYS["02"]["q4"]["answer"]
    assert added.iloc[2] > added.iloc[3], "a tie for third place would make Q4 ambiguous"
    latest = by_state[by_state["snapshot"] == "2026-10-09"]
    assert latest["tfm"].sum() / latest["total"].sum() == pytest.approx(KEYS["02"]["q5"]["answer"])
    fl = latest.set_index("state_code")
    assert fl.loc["FL", "tfm"] == KEYS["02"]["q7"]["answer"]
    pa = by_state[by_state["state_code"] == "PA"].set_index("snapshot")
    assert {"tfm_2025": pa.loc["2025-07-18", "tfm"], "tfm_2026": pa.loc["2026-10-09", "tfm"],
            "jem_2026": pa.loc["2026-10-09", "jem"]} == KEYS["02"]["q8"]["answer"]
    assert set(by_state.loc[by_state["snapshot"] == "2026-10-09", "state_code"]) - set(
        by_state.loc[by_state["snapshot"] == "2025-07-18", "state_code"]) == {"GU", "MP"}  # Q6's grey squares

    steps = load("pipeline_steps")
    stages = {r: list(steps.loc[steps["regime"] == r, "stage"]) for r in ("no_agreement", "tfm", "state_restricts")}
    assert sorted(set(stages["no_agreement"]) - set(stages["tfm"])) == sorted(KEYS["03"]["q5"]["answer"])
    assert [s for s in stages["no_agreement"] if s in KEYS["03"]["q1"]["answer"]] == KEYS["03"]["q1"]["answer"]
    assert set(stages["no_agreement"]) - set(stages["state_restricts"]) == {"hold"}  # what Q4's reveal shows
    assert funnel(1000, dict(DEFAULT_RATES, held=1.0))["Taken into ICE custody"] == KEYS["03"]["q6"]["answer"]


# ---------------------------------------------------------------- feedback

@pytest.mark.parametrize("ex, q, value, status, words", [
    ("01", "q1", ..., "unanswered", "Replace the ..."),
    ("01", "q1", "b", "correct", "48 hours"),
    ("01", "q1", " (B) ", "correct", "Galarza"),
    ("01", "q1", "a", "incorrect", "immigration officer signs it, not a judge"),
    ("01", "q1", "d", "incorrect", "8 U.S.C. 1373"),
    ("01", "q1", 2, "invalid", "letter of one option in quotes"),
    ("01", "q2", "a", "incorrect", "own jail"),
    ("01", "q3", "a, b, c", "invalid", "list of letters"),
    ("01", "q3", ["a", "b", "c", "d"], "incorrect", "2(B) was not blocked"),
    ("01", "q4", ["ca", "co", "ct", "il", "ma", "me", "nj", "ny", "or", "wa"], "correct", "Ten states"),
    ("01", "q4", "CA", "invalid", "list of two-letter state codes"),
    ("01", "q5", "3", "invalid", "number without quotes"),
    ("01", "q5", 7, "incorrect", "only the rows"),
    ("01", "q6", "perhaps", "invalid", "Commit a prediction"),
    ("01", "q6", "allowed", "recorded", "Prediction recorded"),
    ("01", "q7", "not allowed", "incorrect", "California"),
    ("02", "q2", {"patrol": "tfm"}, "invalid", "still missing"),
    ("02", "q2", {"patrol": "jem", "serve": "wso", "screen": "jem"}, "incorrect", "routine policing"),
    ("02", "q4", ["MO", "TX", "AR"], "incorrect", "pivot"),
    ("02", "q5", 0.4988, "incorrect", "18 July 2025"),
    ("02", "q5", 71.665, "incorrect", "not a percentage"),
    ("02", "q7", 353, "incorrect", "total over all three models"),
    ("02", "q8", {"tfm_2025": 25, "tfm_2026": "140", "jem_2026": 0}, "invalid", "number without quotes"),
    ("03", "q1", ["encounter", "arrest"], "invalid", "exactly once"),
    ("03", "q1", ["encounter", "booking", "arrest", "fingerprint_check", "detainer", "hold"], "incorrect",
     "position 2"),
    ("03", "q5", ["booking", "hold", "transfer"], "incorrect", "Not part of the answer: transfer"),
    ("03", "q7", {"c1": "empirical", "c2": "legal", "c3": "normative", "c4": "normative", "c5": "legal",
                  "c6": "normative"}, "incorrect", "causal claim"),
    ("03", "q7", {f"c{i}": "fact" for i in range(1, 7)}, "invalid", "use one of"),
])
def test_feedback_says_right_or_wrong_and_why(ex, q, value, status, words):
    fb = check(ex, q, value)
    assert fb.status == status, fb.text()
    assert words in fb.text()
    if status in ("correct", "incorrect"):
        assert fb.section.startswith("Lesson"), "feedback must point to the lesson section"
    assert "Traceback" not in fb._repr_html_()


class _Weird:
    def __iter__(self):
        raise RuntimeError("boom")

    def __repr__(self):
        raise RuntimeError("no repr either")


@pytest.mark.parametrize("value", [None, "", float("nan"), object(), _Weird(), lambda: 1, {"a": 1}, [None], 10**100])
def test_no_answer_ever_raises(value):
    for ex, key in KEYS.items():
        grader = Notebook(ex)
        for q, entry in key.items():
            fb = grader.check(q, {entry.get("var", q): value})
            assert fb.status in ("unanswered", "invalid", "incorrect"), (ex, q, value, fb)
            assert fb.text()


def test_grader_explains_a_missing_variable_and_an_unknown_question():
    grader = Notebook("01_federal_baseline")
    assert "run the answer cell above" in grader.check("q2", {}).message
    assert "Known: q1" in grader.check("q42", {}).message


# ---------------------------------------------------------------- build, regenerate, grade

@pytest.fixture(scope="session")
def built(tmp_path_factory):
    pytest.importorskip("otter", reason="building and grading exercises needs otter-grader (instructor extra)")
    from immfed.exercises.build import build

    root = tmp_path_factory.mktemp("exercises-build")
    zips = build(student_dir=root / "student", out=root / "out")
    return root, zips


def test_student_notebooks_regenerate_identically(built):
    root, _ = built
    for name in NAMES:
        fresh = (root / "student" / f"{name}.ipynb").read_text(encoding="utf-8")
        committed = (STUDENT / f"{name}.ipynb").read_text(encoding="utf-8")
        assert fresh == committed, f"{name}: committed student notebook is stale; run `immfed exercises build`"


def test_build_leaves_grading_files_read_only_with_recorded_hashes(built):
    from immfed.exercises import material

    root, zips = built
    out = root / "out"
    for name in NAMES:
        for path in (zips[name], out / "grading" / f"{name}.json"):
            assert not path.stat().st_mode & 0o222, f"{path} must be read-only"
            assert material.matches_record(out, path), f"{path} does not match its recorded SHA-256"


def test_student_notebooks_hold_no_solutions_and_use_the_light_grader():
    for name in NAMES:
        text = (STUDENT / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "# SOLUTION" not in text and "BEGIN SOLUTION" not in text and "Rubric" not in text
        assert "import otter" not in text and '"hidden": true' not in text
        cells = _cells(STUDENT / f"{name}.ipynb")
        assert "from immfed.exercises import Notebook" in _src(cells[0])
        assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code")


def test_rubrics_are_collected_for_the_instructor(built):
    root, _ = built
    text = (root / "out" / "rubrics.md").read_text(encoding="utf-8")
    for name in NAMES:
        for q, manual in _questions(SOURCE / f"{name}.ipynb"):
            if manual:
                assert f"{name} {q}" in text
    assert text.count("**Rubric") >= len(NAMES)


def _solution_text(code: str) -> str:
    lines = [ln for ln in code.splitlines() if ln.strip() not in ("# BEGIN SOLUTION", "# END SOLUTION")]
    return "\n".join(re.sub(r"\s*# SOLUTION\b.*$", "", ln) for ln in lines)


def _submission(name: str, replace: dict[str, str] | None = None, blank: bool = False) -> dict:
    """The student notebook with each answer cell filled from the source's solutions
    (or left blank); ``replace`` maps an answer variable to new cell text."""
    source = _cells(SOURCE / f"{name}.ipynb")
    solutions, inside = [], False
    for cell in source:
        text = _src(cell)
        if cell["cell_type"] == "raw" and text == "# BEGIN SOLUTION":
            inside = True
        elif cell["cell_type"] == "raw" and text == "# END SOLUTION":
            inside = False
        elif inside and cell["cell_type"] == "code":
            solutions.append(_solution_text(text))
    nb = copy.deepcopy(json.loads((STUDENT / f"{name}.ipynb").read_text(encoding="utf-8")))
    answers = [c for c in nb["cells"] if c["cell_type"] == "code" and "otter_answer_cell" in c["metadata"].get("tags", [])]
    assert len(answers) == len(solutions)
    for cell, solution in zip(answers, solutions):
        if not blank:
            cell["source"] = solution
        for key, text in (replace or {}).items():
            if re.search(rf"^{key} = ", solution, re.M):
                cell["source"] = text
    return nb


def test_solutions_pass_every_public_and_hidden_test(built, tmp_path, monkeypatch):
    """Runs each autograder zip's tests (public and hidden) in-process against the student
    notebook filled with the source's solutions: fast, no kernel."""
    import zipfile

    from otter.test_files import OKTestFile

    root, zips = built
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        env: dict = {"__name__": "__main__"}
        for cell in _submission(name)["cells"]:
            if cell["cell_type"] == "code":
                exec(compile(_src(cell), f"<{name}>", "exec"), env)  # noqa: S102 - our own notebook
        with zipfile.ZipFile(zips[name]) as zf:
            tests = [n for n in zf.namelist() if n.startswith("tests/") and n.endswith(".py")]
            zf.extractall(tmp_path / name, members=tests)
        assert sorted(Path(n).stem for n in tests) == sorted(KEYS[name[:2]])
        for test in sorted(tests):
            result = OKTestFile.from_file(str(tmp_path / name / test))
            result.run(env)
            hidden = sum(1 for case in result.test_cases if case.hidden)
            assert hidden >= 1, f"{name} {test}: no hidden test"
            assert result.passed_all, f"{name} {test}:\n{result.summary()}"


def test_autograder_hidden_tests_come_from_the_key_and_fail_wrong_answers(built, tmp_path):
    """Through otter's own runner: each built question has the generated public and hidden
    tests, and a hand-worked wrong answer fails the hidden one the right answer passes."""
    import zipfile

    from otter.test_files import OKTestFile

    _, zips = built
    with zipfile.ZipFile(zips["04_detainers_and_jails"]) as zf:
        zf.extractall(tmp_path, members=[n for n in zf.namelist() if n.startswith("tests/")])
    cases = [  # Friday 15 January 2027 17:00 + 48 countable hours, skipping the weekend and MLK Day
        ("q2", "q2", "c", "d"),
        ("q4", "q4", {"tx": "required", "ca": "prohibited", "pa": "unsettled", "fl": "required"},
         {"tx": "required", "ca": "prohibited", "pa": "unsettled", "fl": "unsettled"}),
        ("q5", "q5_prediction", "prohibited", "maybe"),
        ("q8", "q8", {"clock_hours": 96, "days_not_counted": 2}, {"clock_hours": 48, "days_not_counted": 0}),
    ]
    for q, var, right, wrong in cases:
        for value, ok in ((right, True), (wrong, False)):
            result = OKTestFile.from_file(str(tmp_path / "tests" / f"{q}.py"))
            result.run({var: value})
            codes = [r.test_case.body for r in result.test_case_results]
            assert "assert_ok('04', " in codes[0] and "_score_answer(_key_entry, " in codes[1], q
            hidden = [r.passed for r in result.test_case_results if r.test_case.hidden]
            assert hidden and (all(hidden) if ok else not hidden[0]), (q, value, result.summary())


def test_checker_scores_collected_answers_and_says_why():
    """The checking process's scoring, without a sandbox: answers as the sandbox would
    collect them, the submitted notebook's cells, and the grading material."""
    from immfed.exercises import checker, material
    from immfed.exercises.collect import encode

    ex1 = "01_federal_baseline"
    mat = json.loads(material.material_for(SOURCE / f"{ex1}.ipynb"))
    cells = _submission(ex1, {"q1": 'raise ValueError("oops")\nq1 = "b"'})["cells"]
    raised = next(i for i, c in enumerate(cells) if "raise ValueError" in _src(c))
    answers = {"q2": "d", "q3": ["a", "d"], "q4": ("CA", "CO", "CT", "IL", "MA", "ME", "NJ", "NY", "OR", "WA"),
               "q5": "3", "q7": "Required"}
    result = {"answers": {k: encode(v) for k, v in answers.items()}, "errors": {str(raised): "ValueError: oops"},
              "timeouts": [], "collected": True}
    out = checker.check(mat, result, cells)
    by = {q["name"]: q for q in out["questions"]}
    assert by["q1"]["points"] == 0 and by["q1"]["note"] == "its cell raised ValueError: oops"
    assert by["q2"]["points"] == 2 and by["q2"]["note"] == ""
    assert by["q3"]["points"] == 0 and by["q3"]["note"].startswith("wrong: 1 of your 2 choice(s) are right")
    assert by["q4"]["points"] == 2  # a tuple collected as a list is still the right ten codes
    assert by["q5"]["points"] == 0 and by["q5"]["note"].startswith("wrong type: Answer with a number")
    assert by["q6"]["note"] == "blank: q6_prediction was never set"
    assert by["q7"]["points"] == 2
    assert sum(q["points"] for q in out["questions"]) == 6 and sum(q["possible"] for q in out["questions"]) == 12
    assert out["written"][0]["name"] == "q8" and out["written"][0]["blank"] and out["written"][0]["possible"] == 3


def test_partial_credit_matches_what_the_self_check_said():
    """Exercise 04 q4 is worth 4 points; three of four labels right is 3 points, and the
    self-check says so."""
    from immfed.exercises import checker, material
    from immfed.exercises.collect import encode

    ex4 = "04_detainers_and_jails"
    answer = {"tx": "required", "ca": "prohibited", "pa": "unsettled", "fl": "unsettled"}
    fb = check("04", "q4", answer)
    assert fb.status == "incorrect" and fb.fraction == 0.75 and "3 of 4 right" in fb.message
    assert "Partial credit: 3/4" in fb.message
    mat = json.loads(material.material_for(SOURCE / f"{ex4}.ipynb"))
    out = checker.check(mat, {"answers": {"q4": encode(answer)}, "errors": {}, "timeouts": [], "collected": True},
                        _submission(ex4)["cells"])
    q4 = next(q for q in out["questions"] if q["name"] == "q4")
    assert (q4["points"], q4["possible"]) == (3.0, 4.0) and q4["note"].startswith("partly right: 3 of 4 right")


# ---------------------------------------------------------------- copy

def test_copy_never_overwrites_a_changed_notebook(tmp_path, capsys):
    from immfed.cli import main
    from immfed.exercises.copying import copy_student_notebooks

    dest = tmp_path / "work"
    assert main(["exercises", "copy", str(dest)]) == 0
    first = capsys.readouterr().out
    assert all(f"new      {n}.ipynb" in first for n in NAMES)
    mine = dest / f"{NAMES[0]}.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("q1 = ...", 'q1 = "b"'), encoding="utf-8")
    assert main(["exercises", "copy", str(dest)]) == 0
    second = capsys.readouterr().out
    assert f"skipped  {NAMES[0]}.ipynb" in second and "your version is kept" in second
    assert 'q1 = \\"b\\"' in mine.read_text(encoding="utf-8") or 'q1 = "b"' in mine.read_text(encoding="utf-8")

    # An update of the course: untouched notebooks are refreshed, changed ones kept, new ones added.
    shipped = {n: (STUDENT / n).read_bytes() for n in (f"{x}.ipynb" for x in NAMES)}
    updated = {n: b + b"\n" for n, b in shipped.items()} | {"99_new.ipynb": b"{}"}
    report = copy_student_notebooks(dest, updated)
    assert report.new == ["99_new.ipynb"]
    assert sorted(report.updated) == sorted(n for n in shipped if n != mine.name)
    assert list(report.skipped) == [mine.name]
    assert 'q1 = "b"' in mine.read_text(encoding="utf-8") or 'q1 = \\"b\\"' in mine.read_text(encoding="utf-8")
    (dest / "99_new.ipynb").write_bytes(b"{}")
    assert copy_student_notebooks(dest, updated).unchanged.count("99_new.ipynb") == 1
    # A same-named file the command never wrote is left alone too.
    other = tmp_path / "other"
    other.mkdir()
    (other / mine.name).write_text("my own notes", encoding="utf-8")
    assert mine.name in copy_student_notebooks(other).skipped
    assert (other / mine.name).read_text(encoding="utf-8") == "my own notes"


def test_predict_then_reveal_shows_nothing_until_a_prediction_is_committed(monkeypatch):
    from immfed.exercises import reveal

    shown: list[str] = []
    monkeypatch.setattr(reveal, "display", lambda obj: shown.append(obj.data))
    reveal._FIRST.clear()
    assert reveal.reveal_authority(..., "local_no_agreement", "hold_on_detainer", "CA") is None
    assert "Prediction first" in shown[-1]
    assert reveal.reveal_authority("maybe", "local_no_agreement", "hold_on_detainer", "CA") is None
    # The authority tool asks immfed.law with the paperwork left open, so California's answer is "depends":
    # a detainer -> not allowed (Cal. Gov't Code 7284.6(a)(1)(B)); a judge's own warrant -> allowed.
    widget = reveal.reveal_authority("allowed", "local_no_agreement", "hold_on_detainer", "CA")
    assert widget is not None and "differs from" in shown[-1] and "depends" in shown[-1]
    assert reveal.reveal_authority("depends", "local_no_agreement", "hold_on_detainer", "CA") is not None
    assert "matches" in shown[-1] and "first prediction in this session was <strong>allowed" in shown[-1]
    assert reveal._FIRST[("authority", "local_no_agreement", "hold_on_detainer", "CA")] == "allowed"
    stages = list(KEYS["03"]["q4"]["labels"])
    assert reveal.reveal_pipeline(None, "no_agreement", "state_restricts", stages) is None
    assert reveal.reveal_pipeline("hold", "no_agreement", "state_restricts", stages) is not None


def test_detainer_reveal_waits_for_a_prediction_then_compares_it_with_the_law(monkeypatch):
    from immfed.exercises import reveal

    shown: list[str] = []
    monkeypatch.setattr(reveal, "display", lambda obj: shown.append(obj.data))
    reveal._FIRST.clear()
    # California's Values Act forbids holding anyone on an ICE hold request (Gov't Code 7284.6(a)(1)(B))
    assert reveal.reveal_detainer(42, "CA", "detainer") is None
    assert "Prediction first" in shown[-1] and "42" in shown[-1]
    assert reveal.reveal_detainer("required", "CA", "detainer") is not None
    assert "differs from" in shown[-1] and "prohibited" in shown[-1]
    assert reveal.reveal_detainer(" Prohibited ", "CA", "detainer") is not None
    assert "matches" in shown[-1] and "first prediction in this session was <strong>required" in shown[-1]
