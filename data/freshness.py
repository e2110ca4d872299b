"""How old the course's facts are, in the two senses that matter.

A figure has the date it *refers to* (a population estimate for 1 July 2025, an ICE sheet
of 9 October 2026) and the date someone last *checked* its source. A 2025 census estimate
is not stale because 2025 is past; it is stale only if nobody has looked at the source in a
long time. :func:`status` keeps the two apart for every table, and :func:`review` lists the
claims and sources whose check date is older than a threshold, grouped by lesson, so an
instructor preparing a term knows what to re-check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .catalog import Catalog

FACT_DATE = {
    "authorities": "date",
    "agreements_timeline": "date",
    "agreements_by_state": "snapshot",
    "agreements_by_agency": "snapshot",
    "state_laws": "as_of",
    "operations": "start",
    "operation_arrests": "as_of",
    "accounts": "statement_date",
    "model_features": "as_of",
    "state_population": "as_of",
    "state_outcomes": "period_end",
}
"""For each table, the column holding the date its facts refer to (tables not listed
describe rules or words, not dated facts)."""


@dataclass
class TableStatus:
    """One table's two ages: what date its facts describe, and when its sources were checked."""

    name: str
    rows: int
    fact_column: str | None
    facts_from: dt.date | None
    facts_to: dt.date | None
    checked_oldest: dt.date | None
    checked_newest: dt.date | None

    def line(self, today: dt.date) -> str:
        """A one-line summary that never calls a dated fact 'old' just because its date is past."""
        if not self.rows:
            return "no rows"
        if self.facts_to:
            span = (f"{self.facts_from}" if self.facts_from == self.facts_to
                    else f"{self.facts_from} to {self.facts_to}")
            facts = f"facts refer to {span} ({self.fact_column})"
        else:
            facts = "no dated facts (rules, terms or questions)"
        if self.checked_oldest:
            age = (today - self.checked_oldest).days
            checked = f"sources checked {self.checked_oldest}" + (
                "" if self.checked_oldest == self.checked_newest else f" to {self.checked_newest}")
            checked += f", oldest check {age} days ago"
        else:
            checked = "no source check dates"
        return f"{facts}; {checked}"


def status(cat: Catalog) -> list[TableStatus]:
    """The fact dates and source check dates of every table in ``cat``."""
    checked = {row["source_id"]: row["checked"] for row in cat.parsed("sources").rows}
    out = []
    for name in cat.tables():
        rows = cat.parsed(name).rows
        col = FACT_DATE.get(name)
        facts = sorted(r[col] for r in rows if col and r.get(col))
        if name in ("sources", "claims"):
            checks = sorted(r["checked"] for r in rows if r.get("checked"))
        else:
            ids = {r[c] for r in rows for c in r if (c == "source_id" or c.endswith("_source_id")) and r[c]}
            checks = sorted(checked[i] for i in ids if i in checked and checked[i])
        out.append(TableStatus(name, len(rows), col if facts else None,
                               facts[0] if facts else None, facts[-1] if facts else None,
                               checks[0] if checks else None, checks[-1] if checks else None))
    return out


@dataclass
class ReviewGroup:
    """What to re-check for one lesson (or for the tables alone)."""

    label: str
    claims: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)


def review(cat: Catalog, older_than: int, today: dt.date,
           lesson_sources: dict[str, set[str]]) -> tuple[dt.date, list[ReviewGroup]]:
    """Claims and sources last checked more than ``older_than`` days before ``today``.

    Returns the cut-off date and one group per lesson (in lesson order) holding its stale
    register rows and the stale sources it cites, then a "tables only" group for stale
    sources that no lesson cites. Groups with nothing stale are left out.
    ``lesson_sources`` maps a lesson number to the source ids it cites (for the shipped
    lessons, ``cited_by_lesson(immfed.lessons.lesson_notebooks())`` from
    :mod:`immfed.data.citations`).
    """
    cutoff = today - dt.timedelta(days=older_than)
    sources = {row["source_id"]: row for row in cat.parsed("sources").rows}
    stale_sources = {sid for sid, row in sources.items() if row["checked"] < cutoff}
    claims = cat.parsed("claims").rows if "claims" in cat.resources else []
    groups = []
    for lesson in sorted(lesson_sources):
        group = ReviewGroup(f"Lesson {lesson}")
        group.claims = sorted((c for c in claims if f"{int(c['lesson']):02d}" == lesson and c["checked"] < cutoff),
                              key=lambda c: c["claim_id"])
        group.sources = [sources[s] for s in sorted(lesson_sources[lesson] & stale_sources)]
        if group.claims or group.sources:
            groups.append(group)
    cited = set().union(*lesson_sources.values()) if lesson_sources else set()
    rest = ReviewGroup("Tables only (cited by no lesson)")
    rest.sources = [sources[s] for s in sorted(stale_sources - cited)]
    if rest.sources:
        groups.append(rest)
    return cutoff, groups

