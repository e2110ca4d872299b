"""Build the course as a static website that reads offline: ``immfed site build DEST``.

Every lesson notebook is executed, then written out as one HTML page; an index page
holds the course map (titles, estimated times, learning objectives). The site needs no
kernel and no network:

* plotly.js is written once, as ``assets/plotly.min.js``, and shared by every page;
* a widget cannot run without a kernel, so each one is shown as it stood when the
  lesson finished running: its charts as static plotly figures with a text alternative,
  its text as text, its controls replaced by a note to open the notebook in Jupyter,
  and self-check questions with their options (the answer is not given away);
* citation markers such as ``[@usc_8_1357]`` link to the lesson's reference list.

Why not the executed widget state alone: plotly's FigureWidget sends later changes to
the browser as one-off messages, so the saved widget state keeps only the figure it
was built with (often without its title or data). The build therefore asks the kernel,
after the last cell, for every live figure as it is now, and draws that.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

LESSON_GLOB = "[0-9][0-9]_*.ipynb"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
FIGURES_MIME = "application/x-immfed-figures+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
PLOTLY_ASSET = "assets/plotly.min.js"
CSS_ASSET = "assets/site.css"
SEARCH_PAGE = "search.html"
REPORT_PAGE = "report.html"
# the issue template in .github/ISSUE_TEMPLATE/, which a --repo-url report link opens
ISSUE_TEMPLATE = "factual-error.md"
COURSE_TITLE = "Local Police and ICE: immigration federalism in practice"
CONTROLS_NOTE = "Open this lesson in Jupyter to use the controls."
QUIZ_NOTE = "Open this lesson in Jupyter to check your answer and get feedback."

# Run in the kernel after the lesson's last cell: every live plotly FigureWidget, as it
# is now, keyed by its widget model id (after every tab has been opened once).
_SNAPSHOT_CODE = """
def _immfed_site_snapshot():
    import json
    from IPython.display import display
    try:
        import ipywidgets.widgets.widget as _ww
        from plotly.basewidget import BaseFigureWidget
        import plotly.io as pio
    except ImportError:
        return
    from ipywidgets import Tab
    live = getattr(_ww, "_instances", None) or getattr(_ww.Widget, "widgets", {})
    # open every tab once, as a reader would, so a chart made on its tab's first opening
    # exists; then put each Tab back on the tab the lesson chose
    for tab in [w for w in list(live.values()) if isinstance(w, Tab) and w.children]:
        chosen = tab.selected_index
        for i in range(len(tab.children)):
            tab.selected_index = i
        tab.selected_index = chosen
    figures = {mid: json.loads(pio.to_json(w, validate=False))
               for mid, w in list(live.items()) if isinstance(w, BaseFigureWidget)}
    display({"%s": figures}, raw=True)
