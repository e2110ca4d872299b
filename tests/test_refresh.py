"""``immfed data refresh-287g``: real ICE headers and slips, every failure path, atomic publish."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from ice_sheets import write_sheet

import immfed.data as data
from immfed.data.refresh import (RefreshError, UserDataError, load_agencies, normalise_model, normalise_state,
                                 refresh_287g)

HEADER = ["STATE ", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"]

ROWS = [
    ["TEXAS", "Example County Sheriff's Office", "Sheriff", "Example", "Jail Enforcement Model",
     dt.datetime(2025, 3, 1), "link", ""],
    ["TEXAS ", "Example County Sheriff's Office ", "Sheriff", "Example", "Task Force Model ", "03/02/2025", "link", ""],
    ["Florida", "Sample Police Department", "Police", "Sample", "Warrant Service Officer", "2025-02-26", "", ""],
    # ICE's known slips: a misspelled state and a header row repeated as data
    ["New Hamsphire", "Town Police Department", "Police", "Hillsborough", "TASK FORCE MODEL", "", "", ""],
    ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"],
    ["Guam", "Guam Police Department", "Police", "", "Task Force Model", "2025-05-01", "", ""],
]


def make_sheet(path, header=HEADER, rows=ROWS, title=True):
    return write_sheet(path, rows, header, title)


def test_refresh_counts_rows_fixes_slips_and_publishes(tmp_path, user_root):
    sheet = make_sheet(tmp_path / "participatingAgencies11202026.xlsx")
    result = refresh_287g(sheet)
    assert result.snapshot == dt.date(2026, 11, 20)
    # 5 agreements: the repeated header row is not one
    assert result.agreements == 5 and result.by_model == {"jem": 1, "wso": 1, "tfm": 3}
    assert any("New Hampshire" in f for f in result.fixes)
    assert any("repeated header" in f for f in result.fixes)

    data.reset()
    by_state = data.load("agreements_by_state")
    new = by_state[by_state["snapshot"] == "2026-11-20"].set_index("state_code")
    assert new.loc["TX", ["total", "jem", "wso", "tfm"]].tolist() == [2, 1, 0, 1]
    assert new.loc["NH", "tfm"] == 1 and new.loc["GU", "total"] == 1
    assert new.loc["CA", "basis"] == "zero" and new.loc["CA", "total"] == 0
    # older snapshots survive
    assert {"2025-07-18", "2026-10-09"} <= set(by_state["snapshot"].dt.date.astype(str))
    timeline = data.load("agreements_timeline")
    row = timeline[timeline["date"] == "2026-11-20"].iloc[0]
    assert (row["count"], row["jem"], row["wso"], row["tfm"], row["states"]) == (5, 1, 1, 3, 4)
    assert data.cite(row["source_id"]).startswith("U.S. Immigration and Customs Enforcement")
    agencies = load_agencies()
    assert len(agencies) == 5 and set(agencies["model"]) == {"jem", "wso", "tfm"}
    assert agencies.loc[agencies["agency"].str.startswith("Example"), "agency"].eq(
        "Example County Sheriff's Office").all()  # trailing spaces trimmed


def test_shipped_package_tables_are_never_modified(tmp_path, user_root):
    from immfed.data.catalog import SHIPPED_ROOT

    before = {p.name: p.read_bytes() for p in (SHIPPED_ROOT / "tables").glob("*.csv")}
    refresh_287g(make_sheet(tmp_path / "participatingAgencies11202026.xlsx"))
    assert {p.name: p.read_bytes() for p in (SHIPPED_ROOT / "tables").glob("*.csv")} == before


@pytest.mark.parametrize("header, rows, message", [
    ([h for h in HEADER if h.strip() != "SUPPORT TYPE"], [r[:4] + r[5:] for r in ROWS[:2]], "SUPPORT TYPE"),
    (["STATE", "AGENCY NAME", "SUPPORT TYPE", "SIGNED"], [["TEXAS", "X", "Task Force Model", ""]], "no header row"),
    (HEADER, [["TEXAS", "X", "", "", "Border Liaison Model", "", "", ""]], "unknown model label 'Border Liaison Model'"),
    (HEADER, [["Atlantis", "X", "", "", "Task Force Model", "", "", ""]], "unknown state 'Atlantis'"),
    (HEADER, [], "no agreement rows"),
])
def test_bad_sheets_fail_with_what_was_found_and_write_nothing(tmp_path, user_root, header, rows, message):
    good = refresh_287g(make_sheet(tmp_path / "participatingAgencies10302026.xlsx"))
    pointer = (user_root / "current.txt").read_text()
    bad = make_sheet(tmp_path / "participatingAgencies11202026.xlsx", header=header, rows=rows)
    with pytest.raises(RefreshError, match=message):
        refresh_287g(bad)
    assert (user_root / "current.txt").read_text() == pointer == good.folder.name
    # besides the lock file, only the first refresh's folder and its bookkeeping are there
    assert sorted(p.name for p in user_root.iterdir() if p.name != ".refresh.lock") == sorted(
        ["current.txt", "history.txt", good.folder.name])


def test_undated_file_name_needs_a_date(tmp_path, user_root):
    sheet = make_sheet(tmp_path / "latest.xlsx")
    with pytest.raises(RefreshError, match="--date"):
        refresh_287g(sheet)
    assert not user_root.exists() or not (user_root / "current.txt").exists()
    assert refresh_287g(sheet, snapshot=dt.date(2026, 11, 1)).snapshot == dt.date(2026, 11, 1)


def test_not_a_workbook_is_reported(tmp_path, user_root):
    fake = tmp_path / "participatingAgencies11202026.xlsx"
    fake.write_text("this is not a spreadsheet")
    with pytest.raises(RefreshError, match="could not be read as an Excel workbook"):
        refresh_287g(fake)


def test_interrupted_publish_leaves_previous_data(tmp_path, user_root, monkeypatch):
    good = refresh_287g(make_sheet(tmp_path / "participatingAgencies10302026.xlsx"))
    import immfed.data.refresh as refresh

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(refresh, "check_tables", boom)  # fail after the new files are written
    with pytest.raises(UserDataError, match=f"{user_root} could not be written \\(disk full\\)"):
        refresh_287g(make_sheet(tmp_path / "participatingAgencies11202026.xlsx"))
    assert (user_root / "current.txt").read_text() == good.folder.name
    assert not [p for p in user_root.iterdir() if p.name.startswith(".incoming")]
    data.reset()
    assert "2026-11-20" not in set(data.load("agreements_by_state")["snapshot"].dt.date.astype(str))


@pytest.mark.parametrize("raw, code", [("TEXAS", "TX"), (" new  york ", "NY"), ("New Hamsphire", "NH"),
                                       ("DELAWARE**", "DE"), ("Northern Mariana Islands", "MP")])
def test_state_names_normalise(raw, code):
    assert normalise_state(raw)[0] == code


@pytest.mark.parametrize("raw, model", [("Jail Enforcement Model", "jem"), ("TASK FORCE", "tfm"),
                                        ("Warrant Services Officer", "wso"), (" task force model ", "tfm")])
def test_model_labels_normalise(raw, model):
    assert normalise_model(raw) == model


def test_cli_refresh_and_status(tmp_path, user_root):
    sheet = make_sheet(tmp_path / "participatingAgencies11202026.xlsx")
    run = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "refresh-287g", str(sheet)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "5 agreements" in run.stdout and "New Hampshire" in run.stdout
    status = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "status"], capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    line = next(ln for ln in status.stdout.splitlines() if ln.startswith("agreements_by_state"))
    assert "refreshed" in line and "2026-11-20" in line
    assert next(ln for ln in status.stdout.splitlines() if ln.startswith("authorities")).split()[1] == "shipped"
    bad = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "refresh-287g", str(tmp_path / "nope.xlsx")],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "unchanged" in bad.stderr and "Traceback" not in bad.stderr
