"""Scripted wrong rules for the mutation check (tests/test_mutation_check.py).

Each mutant changes one rule the course teaches or enforces, the way a careless edit
would, and names the tests that must notice. ``apply(name)`` installs it; the pytest
plugin below does so at start-up when ``IMMFED_MUTANT`` is set, before any test module
imports the code, so names imported with ``from ... import`` see the mutant too.
"""

from __future__ import annotations

import os


def _hold_72_hours():
    import immfed.widgets.detainers as d

    d.HOLD_HOURS = 72  # 8 C.F.R. 287.7(d) says 48
    defaults = list(d.detainer_clock.__defaults__)
    defaults[0] = 72
    d.detainer_clock.__defaults__ = tuple(defaults)
    defaults = list(d.clock_segments.__defaults__)
    defaults[0] = 72
    d.clock_segments.__defaults__ = tuple(defaults)


def _weekends_count():
    import immfed.widgets.detainers as d

    original = d._excluded
    d._excluded = lambda day, holidays: None if day.weekday() >= 5 else original(day, holidays)


def _funnel_adds():
    import immfed.widgets.pipeline as p

    original = p.funnel

    def wrong(bookings, rates=None):
        # a careless edit: every stage after the first is off by one person
        counts = original(bookings, rates)
        first = next(iter(counts))
        return {k: v if k == first else v + 1 for k, v in counts.items()}
    p.funnel = wrong


def _partly_enjoined_not_in_force():
    import immfed.law.rules as r

    # in_force reads IN_FORCE_STATUSES when called, so narrowing the tuple is the whole edit
    r.IN_FORCE_STATUSES = tuple(s for s in r.IN_FORCE_STATUSES if s != "partly_enjoined")


def _choice_accepts_anything():
    import immfed.exercises.scoring as s

    s._KINDS["choice"] = lambda k, v: ("correct", k["explanation"])


def _guess_near_miss_states():
    import immfed.data.states as st

    original = st.state_code

    def guessing(value, allow_territories=True):
        try:
            return original(value, allow_territories)
        except ValueError:
            return "WV" if isinstance(value, str) and "virginia" in value.lower() else "OR"
    st.state_code = guessing


def _vocabulary_unchecked():
    import importlib

    # immfed.data.catalog is also the name of a function in immfed.data: take the module itself
    c = importlib.import_module("immfed.data.catalog")
    c.Catalog._check_vocabularies = lambda self, table, resource: None


def _self_check_marks_wrong_right():
    import immfed.exercises.scoring as s

    original = s._choice

    def lenient(k, v):
        status, message = original(k, v)
        return ("correct", message) if status == "incorrect" else (status, message)
    s._choice = lenient
    s._KINDS["choice"] = lenient


MUTANTS = {
    # name: (installer, tests that must fail)
    "hold_72_hours": (_hold_72_hours, ["tests/test_widget_detainers.py::test_clock_on_weekdays_is_48_clock_hours",
                                       "tests/test_widget_detainers.py::test_clock_segments_count_exactly_48_hours"]),
    "weekends_count": (_weekends_count, ["tests/test_widget_detainers.py::test_clock_across_a_weekend"]),
    "funnel_adds": (_funnel_adds, ["tests/test_widget_pipeline.py::test_funnel_is_multiplication"]),
    "partly_enjoined_not_in_force": (_partly_enjoined_not_in_force, ["tests/test_in_force.py"]),
    "choice_accepts_anything": (_choice_accepts_anything, ["tests/test_widget_quiz.py",
                                                           "tests/test_exercises.py::test_feedback_says_right_or_wrong_and_why"]),
    "guess_near_miss_states": (_guess_near_miss_states, ["tests/test_states.py"]),
    "vocabulary_unchecked": (_vocabulary_unchecked, ["tests/test_states.py::test_a_status_outside_its_vocabulary_is_refused"]),
    "self_check_marks_wrong_right": (_self_check_marks_wrong_right, ["tests/test_widget_quiz.py"]),
}


def apply(name: str) -> None:
    """Install mutant ``name``."""
    MUTANTS[name][0]()


def pytest_configure(config):
    name = os.environ.get("IMMFED_MUTANT")
    if name:
        apply(name)
