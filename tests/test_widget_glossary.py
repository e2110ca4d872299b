"""Glossary explorer, driven in plain pytest without a browser."""

from __future__ import annotations

from immfed.data import load
from immfed.widgets.glossary import explore_glossary, search_glossary


def test_glossary_search_is_case_insensitive_and_filters():
    # hand-picked terms: "anti-sanctuary law" is marked contested (its label is disputed) and first taught in
    # lesson 04; "judicial warrant" is not contested and is taught in lesson 01; DHS is lesson 00
    everything = search_glossary("")
    assert len(everything) == len(load("glossary")) and len(everything) > 40
    hits = set(search_glossary("DETAINER")["term"])
    assert {"immigration detainer", "form i-247a", "48-hour rule"} <= {t.lower() for t in hits}
    assert "Department of Homeland Security" not in hits and "Tenth Amendment" not in hits
    contested = set(search_glossary("", contested_only=True)["term"])
    assert "anti-sanctuary law" in contested and "sanctuary jurisdiction" in contested
    assert "judicial warrant" not in contested and "Department of Homeland Security" not in contested
    lesson_one = set(search_glossary("", lesson=1)["term"])
    assert {"judicial warrant", "preemption", "Tenth Amendment"} <= lesson_one
    assert "Department of Homeland Security" not in lesson_one and "anti-sanctuary law" not in lesson_one


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
