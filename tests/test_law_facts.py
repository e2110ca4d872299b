"""Bad facts give a clear ValueError naming the accepted values; facts are checked once."""

import pytest

from immfed.law import analyze


@pytest.mark.parametrize("kwargs, words", [
    (dict(state="XX", actor="jem", action="ask_status"), "Accepted: AK, AL"),
    (dict(state="TX", actor="sheriff", action="ask_status"), "ice_officer, local_no_agreement"),
    (dict(state="TX", actor="jem", action="deport"), "ask_status, prolong_stop_for_status"),
    (dict(state="TX", actor="jem", action="ask_status", location="moon"), "roadside"),
    (dict(state="TX", actor="jem", action="ask_status", paperwork=("i247",)), "detainer"),
    (dict(state="TX", actor="jem", action="ask_status", paperwork=42), "tuple"),
    (dict(state="TX", actor="jem", action="ask_status", paperwork=("none", "detainer")), "cannot be combined"),
    (dict(state="TX", actor="jem", action="ask_status", charge="parking"), "serious_or_violent"),
    (dict(state="TX", actor="jem", action="ask_status", custody="arrested"), "release_due"),
    (dict(state="TX", actor="jem", action="ask_status", person="alien"), "crime_victim"),
    (dict(state="TX", actor="jem", action="ask_status", consent="yes"), "adult_occupant"),
    (dict(state="TX", actor="jem", action="ask_status", certified="yes"), "True, False"),
    (dict(state="PR", actor="jem", action="ask_status"), "two-letter"),
])
def test_bad_facts_raise_value_error_listing_accepted_values(kwargs, words):
    with pytest.raises(ValueError, match="Accepted|cannot") as err:
        analyze(**kwargs)
    assert words in str(err.value)


def test_lower_case_state_and_single_paperwork_string_are_accepted():
    a = analyze("tx", "local_no_agreement", "hold_past_release", paperwork="detainer")
    assert a.answer == "required" and a.facts["state"] == "TX" and a.facts["paperwork"] == ("detainer",)


def test_omitted_facts_are_unknown_and_the_answer_names_what_it_turns_on():
    a = analyze("TX", "local_no_agreement", "hold_past_release")
    assert a.answer == "depends" and a.deciding_fact == "paperwork"
    # Tex. Code Crim. Proc. art. 2.251 (detainer alone suffices); 8 C.F.R. 287.7(a) (notice requests ask no hold)
    assert a.branches["detainer"] == "required" and a.branches["detainer+admin_warrant"] == "required"
    assert a.branches["notification_request"] == "not allowed"
    assert a.branches["judicial_warrant"] == "allowed"


def test_steps_come_in_level_order():
    from immfed.law import LEVELS
    a = analyze("TX", "local_no_agreement", "hold_past_release", paperwork=("detainer",), person="citizen")
    levels = [LEVELS.index(s.level) for s in a.steps]
    assert levels == sorted(levels) and a.steps[-1].level == "constitutional"
