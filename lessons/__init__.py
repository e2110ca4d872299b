"""The lesson notebooks and the helpers they call: course map, citations, references.

Lessons cite sources with markers of the form ``[@source_id]`` (several as
``[@a; @b]``); every marker must name a row of ``sources.csv``, and the reference list
at the end of each lesson is built from the markers it contains.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKER = re.compile(r"\[(@[a-z0-9_]+(?:\s*;\s*@[a-z0-9_]+)*)\]")
CLAIM = re.compile(r"<!--\s*claim:([0-9]{2}-[0-9]{3})\s*-->")
"""A claim marker: an HTML comment placed right after a citation marker, as in
``[@usc_8_1357]<!-- claim:07-003 -->``. It names the row of ``claims.csv`` (the claims
register) that quotes the source for that sentence. Comments do not show in JupyterLab,
Voila or the static site, and :data:`MARKER` still sees the citation in front of it."""
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def lesson_paths() -> list[Path]:
    """The lesson notebooks, in teaching order (their names start with a two-digit number)."""
    return sorted(HERE.glob("[0-9][0-9]_*.ipynb"))


def lesson_path(lesson: str) -> Path:
    """Find a lesson by its number ("02") or file stem ("02_287g_models")."""
    for path in lesson_paths():
        if path.stem == lesson or path.stem.split("_", 1)[0] == lesson:
            return path
    raise KeyError(f"No lesson '{lesson}'. Lessons: {', '.join(p.stem for p in lesson_paths())}")


def markers_in(text: str) -> list[str]:
    """Source ids cited in ``text`` by ``[@id]`` markers, in order of first appearance."""
    ids: list[str] = []
    for group in MARKER.findall(text):
        for part in group.split(";"):
            sid = part.strip().lstrip("@")
            if sid not in ids:
                ids.append(sid)
    return ids


def cited_claims(text: str) -> list[dict]:
    """Every citation marker in markdown ``text``, in order, with the claim marker after it.

    Each item gives ``ids`` (the cited source ids), ``claim`` (the claim id right after the
    marker, or None) and ``line`` (1-based). Markers inside inline code (the "Markers like
    `[@id]`" help text) are not citations and are skipped. Claim markers that do not follow
    a citation are reported with ``ids`` empty, so a checker can flag them.
    """
    out = []
    clean = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)
    attached = set()
    for m in MARKER.finditer(clean):
        ids = [part.strip().lstrip("@") for part in m.group(1).split(";")]
        after = CLAIM.match(clean, m.end())
        if after:
            attached.add(after.start())
        out.append({"ids": ids, "claim": after.group(1) if after else None,
                    "line": clean.count("\n", 0, m.start()) + 1})
    for c in CLAIM.finditer(clean):
        if c.start() not in attached:
            out.append({"ids": [], "claim": c.group(1), "line": clean.count("\n", 0, c.start()) + 1})
    return out


def markdown_text(path: Path) -> str:
    """The markdown cells of a notebook joined as one string (code cells left out)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return "\n".join("".join(c.get("source", "")) for c in nb.get("cells", []) if c.get("cell_type") == "markdown")


def notebook_text(path: Path) -> str:
    """All cell sources of a notebook joined as one string."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return "\n".join("".join(c.get("source", "")) for c in nb.get("cells", []))


def cited_source_ids(paths: list[Path] | None = None) -> set[str]:
    """Every source id cited in the given notebooks (default: all lessons)."""
    ids: set[str] = set()
    for path in paths if paths is not None else lesson_paths():
        ids.update(markers_in(notebook_text(path)))
    return ids


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
