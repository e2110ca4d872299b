"""Capstone: a cited profile of one state (or territory), and a policy-memo template.

``state_profile(code)`` gathers, from the shipped tables only, what the course knows
about one place: its 287(g) agreements by model on each ICE sheet, its state laws on
cooperation with ICE, what the detainer assessor says a local jail there may do, joint
operations recorded there, ICE arrests per 100,000 residents (from ``state_outcomes``,
when that table is installed) and, when the user has refreshed the ICE sheet, the
agencies that hold agreements. Every fact carries the source ids behind it.

``profile_markdown`` and ``memo_template`` turn a profile into cited Markdown;
``explore_profile`` is a thin ipywidgets view with one small FigureWidget.

An absence is stated, never left blank: "none recorded as of <date>" means the course's
table holds no row, which is a statement about the course data, not proof that nothing
exists. Such lines are marked ``absence=True`` and cite only what they can (for example
the ICE sheet that lists no agency in the state).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import pandas as pd

from immfed.data import cite, load, tables
from immfed.data.states import ALL_CODES

from .models import agreement_counts, state_code as _state_code
from .figures import figure_widget, redraw
from .style import MODEL_COLOURS, MODEL_NAMES, apply_style, chart_title
from .text import alert_html, iso_date

MODELS = ("jem", "wso", "tfm")
REQUESTS = {
    "detainer": "an ICE detainer request alone (Form I-247A)",
    "detainer_with_admin_warrant": "a detainer with an ICE administrative warrant (Form I-200 or I-205)",
    "judicial_warrant": "a warrant signed by a judge",
}
DETAINER_CUSTODY = "release_due"
SECTION_TITLES = {
    "agreements": "287(g) agreements by model",
    "laws": "State laws on cooperation with ICE",
    "detainers": "What happens on a detainer",
    "operations": "Joint operations and surges",
    "outcomes": "ICE arrests per 100,000 residents",
    "agencies": "Agencies holding agreements",
}
REFRESH_HINT = ("run `immfed data refresh-287g <ICE sheet .xlsx or its URL>` with a participating-agencies "
                "sheet downloaded from ICE's 287(g) page, then run this cell again")


@dataclass(frozen=True)
class Fact:
    """One statement and the source ids that support it. ``absence`` marks a
    'none recorded' line (a fact about the course data, not about the world)."""

    text: str
    source_ids: tuple[str, ...] = ()
    absence: bool = False


@dataclass
class Section:
    """A titled list of facts; ``limits`` says in plain words what the section cannot show."""

    key: str
    title: str
    facts: list[Fact] = field(default_factory=list)
    limits: str = ""


@dataclass
class Profile:
    """Everything the course data says about one place, section by section."""

    code: str
    name: str
    as_of: str
    sections: list[Section]
    counts: list[dict]

    def section(self, key: str) -> Section:
        """The section called ``key`` (one of SECTION_TITLES)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise ValueError(f"No section {key!r}. Accepted: {', '.join(SECTION_TITLES)}.")

    def source_ids(self) -> list[str]:
        """Every source id cited anywhere in the profile, in order of first use."""
        seen: list[str] = []
        for s in self.sections:
            for f in s.facts:
                seen.extend(i for i in f.source_ids if i not in seen)
        return seen


def _state(value) -> str:
    """Two-letter code from a code or name; ValueError lists the accepted codes."""
    try:
        return _state_code(value)
    except ValueError:
        raise ValueError(f"Unknown state {value!r}. Accepted codes: {', '.join(sorted(ALL_CODES))} "
                         "(or a full name such as 'Texas').") from None


def state_choices() -> list[tuple[str, str]]:
    """(label, code) pairs for a dropdown, sorted by name."""
    return sorted(((f"{name} ({code})", code) for code, name in ALL_CODES.items()), key=lambda p: p[0])


# -- agreements ---------------------------------------------------------------------------

def _split(c: dict) -> str:
    return ", ".join(f"{c[m]:,} {m.upper()}" for m in MODELS)


