"""Shared chart style: the Okabe-Ito colour-blind-safe palette and titled, dated layouts."""

from __future__ import annotations

from .palette import NEUTRAL, PALETTE  # noqa: F401 - re-exported for the chart modules

MODEL_COLOURS = {"jem": PALETTE["blue"], "wso": PALETTE["orange"], "tfm": PALETTE["green"]}


def __getattr__(name: str):
    # The model names are the "model" vocabulary (vocabulary.csv); read on first use so that
    # importing the widgets package does not load the data layer.
    if name == "MODEL_NAMES":
        from immfed.data.vocabulary import labels

        return labels("model")
    raise AttributeError(name)


def chart_title(what: str, unit: str, as_of: str) -> str:
    """A chart title that always states the unit and the date the figures are current to.

    The unit and date go on a second line: plotly never wraps a title, and a
    one-line title is cut off in a narrow notebook column."""
    return f"{what}<br>({unit}), as of {as_of}"


TEMPLATE = "simple_white"
_template_json: dict | None = None


def _course_template() -> dict:
    global _template_json
    if _template_json is None:
        import plotly.io as pio

        _template_json = pio.templates[TEMPLATE].to_plotly_json()
    return _template_json


def apply_style(fig, title: str):
    """Give a plotly figure the course's title, font, margins and template; returns the figure."""
    fig.update_layout(title={"text": title, "x": 0.01}, font={"size": 14},
                      margin={"l": 60, "r": 20, "t": 80, "b": 50})
    # plotly validates a template property by property each time one is assigned (30-90 ms,
    # most of a chart redraw); this one is plotly's own, already valid, so it is attached
    # without that check
    layout = fig.layout
    layout._validate = False
    try:
        layout.template = _course_template()
    finally:
        layout._validate = True
    return fig
