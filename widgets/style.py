"""Shared chart style: the Okabe-Ito colour-blind-safe palette and titled, dated layouts."""

from __future__ import annotations

# Okabe & Ito (2008), distinguishable under the common forms of colour blindness.
PALETTE = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
    "grey": "#999999",
}

MODEL_COLOURS = {"jem": PALETTE["blue"], "wso": PALETTE["orange"], "tfm": PALETTE["green"]}
MODEL_NAMES = {"jem": "Jail Enforcement Model", "wso": "Warrant Service Officer", "tfm": "Task Force Model"}


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
