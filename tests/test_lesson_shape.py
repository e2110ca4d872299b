"""Every lesson keeps the shape DESIGN.md promises instructors.

Objectives, an estimated time and a facts-current-to date up front; at least one
interactive tool and three self-checks that exist in the self_checks table for that
lesson; key takeaways, discussion prompts and, last, the reference list of its own
lesson number. A lesson added later is held to the same shape automatically.
"""

from __future__ import annotations

import datetime as dt
import re

import nbformat
import pytest

from conftest import REPO
from immfed.data import load

LESSONS = sorted((REPO / "lessons").glob("[0-9][0-9]_*.ipynb"))
QUIZ_CALL = re.compile(r"""\bquiz\(\s*["']([a-z0-9_]+)["']""")
TOOL_CALL = re.compile(r"\b(explore_[a-z_]+|quiz)\(")
CURRENT_TO = re.compile(r"Facts current to:\**\s*(\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4})")


def _cells(path):
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    return markdown, code


def _parse_date(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise AssertionError(f"unreadable date {text!r}")


def test_there_are_lessons():
    assert len(LESSONS) >= 4


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_opens_with_objectives_time_and_currency_date(path):
    markdown, _ = _cells(path)
    assert re.search(r"^#+ Learning objectives", markdown, re.M), "no 'Learning objectives' heading"
    assert "Estimated time" in markdown
    found = CURRENT_TO.search(markdown)
    assert found, "no 'Facts current to: <date>' line"
    assert _parse_date(found.group(1)) <= dt.date.today(), "facts dated in the future"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_ends_with_takeaways_prompts_and_its_own_references(path):
    markdown, code = _cells(path)
    assert re.search(r"^#+ Key takeaways", markdown, re.M)
    assert re.search(r"^#+ Discussion prompts", markdown, re.M)
    number = path.name[:2]
    assert re.search(rf"""reference_list\(\s*["']{number}["']\s*\)""", code[-1]), (
        f"the last code cell should be reference_list('{number}')")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_a_tool_and_three_self_checks_of_its_own(path):
    _, code = _cells(path)
    source = "\n".join(code)
    tools = {m for m in TOOL_CALL.findall(source) if m != "quiz"}
    assert tools, "no interactive explore_... tool"
    ids = QUIZ_CALL.findall(source)
    assert len(set(ids)) >= 3, f"only {len(set(ids))} self-checks"
    checks = load("self_checks").set_index("question_id")
    missing = [q for q in ids if q not in checks.index]
    assert not missing, f"self-checks not in self_checks.csv: {missing}"
    number = int(path.name[:2])
    wrong_lesson = [q for q in ids if int(checks.loc[q, "lesson"]) != number]
    assert not wrong_lesson, f"self-checks filed under another lesson: {wrong_lesson}"
