"""The three 287(g) models: compared side by side, counted over time, mapped by state.

Pure functions compute everything a student sees (tables, chart data, titles, one-line
summaries) from the shipped tables ``model_features``, ``agreements_timeline``,
``agreements_by_state`` and ``state_laws``; ``explore_models`` is a thin ipywidgets view
over them with two plotly FigureWidgets that are updated in place.

Units are never mixed: an *agreement* is one agency x one model (a row on ICE's sheet),
an *agency* is one law-enforcement body (which may hold up to three agreements), and
*MOAs signed* is the figure ICE or DHS announced. The timeline shows one unit at a time
and says what it left out.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from immfed.data import load
from immfed.widgets.choices import check_choice
from immfed.data.states import ALL_CODES, TILE_GRID, state_code

from .style import MODEL_COLOURS, MODEL_NAMES, NEUTRAL, PALETTE, apply_style, chart_title
from .cache import per_catalog
from .figures import figure_widget, redraw
from .text import StatePanel, iso_date, state_laws_html

MODELS = ("all", "jem", "wso", "tfm")
UNITS = {
    "agreements": "agreements (one agency x one model)",
    "agencies": "agencies (distinct law-enforcement bodies)",
    "moas_signed": "MOAs signed (figure announced by ICE/DHS)",
}
ASPECTS = {
    "authorizes": "What it authorizes", "where": "Where it operates", "training": "Training",
    "supervision": "Supervision", "who_pays": "Who pays", "history": "History",
}
MODEL_LABELS = {"all": "all models", **{k: f"{v} ({k.upper()})" for k, v in MODEL_NAMES.items()}}
# Colour for "all models" on the map and timeline: Okabe-Ito black would hide the tile text.
ALL_COLOUR = PALETTE["purple"]
NO_ROW_COLOUR = NEUTRAL["empty"]
TABS = ("Compare the models", "Count over time", "Map by state", "One state")


# -- 1. the models compared ------------------------------------------------------------

def model_table() -> pd.DataFrame:
    """The three models side by side: one row per aspect, one column per model.

    Each cell is the description from ``model_features``; columns ``<model>_source`` hold
    the source id behind it and ``as_of`` the date the row is current to.
    """
    feats = load("model_features")
    out = pd.DataFrame({"aspect": list(ASPECTS)})
    for model in ("jem", "wso", "tfm"):
        part = feats[feats["model"] == model].set_index("aspect")
        out[model] = out["aspect"].map(part["description"])
        out[f"{model}_source"] = out["aspect"].map(part["source_id"])
    out["as_of"] = feats["as_of"].max()
    return out


def model_table_html() -> str:
    """The comparison as an accessible HTML table (header cells, caption, sources)."""
    table = model_table()
    head = "".join(f"<th scope='col' style='border-bottom:3px solid {MODEL_COLOURS[m]}'>"
                   f"{escape(MODEL_LABELS[m])}</th>" for m in ("jem", "wso", "tfm"))
    rows = []
    for _, r in table.iterrows():
        cells = "".join(f"<td style='vertical-align:top;padding:4px'>{escape(str(r[m]))} "
                        f"<small>[{escape(str(r[m + '_source']))}]</small></td>" for m in ("jem", "wso", "tfm"))
        rows.append(f"<tr><th scope='row' style='vertical-align:top;text-align:left'>"
                    f"{escape(ASPECTS[r['aspect']])}</th>{cells}</tr>")
    caption = (f"The three 287(g) models compared (as of {iso_date(table['as_of'].iloc[0])}); "
               "source ids in brackets are listed in the references.")
    return (f"<table class='immfed-models' style='border-collapse:collapse;font-size:0.92em'>"
            f"<caption style='text-align:left'>{escape(caption)}</caption>"
            f"<thead><tr><th scope='col'>Aspect</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


# -- 2. the national count over time ---------------------------------------------------

def _flags(row) -> list[str]:
    """Caveats for one timeline row, read from its precision, note and source."""
    note = str(row["note"]) if pd.notna(row["note"]) else ""
    low = note.lower()
    flags = []
    if row["date_precision"] != "day" or "approximate" in low or "placeholder" in low:
        flags.append(f"approximate date (source gives the {row['date_precision']}"
                     + (" only)" if row["date_precision"] != "day" else "; day approximate)"))
    if "lower bound" in low or "'over " in low or "more than" in low:
        flags.append("lower bound (the source says 'over' or 'more than')")
    return flags


def timeline_figure_data(unit: str = "agreements", model: str = "all") -> dict:
    """What the national-count chart shows for one unit and one model filter.

    ``unit`` is one of UNITS; ``model`` one of MODELS. With a single model, only dates on
    which the source splits the count by model are kept. Returns a dict with ``x`` (ISO
    dates), ``y`` (counts), ``symbols`` (open markers flag caveats), ``hover``, ``notes``
    (plain-language caveats shown under the chart), ``title``, ``as_of`` and ``sources``.
    """
    check_choice(unit, UNITS, "unit")
    check_choice(model, MODELS, "model")
    table = load("agreements_timeline").sort_values(["date", "source_id"])
    others = table[table["unit"] != unit]["unit"].value_counts()
    rows = table[table["unit"] == unit]
    notes = [f"Only counts in {UNITS[unit]} are drawn."]
    if len(others):
        notes.append("Not mixed in: " + "; ".join(f"{n} dated counts in {UNITS[u]}" for u, n in others.items())
                     + ". Choose another unit to see them.")
    column = "count"
    if model != "all":
        column = model
        split = rows[rows[model].notna()]
        notes.append(f"Split by model on {len(split)} of {len(rows)} dates; dates without a split are left out.")
        rows = split
    x, y, symbols, hover = [], [], [], []
    for _, r in rows.iterrows():
        flags = _flags(r)
        x.append(iso_date(r["date"]))
        y.append(int(r[column]))
        symbols.append("circle-open" if flags else "circle")
        hover.append(f"{iso_date(r['date'])}: {int(r[column]):,} {unit.replace('_', ' ')}"
                     + (f" ({'; '.join(flags)})" if flags else "") + f"<br>source: {r['source_id']}")
        for flag in flags:
            notes.append(f"{iso_date(r['date'])} ({int(r[column]):,}): {flag}.")
    if not x:
        notes.append(f"No source in the table splits {UNITS[unit]} by model. Choose 'agreements' or 'all models'.")
    as_of = x[-1] if x else iso_date(table["date"].max())
    title = chart_title(f"287(g) national count, {MODEL_LABELS[model]}", unit.replace("_", " "), as_of)
    return {"x": x, "y": y, "symbols": symbols, "hover": hover, "notes": notes, "title": title,
            "as_of": as_of, "unit": unit, "model": model, "sources": sorted(set(rows["source_id"]))}


def timeline_summary(unit: str = "agreements", model: str = "all", data: dict | None = None) -> str:
    """One sentence describing the chart, computed from the rows it draws (``data`` may
    pass in an already computed ``timeline_figure_data`` result)."""
    data = data or timeline_figure_data(unit, model)
    what = f"{unit.replace('_', ' ')} ({MODEL_LABELS[model]})"
    if not data["x"]:
        return f"No dated counts of {what} are in the table."
    first, last = data["y"][0], data["y"][-1]
    if len(data["x"]) == 1:
        return f"One dated count of {what}: {last:,} on {data['x'][-1]}."
    change = "rose" if last > first else "fell" if last < first else "stayed"
    ratio = f", {last / first:.1f} times the first" if first and last > first else ""
    return (f"{len(data['x'])} dated counts of {what}: from {first:,} on {data['x'][0]} the count {change} "
            f"to {last:,} on {data['x'][-1]}{ratio}; open markers flag approximate dates or lower bounds.")


# -- 3. the state tile map -------------------------------------------------------------

def snapshots() -> list[str]:
    """Dates (ISO) of the ICE sheets counted by state, oldest first."""
    return list(_snapshots())


@per_catalog
def _snapshots() -> tuple[str, ...]:
    return tuple(sorted({iso_date(s) for s in load("agreements_by_state")["snapshot"]}))


def check_snapshot(snapshot) -> str:
    """An ICE sheet date as ISO text, or ``ValueError`` listing the sheets the course holds."""
    try:
        iso = iso_date(snapshot)
    except (ValueError, TypeError):
        iso = None
    if iso not in snapshots():
        raise ValueError(f"Unknown snapshot {snapshot!r}. Accepted: {', '.join(snapshots())}.")
    return iso



def state_grid(snapshot, model: str = "all") -> pd.DataFrame:
    """Agreements per state for one ICE snapshot and model, placed on the tile grid.

    One row per tile in TILE_GRID: ``state_code``, ``state``, ``row``, ``col``, ``value``
    (agreements; <NA> where the snapshot has no row for that place, which is not the same
    as zero) and ``basis``. ``model`` "all" uses the total of the three models.
    """
    iso = check_snapshot(snapshot)
    check_choice(model, MODELS, "model")
    table = load("agreements_by_state")
    table = table[table["snapshot"] == pd.Timestamp(iso)].set_index("state_code")
    column = "total" if model == "all" else model
    records = []
    for code, (row, col) in TILE_GRID.items():
        present = code in table.index
        records.append({"state_code": code, "state": ALL_CODES[code], "row": row, "col": col,
                        "value": table.at[code, column] if present else pd.NA,
                        "basis": table.at[code, "basis"] if present else "no row"})
    out = pd.DataFrame(records)
    out["value"] = out["value"].astype("Int64")
    return out


def _mix(colour: str, share: float) -> str:
    """Blend white towards ``colour`` by ``share`` (0..1), as #RRGGBB."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 + (c - 255) * share):02X}" for c in rgb)


