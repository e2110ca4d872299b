"""The ``immfed exercises`` command group: build, grade and copy the exercise notebooks."""

from __future__ import annotations

import sys
from pathlib import Path


def _build(args) -> int:
    from immfed.exercises.build import OUT, BuildError, build, sync_sources

    try:
        for note in sync_sources(names=args.only or None):
            print(note)
        zips = build(names=args.only or None)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, path in zips.items():
        print(f"built {name}: student notebook exercises/student/{name}.ipynb, autograder {path}")
    print(f"rubrics for the written answers: {OUT / 'rubrics.md'}")
    return 0


def _grade(args) -> int:
    from immfed.exercises.build import BuildError
    from immfed.exercises.grade import GradeError, Limits, grade_folder, output_paths

    def progress(res) -> None:
        got = sum(q["points"] for q in res["questions"])
        possible = sum(q["possible"] for q in res["questions"])
        notes = "; ".join(res["notes"])
        print(f"{res['student'].name:24} {res['exercise']:28} {got:>7g} / {possible:g}"
              + (f"  ({notes})" if notes else ""), flush=True)

    if args.unsafe_no_sandbox:
        from immfed.exercises.sandbox import UNSAFE_RISK

        print(f"warning: grading without a sandbox. {UNSAFE_RISK}", file=sys.stderr)
    try:
        rows = grade_folder(args.submissions, args.out, limits=Limits(cell=args.cell_timeout,
                                                                      notebook=args.notebook_timeout),
                            unsafe=args.unsafe_no_sandbox, workers=args.workers,
                            written_marks=args.written_points, progress=progress)
    except (BuildError, GradeError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for r in rows:
        if not r["exercise"]:
            print(f"warning: {r['file']}: {r['note']}", file=sys.stderr)
    paths = output_paths(args.out)
    graded = len({r["file"] for r in rows if r["exercise"]})
    print(f"{graded} notebooks graded. Scores per question: {paths['long']}; one row per student: {paths['wide']}; "
          f"Canvas import: {paths['canvas']}; written answers to review: {paths['written']} (fill its points "
          "column and pass it back with --written-points to include them in the totals).")
    return 0


def _copy(args) -> int:
    from immfed.exercises.copying import copy_student_notebooks

    report = copy_student_notebooks(Path(args.dest))
    for line in report.lines():
        print(line)
    if report.skipped:
        print(f"{len(report.skipped)} notebook(s) skipped to keep your work; rename or move one to get a fresh copy.")
    return 0


def add_commands(sub) -> None:
    """Add the ``exercises`` group to the ``immfed`` parser's subparsers ``sub``."""
    ex = sub.add_parser("exercises", help="build, grade and copy the exercise notebooks")
    esub = ex.add_subparsers(dest="verb", required=True)
    p = esub.add_parser("build", help="make student notebooks and autograder zips from exercises/source "
                                      "(needs the instructor extra)")
    p.add_argument("only", nargs="*", help="exercise numbers or names to build (default: all)")
    p.set_defaults(func=_build)
    p = esub.add_parser("grade", help="grade a folder of submitted notebooks, each in a sandbox, into CSVs")
    p.add_argument("submissions", help="folder of .ipynb files (Canvas, Moodle or Gradescope downloads, "
                                       "or one sub-folder per student)")
    p.add_argument("--out", default="scores.csv", help="CSV to write (default: scores.csv); the wide, Canvas "
                                                       "and written-answer files are written beside it")
    p.add_argument("--cell-timeout", type=float, default=60, metavar="SECONDS",
                   help="time limit for one cell (default: 60)")
    p.add_argument("--notebook-timeout", type=float, default=300, metavar="SECONDS",
                   help="time limit for a whole notebook (default: 300)")
    p.add_argument("--workers", type=int, default=None, help="notebooks graded at once (default: up to 2)")
    p.add_argument("--written-points", default=None, metavar="CSV",
                   help="the written-answers file with its points column filled in, to add them to the totals")
    p.add_argument("--unsafe-no-sandbox", action="store_true",
                   help="grade even where bubblewrap is missing or broken; the notebooks then run as you, "
                        "unconfined (see INSTRUCTORS.md)")
    p.set_defaults(func=_grade)
    p = esub.add_parser("copy", help="copy the student notebooks into DEST, never overwriting your changes")
    p.add_argument("dest", help="your working folder")
    p.set_defaults(func=_copy)
