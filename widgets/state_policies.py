"""States grouped by their cooperation laws, set against 287(g) agreements and ICE arrests.

Pure functions compute everything a student sees from the shipped tables ``state_laws``,
``agreements_by_state``, ``state_population`` and ``state_outcomes``;
``explore_state_policies`` is a thin ipywidgets view with one plotly FigureWidget that is
updated in place.

The comparison is descriptive. A state's *policy group* is a coarse label computed from
the laws recorded in the course data (rules in :func:`policy_group`); it is not a
measure of how much a state's police actually cooperate, and a difference between
groups is not an effect of the laws.
"""

from __future__ import annotations

import statistics
from copy import deepcopy
from functools import lru_cache
from html import escape

import pandas as pd

from immfed.data import load
from immfed.data.states import ALL_CODES, STATES, state_code
from immfed.widgets.choices import check_choice

from .cache import per_catalog
from immfed.data.vocabulary import codes, labels
from immfed.law.rules import IN_FORCE_STATUSES

from .figures import figure_widget, redraw
from .style import NEUTRAL, PALETTE, apply_style, chart_title
from .models import check_snapshot, snapshots
from .text import StatePanel, iso_date, state_laws_html

# -- the grouping rules ------------------------------------------------------------------

# Mechanisms about whether a state's police work with ICE. Left out on purpose:
# state_immigration_crime (a state's own immigration crimes, enforced without ICE) and
# officer_identification (mask and badge rules for officers on duty, an accountability
# tool rather than a rule on cooperation).
COOPERATION_MECHANISMS = codes("law_mechanism", flag="about_cooperation")
# A law counts only while it has legal force (immfed.law's one definition); vetoed bills,
# pending bills and laws a court has enjoined in full do not.
COUNTED_STATUSES = IN_FORCE_STATUSES

GROUPS = codes("policy_group")
GROUP_LABELS = labels("policy_group")
# Okabe-Ito colours plus a distinct marker shape per group, so the groups do not depend on
# colour alone; the group name is also printed on the x axis.
GROUP_COLOURS = {"mandates": PALETTE["vermillion"], "restricts": PALETTE["blue"],
                 "mixed": PALETTE["purple"], "none": PALETTE["grey"]}
GROUP_SYMBOLS = {"mandates": "triangle-up", "restricts": "square", "mixed": "diamond", "none": "circle"}

METRICS = {
    "agreements": "287(g) agreements (count)",
    "agreements_per_100k": "287(g) agreements per 100,000 residents",
    "arrests_per_100k": "ICE arrests per 100,000 residents",
}
METRIC_UNITS = {
    "agreements": "agreements (one agency x one model)",
    "agreements_per_100k": "agreements per 100,000 residents",
    "arrests_per_100k": "ICE administrative arrests per 100,000 residents, whole period",
}
# How each measure reads inside a sentence.
METRIC_PHRASES = {
    "agreements": "287(g) agreements per state",
    "agreements_per_100k": "287(g) agreements per 100,000 residents",
    "arrests_per_100k": "ICE arrests per 100,000 residents",
}
ARREST_METRIC = "ice_admin_arrests"


def _code(value) -> str:
    """Turn a code ("tx") or name ("Texas") of one of the 50 states or DC into its code;
    anything else (a territory included) raises ValueError listing the accepted codes."""
    return state_code(value, allow_territories=False)


def _as_of(as_of) -> pd.Timestamp:
    if as_of is None:
        return pd.Timestamp(load("state_laws")["as_of"].max())
    try:
        return pd.Timestamp(as_of)
    except (ValueError, TypeError):
        raise ValueError(f"Unknown date {as_of!r}. Accepted: a date such as '2026-10-09', or None "
                         "for the date the laws were last checked.") from None


def _classify(laws: pd.DataFrame, when: pd.Timestamp) -> pd.DataFrame:
    """``laws`` with ``counted`` (True/False) and a plain-language ``reason`` for each row."""
    laws = laws.sort_values(["state_code", "year", "law_id"]).reset_index(drop=True)
    counted, reasons = [], []
    for _, r in laws.iterrows():
        start = r["effective"] if pd.notna(r["effective"]) else pd.Timestamp(year=int(r["year"]), month=1, day=1)
        if r["mechanism"] not in COOPERATION_MECHANISMS:
            ok, why = False, f"not a cooperation rule ({r['mechanism'].replace('_', ' ')})"
        elif r["status"] not in COUNTED_STATUSES:
            ok, why = False, f"status {r['status'].replace('_', ' ')}"
        elif start > when:
            ok, why = False, f"not yet in effect on {iso_date(when)}"
        else:
            ok = True
            why = f"counted: {r['direction']} ({r['mechanism'].replace('_', ' ')})"
            if pd.isna(r["effective"]):
                why += "; no effective date recorded, counted from 1 January of its year"
        counted.append(ok)
        reasons.append(why)
    laws["counted"] = counted
    laws["reason"] = reasons
    return laws