_immfed_site_snapshot()
del _immfed_site_snapshot
""" % FIGURES_MIME

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       background: #ffffff; line-height: 1.5; margin: 0; }
header.site, footer.site { background: #f3f3f3; padding: 0.6em 1.2em; }
header.site a, footer.site a { color: #0b4f8a; }
main { max-width: 62em; margin: 0 auto; padding: 0 1.2em 2em; }
a { color: #0b4f8a; }
nav.lessons ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; margin: 0; }
pre { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; padding: 0.6em;
      border-left: 3px solid #999999; font-size: 0.88em; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #cccccc; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
.output { margin: 0.4em 0 1em; }
.widget-static { border: 1px solid #cccccc; padding: 0.6em 0.8em; margin: 0.6em 0; }
.widget-static .tab { margin-top: 0.8em; }
.note { background: #fff4d6; border-left: 4px solid #8a5a00; padding: 0.4em 0.6em; }
.settings { font-size: 0.92em; color: #333333; }
figure.chart { margin: 0.6em 0; }
figure.chart figcaption { font-size: 0.92em; color: #333333; }
.quiz-options { list-style: none; padding-left: 0.5em; }
.cite a { text-decoration: underline; }
/* the full reference of a numbered citation: the title attribute shows it on hover, and
   this box shows the same text to keyboard users when the link has focus */
.cite a.cite-ref { position: relative; }
.cite a.cite-ref:focus-visible::after { content: attr(title); position: absolute; left: 0; top: 1.6em;
    z-index: 10; width: 26em; max-width: 80vw; background: #ffffff; color: #1a1a1a; font-size: 0.88rem;
    border: 1px solid #555555; padding: 0.4em 0.6em; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 1.4em; }
header.site .home { font-weight: 600; }
nav.site ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.1em; }
form.search { display: flex; gap: 0.3em; align-items: center; margin-left: auto; }
form.search input { font: inherit; padding: 0.15em 0.3em; border: 1px solid #666666; }
form.search button { font: inherit; }
.search-results li { margin-bottom: 0.8em; }
.search-results .where { font-size: 0.88em; color: #333333; }
mark { background: #fff0a8; color: inherit; }
dl.glossary dt { font-weight: 600; margin-top: 0.8em; }
dl.glossary dd { margin-left: 1.2em; }
td.num { text-align: right; white-space: nowrap; }

@media print {
  /* a lesson on paper or in a PDF: no site chrome, no code, the reference URLs in full */
  header.site, footer.site, nav.lessons, nav.site, form.search, .report-link, details.code,
  .download-notebook { display: none !important; }
  body { font-size: 11pt; line-height: 1.35; }
  main { max-width: none; margin: 0; padding: 0; }
  a { color: #000000; }
  main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; word-break: break-all; }
  /* reference entries already print their URL as the link's text */
  .immfed-references a[href^="http"]::after { content: none; }
  .immfed-references li, .widget-static, figure.chart, table, pre { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  figure.chart, .static-plot { max-width: 100%; overflow: visible; }
  pre { white-space: pre-wrap; }
}
"""

# Resize every chart to its column when the page is printed (plotly only follows window
# resizes), and shrink one that still does not fit (a fixed-width tile map), so no chart
# is cut off at the paper's edge.
PRINT_FIT_JS = """(function(){
function fit(){document.querySelectorAll('.static-plot').forEach(function(p){
  p.style.zoom='';try{Plotly.Plots.resize(p);}catch(e){}
  var w=p.parentNode.clientWidth,s=p.scrollWidth;if(w&&s>w){p.style.zoom=(w/s).toFixed(3);}});}
window.addEventListener('beforeprint',fit);window.addEventListener('afterprint',fit);
if(window.matchMedia){var m=window.matchMedia('print');if(m.addEventListener){m.addEventListener('change',fit);}}
})();"""


# -- finding and reading lessons -------------------------------------------------------

def find_lessons(folder: str | Path | None = None, only: list[str] | None = None) -> list[Path]:
    """The lesson notebooks in teaching order (names start with two digits).

    ``folder`` defaults to the installed lessons; ``only`` keeps lessons whose number
    ("02") or file stem ("02_287g_models") is listed.
    """
    if folder is None:
        from immfed.lessons import lesson_paths

        paths = lesson_paths()
    else:
        paths = sorted(Path(folder).glob(LESSON_GLOB))
    if only:
        wanted = set(only)
        paths = [p for p in paths if p.stem in wanted or p.stem.split("_", 1)[0] in wanted]
    return paths


class _NbconvertMarkdown:
    """nbconvert's mistune renderer (always installed with JupyterLab) behind the two
    methods the site uses, for when markdown-it-py is not installed."""

    def render(self, text: str) -> str:
        from nbconvert.filters.markdown_mistune import markdown2html_mistune

        return markdown2html_mistune(text)

    def renderInline(self, text: str) -> str:  # noqa: N802 - markdown-it's name
        out = self.render(text).strip()
        return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1 else out


def _markdown():
    """A markdown renderer: markdown-it-py (CommonMark with tables) where installed,
    nbconvert's otherwise."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return _NbconvertMarkdown()
    return MarkdownIt("commonmark", {"html": True}).enable("table")


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


# -- executing -------------------------------------------------------------------------

def execute_lesson(path: str | Path, timeout: int = 600):
    """Run a lesson notebook top to bottom in a fresh kernel; returns the executed notebook.

    Widget state is kept (``store_widget_state``) and the notebook metadata gains
    ``immfed_figures``: every plotly FigureWidget as it stood after the last cell.
    A cell that fails stops the build with the lesson's name and the error.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_SNAPSHOT_CODE))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    snapshot = nb.cells.pop()
    figures = {}
    for out in snapshot.get("outputs", []):
        figures.update(out.get("data", {}).get(FIGURES_MIME, {}))
    nb.metadata["immfed_figures"] = figures
    return nb


