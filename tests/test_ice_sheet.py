"""Reading ICE's sheet: which slips are fixed (and reported), which are refused, repeats.

Each case is worked out by hand from the state names: a fix is made only when exactly
one state is one slip away and every other state is far away.
"""

from __future__ import annotations

import datetime as dt

import pytest
from ice_sheets import write_sheet

from immfed.data.refresh import RefreshError, normalise_state, read_ice_sheet, refresh_287g



def sheet(path, rows):
    return write_sheet(path, rows)


@pytest.mark.parametrize("raw, nearest", [
    ("W Virginia", "Virginia and West Virginia"),  # two from Virginia, three from West Virginia
    ("Oregano", "Oregon"),                        # two from Oregon: a word, not a slip
    ("Akansas", "Arkansas and Kansas"),           # one from Arkansas but two from Kansas
])
def test_a_name_near_another_state_is_an_error_not_a_fix(raw, nearest):
    with pytest.raises(RefreshError) as info:
        normalise_state(raw)
    message = str(info.value)
    assert f"unknown state '{raw}'" in message and f"near {nearest}" in message
    assert "Accepted names: Alabama, Alaska" in message and "Wyoming" in message


@pytest.mark.parametrize("raw, code, note", [
    ("New Hamsphire", "NH", "misspelling ICE has printed before"),
    ("Pennsylvnaia", "PA", "one letter off"),   # neighbours swapped
    ("Tennesse", "TN", "one letter off"),       # a letter dropped
])
def test_known_and_unambiguous_slips_are_fixed_and_reported(raw, code, note):
    got, fix = normalise_state(raw)
    assert got == code and note in fix and raw in fix


def test_short_names_are_never_guessed():
    with pytest.raises(RefreshError, match="unknown state 'Ohia'"):
        normalise_state("Ohia")


def test_bad_state_names_the_sheet_row(tmp_path):
    path = sheet(tmp_path / "participatingAgencies11202026.xlsx", [
        ["Texas", "A Sheriff", "Sheriff", "A", "Task Force Model", "2025-01-01"],
        ["W Virginia", "B Sheriff", "Sheriff", "B", "Task Force Model", "2025-01-01"],
    ])
    with pytest.raises(RefreshError, match=r"sheet row 3: unknown state 'W Virginia'.*Accepted names"):
        read_ice_sheet(path)


def test_exact_duplicate_rows_are_reported_and_counted_once(tmp_path):
    row = ["Texas", "A County Sheriff", "Sheriff", "A", "Task Force Model", "2025-01-01"]
    path = sheet(tmp_path / "participatingAgencies11202026.xlsx", [
        row,
        ["Texas", "A County Sheriff", "Sheriff", "A", "Jail Enforcement Model", "2025-01-01"],
        list(row),                                       # the same agreement listed again
        ["Texas ", " A County  Sheriff", "Sheriff", "A", "Task Force Model", "2025-01-01"],  # and with stray spaces
    ])
    rows, fixes = read_ice_sheet(path)
    assert len(rows) == 2 and sorted(rows["model"]) == ["jem", "tfm"]
    assert [f for f in fixes if "exact repeat" in f] == [
        "sheet row 4: an exact repeat of sheet row 2 was dropped (counted once)",
        "sheet row 5: an exact repeat of sheet row 2 was dropped (counted once)"]
    result = refresh_287g(path, snapshot=dt.date(2026, 11, 20))
    assert result.agreements == 2 and result.by_model == {"jem": 1, "wso": 0, "tfm": 1}
