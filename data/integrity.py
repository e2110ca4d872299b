"""Cross-table consistency checks that a schema alone cannot express.

Each check returns plain-language problem strings naming the table, row and column, so
``immfed data check`` and the tests report the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from .catalog import Catalog
from .citations import cited_by_lesson, cited_claims, markdown_text
from .states import ALL_CODES, STATES



def _rows(cat: Catalog, name: str):
    return enumerate(cat.parsed(name).rows, start=1) if name in cat.resources else iter(())


def model_split_problems(cat: Catalog) -> list[str]:
    """Model counts (JEM + WSO + TFM) must add up to the total wherever all are given."""
    out = []
    for name, total_col in (("agreements_by_state", "total"), ("agreements_timeline", "count")):
        for i, row in _rows(cat, name):
            parts = [row.get(k) for k in ("jem", "wso", "tfm")]
            if None not in parts and sum(parts) != row[total_col]:
                out.append(f"{name}.csv, row {i}, column '{total_col}': jem+wso+tfm = {sum(parts)} "
                           f"but {total_col} = {row[total_col]}")
    return out


def state_problems(cat: Catalog) -> list[str]:
    """State codes must be real, names must match codes, and each snapshot lists every state."""
    out = []
    for name in ("agreements_by_state", "agreements_by_agency", "state_laws", "operations", "state_population",
                 "state_outcomes"):
        for i, row in _rows(cat, name):
            code = row["state_code"]
            if code not in ALL_CODES:
                out.append(f"{name}.csv, row {i}, column 'state_code': '{code}' is not a state or territory code")
            elif "state" in row and row["state"] != ALL_CODES[code]:
                out.append(f"{name}.csv, row {i}, column 'state': '{row['state']}' does not match "
                           f"code {code} ({ALL_CODES[code]})")
    snapshots: dict = {}
    for _, row in _rows(cat, "agreements_by_state"):
        snapshots.setdefault(row["snapshot"], set()).add(row["state_code"])
    for snap, codes in snapshots.items():
        missing = sorted(set(STATES) - codes)
        if missing:
            out.append(f"agreements_by_state.csv: snapshot {snap} has no row (not even a zero row) "
                       f"for {', '.join(missing)}")
    return out


def date_problems(cat: Catalog, today: dt.date | None = None) -> list[str]:
    """Reported figures cannot be dated in the future, nor accounts before their incident."""
    today = today or dt.date.today()
    out = []
    for name, col in (("agreements_timeline", "date"), ("agreements_by_state", "snapshot"),
                      ("operation_arrests", "as_of"), ("accounts", "statement_date"),
                      ("sources", "checked"), ("state_population", "as_of"),
                      ("state_outcomes", "period_end")):
        for i, row in _rows(cat, name):
            if row[col] is not None and row[col] > today:
                out.append(f"{name}.csv, row {i}, column '{col}': {row[col]} is in the future")
    for i, row in _rows(cat, "accounts"):
        if row["statement_date"] < row["incident_date"]:
            out.append(f"accounts.csv, row {i}, column 'statement_date': given before the incident")
    starts = {r["operation_id"]: r["start"] for _, r in _rows(cat, "operations")}
    for i, row in _rows(cat, "operation_arrests"):
        start = starts.get(row["operation_id"])
        if start and row["as_of"] < start:
            out.append(f"operation_arrests.csv, row {i}, column 'as_of': {row['as_of']} is before "
                       f"the operation's start {start}")
    return out


def used_source_ids(cat: Catalog) -> set[str]:
    """Every source id that some table row names (in ``source_id`` or a ``*_source_id`` column)."""
    out = set()
    for name, res in cat.resources.items():
        if name == "sources":
            continue
        cols = [f["name"] for f in res["schema"]["fields"]
                if f["name"] == "source_id" or f["name"].endswith("_source_id")]
        for _, row in (_rows(cat, name) if cols else ()):
            out |= {row[c] for c in cols if row.get(c)}
    return out


def unused_source_problems(cat: Catalog, also_used: set[str] = frozenset()) -> list[str]:
    """Every source in sources.csv must be used by a table row or a lesson citation."""
    used = used_source_ids(cat) | set(also_used)
    return [f"sources.csv, row {i}, column 'source_id': '{row['source_id']}' is not used by any table or lesson"
            for i, row in _rows(cat, "sources") if row["source_id"] not in used]


def problems(cat: Catalog, notebooks: Mapping[str, Path] | None = None) -> list[str]:
    """All consistency problems in the catalog (an empty list means all is well).

    ``notebooks`` maps each lesson's number ("04") to its notebook: the sources it cites
    count as used, and its claim markers are checked against the claims register. The
    data layer does not know where the lessons live, so the caller passes them
    (``immfed.lessons.lesson_notebooks()``); without them the tables alone must use every
    source, and every register row is reported as unmarked.
    """
    notebooks = notebooks or {}
    cited = set().union(*cited_by_lesson(notebooks).values())
    lessons = {number: markdown_text(path) for number, path in notebooks.items()}
    return (model_split_problems(cat) + state_problems(cat) + date_problems(cat)
            + self_check_problems(cat) + state_outcome_problems(cat)
            + unused_source_problems(cat, cited) + claim_problems(cat, lessons))


def self_check_problems(cat: Catalog) -> list[str]:
    """Each question's answer must point at one of its options; per-option feedback must match."""
    out = []
    for i, row in _rows(cat, "self_checks"):
        options = [o.strip() for o in row["options"].split(" | ")]
        if len(options) < 2:
            out.append(f"self_checks.csv, row {i}, column 'options': needs at least two options separated by ' | '")
        if row["answer"] > len(options):
            out.append(f"self_checks.csv, row {i}, column 'answer': {row['answer']} but only {len(options)} options")
        if row["option_feedback"] and len(row["option_feedback"].split(" | ")) != len(options):
            out.append(f"self_checks.csv, row {i}, column 'option_feedback': one feedback per option expected")
    return out


