"""lessons/course.json is the one list of lessons; everything that lists them agrees with it."""

from __future__ import annotations

import json
import re

import pytest

from conftest import REPO
from immfed.lessons import course_map, course_map_markdown, instructors_table_markdown, lesson_paths

ENTRIES = course_map()


def _markdown(path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _code(path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_manifest_lists_every_lesson_once_in_order():
    assert [e["file"] for e in ENTRIES] == [p.name for p in lesson_paths()]
    assert [e["number"] for e in ENTRIES] == [p.name[:2] for p in lesson_paths()]


def test_readme_and_instructors_guide_show_the_manifests_tables():
    assert course_map_markdown() in (REPO / "README.md").read_text(encoding="utf-8"), (
        "README's course map differs from lessons/course.json: paste `immfed course map`")
    assert instructors_table_markdown() in (REPO / "INSTRUCTORS.md").read_text(encoding="utf-8"), (
        "INSTRUCTORS.md's table differs: paste `immfed course map --instructors`")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["number"] for e in ENTRIES])
def test_each_lesson_says_what_the_manifest_says(entry):
    path = REPO / "lessons" / entry["file"]
    text = _markdown(path)
    time_line = re.search(r"\*\*Estimated time:?\*\*:?\s*(.+)", text)
    assert time_line, "no 'Estimated time' line"
    # the manifest's minutes ("70", or "60-75") are the lesson's own
    assert re.search(r"\b" + re.escape(entry["time"].split()[0]) + r"\b", time_line.group(1)), (
        f"manifest time {entry['time']!r} vs lesson: {time_line.group(1)[:80]!r}")
    current = re.search(r"Facts current to:?\**:?\s*(.+)", text).group(1)
    import datetime as dt
    day = dt.date.fromisoformat(entry["facts_current_to"])
    assert entry["facts_current_to"] in current or f"{day.day} {day:%B %Y}" in current, (
        f"manifest facts date {entry['facts_current_to']} vs lesson: {current[:60]!r}")
    called = set(re.findall(r"\b((?:explore|memo)_[a-z_]+)\(", _code(path)))
    assert called == set(entry["tools"]), f"lesson calls {sorted(called)}, manifest lists {entry['tools']}"
    if entry["exercise"]:
        assert (REPO / "exercises" / "student" / entry["exercise"]).is_file()
        assert (REPO / "exercises" / "source" / entry["exercise"]).is_file()


def test_site_index_takes_time_and_exercise_from_the_manifest():
    from immfed.site import index_page

    entry = ENTRIES[4]
    page = index_page([{"number": entry["number"], "page": "p.html", "title": "T", "time": "a long notebook line",
                        "objectives": ["x"], "current": "date"}])
    assert f"<td>{entry['time']}</td>" in page and "a long notebook line" not in page
    assert entry["exercise"][:-6] in page
