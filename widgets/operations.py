"""Joint operations and surges, 2025-26, and the contested accounts of what happened in them.

Pure functions compute everything a student sees from the shipped tables ``operations``,
``operation_arrests``, ``accounts`` and ``sources``: the filtered list of operations, the
timeline figure, a one-sentence summary, each operation's sources (as cited titles with
links) and, for an incident, every party's account grouped by the kind of party.
``explore_operations`` is a thin ipywidgets view with one plotly FigureWidget, updated in
place.

Two rules carry through: arrest totals are the figures each agency *reported* (nobody
audited them, and they count different things), and accounts of an incident are shown
as each party stated them, never merged into one version.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

import pandas as pd

from immfed.data import cite, load
from immfed.data.states import ALL_CODES

from .cache import per_catalog
from .choices import check_choice
from immfed.data.vocabulary import codes, labels, terms

from .figures import figure_widget, redraw
from .style import PALETTE, apply_style, chart_title
from .text import alert_html, iso_date

ROLES = codes("operation_role")
ROLE_LABELS = labels("operation_role")
# Used in the summary sentence: "Local agencies' role: took part: 2; declined: 6; ..."
ROLE_PHRASES = {t["code"]: t["description"] for t in terms("operation_role")}
# Okabe-Ito colours plus a distinct marker shape per role, so colour is never the only cue.
ROLE_COLOURS = {"cooperated": PALETTE["blue"], "declined": PALETTE["orange"],
                "disputed": PALETTE["purple"], "mixed": PALETTE["green"]}
ROLE_SYMBOLS = {"cooperated": "circle", "declined": "square", "disputed": "diamond", "mixed": "triangle-up"}
ROLE_SHAPES = {"circle": "circle", "square": "square", "diamond": "diamond", "triangle-up": "triangle"}

# Rows (or columns) of the accounts view, in this order; party types outside the first
# four are grouped under "other" and keep their own label in each card.
GROUPS = codes("account_group")
GROUP_LABELS = labels("account_group")
PARTY_ORDER = ("federal", "state", "county", "city", "prosecutor", "court", "witness", "family",
               "advocacy", "media")
ACCOUNTS_NOTE = ("These accounts conflict. Each is shown as the party stated it, with its date and source; "
                 "listing an account here is not a finding that it is true, and the course does not say "
                 "which version is right. Later evidence (video, court filings) is itself attributed.")
COUNTS_NOTE = ("Arrest totals are figures reported by the agency or outlet named; no independent body audited "
               "them, and they count different things (ICE only or all agencies, one city or a state), so "
               "they should not be compared across operations without reading the scope.")


def _as_list(value, what: str) -> list[str] | None:
    """None/"all" stay None (no filter); a string becomes a one-item list."""
    if value is None or (isinstance(value, str) and value == "all"):
        return None
    if isinstance(value, str):
        return [value]
    try:
        return list(value)
    except TypeError:
        raise ValueError(f"{what} must be a value or a list of values, not {value!r}.") from None


def short_label(name: str, state_code: str, width: int = 40) -> str:
    """A short axis label for an operation: its name without quotes or parenthetical
    notes, cut to ``width`` characters, plus the state code (the full name is in the hover)."""
    text = re.sub(r"\s*\([^)]*\)", "", str(name)).replace('"', "").strip()
    if len(text) > width:
        text = text[:width - 1].rstrip(" ,;-") + "\u2026"
    return f"{text} ({state_code})"


def states_in_table() -> list[str]:
    """Two-letter codes of the states (and DC) that have an operation in the table, sorted."""
    return list(_states_in_table())


@per_catalog
def _states_in_table() -> tuple[str, ...]:
    return tuple(sorted(set(load("operations")["state_code"])))


# -- 1. operations ---------------------------------------------------------------------

def operations_frame(roles=None, states=None) -> pd.DataFrame:
    """Operations in the course table, oldest start first, filtered by local role and state.

    ``roles`` is None (all) or a list of ROLES; ``states`` None (all) or a list of
    two-letter codes that appear in the table. Adds ``latest_count`` (the most recent
    reported arrest figure, as text with who reported it) and ``n_counts``.
    Raises ValueError naming the accepted values.
    """
    roles, states = _filters(roles, states)
    ops = _enriched_operations()
    if roles is not None:
        ops = ops[ops["local_role"].isin(roles)]
    if states is not None:
        ops = ops[ops["state_code"].isin(states)]
    return ops.reset_index(drop=True).copy()  # a copy: callers may change it, the cache must not


def _filters(roles, states) -> tuple[list[str] | None, list[str] | None]:
    """The role and state filters as lists (None: no filter), checked against what is accepted."""
    roles, states = _as_list(roles, "roles"), _as_list(states, "states")
    for role in roles or []:
        check_choice(role, ROLES, "local role")
    accepted_states = states_in_table()
    for code in states or []:
        check_choice(code, accepted_states, "state")
    return roles, states


@per_catalog
def _enriched_operations() -> pd.DataFrame:
    """Every operation, oldest first, with its y-axis label and latest arrest figure. Built
    once per loaded copy of the two tables (read-only: ``operations_frame`` hands out copies)."""
    ops_table, counts_table = load("operations"), load("operation_arrests")
    ops = ops_table.sort_values(["start", "operation_id"]).reset_index(drop=True)
    counts = counts_table.sort_values(["as_of", "reported_by"])
    latest, n = {}, counts["operation_id"].value_counts()
    for _, r in counts.iterrows():
        latest[r["operation_id"]] = _count_text(r)
    ops["label"] = pd.Series([short_label(n, c) for n, c in zip(ops["name"], ops["state_code"])],
                             index=ops.index, dtype="object")
    # two operations must never share a y-axis row, whatever the filter
    dup = ops["label"].duplicated(keep=False)
    if dup.any():
        ops.loc[dup, "label"] = ops.loc[dup, "label"] + " " + ops.loc[dup, "operation_id"]
    ops["latest_count"] = ops["operation_id"].map(latest).astype("string")
    ops["n_counts"] = ops["operation_id"].map(n).fillna(0).astype(int)
    return ops


@per_catalog
def _operation_records() -> tuple[dict, ...]:
    """Every operation in ``operations_frame`` order as plain values: what the timeline,
    its summary and the details list show of it. A control change only filters these."""
    counts = load("operation_arrests").sort_values(["as_of", "reported_by"])
    counts_by_op: dict = {}
    for c in counts.to_dict("records"):
        counts_by_op.setdefault(c["operation_id"], []).append(c)
    records = []
    for r in _enriched_operations().to_dict("records"):
        role = r["local_role"]
        start = iso_date(r["start"])
        end = iso_date(r["end"])  # "" when no end is reported
        latest = r["latest_count"] if pd.notna(r["latest_count"]) else "none in table"
        hover = (f"{r['name']} ({r['place']})<br>{start} to {end or 'no end reported'}<br>"
                 f"local role: {ROLE_LABELS[role]}<br>latest reported arrests: {latest}")
        records.append({"id": r["operation_id"], "role": role, "state": r["state_code"], "label": r["label"],
                        "name": r["name"], "start": start, "end": end, "hover": hover,
                        "html": _operation_html(r, counts_by_op.get(r["operation_id"], []))})
    return tuple(records)


def _operation_html(r: dict, counts: list[dict]) -> str:
    """One operation as an open-able block: what local agencies did, litigation, reported
    arrest figures with who reported them, and sources as links."""
    role = r["local_role"]
    end = iso_date(r["end"]) if pd.notna(r["end"]) else "no end reported"
    count_items = "".join(f"<li>{escape(_count_text(c))}: {escape(c['scope'])}</li>" for c in counts)
    srcs = "".join(f"<li><a href='{escape(s['url'])}' target='_blank' rel='noopener'>{escape(s['citation'])}</a>"
                   "</li>" for s in _sources(r["operation_id"]))
    lit = (f"<p><strong>Litigation:</strong> {escape(r['litigation'])}</p>" if pd.notna(r["litigation"])
           else "<p><strong>Litigation:</strong> none central found in the sources checked.</p>")
    shape = ROLE_SHAPES[ROLE_SYMBOLS[role]]
    return (
        f"<details><summary><strong>{escape(r['name'])}</strong>, {escape(r['place'])} "
        f"({iso_date(r['start'])} to {end}); local role: "
        # the colour underlines the label: Okabe-Ito orange text on white fails contrast (2:1)
        f"<span style='border-bottom:3px solid {ROLE_COLOURS[role]}'>{escape(ROLE_LABELS[role])}</span>"
        f" [{shape}]</summary>"
        f"<p><strong>Federal agencies:</strong> {escape(r['federal_agencies'])}</p>"
        f"<p><strong>What local and state agencies did:</strong> {escape(r['local_role_detail'])}</p>{lit}"
        + (f"<p><strong>Reported arrest figures</strong> (as reported; not audited):</p><ul>{count_items}</ul>"
           if count_items else "<p>No arrest figure in the course table.</p>")
        + f"<p><strong>Sources:</strong></p><ul>{srcs}</ul></details>")


def _selected(roles, states) -> list[dict]:
    """The records of the operations that pass the filters (checked first), oldest first."""
    roles, states = _filters(roles, states)
    return [r for r in _operation_records()
            if (roles is None or r["role"] in roles) and (states is None or r["state"] in states)]


def _count_text(r) -> str:
    prefix = {"exact": "", "lower_bound": "more than ", "approximate": "about "}[r["count_kind"]]
    return f"{prefix}{int(r['count']):,} by {iso_date(r['as_of'])} ({r['reported_by']})"


def arrest_counts(operation_id: str) -> pd.DataFrame:
    """Every reported arrest figure for one operation, oldest first, with who reported it."""
    check_choice(operation_id, tuple(load("operations")["operation_id"]), "operation")
    counts = load("operation_arrests")
    return counts[counts["operation_id"] == operation_id].sort_values(["as_of", "reported_by"]).reset_index(drop=True)


def operation_sources(operation_id: str) -> list[dict]:
    """The sources behind one operation (its row and its arrest figures), each as
    ``source_id``, ``citation`` (from immfed.data.cite) and ``url``."""
    ops = load("operations")
    check_choice(operation_id, tuple(ops["operation_id"]), "operation")
    return [dict(s) for s in _sources(operation_id)]


@per_catalog
def _sources(operation_id: str) -> tuple[dict, ...]:
    ops = load("operations")
    ids: list[str] = []
    for s in list(ops.loc[ops["operation_id"] == operation_id, "source_id"]) + list(
            arrest_counts(operation_id)["source_id"]):
        if s not in ids:
            ids.append(s)
    urls = load("sources").set_index("source_id")["url"]
    return tuple({"source_id": s, "citation": cite(s), "url": str(urls.get(s, "") or "")} for s in ids)


def timeline_data(roles=None, states=None) -> dict:
    """What the timeline draws: for each role, the operations' names, start and end dates.

    Returns ``traces`` (one dict per role in ROLES, even when empty, so the legend and
    colours stay fixed), ``names`` (y-axis order, oldest at the top), ``title``, ``as_of``.
    Operations with no reported end show only a start marker.
    """
    ops = _selected(roles, states)
    traces = []
    for role in ROLES:
        part = [r for r in ops if r["role"] == role]
        seg_x, seg_y = [], []
        for r in part:
            if r["end"]:
                seg_x += [r["start"], r["end"], None]
                seg_y += [r["label"], r["label"], None]
        traces.append({"role": role, "ids": [r["id"] for r in part], "names": [r["label"] for r in part],
                       "start": [r["start"] for r in part], "end": [r["end"] for r in part],
                       "seg_x": seg_x, "seg_y": seg_y, "hover": [r["hover"] for r in part]})
    title, as_of, x_range = _timeline_frame()
    return {"traces": traces, "names": [r["label"] for r in ops], "title": title, "as_of": as_of,
            "x_range": list(x_range)}


@per_catalog
def _timeline_frame() -> tuple[str, str, tuple[str, str]]:
    """The timeline's title, its as-of date and its fixed date range (20 days either side)."""
    all_ops = load("operations")
    as_of = iso_date(max(all_ops["start"].max(), all_ops["end"].max()))
    what = "Federal immigration operations and surges, by local agencies' role"
    first = all_ops["start"].min() - pd.Timedelta(days=20)
    last = max(all_ops["start"].max(), all_ops["end"].max()) + pd.Timedelta(days=20)
    return chart_title(what, "start and end dates", as_of), as_of, (iso_date(first), iso_date(last))


