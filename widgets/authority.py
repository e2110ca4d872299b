"""Who may do what: an officer, an immigration-related action and a state, with the answer and its law.

The rules live in the ``authority_rules`` table, not in code: one ``federal_baseline`` row
for every actor and action, plus overlay rows that apply when the chosen state has a
state law of a given ``mechanism`` in force (taken from ``state_laws``). Every rule names
the authorities (``authorities`` table) its answer rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import pandas as pd

from immfed.data import load
from immfed.widgets.choices import check_choice
from immfed.widgets.text import split_cell, unique
from immfed.data.states import STATES

ACTORS: dict[str, str] = {
    "ice_officer": "ICE officer",
    "local_no_agreement": "Local officer, no 287(g) agreement",
    "jem": "287(g) Jail Enforcement Model (JEM) officer",
    "wso": "287(g) Warrant Service Officer (WSO)",
    "tfm": "287(g) Task Force Model (TFM) officer",
}
"""Accepted actor codes and their readable labels."""

ACTIONS: dict[str, str] = {
    "ask_status": "Ask about immigration status during a lawful stop",
    "civil_arrest": "Arrest for a civil immigration violation",
    "criminal_immigration_arrest": "Arrest for a federal immigration crime",
    "hold_on_detainer": "Hold someone past release on an ICE detainer",
    "serve_admin_warrant_in_jail": "Serve an ICE administrative warrant in the jail",
    "share_information": "Share release dates or status with ICE",
    "courthouse_civil_arrest": "Make a civil immigration arrest at a courthouse",
}
"""Accepted action codes and their readable labels."""

# A state law counts if it is in force: enacted and not blocked ("in_force"), upheld by a
# court ("upheld"), or only partly enjoined ("partly_enjoined", flagged in the reasons,
# because the parts still in force may be the ones that matter). Enjoined, pending,
# vetoed, repealed and struck-down laws are left out.
IN_FORCE_STATUSES: tuple[str, ...] = ("in_force", "upheld", "partly_enjoined")

# When several state overlays match, the most restrictive answer wins: a state law that
# forbids or conditions an act is not undone by another that is silent on it.
_SEVERITY = {"allowed": 0, "depends": 1, "not allowed": 2}

SYMBOLS = {"allowed": "\u2714", "depends": "\u26a0", "not allowed": "\u2716"}
"""Text symbol shown with each answer, so the answer never relies on colour alone."""

_COLOURS = {"allowed": "#009E73", "depends": "#E69F00", "not allowed": "#D55E00"}  # Okabe-Ito


@dataclass
class Assessment:
    """What ``assess_authority`` returns.

    ``answer`` is "allowed", "not allowed" or "depends"; ``reasons`` are plain-language
    sentences; ``authority_ids`` are ids in the ``authorities`` table; ``state_laws`` the
    ids of the state laws (``state_laws`` table) that changed the federal answer;
    ``rule_ids`` the rows of ``authority_rules`` used; ``source_ids`` the sources behind
    the rules and the state laws.
    """

    answer: str
    reasons: list[str]
    authority_ids: list[str]
    state_laws: list[str] = field(default_factory=list)
    rule_ids: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)


def state_laws_in_force(state: str) -> pd.DataFrame:
    """The rows of ``state_laws`` for ``state`` (postal code) whose status counts as in force."""
    laws = load("state_laws")
    keep = (laws["state_code"] == state) & laws["status"].isin(IN_FORCE_STATUSES)
    return laws[keep].reset_index(drop=True)


def assess_authority(actor: str, action: str, state: str) -> Assessment:
    """May this actor take this action in this state? Returns an :class:`Assessment`.

    ``actor`` is one of ``ACTORS``, ``action`` one of ``ACTIONS`` and ``state`` a two-letter
    postal code of a state or DC (lower case is accepted). The federal-baseline rule gives
    the answer everywhere; if the state has an in-force law whose mechanism has an overlay
    rule for this actor and action, the overlay's answer replaces it (the most restrictive
    one if several match) and its reasons, naming the state law, are added. Unknown values
    raise ``ValueError`` listing what is accepted.
    """
    check_choice(actor, ACTORS, "actor")
    check_choice(action, ACTIONS, "action")
    code = state.strip().upper() if isinstance(state, str) else state
    check_choice(code, STATES, "state (two-letter postal code)")

    rules = load("authority_rules")
    rules = rules[(rules["actor"] == actor) & (rules["action"] == action)]
    base = rules[rules["applies_when"] == "federal_baseline"].iloc[0]

    answer = base["answer"]
    reasons = split_cell(base["reasons"], " | ")
    authority_ids = split_cell(base["authority_ids"], ";")
    rule_ids, source_ids, law_ids = [base["rule_id"]], [base["source_id"]], []

    laws = state_laws_in_force(code)
    overlays = rules[rules["applies_when"].isin(laws["mechanism"])]
    if not overlays.empty:
        state_name = STATES[code]
        reasons.append(f"State law in {state_name} also applies (the answer above reflects it):")
        answer = max(overlays["answer"], key=_SEVERITY.__getitem__)
        for _, rule in overlays.iterrows():
            matched = laws[laws["mechanism"] == rule["applies_when"]]
            named = "; ".join(
                f"{law['name']} ({law['citation']}; status {law['status'].replace('_', ' ')}"
                + (", parts of it are blocked by a court" if law["status"] == "partly_enjoined" else "")
                + f"; source: {law['source_id']}): {law['summary'].rstrip('.')}"
                for _, law in matched.iterrows())
            reasons.append(f"{state_name} law: {named}.")
            reasons.extend(split_cell(rule["reasons"], " | "))
            authority_ids += split_cell(rule["authority_ids"], ";")
            rule_ids.append(rule["rule_id"])
            source_ids += [rule["source_id"], *matched["source_id"]]
            law_ids += list(matched["law_id"])
    return Assessment(answer=answer, reasons=reasons, authority_ids=unique(authority_ids),
                      state_laws=unique(law_ids), rule_ids=rule_ids, source_ids=unique(source_ids))


def assessment_html(result: Assessment, actor: str, action: str, state: str) -> str:
    """The assessment as an HTML panel: answer (symbol + words), reasons, and authorities cited."""
    auth = load("authorities").set_index("authority_id")
    colour = _COLOURS[result.answer]
    items = "".join(f"<li>{escape(r)}</li>" for r in result.reasons)
    cited = "".join(
        f"<li><strong>{escape(auth.at[a, 'name'])}</strong>, {escape(auth.at[a, 'citation'])}</li>"
        for a in result.authority_ids if a in auth.index)
    return (
        f"<div role='region' aria-label='Assessment'>"
        f"<p>{escape(ACTORS[actor])} &middot; {escape(ACTIONS[action])} &middot; {escape(STATES[state])}</p>"
        f"<p style='font-size:1.3em;border-left:6px solid {colour};padding-left:8px'>"
        f"<span aria-hidden='true'>{SYMBOLS[result.answer]}</span> "
        f"<strong>Answer: {escape(result.answer.upper())}</strong></p>"
        f"<p><strong>Why</strong></p><ul>{items}</ul>"
        f"<p><strong>Authorities cited</strong></p><ul>{cited}</ul>"
        f"<p><small>Federal law and state laws as recorded in the course tables; not legal advice.</small></p>"
        f"</div>")


def explore_authority(actor: str = "local_no_agreement", action: str = "civil_arrest", state: str = "TX"):
    """Three dropdowns (officer, action, state) and a panel with the answer, the reasons and the law."""
    import ipywidgets as w

    layout = w.Layout(width="34em")
    style = {"description_width": "5em"}
    actor_dd = w.Dropdown(options=[(v, k) for k, v in ACTORS.items()], value=actor,
                          description="Officer:", layout=layout, style=style)
    action_dd = w.Dropdown(options=[(v, k) for k, v in ACTIONS.items()], value=action,
                           description="Action:", layout=layout, style=style)
    state_dd = w.Dropdown(options=[(f"{name} ({code})", code) for code, name in sorted(STATES.items(), key=lambda kv: kv[1])],
                          value=state, description="State:", layout=layout, style=style)
    panel = w.HTML()

    def refresh(*_):
        try:
            result = assess_authority(actor_dd.value, action_dd.value, state_dd.value)
            panel.value = assessment_html(result, actor_dd.value, action_dd.value, state_dd.value)
        except ValueError as err:  # a dropdown cannot normally produce this; show it, never a traceback
            panel.value = f"<p><strong>Cannot assess:</strong> {escape(str(err))}</p>"

    for control in (actor_dd, action_dd, state_dd):
        control.observe(refresh, names="value")
    refresh()
    box = w.VBox([actor_dd, action_dd, state_dd, panel])
    box.controls = {"actor": actor_dd, "action": action_dd, "state": state_dd, "panel": panel}
    return box
