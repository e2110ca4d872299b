"""The ``immfed exercises`` command group: build, grade and copy the exercise notebooks."""

from __future__ import annotations

import sys
from pathlib import Path


def _build(args) -> int:
    from immfed.exercises.build import OUT, BuildError, build

    try:
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
    from immfed.exercises.grade import grade_folder

    try:
        rows = grade_folder(args.submissions, args.out)
    except (BuildError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    totals = [r for r in rows if r["question"].startswith("total")]
    for r in totals:
        print(f"{r['student']:24} {r['exercise']:28} {r['points']:>7} / {r['possible']}")
    for r in rows:
        if r["note"] and not r["note"].startswith("written"):
            print(f"warning: {r['student']} {r['exercise']}: {r['note']}", file=sys.stderr)
    print(f"{len(totals)} notebooks graded; scores per student and question in {args.out} "
          "(written answers are left blank for you to grade with the rubric)")
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
    p = esub.add_parser("grade", help="grade a folder of submitted notebooks (no Docker) into a CSV")
    p.add_argument("submissions", help="folder of .ipynb files, or of one sub-folder per student")
    p.add_argument("--out", default="scores.csv", help="CSV to write (default: scores.csv)")
    p.set_defaults(func=_grade)
    p = esub.add_parser("copy", help="copy the student notebooks into DEST, never overwriting your changes")
    p.add_argument("dest", help="your working folder")
    p.set_defaults(func=_copy)