def timeline_figure(roles=None, states=None, data: dict | None = None):
    """The timeline as a complete plotly Figure: one marker trace per role (the legend) and
    one line trace per role for the reported span; ``data`` is ``timeline_data(roles, states)``
    if already built. The view wraps it with ``figure_widget``."""
    import plotly.graph_objects as go

    data = data or timeline_data(roles, states)
    fig = go.Figure()
    for t in data["traces"]:
        role = t["role"]
        fig.add_trace(go.Scatter(x=t["seg_x"], y=t["seg_y"], mode="lines", legendgroup=role, showlegend=False,
                                 hoverinfo="skip", line={"color": ROLE_COLOURS[role], "width": 6},
                                 name=f"{ROLE_LABELS[role]} (span)"))
    for t in data["traces"]:
        role = t["role"]
        fig.add_trace(go.Scatter(x=t["start"], y=t["names"], mode="markers", legendgroup=role,
                                 name=f"{ROLE_LABELS[role]} ({ROLE_SHAPES[ROLE_SYMBOLS[role]]})",
                                 marker={"symbol": ROLE_SYMBOLS[role], "size": 14, "color": ROLE_COLOURS[role],
                                         "line": {"color": PALETTE["black"], "width": 1}},
                                 hovertext=t["hover"], hoverinfo="text", customdata=t["ids"]))
    apply_style(fig, data["title"])
    _layout(fig, data)
    return fig