def _agreements_section(name: str, counts: list[dict]) -> Section:
    sec = Section("agreements", SECTION_TITLES["agreements"],
                  limits=("An agreement is one agency x one model (a row on ICE's sheet); one agency can hold "
                          "several. The count says who signed, not how often the powers are used."))
    present = [c for c in counts if c["total"] is not None]
    dates = [c["snapshot"] for c in counts]
    if not present:
        sec.facts.append(Fact(f"None recorded: the course's state breakdowns of ICE's sheets ({', '.join(dates)}) "
                              f"have no row for {name}, so no count is recorded as of {dates[-1]} "
                              "(not the same as zero).", (), True))
        return sec
    last = present[-1]
    if last["total"] == 0:
        sec.facts.append(Fact(f"None recorded as of {last['snapshot']}: ICE's participating-agencies sheet of that "
                              f"date lists no 287(g) agreement in {name}.", (last["source_id"],), True))
    else:
        sec.facts.append(Fact(f"ICE's sheet of {last['snapshot']} lists {last['total']:,} agreements in {name}: "
                              f"{_split(last)}.", (last["source_id"],)))
    first = present[0]
    if first is not last:
        if last["total"] == first["total"]:
            how = f"stayed at {last['total']:,} from {first['snapshot']} to {last['snapshot']}"
        else:
            how = (f"{'rose' if last['total'] > first['total'] else 'fell'} from {first['total']:,} "
                   f"({first['snapshot']}: {_split(first)}) to {last['total']:,} ({last['snapshot']})")
        sec.facts.append(Fact(f"Across the {len(present)} ICE sheets in the course data with a row for {name}, the "
                              f"total {how}.",
                              tuple(dict.fromkeys(c["source_id"] for c in (first, last)))))
    for c in present:
        if c["note"]:
            sec.facts.append(Fact(f"Note on the {c['snapshot']} count: {c['note']}", (c["source_id"],)))
    return sec


# -- laws ---------------------------------------------------------------------------------

def _laws_section(code: str, name: str) -> Section:
    laws = load("state_laws")
    as_of = iso_date(laws["as_of"].max())
    mine = laws[laws["state_code"] == code].sort_values(["year", "law_id"])
    sec = Section("laws", SECTION_TITLES["laws"],
                  limits="The course records state-level laws only; county and city policies are not in the table.")
    if mine.empty:
        sec.facts.append(Fact(f"None recorded as of {as_of}: the course's state-law table ({len(laws)} laws in "
                              f"{laws['state_code'].nunique()} states) has no law for {name}. Check the state "
                              "legislature's site before concluding there is none.", (), True))
    for _, r in mine.iterrows():
        label = str(r["name"])
        # skip parts the name or the citation already carries
        extra = [str(v) for v in (r["bill"], r["year"])
                 if pd.notna(v) and str(v) not in label and not str(r["citation"]).startswith(str(v))]
        label += f" ({', '.join(extra)})" if extra else ""
        status = str(r["status"]).replace("_", " ")
        sec.facts.append(Fact(f"{label}, {r['citation']}: {r['summary']} Status: {status}; "
                              f"{str(r['direction'])} cooperation ({str(r['mechanism']).replace('_', ' ')}).",
                              (str(r["source_id"]),)))
    return sec


# -- detainers ----------------------------------------------------------------------------

def _resolve_ids(ids) -> tuple[str, ...]:
    """Turn authority ids (rows of ``authorities`` or ``state_laws``) or source ids into source ids."""
    sources = set(load("sources")["source_id"])
    auth = load("authorities").set_index("authority_id")["source_id"]
    laws = load("state_laws").set_index("law_id")["source_id"]
    out: list[str] = []
    for i in ids or ():
        i = str(i)
        sid = i if i in sources else auth.get(i) if i in auth.index else laws.get(i) if i in laws.index else None
        if sid is not None and str(sid) not in out:
            out.append(str(sid))
    return tuple(out)