def map_figure_data(snapshot, model: str = "all") -> dict:
    """Tile positions, colours and labels for the map of one snapshot and model."""
    grid = state_grid(snapshot, model)
    top = int(grid["value"].max(skipna=True) or 0)
    base = ALL_COLOUR if model == "all" else MODEL_COLOURS[model]
    colours, labels, text_colours, hover = [], [], [], []
    for _, r in grid.iterrows():
        if pd.isna(r["value"]):
            colours.append(NO_ROW_COLOUR)
            labels.append(f"{r['state_code']}<br>n/a")
            text_colours.append(NEUTRAL["text"])
            hover.append(f"{r['state']}: no row in this snapshot (not counted, not zero)")
            continue
        v = int(r["value"])
        # square-root scale so the many small states are not all white next to Florida
        share = 0.08 + 0.92 * (v / top) ** 0.5 if top and v else 0.0
        colours.append(_mix(base, share))
        labels.append(f"{r['state_code']}<br>{v}")
        text_colours.append(NEUTRAL["white"] if share > 0.6 else PALETTE["black"])
        hover.append(f"{r['state']}: {v} agreements ({MODEL_LABELS[model]})")
    iso = check_snapshot(snapshot)
    title = chart_title(f"287(g) agreements by state, {MODEL_LABELS[model]}", "agreements", iso)
    return {"x": list(grid["col"]), "y": list(-grid["row"]), "codes": list(grid["state_code"]),
            "values": list(grid["value"]), "colours": colours, "labels": labels,
            "text_colours": text_colours, "hover": hover, "title": title, "as_of": iso, "grid": grid}


