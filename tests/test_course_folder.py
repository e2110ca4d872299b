"""`immfed open`: one folder with the lessons and the student's exercise copies, opened in JupyterLab."""

from __future__ import annotations

import stat
import subprocess
import sys


def _open(folder, *extra):
    return subprocess.run([sys.executable, "-m", "immfed.cli", "open", str(folder), "--dry-run", "--no-browser",
                           *extra], capture_output=True, text=True, timeout=120)


def test_open_puts_lesson_00_and_exercise_01_side_by_side(tmp_path):
    folder = tmp_path / "course"
    run = _open(folder)
    assert run.returncode == 0, run.stderr
    assert (folder / "lessons" / "00_start_here.ipynb").is_file()
    assert (folder / "exercises" / "01_federal_baseline.ipynb").is_file()
    cmd = run.stdout.strip().splitlines()[-1]
    assert f"--ServerApp.root_dir={folder}" in cmd and cmd.endswith("lessons/00_start_here.ipynb --no-browser")
    # copies are ordinary files others in the group may read, not owner-only (0600)
    mode = stat.S_IMODE((folder / "exercises" / "01_federal_baseline.ipynb").stat().st_mode)
    assert mode & stat.S_IRGRP, oct(mode)


def test_open_again_keeps_a_notebook_the_student_changed(tmp_path):
    folder = tmp_path / "course"
    assert _open(folder).returncode == 0
    mine = folder / "exercises" / "01_federal_baseline.ipynb"
    mine.write_text(mine.read_text() + " ", encoding="utf-8")
    run = _open(folder)
    assert run.returncode == 0
    assert "skipped  01_federal_baseline.ipynb" in run.stdout
    assert mine.read_text().endswith(" ")


def test_open_says_plainly_when_the_folder_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run = _open(blocker / "course")
    assert run.returncode == 1
    assert "cannot write the course folder" in run.stderr and "Traceback" not in run.stderr


def test_open_passes_allow_root_to_jupyterlab_only_when_asked(tmp_path):
    plain = _open(tmp_path / "a").stdout.strip().splitlines()[-1]
    root = _open(tmp_path / "b", "--allow-root").stdout.strip().splitlines()[-1]
    assert "--allow-root" not in plain and root.endswith("--allow-root")