# -- HTML for cells and outputs --------------------------------------------------------

def link_markers(fragment: str) -> str:
    """Turn ``[@id]`` / ``[@a; @b]`` citation markers in an HTML fragment into links to
    the reference list (``#ref-id``); markers inside ``<code>`` are left as written."""
    from immfed.lessons import MARKER

    def linked(match):
        ids = [p.strip().lstrip("@") for p in match.group(1).split(";")]
        links = "; ".join(f'<a href="#ref-{i}">{i}</a>' for i in ids)
        return f'<span class="cite">[{links}]</span>'

    parts = re.split(r"(<code[^>]*>.*?</code>|<pre[^>]*>.*?</pre>)", fragment, flags=re.S)
    return "".join(p if p.startswith(("<code", "<pre")) else MARKER.sub(linked, p) for p in parts)


_REF_LIST = re.compile(r"<ol([^>]*class=['\"]immfed-references['\"][^>]*)>(.*?)</ol>", re.S)
_ID_LINK = re.compile(r'<a href="#ref-([a-z0-9_]+)">\1</a>')


def number_citations(fragment: str) -> str:
    """Number a page's citations the way its reference lists number their entries.

    Entries are counted through every reference list on the page, in order (a later list,
    such as the tools' sources, continues the count with ``start``), and each
    ``[@id]`` link made by :func:`link_markers` becomes ``[n]``: a link to entry n whose
    title (shown on hover, and on keyboard focus by the stylesheet) is the full reference.
    """
    numbers: dict[str, int] = {}
    texts: dict[str, str] = {}

    def number_list(match):
        attrs, items = match.group(1), match.group(2)
        start = len(numbers) + 1
        for sid, item in re.findall(r'<li id="ref-([a-z0-9_]+)"[^>]*>(.*?)</li>', items, re.S):
            if sid not in numbers:
                numbers[sid] = len(numbers) + 1
                # the entry's text without its leading "source_id:" label
                texts[sid] = re.sub(r"^" + re.escape(sid) + r"\s*:\s*", "", _text(item))
        attrs = re.sub(r"\s+start=\S+", "", attrs)
        return f'<ol{attrs} start="{start}">{items}</ol>' if start > 1 else f"<ol{attrs}>{items}</ol>"

    fragment = _REF_LIST.sub(number_list, fragment)

    def numbered(match):
        sid = match.group(1)
        if sid not in numbers:
            return match.group(0)
        full = html.escape(f"[{numbers[sid]}] {texts[sid]}", quote=True)
        return f'<a class="cite-ref" href="#ref-{sid}" title="{full}">{numbers[sid]}</a>'

    return _ID_LINK.sub(numbered, fragment)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _text(text).lower()).strip("-")[:60] or "section"


def heading_ids(fragment: str) -> str:
    """Give every heading without an id one made from its text, unique on the page, so a
    search result can link to the section it found."""
    seen: set[str] = set(re.findall(r'\bid="([^"]+)"', fragment))

    def with_id(match):
        level, attrs, inner = match.group(1), match.group(2), match.group(3)
        if "id=" in attrs:
            return match.group(0)
        base = slug = _slug(inner)
        n = 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        return f'<h{level}{attrs} id="{slug}">{inner}</h{level}>'

    return re.sub(r"<h([1-4])([^>]*)>(.*?)</h\1>", with_id, fragment, flags=re.S)


def markdown_html(text: str) -> str:
    """A markdown cell as HTML, with citation markers linked."""
    return link_markers(_markdown().render(text))


