"""Write graded submissions out for people and for gradebooks.

Each graded submission is a dict (see ``grade.grade_submission``): ``student`` (a
:class:`~immfed.exercises.lms_names.Student`), ``exercise``, ``file``, ``questions``
(name, points, possible, status, note), ``written`` (name, possible, text, blank, rubric,
note) and ``notes``. From a list of them:

- :func:`long_rows`: one row per student, exercise and question (the ``--out`` CSV);
- :func:`write_wide`: one row per student, one column per question, and totals without
  and with the written points;
- :func:`write_canvas`: Canvas's gradebook import format (Student, ID, SIS User ID, SIS
  Login ID, Section, one column per exercise, and the "Points Possible" row), for the
  submissions whose Canvas file names gave a Canvas user id;
- :func:`write_written`: every written answer, one row each, with the rubric and an empty
  ``points`` column for the instructor; blank answers are flagged.

Every file is written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

LONG_FIELDS = ["student", "exercise", "question", "points", "possible", "note", "student_id", "file"]
WRITTEN_FIELDS = ["student", "student_id", "exercise", "question", "blank", "text", "points", "possible",
                  "rubric", "file"]


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 4)


def qsort(q: str):
    m = re.match(r"([a-z]*)(\d+)(.*)", q)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else (q, 0, "")


def written_points(res: dict, marks: dict) -> dict[str, float]:
    """The instructor's points for this submission's written answers, where given."""
    return {w["name"]: marks[(res["file"], w["name"])] for w in res["written"] if (res["file"], w["name"]) in marks}


def totals(res: dict, marks: dict | None = None) -> dict:
    auto = sum(q["points"] for q in res["questions"])
    auto_possible = sum(q["possible"] for q in res["questions"])
    given = written_points(res, marks or {})
    written_possible = sum(w["possible"] for w in res["written"])
    return {"auto": auto, "auto_possible": auto_possible, "with_written": auto + sum(given.values()),
            "possible_with_written": auto_possible + written_possible,
            "written_ungraded": [w["name"] for w in res["written"] if w["name"] not in given]}


def long_rows(res: dict, marks: dict | None = None) -> list[dict]:
    """The rows of one submission in the long CSV."""
    who = res["student"]
    base = {"student": who.name, "exercise": res["exercise"], "student_id": who.id, "file": res["file"]}
    rows = [{**base, "question": q["name"], "points": _num(q["points"]), "possible": _num(q["possible"]),
             "note": q["note"]} for q in res["questions"]]
    given = written_points(res, marks or {})
    for w in res["written"]:
        note = "written: grade with the rubric" + ("; the answer is blank" if w["note"] == "blank" else
                                                    f"; {w['note']}" if w.get("note") else "")
        rows.append({**base, "question": w["name"], "points": _num(given[w["name"]]) if w["name"] in given else "",
                     "possible": _num(w["possible"]), "note": note})
    t = totals(res, marks)
    rows.append({**base, "question": "total (auto-graded)", "points": _num(t["auto"]),
                 "possible": _num(t["auto_possible"]), "note": "; ".join(res["notes"])})
    rows.sort(key=lambda r: qsort(r["question"]) if r["question"].startswith("q") else ("~", 0, ""))
    return rows


def _atomic_csv(path: Path, header: list[str], rows: list[list]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tmp, path)


def _latest(results: list[dict]) -> dict[tuple, dict]:
    """One submission per student and exercise: the latest (see ``lms_names.version_key``)."""
    from immfed.exercises.lms_names import version_key

    chosen: dict[tuple, dict] = {}
    for res in sorted(results, key=lambda r: version_key(r["file"])):
        chosen[(res["student"].key, res["exercise"])] = res
    return chosen


def write_wide(results: list[dict], path: Path, marks: dict | None = None) -> None:
    chosen = _latest(results)
    exercises = sorted({ex for _, ex in chosen})
    columns: dict[str, list[str]] = {}
    for (_, ex), res in chosen.items():
        names = [q["name"] for q in res["questions"]] + [w["name"] for w in res["written"]]
        columns.setdefault(ex, sorted(names, key=qsort))
    students = {}
    for (key, _), res in chosen.items():
        students.setdefault(key, res["student"])
    header = ["student", "student_id", "lms"]
    for ex in exercises:
        header += [f"{ex[:2]} {q}" for q in columns[ex]]
    header += ["total without written", "possible without written", "total with written",
               "possible with written", "notes"]
    rows = []
    for key, who in sorted(students.items(), key=lambda kv: kv[1].name.lower()):
        row, t_auto, p_auto, t_all, p_all, notes = [who.name, who.id, who.lms], 0.0, 0.0, 0.0, 0.0, []
        for ex in exercises:
            res = chosen.get((key, ex))
            if res is None:
                row += [""] * len(columns[ex])
                notes.append(f"{ex[:2]}: no submission")
                continue
            pts = {q["name"]: _num(q["points"]) for q in res["questions"]}
            pts.update({k: _num(v) for k, v in written_points(res, marks or {}).items()})
            row += [pts.get(q, "") for q in columns[ex]]
            t = totals(res, marks)
            t_auto, p_auto = t_auto + t["auto"], p_auto + t["auto_possible"]
            t_all, p_all = t_all + t["with_written"], p_all + t["possible_with_written"]
            if t["written_ungraded"]:
                notes.append(f"{ex[:2]}: written {', '.join(t['written_ungraded'])} not graded yet")
            notes += [f"{ex[:2]}: {n}" for n in res["notes"]]
        rows.append(row + [_num(t_auto), _num(p_auto), _num(t_all), _num(p_all), "; ".join(notes)])
    _atomic_csv(path, header, rows)


def write_canvas(results: list[dict], path: Path, marks: dict | None = None) -> int:
    """Canvas gradebook import CSV; returns how many students it holds. Rename an exercise
    column to the assignment's name in Canvas (or "Name (assignment id)") before importing."""
    chosen = {k: r for k, r in _latest(results).items() if r["student"].lms == "canvas"}
    exercises = sorted({ex for _, ex in _latest(results)})
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *exercises]
    possible = {}
    for (_, ex), res in _latest(results).items():
        possible.setdefault(ex, _num(totals(res, marks)["possible_with_written"]))
    rows = [["    Points Possible", "", "", "", "", *[possible[ex] for ex in exercises]]]
    people = {}
    for (key, ex), res in chosen.items():
        people.setdefault(key, [res["student"], {}])[1][ex] = _num(totals(res, marks)["with_written"])
    for _, (who, scores) in sorted(people.items(), key=lambda kv: kv[1][0].name):
        rows.append([who.name, who.id, "", "", "", *[scores.get(ex, "") for ex in exercises]])
    _atomic_csv(path, header, rows)
    return len(people)


def write_written(results: list[dict], path: Path, marks: dict | None = None) -> None:
    rows = []
    for res in sorted(results, key=lambda r: (r["student"].name.lower(), r["exercise"], r["file"])):
        given = written_points(res, marks or {})
        for w in res["written"]:
            rows.append([res["student"].name, res["student"].id, res["exercise"], w["name"],
                         "BLANK" if w["blank"] else "", w["text"], _num(given[w["name"]]) if w["name"] in given else "",
                         _num(w["possible"]), w["rubric"], res["file"]])
    _atomic_csv(path, WRITTEN_FIELDS, rows)


def read_marks(path: Path) -> dict[tuple[str, str], float]:
    """The instructor's filled-in written-answers file: (file, question) -> points."""
    marks = {}
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("points") or "").strip()
            if text:
                try:
                    marks[(row.get("file", ""), row.get("question", ""))] = float(text)
                except ValueError:
                    raise ValueError(f"{path}: points {text!r} for {row.get('student')} {row.get('question')} "
                                     "is not a number") from None
    return marks
