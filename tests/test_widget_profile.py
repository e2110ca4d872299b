"""explore_profile(): the state profile, its Markdown, the memo template and the view.

Expected values are either typed in from a hand count of a small table the test writes
itself (``small_data``) or read straight from the shipped CSV files with the csv module,
never from the functions under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

import immfed.data
from immfed.data import Catalog
from immfed.data.catalog import SHIPPED_ROOT
from immfed.data.states import ALL_CODES
from immfed.lessons import markers_in
from immfed.widgets import profile as pr
from immfed.widgets.style import MODEL_COLOURS

from conftest import DATA
from figure_support import plotly_json


def _csv(name: str) -> list[dict]:
    with open(DATA / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _latest(code: str) -> dict:
    rows = _csv("agreements_by_state")
    latest = max(r["snapshot"] for r in rows)
    return next(r for r in rows if r["snapshot"] == latest and r["state_code"] == code)


def _known_sources() -> set[str]:
    return {r["source_id"] for r in _csv("sources")}


# -- a small hand-made copy of two tables -------------------------------------------------

# Two ICE sheets. Texas rose from 10 to 25; California is listed with zero on both; Vermont
# appears on the later sheet only, with a note; every other place (e.g. Guam) has no row.
SMALL_AGREEMENTS = """snapshot,state_code,state,total,jem,wso,tfm,basis,source_id,note
2025-07-18,TX,Texas,10,4,3,3,computed,ice_287g_sheet_2025_07_18,
2026-10-09,TX,Texas,25,5,8,12,computed,ice_287g_sheet_2026_10_09,
2025-07-18,CA,California,0,0,0,0,zero,ice_287g_sheet_2025_07_18,
2026-10-09,CA,California,0,0,0,0,zero,ice_287g_sheet_2026_10_09,
2026-10-09,VT,Vermont,2,0,2,0,computed,ice_287g_sheet_2026_10_09,Two agencies signed in 2026.
"""
# Three places, one period: rates 30.0 (TX), 10.0 (CA) and 20.0 (VT), so Vermont ranks 2 of 3
# and the median is 20.0. Oregon has no row.
_METHOD = "counted for the test"
SMALL_OUTCOMES = f"""state_code,state,period_start,period_end,metric,count,population,per_100k,derived_by,method,source_id,population_source_id,note
TX,Texas,2025-01-01,2025-12-31,ice_admin_arrests,3000,10000000,30.0,a tester,{_METHOD},konczal_ice_arrests_by_state_2026,census_nst_est2025_alldata,
CA,California,2025-01-01,2025-12-31,ice_admin_arrests,1000,10000000,10.0,a tester,{_METHOD},konczal_ice_arrests_by_state_2026,census_nst_est2025_alldata,
VT,Vermont,2025-01-01,2025-12-31,ice_admin_arrests,120,600000,20.0,a tester,{_METHOD},konczal_ice_arrests_by_state_2026,census_nst_est2025_alldata,a caveat
"""


@pytest.fixture
def small_data(tmp_path, monkeypatch):
    """The course data with the two small tables above in place of the shipped ones."""
    overrides = {}
    for name, text in (("agreements_by_state", SMALL_AGREEMENTS), ("state_outcomes", SMALL_OUTCOMES)):
        overrides[name] = tmp_path / f"{name}.csv"
        overrides[name].write_text(text, encoding="utf-8")
    monkeypatch.setattr(immfed.data, "_catalog", Catalog(SHIPPED_ROOT, overrides))


def test_small_table_agreements_facts(small_data):
    tx = pr.state_profile("TX").section("agreements").facts
    assert [f.text for f in tx] == [
        "ICE's sheet of 2026-10-09 lists 25 agreements in Texas: 5 JEM, 8 WSO, 12 TFM.",
        "Across the 2 ICE sheets in the course data with a row for Texas, the total rose from 10 "
        "(2025-07-18: 4 JEM, 3 WSO, 3 TFM) to 25 (2026-10-09).",
    ]
    assert tx[0].source_ids == ("ice_287g_sheet_2026_10_09",)
    assert tx[1].source_ids == ("ice_287g_sheet_2025_07_18", "ice_287g_sheet_2026_10_09")
    vt = pr.state_profile("VT").section("agreements").facts
    assert [f.text for f in vt] == ["ICE's sheet of 2026-10-09 lists 2 agreements in Vermont: 0 JEM, 2 WSO, 0 TFM.",
                                    "Note on the 2026-10-09 count: Two agencies signed in 2026."]
    ca, same = pr.state_profile("CA").section("agreements").facts
    assert ca.absence and ca.text == ("None recorded as of 2026-10-09: ICE's participating-agencies sheet of that "
                                      "date lists no 287(g) agreement in California.")
    assert same.text == ("Across the 2 ICE sheets in the course data with a row for California, the total stayed "
                         "at 0 from 2025-07-18 to 2026-10-09.")
    (gu,) = pr.state_profile("GU").section("agreements").facts
    assert gu.absence and gu.source_ids == ()
    assert "(2025-07-18, 2026-10-09) have no row for Guam" in gu.text and "not the same as zero" in gu.text


def test_small_table_chart_and_summary(small_data):
    d = pr.figure_data("TX")
    assert d["x"] == ["2025-07-18", "2026-10-09"]
    assert d["y"] == {"jem": [4, 5], "wso": [3, 8], "tfm": [3, 12]}
    assert d["summary"] == ("In Texas, 287(g) agreements went from 10 on ICE's sheet of 2025-07-18 to 25 on "
                            "2026-10-09; Task Force Model agreements were the largest group (12).")
    assert pr.figure_data("VT")["y"]["wso"] == [None, 2]
    assert pr.figure_summary("CA") == ("ICE's sheets from 2025-07-18 to 2026-10-09 list no 287(g) agreement "
                                       "in California.")
    assert pr.figure_summary("GU") == ("The course data has no row for Guam on any of the 2 ICE sheets, so "
                                       "nothing is drawn.")


def test_small_table_arrest_rate_and_rank(small_data):
    sec = pr.state_profile("VT").section("outcomes")
    assert [f.text for f in sec.facts] == [
        "ICE administrative arrests recorded in Vermont, 2025-01-01 to 2025-12-31: 120, or 20.0 per 100,000 "
        "residents (population 600,000). Counted by a tester.",
        "On this rate Vermont ranks 2 of the 3 places in the table for the same period (1 = highest); the "
        "median was 20.0 per 100,000.",
    ]
    assert all(f.source_ids == ("konczal_ice_arrests_by_state_2026", "census_nst_est2025_alldata")
               for f in sec.facts)
    assert sec.limits.endswith("How the figure was built: counted for the test Caveats recorded with it: a caveat")
    assert "ranks 1 of the 3" in pr.state_profile("TX").section("outcomes").facts[1].text
    assert "ranks 3 of the 3" in pr.state_profile("CA").section("outcomes").facts[1].text
    (none,) = pr.state_profile("OR").section("outcomes").facts
    assert none.absence and none.text == ("None recorded as of 2025-12-31: the course's state_outcomes table has "
                                          "no row for Oregon.")


def test_a_new_catalog_shows_new_data(small_data):
    """The profile keeps its work per loaded copy of the data: reloading shows the new tables."""
    assert "25 agreements in Texas" in pr.state_profile("TX").section("agreements").facts[0].text
    immfed.data.reset()  # back to the shipped tables
    assert "25 agreements in Texas" not in pr.state_profile("TX").section("agreements").facts[0].text


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


# -- detainers: lesson 04's assessor, three requests -------------------------------------

def test_detainer_section_answers_each_request_for_oregon():
    # Oregon's Sanctuary Promise Act (ORS 181A.820-.826, HB 3265, 2021) bars holding anyone for
    # immigration enforcement on a request without a judicial order; a judge's warrant is its
    # own authority. Three requests, so three answers, in the order of REQUESTS.
    facts = pr.state_profile("OR").section("detainers").facts
    answers = [f for f in facts if f.text.startswith("Keeping the person for ICE on ")]
    assert [re.search(r"\*\*(\w+)\*\*", f.text).group(1) for f in answers] == ["prohibited", "prohibited",
                                                                                 "permitted"]
    assert [f.text.split(":")[0] for f in answers] == [
        "Keeping the person for ICE on an ICE detainer request alone (Form I-247A)",
        "Keeping the person for ICE on a detainer with an ICE administrative warrant (Form I-200 or I-205)",
        "Keeping the person for ICE on a warrant signed by a judge"]
    assert all("or_doj_sanctuary_promise" in f.source_ids for f in answers[:2])
    assert all(f.source_ids and not f.absence for f in facts)


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


def test_the_explorer_redraws_with_exactly_the_figure_plotly_builds():
    from immfed.widgets.profile_chart import figure_json

    for code in ALL_CODES:
        assert figure_json(code) == plotly_json(pr.profile_figure(code)), code
