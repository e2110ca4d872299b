"""The legal rules, read from the cited ``law_rules`` table, and the one definition of "in force".

Each row of ``data/tables/law_rules.csv`` is one rule: where it applies (``jurisdiction``:
"US" or a state code), to whom and to what (``actors``, ``actions``: "*" or codes separated
by ";"), under which facts (``when``), with what ``answer``, at which ``level`` and
``precedence``, resting on which ``authority_ids``, with its ``status`` and the dates it is
in force. The ``when`` language is a list of clauses separated by "; ", each
``fact=a|b`` (the fact is one of a, b) or ``fact!=a|b`` (it is none of them). For
``paperwork``, which can hold several documents, ``=`` means "includes one of" and ``!=``
"includes none of".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from immfed.data.vocabulary import codes
from immfed.law.facts import ACTIONS, ACTORS, FACT_VALUES, LEVELS, NO_BRANCH_FACTS, RULE_ANSWERS, UNKNOWN

AS_OF = dt.date(2026, 11, 27)
"""The date the course states the law as of."""

IN_FORCE_STATUSES: tuple[str, ...] = codes("law_status", flag="in_force")
"""Statuses that count as law today. Enjoined, pending, vetoed, repealed and vacated rules do
not change any answer. Every tool in the course takes this from here."""


def in_force(status: str, effective=None, ends=None, as_of: dt.date = AS_OF) -> bool:
    """Is a rule (or state law) with this status and these dates law on ``as_of``?

    The single definition the engine, the wrappers and the tests use: the status must count
    as in force, the rule must have taken effect (no date means "already in effect") and must
    not have ended.
    """
    if status not in IN_FORCE_STATUSES:
        return False
    if _date(effective) is not None and _date(effective) > as_of:
        return False
    if _date(ends) is not None and _date(ends) <= as_of:
        return False
    return True


def _date(value):
    # Empty cells arrive as None, "", NaN or pandas NaT; all mean "no date".
    if value is None or value == "" or value != value or str(value) == "NaT":
        return None
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp / datetime
        value = value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Condition:
    """One clause of a rule's ``when``: ``fact`` is (or, with ``negate``, is not) in ``values``."""

    fact: str
    values: frozenset
    negate: bool

    def test(self, facts: dict):
        """True or False, or the fact's name when the fact is unknown."""
        value = facts[self.fact]
        if self.fact == "paperwork":
            if value == (UNKNOWN,):
                return self.fact
            hit = bool(self.values & set(value))
        else:
            if value == UNKNOWN and self.fact not in NO_BRANCH_FACTS:
                return self.fact
            hit = value in self.values
        return hit != self.negate


@dataclass(frozen=True)
class Rule:
    """A parsed row of ``law_rules``."""

    rule_id: str
    level: str
    jurisdiction: str
    actors: frozenset
    actions: frozenset
    conditions: tuple
    answer: str
    precedence: int
    authority_ids: tuple
    status: str
    effective: object
    ends: object
    explanation: str
    source_id: str
    law_id: str = ""

    @property
    def order(self) -> tuple:
        return (LEVELS.index(self.level), self.precedence, self.rule_id)


def parse_when(text: str) -> tuple[Condition, ...]:
    """Parse a ``when`` cell; raise ``ValueError`` on an unknown fact or value."""
    out = []
    for clause in (c.strip() for c in (text or "").split(";")):
        if not clause:
            continue
        negate = "!=" in clause
        fact, _, values = clause.partition("!=" if negate else "=")
        fact = fact.strip()
        if fact not in FACT_VALUES:
            raise ValueError(f"Unknown fact {fact!r} in condition {clause!r}. Accepted: {', '.join(FACT_VALUES)}.")
        vals = frozenset(v.strip() for v in values.split("|"))
        bad = vals - set(FACT_VALUES[fact])
        if bad:
            raise ValueError(f"Unknown value(s) {sorted(bad)} for {fact} in {clause!r}.")
        out.append(Condition(fact, vals, negate))
    return tuple(out)


def _codes(cell: str, accepted) -> frozenset:
    if cell.strip() == "*":
        return frozenset(accepted)
    codes = frozenset(c.strip() for c in cell.split(";") if c.strip())
    bad = codes - set(accepted)
    if bad:
        raise ValueError(f"Unknown code(s) {sorted(bad)}.")
    return codes


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def parse_rows(rows) -> tuple[Rule, ...]:
    """Turn table rows (dicts) into :class:`Rule` objects, checking every code."""
    rules = []
    for row in rows:
        if row["level"] not in LEVELS or row["answer"] not in RULE_ANSWERS:
            raise ValueError(f"Rule {row['rule_id']}: bad level or answer.")
        rules.append(Rule(
            rule_id=row["rule_id"], level=row["level"], jurisdiction=row["jurisdiction"],
            actors=_codes(row["actors"], ACTORS), actions=_codes(row["actions"], ACTIONS),
            conditions=parse_when(_text(row.get("when"))), answer=row["answer"],
            precedence=int(row["precedence"]),
            authority_ids=tuple(a.strip() for a in row["authority_ids"].split(";") if a.strip()),
            status=row["status"], effective=_date(row.get("effective")), ends=_date(row.get("ends")),
            explanation=row["explanation"], source_id=row["source_id"], law_id=_text(row.get("law_id"))))
    return tuple(sorted(rules, key=lambda r: r.order))


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every row of ``law_rules``, parsed and sorted by level and precedence (cached)."""
    from immfed.data import load

    return parse_rows(load("law_rules").to_dict("records"))