def law_rows(state_code, as_of=None) -> pd.DataFrame:
    """All ``state_laws`` rows for one state, each marked ``counted`` True/False with a
    plain-language ``reason`` saying why it does or does not count towards the group."""
    code = _code(state_code)
    laws = load("state_laws")
    return _classify(laws[laws["state_code"] == code], _as_of(as_of))


def _group_of(counted_directions: set) -> str:
    """Rule 4 of policy_group: the group from the directions of the counted rows."""
    if not counted_directions:
        return "none"
    if counted_directions == {"mandates"}:
        return "mandates"
    if counted_directions == {"restricts"}:
        return "restricts"
    return "mixed"


def policy_group(state_code, as_of=None) -> str:
    """The coarse policy group of a state (one of GROUPS), from the laws in ``state_laws``.

    Rules, in order:

    1. Only rows whose mechanism is about cooperation with ICE count (COOPERATION_MECHANISMS:
       287(g) bans, limits and mandates, detainer limits and mandates, anti-sanctuary laws,
       limits on information sharing and on ICE access, status-check mandates, courthouse
       protections). A state's own immigration crimes and officer mask/ID rules do not.
    2. Only rows with legal force count: status in_force, upheld or partly_enjoined.
       Vetoed, pending, enjoined, repealed or struck-down laws do not.
    3. Only rows in effect on ``as_of`` count (default: the date the laws were last
       checked). Where the table has no effective date, a law is counted from 1 January
       of its year, so a law passed in the same year may be counted a few months early.
    4. Group: "mandates" if every counted row mandates or expands cooperation;
       "restricts" if every counted row restricts it; "mixed" if both kinds are counted;
       "none" if no row counts ("no statewide law recorded", which is not proof that the
       state has none: the course data are incomplete).

    Court rulings and attorney-general directives recorded in the table (for example
    Massachusetts' *Lunn* or New Jersey's directive) count like statutes.
    """
    laws = law_rows(state_code, as_of)
    return _group_of(set(laws.loc[laws["counted"], "direction"]))


# -- the per-state table -----------------------------------------------------------------

def _snapshot(snapshot) -> str:
    # None means the latest ICE sheet; anything else is checked by the models explorer's reader
    return snapshots()[-1] if snapshot is None else check_snapshot(snapshot)


@per_catalog
def arrest_period() -> tuple[str, str]:
    """First and last day (ISO) of the ICE arrest counts in ``state_outcomes``."""
    out = load("state_outcomes")
    out = out[out["metric"] == ARREST_METRIC]
    return iso_date(out["period_start"].min()), iso_date(out["period_end"].max())


def state_table(snapshot=None) -> pd.DataFrame:
    """One row per state (50 states; DC is left out because its own laws are not in the
    course data) with its policy group as of the ICE sheet date and the three measures.

    Columns: state_code, state, group, agreements (Int64; <NA> if the sheet has no row),
    population (Census estimate for 2025-07-01), agreements_per_100k (agreements /
    population x 100,000), arrests (ICE administrative arrests in ``arrest_period()``),
    arrests_per_100k (arrests / the population the arrest source used x 100,000).
    """
    table = pd.DataFrame([dict(r) for r in _state_records(_snapshot(snapshot))])
    for col in ("agreements", "population", "arrests"):
        table[col] = table[col].astype("Int64")
    for col in ("agreements_per_100k", "arrests_per_100k"):
        table[col] = table[col].astype("Float64")
    return table


