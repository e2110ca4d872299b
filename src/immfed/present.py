"""Presenter mode: ``immfed present 02`` shows a lesson as a web page of widgets with Voila.

It works from any folder after the course's ordinary install: the lesson is found inside
the installed package, Voila is bound to 127.0.0.1, and the page is served with the
course's own Voila template, which drops the two stylesheets Voila's default template
fetches from a CDN, so a classroom without internet sees the same page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Where the course's Voila template lives, laid out as a Jupyter data folder
# (``voila/templates/immfed``) so Voila finds it through JUPYTER_PATH.
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter"
TEMPLATE = "immfed"
# JupyterLab extensions that otter-grader's dependencies bring in; outside JupyterLab
# they only log errors in the page, so Voila is told to skip them.
DENIED_EXTENSIONS = ("ipylab", "jupyterlab-jupytext")


def voila_env(base: dict | None = None) -> dict:
    """The environment Voila needs to find the course template (JUPYTER_PATH prepended)."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_DATA), env.get("JUPYTER_PATH", "")) if p)
    return env


def voila_command(target: str | Path, port: int | None = None, open_browser: bool = True) -> list[str]:
    """The Voila command line that serves ``target`` (a lesson notebook or a folder of them)."""
    cmd = [sys.executable, "-m", "voila", str(target), "--Voila.ip=127.0.0.1", f"--template={TEMPLATE}",
           *(f"--VoilaConfiguration.extension_denylist={name}" for name in DENIED_EXTENSIONS)]
    if port:
        cmd.append(f"--port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def lesson_target(lesson: str | None) -> Path:
    """The notebook for a lesson number or stem, or the lessons folder when ``lesson`` is None.

    Raises ValueError listing the lessons when the number is unknown."""
    from immfed.lessons import HERE, lesson_path

    if not lesson:
        return HERE
    try:
        return lesson_path(str(lesson).zfill(2) if str(lesson).isdigit() else str(lesson))
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None


def _present(args) -> int:
    try:
        target = lesson_target(args.lesson)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cmd = voila_command(target, args.port, open_browser=not args.no_browser)
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    print(f"Presenting {target.name} with Voila on 127.0.0.1 (Ctrl+C stops it).")
    try:
        return subprocess.call(cmd, env=voila_env())
    except KeyboardInterrupt:
        return 0


def add_commands(sub) -> None:
    """Register ``immfed present`` on the top-level parser's subcommands."""
    p = sub.add_parser("present", help="show a lesson as a web page of widgets (Voila presenter mode)")
    p.add_argument("lesson", nargs="?", help="lesson number, e.g. 02 (default: a list of all lessons)")
    p.add_argument("--port", type=int, help="port on 127.0.0.1 (default: Voila's, 8866)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    p.add_argument("--dry-run", action="store_true", help="print the Voila command instead of running it")
    p.set_defaults(func=_present)
