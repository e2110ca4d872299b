"""The shipped tables: valid, typed, consistent, and as complete as the course needs."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import immfed.data as data
from immfed.data.agreement_tables import AGENCY_TABLE
from immfed.data.catalog import Catalog
from immfed.data.integrity import problems
from immfed.data.states import STATES
from immfed.lessons import lesson_notebooks

from conftest import DATA

PACKAGE = json.loads((DATA / "datapackage.json").read_text())
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}


def test_every_described_table_has_a_file_and_loads():
    assert data.tables() == list(RESOURCES)
    for name, res in RESOURCES.items():
        assert (DATA / res["path"]).is_file(), res["path"]
        if name == AGENCY_TABLE:  # the course ships no agency rows; `immfed data refresh-287g` writes them
            assert len(data.load(name)) == 0, f"{name} ships rows the course has not curated"
            continue
        assert len(data.load(name)) > 0, f"{name} is empty"


@pytest.mark.parametrize("name", list(RESOURCES))
def test_columns_are_typed_from_the_schema(name):
    frame = data.load(name)
    assert list(frame.columns) == [f["name"] for f in RESOURCES[name]["schema"]["fields"]]
    for field in RESOURCES[name]["schema"]["fields"]:
        col = frame[field["name"]]
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(col), field["name"]
        elif field["type"] == "integer":
            assert pd.api.types.is_integer_dtype(col), field["name"]
        elif field["type"] == "number":
            assert pd.api.types.is_float_dtype(col), field["name"]
        elif field["type"] == "boolean":
            assert pd.api.types.is_bool_dtype(col), field["name"]
        else:
            assert pd.api.types.is_string_dtype(col), field["name"]


def test_load_returns_a_copy_so_notebooks_cannot_corrupt_the_cache():
    first = data.load("sources")
    first.loc[:, "title"] = "changed"
    assert (data.load("sources")["title"] != "changed").all()


def test_unknown_table_names_the_known_ones():
    with pytest.raises(KeyError, match="state_laws"):
        data.load("no_such_table")


def test_frictionless_validates_the_whole_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [e.message for task in report.tasks for e in task.errors][:5]
    assert report.valid, errors


def test_integrity_checks_find_no_problems():
    assert problems(Catalog(DATA), notebooks=lesson_notebooks()) == []


def test_cite_gives_title_url_and_checked_date():
    src = data.load("sources").iloc[0]
    text = data.cite(src["source_id"])
    assert src["title"] in text and src["url"] in text
    assert src["checked"].date().isoformat() in text


def test_sources_are_a_real_bibliography():
    sources = data.load("sources")
    assert len(sources) >= 60
    assert sources["url"].str.match(r"https?://").all()
    assert {"statute", "regulation", "case"} <= set(sources["kind"])


def test_authorities_cover_the_legal_baseline():
    cites = " | ".join(data.load("authorities")["citation"] + " " + data.load("authorities")["name"])
    for needle in ["1357(g)", "1357(a)", "1373", "1644", "1252c", "1103(a)(10)", "287.7", "I-247A",
                   "I-200", "I-205", "10074.2", "Secure Communities", "14159", "Arizona v. United States",
                   "Printz", "Murphy", "Galarza", "Miranda-Olivares", "Lunn", "Gonzalez", "El Cenizo",
                   "United States v. California", "Melendres", "Santos", "Wells"]:
        assert needle in cites, needle


def test_timeline_spans_2009_to_the_latest_ice_snapshot():
    tl = data.load("agreements_timeline")
    assert tl["date"].nunique() >= 30
    assert tl["date"].min().year <= 2009
    assert tl["date"].max() >= pd.Timestamp("2026-10-09")


def test_state_snapshots_cover_every_state_with_explicit_zeros():
    by_state = data.load("agreements_by_state")
    snaps = set(by_state["snapshot"].dt.date.astype(str))
    assert {"2025-07-18", "2026-10-09"} <= snaps
    for snap, group in by_state.groupby("snapshot"):
        assert set(STATES) <= set(group["state_code"]), snap
        zeros = group[group["basis"] == "zero"]
        assert (zeros[["total", "jem", "wso", "tfm"]] == 0).all().all()


def test_state_laws_cover_at_least_25_states_and_both_directions():
    laws = data.load("state_laws")
    assert laws["state_code"].nunique() >= 25
    assert set(laws["direction"]) == {"restricts", "mandates"}


def test_operations_and_accounts_are_attributed():
    assert len(data.load("operations")) >= 10
    accounts = data.load("accounts")
    # a contested incident needs at least two parties' accounts to be set side by side
    per_incident = accounts.groupby("incident_id")["party"].nunique()
    assert (per_incident >= 2).any()