RATE_TOLERANCE = 0.05
"""per_100k may differ from count / population x 100,000 by at most this (rounding to 0.1)."""


def state_outcome_problems(cat: Catalog) -> list[str]:
    """State outcome rates must follow from their counts and populations.

    - per_100k equals count / population x 100,000 to within rounding to one decimal;
    - population equals the state_population figure for the same state;
    - each (period, metric) lists the 50 states and DC exactly once;
    - state_population lists the 50 states and DC;
    - a period does not end before it starts.
    """
    out = []
    pops = {row["state_code"]: row["population"] for _, row in _rows(cat, "state_population")}
    if "state_population" in cat.resources:
        missing = sorted(set(STATES) - set(pops))
        if missing:
            out.append(f"state_population.csv: no row for {', '.join(missing)}")
    groups: dict = {}
    for i, row in _rows(cat, "state_outcomes"):
        code = row["state_code"]
        where = f"state_outcomes.csv, row {i} ({code})"
        count, pop, rate = row["count"], row["population"], row["per_100k"]
        if pop:
            exact = count / pop * 100_000
            if abs(rate - exact) > RATE_TOLERANCE + 1e-9:
                out.append(f"{where}, column 'per_100k': {rate} but count / population x 100,000 = "
                           f"{exact:.2f} (expected {round(exact, 1)})")
        if pops and code in STATES and pops.get(code) != pop:
            out.append(f"{where}, column 'population': {pop} but state_population.csv gives "
                       f"{pops.get(code, 'no row')} for {code}")
        if row["period_end"] < row["period_start"]:
            out.append(f"{where}, column 'period_end': {row['period_end']} is before period_start "
                       f"{row['period_start']}")
        key = (row["period_start"], row["period_end"], row["metric"])
        groups.setdefault(key, []).append((i, code))
    for (start, end, metric), members in groups.items():
        label = f"state_outcomes.csv: {metric} {start} to {end}"
        codes = [c for _, c in members]
        missing = sorted(set(STATES) - set(codes))
        if missing:
            out.append(f"{label} has no row for {', '.join(missing)}")
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            rows = ", ".join(str(i) for i, c in members if c == code)
            out.append(f"{label} lists {code} more than once (rows {rows})")
    return out


