"""What makes the static site usable by a student, checked in Chromium from ``file://``:
numbered citations that carry their reference, offline search over lessons and glossary,
the data downloads, a report-an-error link on every page, a print stylesheet, and chart
titles that no axis title runs into.

The site is built once for this module from two lessons: 02 (charts with two-line titles
and long y-axis titles) and 03 (the Galarza detainer case). Browser tests follow
``browser_support``: they skip without Chromium on a developer's machine, never under CI.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest

from browser_support import browser_mark, open_local_page
from conftest import REPO

needs_browser = browser_mark("site features")
LESSONS = ["02", "03"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from immfed.site import build_site, find_lessons

    dest = tmp_path_factory.mktemp("site_features")
    build_site(dest, find_lessons(REPO / "lessons", LESSONS), jobs=2, log=lambda *_: None)
    return dest


def _open(browser, url: str, **kw):
    page, errors, _ = open_local_page(browser, url, allowed=("file://",), **kw)
    page.wait_for_load_state("load")
    return page, errors


def _lesson(site: Path, number: str) -> Path:
    return next(site.glob(f"{number}_*.html"))


# -- search ----------------------------------------------------------------------------

def _search(browser, site: Path, query: str) -> list[dict]:
    page, errors = _open(browser, (site / "search.html").as_uri() + f"?q={query}")
    try:
        page.wait_for_function("() => document.getElementById('search-status').textContent.length > 0")
        hits = page.evaluate("""() => Array.from(document.querySelectorAll('#search-results li')).map(li => ({
            href: li.querySelector('a').getAttribute('href'), title: li.querySelector('a').textContent,
            text: li.textContent}))""")
        assert errors == [], errors
        return hits
    finally:
        page.close()


def _target_text(browser, site: Path, href: str) -> str:
    """The text of the element a search result links to (following it from file://)."""
    name, _, anchor = href.partition("#")
    assert (site / name).exists(), href
    page, _ = _open(browser, (site / name).as_uri() + (f"#{anchor}" if anchor else ""))
    try:
        if not anchor:
            return page.inner_text("main")
        # the section: the heading and everything up to the next heading
        return page.evaluate("""id => { const h = document.getElementById(id); if (!h) return null;
            let t = h.textContent, n = h.nextElementSibling;
            while (n && !/^H[1-4]$/.test(n.tagName)) { t += ' ' + n.textContent; n = n.nextElementSibling; }
            return t; }""", anchor)
    finally:
        page.close()


@needs_browser
def test_search_finds_a_glossary_term_offline(site, browser):
    hits = _search(browser, site, "detainer")
    glossary = [h for h in hits if h["href"].startswith("glossary.html#term-")]
    assert glossary, f"no glossary entry among {[h['href'] for h in hits][:10]}"
    assert "detainer" in glossary[0]["title"].lower()
    text = _target_text(browser, site, glossary[0]["href"])
    assert text and "detainer" in text.lower()


@needs_browser
def test_search_finds_a_case_name_in_a_lesson(site, browser):
    hits = _search(browser, site, "Galarza")
    lesson = [h for h in hits if h["href"].startswith(_lesson(site, "03").name + "#")]
    assert lesson, f"no lesson 03 section among {[h['href'] for h in hits]}"
    assert "Galarza" in lesson[0]["text"]
    text = _target_text(browser, site, lesson[0]["href"])
    assert text and "Galarza" in text


@needs_browser
def test_search_box_in_the_header_works_from_any_page(site, browser):
    page, errors = _open(browser, (site / "index.html").as_uri())
    try:
        page.fill("#site-q", "detainer")
        page.press("#site-q", "Enter")
        page.wait_for_selector("#search-results li a", timeout=15_000)
        assert page.url.split("?")[0].endswith("/search.html")
        assert page.input_value("#site-q") == "detainer"
        assert errors == [], errors
    finally:
        page.close()


def test_search_index_is_a_script_not_json(site):
    # file:// forbids fetch/XHR, so the index must be loaded by a <script> tag
    search = (site / "search.html").read_text(encoding="utf-8")
    assert '<script src="assets/search-index.js"' in search
    index = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert index.startswith("window.IMMFED_SEARCH_INDEX = ")
    entries = json.loads(index.split("=", 1)[1].strip().rstrip(";"))
    assert {e["k"] for e in entries} == {"lesson", "glossary"}
    script = (site / "assets" / "search.js").read_text(encoding="utf-8")
    assert "fetch(" not in script and "XMLHttpRequest" not in script and "innerHTML" not in script


# -- citations -------------------------------------------------------------------------

@needs_browser
def test_numbered_citation_links_to_its_reference_with_the_full_text(site, browser):
    page, errors = _open(browser, _lesson(site, "03").as_uri())
    try:
        cites = page.evaluate("""() => Array.from(document.querySelectorAll('.cite a')).map(a => {
            const id = a.getAttribute('href').slice(1), li = document.getElementById(id);
            let number = null, text = null;
            if (li && li.parentElement.tagName === 'OL') {
              const ol = li.parentElement;
              number = (ol.start || 1) + Array.from(ol.children).indexOf(li);
              text = li.textContent;
            }
            return {label: a.textContent, title: a.getAttribute('title') || '', id, number, text}; })""")
        assert cites, "no citation links"
        for c in cites:
            assert re.fullmatch(r"\d+", c["label"]), f"citation not numbered: {c['label']!r}"
            assert c["number"] == int(c["label"]), c
            # the hover text is the full reference: its title and URL, as the list gives them
            body = re.sub(r"^\s*" + re.escape(c["id"][4:]) + r"\s*:\s*", "", c["text"]).strip()
            assert body and body[:60] in c["title"], (c["title"], body)
            assert "http" in c["title"]
        # keyboard: the link takes focus, and the stylesheet shows the reference beside it
        first = page.locator(".cite a").first
        first.focus()
        assert page.evaluate("() => document.activeElement.matches('.cite a')")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        shown = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
        assert cites[0]["title"][:30] in shown
        assert errors == [], errors
    finally:
        page.close()


def test_numbering_continues_across_reference_lists():
    from immfed.site import number_citations

    frag = ('<p><span class="cite">[<a href="#ref-b">b</a>; <a href="#ref-c">c</a>]</span></p>'
            "<ol class='immfed-references'><li id=\"ref-a\"><code>a</code>: A. https://a.example</li>"
            "<li id=\"ref-b\"><code>b</code>: B. https://b.example</li></ol>"
            "<ol class='immfed-references'><li id=\"ref-c\"><code>c</code>: C. https://c.example</li></ol>")
    out = number_citations(frag)
    assert 'href="#ref-b" title="[2] B. https://b.example">2</a>' in out
    assert 'href="#ref-c" title="[3] C. https://c.example">3</a>' in out
    assert "<ol class='immfed-references' start=\"3\">" in out


# -- data page -------------------------------------------------------------------------

def test_data_page_offers_every_table_and_the_package(site):
    from immfed.data import catalog

    text = (site / "data.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(data/[^"]+)"', text)
    assert "data/datapackage.json" in links
    for href in links:
        assert (site / href).is_file(), f"data page links to a missing file: {href}"
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        assert f'href="data/{res["path"]}"' in text, f"{res['name']} not offered"
        assert (site / "data" / res["path"]).read_bytes() == catalog().path(res["name"]).read_bytes()
        with open(site / "data" / res["path"], newline="", encoding="utf-8") as fh:
            rows = sum(1 for _ in csv.reader(fh)) - 1
        row = re.search(r'href="data/' + re.escape(res["path"]) + r'".*?</tr>', text, re.S).group(0)
        assert html.escape(res["title"]) in row and f">{rows:,}<" in row, row
    assert "How to cite" in text and "sources.csv" in text


