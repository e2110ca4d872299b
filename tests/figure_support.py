"""What the redraw-equality tests compare: a plotly figure as the JSON its explorer sends."""

from __future__ import annotations


def plotly_json(fig) -> dict:
    """``fig.to_plotly_json()`` without the trace ``uid``s plotly gives each new figure at
    random; the ``*_json`` redraws carry none, and every other key must match exactly."""
    built = fig.to_plotly_json()
    for trace in built["data"]:
        trace.pop("uid", None)
    return built
