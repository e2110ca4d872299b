"""explore_profile(): the state profile, its Markdown, the memo template and the view.

Expected values are read straight from the CSV files with the csv module, not from the
functions under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import types
from dataclasses import dataclass

import pytest

from immfed.data.states import ALL_CODES
from immfed.lessons import markers_in
from immfed.widgets import profile as pr
from immfed.widgets.style import MODEL_COLOURS

from conftest import DATA


def _csv(name: str) -> list[dict]:
    with open(DATA / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _latest(code: str) -> dict:
    rows = _csv("agreements_by_state")
    latest = max(r["snapshot"] for r in rows)
    return next(r for r in rows if r["snapshot"] == latest and r["state_code"] == code)


def _known_sources() -> set[str]:
    return {r["source_id"] for r in _csv("sources")}


# -- agreements ---------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["TX", "FL", "MN"])
def test_latest_counts_by_model_match_the_table(code):
    row = _latest(code)
    fact = pr.state_profile(code).section("agreements").facts[0]
    assert f"{int(row['total']):,} agreements" in fact.text
    for m in ("jem", "wso", "tfm"):
        assert f"{int(row[m]):,} {m.upper()}" in fact.text
    assert int(row["jem"]) + int(row["wso"]) + int(row["tfm"]) == int(row["total"])
    assert fact.source_ids == (row["source_id"],)


def test_growth_fact_runs_from_first_to_latest_sheet():
    rows = sorted((r for r in _csv("agreements_by_state") if r["state_code"] == "TX"), key=lambda r: r["snapshot"])
    growth = pr.state_profile("TX").section("agreements").facts[1]
    assert f"from {int(rows[0]['total']):,}" in growth.text and f"to {int(rows[-1]['total']):,}" in growth.text
    assert rows[0]["snapshot"] in growth.text and rows[-1]["snapshot"] in growth.text
    assert set(growth.source_ids) == {rows[0]["source_id"], rows[-1]["source_id"]}


def test_a_state_with_no_agreements_says_none_recorded_with_the_date():
    row = _latest("CA")
    assert row["total"] == "0"
    fact = pr.state_profile("CA").section("agreements").facts[0]
    assert fact.absence and f"None recorded as of {row['snapshot']}" in fact.text
    assert fact.source_ids == (row["source_id"],)


def test_a_place_with_no_row_is_not_reported_as_zero():
    assert not [r for r in _csv("agreements_by_state") if r["state_code"] == "PR"]
    fact = pr.state_profile("PR").section("agreements").facts[0]
    assert fact.absence and "not the same as zero" in fact.text and "None recorded" in fact.text


# -- laws, operations, outcomes -----------------------------------------------------------

def test_laws_listed_with_their_sources_and_none_recorded_where_absent():
    laws = [r for r in _csv("state_laws") if r["state_code"] == "CA"]
    facts = pr.state_profile("CA").section("laws").facts
    assert len(facts) == len(laws)
    assert sorted(f.source_ids[0] for f in facts) == sorted(r["source_id"] for r in laws)
    assert not [r for r in _csv("state_laws") if r["state_code"] == "AK"]
    (none,) = pr.state_profile("AK").section("laws").facts
    as_of = max(r["as_of"] for r in _csv("state_laws"))
    assert none.absence and f"None recorded as of {as_of}" in none.text and "Alaska" in none.text


def test_operations_in_the_state_are_listed_and_absence_is_stated():
    ops = [r for r in _csv("operations") if r["state_code"] == "MA"]
    facts = pr.state_profile("MA").section("operations").facts
    assert [f.source_ids[0] for f in facts] == [r["source_id"] for r in sorted(ops, key=lambda r: r["start"])]
    (none,) = pr.state_profile("WY").section("operations").facts
    assert none.absence and none.text.startswith("None recorded as of ")


def test_arrest_rate_matches_state_outcomes_and_says_what_it_cannot_show():
    rows = {r["state_code"]: r for r in _csv("state_outcomes")}
    row = rows["TX"]
    sec = pr.state_profile("TX").section("outcomes")
    assert f"{int(row['count']):,}" in sec.facts[0].text and f"{float(row['per_100k']):,.1f} per 100,000" in sec.facts[0].text
    assert row["source_id"] in sec.facts[0].source_ids
    higher = sum(float(r["per_100k"]) > float(row["per_100k"]) for r in rows.values())
    assert f"ranks {higher + 1} of the {len(rows)} places" in sec.facts[1].text
    assert "cannot show" in sec.limits and "where the person lived" in sec.limits


# -- citations ----------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["TX", "CA", "MN", "AK", "GU"])
def test_every_fact_is_cited_or_marked_as_an_absence_and_every_id_resolves(code):
    known = _known_sources()
    p = pr.state_profile(code)
    for s in p.sections:
        assert s.facts, f"section {s.key} is empty"
        for f in s.facts:
            assert f.source_ids or f.absence, f"uncited fact in {s.key}: {f.text}"
            assert set(f.source_ids) <= known
    md = pr.profile_markdown(p)
    for sid in p.source_ids():
        assert f"@{sid}" in md and f"**{sid}**" in md  # marker in the text and entry in the references
    assert set(markers_in(md)) <= known and set(markers_in(md)) == set(p.source_ids())


def test_memo_template_names_the_state_cites_facts_and_leaves_headings_blank():
    memo = pr.memo_template("FL")
    assert memo.startswith("# Policy memo: Florida")
    row = _latest("FL")
    assert f"[@{row['source_id']}]" in memo and f"**{row['source_id']}**:" in memo
    for heading in ("Question", "Facts, with citations", "Options", "strongest argument", "Recommendation",
                    "What would change your mind", "References"):
        assert heading in memo
    assert memo.count("_(write here)_") >= 8


# -- detainers: wired to the lesson 04 contract ------------------------------------------

@dataclass
class _FakeAssessment:
    answer: str
    reasons: list
    authority_ids: list


def test_detainer_section_calls_assess_detainer_for_each_request(monkeypatch):
    calls = []

    def fake(state, request, custody):
        calls.append((state, request, custody))
        return _FakeAssessment("prohibited" if request == "detainer" else "permitted",
                               [f"reason for {request}"], ["cfr_8_287_7"])

    module = types.ModuleType("immfed.widgets.detainers")
    module.assess_detainer = fake
    monkeypatch.setitem(sys.modules, "immfed.widgets.detainers", module)
    facts = pr.state_profile("OR").section("detainers").facts
    assert calls == [("OR", r, "release_due") for r in ("detainer", "detainer_with_admin_warrant", "judicial_warrant")]
    assert "**prohibited**" in facts[0].text and "reason for detainer" in facts[0].text
    assert all(f.source_ids == ("cfr_8_287_7",) for f in facts)


def test_detainer_section_with_the_real_assessor():
    known = _known_sources()
    for code in ("TX", "CA"):
        facts = pr.state_profile(code).section("detainers").facts
        answers = [f for f in facts if re.search(r"\*\*(required|permitted|prohibited|unsettled)\*\*", f.text)]
        assert len(answers) == 3
        assert all(f.source_ids and set(f.source_ids) <= known for f in facts)
    # Texas's detainer mandate (SB 4, 2017) and California's limit (SB 54) come out as the CSV records them
    rules = {(r["state_code"], r["request"]): r["answer"] for r in _csv("detainer_rules") if r["kind"] == "answer"}
    assert rules[("TX", "detainer*")] == "required" and rules[("CA", "detainer*")] == "prohibited"
    tx = pr.state_profile("TX").section("detainers").facts
    assert any("detainer request alone" in f.text and "**required**" in f.text and "tx_sb4_2017" in f.source_ids
               for f in tx)
    ca = pr.state_profile("CA").section("detainers").facts
    assert any("detainer request alone" in f.text and "**prohibited**" in f.text and "ca_sb54_2017" in f.source_ids
               for f in ca)


# -- agencies -----------------------------------------------------------------------------

def test_without_a_refresh_the_agency_section_says_how_to_get_one():
    (fact,) = pr.state_profile("TX").section("agencies").facts
    assert fact.absence and "immfed data refresh-287g" in fact.text


def test_after_a_refresh_the_state_agencies_are_listed(tmp_path):
    from openpyxl import Workbook

    import immfed.data
    from immfed.data.refresh import refresh_287g

    wb = Workbook()
    ws = wb.active
    ws.append(["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED"])
    ws.append(["Texas", "Example County Sheriff's Office", "Sheriff", "Example", "Jail Enforcement Model", "2025-03-01"])
    ws.append(["Texas", "Example County Sheriff's Office", "Sheriff", "Example", "Task Force Model", "2025-03-02"])
    ws.append(["Florida", "Sample Police Department", "Police", "Sample", "Warrant Service Officer", "2025-02-26"])
    sheet = tmp_path / "participatingAgencies11202026.xlsx"
    wb.save(sheet)
    refresh_287g(sheet, snapshot=dt.date(2026, 11, 20))
    immfed.data.reset()
    facts = pr.state_profile("TX").section("agencies").facts
    assert len(facts) == 1
    assert "Example County Sheriff's Office (Example): JEM, TFM" in facts[0].text
    assert facts[0].source_ids == ("ice_287g_sheet_2026_11_20",)
    assert "ice_287g_sheet_2026_11_20" in pr.profile_markdown("TX")
    (none,) = pr.state_profile("CA").section("agencies").facts
    assert none.absence and "lists no agency in California" in none.text


# -- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize("call", [lambda: pr.state_profile("XX"), lambda: pr.memo_template("Texass"),
                                  lambda: pr.figure_data(""), lambda: pr.profile_markdown("ZZ")])
def test_bad_state_raises_value_error_listing_accepted_codes(call):
    with pytest.raises(ValueError) as info:
        call()
    text = str(info.value)
    assert "Accepted codes" in text and all(code in text for code in ("TX", "WY", "DC", "PR"))


# -- the view -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def explorer():
    return pr.explore_profile("TX").explorer


def test_view_starts_on_the_chosen_state_with_a_titled_figure(explorer):
    import plotly.graph_objects as go

    assert isinstance(explorer.fig, go.FigureWidget)
    title = explorer.fig.layout.title.text
    assert "Texas" in title and "(agreements)" in title and "as of" in title
    assert [t.marker.color for t in explorer.fig.data] == [MODEL_COLOURS[m] for m in ("jem", "wso", "tfm")]
    assert explorer.state.description == "State"
    assert "Texas (TX): profile" in explorer.profile.value and "# Policy memo: Texas" in explorer.memo.value


def test_changing_the_dropdown_updates_figure_summary_profile_and_memo(explorer):
    explorer.state.value = "FL"
    fl = sorted((r for r in _csv("agreements_by_state") if r["state_code"] == "FL"), key=lambda r: r["snapshot"])
    tfm = explorer.fig.data[2]
    assert list(tfm.y) == [int(r["tfm"]) for r in fl]
    assert list(tfm.x) == [r["snapshot"] for r in fl]
    assert "Florida" in explorer.fig.layout.title.text
    assert f"{int(fl[-1]['total']):,} on {fl[-1]['snapshot']}" in explorer.summary.value
    assert "Florida (FL): profile" in explorer.profile.value
    assert explorer.memo.value.startswith("# Policy memo: Florida")
    explorer.state.value = "CA"
    assert "list no 287(g) agreement in California" in explorer.summary.value


def test_bad_initial_state_shows_a_message_not_a_traceback():
    view = pr.explore_profile("Narnia").explorer
    assert "role='alert'" in view.message.value and "Accepted codes" in view.message.value
    assert view.state.value in ALL_CODES