@needs_browser
def test_data_page_links_open_from_file_urls(site, browser):
    page, errors = _open(browser, (site / "data.html").as_uri())
    try:
        hrefs = page.evaluate("() => Array.from(document.querySelectorAll('main a[href^=\"data/\"]')).map(a => a.href)")
        assert len(hrefs) >= 2
        for href in hrefs:
            assert href.startswith("file://")
            assert Path(href[len("file://"):]).is_file(), href
    finally:
        page.close()


# -- report link -----------------------------------------------------------------------

def test_every_page_links_to_the_report_page(site):
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 7
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<a class="report-link" href="report\.html">Report an error</a>', text), page.name
    report = (site / "report.html").read_text(encoding="utf-8")
    for must in ("lesson", "exact sentence", "source", "date", "not a factual"):
        assert must in report.lower(), must


def test_repo_url_points_report_links_at_the_issue_form(tmp_path):
    from immfed.site import report_link
    from immfed.site.build import write_extra_pages

    url = "https://github.com/example-org/immfed-course"
    report = report_link(url)
    assert report == url + "/issues/new?template=factual-error.md"
    assert (REPO / ".github" / "ISSUE_TEMPLATE" / "factual-error.md").is_file()
    for page in write_extra_pages(tmp_path, [], {}, url, report):
        assert f'class="report-link" href="{report}"' in page.read_text(encoding="utf-8"), page.name