@per_catalog
def _state_records(iso: str) -> tuple[dict, ...]:
    """``state_table``'s rows as plain dicts (None for a missing value), built once per ICE sheet."""
    pop = load("state_population").set_index("state_code")
    agr = load("agreements_by_state")
    agr = agr[agr["snapshot"] == pd.Timestamp(iso)].set_index("state_code")
    out = load("state_outcomes")
    out = out[out["metric"] == ARREST_METRIC].set_index("state_code")
    # classify every law once (not once per state)
    laws = _classify(load("state_laws"), pd.Timestamp(iso))
    directions = {code: set(rows) for code, rows in laws[laws["counted"]].groupby("state_code")["direction"]}
    records = []
    for code in sorted(c for c in STATES if c != "DC"):
        population = int(pop.at[code, "population"]) if code in pop.index else None
        agreements = int(agr.at[code, "total"]) if code in agr.index else None
        arrests = int(out.at[code, "count"]) if code in out.index else None
        arrest_pop = int(out.at[code, "population"]) if code in out.index else None
        records.append({
            "state_code": code, "state": ALL_CODES[code], "group": _group_of(directions.get(code, set())),
            "agreements": agreements, "population": population,
            "agreements_per_100k": agreements / population * 100_000 if agreements is not None and population else None,
            "arrests": arrests,
            "arrests_per_100k": arrests / arrest_pop * 100_000 if arrests is not None and arrest_pop else None,
        })
    return tuple(records)


def _fmt(metric: str, value) -> str:
    if value is None or pd.isna(value):
        return "n/a"
    return f"{int(value):,}" if metric == "agreements" else f"{float(value):,.1f}"


def figure_data(metric: str = "agreements_per_100k", snapshot=None) -> dict:
    """What the strip chart shows: for each group (in GROUPS order) the states' values.

    Returns ``groups`` (list of dicts: group, label, codes, values, hover, colour, symbol,
    median, n), ``title``, ``as_of`` (the ICE sheet date, or the arrest period's end for
    arrests), ``yaxis`` and ``left_out`` (states with no value, named).
    """
    check_choice(metric, METRICS, "measure")
    return deepcopy(_figure_data(metric, _snapshot(snapshot)))


@per_catalog
def _figure_data(metric: str, iso: str) -> dict:
    """``figure_data`` for a checked measure and sheet, built once (read-only)."""
    records = sorted(_state_records(iso), key=lambda r: r["state_code"])
    groups, left_out = [], []
    for g in GROUPS:
        part = [r for r in records if r["group"] == g]
        have = [r for r in part if r[metric] is not None]
        left_out += [r["state"] for r in part if r[metric] is None]
        values = [float(r[metric]) for r in have]
        groups.append({
            "group": g, "label": GROUP_LABELS[g], "codes": [r["state_code"] for r in have], "values": values,
            "hover": [f"{r['state']} ({GROUP_LABELS[g]}): {_fmt(metric, r[metric])} {METRIC_UNITS[metric]}"
                      for r in have],
            "colour": GROUP_COLOURS[g], "symbol": GROUP_SYMBOLS[g],
            "median": statistics.median(values) if values else None, "n": len(values),
        })
    if metric == "arrests_per_100k":
        start, end = arrest_period()
        what = f"ICE arrests by state, {start} to {end}, by cooperation-law group (laws as of {iso})"
        as_of = end
    else:
        what = f"287(g) agreements by state and cooperation-law group (ICE sheet {iso})"
        as_of = iso
    return {"groups": groups, "title": chart_title(what, METRIC_UNITS[metric], as_of), "as_of": as_of,
            "snapshot": iso, "metric": metric, "yaxis": METRICS[metric], "left_out": sorted(left_out)}


def group_summary(metric: str = "agreements_per_100k", snapshot=None, data: dict | None = None) -> str:
    """One sentence on the chart: the median state in each group and how many states it holds
    (``data`` may pass in an already computed ``figure_data`` result)."""
    data = data or figure_data(metric, snapshot)
    parts = [f"{g['label'].lower()} {_fmt(metric, g['median'])} ({g['n']} states)"
             for g in data["groups"] if g["n"]]
    top = max((g for g in data["groups"] if g["n"]), key=lambda g: g["median"])
    text = (f"Median {METRIC_PHRASES[metric]} by group: " + "; ".join(parts)
            + f". The highest median is in the group '{top['label']}'.")
    empty = [g["label"] for g in data["groups"] if not g["n"]]
    if empty:
        text += f" No state falls in: {', '.join(empty)}."
    if data["left_out"]:
        text += f" No value for: {', '.join(data['left_out'])}."
    return text


