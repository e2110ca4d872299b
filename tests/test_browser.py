"""Real-browser tests: every lesson served by Voila and driven in Debian's Chromium.

The course is used in browsers, so it is tested in one. Each lesson is rendered by a
Voila server on 127.0.0.1 with every other address blocked; the test waits for the
widgets, checks that charts drew marks, answers a self-check, moves a control by
keyboard where the lesson has a chart, and fails on any JavaScript error. A screenshot
per lesson goes to test-artifacts/.

Chromium comes from Debian's package (``apt-get install chromium``); Playwright's own
browser download does not work on these machines. Without Chromium the tests skip,
except under CI (``CI=true``), where they must run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
LESSONS = sorted(p.name for p in (REPO / "lessons").glob("[0-9][0-9]_*.ipynb"))
# lessons whose main tool draws a plotly chart, and the control that changes it
CHARTS = {"02_287g_models.ipynb", "03_policing_pipeline.ipynb"}

def _missing_browser_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
        import voila  # noqa: F401
    except ImportError as exc:
        return f"browser test dependency missing: {exc.name}"
    return None


REASON = _missing_browser_reason()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError(f"browser tests must run under CI, but {REASON}")
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def voila_url():
    """A Voila server over lessons/, bound to 127.0.0.1, for the whole module."""
    port = _free_port()
    log = (ARTIFACTS / "voila.log")
    ARTIFACTS.mkdir(exist_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
         "--ServerApp.token=", "--VoilaConfiguration.file_allowlist=['.*']", str(REPO / "lessons")],
        stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"voila exited early; see {log}")
            time.sleep(0.5)
    else:
        proc.terminate()
        raise RuntimeError(f"voila did not start within 60 s; see {log}")
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def _open(browser, url):
    """A page with the network limited to 127.0.0.1 and every JavaScript error recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    blocked: list[str] = []

    def only_local(route):
        host = route.request.url.split("/")[2] if "//" in route.request.url else ""
        if host.startswith("127.0.0.1") or route.request.url.startswith(("data:", "blob:")):
            return route.continue_()
        blocked.append(route.request.url)
        return route.abort()

    page.route("**/*", only_local)
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    return page, errors, blocked


def _plot_state(page) -> str:
    """The drawn marks of every plotly chart on the page, as one string."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
                                  .map(p => p.querySelector('.main-svg').innerHTML).join('|')""")


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_renders_and_responds_in_voila(voila_url, browser, lesson):
    page, errors, blocked = _open(browser, f"{voila_url}/voila/render/{lesson}")
    try:
        # Voila shows the page once every cell has run; widgets then mount
        page.wait_for_selector(".immfed-quiz", timeout=120_000)
        page.wait_for_timeout(1000)
        assert page.locator(".jupyter-widgets").count() > 3
        body = page.inner_text("body")
        assert "Traceback" not in body

        if lesson in CHARTS:
            marks_css = ".js-plotly-plot .bars path, .js-plotly-plot .scatterlayer path"
            page.wait_for_selector(marks_css, state="attached", timeout=60_000)
            page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
            marks = page.locator(marks_css).count()
            assert marks > 0, "chart drew no marks"
            before = _plot_state(page)
            if lesson.startswith("03"):
                slider = page.locator(".widget-slider .noUi-handle, .widget-slider .ui-slider-handle").first
                slider.focus()
                page.keyboard.press("ArrowLeft")
                page.keyboard.press("ArrowLeft")
            else:
                # the visible "Count over time" tab: choose another model by keyboard
                select = page.locator(".widget-dropdown:has(label:text-is('Model:')) select").first
                select.focus()
                page.keyboard.press("ArrowDown")
            page.wait_for_function("before => Array.from(document.querySelectorAll('.js-plotly-plot'))"
                                   ".map(p => p.querySelector('.main-svg').innerHTML).join('|') !== before",
                                   arg=before, timeout=15_000)

        # answer the first self-check by keyboard and mouse: feedback must appear
        quiz = page.locator(".immfed-quiz").first
        quiz.locator("input[type=radio]").first.check()
        quiz.locator("button", has_text="Check").click()
        page.wait_for_function("el => /Correct|Not quite/.test(el.innerText)",
                               arg=quiz.element_handle(), timeout=15_000)

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{Path(lesson).stem}.png"), full_page=False)
        real_errors = [e for e in errors if "favicon" not in e and "net::ERR_FAILED" not in e]
        assert real_errors == [], real_errors
    finally:
        page.close()
