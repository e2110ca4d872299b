"""The profile's chart: one state's 287(g) agreements by model on each ICE sheet.

``figure_data`` computes what the chart draws (and its title and one-sentence summary)
from ``agreement_counts``; ``profile_figure`` turns that into a complete stacked-bar
plotly Figure. ``figure_json`` gives the same figure as plotly JSON from plain values
(what changes between places is only the bars and the title), which the explorer hands
to ``figures.redraw`` on each change instead of building a Figure.
"""

from __future__ import annotations

from functools import lru_cache

from immfed.data.states import ALL_CODES

from .models import agreement_counts
from .profile_data import MODELS, state
from .style import MODEL_COLOURS, MODEL_NAMES, apply_style, chart_title


def figure_data(state_code) -> dict:
    """Bars of the state's agreements by model on each ICE sheet, with a title and summary."""
    code = state(state_code)
    name = ALL_CODES[code]
    counts = agreement_counts(code)
    x = [c["snapshot"] for c in counts]
    y = {m: [c[m] for c in counts] for m in MODELS}
    title = chart_title(f"287(g) agreements in {name}, by model", "agreements", x[-1])
    return {"code": code, "name": name, "x": x, "y": y, "title": title,
            "summary": figure_summary(code, counts)}


def figure_summary(state_code, counts: list[dict] | None = None) -> str:
    """One sentence on the chart, computed from the counts it draws."""
    code = state(state_code)
    name = ALL_CODES[code]
    counts = counts or agreement_counts(code)
    present = [c for c in counts if c["total"] is not None]
    if not present:
        return f"The course data has no row for {name} on any of the {len(counts)} ICE sheets, so nothing is drawn."
    first, last = present[0], present[-1]
    if last["total"] == 0 and first["total"] == 0:
        return f"ICE's sheets from {first['snapshot']} to {last['snapshot']} list no 287(g) agreement in {name}."
    lead = max(MODELS, key=lambda m: last[m])
    share = f"; {MODEL_NAMES[lead]} agreements were the largest group ({last[lead]:,})" if last["total"] else ""
    return (f"In {name}, 287(g) agreements went from {first['total']:,} on ICE's sheet of {first['snapshot']} to "
            f"{last['total']:,} on {last['snapshot']}{share}.")


def profile_figure(code: str, data: dict | None = None):
    """One state's agreements by model on each ICE sheet, as a complete stacked-bar plotly
    Figure (title with unit and date, axis titles, height); ``data`` is ``figure_data(code)``."""
    import plotly.graph_objects as go

    d = data or figure_data(code)
    fig = go.Figure(data=[go.Bar(name=f"{MODEL_NAMES[m]} ({m.upper()})", x=d["x"], y=d["y"][m],
                                 marker={"color": MODEL_COLOURS[m]},
                                 hovertemplate="%{x}: %{y} agreements<extra>" + m.upper() + "</extra>")
                          for m in MODELS])
    apply_style(fig, d["title"])
    fig.update_layout(barmode="stack", height=340, width=620,
                      xaxis={"type": "category", "title": "ICE sheet (date)"}, yaxis={"title": "agreements"},
                      legend={"orientation": "h", "y": -0.3})
    return fig


def figure_json(code: str, data: dict | None = None) -> dict:
    """``profile_figure(code, data).to_plotly_json()``, without building a Figure: this place's
    bars and title put into the frame (styles, axes, legend) every place shares."""
    d = data or figure_data(code)
    frame = _frame()
    traces = [{**trace, "x": list(d["x"]), "y": list(d["y"][m])} for trace, m in zip(frame["data"], MODELS)]
    return {"data": traces, "layout": {**frame["layout"], "title": {**frame["layout"]["title"], "text": d["title"]}}}


@lru_cache(maxsize=1)
def _frame() -> dict:
    """The parts of the profile chart that are the same for every place (read-only)."""
    return profile_figure("", {"x": [], "y": {m: [] for m in MODELS}, "title": ""}).to_plotly_json()
