"""The facts a legal question can turn on: their accepted codes, labels and checks.

Every fact a rule may test is listed here once. ``analyze`` checks what it is given
against these lists, so a typo is a clear ``ValueError`` that names the accepted codes,
never a silent "allowed". A fact the user leaves out is ``"unknown"``; the engine then
answers "depends" wherever a rule turns on it.
"""

from __future__ import annotations

from immfed.data.states import state_code as read_state
from immfed.data.vocabulary import labels

UNKNOWN = "unknown"

# The codes and their labels are vocabularies of the data package (vocabulary.csv), so the
# engine, the explorer's menus and the rule table's checks read one list.
ACTORS: dict[str, str] = labels("law_actor")
"""Who acts."""

ACTIONS: dict[str, str] = labels("law_action")
"""What the actor does."""

LOCATIONS: dict[str, str] = labels("location")
PAPERWORK: dict[str, str] = labels("paperwork")
CHARGES: dict[str, str] = labels("charge")
CUSTODY: dict[str, str] = labels("law_custody")
PERSONS: dict[str, str] = labels("person")
CONSENT: dict[str, str] = labels("consent")

# Facts the user sets, with their accepted values ("unknown" is always accepted too).
FACT_VALUES: dict[str, tuple[str, ...]] = {
    "location": tuple(LOCATIONS),
    "paperwork": tuple(PAPERWORK),
    "charge": tuple(CHARGES),
    "custody": tuple(CUSTODY),
    # For a person, "unknown" is a fact in itself (the officer does not know the status), so
    # rules never branch on it; a citizenship rule applies only once citizenship is shown.
    "person": tuple(PERSONS),
    "consent": tuple(CONSENT),
    "certified": ("true", "false"),
    # Not a user fact: whether the state's own law gives local officers arrest power for a
    # federal immigration crime. The course has not coded it state by state, so a rule that
    # needs it always comes out "depends" with both branches shown.
    "state_arrest_law": ("authorizes", "silent"),
    # Not a user fact either: whether the officer has reason to believe the person is likely to
    # escape before a warrant can be obtained (8 U.S.C. 1357(a)(2)). It is a judgment on the
    # scene, so a warrantless civil arrest is always shown with both branches.
    "likely_to_escape": ("yes", "no"),
    # Not a user fact either: whether the officer has reasonable suspicion that the person is a
    # noncitizen unlawfully present, the trigger of Arizona's status-check duty (A.R.S.
    # 11-1051(B)). It is a judgment on the scene, so such a rule always shows both branches.
    "suspects_unlawful_presence": ("yes", "no"),
    # Not a user fact either: whether the person is at the courthouse for a court proceeding (a
    # party, a witness, or someone with them), the people state courthouse-arrest laws protect.
    "attending_court": ("yes", "no"),
}

INTERNAL_FACTS: tuple[str, ...] = ("state_arrest_law", "likely_to_escape", "suspects_unlawful_presence",
                                   "attending_court")
"""Facts the course never asks the user for; answers that need them are always "depends"."""

# How a sentence names each fact the answer can turn on ("It depends on ...").
FACT_WORDS = {
    "paperwork": "what paperwork ICE or a court sent",
    "charge": "the charge",
    "location": "where it happens",
    "consent": "who consented",
    "custody": "the custody situation",
    "state_arrest_law": "whether state law (a statute, or common law as the state's courts read it) gives local "
                        "officers the power to make this arrest or hold (an open question the course has not settled "
                        "state by state)",
    "likely_to_escape": "whether the officer has reason to believe the person is likely to escape before a "
                        "warrant can be obtained",
    # One internal fact for several state triggers: reasonable suspicion (AL, SC), probable cause (IN), knowledge
    # (TN) or a finding after a federal check (GA, MO); each rule's explanation names its own state's trigger.
    "suspects_unlawful_presence": "whether the person is suspected, known or found to be a noncitizen unlawfully "
                                  "present, in the way the state's law words its trigger",
    "attending_court": "whether the person is at the courthouse for a court proceeding or other court business "
                       "(a party, a witness, or someone with them)",
}

NO_BRANCH_FACTS: tuple[str, ...] = ("person",)
"""Facts whose "unknown" is a value of its own, not a gap to branch on."""

# When "depends" turns on the paperwork, these are the branches shown: the documents ICE or a
# court actually sends, alone or in the usual detainer + warrant pair.
PAPERWORK_CASES: tuple[tuple[str, ...], ...] = (
    ("none",), ("notification_request",), ("detainer",), ("detainer", "admin_warrant"),
    ("admin_warrant",), ("judicial_warrant",),
)

LEVELS: tuple[str, ...] = ("federal", "agreement", "state", "constitutional")
"""The order rules are applied in: later levels can change the answer of earlier ones."""

ANSWERS: tuple[str, ...] = ("allowed", "not allowed", "required", "depends")
"""The answers ``analyze`` can give."""

RULE_ANSWERS: tuple[str, ...] = (*ANSWERS, "note")
"""A rule row may also be a "note": a step that adds law without changing the answer."""

HOLD_ACTORS = ("local_no_agreement", "jem", "wso")
"""Actors who run or work in a jail and so can be asked to hold someone."""


def _check(value, accepted, what: str) -> str:
    if not isinstance(value, str) or value not in accepted:
        raise ValueError(f"Unknown {what} {value!r}. Accepted: {', '.join(accepted)}.")
    return value


def paperwork_tuple(paperwork) -> tuple[str, ...]:
    """Paperwork as a sorted tuple of codes; a single code string is accepted too."""
    if paperwork is None or paperwork == UNKNOWN:
        return (UNKNOWN,)
    if isinstance(paperwork, str):
        paperwork = (paperwork,)
    if not isinstance(paperwork, (tuple, list, set, frozenset)) or not paperwork:
        raise ValueError(f"Unknown paperwork {paperwork!r}. Accepted: a tuple of "
                         f"{', '.join(PAPERWORK)} (or 'unknown').")
    for item in paperwork:
        _check(item, (*PAPERWORK, UNKNOWN), "paperwork item")
    items = set(paperwork)
    if UNKNOWN in items and len(items) > 1:
        raise ValueError("Paperwork 'unknown' cannot be combined with other paperwork codes.")
    if "none" in items and len(items) > 1:
        raise ValueError("Paperwork 'none' cannot be combined with other paperwork codes.")
    return tuple(sorted(items))


def check_facts(*, state, actor, action, location=UNKNOWN, paperwork=None, charge=UNKNOWN,
                custody=UNKNOWN, person=UNKNOWN, consent=UNKNOWN, certified=True,
                allow_territories: bool = False) -> dict:
    """Validate every fact and return them as one dict of codes (paperwork as a tuple)."""
    if not isinstance(certified, bool):
        raise ValueError(f"Unknown certified {certified!r}. Accepted: True, False.")
    return {
        "state": read_state(state, allow_territories=allow_territories),
        "actor": _check(actor, ACTORS, "actor"),
        "action": _check(action, ACTIONS, "action"),
        "location": _check(location, (*LOCATIONS, UNKNOWN), "location"),
        "paperwork": paperwork_tuple(paperwork),
        "charge": _check(charge, (*CHARGES, UNKNOWN), "charge"),
        "custody": _check(custody, (*CUSTODY, UNKNOWN), "custody"),
        "person": _check(person, tuple(PERSONS), "person"),
        "consent": _check(consent, (*CONSENT, UNKNOWN), "consent"),
        "certified": "true" if certified else "false",
        **{fact: UNKNOWN for fact in INTERNAL_FACTS},
    }