def _text(fragment: str) -> str:
    """The plain text of an HTML fragment (for text alternatives)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment or "")).split())


def _wrap_words(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def site_layout(layout: dict) -> dict:
    """A chart's layout made to fit the site's page: room for its title, axis titles
    that stay inside the plot.

    Chart titles carry the unit and date on a second line (``<br>``), and plotly draws
    a y-axis title centred on the plot, however long: one longer than the plot is tall
    runs up into the title. So the top margin is made tall enough for all the title's
    lines, and a y-axis title too long for its axis is wrapped
    onto more lines (the left margin widened to match). Only the site's copy changes;
    the widgets keep their own layout.
    """
    layout = json.loads(json.dumps(layout))  # a deep copy: the caller's figure stays as it was
    font = (layout.get("font") or {}).get("size") or 12
    height = layout.get("height") or 450
    margin = dict(layout.get("margin") or {})
    top = margin.get("t", 100)
    title = layout.get("title")
    if isinstance(title, str):
        title = {"text": title}
    if isinstance(title, dict) and title.get("text"):
        lines = len(re.findall(r"<br\s*/?>", title["text"], re.I)) + 1
        size = (title.get("font") or {}).get("size") or round(font * 1.2)
        # plotly centres a title's lines in the top margin (measured: two lines of 17 px
        # take 48 px), so a margin that holds them all keeps the title off the plot
        needed = int(lines * size * 1.45 + 24.5)
        layout["title"] = title
        if needed > top:
            top = margin["t"] = needed
    bottom = margin.get("b", 80)
    left = margin.get("l", 80)
    for key in sorted(k for k in layout if re.fullmatch(r"yaxis\d*", k)):
        axis = layout[key] if isinstance(layout[key], dict) else {}
        atitle = axis.get("title")
        text = atitle.get("text") if isinstance(atitle, dict) else atitle
        if not text or not isinstance(text, str) or "<br" in text:
            continue
        domain = axis.get("domain") or [0, 1]
        span = max(40.0, (height - top - bottom) * (domain[1] - domain[0]))
        size = ((atitle.get("font") or {}).get("size") if isinstance(atitle, dict) else None) or font
        per_line = max(8, int(0.92 * span / (size * 0.55)))  # characters that fit along the axis
        plain = _text(text)
        if len(plain) <= per_line:
            continue
        lines = _wrap_words(plain, per_line)
        atitle = dict(atitle) if isinstance(atitle, dict) else {}
        atitle["text"] = "<br>".join(html.escape(line, quote=False) for line in lines)
        axis = dict(axis, title=atitle)
        layout[key] = axis
        if axis.get("side", "left") == "left":
            left += int(size * 1.25 * (len(lines) - 1) + 0.5)
    if left != margin.get("l", 80):
        margin["l"] = left
    if margin:
        layout["margin"] = margin
    return layout


def figure_html(figure: dict, fig_id: str, summary: str = "") -> str:
    """One plotly figure as a static chart: a div drawn by the shared plotly.js, with
    ``role="img"`` and a text alternative (the chart title and its summary sentence)."""
    layout = site_layout(figure.get("layout") or {})
    title = layout.get("title")
    title_text = _text(title.get("text", "") if isinstance(title, dict) else str(title or ""))
    label = ". ".join(t for t in (title_text or "Chart", summary) if t)
    spec = {"data": figure.get("data") or [], "layout": layout}
    payload = json.dumps(spec, separators=(",", ":")).replace("</", "<\\/")
    config = json.dumps({"displayModeBar": False, "responsive": True, "staticPlot": False})
    caption = f"<figcaption>{html.escape(label)}</figcaption>" if not summary else ""
    return (f'<figure class="chart"><div id="{fig_id}" class="static-plot" role="img" '
            f'aria-label="{html.escape(label, quote=True)}"></div>{caption}'
            f'<script>(function(){{var f={payload};Plotly.newPlot("{fig_id}",f.data,f.layout,{config});}})();'
            f'</script></figure>')


class _Page:
    """What one page's renderer carries along: widget state, live figures, counters."""

    def __init__(self, nb, notebook_link: str):
        meta = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {})
        self.state = meta.get("state", {})
        self.figures = nb.metadata.get("immfed_figures", {})
        self.notebook_link = notebook_link
        self.count = 0
        self.has_plot = False

    def next_id(self) -> str:
        self.count += 1
        return f"chart-{self.count}"


_BOXES = {"VBoxModel", "HBoxModel", "BoxModel", "GridBoxModel"}
_TABBED = {"TabModel", "AccordionModel", "StackModel"}
_TEXT = {"HTMLModel", "HTMLMathModel"}


def _ref(value) -> str:
    return value[len("IPY_MODEL_"):] if isinstance(value, str) and value.startswith("IPY_MODEL_") else ""


