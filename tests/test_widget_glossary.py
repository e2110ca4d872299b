"""Glossary explorer, driven in plain pytest without a browser."""

from __future__ import annotations

from immfed.data import load
from immfed.widgets.glossary import explore_glossary, search_glossary


def test_glossary_search_is_case_insensitive_and_filters():
    everything = search_glossary("")
    assert len(everything) == len(load("glossary"))
    hits = search_glossary("DETAINER")
    assert len(hits) and hits.apply(lambda r: "detainer" in (r["term"] + r["definition"]).lower(), axis=1).all()
    assert search_glossary("", contested_only=True)["contested"].all()
    lesson_one = search_glossary("", lesson=1)
    assert set(lesson_one["lesson"]) <= {1}


def test_glossary_view_updates_when_typing():
    view = explore_glossary()
    text, lesson, contested = view.children[0].children
    out = view.children[1]
    before = out.value
    text.value = "sanctuary"
    assert out.value != before and "anctuary" in out.value
    text.value = "zzzz-no-such-term"
    assert "No term matches" in out.value


def test_lesson_filter_starts_on_a_visible_all_lessons_label():
    from immfed.widgets.glossary import explore_glossary

    view = explore_glossary()
    _text, lesson, _contested = view.children[0].children
    assert lesson.label == "All lessons"  # a None value would render as an empty box
    out = view.children[1]
    assert "detainer" in out.value.lower()  # every lesson's terms are listed at first
    lesson.value = 1
    assert "First taught: lesson 01" in out.value and "First taught: lesson 04" not in out.value
