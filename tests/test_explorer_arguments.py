"""The explore_* tools check their arguments the way the assess_* functions do: a plain
ValueError naming what is accepted, never ipywidgets' TraitError (issue 13)."""

from __future__ import annotations

import pytest

from immfed.widgets import explore_authority, explore_detainers


def test_lower_case_state_codes_are_accepted_as_assess_accepts_them():
    box = explore_authority(state="ca")
    assert box.controls["state"].value == "CA"
    box = explore_detainers(state="nc")
    assert box.controls["state"].value == "NC"
    box = explore_detainers(state=" north carolina ")  # a full name, any case and spacing
    assert box.controls["state"].value == "NC"


@pytest.mark.parametrize("call, words", [
    (lambda: explore_authority(state="California"), "Unknown state (two-letter postal code) 'CALIFORNIA'"),
    (lambda: explore_authority(actor="sheriff"), "Unknown actor 'sheriff'. Accepted:"),
    (lambda: explore_authority(action="deport"), "Unknown action 'deport'. Accepted:"),
    # a near miss is never guessed (immfed.data.states.state_code)
    (lambda: explore_detainers(state="Californa"), "Unknown state 'Californa'. Accepted: AK, AL"),
    (lambda: explore_detainers(request="fax"), "Unknown request 'fax'. Accepted:"),
    (lambda: explore_detainers(custody="later"), "Unknown custody 'later'. Accepted:"),
    (lambda: explore_detainers(release_day="2030-01-01"), "Unknown release day '2030-01-01'. Accepted: 2026-11-23"),
    (lambda: explore_detainers(release_hour=24), "Release hour must be a whole number from 0 to 23, not 24."),
])
def test_a_bad_argument_names_what_is_accepted(call, words):
    with pytest.raises(ValueError) as err:
        call()
    assert words in str(err.value)