def _setting(model: dict) -> str:
    """A control's current value as "Label: value" (empty for buttons and unlabelled ones)."""
    state = model["state"]
    name = model["model_name"]
    label = _text(state.get("description", "")).rstrip(":")
    if name == "ButtonModel":
        return ""
    if "_options_labels" in state:
        idx = state.get("index")
        if isinstance(idx, (list, tuple)):
            value = ", ".join(state["_options_labels"][i] for i in idx) or "none"
        else:
            value = state["_options_labels"][idx] if isinstance(idx, int) else "none chosen"
    elif "value" in state:
        value = state["value"]
        value = ("yes" if value else "no") if isinstance(value, bool) else value
        if value in ("", None):
            return ""
    else:
        return ""
    return f"{label}: {value}" if label else str(value)


def _widget(page: _Page, mid: str, settings: list, in_quiz: bool = False, summary: str = "") -> str:
    """Static HTML for one widget model and its children; control values go to ``settings``."""
    model = page.state.get(mid)
    if model is None:
        return ""
    name, state = model["model_name"], model["state"]
    classes = state.get("_dom_classes", []) or []
    if "immfed-quiz" in classes:
        inner = "".join(_widget(page, _ref(c), [], True) for c in state.get("children", []))
        return f'<div class="quiz">{inner}<p class="note">{QUIZ_NOTE}</p></div>'
    if name in _BOXES:
        children = [_ref(c) for c in state.get("children", [])]
        parts = []
        for i, child in enumerate(children):
            hint = ""
            if page.state.get(child, {}).get("model_name") == "AnyModel":
                # the summary sentence sits beside the chart: the nearest text sibling
                near = children[i + 1:i + 3] + children[max(0, i - 2):i][::-1]
                hint = next((t for t in (_text(page.state.get(c, {}).get("state", {}).get("value", ""))
                                         for c in near if page.state.get(c, {}).get("model_name") in _TEXT)
                             if 0 < len(t) < 600), "")
            parts.append(_widget(page, child, settings, in_quiz, hint))
        return f"<div>{''.join(parts)}</div>"
    if name in _TABBED:
        titles = list(state.get("titles") or [])
        children = [_ref(c) for c in state.get("children", [])]
        if name == "StackModel":
            sel = state.get("selected_index") or 0
            children = children[sel:sel + 1]
            titles = []
        parts = []
        for i, child in enumerate(children):
            title = titles[i] if i < len(titles) and titles[i] else ""
            head = f'<p class="tab-title"><strong>{html.escape(title)}</strong></p>' if title else ""
            parts.append(f'<div class="tab">{head}{_widget(page, child, settings, in_quiz)}</div>')
        return "".join(parts)
    if name in _TEXT:
        return link_markers(state.get("value", ""))
    if name == "LabelModel":
        return f"<p>{html.escape(str(state.get('value', '')))}</p>"
    if name == "OutputModel":
        return "".join(output_html(o, page) for o in state.get("outputs", []))
    if name == "AnyModel" or "_widget_data" in state:
        figure = page.figures.get(mid) or {"data": state.get("_widget_data", []),
                                           "layout": state.get("_widget_layout", {})}
        page.has_plot = True
        return figure_html(figure, page.next_id(), summary)
    if in_quiz and "_options_labels" in state:
        items = "".join(f"<li>{html.escape(o)}</li>" for o in state["_options_labels"])
        return f'<ul class="quiz-options">{items}</ul>'
    if in_quiz:
        return ""
    if model.get("model_module") == "@jupyter-widgets/controls" and not name.endswith(("StyleModel", "LayoutModel")):
        text = _setting(model)
        if text:
            settings.append(text)
    return ""


def widget_html(view: dict, page: _Page) -> str:
    """A widget output as static HTML with a note where controls were left out."""
    settings: list[str] = []
    body = _widget(page, view.get("model_id", ""), settings)
    note = ""
    if settings:
        shown = "; ".join(html.escape(str(s)) for s in settings)
        note = (f'<p class="note">{CONTROLS_NOTE} <a href="{page.notebook_link}">Download the notebook</a>.'
                f' <span class="settings">Shown with: {shown}.</span></p>')
    return f'<div class="widget-static">{note}{body}</div>'


