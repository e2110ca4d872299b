"""The grader's parts that need no sandbox: file names from learning platforms, the
exports, answer encoding, hash-checked grading material, and refusing to start badly."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

from immfed.exercises import exports, grade, material
from immfed.exercises.checker import Unsupported, decode
from immfed.exercises.collect import encode
from immfed.exercises.lms_names import Student, identify

EX = "01_federal_baseline"


@pytest.mark.parametrize("rel, expected", [
    (f"jonescara_12345_67890_{EX}.ipynb", Student("jonescara", "12345", "canvas")),
    (f"jonescara_LATE_12345_67891_{EX}-1.ipynb", Student("jonescara", "12345", "canvas")),
    (f"Cara Jones_4242_assignsubmission_file_{EX}.ipynb", Student("Cara Jones", "4242", "moodle")),
    (f"Dan Li_555_assignsubmission_file_/{EX}.ipynb", Student("Dan Li", "555", "moodle")),
    (f"Cara Jones - {EX} (1).ipynb", Student("Cara Jones")),
    (f"ana_{EX}.ipynb", Student("ana")),
    (f"section 2/ana/{EX}.ipynb", Student("section 2/ana")),
])
def test_student_names_from_lms_downloads(tmp_path, rel, expected):
    assert identify(tmp_path / rel, tmp_path, EX) == expected


def test_gradescope_names_come_from_its_metadata_file(tmp_path):
    (tmp_path / "submission_777").mkdir()
    (tmp_path / "submission_metadata.yml").write_text(
        "submission_776:\n  :submitters:\n  - :name: Bob Roe\n    :sid: '2718'\n"
        "submission_777:\n  :submitters:\n  - :name: Eve Park\n    :sid: '3141'\n    :email: eve@example.edu\n",
        encoding="utf-8")
    assert identify(tmp_path / "submission_777" / "nb.ipynb", tmp_path, EX) == Student("Eve Park", "3141", "gradescope")
    assert identify(tmp_path / "submission_900" / "nb.ipynb", tmp_path, EX) == Student("submission_900", "900",
                                                                                        "gradescope")


class Sneaky(str):
    def __eq__(self, other):
        return True

    def strip(self, *a):
        return "b"


def test_answers_travel_as_plain_data():
    assert decode(json.loads(json.dumps(encode(...)))) is ...
    assert decode(json.loads(json.dumps(encode({"tx": "required", 3: (1, 2)})))) == {"tx": "required", 3: [1, 2]}
    sneaky = decode(json.loads(json.dumps(encode(Sneaky("a")))))
    assert type(sneaky) is str and sneaky == "a" and sneaky.strip() == "a"
    assert isinstance(decode(json.loads(json.dumps(encode(print)))), Unsupported)
    assert math.isnan(decode(json.loads(json.dumps(encode(float("nan"))))))
    table = decode(json.loads(json.dumps(encode(__import__("pandas").DataFrame({"a": [1, 2], "b": ["x", "y"]})))))
    assert table.to_dict("records") == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]


def test_grading_material_is_read_only_and_verified_by_hash(tmp_path):
    written = material.write(tmp_path, [EX])
    path = written[EX]
    assert not path.stat().st_mode & 0o222, "material must be read-only"
    data = path.read_bytes()
    assert material.load_verified(path, material.sha256(data))["exercise"] == EX
    with pytest.raises(ValueError, match="does not match"):
        material.load_verified(path, "0" * 64)
    path.chmod(0o644)
    path.write_bytes(data.replace(b'"points": 2.0', b'"points": 20.0'))
    pinned, warnings = material.prepare([EX], tmp_path / "batch", tmp_path)
    assert len(warnings) == 1 and "did not match the hash" in warnings[0]
    assert path.read_bytes() == data, "a tampered build file is rebuilt from the source"
    assert pinned[EX][1] == material.sha256(data)


def test_bad_out_paths_fail_before_grading(tmp_path):
    (tmp_path / "subs").mkdir()
    with pytest.raises(grade.GradeError, match="is a folder"):
        grade.grade_folder(tmp_path / "subs", tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(grade.GradeError, match="cannot create the folder"):
        grade.grade_folder(tmp_path / "subs", blocker / "scores.csv")


def test_no_sandbox_means_no_grading_unless_the_instructor_says_so(tmp_path, monkeypatch, capsys):
    from immfed.cli import main
    from immfed.exercises import sandbox

    monkeypatch.setattr(sandbox, "sandbox_problem", lambda: "bubblewrap (bwrap) is not installed")
    (tmp_path / "subs").mkdir()
    assert main(["exercises", "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "s.csv")]) == 1
    err = capsys.readouterr().err
    assert "Refusing to grade without a sandbox" in err and "--unsafe-no-sandbox" in err
    assert "can forge its own grade" in err
    assert not (tmp_path / "s.csv").exists()
    # With the flag (and nothing to grade) it runs, and says what it risks.
    assert main(["exercises", "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "s.csv"),
                 "--unsafe-no-sandbox"]) == 0
    assert "grading without a sandbox" in capsys.readouterr().err


def _result(student: Student, file: str, q1: float, q2: float, text: str = "") -> dict:
    return {"student": student, "exercise": EX, "file": file, "notes": [],
            "questions": [{"name": "q1", "points": q1, "possible": 2.0, "status": "", "note": ""},
                          {"name": "q2", "points": q2, "possible": 1.0, "status": "", "note": ""}],
            "written": [{"name": "q8", "possible": 3.0, "text": text, "blank": not text, "rubric": "R", "note": ""}]}


def test_wide_canvas_and_written_exports(tmp_path):
    cara = Student("jonescara", "12345", "canvas")
    results = [_result(cara, "jonescara_12345_1_x.ipynb", 2, 0.5, "My answer"),
               _result(Student("ana"), "ana/x.ipynb", 0, 1)]
    marks = {("jonescara_12345_1_x.ipynb", "q8"): 2.5}
    exports.write_wide(results, tmp_path / "w.csv", marks)
    wide = {r["student"]: r for r in csv.DictReader((tmp_path / "w.csv").open(encoding="utf-8"))}
    # Cara: 2 + 0.5 = 2.5 auto of 3; with the written 2.5 of 3: 5 of 6.
    assert wide["jonescara"]["01 q1"] == "2" and wide["jonescara"]["01 q8"] == "2.5"
    assert (wide["jonescara"]["total without written"], wide["jonescara"]["possible without written"]) == ("2.5", "3")
    assert (wide["jonescara"]["total with written"], wide["jonescara"]["possible with written"]) == ("5", "6")
    assert wide["ana"]["total with written"] == "1" and "q8 not graded yet" in wide["ana"]["notes"]

    assert exports.write_canvas(results, tmp_path / "c.csv", marks) == 1
    canvas = list(csv.reader((tmp_path / "c.csv").open(encoding="utf-8")))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", EX]
    assert canvas[1][0].strip() == "Points Possible" and canvas[1][5] == "6"
    assert canvas[2] == ["jonescara", "12345", "", "", "", "5"]

    exports.write_written(results, tmp_path / "r.csv", marks)
    review = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert [(r["student"], r["blank"], r["text"], r["points"]) for r in review] == [
        ("ana", "BLANK", "", ""), ("jonescara", "", "My answer", "2.5")]
    # The filled-in review file is what --written-points reads back.
    assert exports.read_marks(tmp_path / "r.csv") == marks


def test_the_checker_never_follows_a_link_the_sandbox_left(tmp_path, capsys):
    """A notebook could leave result.json as a symlink to one of the instructor's files."""
    from immfed.exercises import checker

    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"answers": {"q1": "b"}, "errors": {}, "timeouts": [], "collected": True}))
    (tmp_path / "result.json").symlink_to(secret)
    mat = material.write(tmp_path / "build", [EX])[EX]
    nb = tmp_path / "nb.ipynb"
    nb.write_text('{"cells": []}')
    assert checker.main([str(mat), material.sha256(mat.read_bytes()), str(tmp_path / "result.json"), str(nb)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["notes"] == ["the notebook's answers were not a plain file of a readable size"]
    assert sum(q["points"] for q in out["questions"]) == 0


def test_the_sandbox_hides_user_data_blocks_network_and_writes(tmp_path, monkeypatch):
    """What a submitted notebook can reach inside the sandbox, tried directly."""
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    from immfed.exercises import sandbox

    problem = sandbox.sandbox_problem()
    if problem:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI must test the sandbox: {problem}")
        pytest.skip(problem)
    # A refreshed-data folder outside /tmp (the sandbox replaces /tmp anyway), with a table in it.
    userdata = Path(tempfile.mkdtemp(prefix="immfed-test-userdata-", dir="/var/tmp"))
    try:
        (userdata / "current.txt").write_text("secret", encoding="utf-8")
        monkeypatch.setenv("IMMFED_USER_DATA", str(userdata))
        probe = "\n".join([
            "import json, os, socket",
            "seen = {}",
            f"seen['userdata'] = os.listdir({str(userdata)!r})",
            "try:",
            "    socket.create_connection(('127.0.0.53', 53), timeout=2); seen['net'] = 'open'",
            "except OSError as exc:",
            "    seen['net'] = type(exc).__name__",
            "try:",
            f"    open({str(userdata.parent / 'immfed-escape')!r}, 'w'); seen['write_outside'] = 'yes'",
            "except OSError:",
            "    seen['write_outside'] = 'no'",
            "seen['home'] = os.environ['HOME']",
            "seen['env_userdata'] = os.environ.get('IMMFED_USER_DATA')",
            "open('probe.json', 'w').write(json.dumps(seen))",
        ])
        work = tmp_path / "work"
        work.mkdir()
        proc = subprocess.run(sandbox.command(work, [sys.executable, "-c", probe]), capture_output=True, text=True,
                              timeout=60)
        assert proc.returncode == 0, proc.stderr
        seen = json.loads((work / "probe.json").read_text(encoding="utf-8"))
        assert seen["userdata"] == [], "the refreshed-data folder must look empty"
        assert seen["net"] != "open"
        assert seen["write_outside"] == "no" and not (userdata.parent / "immfed-escape").exists()
        assert seen["home"] == sandbox.HOME_INSIDE and seen["env_userdata"] == "/tmp/no-user-data"
    finally:
        shutil.rmtree(userdata, ignore_errors=True)


def test_a_resubmission_replaces_the_first_in_the_gradebook(tmp_path):
    cara = Student("jonescara", "12345", "canvas")
    first = _result(cara, f"jonescara_12345_67890_{EX}.ipynb", 0, 0)
    late = _result(cara, f"jonescara_LATE_12345_67999_{EX}-1.ipynb", 2, 1)
    ana_first, ana_again = _result(Student("ana"), f"ana - {EX}.ipynb", 2, 1), _result(Student("ana"), f"ana - {EX} (1).ipynb", 0, 1)
    exports.write_wide([late, first, ana_again, ana_first], tmp_path / "w.csv")
    wide = {r["student"]: r for r in csv.DictReader((tmp_path / "w.csv").open(encoding="utf-8"))}
    assert wide["jonescara"]["total without written"] == "3"  # the LATE file, Canvas file id 67999 > 67890
    assert wide["ana"]["total without written"] == "1"  # the " (1)" copy came second


def test_submissions_must_not_share_a_folder_with_the_python_environment(tmp_path, monkeypatch):
    """The sandbox hides the submissions folder, unless Python itself lives in it."""
    import sys

    from immfed.exercises import sandbox

    monkeypatch.setattr(sandbox, "sandbox_problem", lambda: None)
    with pytest.raises(grade.GradeError, match="move them to a folder of their own"):
        grade.grade_folder(Path(sys.prefix).parent, tmp_path / "s.csv")
    assert sandbox.cannot_hide(tmp_path) is None
