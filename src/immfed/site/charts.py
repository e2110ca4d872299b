"""Plotly figures as static charts on the site: fitted to the page, drawn by the shared
plotly.js, each with a text alternative."""

from __future__ import annotations

import html
import json
import re

from .markup import _text


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
