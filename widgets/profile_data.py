"""Assemble the cited profile of one state (or territory) from the course tables.

``state_profile(code)`` gathers, from the shipped tables only, what the course knows
about one place: its 287(g) agreements by model on each ICE sheet, its state laws on
cooperation with ICE, what the detainer assessor says a local jail there may do, joint
operations recorded there, ICE arrests per 100,000 residents (from ``state_outcomes``,
when that table is installed) and, when the user has refreshed the ICE sheet, the
agencies that hold agreements. Every fact carries the source ids behind it.

An absence is stated, never left blank: "none recorded as of <date>" means the course's
table holds no row, which is a statement about the course data, not proof that nothing
exists. Such lines are marked ``absence=True`` and cite only what they can (for example
the ICE sheet that lists no agency in the state).

The tables are read once per loaded copy of the data (see ``cache.per_catalog``) and
each section is kept per place, so switching states in the explorer only looks up
facts; ``state_profile`` still hands out a fresh :class:`Profile` each time.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import pandas as pd

from immfed.data import load, tables
from immfed.data.states import ALL_CODES

from .cache import per_catalog
from .detainers import assess_detainer
from immfed.data.states import state_code as _state_code

from .models import agreement_counts
from .text import iso_date

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
METRIC_LABELS = {"ice_admin_arrests": "ICE administrative arrests"}
OUTCOME_LIMITS = (
    "What it can show: how many arrests the cited source attributes to this state over the period, scaled by "
    "the state's whole resident population so that states of different size can be set side by side. What it "
    "cannot show: whether an arrest began in a local jail, on the street or through a 287(g) agency; where the "
    "person lived; the noncitizen population at risk (the denominator is all residents); or whether a state law "
    "caused a higher or lower rate. Compare only rows with the same metric, period and method.")
AGREEMENTS_LIMITS = ("An agreement is one agency x one model (a row on ICE's sheet); one agency can hold "
                     "several. The count says who signed, not how often the powers are used.")
LAWS_LIMITS = "The course records state-level laws only; county and city policies are not in the table."
DETAINERS_LIMITS = ("The assessor reads state law and the federal rules; a county or sheriff may go further "
                    "than state law requires, and unsettled questions are marked as such.")
OPERATIONS_LIMITS = ("The table holds a small set of widely reported operations, not every ICE action; "
                     "arrest figures for them are in the lesson 05 table.")
AGENCIES_LIMITS = "Agency rows come only from an ICE sheet you refreshed yourself; the course ships none."


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


def state(value) -> str:
    """Two-letter code from a code or name; ValueError lists the accepted codes."""
    try:
        return _state_code(value)
    except ValueError:
        raise ValueError(f"Unknown state {value!r}. Accepted codes: {', '.join(sorted(ALL_CODES))} "
                         "(or a full name such as 'Texas').") from None


def state_choices() -> list[tuple[str, str]]:
    """(label, code) pairs for a dropdown, sorted by name."""
    return sorted(((f"{name} ({code})", code) for code, name in ALL_CODES.items()), key=lambda p: p[0])


# A section is kept as (facts, limits): a tuple of frozen Facts and a string, so the cached
# value cannot be changed by whoever receives the Profile built from it.

# -- agreements ---------------------------------------------------------------------------

def _split(c: dict) -> str:
    return ", ".join(f"{c[m]:,} {m.upper()}" for m in MODELS)


def _agreements_facts(name: str, counts: list[dict]) -> tuple[Fact, ...]:
    present = [c for c in counts if c["total"] is not None]
    dates = [c["snapshot"] for c in counts]
    if not present:
        return (Fact(f"None recorded: the course's state breakdowns of ICE's sheets ({', '.join(dates)}) "
                     f"have no row for {name}, so no count is recorded as of {dates[-1]} "
                     "(not the same as zero).", (), True),)
    facts = []
    last = present[-1]
    if last["total"] == 0:
        facts.append(Fact(f"None recorded as of {last['snapshot']}: ICE's participating-agencies sheet of that "
                          f"date lists no 287(g) agreement in {name}.", (last["source_id"],), True))
    else:
        facts.append(Fact(f"ICE's sheet of {last['snapshot']} lists {last['total']:,} agreements in {name}: "
                          f"{_split(last)}.", (last["source_id"],)))
    first = present[0]
    if first is not last:
        if last["total"] == first["total"]:
            how = f"stayed at {last['total']:,} from {first['snapshot']} to {last['snapshot']}"
        else:
            how = (f"{'rose' if last['total'] > first['total'] else 'fell'} from {first['total']:,} "
                   f"({first['snapshot']}: {_split(first)}) to {last['total']:,} ({last['snapshot']})")
        facts.append(Fact(f"Across the {len(present)} ICE sheets in the course data with a row for {name}, the "
                          f"total {how}.",
                          tuple(dict.fromkeys(c["source_id"] for c in (first, last)))))
    for c in present:
        if c["note"]:
            facts.append(Fact(f"Note on the {c['snapshot']} count: {c['note']}", (c["source_id"],)))
    return tuple(facts)


# -- laws ---------------------------------------------------------------------------------

def _facts_by_state(table: pd.DataFrame, text) -> dict:
    """Per place (``state_code``), a tuple of facts in table order, each ``text(row)`` cited to its row's source."""
    out: dict = {}
    for r in table.to_dict("records"):
        out.setdefault(r["state_code"], []).append(Fact(text(r), (str(r["source_id"]),)))
    return {code: tuple(facts) for code, facts in out.items()}