def output_html(output: dict, page: _Page) -> str:
    """One cell output as HTML: widgets, plotly figures, HTML, images or text."""
    kind = output.get("output_type")
    if kind == "stream":
        return f'<pre class="stream">{html.escape(output.get("text", ""))}</pre>'
    if kind == "error":
        return f'<pre class="error">{html.escape(output.get("ename", ""))}: {html.escape(output.get("evalue", ""))}</pre>'
    data = output.get("data", {})
    if WIDGET_VIEW in data and data[WIDGET_VIEW].get("model_id") in page.state:
        return widget_html(data[WIDGET_VIEW], page)
    if PLOTLY_MIME in data:
        page.has_plot = True
        return figure_html(data[PLOTLY_MIME], page.next_id())
    if "text/html" in data:
        return link_markers("".join(data["text/html"]))
    if "image/svg+xml" in data:
        return "".join(data["image/svg+xml"])
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            alt = html.escape(_text("".join(data.get("text/plain", ""))) or "Figure")
            return f'<img src="data:{mime};base64,{"".join(data[mime]).strip()}" alt="{alt}">'
    if "text/markdown" in data:
        return markdown_html("".join(data["text/markdown"]))
    if "text/plain" in data and not data.get(WIDGET_VIEW):
        return f'<pre class="text">{html.escape("".join(data["text/plain"]))}</pre>'
    return ""


def tool_references(fragment: str) -> str:
    """A reference list for sources the page links to but its own list lacks.

    A lesson's ``reference_list`` covers the markers written in the notebook; a tool
    may show more (a state profile cites the rows it draws from). Those get their own
    list, so every citation link on the page lands on an entry.
    """
    from immfed.data import catalog

    listed = set(re.findall(r'id="ref-([a-z0-9_]+)"', fragment))
    linked = list(dict.fromkeys(re.findall(r'href="#ref-([a-z0-9_]+)"', fragment)))
    missing = [sid for sid in linked if sid not in listed]
    if not missing:
        return ""
    cat = catalog()
    items = []
    for sid in missing:
        try:
            text = html.escape(cat.cite(sid))
        except KeyError:
            text = "not in the course's sources table"
        items.append(f'<li id="ref-{sid}"><code>{sid}</code>: {text}</li>')
    return ("<h2>Sources shown by the interactive tools</h2>\n<p>The tools on this page cite these sources "
            "as well as those in the reference list above.</p>\n"
            f"<ol class='immfed-references'>{''.join(items)}</ol>")


# -- pages -----------------------------------------------------------------------------

def report_link(repo_url: str | None = None) -> str:
    """Where "Report an error" points: the repository's factual-error issue form when the
    site was built with ``--repo-url``, else the site's own page on how to report one."""
    if repo_url:
        return f"{repo_url.rstrip('/')}/issues/new?template={ISSUE_TEMPLATE}"
    return REPORT_PAGE


def _document(title: str, body: str, scripts: str = "", report: str = REPORT_PAGE) -> str:
    """A full page: the header (course, site links, search box, report link), ``body``
    and the footer. ``report`` is where the "Report an error" links go."""
    report = html.escape(report, quote=True)
    nav = (f'<nav class="site" aria-label="Site"><ul><li><a href="index.html">Course map</a></li>'
           f'<li><a href="glossary.html">Glossary</a></li><li><a href="data.html">Data</a></li>'
           f'<li><a href="{SEARCH_PAGE}">Search</a></li>'
           f'<li><a class="report-link" href="{report}">Report an error</a></li></ul></nav>')
    search = (f'<form class="search" role="search" action="{SEARCH_PAGE}" method="get">'
              f'<label for="site-q">Search the course</label>'
              f'<input id="site-q" name="q" type="search" autocomplete="off">'
              f'<button type="submit">Search</button></form>')
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<link rel=\"stylesheet\" href=\"{CSS_ASSET}\">\n{scripts}</head>\n"
            f'<body>\n<header class="site"><a class="home" href="index.html">{html.escape(COURSE_TITLE)}</a>'
            f"{nav}{search}</header>\n"
            f"{body}\n<footer class=\"site\"><p>Static copy of the course for reading offline. "
            f"Widgets show the state the lesson opens with; open the notebooks in Jupyter to use them. "
            f'Found a factual error? <a class="report-link" href="{report}">Report an error</a>.</p>'
            f"</footer>\n</body>\n</html>\n")


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


