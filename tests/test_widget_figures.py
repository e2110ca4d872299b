"""widgets/figures.py: the one way tools wrap and redraw charts, so every front end agrees."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from immfed.widgets.figures import figure_widget, layout_summary, redraw
from immfed.widgets.style import apply_style


def _fig(title, ys, height=300, ytitle="people"):
    fig = apply_style(go.Figure(go.Bar(x=["a", "b"], y=ys)), title)
    fig.update_layout(height=height, yaxis_title=ytitle, xaxis_title="stage")
    return fig


def test_course_charts_carry_plotlys_simple_white_template_in_full():
    # the template is attached without plotly's per-property check (see style.py); it must
    # still be exactly plotly's own, or the front ends would draw another background
    expected = go.Figure(layout={"template": "simple_white"}).to_plotly_json()["layout"]["template"]
    assert _fig("t", [1, 2]).to_plotly_json()["layout"]["template"] == expected


def test_a_new_widget_carries_its_whole_layout_in_the_synced_state():
    # the state a late front end (Voila) reads, not only the Python object
    widget = figure_widget(_fig("Arrests<br>(people), as of 2026-07-31", [1, 2], height=420))
    state = {"layout": widget._widget_layout}
    assert layout_summary(state) == {"title": "Arrests (people), as of 2026-07-31", "xaxis": "stage",
                                     "yaxis": "people", "height": 420}
    assert widget._widget_layout["template"]["layout"]["plot_bgcolor"] == "white"


def test_redraw_updates_the_widget_and_its_synced_state():
    widget = figure_widget(_fig("old", [1, 2]))
    redraw(widget, _fig("new", [5, 7], height=500, ytitle="agreements"))
    assert widget.layout.title.text == "new" and list(widget.data[0].y) == [5, 7]
    assert layout_summary({"layout": widget._widget_layout}) == {
        "title": "new", "xaxis": "stage", "yaxis": "agreements", "height": 500}
    assert list(widget._widget_data[0]["y"]) == [5, 7]


def test_redraw_removes_a_property_the_new_figure_drops():
    widget = figure_widget(_fig("t", [1, 2]))
    plain = apply_style(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), "t")
    plain.update_layout(height=300, xaxis_title="stage")  # no y-axis title this time
    redraw(widget, plain)
    assert layout_summary({"layout": widget._widget_layout})["yaxis"] == ""


def test_redraw_refuses_a_figure_with_other_traces():
    widget = figure_widget(_fig("t", [1, 2]))
    with pytest.raises(ValueError, match="redraw needs 1 traces, got 2"):
        redraw(widget, go.Figure([go.Bar(y=[1]), go.Bar(y=[2])]))