@per_catalog
def _laws_by_state() -> dict:
    """Per place, its law facts (oldest first); places with no law are absent."""
    def text(r) -> str:
        label = str(r["name"])
        # skip parts the name or the citation already carries
        extra = [str(v) for v in (r["bill"], r["year"])
                 if pd.notna(v) and str(v) not in label and not str(r["citation"]).startswith(str(v))]
        label += f" ({', '.join(extra)})" if extra else ""
        status = str(r["status"]).replace("_", " ")
        return (f"{label}, {r['citation']}: {r['summary']} Status: {status}; "
                f"{str(r['direction'])} cooperation ({str(r['mechanism']).replace('_', ' ')}).")
    return _facts_by_state(load("state_laws").sort_values(["year", "law_id"]), text)


@per_catalog
def _laws_totals() -> tuple[str, int, int]:
    """The state-law table's as-of date, its number of laws and of states."""
    laws = load("state_laws")
    return iso_date(laws["as_of"].max()), len(laws), int(laws["state_code"].nunique())


def _laws_facts(code: str, name: str) -> tuple[Fact, ...]:
    facts = _laws_by_state().get(code)
    if facts:
        return facts
    as_of, n_laws, n_states = _laws_totals()
    return (Fact(f"None recorded as of {as_of}: the course's state-law table ({n_laws} laws in "
                 f"{n_states} states) has no law for {name}. Check the state "
                 "legislature's site before concluding there is none.", (), True),)


# -- detainers ----------------------------------------------------------------------------

@per_catalog
def _source_of() -> tuple[frozenset, dict, dict]:
    """Known source ids, and the source id of each authority and of each state law."""
    auth = load("authorities").set_index("authority_id")["source_id"]
    laws = load("state_laws").set_index("law_id")["source_id"]
    return frozenset(load("sources")["source_id"]), auth.to_dict(), laws.to_dict()


def _resolve_ids(ids) -> tuple[str, ...]:
    """Turn authority ids (rows of ``authorities`` or ``state_laws``) or source ids into source ids."""
    sources, auth, laws = _source_of()
    out: list[str] = []
    for i in ids or ():
        i = str(i)
        sid = i if i in sources else auth[i] if i in auth else laws[i] if i in laws else None
        if sid is not None and str(sid) not in out:
            out.append(str(sid))
    return tuple(out)


@per_catalog
def _detainers_facts(code: str) -> tuple[Fact, ...]:
    """What lesson 04's assessor answers for a local jail in ``code`` on each kind of request."""
    results = {request: assess_detainer(code, request, DETAINER_CUSTODY) for request in REQUESTS}
    reasons = {r: [str(x).strip() for x in (a.reasons or []) if str(x).strip()] for r, a in results.items()}
    facts = []
    # Reasons shared by all three answers (the custody situation) are stated once, first.
    shared = 0
    while all(len(v) > shared for v in reasons.values()) and len({v[shared] for v in reasons.values()}) == 1:
        shared += 1
    if shared:
        common = set.intersection(*(set(_resolve_ids(a.authority_ids)) for a in results.values()))
        lead_ids = tuple(i for i in _resolve_ids(results["detainer"].authority_ids) if i in common)
        facts.append(Fact("The situation assessed: " + " ".join(x.rstrip(".") + "." for x in
                          next(iter(reasons.values()))[:shared]), lead_ids or ("cfr_8_287_7",)))
    for request, words in REQUESTS.items():
        a, own = results[request], reasons[request][shared:]
        text = f"Keeping the person for ICE on {words}: **{a.answer}**."
        # the first reason is the rule for this state; 'Not counted' lines flag vetoed or enjoined laws
        shown = own[:1] + [x for x in own[1:] if x.startswith("Not counted") or "territorial" in x]
        text += "".join(" " + x.rstrip(".") + "." for x in shown)
        if len(own) > len(shown):
            text += f" (Lesson 04's detainer tool gives {len(own) - len(shown)} further reasons.)"
        facts.append(Fact(text, _resolve_ids([*a.authority_ids, *a.source_ids])))
    return tuple(facts)


