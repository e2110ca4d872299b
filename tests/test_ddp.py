"""Deportation Data Project loaders: small parquet files with DDP's released column names.

Expected counts are worked out by hand from the rows below; nothing touches the network.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from immfed.data import ddp  # noqa: E402
from immfed.data.ddp import DDPError  # noqa: E402

D = dt.date
TX, CA = "TEXAS", "CALIFORNIA"  # DDP writes full upper-case state names

# (id, date, state_filled_in, state_original, method, criminality, gender, final_order,
#  duplicate_likely, duplicate_drop_row)
ARREST_ROWS = [
    ("A", D(2025, 7, 10), TX, TX, "CAP Local Incarceration", "1 Convicted Criminal", "Male", "YES", False, False),  # noqa: E501
    ("B", D(2025, 7, 20), TX, None, "CAP State Incarceration", "2 Pending Criminal Charges", "Male", "NO", True, False),  # noqa: E501
    ("B", D(2025, 7, 20), TX, None, "ERO Reprocessed Arrest", "2 Pending Criminal Charges", "Male", "NO", True, True),  # noqa: E501
    ("C", D(2025, 7, 27), None, TX, "287(g) Program", "3 Other Immigration Violator", "Female", "NO", False, False),  # noqa: E501
    ("D", D(2025, 7, 29), TX, TX, "Custodial Arrest", "1 Convicted Criminal", "Male", None, False, False),  # noqa: E501
    ("E", D(2025, 8, 3), TX, TX, "Custodial Arrest", "1 Convicted Criminal", "Unknown", "YES", False, False),  # noqa: E501
    ("F", D(2025, 8, 5), CA, CA, "Located", "3 Other Immigration Violator", "Male", "NO", False, False),  # noqa: E501
    ("G", D(2025, 8, 5), None, CA, "Non-Custodial Arrest", "3 Other Immigration Violator", "Female", "NO", True, False),  # noqa: E501
    ("G", D(2025, 8, 5), CA, CA, "Non-Custodial Arrest", "3 Other Immigration Violator", "Female", "NO", True, True),  # noqa: E501
    ("H", D(2025, 7, 1), CA, CA, "Criminal Alien Program", "1 Convicted Criminal", "Male", "YES", False, False),  # noqa: E501
    ("I", D(2025, 8, 10), CA, CA, "Probation and Parole", "1 Convicted Criminal", "Male", "NO", False, False),  # noqa: E501
    ("J", D(2025, 8, 12), CA, CA, "Patrol Interior", None, None, None, False, False),
    ("K", D(2025, 8, 15), None, None, "CAP Federal Incarceration", "1 Convicted Criminal", "Male", "YES", None, None),  # noqa: E501
    (None, D(2025, 8, 20), CA, CA, None, "2 Pending Criminal Charges", "Female", "NO", None, False),  # noqa: E501
]
KEPT = len(ARREST_ROWS) - 2  # rows 3 and 9 are flagged duplicate_drop_row

ARREST_SCHEMA = pa.schema([
    ("apprehension_date", pa.date32()),
    ("apprehension_state_filled_in", pa.string()),
    ("apprehension_state_original", pa.string()),
    ("apprehension_aor", pa.string()),
    ("apprehension_method", pa.string()),
    ("apprehension_criminality", pa.string()),
    ("final_program", pa.string()),
    ("gender", pa.string()),
    ("final_order_yes_no", pa.string()),
    ("unique_identifier", pa.string()),
    ("duplicate_likely", pa.bool_()),
    ("duplicate_episode_first", pa.bool_()),
    ("duplicate_drop_row", pa.bool_()),
    ("row_original", pa.int32()),
])


def arrest_columns(rows=ARREST_ROWS) -> dict:
    ids, dates, filled, orig, method, crim, gender, order, likely, drop = map(list, zip(*rows))
    return {
        "apprehension_date": dates,
        "apprehension_state_filled_in": filled,
        "apprehension_state_original": orig,
        "apprehension_aor": ["Houston Area of Responsibility" if s == TX else
                             "Los Angeles Area of Responsibility" for s in orig],
        "apprehension_method": method,
        "apprehension_criminality": crim,
        "final_program": ["Criminal Alien Program" if m and "CAP" in m else "ERO"
                          for m in method],
        "gender": gender,
        "final_order_yes_no": order,
        "unique_identifier": ids,
        "duplicate_likely": likely,
        "duplicate_episode_first": [None if d is None else not d for d in drop],
        "duplicate_drop_row": drop,
        "row_original": list(range(8, 8 + len(rows))),
    }


def write(path: Path, columns: dict, schema=None) -> Path:
    if schema is not None:
        schema = pa.schema([f for f in schema if f.name in columns])
    pq.write_table(pa.table(columns, schema=schema), path)
    return path


@pytest.fixture
def arrests_file(tmp_path) -> Path:
    return write(tmp_path / "arrests-latest.parquet", arrest_columns(), ARREST_SCHEMA)


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly if anything tries to download."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network use attempted: {args!r}")
    monkeypatch.setattr(ddp.urllib.request, "urlopen", refuse)
    monkeypatch.setattr(ddp, "_download", refuse)


# ---- loading ------------------------------------------------------------------------------

def test_load_arrests_reads_checks_and_types(arrests_file, no_network):
    frame = ddp.load_arrests(arrests_file)
    assert len(frame) == KEPT
    assert list(frame.columns) == ARREST_SCHEMA.names
    assert pd.api.types.is_datetime64_any_dtype(frame["apprehension_date"])
    assert frame["apprehension_date"].iloc[0] == pd.Timestamp("2025-07-10")
    assert list(frame.index) == list(range(KEPT))


def test_duplicates_dropped_by_default_and_kept_on_request(arrests_file, no_network):
    dropped = ddp.load_arrests(arrests_file)
    kept = ddp.load_arrests(arrests_file, drop_duplicates=False)
    assert len(kept) == len(ARREST_ROWS)
    assert not dropped["duplicate_drop_row"].fillna(False).any()
    assert kept["duplicate_drop_row"].fillna(False).sum() == 2
    # the ERO Reprocessed Arrest repeat of B and the second row of G are the ones dropped
    assert "ERO Reprocessed Arrest" not in set(dropped["apprehension_method"].dropna())
    assert (dropped["unique_identifier"] == "G").sum() == 1
    assert (kept["unique_identifier"] == "G").sum() == 2


def test_duplicate_flag_not_needed_when_keeping_duplicates(tmp_path, no_network):
    cols = arrest_columns()
    del cols["duplicate_drop_row"]
    path = write(tmp_path / "a.parquet", cols, ARREST_SCHEMA)
    assert len(ddp.load_arrests(path, drop_duplicates=False)) == len(ARREST_ROWS)
    with pytest.raises(DDPError, match="duplicate_drop_row"):
        ddp.load_arrests(path)


def test_columns_reads_only_what_is_asked_plus_what_is_checked(arrests_file, no_network):
    frame = ddp.load_arrests(arrests_file, columns=ddp.STATE_MONTH_COLUMNS)
    assert "apprehension_aor" not in frame.columns
    assert "final_program" not in frame.columns
    assert set(ddp.STATE_MONTH_COLUMNS) <= set(frame.columns)
    assert len(frame) == KEPT
    with pytest.raises(DDPError, match="no_such_column"):
        ddp.load_arrests(arrests_file, columns=["no_such_column"])


def test_load_detainers(tmp_path, no_network):
    cols = {
        "detainer_prepare_date": [D(2025, 7, 1), D(2025, 8, 2), None],
        "facility_state": ["TEXAS", "FLORIDA", None],
        "facility_aor": ["Houston Area of Responsibility", "Miami Area of Responsibility",
                         None],
        "detention_facility": ["HARRIS COUNTY JAIL", "ORANGE COUNTY JAIL", None],
        "detainer_type": ["Immigration Detainer - Request for Voluntary Transfer",
                          "Immigration Detainer - Notice of Action", None],
        "gender": ["Male", "Female", None],
        "unique_identifier": ["x1", "x2", "x3"],
    }
    schema = pa.schema([("detainer_prepare_date", pa.date32())] +
                       [(c, pa.string()) for c in cols if c != "detainer_prepare_date"])
    path = write(tmp_path / "detainers-latest.parquet", cols, schema)
    frame = ddp.load_detainers(path)
    assert len(frame) == 3
    assert pd.api.types.is_datetime64_any_dtype(frame["detainer_prepare_date"])
    assert frame["facility_state"].iloc[1] == "FLORIDA"
    del cols["facility_aor"]
    bad = write(tmp_path / "detainers-bad.parquet", cols, schema)
    with pytest.raises(DDPError) as err:
        ddp.load_detainers(bad)
    assert "detainers-bad.parquet" in str(err.value) and "facility_aor" in str(err.value)


# ---- grouping -----------------------------------------------------------------------------

def test_group_method_values():
    values = pd.Series([
        "Located", "Non-Custodial Arrest", "Probation and Parole", "Worksite Enforcement",
        "CAP Local Incarceration", "CAP State Incarceration", "CAP Federal Incarceration",
        "Criminal Alien Program", "Custodial Arrest", "287(g) Program",
        "ERO Reprocessed Arrest", "Patrol Interior", "Other Task Force", None,
    ], index=range(100, 114))
    got = ddp.group_method(values)
    assert list(got.index) == list(values.index)
    assert got.tolist()[:13] == (["at-large"] * 4 + ["custodial"] * 5 + ["287(g)"]
                                 + ["other"] * 3)
    assert pd.isna(got.iloc[13])


def test_grouping_spans_the_july_2025_custodial_relabel(arrests_file):
    frame = ddp.load_arrests(arrests_file)
    frame["group"] = ddp.group_method(frame["apprehension_method"])
    change = pd.Timestamp("2025-07-28")
    before = frame[frame["apprehension_date"] < change]
    after = frame[frame["apprehension_date"] >= change]
    # old CAP labels before the change, "Custodial Arrest" after: all custodial
    old = before[before["apprehension_method"].str.startswith("CAP", na=False)]
    new = after[after["apprehension_method"] == "Custodial Arrest"]
    assert len(old) == 2 and len(new) == 2
    assert set(old["group"]) == set(new["group"]) == {"custodial"}
    # Texas custodial arrests by month: July has CAP Local + CAP State (before) and a
    # Custodial Arrest on 29 July (after); August has one Custodial Arrest.
    table = ddp.by_state_month(frame)
    tx = table[(table["state"] == TX) & (table["method_group"] == "custodial")]
    assert tx.set_index("month")["arrests"].to_dict() == {
        pd.Timestamp("2025-07-01"): 3, pd.Timestamp("2025-08-01"): 1}


# ---- state by month -----------------------------------------------------------------------

def as_dict(table: pd.DataFrame) -> dict:
    return {("NA" if pd.isna(s) else s, m.strftime("%Y-%m"), "NA" if pd.isna(g) else g): n
            for s, m, g, n in table.itertuples(index=False)}


def test_by_state_month_counts_by_hand(arrests_file):
    table = ddp.by_state_month(ddp.load_arrests(arrests_file))
    assert list(table.columns) == ["state", "month", "method_group", "arrests"]
    assert as_dict(table) == {
        (TX, "2025-07", "custodial"): 3,   # rows 1, 2 (CAP), 5 (Custodial Arrest)
        (TX, "2025-07", "287(g)"): 1,      # row 4: state from apprehension_state_original
        (TX, "2025-08", "custodial"): 1,   # row 6
        (CA, "2025-07", "custodial"): 1,   # row 10 (Criminal Alien Program)
        (CA, "2025-08", "at-large"): 3,    # rows 7, 8 (fallback state), 11 (Probation)
        (CA, "2025-08", "other"): 1,       # row 12 (Patrol Interior)
        (CA, "2025-08", "NA"): 1,          # row 14: no method recorded
        ("NA", "2025-08", "custodial"): 1,  # row 13: no state in either column
    }
    assert table["arrests"].sum() == KEPT


def test_by_state_month_with_duplicates_kept(arrests_file):
    table = ddp.by_state_month(ddp.load_arrests(arrests_file, drop_duplicates=False))
    counts = as_dict(table)
    assert counts[(TX, "2025-07", "other")] == 1      # row 3, ERO Reprocessed Arrest
    assert counts[(CA, "2025-08", "at-large")] == 4   # row 9 too
    assert table["arrests"].sum() == len(ARREST_ROWS)


def test_by_state_month_same_with_narrow_read(arrests_file):
    full = ddp.by_state_month(ddp.load_arrests(arrests_file))
    narrow = ddp.by_state_month(ddp.load_arrests(arrests_file,
                                                 columns=ddp.STATE_MONTH_COLUMNS))
    pd.testing.assert_frame_equal(full, narrow)


def test_by_state_month_without_filled_in_column(arrests_file):
    frame = ddp.load_arrests(arrests_file).drop(columns="apprehension_state_filled_in")
    counts = as_dict(ddp.by_state_month(frame))
    assert counts[(TX, "2025-07", "custodial")] == 2  # row 2 has no original state
    with pytest.raises(DDPError, match="apprehension_state"):
        ddp.by_state_month(frame.drop(columns="apprehension_state_original"))


# ---- failures -----------------------------------------------------------------------------

@pytest.mark.parametrize("column", ["gender", "apprehension_date", "unique_identifier",
                                    "apprehension_state_original", "apprehension_method"])
def test_missing_column_names_file_and_column(tmp_path, column, no_network):
    cols = arrest_columns()
    del cols[column]
    path = write(tmp_path / "arrests-renamed.parquet", cols, ARREST_SCHEMA)
    with pytest.raises(DDPError) as err:
        ddp.load_arrests(path)
    message = str(err.value)
    assert "arrests-renamed.parquet" in message and column in message
    assert err.value.column == column


@pytest.mark.parametrize("column, value, allowed", [
    ("gender", "M", ["Male", "Female", "Unknown"]),
    ("apprehension_criminality", "Convicted Criminal",
     ["1 Convicted Criminal", "2 Pending Criminal Charges", "3 Other Immigration Violator"]),
    ("final_order_yes_no", "Y", ["YES", "NO"]),
])
def test_disallowed_value_names_column_row_and_allowed(tmp_path, column, value, allowed):
    cols = arrest_columns()
    cols[column] = list(cols[column])
    cols[column][5] = value  # row 6 of the file (1 = first row)
    cols[column][9] = value  # a later offender is not the one reported
    path = write(tmp_path / "arrests-bad.parquet", cols, ARREST_SCHEMA)
    with pytest.raises(DDPError) as err:
        ddp.load_arrests(path)
    message = str(err.value)
    assert "arrests-bad.parquet" in message
    assert f"column '{column}'" in message
    assert "row 6" in message and repr(value) in message
    assert str(allowed) in message
    assert (err.value.row, err.value.column, list(err.value.allowed)) == (6, column, allowed)


def test_missing_values_are_allowed(tmp_path):
    cols = arrest_columns()
    for column in ("gender", "apprehension_criminality", "final_order_yes_no"):
        cols[column] = [None] * len(ARREST_ROWS)
    path = write(tmp_path / "a.parquet", cols, ARREST_SCHEMA)
    assert len(ddp.load_arrests(path)) == KEPT


def test_not_parquet(tmp_path):
    path = tmp_path / "arrests.parquet"
    path.write_text("Apprehension Date,State\n")
    with pytest.raises(DDPError, match="arrests.parquet"):
        ddp.load_arrests(path)


def test_missing_file_is_not_downloaded(tmp_path, no_network):
    with pytest.raises(FileNotFoundError):
        ddp.load_arrests(tmp_path / "nope.parquet")


def test_missing_pyarrow_says_which_extra(arrests_file, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "pyarrow.parquet", None)
    with pytest.raises(DDPError, match=r"immigration-federalism-course\[ddp\]"):
        ddp.load_arrests(arrests_file)


# ---- local paths vs URLs ------------------------------------------------------------------

def test_local_path_never_downloads(arrests_file, no_network):
    # no_network makes any download attempt fail the test, for str and Path alike
    assert len(ddp.load_arrests(str(arrests_file))) == KEPT
    assert len(ddp.load_arrests(arrests_file)) == KEPT


def test_url_is_downloaded_to_a_temporary_file(arrests_file, monkeypatch):
    seen = []

    def fake_download(url, dest, timeout=120):
        seen.append((url, Path(dest)))
        Path(dest).write_bytes(arrests_file.read_bytes())

    monkeypatch.setattr(ddp, "_download", fake_download)
    frame = ddp.load_arrests(ddp.ARRESTS_URL)
    assert len(frame) == KEPT
    assert [u for u, _ in seen] == [ddp.ARRESTS_URL]
    assert not seen[0][1].exists()  # temporary copy removed


def test_failed_download_names_the_url(monkeypatch):
    def broken(url, dest, timeout=120):
        raise OSError("no route to host")

    monkeypatch.setattr(ddp, "_download", broken)
    with pytest.raises(DDPError, match="media.githubusercontent.com"):
        ddp.load_detainers(ddp.DETAINERS_URL)


# ---- damaged files and non-date columns ------------------------------------------------

def test_corrupted_page_names_the_file_not_a_raw_oserror(tmp_path, no_network):
    # The footer (schema) survives, so the columns check passes; the data pages do not.
    path = write(tmp_path / "arrests-damaged.parquet", arrest_columns(), ARREST_SCHEMA)
    raw = bytearray(path.read_bytes())
    for i in range(4, len(raw) // 3):
        raw[i] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(DDPError, match="damaged") as info:
        ddp.load_arrests(path)
    assert info.value.file == str(path) and str(path) in str(info.value)
    assert "Download it again" in str(info.value)


@pytest.mark.parametrize("values", [list(range(len(ARREST_ROWS))),
                                    [20250710] * len(ARREST_ROWS)])
def test_integer_dates_are_rejected_not_read_as_1970(tmp_path, values, no_network):
    cols = arrest_columns()
    cols["apprehension_date"] = values
    path = write(tmp_path / "arrests-intdates.parquet", cols)
    with pytest.raises(DDPError, match="not dates") as info:
        ddp.load_arrests(path)
    assert info.value.column == "apprehension_date" and str(path) in str(info.value)


def test_integer_detainer_dates_are_rejected(tmp_path, no_network):
    cols = {"detainer_prepare_date": [1, 2], "facility_state": ["TEXAS", "TEXAS"],
            "facility_aor": ["Houston", "Houston"], "unique_identifier": ["A", "B"]}
    path = write(tmp_path / "detainers-intdates.parquet", cols)
    with pytest.raises(DDPError, match="detainer_prepare_date"):
        ddp.load_detainers(path)


def test_by_state_month_rejects_integer_dates():
    frame = pd.DataFrame({"apprehension_date": pd.Series([1, 2], dtype=object),
                          "apprehension_state_original": ["TEXAS", "TEXAS"],
                          "apprehension_method": ["Located", "Located"]})
    with pytest.raises(DDPError, match="apprehension_date"):
        ddp.by_state_month(frame)
