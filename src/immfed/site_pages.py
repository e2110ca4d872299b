"""The site's pages beyond the lessons: glossary, data downloads, search, and how to
report an error; and the search index the search page reads.

Everything works from ``file://``: browsers refuse ``fetch`` of a local JSON file there,
so the index is a JavaScript file (``assets/search-index.js``) that ``search.html``
loads with a ``<script>`` tag, and a short hand-written script searches it.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from pathlib import Path

from immfed.site import (COURSE_TITLE, REPORT_PAGE, SEARCH_PAGE, _document, _slug, _text, heading_ids,
                         link_markers, number_citations)

SEARCH_INDEX_ASSET = "assets/search-index.js"
SEARCH_JS_ASSET = "assets/search.js"
GLOSSARY_PAGE = "glossary.html"
DATA_PAGE = "data.html"

# Matches every query word (case-insensitive) in an entry's title and text; titles weigh
# more than text, glossary terms more than lesson sections. Results are built with DOM
# calls (textContent), never innerHTML, so indexed text cannot inject markup.
SEARCH_JS = r"""(function () {
  "use strict";
  var index = window.IMMFED_SEARCH_INDEX || [];
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var out = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var box = document.getElementById("site-q");
  if (box) { box.value = query; }
  function words(q) { return q.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; }); }
  function count(hay, w) { var n = 0, i = hay.indexOf(w); while (i !== -1) { n++; i = hay.indexOf(w, i + w.length); } return n; }
  function snippet(text, w) {
    var i = text.toLowerCase().indexOf(w);
    if (i < 0) { return text.slice(0, 200); }
    var a = Math.max(0, i - 90), b = Math.min(text.length, i + w.length + 110);
    return (a > 0 ? "\u2026" : "") + text.slice(a, b) + (b < text.length ? "\u2026" : "");
  }
  function mark(el, text, w) {
    var low = text.toLowerCase(), pos = 0, i;
    while (w && (i = low.indexOf(w, pos)) !== -1) {
      el.appendChild(document.createTextNode(text.slice(pos, i)));
      var m = document.createElement("mark"); m.textContent = text.slice(i, i + w.length); el.appendChild(m);
      pos = i + w.length;
    }
    el.appendChild(document.createTextNode(text.slice(pos)));
  }
  if (!query) { status.textContent = "Type a word or phrase in the search box: a term, a case name, a state."; return; }
  var ws = words(query), hits = [];
  index.forEach(function (e) {
    var t = e.t.toLowerCase(), x = e.x.toLowerCase(), score = 0;
    for (var k = 0; k < ws.length; k++) {
      var inT = count(t, ws[k]), inX = count(x, ws[k]);
      if (inT + inX === 0) { return; }
      score += 10 * inT + Math.min(inX, 20);
    }
    if (e.k === "glossary" && t.indexOf(query.toLowerCase()) !== -1) { score += 50; }
    hits.push({e: e, s: score});
  });
  hits.sort(function (a, b) { return b.s - a.s; });
  status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d.";
  hits.slice(0, 60).forEach(function (h) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = h.e.u; a.textContent = h.e.t; li.appendChild(a);
    var where = document.createElement("span"); where.className = "where";
    where.textContent = " (" + h.e.w + ")"; li.appendChild(where);
    var p = document.createElement("p"); mark(p, snippet(h.e.x, ws[0]), ws[0]); li.appendChild(p);
    out.appendChild(li);
  });
})();
"""


def _glossary_id(term: str) -> str:
    return "term-" + _slug(term)


def glossary_rows() -> list[dict]:
    """The glossary table as dicts, sorted by term."""
    from immfed.data import load

    frame = load("glossary")
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return sorted(rows, key=lambda r: r["term"].casefold())


def glossary_page(infos: list[dict], report: str = REPORT_PAGE) -> str:
    """Every glossary term with its definition, who uses a contested term how, the lesson
    that first teaches it (linked where the site has that lesson) and its source."""
    from immfed.data import catalog

    pages = {int(i["number"]): i for i in infos if i["number"].isdigit()}
    items = []
    for r in glossary_rows():
        abbr = f" ({html.escape(r['abbreviation'])})" if r.get("abbreviation") else ""
        flag = " <em>(contested term)</em>" if r.get("contested") else ""
        usage = f" <strong>Usage:</strong> {html.escape(r['usage_note'])}" if r.get("usage_note") else ""
        lesson = r.get("lesson")
        taught = ""
        if lesson is not None:
            info = pages.get(int(lesson))
            name = f"lesson {int(lesson):02d}"
            taught = f' First taught in <a href="{info["page"]}">{name}</a>.' if info else f" First taught in {name}."
        cite = link_markers(f"[@{r['source_id']}]") if r.get("source_id") else ""
        items.append(f'<dt id="{_glossary_id(r["term"])}">{html.escape(r["term"])}{abbr}{flag}</dt>'
                     f"<dd>{html.escape(r['definition'])} {cite}{usage}{taught}</dd>")
    cat = catalog()
    ids = list(dict.fromkeys(r["source_id"] for r in glossary_rows() if r.get("source_id")))
    refs = []
    for sid in sorted(ids, key=lambda s: cat.source(s)["title"].lower()):
        url = html.escape(cat.source(sid)["url"])
        text = html.escape(cat.cite(sid)).replace(url, f'<a href="{url}">{url}</a>')
        refs.append(f'<li id="ref-{sid}"><code>{sid}</code>: {text}</li>')
    body = (f"<main>\n<h1>Glossary</h1>\n<p>Terms a student meets in the course, defined neutrally; "
            f"for contested terms, who uses them how. The glossary widget in lesson 00 filters the same "
            f"table.</p>\n<dl class=\"glossary\">{''.join(items)}</dl>\n<h2>References</h2>\n"
            f"<ol class='immfed-references'>{''.join(refs)}</ol>\n</main>")
    return _document(f"Glossary | {COURSE_TITLE}", heading_ids(number_citations(body)), report=report)


def _csv_rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as fh:
        return max(0, sum(1 for _ in csv.reader(fh)) - 1)


def copy_data(dest: Path) -> list[dict]:
    """Copy each table and ``datapackage.json`` into ``dest/data/`` (the package's own
    relative paths, so the copied package validates as it stands); returns one dict per
    table: name, title, description, path in the site, rows, bytes."""
    from immfed.data import catalog

    cat = catalog()
    (dest / "data" / "tables").mkdir(parents=True, exist_ok=True)
    shutil.copy(cat.root / "datapackage.json", dest / "data" / "datapackage.json")
    out = []
    for name in cat.tables():
        res = cat.describe(name)
        target = dest / "data" / res["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(cat.path(name), target)
        out.append({"name": name, "title": res.get("title", name), "description": res.get("description", ""),
                    "href": f"data/{res['path']}", "rows": _csv_rows(target), "bytes": target.stat().st_size})
    return out


def data_page(tables: list[dict], report: str = REPORT_PAGE) -> str:
    """The tables behind the course, each offered as CSV with its title, description and
    row count, the data package that describes them, and how to cite them."""
    from immfed import __version__ as version

    rows = "".join(
        f'<tr><th scope="row"><a href="{html.escape(t["href"])}" download>{html.escape(t["name"])}.csv</a></th>'
        f'<td>{html.escape(t["title"])}</td><td>{html.escape(t["description"])}</td>'
        f'<td class="num">{t["rows"]:,}</td><td class="num">{t["bytes"] / 1024:.1f} kB</td></tr>' for t in tables)
    body = (
        "<main>\n<h1>Data</h1>\n<p>Every figure in the course comes from these tables. Each row of each "
        "table names a <code>source_id</code> in <code>sources.csv</code>, the course bibliography, with "
        "the date the project checked it. Where a number is not known it is left empty, not guessed.</p>\n"
        '<p><a href="data/datapackage.json" download>datapackage.json</a> describes every table '
        "(a Frictionless Data Package: column types, descriptions, constraints, primary and foreign keys). "
        "Keep it beside a <code>tables/</code> folder holding the CSV files and "
        "<code>frictionless validate datapackage.json</code> checks them.</p>\n"
        "<table><caption>Tables, as shipped with this copy of the course</caption><thead><tr>"
        '<th scope="col">Download</th><th scope="col">Title</th><th scope="col">Description</th>'
        '<th scope="col">Rows</th><th scope="col">Size</th></tr></thead><tbody>' + rows + "</tbody></table>\n"
        "<h2 id=\"cite\">How to cite</h2>\n<p>To cite the course data: \u201cLocal Police and ICE: immigration "
        f"federalism in practice, course data (immfed {html.escape(version)}), compiled from the sources listed in "
        "sources.csv.\u201d Cite the original source of any single figure: its row's <code>source_id</code> "
        "leads to the source in <code>sources.csv</code> (in Python, <code>immfed.data.cite(source_id)</code>). "
        "The data are licensed CC BY 4.0.</p>\n</main>")
    return _document(f"Data | {COURSE_TITLE}", body, report=report)


def report_page(repo_url: str | None = None, report: str = REPORT_PAGE) -> str:
    """How to report a factual error: what to include, and where to send it."""
    where = ("<p>This copy of the site was built without the address of its repository. Report the error "
             "on the issue tracker of the repository you got the course from, using its "
             "\u201cFactual error\u201d issue template (<code>.github/ISSUE_TEMPLATE/factual-error.md</code>), "
             "or send it to your instructor.</p>")
    if repo_url:
        where = (f'<p><a href="{html.escape(report, quote=True)}">Open a factual-error report</a> on the '
                 f"course's issue tracker.</p>")
    body = (
        "<main>\n<h1>Report an error</h1>\n<p>Every factual claim in the course cites a dated source. If you "
        "find one that is wrong, out of date, or not supported by the source it cites, please tell us.</p>\n"
        + where +
        "\n<h2>What to include</h2>\n<ol>\n<li><strong>The lesson</strong>: its number and title (or the "
        "glossary term, or the data table and row).</li>\n<li><strong>The exact sentence</strong>, copied "
        "from the page, or the chart's title.</li>\n<li><strong>What is wrong</strong>, and what you believe "
        "is right.</li>\n<li><strong>The source that shows it</strong>: a link or full citation, with its date "
        "(a court opinion, statute, agency release or dataset is best).</li>\n</ol>\n<h2>Not a factual "
        "error</h2>\n<p>The course quotes the positions of DHS, states, localities, prosecutors and advocates "
        "in their own terms, and says who holds each one. Disagreeing with a quoted position is not a factual "
        "error; a position attributed to the wrong party, or misquoted, is.</p>\n</main>")
    return _document(f"Report an error | {COURSE_TITLE}", body, report=report)


def search_page(report: str = REPORT_PAGE) -> str:
    """The search page: reads ``?q=`` and lists matching lesson sections and glossary terms."""
    body = ("<main>\n<h1>Search</h1>\n<p>Searches every lesson and the glossary in this copy of the course, "
            "offline. Type in the search box above.</p>\n"
            '<p id="search-status" role="status"></p>\n<ol id="search-results" class="search-results"></ol>\n</main>')
    scripts = ""
    page = _document(f"Search | {COURSE_TITLE}", body, scripts, report)
    # the scripts run after the results list exists
    tail = (f'<script src="{SEARCH_INDEX_ASSET}" charset="utf-8"></script>\n'
            f'<script src="{SEARCH_JS_ASSET}" charset="utf-8"></script>\n</body>')
    return page.replace("</body>", tail, 1)


# -- the index -------------------------------------------------------------------------

def lesson_sections(body: str, page: str, lesson_title: str) -> list[dict]:
    """A lesson page's ``<main>`` cut at its headings into search entries: ``t`` (title),
    ``u`` (page#heading), ``w`` (where: the lesson), ``x`` (plain text), ``k`` ("lesson").
    Code cells and chart data are left out: a student searches what they read."""
    body = re.sub(r"<script\b.*?</script>|<details class=\"code\">.*?</details>|<nav\b.*?</nav>", " ", body, flags=re.S)
    pieces = re.split(r'(<h[1-4][^>]*\bid="[^"]+"[^>]*>.*?</h[1-4]>)', body, flags=re.S)
    entries = []
    title, anchor = _text(lesson_title), ""
    for piece in pieces:
        head = re.match(r'<h[1-4][^>]*\bid="([^"]+)"[^>]*>(.*?)</h[1-4]>', piece, re.S)
        if head:
            anchor, title = head.group(1), _text(head.group(2))
            continue
        text = _text(piece)
        if text:
            entries.append({"t": title, "u": f"{page}#{anchor}" if anchor else page,
                            "w": _text(lesson_title), "x": text, "k": "lesson"})
    return entries


def glossary_entries() -> list[dict]:
    """One search entry per glossary term, linking to its entry on the glossary page."""
    out = []
    for r in glossary_rows():
        term = r["term"] + (f" ({r['abbreviation']})" if r.get("abbreviation") else "")
        text = " ".join(t for t in (r["definition"], r.get("usage_note") or "") if t)
        out.append({"t": term, "u": f"{GLOSSARY_PAGE}#{_glossary_id(r['term'])}", "w": "Glossary",
                    "x": text, "k": "glossary"})
    return out


def search_index_js(entries: list[dict]) -> str:
    """The index as a script that sets ``window.IMMFED_SEARCH_INDEX`` (loadable from file://)."""
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.IMMFED_SEARCH_INDEX = {payload};\n"


def write_extra_pages(dest: Path, infos: list[dict], lesson_bodies: dict[str, str],
                      repo_url: str | None = None, report: str = REPORT_PAGE) -> list[Path]:
    """Write the glossary, data, search and report pages, the data files and the search
    assets into ``dest``; returns the pages written."""
    dest = Path(dest)
    (dest / "assets").mkdir(parents=True, exist_ok=True)
    tables = copy_data(dest)
    entries = glossary_entries()
    for info in infos:
        entries.extend(lesson_sections(lesson_bodies[info["stem"]], info["page"], info["title"]))
    (dest / SEARCH_INDEX_ASSET).write_text(search_index_js(entries), encoding="utf-8")
    (dest / SEARCH_JS_ASSET).write_text(SEARCH_JS, encoding="utf-8")
    pages = {GLOSSARY_PAGE: glossary_page(infos, report), DATA_PAGE: data_page(tables, report),
             SEARCH_PAGE: search_page(report), REPORT_PAGE: report_page(repo_url, report)}
    written = []
    for name, text in pages.items():
        (dest / name).write_text(text, encoding="utf-8")
        written.append(dest / name)
    return written
