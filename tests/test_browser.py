"""Real-browser tests: every lesson served by Voila and driven in Debian's Chromium.

The course is used in browsers, so it is tested in one. Each lesson is rendered by a
Voila server on 127.0.0.1 with every other address blocked; the test waits for the
widgets, checks that charts drew marks, answers a self-check, moves a control by
keyboard where the lesson has a chart, and fails on any JavaScript error. A screenshot
per lesson goes to test-artifacts/.
How Chromium is found and when the tests may skip: see browser_support.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import ARTIFACTS, browser_mark, free_port, open_local_page, serve
from conftest import REPO

LESSONS = sorted(p.name for p in (REPO / "lessons").glob("[0-9][0-9]_*.ipynb"))
# Lessons whose main tool draws a plotly chart, by lesson number, and the control the test
# moves by keyboard to redraw it: ("dropdown", its label) or ("slider", None) for the first
# slider. A lesson that draws a chart but is missing here fails, so new charts get listed.
CHARTS = {
    "02": ("dropdown", "Model:"),        # the visible "Count over time" tab: another model
    "03": ("slider", None),              # the first what-if rate of the funnel
    "04": ("dropdown", "Release day:"),  # detainer hold clock: another release day
    "05": ("dropdown", "State:"),        # operations timeline: filter to one state
    "06": ("dropdown", "Measure:"),      # state policies: another measure
    "07": ("dropdown", "State"),         # jurisdiction profile: another state
}
MARKS = ".js-plotly-plot .trace path, .js-plotly-plot .trace text"  # bars, lines, points, boxes, tiles

pytestmark = browser_mark("browser tests", modules=("voila",))


@pytest.fixture(scope="module")
def voila_url():
    """A Voila server over lessons/, bound to 127.0.0.1, for the whole module."""
    from immfed.present import voila_command, voila_env

    port = free_port()
    # the same command and template as `immfed present`, over the whole lessons folder
    cmd = voila_command(REPO / "lessons", port, open_browser=False) + [
        "--ServerApp.token=", "--VoilaConfiguration.file_allowlist=['.*']"]
    base = f"http://127.0.0.1:{port}"
    with serve(cmd, base, "voila", ARTIFACTS / "voila.log", cwd=REPO, env=voila_env()):
        yield base


def _plot_state(page) -> str:
    """The drawn marks of every plotly chart on the page, as one string."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
                                  .map(p => p.querySelector('.main-svg').innerHTML).join('|')""")


# anywidget 0.11 gives each widget model two seconds to load its JavaScript module
# (runtime.ts: AbortSignal.timeout(2e3) -> "Failed to initialize model."), and every
# plotly FigureWidget ships plotly's 5 MB module. On a loaded machine the first page that
# parses it can miss that deadline; the chart then draws but that model may ignore later
# updates. A reload is what a presenter would do, so the test allows one, records it in
# test-artifacts/anywidget-timeouts.log, and fails if the second load shows any error at all.
ANYWIDGET_TIMEOUT = "pageerror: [anywidget] Failed to initialize model."


def _real_errors(errors: list[str]) -> list[str]:
    return [e for e in errors if "favicon" not in e and "net::ERR_FAILED" not in e]


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_renders_and_responds_in_voila(voila_url, browser, lesson):
    errors = _drive_lesson(voila_url, browser, lesson)
    if errors and set(errors) == {ANYWIDGET_TIMEOUT}:
        ARTIFACTS.mkdir(exist_ok=True)
        with (ARTIFACTS / "anywidget-timeouts.log").open("a") as log:
            log.write(f"{lesson}: {errors}; reloading once\n")
        errors = _drive_lesson(voila_url, browser, lesson)
    assert errors == [], errors


def _drive_lesson(voila_url, browser, lesson) -> list[str]:
    """Open a lesson in Voila, check it, move its chart's control and answer a self-check;
    returns the JavaScript errors the page raised."""
    page, errors, blocked = open_local_page(browser, f"{voila_url}/voila/render/{lesson}")
    try:
        # Voila shows the page once every cell has run; widgets then mount
        page.wait_for_selector(".immfed-quiz", timeout=120_000)
        page.wait_for_timeout(1000)
        assert page.locator(".jupyter-widgets").count() > 3
        body = page.inner_text("body")
        assert "Traceback" not in body

        control = CHARTS.get(lesson[:2])
        if control is None:
            page.wait_for_timeout(2000)
            assert page.locator(".js-plotly-plot").count() == 0, f"{lesson} draws a chart: list it in CHARTS"
        else:
            page.wait_for_selector(MARKS, state="attached", timeout=60_000)
            page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
            marks = page.locator(MARKS).count()
            assert marks > 0, "chart drew no marks"
            before = _plot_state(page)
            kind, label = control
            if kind == "slider":
                slider = page.locator(".widget-slider .noUi-handle, .widget-slider .ui-slider-handle").first
                slider.focus()
                page.keyboard.press("ArrowLeft")
                page.keyboard.press("ArrowLeft")
            else:
                select = page.locator(f".widget-dropdown:has(label:text-is('{label}')) select").first
                select.focus()
                page.keyboard.press("ArrowDown")
            page.wait_for_function("before => Array.from(document.querySelectorAll('.js-plotly-plot'))"
                                   ".map(p => p.querySelector('.main-svg').innerHTML).join('|') !== before",
                                   arg=before, timeout=15_000)

        # answer the first self-check by keyboard and mouse: feedback must appear
        quiz = page.locator(".immfed-quiz").first
        quiz.locator("input[type=radio]").first.check()
        quiz.locator("button", has_text="Check").click()
        page.wait_for_function("el => /Right\.|Not yet\./.test(el.innerText)",
                               arg=quiz.element_handle(), timeout=15_000)

        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{Path(lesson).stem}.png"), full_page=False)
        return _real_errors(errors)
    finally:
        page.close()