def map_summary(snapshot, model: str = "all", grid: pd.DataFrame | None = None) -> str:
    """One sentence on the map: total, how many places have any, and the largest two
    (``grid`` may pass in an already computed ``state_grid`` result)."""
    grid = (state_grid(snapshot, model) if grid is None else grid).dropna(subset=["value"])
    iso = check_snapshot(snapshot)
    total = int(grid["value"].sum())
    with_any = grid[grid["value"] > 0].sort_values(["value", "state"], ascending=[False, True])
    if with_any.empty:
        return f"On the ICE sheet of {iso} no state has {MODEL_LABELS[model]} agreements."
    lead = "; ".join(f"{r['state']} {int(r['value'])}" for _, r in with_any.head(2).iterrows())
    return (f"On the ICE sheet of {iso}, {total:,} agreements ({MODEL_LABELS[model]}) were spread over "
            f"{len(with_any)} states and territories; the largest: {lead}.")


def summary_sentence(kind: str, **kwargs) -> str:
    """The text summary beside a chart: ``kind`` "timeline" (unit, model) or "map" (snapshot, model)."""
    check_choice(kind, ("timeline", "map"), "chart")
    return timeline_summary(**kwargs) if kind == "timeline" else map_summary(**kwargs)


# -- 4. one state ----------------------------------------------------------------------