def timeline_json(roles=None, states=None, data: dict | None = None) -> dict:
    """``timeline_figure(roles, states, data).to_plotly_json()`` without building a Figure:
    the filtered operations put into the frame (styles, legend, title, date range) that
    every filter shares. The view hands it to ``figures.redraw`` on each change."""
    data = data or timeline_data(roles, states)
    frame = _timeline_json_frame()
    lines, markers = frame["data"][:len(ROLES)], frame["data"][len(ROLES):]
    traces = [{**line, "x": list(t["seg_x"]), "y": list(t["seg_y"])} for line, t in zip(lines, data["traces"])]
    traces += [{**marker, "x": list(t["start"]), "y": list(t["names"]), "hovertext": list(t["hover"]),
                "customdata": list(t["ids"])} for marker, t in zip(markers, data["traces"])]
    layout = frame["layout"]
    return {"data": traces, "layout": {**layout, "height": _height(data),
                                       "yaxis": {**layout["yaxis"], "categoryarray": list(reversed(data["names"]))}}}


@per_catalog
def _timeline_json_frame() -> dict:
    """The timeline with no operation: what every filter shares (read-only)."""
    data = timeline_data([])
    return timeline_figure(data=data).to_plotly_json()


def _height(data) -> int:
    return 220 + 34 * max(len(data["names"]), 1)


