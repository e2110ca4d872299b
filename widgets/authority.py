"""Who may do what: an officer, an immigration-related action and a state, with the answer and its law.

A thin view over the course's legal engine, :func:`immfed.law.analyze`: each action here is a
question the engine answers (see :mod:`immfed.law.legacy` for the translation), so this tool,
the detainer tool and the scenario explorer cannot disagree. Facts the question leaves open
(what paperwork ICE sent, where the arrest happens) stay unknown, and where the answer turns
on one the answer is "depends", with the answer for each value in the first reason.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from immfed.data import load
from immfed.widgets.assessment import Assessment
from immfed.widgets.choices import check_choice
from immfed.widgets.palette import PALETTE
from immfed.widgets.text import unique
from immfed.data.states import STATES, state_code
from immfed.law import legacy
from immfed.law.rules import IN_FORCE_STATUSES as _IN_FORCE_STATUSES, in_force

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

# "In force" is defined once, in immfed.law.rules; re-exported here for older imports.
IN_FORCE_STATUSES: tuple[str, ...] = _IN_FORCE_STATUSES

SYMBOLS = {"allowed": "\u2714", "depends": "\u26a0", "not allowed": "\u2716"}
"""Text symbol shown with each answer, so the answer never relies on colour alone."""

_COLOURS = {"allowed": PALETTE["green"], "depends": PALETTE["orange"], "not allowed": PALETTE["vermillion"]}


def state_laws_in_force(state: str) -> pd.DataFrame:
    """The rows of ``state_laws`` for ``state`` (postal code) that are in force (``immfed.law.in_force``)."""
    laws = load("state_laws")
    live = pd.Series([in_force(st, eff) for st, eff in zip(laws["status"], laws["effective"])], index=laws.index)
    keep = (laws["state_code"] == state_code(state)) & live
    return laws[keep].reset_index(drop=True)


def assess_authority(actor: str, action: str, state: str) -> Assessment:
    """May this actor take this action in this state? Returns an :class:`Assessment`.

    ``actor`` is one of ``ACTORS``, ``action`` one of ``ACTIONS`` and ``state`` a two-letter
    postal code of a state or DC (lower case is accepted). The answer is the legal engine's
    (:func:`immfed.law.analyze`) for the question the action names, in this tool's words
    ("required" by state law is reported as "allowed", and the reasons say it is required).
    Unknown values raise ``ValueError`` listing what is accepted.
    """
    check_choice(actor, ACTORS, "actor")
    check_choice(action, ACTIONS, "action")
    code = state.strip().upper() if isinstance(state, str) else state
    check_choice(code, STATES, "state (two-letter postal code)")

    result = legacy.authority_question(actor, action, code)
    reasons = legacy.reasons(result)  # branches keep the engine's words, so 'required' shows
    if result.answer == "required":
        reasons.insert(0, f"State law in {STATES[code]} requires this, so it is allowed and, more than that, required.")
    laws = load("state_laws").set_index("law_id")
    law_ids = legacy.law_ids(result)
    named = [f"{STATES[code]} law: {laws.at[i, 'name']} ({laws.at[i, 'citation']}; status "
             f"{laws.at[i, 'status'].replace('_', ' ')})." for i in law_ids]
    sources = legacy.rule_source_ids(result) + [laws.at[i, "source_id"] for i in law_ids]
    return Assessment(answer=legacy.AUTHORITY_WORDS[result.answer], reasons=reasons + named,
                      authority_ids=list(result.authority_ids), law_ids=law_ids,
                      rule_ids=legacy.rule_ids(result), source_ids=unique(sources))


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
    """Three dropdowns (officer, action, state) and a panel with the answer, the reasons and the law.
    Arguments are checked as ``assess_authority`` checks them (a lower-case code is accepted)."""
    import ipywidgets as w

    # checked before the dropdowns exist: a bad value then names what is accepted instead of
    # raising ipywidgets' TraitError
    check_choice(actor, list(ACTORS), "actor")
    check_choice(action, list(ACTIONS), "action")
    state = check_choice(state.strip().upper() if isinstance(state, str) else state, STATES,
                         "state (two-letter postal code)")

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
