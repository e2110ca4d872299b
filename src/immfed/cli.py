"""The ``immfed`` command: check, cite and refresh the course data; build, grade and copy exercises; build the static site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _catalog(root: str | None):
    from immfed.data import Catalog, catalog

    return Catalog(Path(root)) if root else catalog()


def _data_list(args) -> int:
    cat = _catalog(args.root)
    for name in cat.tables():
        res = cat.describe(name)
        print(f"{name:22} {res.get('title', '')}: {res.get('description', '')}")
    return 0


def _data_check(args) -> int:
    from immfed.data import DataError
    from immfed.data.integrity import problems
    from immfed.lessons import lesson_notebooks

    cat = _catalog(args.root)
    try:
        for summary in cat.check():
            frame = cat.load(summary["name"])
            cols = len(frame.columns)
            print(f"ok  {summary['name']:22} {summary['rows']:5d} rows  {cols:2d} columns  {summary['file']}")
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    found = problems(cat, notebooks=lesson_notebooks())
    for problem in found:
        print(f"error: {problem}", file=sys.stderr)
    if found:
        return 1
    print(f"all {len(cat.tables())} tables valid; every row resolves to a source")
    return 0


def _data_cite(args) -> int:
    cat = _catalog(args.root)
    try:
        print(cat.cite(args.source_id))
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 1
    return 0


def _data_refresh(args) -> int:
    import datetime as dt

    from immfed.data import reset
    from immfed.data.refresh import RefreshError, refresh_287g

    try:
        snapshot = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(f"error: --date must be YYYY-MM-DD, not '{args.date}'", file=sys.stderr)
        return 2
    try:
        result = refresh_287g(args.source, snapshot, replace_shipped=args.replace_shipped, wait=args.wait)
    except RefreshError as exc:
        print(f"error: {exc}\nNothing was written; the previous data is unchanged.", file=sys.stderr)
        return 1
    reset()
    split = ", ".join(f"{k.upper()} {v}" for k, v in result.by_model.items())
    print(f"ICE sheet of {result.snapshot}: {result.agreements} agreements ({split}) in {result.states} "
          f"states and territories")
    for fix in result.fixes:
        print(f"  fixed: {fix}")
    print(f"published to {result.folder}")
    return 0


def _data_status(args) -> int:
    import datetime as dt

    from immfed.data import catalog
    from immfed.data.userdata import current_folder, history, user_data_dir

    from immfed.data.freshness import status

    cat = catalog()
    today = dt.date.today()
    folder = current_folder()
    print(f"user data folder: {user_data_dir()}" + ("" if folder else " (no refresh published)"))
    if folder:
        earlier = max(len(history(user_data_dir())) - 1, 0)
        print(f"refresh in use: {folder.name}; {earlier} earlier refresh(es) to roll back to "
              "(immfed data rollback; immfed data reset goes back to the shipped data)")
    print("Two dates per table: the date its facts refer to (an old date is not a stale fact) and "
          "when its sources were last checked (re-check old ones).")
    for entry in status(cat):
        refreshed = entry.name in cat.overrides
        where = f"refreshed ({folder.name})" if refreshed else "shipped"
        print(f"{entry.name:22} {where:10} {entry.line(today)}")
    return 0


def _facts_review(args) -> int:
    import datetime as dt

    from immfed.data.citations import cited_by_lesson
    from immfed.data.freshness import review
    from immfed.lessons import lesson_notebooks

    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        print(f"error: --today must be YYYY-MM-DD, not '{args.today}'", file=sys.stderr)
        return 2
    if args.older_than < 0:
        print("error: --older-than takes a number of days, 0 or more", file=sys.stderr)
        return 2
    cutoff, groups = review(_catalog(args.root), args.older_than, today, cited_by_lesson(lesson_notebooks()))
    print(f"Claims and sources last checked before {cutoff} (more than {args.older_than} days before {today}):")
    if not groups:
        print("  none; everything was checked within that window.")
    for group in groups:
        print(f"\n{group.label}")
        for c in group.claims:
            print(f"  claim  {c['claim_id']}  checked {c['checked']}  {c['source_id']}: {c['claim']}")
        for s in group.sources:
            print(f"  source {s['source_id']}  checked {s['checked']}  {s['title']}")
    return 0


def _data_rollback(args) -> int:
    from immfed.data import reset
    from immfed.data.publish import rollback
    from immfed.data.userdata import user_data_dir

    print(rollback(user_data_dir(), wait=args.wait))  # a refusal is a UserDataError, reported by main
    reset()
    return 0


def _data_reset(args) -> int:
    from immfed.data import reset
    from immfed.data.publish import reset as reset_user_data
    from immfed.data.userdata import user_data_dir

    print(reset_user_data(user_data_dir(), wait=args.wait))
    reset()
    return 0


def _course_map(args) -> int:
    from immfed.lessons import course_map_markdown, instructors_table_markdown

    print(instructors_table_markdown() if args.instructors else course_map_markdown())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``immfed`` (exposed so tests and docs can inspect it)."""
    parser = argparse.ArgumentParser(prog="immfed", description="Local Police and ICE: course tools.")
    sub = parser.add_subparsers(dest="group", required=True)

    data = sub.add_parser("data", help="check, list and cite the course data")
    dsub = data.add_subparsers(dest="verb", required=True)
    for verb, func, text in (("list", _data_list, "list the tables"),
                             ("check", _data_check, "validate every table; one line per table")):
        p = dsub.add_parser(verb, help=text)
        p.add_argument("--root", help="folder with datapackage.json (default: the installed data)")
        p.set_defaults(func=func)
    p = dsub.add_parser("refresh-287g", help="ingest a newer ICE 287(g) participating-agencies sheet")
    p.add_argument("source", help="path to ICE's .xlsx, or its URL when online")
    p.add_argument("--date", help="date of the sheet (YYYY-MM-DD) if its file name does not say")
    p.add_argument("--replace-shipped", action="store_true",
                   help="allow a sheet dated like a shipped snapshot to replace its curated figures")
    p.add_argument("--wait", type=float, default=120.0,
                   help="seconds to wait for another refresh to finish before giving up (default 120)")
    p.set_defaults(func=_data_refresh)
    for verb, func, text in (("rollback", _data_rollback, "go back to the previously published refresh"),
                             ("reset", _data_reset, "stop using every refresh; read the shipped data again")):
        p = dsub.add_parser(verb, help=text)
        p.add_argument("--wait", type=float, default=120.0, help=argparse.SUPPRESS)
        p.set_defaults(func=func)
    p = dsub.add_parser("status", help="which snapshot each table comes from and how old it is")
    p.set_defaults(func=_data_status)
    p = dsub.add_parser("cite", help="print the citation for a source id")
    p.add_argument("source_id")
    p.add_argument("--root", help=argparse.SUPPRESS)
    p.set_defaults(func=_data_cite)
    course = sub.add_parser("course", help="the course manifest (lessons/course.json)")
    csub = course.add_subparsers(dest="verb", required=True)
    p = csub.add_parser("map", help="print the README's course-map table from the manifest")
    p.add_argument("--instructors", action="store_true", help="print INSTRUCTORS.md's table instead")
    p.set_defaults(func=_course_map)
    facts = sub.add_parser("facts", help="what to re-check before teaching")
    fsub = facts.add_subparsers(dest="verb", required=True)
    p = fsub.add_parser("review", help="claims and sources checked more than N days ago, by lesson")
    p.add_argument("--older-than", type=int, default=180, metavar="DAYS",
                   help="list what was last checked more than DAYS days ago (default 180)")
    p.add_argument("--today", help="count days back from this date (YYYY-MM-DD; default: today)")
    p.add_argument("--root", help=argparse.SUPPRESS)
    p.set_defaults(func=_facts_review)
    # Other command groups live beside the code they drive and register themselves here.
    from immfed.course_folder import add_commands as add_open_commands
    from immfed.exercises.cli import add_commands as add_exercise_commands
    from immfed.hosting import add_commands as add_link_commands
    from immfed.present import add_commands as add_present_commands
    from immfed.law.matrix import add_commands as add_law_commands
    from immfed.site import add_commands as add_site_commands

    add_exercise_commands(sub)
    add_site_commands(sub)
    add_present_commands(sub)
    add_open_commands(sub)
    add_link_commands(sub)
    add_law_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from immfed.data import DataError

    args = build_parser().parse_args(argv)
    try:
        if args.group == "site":  # find a damaged user data folder before minutes of work
            from immfed.data import check_refreshed

            check_refreshed()
        return args.func(args)
    except DataError as exc:
        # A damaged table or user data folder: its message names the file or folder and the
        # fix, which is all a student needs; a traceback would bury it.
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