# -- operations ---------------------------------------------------------------------------

@per_catalog
def _operations_by_state() -> dict:
    """Per place, its operation facts (oldest start first); places with none are absent."""
    def text(r) -> str:
        when = iso_date(r["start"]) + (f" to {iso_date(r['end'])}" if pd.notna(r["end"]) else " (end date not recorded)")
        return (f"{str(r['name']).strip(chr(34))} ({r['place']}, {when}; {r['federal_agencies']}): "
                f"local role recorded as '{r['local_role']}'. {r['local_role_detail']}")
    return _facts_by_state(load("operations").sort_values("start"), text)


@per_catalog
def _operations_totals() -> tuple[str, int]:
    """The latest date in the operations table and its number of operations."""
    ops = load("operations")
    return iso_date(pd.concat([ops["start"], ops["end"]]).max()), len(ops)


def _operations_facts(code: str, name: str) -> tuple[Fact, ...]:
    facts = _operations_by_state().get(code)
    if facts:
        return facts
    latest, n = _operations_totals()
    return (Fact(f"None recorded as of {latest}: the course's operations table ({n} operations) "
                 f"has none in {name}.", (), True),)


# -- outcomes -----------------------------------------------------------------------------

def _present(value) -> bool:
    return pd.notna(value) and bool(str(value))


@per_catalog
def _outcomes_by_state() -> dict | None:
    """Per place with rows, its rows of ``state_outcomes`` (by period, then metric) and, for
    each row with a rate, its rank among the rows of the same metric and period and their
    median; None when the table is not installed."""
    if "state_outcomes" not in tables():
        return None
    rows = load("state_outcomes").sort_values(["period_start", "metric"]).to_dict("records")
    peers: dict = {}
    for r in rows:
        if pd.notna(r["per_100k"]):
            peers.setdefault((r["metric"], r["period_start"], r["period_end"]), []).append(float(r["per_100k"]))
    out: dict = {}
    for r in rows:
        rates = peers.get((r["metric"], r["period_start"], r["period_end"]), [])
        rank = None
        if pd.notna(r["per_100k"]) and len(rates) > 1:
            rank = (sum(v > r["per_100k"] for v in rates) + 1, len(rates), statistics.median(rates))
        out.setdefault(r["state_code"], []).append((r, rank))
    return out


@per_catalog
def _outcomes_latest() -> str:
    table = load("state_outcomes")
    return iso_date(table["period_end"].max()) if len(table) else "the table's date"


def _outcomes_section(code: str, name: str) -> tuple[tuple[Fact, ...], str]:
    by_state = _outcomes_by_state()
    if by_state is None:
        return (Fact("The state_outcomes table is not in this copy of the course data, so no rate is "
                     "shown.", (), True),), OUTCOME_LIMITS
    mine = by_state.get(code, [])
    if not mine:
        return (Fact(f"None recorded as of {_outcomes_latest()}: the course's state_outcomes table has no row "
                     f"for {name}.", (), True),), OUTCOME_LIMITS
    facts, limits = [], OUTCOME_LIMITS
    for r, rank in mine:
        metric = METRIC_LABELS.get(str(r["metric"]), str(r["metric"]).replace("_", " "))
        period = f"{iso_date(r['period_start'])} to {iso_date(r['period_end'])}"
        ids = [str(r["source_id"])]
        if _present(r["population_source_id"]):
            ids.append(str(r["population_source_id"]))
        ids = tuple(dict.fromkeys(ids))
        text = f"{metric} recorded in {name}, {period}: {int(r['count']):,}" if pd.notna(r["count"]) else \
            f"{metric} recorded in {name}, {period}"
        if pd.notna(r["per_100k"]):
            text += f", or {float(r['per_100k']):,.1f} per 100,000 residents"
            if pd.notna(r["population"]):
                text += f" (population {int(r['population']):,})"
        text += "."
        if _present(r["derived_by"]):
            text += f" Counted by {r['derived_by']}."
        facts.append(Fact(text, ids))
        # rank among the places with the same metric and period, so the rate has a yardstick
        if rank:
            place, n, median = rank
            facts.append(Fact(f"On this rate {name} ranks {place} of the {n} places in the table for "
                              f"the same period (1 = highest); the median was {median:,.1f} per 100,000.", ids))
        extra = [f"How the figure was built: {r['method']}" if pd.notna(r["method"]) else "",
                 f"Caveats recorded with it: {r['note']}" if pd.notna(r["note"]) else ""]
        limits = " ".join([OUTCOME_LIMITS, *[e for e in extra if e]])
    return tuple(facts), limits


