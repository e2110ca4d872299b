"""Scenario explorer: set the facts of a real situation and read the law's answer, step by step.

The pure functions (:func:`scenario_html`) compute what to show from
:func:`immfed.law.analyze`; :func:`explore_scenario` is a thin ipywidgets view with one
keyboard-usable dropdown per fact. No chart: the answer, the chain of steps (federal baseline,
287(g) agreement, state law, constitutional limits) with their citations, and the branches when
the answer turns on a fact that was not given.
"""

from __future__ import annotations

from html import escape

from immfed.data import load
from immfed.data.states import STATES
from immfed.law import LEVELS, analyze
from immfed.law.facts import (ACTIONS, ACTORS, CHARGES, CONSENT, CUSTODY, LOCATIONS, PAPERWORK, PERSONS, UNKNOWN,
                              check_facts)
from immfed.law.legacy import FACT_WORDS
from immfed.widgets.style import PALETTE

SYMBOLS = {"allowed": "\u2714", "not allowed": "\u2716", "required": "\u25b2", "depends": "\u26a0"}
"""Text symbol shown with each answer, so the answer never relies on colour alone."""

_COLOURS = {"allowed": PALETTE["green"], "not allowed": PALETTE["vermillion"], "required": PALETTE["blue"],
            "depends": PALETTE["orange"]}

LEVEL_TITLES = {"federal": "Federal baseline", "agreement": "287(g) agreement", "state": "State law",
                "constitutional": "Constitutional limits"}

# Paperwork choices offered in the explorer (any tuple can still be passed to the function).
# Stored sorted, as immfed.law stores checked paperwork, so a starting value always matches.
PAPERWORK_CHOICES: tuple[tuple[str, ...], ...] = tuple(tuple(sorted(p)) for p in (
    (UNKNOWN,), ("none",), ("verbal_request",), ("notification_request",), ("detainer",),
    ("detainer", "admin_warrant"), ("admin_warrant",), ("judicial_warrant",), ("final_order",),
))


def _paperwork_label(codes: tuple[str, ...]) -> str:
    if codes == (UNKNOWN,):
        return "Not known"
    return " + ".join(PAPERWORK[c] for c in sorted(codes, key=list(PAPERWORK).index))


def _cite_list(ids, auth) -> str:
    items = [f"{escape(str(auth.at[i, 'name']))} ({escape(str(auth.at[i, 'citation']))})" for i in ids if i in auth.index]
    return "; ".join(items)


def scenario_html(result, reveal: bool = True) -> str:
    """The analysis as an HTML panel: answer (symbol + words), steps by level, branches, citations.

    With ``reveal=False`` the answer and steps are left out (for predict-then-reveal).
    """
    auth = load("authorities").set_index("authority_id")
    f = result.facts
    facts_line = (f"{escape(STATES[f['state']])} &middot; {escape(ACTORS[f['actor']])} &middot; "
                  f"{escape(ACTIONS[f['action']])}")
    if not reveal:
        return (f"<div role='region' aria-label='Scenario'><p>{facts_line}</p>"
                "<p><strong>Make your prediction, then press \u201cShow the answer\u201d.</strong></p></div>")
    answer = result.answer
    head = (f"<p style='font-size:1.3em;border-left:6px solid {_COLOURS[answer]};padding-left:8px'>"
            f"<span aria-hidden='true'>{SYMBOLS[answer]}</span> <strong>Answer: {escape(answer.upper())}</strong></p>")
    branches = ""
    if answer == "depends":
        fact = FACT_WORDS.get(result.deciding_fact, result.deciding_fact)
        rows = "".join(
            f"<tr><td>{escape(v.replace('+', ' + ').replace('_', ' '))}</td>"
            f"<td><span aria-hidden='true'>{SYMBOLS[a]}</span> {escape(a)}"
            f"{escape(' (then on ' + FACT_WORDS.get(result.branch_facts[v], result.branch_facts[v]).split(' (')[0] + ')') if a == 'depends' and v in result.branch_facts else ''}"
            f"</td></tr>" for v, a in result.branches.items())
        branches = (f"<p><strong>It turns on {escape(fact)}</strong>, which was not given:</p>"
                    f"<table><thead><tr><th scope='col'>If it is</th><th scope='col'>the answer is</th></tr></thead>"
                    f"<tbody>{rows}</tbody></table>")
    steps = ""
    for level in LEVELS:
        mine = [s for s in result.steps if s.level == level]
        if not mine:
            continue
        items = "".join(f"<li>{escape(s.text)}<br><small>Authority: {_cite_list(s.authority_ids, auth)}</small></li>"
                        for s in mine)
        steps += f"<li><strong>{escape(LEVEL_TITLES[level])}</strong><ol>{items}</ol></li>"
    return (f"<div role='region' aria-label='Scenario'><p>{facts_line}</p>{head}{branches}"
            f"<p><strong>How the law gets there</strong></p><ol>{steps}</ol>"
            f"<p><small>Law as recorded in the course tables as of 2026-11-27; not legal advice.</small></p></div>")


