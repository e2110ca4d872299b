"""Interactive tools for the lessons (ipywidgets + plotly).

Each tool lives in its own module and splits into a pure function that computes what
to show (tested without a browser) and a thin ipywidgets view. Importing this package
sets plotly's renderer once so figures show in JupyterLab, Voila and exported HTML.
"""

from __future__ import annotations

import plotly.io as pio

from .style import PALETTE, apply_style

# Since plotly 6.1 the default Jupyter renderer draws only in JupyterLab; this pair also
# embeds the figure for nbconvert HTML and classic front ends.
pio.renderers.default = "plotly_mimetype+notebook"

__all__ = ["PALETTE", "apply_style"]
