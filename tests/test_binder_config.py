"""The Binder / JupyterHub configuration (binder/) installs the course in a fresh environment.

repo2docker, which builds mybinder.org images and many JupyterHub images, reads
``binder/runtime.txt`` for the Python version and installs ``binder/requirements.txt``
with pip from the repository root. This test does the same in a new virtual environment
(pip's cache keeps it quick) and checks that the widgets import and the shipped data
validates there. One test, because the install is the slow part.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib

from conftest import REPO

BINDER = REPO / "binder"


def test_binder_config_installs_in_a_fresh_venv(tmp_path):
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-3\.(\d+)", runtime)
    assert match, f"runtime.txt must read python-3.X, not {runtime!r}"
    floor = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert int(match.group(1)) >= int(re.search(r"3\.(\d+)", floor).group(1)), (runtime, floor)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    # from the repository root, as repo2docker runs it: "." in the file is this repository
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_PROGRESS_BAR": "off"}
    run = subprocess.run([str(py), "-m", "pip", "install", "-q", "-r", str(BINDER / "requirements.txt")],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]

    check = subprocess.run([str(py), "-c", "import immfed.widgets, immfed.lessons, anywidget, jupyterlab; "
                            "print(len(immfed.lessons.lesson_paths()))"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr[-2000:]
    assert int(check.stdout.strip()) >= 1
    data = subprocess.run([str(venv / "bin" / "immfed"), "data", "check"], cwd=tmp_path, env={
        **env, "IMMFED_USER_DATA": str(tmp_path / "userdata")}, capture_output=True, text=True, timeout=120)
    assert data.returncode == 0, data.stdout[-1000:] + data.stderr[-2000:]
    assert "tables valid" in data.stdout
