"""The lesson pages and the course map (the site's index page).

Each lesson page shows the executed notebook: markdown cells as text, code folded away,
outputs and widgets as static HTML (:mod:`immfed.site.outputs`), citations numbered and
linked to the lesson's reference list. The course map lists every lesson with what its
first markdown cell says: title, estimated time, learning objectives, facts date.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .citations import number_citations, tool_references
from .document import ASSETS, COURSE_TITLE, PLOTLY_ASSET, REPORT_PAGE, _document
from .markdown import _markdown, markdown_html
from .markup import _text, heading_ids
from .outputs import _Page, output_html

# Resize every chart to its column when the page is printed (plotly only follows window
# resizes), and shrink one that still does not fit (a fixed-width tile map), so no chart
# is cut off at the paper's edge.
PRINT_FIT_JS = (ASSETS / "print-fit.js").read_text(encoding="utf-8").rstrip("\n")


def _bold_field(text: str, label: str) -> str:
    """The text after ``**label:**`` up to the end of its paragraph, on one line."""
    match = re.search(r"\*\*" + re.escape(label) + r":?\*\*:?\s*(.+?)(?:\n\s*\n|$)", text, re.S | re.I)
    return " ".join(match.group(1).split()) if match else ""


def lesson_info(nb, path: Path) -> dict:
    """What the course map says about a lesson, read from its first markdown cell.

    Returns ``number``, ``stem``, ``page`` (the HTML file name), ``title``, ``time``
    (estimated time), ``current`` (facts current to) and ``objectives`` (a list of
    markdown strings); missing parts are empty, never guessed.
    """
    path = Path(path)
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    text = "".join(first.source) if first else ""
    title_match = re.search(r"^#\s+(.+)$", text, re.M)
    objectives: list[str] = []
    section = re.search(r"^#+\s*Learning objectives\s*$(.+?)(?=^#|\Z)", text, re.M | re.S | re.I)
    if section:
        for item in re.split(r"^\s*(?:\d+\.|[-*])\s+", section.group(1), flags=re.M)[1:]:
            item = item.split("\n\n")[0]
            objectives.append(" ".join(item.split()))
    return {"number": path.stem.split("_", 1)[0], "stem": path.stem, "page": f"{path.stem}.html",
            "title": title_match.group(1).strip() if title_match else path.stem,
            "time": _bold_field(text, "Estimated time"), "current": _bold_field(text, "Facts current to"),
            "objectives": objectives}


def lesson_body(nb, info: dict, infos: list[dict]) -> tuple[str, bool]:
    """The ``<main>`` of one executed lesson's page, and whether it draws charts."""
    page = _Page(nb, f"notebooks/{info['stem']}.ipynb")
    parts = []
    for cell in nb.cells:
        source = "".join(cell.source)
        if cell.cell_type == "markdown":
            parts.append(markdown_html(source))
        elif cell.cell_type == "code":
            if source.strip():
                parts.append(f'<details class="code"><summary>Code</summary>'
                             f'<pre><code>{html.escape(source)}</code></pre></details>')
            outs = "".join(output_html(o, page) for o in cell.get("outputs", []))
            if outs:
                parts.append(f'<div class="output">{outs}</div>')
    parts.append(tool_references("".join(parts)))
    links = "".join(f'<li><a href="{i["page"]}"'
                    + (' aria-current="page"' if i["stem"] == info["stem"] else "")
                    + f'>{html.escape(i["number"])}</a></li>' for i in infos)
    nav = (f'<nav class="lessons" aria-label="Lessons"><ul><li><a href="index.html">Course map</a></li>'
           f'{links}</ul></nav>')
    content = heading_ids(number_citations("\n".join(parts)))
    body = (f'<main>\n{nav}\n{content}\n<p class="download-notebook"><a href="{page.notebook_link}">'
            f'Download this lesson as a notebook</a> to run it in Jupyter.</p>\n</main>')
    return body, page.has_plot


def lesson_page(nb, info: dict, infos: list[dict], report: str = REPORT_PAGE, body: str | None = None,
                has_plot: bool | None = None) -> str:
    """The HTML page for one executed lesson; ``infos`` (every lesson) feeds the navigation."""
    if body is None or has_plot is None:
        body, has_plot = lesson_body(nb, info, infos)
    scripts = ""
    if has_plot:
        scripts = (f'<script src="{PLOTLY_ASSET}" charset="utf-8"></script>\n'
                   f"<script>{PRINT_FIT_JS}</script>\n")
    return _document(f"{_text(markdown_html(info['title']))} | {COURSE_TITLE}", body, scripts, report)


def index_page(infos: list[dict], report: str = REPORT_PAGE) -> str:
    """The course map: one row per lesson with its time (from the course manifest),
    learning objectives, facts date and exercise."""
    from immfed.lessons import course_map

    manifest = {e["number"]: e for e in course_map()}
    md = _markdown()
    rows = []
    for i in infos:
        entry = manifest.get(i["number"], {})
        objs = "".join(f"<li>{md.renderInline(o)}</li>" for o in i["objectives"])
        exercise = html.escape(entry["exercise"][:-6]) if entry.get("exercise") else "self-checks only"
        rows.append(f'<tr><th scope="row"><a href="{i["page"]}">{md.renderInline(i["title"])}</a></th>'
                    f'<td>{html.escape(entry.get("time") or i["time"]) or "not stated"}</td>'
                    f'<td>{"<ol>" + objs + "</ol>" if objs else "not stated"}</td>'
                    f'<td>{md.renderInline(i["current"]) or "not stated"}</td><td>{exercise}</td></tr>')
    body = (f"<main>\n<h1>{html.escape(COURSE_TITLE)}</h1>\n"
            "<p>How state and local law enforcement interacts with U.S. Immigration and Customs Enforcement "
            "(ICE) during arrests. Every factual claim carries a marker that links to the lesson's dated "
            "reference list.</p>\n<h2>Course map</h2>\n"
            "<table><caption>Lessons in teaching order</caption><thead><tr><th scope=\"col\">Lesson</th>"
            "<th scope=\"col\">Estimated time</th><th scope=\"col\">Learning objectives</th>"
            "<th scope=\"col\">Facts current to</th><th scope=\"col\">Exercise</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>\n<p>The pages read offline. Interactive widgets appear as they stand when a "
              "lesson opens; to use them, open the notebooks (linked from each page) in JupyterLab.</p>\n</main>")
    return _document(f"Course map | {COURSE_TITLE}", body, report=report)
