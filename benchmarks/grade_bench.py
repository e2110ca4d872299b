"""Time grading one submission: the sandboxed two-process grader against plain ``otter run``.

Run:  python benchmarks/grade_bench.py [--exercise 01_federal_baseline] [--repeats 3] [--json out.json]

Needs bubblewrap and the instructor extra (otter-grader). Builds the exercise's autograder
zip in a temporary folder, makes an honest full submission from the committed student
notebook and the answer key, then reports the median of ``repeats`` runs of:

* ``otter_run_s``: ``otter run -a <autograder zip> <submission>`` (no Docker, no sandbox);
* ``immfed_grade_s``: :func:`immfed.exercises.grade.grade_submission`, i.e. the notebook
  run in bubblewrap plus the separate checking process;
* ``ratio``: immfed_grade_s / otter_run_s (target: at most 1.5).

Both execute the same notebook in a fresh kernel, which is most of the time. Reports;
never asserts (timings on a shared machine vary).
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.5


def honest_submission(name: str) -> dict:
    """The student notebook with every answer cell set to the key's answer."""
    from immfed.exercises.keys import KEYS

    nb = copy.deepcopy(json.loads((REPO / "exercises" / "student" / f"{name}.ipynb").read_text(encoding="utf-8")))
    by_var = {e.get("var", q): e for q, e in KEYS[name[:2]].items()}
    for cell in nb["cells"]:
        if "otter_answer_cell" not in cell["metadata"].get("tags", []) or cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        var = next((v for v in by_var if re.search(rf"^{v} = ", src, re.M)), None)
        if var:
            e = by_var[var]
            cell["source"] = f"{var} = {(e['labels'][0] if e['kind'] == 'prediction' else e['answer'])!r}"
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exercise", default="01_federal_baseline")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", default=None, help="also write the numbers to this file")
    args = parser.parse_args(argv)

    from immfed.exercises import grade, material, sandbox
    from immfed.exercises.build import autograder_zip
    from immfed.exercises.lms_names import Student

    problem = sandbox.sandbox_problem()
    if problem:
        print(f"cannot benchmark: {problem}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="immfed-grade-bench-") as tmp:
        tmp = Path(tmp)
        zip_path = autograder_zip(args.exercise, tmp / "build")
        sub = tmp / "subs" / f"{args.exercise}.ipynb"
        sub.parent.mkdir()
        sub.write_text(json.dumps(honest_submission(args.exercise)), encoding="utf-8")
        pinned, _ = material.prepare([args.exercise], tmp / "material", tmp / "build")
        otter_times, immfed_times, scores = [], [], {}
        for i in range(args.repeats):
            out = tmp / f"otter-{i}"
            out.mkdir()
            t = time.perf_counter()
            proc = subprocess.run([str(Path(sys.executable).parent / "otter"), "run", "-a", str(zip_path), "-o",
                                   str(out), "--no-logo", str(sub)], capture_output=True, text=True)
            otter_times.append(time.perf_counter() - t)
            if proc.returncode == 0 and (out / "results.json").exists():
                res = json.loads((out / "results.json").read_text(encoding="utf-8"))
                # otter writes Gradescope's format: a score per test file, or one overall score
                tests = [t for t in res.get("tests", []) if "score" in t]
                scores["otter"] = sum(t["score"] for t in tests) if tests else res.get("score")
            t = time.perf_counter()
            res = grade.grade_submission(sub, Student("bench"), args.exercise, sub.name, pinned[args.exercise],
                                         grade.Limits())
            immfed_times.append(time.perf_counter() - t)
            scores["immfed"] = sum(q["points"] for q in res["questions"])
    result = {"exercise": args.exercise, "repeats": args.repeats,
              "otter_run_s": round(statistics.median(otter_times), 2),
              "immfed_grade_s": round(statistics.median(immfed_times), 2),
              "otter_runs_s": [round(x, 2) for x in otter_times], "immfed_runs_s": [round(x, 2) for x in immfed_times],
              "scores": scores, "python": platform.python_version(), "machine": platform.machine()}
    result["ratio"] = round(result["immfed_grade_s"] / result["otter_run_s"], 2)
    result["target_ratio"] = TARGET_RATIO
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
