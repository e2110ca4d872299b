"""The static site (``immfed site build``): built once, then every page audited in Chromium.

Each page must stay under 8 MB, share one plotly.js file (no CDN, no copy per chart),
resolve its citation links, draw its charts when served from 127.0.0.1 with every other address blocked, and pass an
axe-core audit with no serious or critical violations.

axe-core comes from the npm registry (``npm install --prefix .ci/node axe-core@4``, done
by ``.ci/run``); ``AXE_CORE_JS`` may point at another copy of ``axe.min.js``. Without
Chromium or axe-core the browser checks skip locally; under CI (``CI=true``) they run.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from browser_support import browser_mark, open_local_page
from conftest import REPO

AXE = Path(os.environ.get("AXE_CORE_JS", REPO / ".ci/node/node_modules/axe-core/axe.min.js"))
MAX_PAGE_BYTES = 8 * 1024 * 1024
LESSONS = sorted(p.stem for p in (REPO / "lessons").glob("[0-9][0-9]_*.ipynb"))
EXTRA_PAGES = ["glossary", "data", "search", "report"]
PAGES = ["index", *LESSONS, *EXTRA_PAGES]
# lessons whose static page must carry at least this many charts (the others: any number,
# and every chart they carry must draw)
MIN_CHARTS = {"02": 4, "03": 1}


needs_browser = browser_mark("site audit", files=(AXE,))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Every lesson executed and written as a static site, once for this module."""
    from immfed.site import build_site, find_lessons

    dest = tmp_path_factory.mktemp("site")
    lessons = find_lessons(REPO / "lessons")
    build_site(dest, lessons, jobs=2, log=lambda *_: None)
    return dest


@pytest.fixture(scope="module")
def site_url(site):
    """The built site served on 127.0.0.1 (axe-core reads stylesheets, which file:// forbids)."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_site_has_a_page_per_lesson_and_a_course_map(site):
    pages = sorted(p.stem for p in site.glob("*.html"))
    assert pages == sorted(PAGES)
    assert (site / "assets" / "search-index.js").exists() and (site / "data" / "datapackage.json").exists()
    index = (site / "index.html").read_text(encoding="utf-8")
    for stem in LESSONS:
        assert f'href="{stem}.html"' in index
    assert "Estimated time" in index and "<ol>" in index
    assert (site / "assets" / "plotly.min.js").stat().st_size > 1_000_000


@pytest.mark.parametrize("stem", LESSONS)
def test_lesson_page_is_small_offline_and_cited(site, stem):
    page = site / f"{stem}.html"
    text = page.read_text(encoding="utf-8")
    assert page.stat().st_size <= MAX_PAGE_BYTES
    assert '<html lang="en">' in text and "<title>" in text
    # plotly.js: at most one reference to the shared file, never a CDN, never inlined
    assert text.count('src="assets/plotly.min.js"') == (1 if "static-plot" in text else 0)
    assert "cdn.plot.ly" not in text and "cdn.jsdelivr" not in text
    assert len(re.findall(r"Plotly\.newPlot", text)) == text.count('class="static-plot"')
    assert "Traceback" not in text
    # every citation link lands on an entry of the reference list
    cited = set(re.findall(r'href="#ref-([a-z0-9_]+)"', text))
    listed = set(re.findall(r'id="ref-([a-z0-9_]+)"', text))
    assert cited, "no citation links on the page"
    assert cited <= listed, f"unresolved citations: {sorted(cited - listed)}"


@needs_browser
@pytest.mark.parametrize("stem", PAGES)
def test_page_draws_offline_and_passes_axe(site_url, browser, stem):
    page, errors, blocked = open_local_page(browser, f"{site_url}/{stem}.html", allowed=(site_url + "/",))
    try:
        page.wait_for_load_state("load")
        charts = page.locator(".static-plot").count()
        assert charts >= MIN_CHARTS.get(stem.split("_", 1)[0], 0)
        if charts:
            page.wait_for_function("n => document.querySelectorAll('.static-plot .main-svg').length >= n",
                                   arg=charts, timeout=30_000)
            drawn = page.evaluate("""() => Array.from(document.querySelectorAll('.static-plot')).map(p =>
                p.querySelectorAll('.trace path, .trace text').length)""")
            assert all(n > 0 for n in drawn), f"charts without marks: {drawn}"
            labels = page.evaluate("() => Array.from(document.querySelectorAll('.static-plot'))"
                                   ".map(p => p.getAttribute('aria-label') || '')")
            assert all(len(label) > 10 for label in labels), labels
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""")
        assert violations == [], violations
        assert errors == [], errors
        assert blocked == [], f"page tried the network: {blocked[:3]}"
    finally:
        page.close()


def test_citation_markers_link_except_in_code():
    from immfed.site import link_markers

    out = link_markers("<p>Held [@a_1; @b_2].</p><p><code>[@c_3]</code></p>")
    assert '<a href="#ref-a_1">a_1</a>; <a href="#ref-b_2">b_2</a>' in out
    assert "<code>[@c_3]</code>" in out


def test_course_map_reads_each_lessons_opening_cell():
    import nbformat

    from immfed.site import find_lessons, lesson_info

    for path in find_lessons(REPO / "lessons"):
        info = lesson_info(nbformat.read(path, as_version=4), path)
        assert info["title"] and info["page"] == f"{path.stem}.html"
        assert info["time"], f"{path.name}: no **Estimated time:** line in its first cell"
        assert info["objectives"], f"{path.name}: no learning objectives list in its first cell"


def test_site_command_is_registered():
    from immfed.cli import build_parser

    args = build_parser().parse_args(["site", "build", "out", "--only", "02", "03"])
    assert args.dest == "out" and args.only == ["02", "03"] and callable(args.func)
