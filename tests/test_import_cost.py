"""`import immfed.widgets` stays light: plotly.io (and with it nbformat and jsonschema's
format checkers, over a second) is loaded only when a lesson first draws a chart."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    env_code = "import os; os.environ.pop('PLOTLY_RENDERER', None)\n" + code
    out = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_importing_the_widgets_does_not_load_nbformat_or_plotly_io():
    loaded = _run("import sys, immfed.widgets\n"
                  "print(sorted(m for m in ('nbformat', 'jsonschema', 'plotly.io') if m in sys.modules))")
    assert loaded == "[]"


def test_the_course_renderer_applies_whenever_plotly_io_is_loaded():
    # later (first chart) and earlier (a student imported plotly.express first) alike
    assert _run("import immfed.widgets, plotly.io as pio; print(pio.renderers.default)") == "plotly_mimetype+notebook"
    assert _run("import plotly.io as pio, immfed.widgets; print(pio.renderers.default)") == "plotly_mimetype+notebook"