def _detainers_section(code: str, name: str) -> Section:
    sec = Section("detainers", SECTION_TITLES["detainers"],
                  limits=("The assessor reads state law and the federal rules; a county or sheriff may go further "
                          "than state law requires, and unsettled questions are marked as such."))
    try:
        from immfed.widgets.detainers import assess_detainer  # written alongside lesson 04
    except ImportError:
        sec.facts.append(Fact("The detainer assessor (lesson 04) is not installed in this copy of the course.",
                              (), True))
        return sec
    results = {}
    for request in REQUESTS:
        try:
            results[request] = assess_detainer(code, request, DETAINER_CUSTODY)
        except ValueError as exc:
            sec.facts.append(Fact(f"No assessment for {name}: {exc}", (), True))
            return sec
    reasons = {r: [str(x).strip() for x in (a.reasons or []) if str(x).strip()] for r, a in results.items()}
    # Reasons shared by all three answers (the custody situation) are stated once, first.
    shared = 0
    while all(len(v) > shared for v in reasons.values()) and len({v[shared] for v in reasons.values()}) == 1:
        shared += 1
    if shared:
        common = set.intersection(*(set(_resolve_ids(a.authority_ids)) for a in results.values()))
        lead_ids = tuple(i for i in _resolve_ids(results["detainer"].authority_ids) if i in common)
        sec.facts.append(Fact("The situation assessed: " + " ".join(x.rstrip(".") + "." for x in
                              next(iter(reasons.values()))[:shared]), lead_ids or ("cfr_8_287_7",)))
    for request, words in REQUESTS.items():
        a, own = results[request], reasons[request][shared:]
        text = f"Keeping the person for ICE on {words}: **{a.answer}**."
        # the first reason is the rule for this state; 'Not counted' lines flag vetoed or enjoined laws
        shown = own[:1] + [x for x in own[1:] if x.startswith("Not counted") or "territorial" in x]
        text += "".join(" " + x.rstrip(".") + "." for x in shown)
        if len(own) > len(shown):
            text += f" (Lesson 04's detainer tool gives {len(own) - len(shown)} further reasons.)"
        ids = _resolve_ids([*a.authority_ids, *getattr(a, "source_ids", [])])
        sec.facts.append(Fact(text, ids))
    return sec


# -- operations ---------------------------------------------------------------------------

def _operations_section(code: str, name: str) -> Section:
    ops = load("operations")
    latest = iso_date(pd.concat([ops["start"], ops["end"]]).max())
    mine = ops[ops["state_code"] == code].sort_values("start")
    sec = Section("operations", SECTION_TITLES["operations"],
                  limits=("The table holds a small set of widely reported operations, not every ICE action; "
                          "arrest figures for them are in the lesson 05 table."))
    if mine.empty:
        sec.facts.append(Fact(f"None recorded as of {latest}: the course's operations table ({len(ops)} operations) "
                              f"has none in {name}.", (), True))
    for _, r in mine.iterrows():
        when = iso_date(r["start"]) + (f" to {iso_date(r['end'])}" if pd.notna(r["end"]) else " (end date not recorded)")
        sec.facts.append(Fact(f"{str(r['name']).strip(chr(34))} ({r['place']}, {when}; {r['federal_agencies']}): "
                              f"local role recorded as '{r['local_role']}'. {r['local_role_detail']}",
                              (str(r["source_id"]),)))
    return sec


# -- outcomes -----------------------------------------------------------------------------

METRIC_LABELS = {"ice_admin_arrests": "ICE administrative arrests"}
OUTCOME_LIMITS = (
    "What it can show: how many arrests the cited source attributes to this state over the period, scaled by "
    "the state's whole resident population so that states of different size can be set side by side. What it "
    "cannot show: whether an arrest began in a local jail, on the street or through a 287(g) agency; where the "
    "person lived; the noncitizen population at risk (the denominator is all residents); or whether a state law "
    "caused a higher or lower rate. Compare only rows with the same metric, period and method.")


