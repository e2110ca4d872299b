"""The states table and the one function that reads a state from user input."""

from __future__ import annotations

import pytest

from immfed.data import load
from immfed.data.states import ALL_CODES, STATES, TERRITORIES, TILE_GRID, state_code


def test_the_table_holds_50_states_dc_and_five_territories():
    table = load("states")
    assert (table["kind"] == "state").sum() == 50
    assert list(table.loc[table["kind"] == "district", "state_code"]) == ["DC"]
    assert set(table.loc[table["kind"] == "territory", "state_code"]) == {"AS", "GU", "MP", "PR", "VI"}
    assert len(STATES) == 51 and len(TERRITORIES) == 5 and len(ALL_CODES) == 56
    assert STATES["WV"] == "West Virginia" and ALL_CODES["PR"] == "Puerto Rico"


def test_every_tile_is_its_own_square():
    squares = list(TILE_GRID.values())
    assert len(squares) == len(set(squares)) == 56
    assert TILE_GRID["ME"][1] > TILE_GRID["CA"][1]  # Maine east of California
    assert TILE_GRID["AK"][0] < TILE_GRID["TX"][0]  # Alaska drawn above Texas


@pytest.mark.parametrize("given, code", [("tx", "TX"), (" Tx ", "TX"), ("Texas", "TX"), ("  new   york ", "NY"),
                                         ("District of Columbia", "DC"), ("pr", "PR")])
def test_codes_and_full_names_are_read(given, code):
    assert state_code(given) == code


@pytest.mark.parametrize("given", ["W Virginia", "Oregano", "Californa", "T", "", None, 12, ("TX",)])
def test_near_misses_and_odd_values_are_refused_not_guessed(given):
    with pytest.raises(ValueError, match=r"Unknown state .*Accepted: AK, AL"):
        state_code(given)


def test_territories_can_be_excluded():
    assert state_code("dc", allow_territories=False) == "DC"
    with pytest.raises(ValueError, match="50 states and DC only"):
        state_code("Guam", allow_territories=False)


def test_every_state_column_must_name_a_row_of_the_states_table(data_copy):
    """A state code that is not in states.csv is refused with the file, row and column."""
    from immfed.data.catalog import Catalog
    from immfed.data.validate import DataError

    laws = data_copy / "tables" / "state_laws.csv"
    lines = laws.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines[1].split(",")
    first[1] = "XX"
    lines[1] = ",".join(first)
    laws.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as err:
        Catalog(data_copy).load("state_laws")
    text = str(err.value)
    assert "state_laws.csv" in text and "row 1" in text and "state_code" in text and "'XX'" in text


def test_a_status_outside_its_vocabulary_is_refused(data_copy):
    """A law status must be a code of the law_status vocabulary (vocabulary.csv)."""
    from immfed.data.catalog import Catalog
    from immfed.data.validate import DataError

    laws = data_copy / "tables" / "state_laws.csv"
    text = laws.read_text(encoding="utf-8")
    laws.write_text(text.replace(",in_force,", ",sort_of_in_force,", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        Catalog(data_copy).load("state_laws")
    assert "sort_of_in_force" in str(err.value) and "law_status" in str(err.value) and "status" in str(err.value)