def caution_html(metric: str = "agreements_per_100k", snapshot=None) -> str:
    """A plain box on what the comparison can and cannot show, with the dates it uses."""
    iso = _snapshot(snapshot)
    start, end = arrest_period()
    items = [
        "It shows association, not cause. States that mandate cooperation differ from states that "
        "restrict it in many other ways (politics, border location, immigrant population, jail systems), "
        "and the laws are partly a response to those differences.",
        "Policy groups are coarse. One 'restricts' label covers a full 287(g) ban and a single courthouse "
        "rule; 'no statewide law recorded' means none is in the course data, not that none exists, and "
        "counties and cities inside a state can differ from state law.",
        f"Groups use the laws in effect on {iso} as recorded; a law with no recorded effective date is "
        "counted from 1 January of its year. Legal status is as last checked, not as it stood on that day.",
        "A 287(g) count treats a sheriff's office in a county of a few thousand and a state police force "
        "alike: one agency x one model is one agreement.",
        f"ICE arrests ({start} to {end}) are counted by the state where ICE made the arrest, not where the "
        "person lived, and are not split by method (jail transfer, 287(g), at-large). Rates use the Census "
        "estimate of all residents on 2025-07-01, not the immigrant population.",
    ]
    if metric == "arrests_per_100k":
        items.append("The arrest window is fixed; changing the ICE sheet changes only which laws count.")
    return ("<div role='note' style='border:2px solid #555;padding:6px 10px;margin:6px 0'>"
            "<strong>What this comparison can and cannot show</strong><ul>"
            + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul></div>")


def state_detail(state_code, snapshot=None) -> dict:
    """One state's group, its measures and every law in the course data with whether it
    counted and why (for the 'select a state' panel)."""
    code = _code(state_code)
    iso = _snapshot(snapshot)
    row = next((r for r in _state_records(iso) if r["state_code"] == code), None)  # DC has no row
    laws = law_rows(code, iso)
    return {
        "code": code, "name": ALL_CODES[code], "group": _group_of(set(laws.loc[laws["counted"], "direction"])),
        "snapshot": iso,
        "measures": {m: (None if row is None or row[m] is None else float(row[m])) for m in METRICS},
        "laws": [{"name": r["name"], "bill": r["bill"] if pd.notna(r["bill"]) else "", "year": int(r["year"]),
                  "citation": r["citation"], "status": r["status"], "direction": r["direction"],
                  "summary": r["summary"], "source_id": r["source_id"], "counted": bool(r["counted"]),
                  "reason": r["reason"]} for _, r in laws.iterrows()],
    }


def state_detail_html(state_code, snapshot=None) -> str:
    """The state panel as HTML: group, measures and the laws, each with its citation."""
    return _state_detail_html(_code(state_code), _snapshot(snapshot))


@per_catalog
def _state_detail_html(code: str, iso: str) -> str:
    d = state_detail(code, iso)
    measures = "".join(f"<li>{escape(METRICS[m])}: {_fmt(m, v)}</li>" for m, v in d["measures"].items())
    parts = [f"<h4>{escape(d['name'])} ({d['code']}): {escape(GROUP_LABELS[d['group']])}</h4>",
             f"<p>Group as of the ICE sheet of {d['snapshot']}.</p><ul>{measures}</ul>"]
    parts.append(state_laws_html(d["laws"], "Laws and rulings in the course data:", place="state"))
    return "".join(parts)


# -- the view ----------------------------------------------------------------------------

@per_catalog
def _texts(metric: str, iso: str) -> tuple[str, str]:
    """The explorer's summary line and caution box for one measure and ICE sheet."""
    summary = f"<p role='status'>{escape(group_summary(data=_figure_data(metric, iso), metric=metric))}</p>"
    return summary, caution_html(metric, iso)


def policy_figure(metric: str = "agreements_per_100k", snapshot: str | None = None, data: dict | None = None):
    """The grouped box-and-points chart as a complete plotly Figure (title with unit and
    date, axis titles, height); ``data`` is ``figure_data(metric, snapshot)`` if already built."""
    import plotly.graph_objects as go

    data = data or figure_data(metric, snapshot)
    fig = go.Figure([
        go.Box(y=g["values"], x=[g["label"]] * g["n"], name=g["label"], text=g["codes"],
               hovertext=g["hover"], hoverinfo="text", boxpoints="all", jitter=0.6, pointpos=0,
               fillcolor="rgba(0,0,0,0)", line={"color": g["colour"]},
               marker={"color": g["colour"], "symbol": g["symbol"], "size": 9,
                       "line": {"color": NEUTRAL["text"], "width": 1}})
        for g in data["groups"]])
    apply_style(fig, data["title"])
    fig.update_layout(height=480, showlegend=True, yaxis_title=data["yaxis"],
                      xaxis_title="state cooperation-law group (rules in policy_group)",
                      title={"font": {"size": 13}})
    return fig


def policy_json(metric: str = "agreements_per_100k", snapshot: str | None = None, data: dict | None = None) -> dict:
    """``policy_figure(metric, snapshot, data).to_plotly_json()`` without building a Figure: the
    states' values, labels and the title put into the frame (box styles, axes) that every
    measure and sheet share. The view hands it to ``figures.redraw`` on each change."""
    data = data or figure_data(metric, snapshot)
    frame = _policy_json_frame()
    traces = [{**box, "y": list(g["values"]), "x": [g["label"]] * g["n"], "text": list(g["codes"]),
               "hovertext": list(g["hover"])} for box, g in zip(frame["data"], data["groups"])]
    layout = frame["layout"]
    return {"data": traces, "layout": {**layout, "title": {**layout["title"], "text": data["title"]},
                                       "yaxis": {**layout["yaxis"], "title": {"text": data["yaxis"]}}}}


@lru_cache(maxsize=1)
def _policy_json_frame() -> dict:
    """The chart with no state in any group: what every measure and sheet share (read-only)."""
    groups = [{"values": [], "label": GROUP_LABELS[g], "n": 0, "codes": [], "hover": [], "colour": GROUP_COLOURS[g],
               "symbol": GROUP_SYMBOLS[g]} for g in GROUPS]
    return policy_figure(data={"groups": groups, "title": "", "yaxis": ""}).to_plotly_json()


class StatePoliciesExplorer(StatePanel):
    """The widget behind ``explore_state_policies()``. Controls and the figure are
    attributes so tests and instructors can drive it (``ex.metric.value = ...``)."""

    def __init__(self, metric: str = "agreements_per_100k", snapshot: str | None = None, state: str = ""):
        import ipywidgets as w

        check_choice(metric, METRICS, "measure")
        snapshot = _snapshot(snapshot)
        self.metric = w.Dropdown(options=[(v, k) for k, v in METRICS.items()], value=metric,
                                 description="Measure:", style={"description_width": "initial"},
                                 layout={"width": "380px"})
        self.snapshot = w.Dropdown(options=snapshots(), value=snapshot, description="ICE sheet:",
                                   style={"description_width": "initial"})
        self.state = w.Dropdown(options=[("(choose a state)", "")]
                                + sorted((ALL_CODES[c], c) for c in STATES if c != "DC"),
                                value="", description="State:")
        self.summary, self.caution, self.detail, self.message = w.HTML(), w.HTML(), w.HTML(), w.HTML()

        self.fig = figure_widget(policy_figure(metric, snapshot))
        self._refresh()
        self.metric.observe(self._refresh, names="value")
        self.snapshot.observe(self._refresh, names="value")
        self.state.observe(self._on_state, names="value")
        if state:
            self.state.value = _code(state)
        self.widget = w.VBox([w.HBox([self.metric, self.snapshot]), self.summary, self.fig, self.caution,
                              self.state, self.message, self.detail])
        self.widget.explorer = self

    def _refresh(self, *_):
        metric, iso = self.metric.value, self.snapshot.value  # both from dropdowns, so already valid
        data = _figure_data(metric, iso)
        redraw(self.fig, policy_json(metric, iso, data))
        self.summary.value, self.caution.value = _texts(metric, iso)
        if self.state.value:
            self.show_state(self.state.value)

    PANEL = "detail"

    def state_html(self, value) -> str:
        return state_detail_html(value, self.snapshot.value)


def explore_state_policies(metric: str = "agreements_per_100k", snapshot: str | None = None, state: str = ""):
    """Compare states grouped by their cooperation laws on 287(g) agreements (count or per
    100,000 residents) or ICE arrests per 100,000 residents; pick a state to read its laws.
    Starts on the latest ICE sheet. ``metric`` is one of METRICS."""
    return StatePoliciesExplorer(metric, snapshot, state).widget
