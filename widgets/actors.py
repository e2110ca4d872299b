"""Who is who: the agencies and offices that meet at an immigration arrest.

The facts live in the ``actor_facts`` table, one sourced claim per row; the actors' names
and levels of government and the aspect headings are the ``explorer_actor`` and
``actor_aspect`` vocabularies (``vocabulary.csv``). ``actor_profile`` and ``actor_html``
are the pure part (tested without a browser); ``explore_actors`` is the view a lesson shows.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from immfed.data import cite, load
from immfed.data.vocabulary import groups, labels
from immfed.widgets.choices import check_choice

# The vocabulary's order is the dropdown's: federal agencies first, then the state and
# local offices they meet, then the people who check and contest all of them.
ACTORS: dict[str, dict[str, str]] = {code: {"name": name, "level": groups("explorer_actor")[code]}
                                     for code, name in labels("explorer_actor").items()}

ASPECTS: dict[str, str] = labels("actor_aspect")


def actor_ids() -> list[str]:
    """The accepted actor ids, in display order."""
    return list(ACTORS)


def actor_facts() -> pd.DataFrame:
    """All actor facts as a table: actor, actor name, level, aspect, position, text, source_id."""
    facts = load("actor_facts")
    facts.insert(1, "actor_name", facts["actor"].map(lambda a: ACTORS[a]["name"]))
    facts.insert(2, "level", facts["actor"].map(lambda a: ACTORS[a]["level"]))
    return facts


def actor_profile(actor: str) -> dict:
    """One actor's name, level and facts grouped by aspect.

    Returns ``{"actor", "name", "level", "sections": {aspect heading: [(text, source_id), ...]},
    "source_ids": [...]}``. An unknown actor raises ``ValueError`` listing the accepted ids.
    """
    check_choice(actor, ACTORS, "actor")
    sections: dict[str, list[tuple[str, str]]] = {}
    source_ids: list[str] = []
    facts = load("actor_facts")
    mine = facts[facts["actor"] == actor].sort_values("position", kind="stable")
    for aspect, heading in ASPECTS.items():
        rows = mine[mine["aspect"] == aspect]
        items = list(zip(rows["text"], rows["source_id"]))
        if items:
            sections[heading] = items
        for _, sid in items:
            if sid not in source_ids:
                source_ids.append(sid)
    return {"actor": actor, "name": ACTORS[actor]["name"], "level": ACTORS[actor]["level"],
            "sections": sections, "source_ids": source_ids}


def actor_html(actor: str) -> str:
    """The panel for one actor: its facts under headings, each with a numbered note to its source."""
    profile = actor_profile(actor)
    number = {sid: i for i, sid in enumerate(profile["source_ids"], start=1)}
    parts = [f"<h4>{escape(profile['name'])}</h4><p><em>Level of government: {escape(profile['level'])}</em></p>"]
    for heading, items in profile["sections"].items():
        parts.append(f"<p><strong>{escape(heading)}</strong></p><ul>")
        parts.extend(f"<li>{escape(text)} <sup>[{number[sid]}]</sup></li>" for text, sid in items)
        parts.append("</ul>")
    parts.append("<p><strong>Sources</strong></p><ol style='font-size:0.9em'>")
    parts.extend(f"<li><code>{escape(sid)}</code>: {escape(cite(sid))}</li>" for sid in profile["source_ids"])
    parts.append("</ol>")
    return "".join(parts)


def explore_actors(actor: str = "ice_ero"):
    """A dropdown of the actors in this course; the panel below shows the chosen one's role, powers and sources.

    Use Tab to reach the dropdown and the arrow keys to move through the actors.
    """
    import ipywidgets as w

    message = w.HTML()
    if actor not in ACTORS:
        # A typo in a notebook should show what is accepted, not a traceback.
        message.value = (f"<p role='alert'>Unknown actor {escape(repr(actor))}. Showing ICE ERO instead. "
                         f"Accepted: {escape(', '.join(ACTORS))}</p>")
        actor = "ice_ero"
    picker = w.Dropdown(options=[(f"{v['name']} ({v['level']})", k) for k, v in ACTORS.items()], value=actor,
                        description="Actor:", layout=w.Layout(width="max-content"),
                        style={"description_width": "initial"})
    panel = w.HTML(value=actor_html(actor))

    def show(change):
        panel.value = actor_html(change["new"])
        message.value = ""

    picker.observe(show, names="value")
    box = w.VBox([message, picker, panel])
    # Tests and instructors can reach the parts without digging through children.
    box.picker, box.panel, box.message = picker, panel, message
    return box