# -- the build -------------------------------------------------------------------------

def _execute_one(args):
    path, timeout = args
    return execute_lesson(path, timeout)


def build_site(dest: str | Path, lessons: list[Path] | None = None, jobs: int = 2,
               timeout: int = 600, log=print, repo_url: str | None = None) -> list[Path]:
    """Execute the lessons and write the static site into ``dest``; returns the pages written.

    ``lessons`` defaults to every installed lesson. ``jobs`` lessons run at a time (each
    in its own kernel). The folder gets ``index.html``, one page per lesson, the glossary,
    data, search and report pages, the source notebooks under ``notebooks/``, the tables
    and data package under ``data/`` and the shared ``assets/``. With ``repo_url`` (the
    repository's address, such as https://github.com/OWNER/NAME) every page's "Report an
    error" link opens that repository's factual-error issue form; without it, the site's
    own ``report.html``.
    """
    import plotly.offline

    from immfed.site_pages import write_extra_pages

    dest = Path(dest)
    repo_url = repo_url.rstrip("/").removesuffix(".git") if repo_url else None
    report = report_link(repo_url)
    lessons = list(lessons) if lessons is not None else find_lessons()
    if not lessons:
        raise ValueError("no lesson notebooks found")
    (dest / "assets").mkdir(parents=True, exist_ok=True)
    (dest / "notebooks").mkdir(exist_ok=True)
    (dest / PLOTLY_ASSET).write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    (dest / CSS_ASSET).write_text(CSS, encoding="utf-8")
    work = [(p, timeout) for p in lessons]
    if jobs > 1 and len(lessons) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(lessons))) as pool:
            executed = list(pool.map(_execute_one, work))
    else:
        executed = [_execute_one(w) for w in work]
    infos = [lesson_info(nb, p) for nb, p in zip(executed, lessons)]
    written = []
    bodies = {}
    for nb, path, info in zip(executed, lessons, infos):
        shutil.copy(path, dest / "notebooks" / path.name)
        out = dest / info["page"]
        body, has_plot = lesson_body(nb, info, infos)
        bodies[info["stem"]] = body
        out.write_text(lesson_page(nb, info, infos, report, body, has_plot), encoding="utf-8")
        log(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
        written.append(out)
    index = dest / "index.html"
    index.write_text(index_page(infos, report), encoding="utf-8")
    extra = write_extra_pages(dest, infos, bodies, repo_url, report)
    log(f"wrote {index}, {', '.join(p.name for p in extra)}; plotly.js shared as {dest / PLOTLY_ASSET}")
    return [index, *written, *extra]


def _repo_url(text: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+/\S+", text):
        raise argparse.ArgumentTypeError(f"expected the repository's web address, such as "
                                         f"https://github.com/OWNER/NAME; got {text!r}")
    return text


def _site_build(args) -> int:
    try:
        lessons = find_lessons(args.lessons_dir, args.only)
        build_site(args.dest, lessons, jobs=args.jobs, timeout=args.timeout, repo_url=args.repo_url)
    except Exception as exc:  # a failing lesson: say which, without a wall of traceback
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def add_commands(sub) -> None:
    """Add the ``site`` group (``immfed site build DEST``) to the ``immfed`` command line."""
    site = sub.add_parser("site", help="build the course as a static website that reads offline")
    ssub = site.add_subparsers(dest="verb", required=True)
    p = ssub.add_parser("build", help="execute every lesson and write an HTML site into DEST")
    p.add_argument("dest", help="output folder (created if missing)")
    p.add_argument("--only", nargs="+", metavar="LESSON", help="lesson numbers or stems to build (default: all)")
    p.add_argument("--lessons-dir", help=argparse.SUPPRESS)
    p.add_argument("--jobs", type=int, default=2, help="lessons executed at once (default 2)")
    p.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    p.add_argument("--repo-url", type=_repo_url, metavar="URL",
                   help="the course repository (https://github.com/OWNER/NAME): every page's 'Report an error' "
                        "link opens its factual-error issue form (default: the site's report.html)")
    p.set_defaults(func=_site_build)