def _outcomes_section(code: str, name: str) -> Section:
    sec = Section("outcomes", SECTION_TITLES["outcomes"], limits=OUTCOME_LIMITS)
    if "state_outcomes" not in tables():
        sec.facts.append(Fact("The state_outcomes table is not in this copy of the course data, so no rate is "
                              "shown.", (), True))
        return sec
    table = load("state_outcomes")
    mine = table[table["state_code"] == code].sort_values(["period_start", "metric"])
    if mine.empty:
        latest = iso_date(table["period_end"].max()) if len(table) else "the table's date"
        sec.facts.append(Fact(f"None recorded as of {latest}: the course's state_outcomes table has no row for "
                              f"{name}.", (), True))
    for _, r in mine.iterrows():
        metric = METRIC_LABELS.get(str(r["metric"]), str(r["metric"]).replace("_", " "))
        period = f"{iso_date(r['period_start'])} to {iso_date(r['period_end'])}"
        ids = [str(r["source_id"])]
        if pd.notna(r["population_source_id"]) and str(r["population_source_id"]):
            ids.append(str(r["population_source_id"]))
        ids = tuple(dict.fromkeys(ids))
        text = f"{metric} recorded in {name}, {period}: {int(r['count']):,}" if pd.notna(r["count"]) else \
            f"{metric} recorded in {name}, {period}"
        if pd.notna(r["per_100k"]):
            text += f", or {float(r['per_100k']):,.1f} per 100,000 residents"
            if pd.notna(r["population"]):
                text += f" (population {int(r['population']):,})"
        text += "."
        if pd.notna(r["derived_by"]) and str(r["derived_by"]):
            text += f" Counted by {r['derived_by']}."
        sec.facts.append(Fact(text, ids))
        # rank among the places with the same metric and period, so the rate has a yardstick
        peers = table[(table["metric"] == r["metric"]) & (table["period_start"] == r["period_start"])
                      & (table["period_end"] == r["period_end"])].dropna(subset=["per_100k"])
        if pd.notna(r["per_100k"]) and len(peers) > 1:
            higher = int((peers["per_100k"] > r["per_100k"]).sum())
            median = float(peers["per_100k"].median())
            sec.facts.append(Fact(f"On this rate {name} ranks {higher + 1} of the {len(peers)} places in the table for "
                                  f"the same period (1 = highest); the median was {median:,.1f} per 100,000.", ids))
        extra = [f"How the figure was built: {r['method']}" if pd.notna(r["method"]) else "",
                 f"Caveats recorded with it: {r['note']}" if pd.notna(r["note"]) else ""]
        sec.limits = " ".join([OUTCOME_LIMITS, *[e for e in extra if e]])
    return sec


# -- agencies -----------------------------------------------------------------------------

def agency_table(code) -> pd.DataFrame:
    """Agencies in the state on the user's latest refreshed ICE sheet (empty if none was refreshed)."""
    from immfed.data.refresh import load_agencies

    code = _state(code)
    agencies = load_agencies()
    return agencies[agencies["state_code"] == code].sort_values(["agency", "model"]).reset_index(drop=True)


def _agencies_section(code: str, name: str) -> Section:
    agencies = agency_table(code)
    sec = Section("agencies", SECTION_TITLES["agencies"],
                  limits="Agency rows come only from an ICE sheet you refreshed yourself; the course ships none.")
    if agencies.empty:
        from immfed.data.refresh import load_agencies

        if load_agencies().empty:
            sec.facts.append(Fact("No agency-level table is installed (the course ships state counts only). "
                                  f"To list {name}'s agencies, {REFRESH_HINT}.", (), True))
        else:
            sec.facts.append(Fact(f"None recorded: your refreshed ICE sheet lists no agency in {name}.", (), True))
        return sec
    for (agency, county), rows in agencies.groupby(["agency", "county"], dropna=False, sort=True):
        models = ", ".join(sorted(str(m).upper() for m in rows["model"]))
        where = f" ({county})" if pd.notna(county) and str(county) else ""
        snap = iso_date(rows["snapshot"].iloc[0])
        sec.facts.append(Fact(f"{agency}{where}: {models} on ICE's sheet of {snap}.",
                              tuple(dict.fromkeys(str(s) for s in rows["source_id"]))))
    return sec


# -- the profile --------------------------------------------------------------------------

def state_profile(state_code) -> Profile:
    """Build the cited profile of one state or territory (code like "TX" or a name).

    Raises ValueError listing the accepted codes for anything else.
    """
    code = _state(state_code)
    name = ALL_CODES[code]
    counts = agreement_counts(code)
    sections = [_agreements_section(name, counts), _laws_section(code, name), _detainers_section(code, name),
                _operations_section(code, name), _outcomes_section(code, name), _agencies_section(code, name)]
    return Profile(code, name, counts[-1]["snapshot"], sections, counts)


def _profile(value) -> Profile:
    return value if isinstance(value, Profile) else state_profile(value)


def _marks(ids) -> str:
    return f" [{'; '.join('@' + i for i in ids)}]" if ids else ""