REGISTER_COMPLETE = ("00", "01", "02", "03", "04", "05", "06", "07")
"""Lessons whose every citation marker carries a claim marker with a quoted register row.

A lesson joins this list once its register is finished; from then on ``immfed data check``
fails on any new cited sentence in it that has no register row. Other lessons may mark
some of their sentences; each mark they do carry is held to the same rules.
"""


COUNTED_FROM_DATA = {"02": {"ice_287g_sheets_2025_appelson"}, "07": {"ice_287g_sheets_2025_appelson"}}
"""Citations, by lesson, of figures the course counted itself from a dataset (rows of an ICE
sheet). There is no passage to quote, so they are checked by recounting, not by the
register; ``complete`` does not require a claim marker for them."""


def claim_register_problems(rows: list[dict], lessons: dict[str, str],
                            complete: tuple[str, ...] = REGISTER_COMPLETE,
                            counted: dict[str, set[str]] | None = None) -> list[str]:
    """Check the claims register against the claim markers in the lessons.

    ``rows`` are register rows (dicts with claim_id, lesson, source_id, pinpoint, quote);
    ``lessons`` maps a lesson number ("04") to its markdown text. Problems reported:

    - a claim marker with no register row, or one not placed right after a citation;
    - a claim marker whose id does not start with its lesson's number, or used twice;
    - a register row with no marker in its lesson, an empty quote or pinpoint, or a
      source that the marked citation does not cite;
    - in a lesson listed in ``complete``, a citation with no claim marker.
    """
    counted = COUNTED_FROM_DATA if counted is None else counted
    out = []
    by_id = {}
    for i, row in enumerate(rows, start=1):
        cid = row["claim_id"]
        if cid in by_id:
            out.append(f"claims.csv, row {i}, column 'claim_id': '{cid}' appears twice")
        by_id[cid] = (i, row)
        for col in ("quote", "pinpoint", "source_id"):
            if not str(row.get(col) or "").strip():
                out.append(f"claims.csv, row {i} ({cid}), column '{col}': empty; every claim needs "
                           f"its source, where in it, and a quote read there")
    seen = {}
    for lesson, text in sorted(lessons.items()):
        for item in cited_claims(text):
            cid = item["claim"]
            where = f"lesson {lesson}, line {item['line']}"
            if cid is None:
                if lesson in complete and not set(item["ids"]) <= counted.get(lesson, set()):
                    out.append(f"{where}: citation [@{'; @'.join(item['ids'])}] has no claim marker, but "
                               f"lesson {lesson} is listed as complete in the claims register")
                continue
            if not item["ids"]:
                out.append(f"{where}: claim marker {cid} does not follow a citation marker")
            if not cid.startswith(f"{lesson}-"):
                out.append(f"{where}: claim marker {cid} belongs to lesson {cid[:2]}, not {lesson}")
            if cid in seen:
                out.append(f"{where}: claim marker {cid} is also used at {seen[cid]}")
            seen[cid] = where
            if cid not in by_id:
                out.append(f"{where}: claim marker {cid} has no row in claims.csv")
                continue
            i, row = by_id[cid]
            if item["ids"] and row["source_id"] not in item["ids"]:
                out.append(f"claims.csv, row {i} ({cid}), column 'source_id': '{row['source_id']}' is not "
                           f"among the sources the sentence cites ({', '.join(item['ids'])})")
            if f"{int(row['lesson']):02d}" != lesson:
                out.append(f"claims.csv, row {i} ({cid}), column 'lesson': {row['lesson']} but the "
                           f"marker is in lesson {lesson}")
    for cid, (i, _) in by_id.items():
        if cid not in seen:
            out.append(f"claims.csv, row {i} ({cid}): no lesson carries the marker <!-- claim:{cid} -->")
    return out


def claim_problems(cat: Catalog, lessons: Mapping[str, str]) -> list[str]:
    """The claims register of ``cat`` checked against ``lessons``: each lesson's markdown
    keyed by its number (``immfed.lessons.lesson_markdown()`` gives the shipped ones)."""
    if "claims" not in cat.resources:
        return []
    rows = [row for _, row in _rows(cat, "claims")]
    return claim_register_problems(rows, dict(lessons))
