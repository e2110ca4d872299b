"""``immfed open``: one course folder a student works in, opened in JupyterLab.

The folder (``~/immfed-course`` unless named) holds ``lessons/`` and ``exercises/``,
copies of the notebooks shipped in the package. Running the command again after a course
update refreshes the copies the student has not touched and never overwrites one they
changed (the same rule as ``immfed exercises copy``). JupyterLab opens at the folder,
on lesson 00, so lessons and the student's own exercise copies sit side by side.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DEFAULT_FOLDER = Path.home() / "immfed-course"
FIRST_LESSON = "lessons/00_start_here.ipynb"


def lesson_notebooks() -> dict[str, bytes]:
    """The shipped lesson notebooks, file name -> bytes."""
    from immfed.lessons import lesson_paths

    return {p.name: p.read_bytes() for p in lesson_paths()}


def prepare_course_folder(folder: str | Path) -> list[str]:
    """Copy lessons and exercises into ``folder`` without losing work; returns report lines."""
    from immfed.exercises.copying import copy_student_notebooks

    folder = Path(folder).expanduser()
    lines = []
    for sub, notebooks in (("lessons", lesson_notebooks()), ("exercises", None)):
        report = copy_student_notebooks(folder / sub, notebooks)
        lines += [f"{sub}/{line}" for line in report.lines()]
    return lines


def jupyterlab_command(folder: Path, open_browser: bool = True, allow_root: bool = False) -> list[str]:
    """JupyterLab rooted at the course folder, opening the first lesson."""
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}", "--ServerApp.ip=127.0.0.1",
           FIRST_LESSON]
    if not open_browser:
        cmd.append("--no-browser")
    if allow_root:
        cmd.append("--allow-root")
    return cmd


def _open(args) -> int:
    folder = Path(args.folder).expanduser().resolve()
    try:
        lines = prepare_course_folder(folder)
    except OSError as exc:
        print(f"error: cannot write the course folder {folder}: {exc.strerror or exc}. "
              f"Name another folder: immfed open PATH", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    print(f"Course folder: {folder} (lessons/ and your exercises/)")
    cmd = jupyterlab_command(folder, open_browser=not args.no_browser, allow_root=args.allow_root)
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    try:
        return subprocess.call(cmd, cwd=folder)
    except KeyboardInterrupt:
        return 0


def add_commands(sub) -> None:
    """Register ``immfed open`` on the top-level parser's subcommands."""
    p = sub.add_parser("open", help="copy lessons and exercises into your course folder and open JupyterLab there")
    p.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER),
                   help=f"your course folder (default: {DEFAULT_FOLDER})")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    p.add_argument("--dry-run", action="store_true", help="copy, then print the JupyterLab command instead of running it")
    # JupyterLab refuses to start as root unless told to (containers and some lab machines run as root)
    p.add_argument("--allow-root", action="store_true", help="let JupyterLab run as the root user")
    p.set_defaults(func=_open)
