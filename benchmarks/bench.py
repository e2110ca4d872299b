"""Measure what the course promises about speed; report, never assert.

Run:  python benchmarks/bench.py [--json out.json] [--skip-notebooks]

Reports cold and warm load time of all tables, ``import immfed.widgets`` time (in a
fresh interpreter), and each notebook's execution time beside an empty notebook's
(kernel start-up is the floor every notebook pays). Targets: cold load of all tables
under 200 ms; import under 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def time_table_loads(repeats: int = 5) -> dict:
    """Median cold (new catalog: read + check + type) and warm (cached) load of every table."""
    from immfed.data.catalog import SHIPPED_ROOT, Catalog

    cold, warm = [], []
    for _ in range(repeats):
        cat = Catalog(SHIPPED_ROOT)
        t0 = time.perf_counter()
        for name in cat.tables():
            cat.load(name)
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for name in cat.tables():
            cat.load(name)
        warm.append(time.perf_counter() - t0)
    return {"tables_cold_ms": round(statistics.median(cold) * 1000, 1),
            "tables_warm_ms": round(statistics.median(warm) * 1000, 1)}


# The stack immfed.widgets builds on; its import time is the yardstick for ours.
BARE_STACK = "pandas, plotly.graph_objects, ipywidgets, anywidget"


ALL_TOOLS = ", ".join(f"immfed.widgets.{m}" for m in sorted({
    "actors", "authority", "detainers", "glossary", "models", "operations", "pipeline", "profile", "quiz",
    "scenario", "state_policies"}))


def time_import(module: str = "immfed.widgets", repeats: int = 5) -> float:
    """Median seconds to import ``module`` (or a comma-separated list) in a fresh interpreter."""
    runs = []
    for _ in range(repeats):
        code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        runs.append(float(out.stdout.strip()))
    return round(statistics.median(runs), 3)


BASELINE_CODE = """import pandas as pd
import plotly.graph_objects as go
import ipywidgets as w
fig = go.FigureWidget(go.Bar(x=[1, 2, 3], y=[3, 1, 2]))
w.VBox([w.IntSlider(), fig])"""


def time_notebook(path: Path | None, code: str | None = None) -> float:
    """Seconds to execute a notebook top to bottom in a fresh kernel.

    ``path`` None runs an empty notebook, or one cell of ``code`` when given (the
    baseline: the imports every lesson pays plus one FigureWidget).
    """
    import nbformat
    from nbclient import NotebookClient

    if path:
        nb = nbformat.read(path, as_version=4)
    else:
        nb = nbformat.v4.new_notebook()
        if code:
            nb.cells.append(nbformat.v4.new_code_cell(code))
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent if path else REPO)}})
    t0 = time.perf_counter()
    client.execute()
    return round(time.perf_counter() - t0, 2)


def _controls(widget):
    """Every Dropdown and slider inside a widget tree, in display order."""
    import ipywidgets as w

    found = []
    stack = [widget]
    while stack:
        node = stack.pop(0)
        if isinstance(node, (w.Dropdown, w.FloatSlider, w.IntSlider)):
            found.append(node)
        stack[0:0] = list(getattr(node, "children", ()))
    return found


def time_widget_updates(changes: int = 100) -> dict:
    """Milliseconds from a control change to the view (figure and text) updated, in Python.

    Builds each interactive tool, then cycles each of its dropdowns and sliders through
    ``changes`` values; reports the median and 95th percentile per tool.
    """
    import importlib

    import numpy as np

    out = {}
    for module_name, func in (("models", "explore_models"), ("pipeline", "explore_pipeline"),
                              ("authority", "explore_authority"), ("glossary", "explore_glossary"),
                              ("actors", "explore_actors"), ("detainers", "explore_detainers"),
                              ("operations", "explore_operations"), ("operations", "explore_accounts"),
                              ("state_policies", "explore_state_policies"), ("profile", "explore_profile")):
        try:
            view = getattr(importlib.import_module(f"immfed.widgets.{module_name}"), func)()
        except (ImportError, AttributeError):
            continue
        times = []
        for control in _controls(view):
            if hasattr(control, "options") and control.options:
                values = [o[1] if isinstance(o, tuple) else o for o in control.options]
            else:
                values = list(np.linspace(control.min, control.max, 11))
            for i in range(changes // max(1, len(_controls(view))) + 1):
                t0 = time.perf_counter()
                control.value = values[(i + 1) % len(values)]
                times.append((time.perf_counter() - t0) * 1000)
        if times:
            times.sort()
            out[func] = {"changes": len(times), "median": round(statistics.median(times), 2),
                         "p95": round(times[max(0, int(0.95 * len(times)) - 1)], 2)}
    return out


def _p95(times: list[float]) -> float:
    times = sorted(times)
    return round(times[max(0, int(0.95 * len(times)) - 1)], 3)


def time_analyze(repeats: int = 3) -> dict:
    """Milliseconds per immfed.law.analyze call over every state x actor x action (facts unknown,
    so the engine also works out the branches), plus a detailed NC fact pattern; median and p95."""
    from immfed.law import analyze
    from immfed.law.facts import ACTIONS, ACTORS
    from immfed.data.states import STATES

    analyze("NC", "jem", "hold_past_release")  # load and parse the rule table once
    times = []
    for _ in range(repeats):
        for state in STATES:
            for actor in ACTORS:
                for action in ACTIONS:
                    t0 = time.perf_counter()
                    analyze(state, actor, action)
                    times.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        analyze(state="NC", actor="jem", action="hold_past_release", paperwork=("detainer", "admin_warrant"),
                charge="misdemeanor", custody="bail_posted", person="lpr", location="jail")
        times.append((time.perf_counter() - t0) * 1000)
    return {"calls": len(times), "median": round(statistics.median(times), 3), "p95": _p95(times),
            "max": round(max(times), 3)}


def time_scenario_redraw(changes: int = 300) -> dict:
    """Milliseconds from a change of one explore_scenario dropdown to the panel redrawn (Python side)."""
    from immfed.widgets.scenario import explore_scenario

    view = explore_scenario(reveal=True)
    controls = [c for k, c in view.controls.items() if k not in ("panel", "show")]
    times = []
    for i in range(changes):
        control = controls[i % len(controls)]
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        t0 = time.perf_counter()
        control.value = values[(values.index(control.value) + 1) % len(values)]
        times.append((time.perf_counter() - t0) * 1000)
    return {"changes": len(times), "median": round(statistics.median(times), 3), "p95": _p95(times),
            "max": round(max(times), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--law-only", action="store_true", help="only time immfed.law and the scenario explorer")
    args = parser.parse_args()
    if args.law_only:
        law = {"analyze_ms": time_analyze(), "scenario_redraw_ms": time_scenario_redraw()}
        print(f"{'analyze p95 (ms)':45} {law['analyze_ms']['p95']:<7} < 5")
        print(f"{'scenario redraw p95 (ms)':45} {law['scenario_redraw_ms']['p95']:<7} < 30")
        print(json.dumps(law))
        return 0
    result = time_table_loads()
    # interleaved in the same run, so machine load affects both alike
    result["import_bare_stack_s"] = time_import(BARE_STACK)
    # every tool module, not just the package: the package alone loads tools lazily and
    # would flatter the comparison
    result["import_immfed_widgets_s"] = time_import(ALL_TOOLS)
    result["import_ratio"] = round(result["import_immfed_widgets_s"] / result["import_bare_stack_s"], 2)
    notebooks = {}
    if not args.skip_notebooks:
        paths = sorted([*(REPO / "lessons").glob("*.ipynb"), *(REPO / "exercises" / "student").glob("*.ipynb")])
        if paths:
            notebooks["(empty notebook)"] = time_notebook(None)
            notebooks["(baseline: imports + one FigureWidget)"] = time_notebook(None, BASELINE_CODE)
            for path in paths:
                notebooks[str(path.relative_to(REPO))] = time_notebook(path)
    result["notebooks_s"] = notebooks
    result["widget_update_ms"] = time_widget_updates()
    result["analyze_ms"] = time_analyze()
    result["scenario_redraw_ms"] = time_scenario_redraw()
    print(f"{'measure':45} value   target")
    print(f"{'all tables, cold load (ms)':45} {result['tables_cold_ms']:<7} < 200")
    print(f"{'all tables, warm load (ms)':45} {result['tables_warm_ms']:<7}")
    print(f"{'import ' + BARE_STACK + ' (s)':45} {result['import_bare_stack_s']:<7}")
    print(f"{'import immfed.widgets and every tool (s)':45} {result['import_immfed_widgets_s']:<7}")
    print(f"{'  ratio to the bare stack':45} {result['import_ratio']:<7} <= 1.3")
    for name, secs in notebooks.items():
        print(f"{'execute ' + name + ' (s)':45} {secs:<7} < 60")
    for name, t in result["widget_update_ms"].items():
        print(f"{'update ' + name + ' p95 (ms)':45} {t['p95']:<7} < 30")
    print(f"{'analyze p95 (ms)':45} {result['analyze_ms']['p95']:<7} < 5")
    print(f"{'scenario redraw p95 (ms)':45} {result['scenario_redraw_ms']['p95']:<7} < 30")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