def explore_scenario(state: str = "NC", actor: str = "jem", action: str = "hold_past_release", *,
                     location: str = UNKNOWN, paperwork=("detainer", "admin_warrant"), charge: str = UNKNOWN,
                     custody: str = UNKNOWN, person: str = UNKNOWN, consent: str = UNKNOWN,
                     certified: bool = True, reveal: bool = True):
    """Dropdowns for every fact and a panel with the answer, the chain of steps and the branches.

    Arguments are the starting facts (same codes as :func:`immfed.law.analyze`); bad codes raise
    ``ValueError`` naming the accepted values before any widget is built. With ``reveal=False``
    the answer stays hidden until the student presses "Show the answer" (predict, then reveal).
    """
    import ipywidgets as w

    facts = check_facts(state=state, actor=actor, action=action, location=location, paperwork=paperwork,
                        charge=charge, custody=custody, person=person, consent=consent, certified=certified)
    layout = w.Layout(width="40em")
    style = {"description_width": "9em"}

    def dd(label, options, value):
        return w.Dropdown(options=options, value=value, description=label, layout=layout, style=style)

    unknown = [("Not known", UNKNOWN)]
    paper_choices = list(PAPERWORK_CHOICES)
    if facts["paperwork"] not in paper_choices:
        paper_choices.append(facts["paperwork"])
    controls = {
        "state": dd("State:", [(f"{n} ({c})", c) for c, n in sorted(STATES.items(), key=lambda kv: kv[1])], facts["state"]),
        "actor": dd("Who acts:", [(v, k) for k, v in ACTORS.items()], facts["actor"]),
        "action": dd("Action:", [(v, k) for k, v in ACTIONS.items()], facts["action"]),
        "paperwork": dd("Paperwork:", [(_paperwork_label(p), p) for p in paper_choices], facts["paperwork"]),
        "location": dd("Where:", unknown + [(v, k) for k, v in LOCATIONS.items()], facts["location"]),
        "charge": dd("Charge:", unknown + [(v, k) for k, v in CHARGES.items()], facts["charge"]),
        "custody": dd("Custody:", unknown + [(v, k) for k, v in CUSTODY.items()], facts["custody"]),
        "person": dd("Person:", [(v, k) for k, v in PERSONS.items()], facts["person"]),
        "consent": dd("Consent to enter:", unknown + [(v, k) for k, v in CONSENT.items()], facts["consent"]),
        "certified": dd("287(g) certified:", [("Yes", True), ("No", False)], certified),
    }
    panel = w.HTML()
    show = w.Button(description="Show the answer", tooltip="Reveal the law's answer after you predict")
    state_of = {"revealed": reveal}

    def refresh(*_):
        try:
            result = analyze(**{k: c.value for k, c in controls.items()})
            panel.value = scenario_html(result, reveal=state_of["revealed"])
        except ValueError as err:  # dropdowns cannot normally produce this; show it, never a traceback
            panel.value = f"<p><strong>Cannot analyse:</strong> {escape(str(err))}</p>"

    def on_show(_):
        state_of["revealed"] = True
        show.layout.display = "none"
        refresh()

    for control in controls.values():
        control.observe(refresh, names="value")
    show.on_click(on_show)
    if reveal:
        show.layout.display = "none"
    refresh()
    box = w.VBox([*controls.values(), show, panel])
    box.controls = {**controls, "panel": panel, "show": show}
    return box
