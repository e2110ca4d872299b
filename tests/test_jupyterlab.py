"""A lesson and a student exercise, run the way a student runs them: in JupyterLab.

JupyterLab is started on 127.0.0.1 with the token off, over a temporary folder holding a
copy of lesson 02 and of student exercise 01 (so the run never edits the repository's
notebooks). Chromium opens each notebook with every non-local address blocked, runs
*Run > Run All Cells* from the menu bar, and the test checks that widgets and the chart
rendered and that a self-check gives feedback.

The exercise copy has two answers filled in (as a student would) so ``grader.check``
gives a verdict and the predict-then-reveal explorer appears. Without Chromium the tests
skip, except under CI (``CI=true``), where they must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from browser_support import ARTIFACTS, browser_mark, free_port, open_local_page, serve
from conftest import REPO

LESSON = next(iter(sorted((REPO / "lessons").glob("02_*.ipynb"))), None)
EXERCISE = next(iter(sorted((REPO / "exercises" / "student").glob("01_*.ipynb"))), None)
# answers typed into the exercise copy before it is opened: cell source -> replacement
EXERCISE_ANSWERS = {"q1 = ...": 'q1 = "a"', "q6_prediction = ...": 'q6_prediction = "depends"'}


pytestmark = browser_mark("JupyterLab tests", modules=("jupyterlab",))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab over a temp folder with copies of the notebooks under test; yields its URL."""
    root = tmp_path_factory.mktemp("lab")
    if LESSON:
        shutil.copy(LESSON, root / LESSON.name)
    if EXERCISE:
        nb = json.loads(EXERCISE.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            src = "".join(cell["source"]).strip()
            if cell["cell_type"] == "code" and src in EXERCISE_ANSWERS:
                cell["source"] = EXERCISE_ANSWERS[src]
        (root / EXERCISE.name).write_text(json.dumps(nb), encoding="utf-8")
    # render every cell (JupyterLab 4 skips cells scrolled out of view by default), so the
    # test can read every output
    tracker = root / ".settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "jupyterlab.log"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / ".config"), "JUPYTER_RUNTIME_DIR": str(root / ".runtime")}
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
           f"--LabApp.user_settings_dir={root / '.settings'}", f"--LabApp.workspaces_dir={root / '.workspaces'}"]
    base = f"http://127.0.0.1:{port}"
    with serve(cmd, f"{base}/api/status", "jupyter lab", log, cwd=root, env=env):
        yield base


def _page_errors(logged: list[str]) -> list[str]:
    """The uncaught page errors among everything the page logged: JupyterLab logs harmless
    console errors of its own (e.g. its blocked news feed), which do not count."""
    return [e for e in logged if e.startswith("pageerror:")]


def _run_all(browser, lab: str, name: str):
    """Open a notebook in its own fresh JupyterLab workspace, wait for its kernel, and
    choose Run > Run All Cells from the menu bar."""
    url = f"{lab}/lab/workspaces/{Path(name).stem}/tree/{name}?reset"
    page, errors, _ = open_local_page(browser, url, viewport=(1400, 1000))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    # the kernel is up when the toolbar's status reads Idle
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", state="attached",
                           timeout=120_000)
    # make the notebook the current widget (Run All is disabled until it is), then use the menu;
    # try again if the first click came too early to start the run
    for _ in range(3):
        page.locator(".jp-Notebook .jp-Cell").first.click()
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']:not(.lm-mod-disabled)").click()
        try:
            page.wait_for_function("""() => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'))
                                      .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))""", timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError; retried
            page.keyboard.press("Escape")
    return page, errors


def _wait_until_done(page, timeout_ms: int = 180_000):
    """Wait until every code cell has run: its prompt shows an execution number, not [ ] or [*]."""
    page.wait_for_function("""() => {
        const prompts = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'));
        return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
    }""", timeout=timeout_ms, polling=500)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", state="attached",
                           timeout=timeout_ms)


@pytest.mark.skipif(LESSON is None, reason="no lesson 02 in lessons/")
def test_lesson_runs_in_jupyterlab(lab, browser):
    page, errors = _run_all(browser, lab, LESSON.name)
    try:
        _wait_until_done(page)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                            ":has-text('Traceback')").count() == 0
        page.wait_for_selector(".immfed-quiz", state="attached", timeout=60_000)
        assert page.locator(".jp-OutputArea .jupyter-widgets").count() > 3
        plot = page.locator(".js-plotly-plot").first
        plot.scroll_into_view_if_needed()
        page.wait_for_selector(".js-plotly-plot .trace path", state="attached", timeout=60_000)
        quiz = page.locator(".immfed-quiz").first
        quiz.scroll_into_view_if_needed()
        quiz.locator("input[type=radio]").first.check()
        quiz.locator("button", has_text="Check").click()
        page.wait_for_function("el => /Right\.|Not yet\./.test(el.innerText)",
                               arg=quiz.element_handle(), timeout=15_000)
        assert _page_errors(errors) == [], errors
    finally:
        page.screenshot(path=str(ARTIFACTS / "jupyterlab_lesson.png"))
        page.close()


@pytest.mark.skipif(EXERCISE is None, reason="no student exercise 01 in exercises/student/")
def test_student_exercise_runs_in_jupyterlab(lab, browser):
    page, errors = _run_all(browser, lab, EXERCISE.name)
    try:
        _wait_until_done(page)
        outputs = page.locator(".jp-OutputArea-output")
        text = "\n".join(outputs.all_inner_texts())
        assert "Traceback" not in text, text[-2000:]
        # the filled-in answer gets a verdict; the untouched ones say they are not answered
        assert re.search(r"q1: (✔ Right|✖ Not yet)", text), text[:2000]
        assert "Not answered yet" in text
        # predicting first reveals the explorer widget
        page.wait_for_selector(".jp-OutputArea .jupyter-widgets", state="attached", timeout=60_000)
        assert _page_errors(errors) == [], errors
    finally:
        page.screenshot(path=str(ARTIFACTS / "jupyterlab_exercise.png"))
        page.close()