def references_markdown(ids) -> str:
    """A Markdown reference list, each entry resolved through ``immfed.data.cite``."""
    return "\n".join(f"- **{i}**: {cite(i)}" for i in ids) or "- (no sources cited)"


def profile_markdown(profile) -> str:
    """The profile (a Profile, or a state code) as cited Markdown with a reference list."""
    p = _profile(profile)
    lines = [f"## {p.name} ({p.code}): profile", "",
             f"*Built from the course data; 287(g) counts as of ICE's sheet of {p.as_of}. Bracketed "
             "markers point to the references below. 'None recorded' describes the course data, not the world.*", ""]
    for s in p.sections:
        lines += [f"### {s.title}", ""]
        lines += [f"- {f.text}{_marks(f.source_ids)}" for f in s.facts]
        if s.limits:
            lines += ["", f"*Limits:* {s.limits}"]
        lines.append("")
    lines += ["### References", "", references_markdown(p.source_ids())]
    return "\n".join(lines)


def memo_template(state_code) -> str:
    """A policy-memo skeleton in Markdown for one state: the profile's key facts and their
    citations prefilled, and blank headings for the student's own analysis."""
    return _memo_markdown(state_profile(state_code))


def _memo_markdown(p: Profile) -> str:
    blank = "_(write here)_"
    lines = [f"# Policy memo: {p.name}", "",
             f"**To:** {blank}  ", f"**From:** {blank}  ", f"**Date:** {blank}  ",
             f"*Facts below are from the course data (287(g) counts as of {p.as_of}); check each source before "
             "you rely on it, and add any you find.*", "",
             "## 1. Question", "",
             f"One question a decision-maker in {p.name} must answer (for example a county board deciding whether "
             f"to sign, renew or end a 287(g) agreement, or a sheriff deciding how to answer detainers). {blank}", "",
             "## 2. Facts, with citations", ""]
    for s in p.sections:
        lines.append(f"**{s.title}**")
        lines += [f"- {f.text}{_marks(f.source_ids)}" for f in s.facts]
        lines.append("")
    lines += ["## 3. Options", "", f"1. {blank}", f"2. {blank}", f"3. {blank}", "",
              "## 4. Each side's strongest argument", "",
              f"- Supporters of closer cooperation with ICE, in their own terms, with a citation: {blank}",
              f"- Opponents of closer cooperation, in their own terms, with a citation: {blank}",
              f"- Anyone else with a stake (prosecutors, jail administrators, victims' advocates): {blank}", "",
              "## 5. Recommendation", "", blank, "",
              "## 6. What would change your mind", "",
              f"Name a fact or a court ruling that, if it turned out differently, would change your recommendation. "
              f"{blank}", "",
              "## References", "", references_markdown(p.source_ids())]
    return "\n".join(lines)


# -- chart --------------------------------------------------------------------------------

def figure_data(state_code) -> dict:
    """Bars of the state's agreements by model on each ICE sheet, with a title and summary."""
    code = _state(state_code)
    name = ALL_CODES[code]
    counts = agreement_counts(code)
    x = [c["snapshot"] for c in counts]
    y = {m: [c[m] for c in counts] for m in MODELS}
    title = chart_title(f"287(g) agreements in {name}, by model", "agreements", x[-1])
    return {"code": code, "name": name, "x": x, "y": y, "title": title,
            "summary": figure_summary(code, counts)}


def figure_summary(state_code, counts: list[dict] | None = None) -> str:
    """One sentence on the chart, computed from the counts it draws."""
    code = _state(state_code)
    name = ALL_CODES[code]
    counts = counts or agreement_counts(code)
    present = [c for c in counts if c["total"] is not None]
    if not present:
        return f"The course data has no row for {name} on any of the {len(counts)} ICE sheets, so nothing is drawn."
    first, last = present[0], present[-1]
    if last["total"] == 0 and first["total"] == 0:
        return f"ICE's sheets from {first['snapshot']} to {last['snapshot']} list no 287(g) agreement in {name}."
    lead = max(MODELS, key=lambda m: last[m])
    share = f"; {MODEL_NAMES[lead]} agreements were the largest group ({last[lead]:,})" if last["total"] else ""
    return (f"In {name}, 287(g) agreements went from {first['total']:,} on ICE's sheet of {first['snapshot']} to "
            f"{last['total']:,} on {last['snapshot']}{share}.")