def test_site_command_takes_a_repo_url():
    from immfed.cli import build_parser

    args = build_parser().parse_args(["site", "build", "out", "--repo-url", "https://github.com/o/n"])
    assert args.repo_url == "https://github.com/o/n"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["site", "build", "out", "--repo-url", "o/n"])


def test_issue_template_asks_for_the_source():
    text = (REPO / ".github" / "ISSUE_TEMPLATE" / "factual-error.md").read_text(encoding="utf-8")
    assert text.startswith("---\nname: Factual error")
    for must in ("Lesson", "exact sentence", "What is wrong", "source", "date", "attributed"):
        assert must in text, must
    assert "factual-error.md" in (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


# -- print -----------------------------------------------------------------------------

@needs_browser
def test_print_stylesheet_hides_the_chrome_and_fits_the_charts(site, browser):
    # about the printable width of A4 or Letter at 96 px per inch
    page, errors = _open(browser, _lesson(site, "02").as_uri(), viewport=(720, 1000))
    try:
        page.wait_for_function("() => document.querySelectorAll('.static-plot .main-svg').length > 0")
        page.emulate_media(media="print")
        page.wait_for_timeout(300)
        shown = page.evaluate("""() => Object.fromEntries(['header.site', 'nav.lessons', 'nav.site',
            'form.search', 'footer.site', 'details.code'].map(s => [s,
            Array.from(document.querySelectorAll(s)).some(e => getComputedStyle(e).display !== 'none')]))""")
        assert not any(shown.values()), f"chrome still shown in print: {shown}"
        assert page.evaluate("() => getComputedStyle(document.querySelector('.immfed-references')).display") != "none"
        widths = page.evaluate("""() => { const m = document.querySelector('main').getBoundingClientRect();
            return Array.from(document.querySelectorAll('.static-plot')).map(p => {
              const r = p.querySelector('.main-svg').getBoundingClientRect();
              return [r.left >= m.left - 1, r.right <= m.right + 1, Math.round(r.right), Math.round(m.right)]; }); }""")
        assert widths and all(w[0] and w[1] for w in widths), f"charts wider than the printed column: {widths}"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        assert errors == [], errors
    finally:
        page.close()


# -- charts ----------------------------------------------------------------------------

@needs_browser
def test_no_axis_title_overlaps_a_chart_title(site, browser):
    page, errors = _open(browser, _lesson(site, "02").as_uri())
    try:
        page.wait_for_function("() => document.querySelectorAll('.static-plot .main-svg').length >= 4")
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('.static-plot')).map(p => {
            const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const t = p.querySelector('.gtitle');
            return {plot: box(p.querySelector('.main-svg')), title: t ? box(t) : null,
                    axes: Array.from(p.querySelectorAll('.ytitle, .xtitle')).map(box)}; })""")
        titled = [b for b in boxes if b["title"] and b["axes"]]
        assert titled, "no chart with both a title and an axis title"
        for b in boxes:
            if not b["title"]:
                continue
            t, fig = b["title"], b["plot"]
            assert t[1] >= fig[1] - 1 and t[3] <= fig[3] + 1, f"title cut off: {t} in {fig}"
            for a in b["axes"]:
                overlap = a[0] < t[2] and t[0] < a[2] and a[1] < t[3] and t[1] < a[3]
                assert not overlap, f"axis title {a} overlaps chart title {t}"
    finally:
        page.close()


def test_site_layout_wraps_long_y_titles_and_makes_room_for_title_lines():
    from immfed.site import site_layout

    layout = {"height": 380, "font": {"size": 14}, "margin": {"t": 40, "b": 50, "l": 60},
              "title": {"text": "A count<br>(agreements), as of 2026-10-09"},
              "yaxis": {"title": {"text": "agreements (one agency x one model) counted each month"}}}
    out = site_layout(layout)
    assert out["margin"]["t"] > 40 and "<br>" in out["yaxis"]["title"]["text"]
    assert out["margin"]["l"] > 60
    assert layout["margin"]["t"] == 40, "the caller's layout must not change"