def _layout(fig, data) -> None:
    fig.update_layout(height=_height(data), xaxis_title="date (marker: start; bar: to the reported end)",
                      legend={"orientation": "h", "y": -0.25, "title": {"text": "Local agencies' role:"}})
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(data["names"])), automargin=True,
                     title=None)
    # a fixed range, so filtering never rescales the axis and positions stay comparable
    fig.update_xaxes(type="date", range=data["x_range"])


def timeline_summary(roles=None, states=None) -> str:
    """One sentence describing what the timeline shows, computed from the filtered rows."""
    ops = _selected(roles, states)
    if not ops:
        return "No operation in the course table matches these filters."
    by_role = Counter(r["role"] for r in ops)
    parts = "; ".join(f"{ROLE_PHRASES[r]}: {by_role[r]}" for r in ROLES if r in by_role)
    open_end = sum(1 for r in ops if not r["end"])
    first, last = ops[0], ops[-1]
    codes = {r["state"] for r in ops}
    places = len(codes)
    where = f"{places} state{'s' if places != 1 else ''}" + (" (counting DC)" if "DC" in codes else "")
    if len(ops) == 1:
        when = f"starting {first['start']}"
        what = f"1 operation ({first['name']}) in {where}"
    else:
        when = (f"starting between {first['start']} ({first['name']}) and "
                f"{last['start']} ({last['name']})")
        what = f"{len(ops)} operations in {where}"
    return (f"{what}, {when}. Local agencies' role: {parts}. "
            f"{open_end} of {len(ops)} ha{'ve' if len(ops) != 1 else 's'} no reported end date.")