def profile_html(profile) -> str:
    """The profile as accessible HTML (headings, lists, reference list)."""
    import re

    p = _profile(profile)

    def inline(text: str) -> str:
        return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", re.sub(r"`(.+?)`", r"<code>\1</code>", escape(text)))

    parts = [f"<h3>{escape(p.name)} ({p.code}): profile</h3>",
             f"<p><em>287(g) counts as of ICE's sheet of {p.as_of}. Source ids in brackets are listed at the "
             "end. 'None recorded' describes the course data, not the world.</em></p>"]
    for s in p.sections:
        items = "".join(f"<li>{inline(f.text)}{escape(_marks(f.source_ids))}</li>" for f in s.facts)
        parts.append(f"<h4>{escape(s.title)}</h4><ul>{items}</ul>")
        if s.limits:
            parts.append(f"<p><small><em>Limits:</em> {inline(s.limits)}</small></p>")
    refs = "".join(f"<li><strong>{escape(i)}</strong>: {escape(cite(i))}</li>" for i in p.source_ids())
    parts.append(f"<h4>References</h4><ul>{refs}</ul>")
    return "".join(parts)


def profile_figure(code: str, data: dict | None = None):
    """One state's agreements by model on each ICE sheet, as a complete stacked-bar plotly
    Figure (title with unit and date, axis titles, height); ``data`` is ``figure_data(code)``."""
    import plotly.graph_objects as go

    d = data or figure_data(code)
    fig = go.Figure(data=[go.Bar(name=f"{MODEL_NAMES[m]} ({m.upper()})", x=d["x"], y=d["y"][m],
                                 marker={"color": MODEL_COLOURS[m]},
                                 hovertemplate="%{x}: %{y} agreements<extra>" + m.upper() + "</extra>")
                          for m in MODELS])
    apply_style(fig, d["title"])
    fig.update_layout(barmode="stack", height=340, width=620,
                      xaxis={"type": "category", "title": "ICE sheet (date)"}, yaxis={"title": "agreements"},
                      legend={"orientation": "h", "y": -0.3})
    return fig


# -- the view -----------------------------------------------------------------------------

class ProfileExplorer:
    """Dropdown -> chart, summary, profile text and memo text area (all updated in place)."""

    def __init__(self, state: str = "TX"):
        import ipywidgets as w

        self.message = w.HTML()
        try:
            code = _state(state)
        except ValueError as exc:
            self.message.value = alert_html(exc)
            code = "TX"
        self.state = w.Dropdown(options=state_choices(), value=code, description="State",
                                style={"description_width": "initial"})
        d = figure_data(code)
        self.fig = figure_widget(profile_figure(code, d))
        self.summary = w.HTML()
        self.profile = w.HTML()
        self.memo = w.Textarea(description="Memo (copy)", layout=w.Layout(width="95%", height="260px"),
                               style={"description_width": "initial"})
        self._show(code, d)
        self.state.observe(self._on_state, names="value")
        self.widget = w.VBox([self.state, self.message, self.summary, self.fig, self.profile,
                              w.HTML("<h4>Your memo</h4><p>Select all in the box (Ctrl+A / Cmd+A), copy it into a "
                                     "Markdown cell or a document, and fill in the blanks.</p>"), self.memo])
        self.widget.explorer = self

    def _show(self, code: str, d: dict | None = None):
        d = d or figure_data(code)
        redraw(self.fig, profile_figure(code, d))
        self.summary.value = f"<p role='status'>{escape(d['summary'])}</p>"
        p = state_profile(code)  # built once per change: it runs the detainer assessor three times
        self.profile.value = profile_html(p)
        self.memo.value = _memo_markdown(p)

    def _on_state(self, change):
        if change["new"]:
            self.message.value = ""
            self._show(change["new"])


def explore_profile(state: str = "TX"):
    """Pick a state to see its 287(g) agreements by model over ICE's sheets, its cited
    profile (laws, detainers, operations, arrest rates, agencies) and a memo to copy.
    An unknown ``state`` shows what is accepted and starts on Texas."""
    return ProfileExplorer(state).widget
