"""Grade a folder of submitted exercise notebooks with otter-grader, without Docker.

``grade_folder(folder, out_csv)`` finds every ``.ipynb`` under ``folder``, works out which
exercise each one is (from the notebook's otter metadata, else its file name), runs it
against that exercise's autograder zip (public and hidden tests; built on first use) and
writes one CSV row per student, exercise and question:

    student, exercise, question, points, possible, note

The student is the sub-folder the notebook sits in (``submissions/ana/01_...ipynb``), or the
part of the file name before the exercise name (``ana_01_federal_baseline.ipynb``), or the
file name. Written questions get a row with empty points and the note "written: grade with
the rubric" (rubrics: ``build/exercises/rubrics.md``). A notebook that cannot be read or run
gets one row with the error in ``note`` instead of stopping the whole run.
"""

from __future__ import annotations

import csv
import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from immfed.exercises.build import OUT, SOURCE, autograder_zip, sources

FIELDS = ["student", "exercise", "question", "points", "possible", "note"]


def exercise_of(path: Path, known: list[str]) -> str | None:
    """The exercise name of a submission: otter metadata first, then the file name."""
    try:
        meta = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
        name = meta.get("otter", {}).get("assignment_name")
        if name in known:
            return name
    except (OSError, ValueError, AttributeError):
        pass
    for name in known:
        if name in Path(path).stem or Path(path).stem.startswith(name[:2] + "_"):
            return name
    return None


def student_of(path: Path, root: Path, exercise: str | None) -> str:
    rel = Path(path).relative_to(root)
    if len(rel.parts) > 1:
        return "/".join(rel.parts[:-1])
    stem = rel.stem
    if exercise and exercise in stem:
        stem = stem.replace(exercise, "").strip("_- ") or stem
    return stem


def written_questions(name: str, source_dir: Path = SOURCE) -> list[tuple[str, float]]:
    """(question, points) of the rubric-graded questions of exercise ``name``."""
    path = source_dir / f"{name}.ipynb"
    if not path.exists():
        return []
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "raw" and text.startswith("# BEGIN QUESTION") and "manual: true" in text:
            q = re.search(r"name:\s*(\S+)", text).group(1)
            pts = re.search(r"points:\s*([\d.]+)", text)
            found.append((q, float(pts.group(1)) if pts else 0.0))
    return found


def grade_one(submission: str, zip_path: str) -> dict:
    """Grade one notebook; returns {"scores": {q: (points, possible)}} or {"error": text}."""
    import contextlib
    import io
    import logging

    from otter.api import grade_submission

    logging.disable(logging.WARNING)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            results = grade_submission(submission, zip_path, quiet=True)
    except Exception as exc:  # noqa: BLE001 - one bad notebook must not stop the batch
        return {"error": f"could not grade: {type(exc).__name__}: {exc}"[:300]}
    scores = {}
    for q in results.test_files:
        r = results.get_result(q)
        scores[q] = (round(float(r.score), 4), float(r.possible))
    return {"scores": scores}


def _sort_key(q: str):
    m = re.match(r"([a-z]*)(\d+)(.*)", q)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else (q, 0, "")


def grade_folder(folder: str | Path, out_csv: str | Path, out: Path = OUT, workers: int | None = None) -> list[dict]:
    """Grade every notebook under ``folder`` and write the score table to ``out_csv``."""
    root = Path(folder).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"No folder {folder}")
    known = [s.stem for s in sources()]
    subs = sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    jobs, rows = [], []
    for path in subs:
        name = exercise_of(path, known)
        student = student_of(path, root, name)
        if name is None:
            rows.append({"student": student, "exercise": "", "question": "", "points": "", "possible": "",
                         "note": f"{path.name}: not an exercise notebook (no known exercise name)"})
            continue
        jobs.append((student, name, path))
    zips = {name: autograder_zip(name, out) for name in sorted({j[1] for j in jobs})}
    workers = workers or max(1, min(4, os.cpu_count() or 1, len(jobs)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(grade_one, [str(j[2]) for j in jobs], [str(zips[j[1]]) for j in jobs]))
    for (student, name, path), res in zip(jobs, results):
        if "error" in res:
            rows.append({"student": student, "exercise": name, "question": "", "points": "", "possible": "",
                         "note": res["error"]})
            continue
        for q in sorted(res["scores"], key=_sort_key):
            pts, possible = res["scores"][q]
            rows.append({"student": student, "exercise": name, "question": q, "points": pts,
                         "possible": possible, "note": ""})
        for q, possible in written_questions(name):
            rows.append({"student": student, "exercise": name, "question": q, "points": "",
                         "possible": possible, "note": "written: grade with the rubric"})
        auto = [v for v in res["scores"].values()]
        rows.append({"student": student, "exercise": name, "question": "total (auto-graded)",
                     "points": round(sum(p for p, _ in auto), 4), "possible": sum(p for _, p in auto), "note": ""})
    rows.sort(key=lambda r: (r["student"], r["exercise"]))
    out_csv = Path(out_csv)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    with out_csv.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return rows