def operations_html(roles=None, states=None) -> str:
    """The filtered operations as accessible HTML: what local agencies did, litigation,
    reported arrest figures with who reported them, and sources as links."""
    ops = _selected(roles, states)
    if not ops:
        return "<p>No operation matches these filters.</p>"
    return f"<p><small>{escape(COUNTS_NOTE)}</small></p>" + "".join(r["html"] for r in ops)


# -- 2. contested incidents ------------------------------------------------------------

def incidents() -> pd.DataFrame:
    """One row per incident with accounts: ``incident_id``, ``incident``, ``incident_date``,
    ``n_accounts`` and ``n_party_types``, oldest first."""
    return _incidents().copy()


@per_catalog
def _incidents() -> pd.DataFrame:
    acc = load("accounts")
    out = (acc.groupby(["incident_id", "incident", "incident_date"], as_index=False)
           .agg(n_accounts=("account_id", "size"), n_party_types=("party_type", "nunique")))
    return out.sort_values(["incident_date", "incident_id"]).reset_index(drop=True)


@per_catalog
def _incident_ids() -> tuple[str, ...]:
    return tuple(_incidents()["incident_id"])


def _group(party_type: str) -> str:
    return party_type if party_type in GROUPS else "other"


def accounts_for(incident_id: str) -> pd.DataFrame:
    """Every party's account of one incident, grouped: federal, state, county, city, then
    other (prosecutors, courts, witnesses, family, advocates, media).

    Columns: ``group``, ``party``, ``party_type``, ``statement_date``, ``account``,
    ``source_id``, ``citation``. Within a group, accounts are in date order. Raises
    ValueError listing the accepted incident ids.
    """
    check_choice(incident_id, _incident_ids(), "incident")
    acc = load("accounts")
    rows = acc[acc["incident_id"] == incident_id].copy()
    rows["group"] = rows["party_type"].map(_group)
    rows["_g"] = rows["group"].map(GROUPS.index)
    rows["_t"] = rows["party_type"].map(PARTY_ORDER.index)
    rows = rows.sort_values(["_g", "_t", "statement_date", "account_id"])
    rows["citation"] = rows["source_id"].map(cite)
    cols = ["group", "party", "party_type", "statement_date", "account", "source_id", "citation"]
    return rows[cols].reset_index(drop=True)


def accounts_summary(incident_id: str) -> str:
    """One sentence: how many accounts, from which kinds of party, over which dates."""
    check_choice(incident_id, _incident_ids(), "incident")
    return _accounts_texts(incident_id)[0]


def accounts_html(incident_id: str) -> str:
    """The accounts as an HTML table: one row per group of parties (federal, state, county,
    city, other), each account with party, type, date, what was said and the cited source."""
    check_choice(incident_id, _incident_ids(), "incident")
    return _accounts_texts(incident_id)[1]


def _accounts_texts(incident_id: str) -> tuple[str, str]:
    """The summary sentence and the HTML table of one incident's accounts."""
    return _all_accounts_texts()[incident_id]


