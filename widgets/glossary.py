"""Glossary explorer: search the terms a student meets, with who uses contested terms how."""

from __future__ import annotations

from html import escape

import pandas as pd

from immfed.data import cite, load

LESSON_NAMES = {0: "Start here", 1: "Federal baseline", 2: "287(g) models", 3: "Policing pipeline",
                4: "Detainers and jails", 5: "Joint operations", 6: "Politics and accountability",
                7: "Capstone"}


def search_glossary(query: str = "", lesson: int | None = None, contested_only: bool = False) -> pd.DataFrame:
    """Glossary rows whose term, abbreviation or definition contains ``query`` (any case).

    ``lesson`` keeps terms first taught in that lesson; ``contested_only`` keeps terms
    different sides use differently. A non-text query is treated as text.
    """
    table = load("glossary")
    text = str(query or "").strip().casefold()
    if text:
        hay = (table["term"].fillna("") + " " + table["abbreviation"].fillna("") + " "
               + table["definition"].fillna("")).str.casefold()
        table = table[hay.str.contains(text, regex=False)]
    if lesson is not None:
        table = table[table["lesson"] == lesson]
    if contested_only:
        table = table[table["contested"]]
    return table.sort_values("term", key=lambda s: s.str.casefold()).reset_index(drop=True)


def glossary_html(rows: pd.DataFrame) -> str:
    """Matched terms as an HTML definition list with usage notes and sources."""
    if rows.empty:
        return "<p>No term matches. Try a shorter word, or clear the filters.</p>"
    parts = [f"<p>{len(rows)} term{'s' if len(rows) != 1 else ''}.</p><dl>"]
    for _, r in rows.iterrows():
        abbr = f" ({escape(r['abbreviation'])})" if isinstance(r["abbreviation"], str) else ""
        flag = " <em>[contested term]</em>" if r["contested"] else ""
        note = f"<br><strong>Usage:</strong> {escape(r['usage_note'])}" if isinstance(r["usage_note"], str) else ""
        parts.append(f"<dt><strong>{escape(r['term'])}</strong>{abbr}{flag}</dt><dd>{escape(r['definition'])}"
                     f"{note}<br><small>First taught: lesson {int(r['lesson']):02d} "
                     f"({LESSON_NAMES[int(r['lesson'])]}). Source: {escape(cite(r['source_id']))}</small></dd>")
    parts.append("</dl>")
    return "".join(parts)


def explore_glossary():
    """A search box and filters over the course glossary."""
    import ipywidgets as w

    box = w.Text(placeholder="Type a term, e.g. detainer", description="Search:")
    # -1 stands for "all": a Dropdown whose value is None shows a blank box, not its label
    lesson = w.Dropdown(options=[("All lessons", -1)] + [(f"{k:02d} {v}", k) for k, v in LESSON_NAMES.items()],
                        value=-1, description="Lesson:")
    contested = w.Checkbox(value=False, description="Contested terms only", indent=False)
    out = w.HTML()

    def refresh(*_):
        chosen = None if lesson.value == -1 else lesson.value
        out.value = glossary_html(search_glossary(box.value, chosen, contested.value))

    for control in (box, lesson, contested):
        control.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([box, lesson, contested]), out])
