"""Interactive tools for the lessons (ipywidgets + plotly).

Each tool lives in its own module and splits into a pure function that computes what
to show (tested without a browser) and a thin ipywidgets view::

    from immfed.widgets import explore_models, explore_detainers, assess_detainer
    explore_models()
    assess_detainer("TX", "detainer", "release_due").answer

Importing this package sets plotly's renderer once so figures show in JupyterLab, Voila
and exported HTML. The tools themselves are imported on first use, which keeps
``import immfed.widgets`` quick.
"""

from __future__ import annotations

import importlib
import os
import sys

from .style import PALETTE, apply_style

# Since plotly 6.1 the default Jupyter renderer draws only in JupyterLab; this pair also
# embeds the figure for nbconvert HTML and classic front ends. It is handed to plotly
# through its PLOTLY_RENDERER variable rather than by importing plotly.io here: plotly.io
# imports nbformat and with it jsonschema's format checkers (over a second), a cost only
# a lesson that draws a chart should pay, and then only once.
RENDERER = "plotly_mimetype+notebook"
if "plotly.io" in sys.modules:  # already paid for: set it directly
    sys.modules["plotly.io"].renderers.default = RENDERER
else:
    os.environ.setdefault("PLOTLY_RENDERER", RENDERER)

# public name -> module that defines it
_EXPORTS = {
    # `quiz` itself is imported from immfed.widgets.quiz: the module shares its name.
    "check_answer": "quiz",
    "explore_glossary": "glossary", "search_glossary": "glossary",
    "explore_actors": "actors",
    "explore_authority": "authority", "assess_authority": "authority",
    "explore_models": "models",
    "explore_pipeline": "pipeline", "funnel": "pipeline",
    "explore_detainers": "detainers", "assess_detainer": "detainers", "detainer_clock": "detainers",
    "explore_operations": "operations", "explore_accounts": "operations", "accounts_for": "operations",
    "explore_state_policies": "state_policies", "policy_group": "state_policies",
    "explore_profile": "profile", "state_profile": "profile", "memo_template": "profile",
    "explore_scenario": "scenario", "scenario_html": "scenario",
}

__all__ = ["PALETTE", "apply_style", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'immfed.widgets' has no attribute '{name}'")
