"""The site's pages beyond the lessons: glossary, data downloads, search, and how to
report an error.

Everything works from ``file://``: browsers refuse ``fetch`` of a local JSON file there,
so the search index is a JavaScript file (``assets/search-index.js``, see
:mod:`immfed.site.search_index`) that ``search.html`` loads with a ``<script>`` tag,
and a short hand-written script (``assets/search.js``) searches it.
"""

from __future__ import annotations

import csv
import html
import shutil
from pathlib import Path

from .citations import link_markers, number_citations
from .document import COURSE_TITLE, ISSUE_TEMPLATE, REPORT_PAGE, _document
from .markup import _slug, heading_ids

SEARCH_INDEX_ASSET = "assets/search-index.js"
SEARCH_JS_ASSET = "assets/search.js"


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
             f"\u201cFactual error\u201d issue template (<code>.github/ISSUE_TEMPLATE/{ISSUE_TEMPLATE}</code>), "
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
