"""The lesson notebooks and the helpers they call: course map, citations, references.

Lessons cite sources with markers of the form ``[@source_id]`` (several as
``[@a; @b]``); every marker must name a row of ``sources.csv``, and the reference list
at the end of each lesson is built from the markers it contains.
"""

from __future__ import annotations

import json
from pathlib import Path

# The marker syntax and its parsing live in the data layer, which checks citations against
# the tables; the lessons use them from there.
from immfed.data.citations import markdown_text, markers_in, notebook_text

HERE = Path(__file__).resolve().parent


def lesson_paths() -> list[Path]:
    """The lesson notebooks, in teaching order (their names start with a two-digit number)."""
    return sorted(HERE.glob("[0-9][0-9]_*.ipynb"))


def lesson_path(lesson: str) -> Path:
    """Find a lesson by its number ("02") or file stem ("02_287g_models")."""
    for path in lesson_paths():
        if path.stem == lesson or path.stem.split("_", 1)[0] == lesson:
            return path
    raise KeyError(f"No lesson '{lesson}'. Lessons: {', '.join(p.stem for p in lesson_paths())}")


def lesson_notebooks() -> dict[str, Path]:
    """Each lesson's notebook keyed by its two-digit number, for the data checks
    (``immfed.data.integrity.problems``) that hold the lessons to the tables."""
    return {p.stem[:2]: p for p in lesson_paths()}


def lesson_markdown() -> dict[str, str]:
    """The markdown of each lesson, keyed by its two-digit number (for the claims register)."""
    return {number: markdown_text(path) for number, path in lesson_notebooks().items()}


def reference_list(lesson: str):
    """Show the numbered reference list for a lesson, built from its citation markers.

    Returns an ``IPython.display.HTML`` object; each entry carries its source id so a
    reader can match it to the ``[@id]`` markers in the text.
    """
    from html import escape

    from IPython.display import HTML

    from immfed.data import catalog

    cat = catalog()
    ids = markers_in(notebook_text(lesson_path(lesson)))
    items = []
    for sid in sorted(ids, key=lambda s: cat.source(s)["title"].lower()):
        url = escape(cat.source(sid)["url"])
        text = escape(cat.cite(sid)).replace(url, f'<a href="{url}">{url}</a>')
        items.append(f'<li id="ref-{sid}"><code>{sid}</code>: {text}</li>')
    return HTML(f"<ol class='immfed-references'>{''.join(items)}</ol>")


# -- the course manifest ---------------------------------------------------------------
# lessons/course.json is the one list of lessons with their titles, times, facts dates,
# tools and exercises. The README's course map and INSTRUCTORS.md's table are rendered
# from it (`immfed course map`) and tests check that both, the notebooks and the site
# agree with it, so none of them can go stale on its own.

def course_map() -> list[dict]:
    """The lessons in teaching order, as listed in ``course.json`` (one dict per lesson)."""
    return json.loads((HERE / "course.json").read_text(encoding="utf-8"))["lessons"]


def course_map_markdown() -> str:
    """The README's course-map table, rendered from the manifest."""
    rows = ["| # | Lesson | Time | Interactive tools | Exercise |", "|---|---|---|---|---|"]
    for entry in course_map():
        title = f"[{entry['title']}](lessons/{entry['file']})" + (f": {entry['blurb']}" if entry["blurb"] else "")
        tools = ", ".join(f"`{t}()`" for t in entry["tools"])
        exercise = f"`exercises/student/{entry['exercise']}`" if entry["exercise"] else "(self-checks only)"
        rows.append(f"| {entry['number']} | {title} | {entry['time']} | {tools} | {exercise} |")
    return "\n".join(rows)


def instructors_table_markdown() -> str:
    """INSTRUCTORS.md's "course at a glance" table, rendered from the manifest."""
    rows = ["| # | Lesson | Class time | Facts current to | Exercise |", "|---|---|---|---|---|"]
    for entry in course_map():
        title = entry["title"] + (f": {entry['blurb']}" if entry["blurb"] else "")
        exercise = f"`{entry['exercise'][:-6]}`" if entry["exercise"] else "(none; lesson self-checks)"
        rows.append(f"| {entry['number']} | {title} | {entry['time']} | {entry['facts_current_to']} | {exercise} |")
    return "\n".join(rows)
