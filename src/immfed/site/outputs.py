"""A cell's outputs as static HTML, widgets included.

A widget cannot run without a kernel, so each one is drawn from the state the notebook
saved when the lesson finished running: its charts as static plotly figures with a text
alternative, its text as text, its controls replaced by a note to open the notebook in
Jupyter (with the values they were shown with), and self-check questions with their
options (the answer is not given away). A chart is drawn from the live figure the
build captured after the last cell (see :mod:`immfed.site.execute`) where there is one.
"""

from __future__ import annotations

import html

from .charts import figure_html
from .citations import link_markers
from .markdown import markdown_html
from .markup import _text

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
CONTROLS_NOTE = "Open this lesson in Jupyter to use the controls."
QUIZ_NOTE = "Open this lesson in Jupyter to check your answer and get feedback."


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