@per_catalog
def _all_accounts_texts() -> dict[str, tuple[str, str]]:
    """Every incident's summary and accounts table, from one pass over the table. Rows are
    grouped and ordered as in ``accounts_for`` (group, kind of party, date, account id)."""
    names = {r["incident_id"]: r["incident"] for r in _incidents().to_dict("records")}
    dates = {r["incident_id"]: r["incident_date"] for r in _incidents().to_dict("records")}
    urls = load("sources").set_index("source_id")["url"]
    by_incident: dict = {}
    for r in load("accounts").to_dict("records"):
        by_incident.setdefault(r["incident_id"], []).append({**r, "group": _group(r["party_type"])})
    out = {}
    for incident_id, rows in by_incident.items():
        rows.sort(key=lambda r: (GROUPS.index(r["group"]), PARTY_ORDER.index(r["party_type"]),
                                 r["statement_date"], r["account_id"]))
        for r in rows:
            r["citation"] = cite(r["source_id"])
        out[incident_id] = (_accounts_summary(names[incident_id], dates[incident_id], rows),
                            _accounts_html(names[incident_id], rows, urls))
    return out


def _accounts_summary(incident: str, incident_date, rows: list[dict]) -> str:
    groups = Counter(r["group"] for r in rows)
    parts = ", ".join(f"{groups[g]} {g}" for g in GROUPS if g in groups)
    stated = [r["statement_date"] for r in rows]
    return (f"{len(rows)} accounts of '{incident}' ({iso_date(incident_date)}): {parts}; "
            f"given between {iso_date(min(stated))} and {iso_date(max(stated))}.")


