"""One way to put a chart in a widget so it looks the same in JupyterLab, Voila and the site.

Every tool builds a complete ``go.Figure`` (data and layout: title, axis titles,
template, height) with a pure function and wraps it once with :func:`figure_widget`. On
each change of a control it hands :func:`redraw` the new chart: either a freshly built
figure or, as the explorers now do, its JSON form (``fig.to_plotly_json()``'s
``{"data": [...], "layout": {...}}``) filled from a cached frame without building a Figure.

Why this matters: plotly's ``FigureWidget`` sends later changes to the browser as
one-off messages and keeps its synced state (``_widget_layout``, ``_widget_data``) as it
was when the widget was made; plotly refreshes that state only when the figure itself is
displayed, not when it sits inside a VBox or Tab. JupyterLab is connected while the cells
run, so it sees the messages. Voila connects after the lesson has run and reads the
state only, so a title or axis set on the widget afterwards never reached it: lessons
02, 06 and 07 lost their titles, axes, template and height in presenter mode. Here the
synced state is brought up to date after every change, so a late front end sees exactly
what the kernel holds.
"""

from __future__ import annotations

from copy import deepcopy


def figure_widget(fig):
    """Wrap a complete plotly figure in a ``FigureWidget`` whose layout reaches every front end."""
    import plotly.graph_objects as go

    widget = go.FigureWidget(fig)
    _sync_state(widget)
    return widget


def redraw(widget, fig) -> None:
    """Make a live ``FigureWidget`` show ``fig``: only what changed is sent to a connected
    browser, and the synced state is brought up to date for any front end that connects
    later. ``fig`` must have the same number and kinds of traces as the widget.

    ``fig`` is a plotly figure or its JSON form, ``{"data": [...], "layout": {...}}`` as
    ``fig.to_plotly_json()`` gives it: a tool that keeps its charts as plain values redraws
    without building (and validating) a whole figure on each change. The changed parts
    are still checked by plotly as they are set on the widget."""
    if isinstance(fig, dict):
        new_data, new_layout = fig["data"], fig["layout"]
    else:
        new_data, new_layout = [t.to_plotly_json() for t in fig.data], fig.layout.to_plotly_json()
    if len(new_data) != len(widget.data):
        raise ValueError(f"redraw needs {len(widget.data)} traces, got {len(new_data)}")
    with widget.batch_update():
        for trace, new in zip(widget.data, new_data):
            changed = _changed(trace.to_plotly_json(), new)
            changed.pop("type", None)  # a trace's kind never changes in place
            if changed:
                trace.update(changed, overwrite=True)
        changed = _changed(widget.layout.to_plotly_json(), new_layout)
        if changed:
            widget.layout.update(changed, overwrite=True)
    _sync_state(widget)


def _changed(old: dict, new: dict) -> dict:
    """The top-level properties of ``new`` whose values differ from ``old``; a property
    present in ``old`` but gone from ``new`` is reset to None so it is removed."""
    out = {k: v for k, v in new.items() if k != "uid" and old.get(k) != v}
    out.update({k: None for k in old if k not in new and k not in ("uid", "template")})
    return out


def _sync_state(widget) -> None:
    # The browser's copy of the figure ignores later changes to these two traits (its
    # handlers for them do nothing), so setting them never redraws a live chart twice;
    # they matter to a front end that connects after the cells ran (Voila) and to the
    # saved widget state of an executed notebook.
    widget._widget_layout = deepcopy(widget._layout_obj._props)
    widget._widget_data = deepcopy(widget._data)


def layout_summary(fig) -> dict:
    """What a reader sees of a chart's frame: title, axis titles and height, as plain
    strings (tags removed). ``fig`` is a plotly figure or its JSON dict; the browser tests
    compare these values across the kernel, Voila and the site."""
    import re

    layout = (fig.get("layout") or {}) if isinstance(fig, dict) else fig.layout.to_plotly_json()

    def get(*path):
        value = layout
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def plain(value) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", str(value or "")).split())

    return {"title": plain(get("title", "text")), "xaxis": plain(get("xaxis", "title", "text")),
            "yaxis": plain(get("yaxis", "title", "text")), "height": get("height")}
