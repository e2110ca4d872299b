"""`immfed present NN`: Voila presenter mode from any folder, offline, after the plain install."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from immfed.present import JUPYTER_DATA, TEMPLATE


def _immfed(*args, cwd):
    return subprocess.run([sys.executable, "-m", "immfed.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_present_serves_the_installed_lesson_from_any_folder(tmp_path):
    run = _immfed("present", "2", "--dry-run", "--no-browser", "--port", "8999", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    cmd = run.stdout.strip()
    assert "-m voila" in cmd and cmd.split()[3].endswith("lessons/02_287g_models.ipynb")
    assert Path(cmd.split()[3]).exists()
    for part in ("--Voila.ip=127.0.0.1", f"--template={TEMPLATE}", "--port=8999", "--no-browser"):
        assert part in cmd


def test_present_names_the_lessons_when_the_number_is_wrong(tmp_path):
    run = _immfed("present", "42", "--dry-run", cwd=tmp_path)
    assert run.returncode == 2
    assert "No lesson '42'" in run.stderr and "00_start_here" in run.stderr
    assert "Traceback" not in run.stderr


def test_course_template_removes_exactly_the_cdn_links_voilas_template_has():
    import voila

    lab = Path(voila.__file__).resolve().parents[0]
    candidates = list(Path(sys.prefix, "share/jupyter/voila/templates/lab").glob("index.html.j2"))
    assert candidates, f"Voila's lab template not found under {sys.prefix} (voila at {lab})"
    upstream = candidates[0].read_text(encoding="utf-8")
    ours = (JUPYTER_DATA / "voila/templates" / TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    cdn_links = re.findall(r'<link[^>]+https://[^>]+>', upstream)
    assert cdn_links, "Voila's template no longer links a CDN: the course template's replace() can go"
    for link in cdn_links:  # each outside link upstream is blanked by our template
        assert link in ours, f"course template does not remove {link}"


def test_repository_voila_json_and_present_skip_the_same_extensions():
    # voila.json serves Binder's voila/render links (run from the repository root);
    # `immfed present` passes the same list on its command line, from any folder
    import json

    from conftest import REPO
    from immfed.present import DENIED_EXTENSIONS

    config = json.loads((REPO / "voila.json").read_text(encoding="utf-8"))
    assert sorted(config["VoilaConfiguration"]["extension_denylist"]) == sorted(DENIED_EXTENSIONS)
