"""Presenter mode draws each chart as the kernel holds it: title, axis titles and height.

Voila connects to the kernel only after a lesson has run, so a chart whose layout was set
after its widget was made used to reach JupyterLab but not Voila (no title, no axis
titles, grey default template, wrong height; lesson 02's tile map became a pile of
squares). Each lesson is executed in a kernel to learn what its charts should show,
then served by Voila and read back from the drawn SVG in Chromium, tab by tab.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from browser_support import browser_mark, open_local_page
from conftest import REPO
from test_browser import CHARTS, LESSONS, voila_url  # noqa: F401  (shared Voila server fixture)

pytestmark = browser_mark("browser tests", modules=("voila",))

CHART_LESSONS = [name for name in LESSONS if name[:2] in CHARTS]

# What Chromium drew for each chart: the visible title, axis titles and the SVG height.
_READ_CHARTS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => {
    const text = sel => { const el = p.querySelector(sel); return el ? el.textContent : ''; };
    const svg = p.querySelector('.main-svg');
    return {title: text('.gtitle'), xaxis: text('.g-xtitle'), yaxis: text('.g-ytitle'),
            height: svg ? Math.round(parseFloat(svg.getAttribute('height'))) : null,
            template_bg: svg ? getComputedStyle(p.querySelector('.bg') || svg).fill : ''};
})"""


def _squash(text: str) -> str:
    # a two-line title is one string in the kernel (with <br>) and two <tspan>s in the SVG
    return re.sub(r"\s+", "", text or "")


def _kernel_charts(lesson: str) -> Counter:
    from immfed.site import execute_lesson
    from immfed.widgets.figures import layout_summary

    nb = execute_lesson(REPO / "lessons" / lesson)
    out = Counter()
    for figure in nb.metadata["immfed_figures"].values():
        s = layout_summary(figure)
        out[(_squash(s["title"]), _squash(s["xaxis"]), _squash(s["yaxis"]), s["height"])] += 1
    return out


def _drawn_charts(page) -> Counter:
    """Every chart on the page, after showing each tab once so hidden charts are drawn."""
    tabs = page.locator(".lm-TabBar-tab, .p-TabBar-tab")
    seen = {}
    for i in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(i).click()
            page.wait_for_timeout(800)
        for chart in page.evaluate(_READ_CHARTS):
            if chart["height"]:
                key = (_squash(chart["title"]), _squash(chart["xaxis"]), _squash(chart["yaxis"]), chart["height"])
                seen[key] = max(seen.get(key, 0), 1)
    return Counter(seen)


@pytest.mark.parametrize("lesson", CHART_LESSONS)
def test_voila_charts_match_the_kernel(voila_url, browser, lesson):  # noqa: F811
    expected = _kernel_charts(lesson)
    assert expected, f"{lesson} is listed in CHARTS but its kernel holds no chart"
    # the kernel's own view must already be complete: every chart titled, with a height
    for title, _x, _y, height in expected:
        assert title and height, f"{lesson}: a chart in the kernel lacks a title or height"

    page, errors, blocked = open_local_page(browser, f"{voila_url}/voila/render/{lesson}")
    try:
        page.wait_for_selector(".immfed-quiz", timeout=120_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60_000)
        page.wait_for_timeout(1500)
        drawn = _drawn_charts(page)
        missing = set(expected) - set(drawn)
        assert not missing, (f"{lesson}: charts in the kernel not drawn the same in Voila: {sorted(missing)}; "
                             f"Voila drew {sorted(drawn)}")
        unexpected = set(drawn) - set(expected)
        assert not unexpected, f"{lesson}: Voila drew charts the kernel does not hold: {sorted(unexpected)}"
        # presenter mode is offline: the course template asks no other host for anything
        assert blocked == [], f"{lesson}: the page asked for outside resources: {blocked}"
    finally:
        page.close()