def _accounts_html(incident: str, rows: list[dict], urls) -> str:
    body = []
    for g in GROUPS:
        part = [r for r in rows if r["group"] == g]
        if not part:
            cell = "<em>No account from this kind of party in the course table.</em>"
        else:
            cell = "".join(
                f"<div style='margin:0 0 8px 0'><strong>{escape(r['party'])}</strong> "
                f"<small>({escape(r['party_type'])}; stated {iso_date(r['statement_date'])})</small><br>"
                f"{escape(r['account'])}<br><small>Source: <a href='{escape(str(urls.get(r['source_id'], '')))}' "
                f"target='_blank' rel='noopener'>{escape(r['citation'])}</a></small></div>"
                for r in part)
        body.append(f"<tr><th scope='row' style='vertical-align:top;text-align:left;width:9em;padding:4px'>"
                    f"{escape(GROUP_LABELS[g])}</th><td style='vertical-align:top;padding:4px'>{cell}</td></tr>")
    caption = f"Accounts of {incident}, by kind of party"
    return (f"<p role='note' style='border-left:4px solid {PALETTE['vermillion']};padding-left:8px'>"
            f"{escape(ACCOUNTS_NOTE)}</p>"
            "<table class='immfed-accounts' style='border-collapse:collapse;font-size:0.92em'>"
            f"<caption style='text-align:left'>{escape(caption)}</caption>"
            "<thead><tr><th scope='col'>Party</th><th scope='col'>Accounts, as stated</th></tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


# -- the view ---------------------------------------------------------------------------

TABS = ("Operations timeline", "Contested incidents")


class AccountsView:
    """Pick an incident, read every party's account grouped by kind of party. No chart,
    so it can appear on its own in a lesson without a second FigureWidget."""

    def __init__(self, incident: str | None = None):
        import ipywidgets as w

        ids = _incidents()
        incident = incident or ids["incident_id"].iloc[-1]
        check_choice(incident, tuple(ids["incident_id"]), "incident")
        self.incident = w.Dropdown(options=[(f"{iso_date(r['incident_date'])}: {r['incident']}", r["incident_id"])
                                            for _, r in ids.iterrows()], value=incident,
                                   description="Incident:", layout={"width": "95%"})
        self.summary, self.accounts = w.HTML(), w.HTML()
        self.refresh()
        self.incident.observe(self.refresh, names="value")
        self.widget = w.VBox([self.incident, self.summary, self.accounts])
        self.widget.view = self

    def refresh(self, *_):
        try:
            self.summary.value = f"<p role='status'>{escape(accounts_summary(self.incident.value))}</p>"
            self.accounts.value = accounts_html(self.incident.value)
        except ValueError as exc:  # a dropdown cannot produce this; kept so a bad value never shows a traceback
            self.summary.value, self.accounts.value = alert_html(exc), ""


class OperationsExplorer:
    """The widget behind ``explore_operations()``. Controls and the figure are attributes
    so tests and instructors can drive it (``ex.state.value = "MN"``)."""

    def __init__(self, roles=None, state: str = "all", incident: str | None = None):
        import ipywidgets as w

        roles = list(ROLES) if roles is None else _as_list(roles, "roles")
        operations_frame(roles, None if state == "all" else state)  # validate before building
        self.role_boxes = {r: w.Checkbox(value=r in roles, description=f"{ROLE_LABELS[r]} "
                                         f"[{ROLE_SHAPES[ROLE_SYMBOLS[r]]}]", indent=False,
                                         layout={"width": "auto"}) for r in ROLES}
        self.state = w.Dropdown(options=[("all states", "all")] + [(f"{ALL_CODES[c]} ({c})", c)
                                                                   for c in states_in_table()],
                                value=state, description="State:")
        self.summary, self.details, self.message = w.HTML(), w.HTML(), w.HTML()
        self.fig = figure_widget(timeline_figure(*self._filters()))
        self.accounts_view = AccountsView(incident)
        # the accounts controls are exposed here too, so one object drives both tabs
        self.incident, self.accounts_summary, self.accounts = (
            self.accounts_view.incident, self.accounts_view.summary, self.accounts_view.accounts)
        self._refresh()
        for box in self.role_boxes.values():
            box.observe(self._refresh, names="value")
        self.state.observe(self._refresh, names="value")

        legend = " ".join(f"<span style='color:{ROLE_COLOURS[r]}'>\u25a0</span> {escape(ROLE_LABELS[r])} "
                          f"({ROLE_SHAPES[ROLE_SYMBOLS[r]]})" for r in ROLES)
        timeline = w.VBox([w.HTML("<strong>Show operations where local agencies:</strong>"),
                           w.HBox(list(self.role_boxes.values()), layout={"flex_flow": "row wrap"}),
                           self.state, self.message, self.summary, self.fig,
                           w.HTML(f"<small>Marker shape and colour both show the local role: {legend}. "
                                  "Open an operation below for details and sources.</small>"), self.details])
        contested = self.accounts_view.widget
        self.tabs = w.Tab(children=[timeline, contested])
        for i, name in enumerate(TABS):
            self.tabs.set_title(i, name)
        self.widget = w.VBox([self.tabs])
        self.widget.explorer = self

    def _filters(self):
        roles = [r for r, box in self.role_boxes.items() if box.value]
        return roles, (None if self.state.value == "all" else [self.state.value])

    def _refresh(self, *_):
        roles, states = self._filters()
        try:
            data = timeline_data(roles, states)
        except ValueError as exc:  # not reachable from the controls; kept so a bad value never shows a traceback
            self.message.value = alert_html(exc)
            return
        self.message.value = ("" if roles else alert_html("Tick at least one role to show operations."))
        redraw(self.fig, timeline_json(roles, states, data))
        self.summary.value = f"<p role='status'>{escape(timeline_summary(roles, states))}</p>"
        self.details.value = operations_html(roles, states)



def explore_operations(roles=None, state: str = "all", incident: str | None = None, tab: str = TABS[0]):
    """A timeline of 2025-26 federal immigration operations, coloured and shaped by what
    local agencies did (filter by role and state; open each for details and sources), and
    a contested-incidents view showing every party's account side by side.

    ``roles``: None (all) or a list of ROLES; ``state``: "all" or a code in the table;
    ``incident``: an incident id (default: the most recent); ``tab``: one of TABS.
    """
    check_choice(tab, TABS, "tab")
    if state != "all":
        check_choice(state, states_in_table(), "state")
    explorer = OperationsExplorer(roles, state, incident)
    explorer.tabs.selected_index = TABS.index(tab)
    return explorer.widget


def explore_accounts(incident: str = "mpls_good_20260107"):
    """Every party's account of one contested incident, side by side by kind of party
    (federal, state, county, city, other), each with its date and cited source. Pick
    another incident from the dropdown. Raises ValueError for an unknown incident id."""
    return AccountsView(incident).widget
