"""Running a lesson notebook for the site: top to bottom in a fresh kernel, keeping its
widget state and every live chart as it stood after the last cell.

Why not the executed widget state alone: plotly's FigureWidget sends later changes to
the browser as one-off messages, so the saved widget state keeps only the figure it
was built with (often without its title or data). So after the last cell the kernel is
asked for every live figure as it is now, and the site draws that.
"""

from __future__ import annotations

from pathlib import Path

FIGURES_MIME = "application/x-immfed-figures+json"

# Run in the kernel after the lesson's last cell: every live plotly FigureWidget, as it
# is now, keyed by its widget model id (after every tab has been opened once).
_SNAPSHOT_CODE = """
def _immfed_site_snapshot():
    import json
    from IPython.display import display
    try:
        import ipywidgets.widgets.widget as _ww
        from plotly.basewidget import BaseFigureWidget
        import plotly.io as pio
    except ImportError:
        return
    from ipywidgets import Tab
    live = getattr(_ww, "_instances", None) or getattr(_ww.Widget, "widgets", {})
    # open every tab once, as a reader would, so a chart made on its tab's first opening
    # exists; then put each Tab back on the tab the lesson chose
    for tab in [w for w in list(live.values()) if isinstance(w, Tab) and w.children]:
        chosen = tab.selected_index
        for i in range(len(tab.children)):
            tab.selected_index = i
        tab.selected_index = chosen
    figures = {mid: json.loads(pio.to_json(w, validate=False))
               for mid, w in list(live.items()) if isinstance(w, BaseFigureWidget)}
    display({"%s": figures}, raw=True)
_immfed_site_snapshot()
del _immfed_site_snapshot
""" % FIGURES_MIME


def execute_lesson(path: str | Path, timeout: int = 600):
    """Run a lesson notebook top to bottom in a fresh kernel; returns the executed notebook.

    Widget state is kept (``store_widget_state``) and the notebook metadata gains
    ``immfed_figures``: every plotly FigureWidget as it stood after the last cell.
    A cell that fails stops the build with the lesson's name and the error.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_SNAPSHOT_CODE))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    snapshot = nb.cells.pop()
    figures = {}
    for out in snapshot.get("outputs", []):
        figures.update(out.get("data", {}).get(FIGURES_MIME, {}))
    nb.metadata["immfed_figures"] = figures
    return nb