def _count(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def agreement_counts(code) -> list[dict]:
    """The state's agreements on each ICE sheet in the course data, oldest first: dicts with
    snapshot, total, jem, wso, tfm (None where the sheet has no row for the place), basis
    and source_id."""
    return [dict(c) for c in _counts_by_state()[state_code(code)]]


@per_catalog
def _counts_by_state() -> dict:
    """``agreement_counts`` for every code in ALL_CODES, from one pass over the table
    (read-only; the public function hands out copies)."""
    table = load("agreements_by_state")
    snaps = sorted({pd.Timestamp(s) for s in table["snapshot"]})
    first: dict = {}
    for r in table.to_dict("records"):  # the first row for a (sheet, place) counts, as before
        first.setdefault((pd.Timestamp(r["snapshot"]), r["state_code"]), r)
    out = {}
    for code in ALL_CODES:
        counts = []
        for snap in snaps:
            r = first.get((snap, code))
            if r is None:
                counts.append({"snapshot": iso_date(snap), "total": None, **{m: None for m in MODELS[1:]},
                               "basis": "no row", "source_id": None, "note": ""})
                continue
            counts.append({"snapshot": iso_date(snap), "total": _count(r["total"]),
                           **{m: _count(r[m]) for m in MODELS[1:]},
                           "basis": str(r["basis"]), "source_id": str(r["source_id"]),
                           "note": "" if pd.isna(r["note"]) else str(r["note"])})
        out[code] = tuple(counts)
    return out


def state_profile(code) -> dict:
    """A state's agreements by model on each snapshot, and its state laws on cooperation.

    Returns ``code``, ``name``, ``counts`` (as :func:`agreement_counts`) and ``laws`` (list
    of dicts: name, mechanism, direction, status, summary, cited, source_id).
    """
    code = state_code(code)
    counts = agreement_counts(code)
    laws = load("state_laws")
    laws = laws[laws["state_code"] == code].sort_values(["year", "law_id"])
    law_rows = [{"name": r["name"], "mechanism": r["mechanism"], "direction": r["direction"],
                 "status": r["status"], "summary": r["summary"], "cited": r["citation"],
                 "source_id": r["source_id"]} for _, r in laws.iterrows()]
    return {"code": code, "name": ALL_CODES[code], "counts": counts, "laws": law_rows}


def state_profile_html(code) -> str:
    """The state profile as HTML: a counts table and a list of laws with citations."""
    p = state_profile(code)
    head = "".join(f"<th scope='col'>{h}</th>" for h in ("ICE sheet", "All", "JEM", "WSO", "TFM"))
    body = []
    for c in p["counts"]:
        cells = "".join(f"<td style='text-align:right;padding:0 6px'>{'n/a' if c[k] is None else c[k]}</td>"
                        for k in ("total", "jem", "wso", "tfm"))
        body.append(f"<tr><th scope='row'>{c['snapshot']}</th>{cells}</tr>")
    parts = [f"<h4>{escape(p['name'])} ({p['code']})</h4>",
             "<table style='border-collapse:collapse'><caption style='text-align:left'>287(g) agreements "
             "(one agency x one model) on each ICE sheet; n/a = no row in that snapshot</caption>"
             f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"]
    parts.append(state_laws_html(p["laws"], "State laws and rulings on cooperation in the course data:"))
    return "".join(parts)


# -- the view ---------------------------------------------------------------------------

def _notes_html(notes: list[str]) -> str:
    return ("<details open><summary>Notes on units and caveats</summary><ul>"
            + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul></details>")


def _line_colour(model: str) -> str:
    return ALL_COLOUR if model == "all" else MODEL_COLOURS[model]


def timeline_figure(unit: str = "agreements", model: str = "all", data: dict | None = None):
    """The national count over time as a complete plotly Figure (title with unit and date,
    axis titles, height); ``data`` is ``timeline_figure_data(unit, model)`` if already built."""
    import plotly.graph_objects as go

    t = data or timeline_figure_data(unit, model)
    colour = _line_colour(model)
    fig = go.Figure(go.Scatter(x=t["x"], y=t["y"], mode="lines+markers", hovertext=t["hover"], hoverinfo="text",
                               marker={"symbol": t["symbols"], "size": 9, "color": colour},
                               line={"color": colour}, name="count"))
    apply_style(fig, t["title"])
    fig.update_layout(height=380, yaxis_title=UNITS[unit], xaxis_title="date the count refers to", showlegend=False)
    return fig


def map_figure(snapshot: str, model: str = "all", data: dict | None = None):
    """The state tile map of one ICE sheet as a complete plotly Figure; the tiles are laid
    out like the U.S. on fixed axes, so it draws offline with no map geometry."""
    import plotly.graph_objects as go

    m = data or map_figure_data(snapshot, model)
    fig = go.Figure(go.Scatter(
        x=m["x"], y=m["y"], mode="markers+text", text=m["labels"], hovertext=m["hover"], hoverinfo="text",
        textfont={"color": m["text_colours"], "size": 11},
        marker={"symbol": "square", "size": 40, "color": m["colours"], "line": {"color": NEUTRAL["outline"], "width": 1}}))
    apply_style(fig, m["title"])
    # fixed ranges and size: the tiles are drawn in data units, so any other aspect
    # ratio would make them overlap or drift apart
    fig.update_layout(height=540, width=620, showlegend=False,
                      xaxis={"visible": False, "range": [-0.6, 10.6]},
                      yaxis={"visible": False, "range": [-8.6, 0.6]})
    return fig


class ModelsExplorer(StatePanel):
    """The widget behind ``explore_models()``; its controls and figures are attributes so
    tests and instructors can drive it (``ex.unit.value = "agencies"``)."""

    def __init__(self, unit: str = "agreements", model: str = "all", snapshot: str | None = None,
                 map_model: str = "all"):
        import ipywidgets as w

        # checked here so a bad argument gets the accepted values, not ipywidgets' TraitError
        check_choice(unit, list(UNITS), "unit")
        check_choice(model, list(MODELS), "model")
        check_choice(map_model, list(MODELS), "map model")
        snaps = snapshots()
        snapshot = check_snapshot(snapshot or snaps[-1])
        model_opts = [(MODEL_LABELS[m], m) for m in MODELS]
        self.unit = w.Dropdown(options=[(v, k) for k, v in UNITS.items()], value=unit, description="Unit:",
                               style={"description_width": "initial"})
        self.model = w.Dropdown(options=model_opts, value=model, description="Model:")
        self.snapshot = w.Dropdown(options=snaps, value=snapshot, description="ICE sheet:",
                                   style={"description_width": "initial"})
        self.map_model = w.Dropdown(options=model_opts, value=map_model, description="Model:")
        self.state = w.Dropdown(options=[("(choose a state)", "")] + sorted(((n, c) for c, n in ALL_CODES.items())),
                                value="", description="State:")
        self.state_text = w.Text(placeholder="or type a code or name, then Enter", description="",
                                 continuous_update=False)
        self.message = w.HTML()
        self.timeline_summary, self.timeline_notes = w.HTML(), w.HTML()
        self.map_summary, self.profile = w.HTML(), w.HTML()

        self.timeline_fig = figure_widget(timeline_figure(unit, model))
        # The map's chart is made the first time its tab opens (or `map_fig` is read): each
        # plotly FigureWidget loads plotly's 5 MB script in the browser, and anywidget gives
        # it two seconds; two at once on a busy page can miss that and stop responding.
        self._map_fig = None
        self._map_slot = w.Box([w.HTML("<p><em>Open this tab to draw the map.</em></p>")])
        self._refresh_timeline()
        self._refresh_map()

        self.unit.observe(self._refresh_timeline, names="value")
        self.model.observe(self._refresh_timeline, names="value")
        self.snapshot.observe(self._refresh_map, names="value")
        self.map_model.observe(self._refresh_map, names="value")
        self.state.observe(self._on_state, names="value")
        self.state_text.observe(self._on_state_text, names="value")

        compare = w.HTML(model_table_html())
        timeline = w.VBox([w.HBox([self.unit, self.model]), self.timeline_summary, self.timeline_fig,
                           self.timeline_notes])
        mapping = w.VBox([w.HBox([self.snapshot, self.map_model]), self.map_summary, self._map_slot,
                          w.HTML("<small>Darker tile = more agreements; the number is printed in each tile. "
                                 "Grey 'n/a' = no row in that snapshot (not the same as zero).</small>")])
        one_state = w.VBox([w.HBox([self.state, self.state_text]), self.message, self.profile])
        self.tabs = w.Tab(children=[compare, timeline, mapping, one_state])
        for i, name in enumerate(TABS):
            self.tabs.set_title(i, name)
        self.tabs.observe(self._on_tab, names="selected_index")
        self.widget = w.VBox([self.tabs])
        self.widget.explorer = self

    @property
    def map_fig(self):
        """The map's FigureWidget, made (and put in its tab) on first use."""
        if self._map_fig is None:
            self._map_fig = figure_widget(map_figure(self.snapshot.value, self.map_model.value))
            self._map_slot.children = [self._map_fig]
        return self._map_fig

    def _on_tab(self, change):
        if change["new"] == TABS.index("Map by state"):
            self.map_fig  # noqa: B018 - reading it makes the chart

    def _refresh_timeline(self, *_):
        t = timeline_figure_data(self.unit.value, self.model.value)
        redraw(self.timeline_fig, timeline_figure(self.unit.value, self.model.value, t))
        self.timeline_summary.value = f"<p role='status'>{escape(timeline_summary(self.unit.value, self.model.value, t))}</p>"
        self.timeline_notes.value = _notes_html(t["notes"])

    def _refresh_map(self, *_):
        m = map_figure_data(self.snapshot.value, self.map_model.value)
        if self._map_fig is not None:
            redraw(self._map_fig, map_figure(self.snapshot.value, self.map_model.value, m))
        self.map_summary.value = f"<p role='status'>{escape(map_summary(self.snapshot.value, self.map_model.value, m['grid']))}</p>"

    PANEL = "profile"

    def state_html(self, value) -> str:
        return state_profile_html(value)

    def _on_state_text(self, change):
        text = str(change["new"] or "").strip()
        if text and self.show_state(text):
            code = state_code(text)
            if self.state.value != code:
                self.state.value = code


def explore_models(unit: str = "agreements", model: str = "all", snapshot: str | None = None,
                   map_model: str = "all", tab: str = TABS[0]):
    """Compare the 287(g) models, see the national count over time, map agreements by
    state and look up one state's counts and laws. Starts on the latest ICE sheet;
    ``tab`` picks the tab shown first (one of TABS)."""
    check_choice(tab, TABS, "tab")
    explorer = ModelsExplorer(unit, model, snapshot, map_model)
    explorer.tabs.selected_index = TABS.index(tab)
    return explorer.widget
