"""The older tools are wrappers over immfed.law: same answer, in their own words, everywhere."""

import datetime as dt

import pytest

from immfed.data.states import ALL_CODES, STATES
from immfed.law import analyze
from immfed.law.legacy import AUTHORITY_QUESTIONS, AUTHORITY_WORDS, CRIMINAL_CHARGES, DETAINER_PAPERWORK, DETAINER_WORDS
from immfed.widgets.authority import ACTIONS, ACTORS, assess_authority
from immfed.widgets.detainers import CUSTODY, REQUESTS, assess_detainer, clock_segments, clock_summary, detainer_clock


@pytest.mark.parametrize("state", sorted(STATES))
def test_authority_tool_agrees_with_the_engine_for_every_actor_and_action(state):
    for actor in ACTORS:
        for action in ACTIONS:
            engine_action, facts = AUTHORITY_QUESTIONS[action]
            expected = analyze(state, actor, engine_action, **facts)
            got = assess_authority(actor, action, state)
            assert got.answer == AUTHORITY_WORDS[expected.answer], (state, actor, action)
            assert got.authority_ids == expected.authority_ids
            if expected.answer == "depends":
                assert got.reasons[0].startswith("It depends on")


@pytest.mark.parametrize("state", sorted(ALL_CODES))
def test_detainer_tool_agrees_with_the_engine_for_every_request_and_custody(state):
    for request in REQUESTS:
        for custody in CUSTODY:
            got = assess_detainer(state, request, custody)
            if state not in STATES:  # territories: no territorial law recorded, so the same as a state with none
                assert got.answer == assess_detainer("OH", request, custody).answer
                continue
            expected = analyze(state, "local_no_agreement", "hold_past_release",
                               paperwork=DETAINER_PAPERWORK[request], custody=custody)
            if expected.deciding_fact == "charge":  # everyone in this tool is jailed on a criminal charge
                answers = {expected.branches[c] for c in CRIMINAL_CHARGES}
                want = DETAINER_WORDS[answers.pop()] if len(answers) == 1 else "unsettled"
            else:
                want = DETAINER_WORDS[expected.answer]
            assert got.answer == want, (state, request, custody)


def test_texas_tools_agree():
    # Tex. Code Crim. Proc. art. 2.251: a detainer alone must be honored.
    assert assess_detainer("TX", "detainer", "release_due").answer == "required"
    assert analyze("TX", "local_no_agreement", "hold_past_release", paperwork=("detainer",)).answer == "required"
    assert "detainer: required" in assess_authority("local_no_agreement", "hold_on_detainer", "TX").reasons[0]


def test_new_jersey_is_fact_dependent_not_unsettled_law():
    # N.J. AG Directive 2018-6 (rev. 2019): holds only for listed violent or serious offenses.
    a = assess_detainer("NJ", "detainer", "release_due")
    assert "It depends on the charge" in a.reasons[0] and "serious or violent: permitted" in a.reasons[0]


def test_north_carolina_clock_counts_48_straight_hours():
    # N.C.G.S. 162-62(b1): 48 hours after the person would otherwise be released, no weekend exclusion.
    friday = dt.datetime(2026, 11, 27, 17)
    assert detainer_clock(friday, state="NC") == dt.datetime(2026, 11, 29, 17)
    # 8 C.F.R. 287.7(d) alone skips Saturday, Sunday: ends Tuesday 17:00
    assert detainer_clock(friday) == dt.datetime(2026, 12, 1, 17)
    assert detainer_clock(friday, state="TX") == dt.datetime(2026, 12, 1, 17)
    assert all(p["counted"] for p in clock_segments(friday, state="NC"))
    text = clock_summary(friday, state="NC")
    assert "162-62(b1)" in text and "Sun 29 Nov 2026, 17:00" in text and "Tue 01 Dec 2026, 17:00" in text


def test_explorer_clock_switches_to_north_carolinas_count():
    from immfed.widgets.detainers import explore_detainers

    view = explore_detainers(state="TX")
    assert "287.7(d)" in view.controls["figure"].layout.title.text
    view.controls["state"].value = "NC"
    assert "162-62(b1)" in view.controls["figure"].layout.title.text
    assert "48 straight hours" in view.controls["summary"].value
