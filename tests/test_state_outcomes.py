"""state_outcomes and state_population: figures that follow from each other, checked independently.

The sums below were computed by the outcomes brief (section 1) from Konczal's file; they are
recomputed here from the shipped CSV with the standard library, not through the package loaders,
so a loader bug cannot hide a data error.
"""

from __future__ import annotations

import csv
from decimal import ROUND_HALF_UP, Decimal

import pytest

from immfed.data.catalog import Catalog
from immfed.data.integrity import state_outcome_problems
from immfed.data.states import STATES

from conftest import DATA

OUTCOMES = DATA / "tables" / "state_outcomes.csv"
POPULATION = DATA / "tables" / "state_population.csv"


def _read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _rate(count: int, pop: int) -> str:
    return str((Decimal(count) * 100000 / Decimal(pop)).quantize(Decimal("0.1"), ROUND_HALF_UP))


# -- the shipped figures ------------------------------------------------------------------------

def test_one_row_per_state_and_dc_in_both_tables():
    for path in (OUTCOMES, POPULATION):
        codes = [r["state_code"] for r in _read(path)]
        assert sorted(codes) == sorted(STATES), path.name


def test_pooled_totals_match_the_outcomes_brief():
    rows = _read(OUTCOMES)
    arrests = sum(int(r["count"]) for r in rows)
    residents = sum(int(r["population"]) for r in rows)
    assert arrests == 565539
    assert residents == 341784857  # also the United States row of the Census file
    assert _rate(arrests, residents) == "165.5"


def test_largest_state_shares_match_the_outcomes_brief():
    rows = {r["state_code"]: int(r["count"]) for r in _read(OUTCOMES)}
    total = sum(rows.values())
    shares = {code: round(100 * rows[code] / total, 1) for code in ("TX", "FL", "CA")}
    assert shares == {"TX": 25.3, "FL": 10.7, "CA": 9.0}


def test_every_rate_is_count_over_population_rounded_to_one_decimal():
    for r in _read(OUTCOMES):
        assert r["per_100k"] == _rate(int(r["count"]), int(r["population"])), r["state_code"]


def test_spot_values_from_konczal_file():
    rows = {r["state_code"]: r for r in _read(OUTCOMES)}
    assert (rows["TX"]["count"], rows["TX"]["per_100k"]) == ("143233", "451.7")
    assert (rows["VT"]["count"], rows["VT"]["per_100k"]) == ("164", "25.4")
    assert (rows["DC"]["count"], rows["DC"]["population"]) == ("1896", "693645")


def test_outcome_populations_equal_the_population_table():
    pops = {r["state_code"]: r["population"] for r in _read(POPULATION)}
    for r in _read(OUTCOMES):
        assert r["population"] == pops[r["state_code"]], r["state_code"]


def test_rows_carry_provenance_and_the_teaching_caveats():
    for r in _read(OUTCOMES):
        assert r["derived_by"] and r["method"] and r["source_id"] and r["population_source_id"]
        assert "duplicate_drop_row" in r["method"] and "apprehension_state_filled_in" in r["method"]
        assert "not where the person lived" in r["note"]
        assert "2025-01-01" in r["note"] and "inauguration" in r["note"]
        assert "arrest method" in r["note"]
    dc = next(r for r in _read(OUTCOMES) if r["state_code"] == "DC")
    assert "outlier" in dc["note"]


def test_shipped_tables_raise_no_state_outcome_problems():
    assert state_outcome_problems(Catalog(DATA)) == []


# -- broken copies must be caught, naming the row ----------------------------------------------

def _break(data_copy, path_name, change):
    path = data_copy / "tables" / path_name
    rows = _read(path)
    change(rows)
    _write(path, rows)
    # only this table's checks: other tables (edited by others) must not make these tests flaky
    return state_outcome_problems(Catalog(data_copy))


def _row_no(rows, code):
    return next(i for i, r in enumerate(rows, start=1) if r["state_code"] == code)


def test_wrong_rate_is_reported_with_its_row(data_copy):
    rows = _read(data_copy / "tables" / "state_outcomes.csv")
    n = _row_no(rows, "TX")

    def change(rs):
        rs[n - 1]["per_100k"] = "415.7"

    found = _break(data_copy, "state_outcomes.csv", change)
    assert any(f"row {n} (TX)" in p and "per_100k" in p and "451.7" in p for p in found), found


def test_rate_within_rounding_is_accepted(data_copy):
    found = _break(data_copy, "state_outcomes.csv", lambda rs: None)
    assert not [p for p in found if "state_outcomes" in p]


def test_population_that_disagrees_with_the_population_table_is_reported(data_copy):
    rows = _read(data_copy / "tables" / "state_outcomes.csv")
    n = _row_no(rows, "CA")

    def change(rs):
        # keep the rate consistent with the new denominator so only the mismatch is flagged
        rs[n - 1]["population"] = "39555703"
        rs[n - 1]["per_100k"] = _rate(int(rs[n - 1]["count"]), 39555703)

    found = _break(data_copy, "state_outcomes.csv", change)
    assert any(f"row {n} (CA)" in p and "'population'" in p and "39355309" in p for p in found), found


def test_missing_state_is_reported(data_copy):
    found = _break(data_copy, "state_outcomes.csv",
                   lambda rs: rs.__delitem__(_row_no(rs, "WY") - 1))
    assert any("no row for WY" in p for p in found), found


def test_exact_repeat_of_a_state_row_is_refused_by_the_primary_key(data_copy):
    from immfed.data import DataError

    path = data_copy / "tables" / "state_outcomes.csv"
    rows = _read(path)
    rows.append(dict(rows[_row_no(rows, "NM") - 1]))
    _write(path, rows)
    with pytest.raises(DataError):
        Catalog(data_copy).load("state_outcomes")


def test_state_listed_twice_under_different_keys_is_caught_by_the_integrity_check(data_copy):
    from immfed.data.integrity import state_outcome_problems as check

    cat = Catalog(data_copy)
    table = cat.parsed("state_outcomes")
    # a second NM row in the same period (the schema key would refuse an exact repeat in the file,
    # so the duplicate is injected after parsing to test the integrity check on its own)
    nm = next(r for r in table.rows if r["state_code"] == "NM")
    table.rows.append(dict(nm))
    found = check(cat)
    assert any("lists NM more than once" in p for p in found), found


def test_missing_population_row_is_reported(data_copy):
    from immfed.data import DataError

    path = data_copy / "tables" / "state_population.csv"
    rows = _read(path)
    rows.pop(_row_no(rows, "AK") - 1)
    _write(path, rows)
    # state_outcomes points at state_population by foreign key, so loading it fails on AK
    with pytest.raises(DataError, match="AK"):
        Catalog(data_copy).load("state_outcomes")
    # with AK gone from both tables the integrity check names the gap in each
    out = data_copy / "tables" / "state_outcomes.csv"
    rows = _read(out)
    rows.pop(_row_no(rows, "AK") - 1)
    _write(out, rows)
    found = state_outcome_problems(Catalog(data_copy))
    assert "state_population.csv: no row for AK" in found, found
    assert any(p.startswith("state_outcomes.csv: ice_admin_arrests") and "no row for AK" in p for p in found), found