# -- agencies -----------------------------------------------------------------------------

def agency_table(code) -> pd.DataFrame:
    """Agencies in the state on the user's latest refreshed ICE sheet (empty if none was refreshed)."""
    from immfed.data.refresh import load_agencies

    code = state(code)
    agencies = load_agencies()
    return agencies[agencies["state_code"] == code].sort_values(["agency", "model"]).reset_index(drop=True)


def _agencies_facts(code: str, name: str, folder) -> tuple[Fact, ...]:
    """The agencies section for ``code`` from the refresh published in ``folder`` (None: none)."""
    by_state = _agencies_by_state(folder)
    if by_state is None:
        return (Fact("No agency-level table is installed (the course ships state counts only). "
                     f"To list {name}'s agencies, {REFRESH_HINT}.", (), True),)
    return by_state.get(code) or (Fact(f"None recorded: your refreshed ICE sheet lists no agency in {name}.",
                                       (), True),)


@per_catalog
def _agencies_by_state(folder) -> dict | None:
    """Per place, its agency facts from the refresh in ``folder``; None when no agency table is
    installed. One pass over the refreshed table, grouped as ``agency_table`` sorts it."""
    from immfed.data.refresh import load_agencies

    if folder is None:  # no refresh published, so no agency table (what load_agencies returns)
        return None
    agencies = load_agencies()
    if agencies.empty:
        return None
    out: dict = {}
    for code, mine in agencies.sort_values(["agency", "model"]).groupby("state_code", sort=False):
        for (agency, county), rows in mine.groupby(["agency", "county"], dropna=False, sort=True):
            models = ", ".join(sorted(str(m).upper() for m in rows["model"]))
            where = f" ({county})" if pd.notna(county) and str(county) else ""
            snap = iso_date(rows["snapshot"].iloc[0])
            out.setdefault(code, []).append(Fact(f"{agency}{where}: {models} on ICE's sheet of {snap}.",
                                                 tuple(dict.fromkeys(str(s) for s in rows["source_id"]))))
    return {code: tuple(facts) for code, facts in out.items()}


def refresh_folder():
    """The folder of the refresh in use (None when there is none); a new refresh, even one
    published by the command line while a kernel runs, gives a new folder."""
    from immfed.data.userdata import current_folder

    return current_folder()


# -- the profile --------------------------------------------------------------------------

def state_profile(state_code) -> Profile:
    """Build the cited profile of one state or territory (code like "TX" or a name).

    Raises ValueError listing the accepted codes for anything else.
    """
    code = state(state_code)
    name = ALL_CODES[code]
    counts = agreement_counts(code)
    outcomes, outcome_limits = _outcomes_section(code, name)
    sections = [
        Section("agreements", SECTION_TITLES["agreements"], list(_agreements_facts(name, counts)), AGREEMENTS_LIMITS),
        Section("laws", SECTION_TITLES["laws"], list(_laws_facts(code, name)), LAWS_LIMITS),
        Section("detainers", SECTION_TITLES["detainers"], list(_detainers_facts(code)), DETAINERS_LIMITS),
        Section("operations", SECTION_TITLES["operations"], list(_operations_facts(code, name)), OPERATIONS_LIMITS),
        Section("outcomes", SECTION_TITLES["outcomes"], list(outcomes), outcome_limits),
        Section("agencies", SECTION_TITLES["agencies"], list(_agencies_facts(code, name, refresh_folder())),
                AGENCIES_LIMITS),
    ]
    return Profile(code, name, counts[-1]["snapshot"], sections, counts)
