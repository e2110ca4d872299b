"""A malformed table fails with a message naming file, row and column, and loses nothing."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys

import pytest

from immfed.data import DataError
from immfed.data.catalog import Catalog

from conftest import DATA


def _rewrite(path, change):
    """Apply ``change(rows)`` to a CSV's rows (header first) and write it back."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def _set(rows, row_no, column, value):
    rows[row_no][rows[0].index(column)] = value


def test_wrong_type_names_file_row_and_column(data_copy):
    _rewrite(data_copy / "tables/authorities.csv", lambda r: _set(r, 3, "year", "nineteen"))
    with pytest.raises(DataError) as err:
        Catalog(data_copy).load("authorities")
    assert (err.value.file, err.value.row, err.value.column) == ("authorities.csv", 3, "year")
    assert "authorities.csv" in str(err.value) and "row 3" in str(err.value) and "'year'" in str(err.value)


def test_bad_date_is_reported(data_copy):
    _rewrite(data_copy / "tables/agreements_timeline.csv", lambda r: _set(r, 2, "date", "2025-13-45"))
    with pytest.raises(DataError, match=r"agreements_timeline.csv, row 2 .*column 'date'"):
        Catalog(data_copy).load("agreements_timeline")


def test_missing_column_is_named(data_copy):
    def drop(rows):
        i = rows[0].index("status")
        for row in rows:
            del row[i]
    _rewrite(data_copy / "tables/state_laws.csv", drop)
    with pytest.raises(DataError) as err:
        Catalog(data_copy).load("state_laws")
    assert err.value.column == "status" and "missing" in str(err.value)


def test_unknown_source_id_is_caught(data_copy):
    _rewrite(data_copy / "tables/operations.csv", lambda r: _set(r, 1, "source_id", "no_such_source"))
    with pytest.raises(DataError) as err:
        Catalog(data_copy).load("operations")
    assert (err.value.row, err.value.column) == (1, "source_id")
    assert "no_such_source" in str(err.value)


def test_duplicate_key_is_caught(data_copy):
    _rewrite(data_copy / "tables/glossary.csv", lambda r: r.append(list(r[1])))
    with pytest.raises(DataError, match="duplicate") as err:
        Catalog(data_copy).load("glossary")
    assert err.value.column == "term"


def test_value_outside_enum_lists_allowed_values(data_copy):
    _rewrite(data_copy / "tables/state_laws.csv", lambda r: _set(r, 4, "direction", "sideways"))
    with pytest.raises(DataError, match="restricts, mandates"):
        Catalog(data_copy).load("state_laws")


def test_ragged_row_is_caught(data_copy):
    _rewrite(data_copy / "tables/sources.csv", lambda r: r[5].append("extra"))
    with pytest.raises(DataError, match="row 5") as err:
        Catalog(data_copy).load("sources")
    assert err.value.file == "sources.csv"


def test_model_split_mismatch_is_a_problem(data_copy):
    from immfed.data.integrity import problems

    _rewrite(data_copy / "tables/agreements_by_state.csv", lambda r: _set(r, 1, "jem", str(int(r[1][r[0].index("jem")]) + 1)))
    found = problems(Catalog(data_copy))
    assert any("agreements_by_state.csv, row 1" in p and "jem+wso+tfm" in p for p in found)


def test_cli_check_fails_cleanly_and_leaves_files_untouched(data_copy):
    target = data_copy / "tables/authorities.csv"
    _rewrite(target, lambda r: _set(r, 2, "kind", "rumour"))
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    shipped = hashlib.sha256((DATA / "tables/authorities.csv").read_bytes()).hexdigest()
    run = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "check", "--root", str(data_copy)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "authorities.csv, row 2" in run.stderr and "'kind'" in run.stderr
    assert "Traceback" not in run.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert hashlib.sha256((DATA / "tables/authorities.csv").read_bytes()).hexdigest() == shipped
