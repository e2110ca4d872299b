"""explore_models(): the pure functions and the view, driven without a kernel.

Expected values are read straight from the CSV files with the csv module, not from the
functions under test.
"""

from __future__ import annotations

import csv

import pytest

from immfed.data.states import TILE_GRID
from immfed.widgets import models as m
from immfed.widgets.style import MODEL_COLOURS

from conftest import DATA


def _csv(name: str) -> list[dict]:
    with open(DATA / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _by_state(snapshot: str, code: str) -> dict:
    return next(r for r in _csv("agreements_by_state") if r["snapshot"] == snapshot and r["state_code"] == code)


def _timeline(unit: str, column: str = "count") -> list[tuple[str, int]]:
    rows = [r for r in _csv("agreements_timeline") if r["unit"] == unit and r[column] != ""]
    rows.sort(key=lambda r: (r["date"], r["source_id"]))
    return [(r["date"], int(r[column])) for r in rows]


@pytest.fixture(scope="module")
def explorer():
    return m.explore_models().explorer


# -- model comparison --------------------------------------------------------------------

def test_model_table_has_every_model_and_aspect_with_a_known_source():
    table = m.model_table()
    assert list(table["aspect"]) == ["authorizes", "where", "training", "supervision", "who_pays", "history"]
    known = {r["source_id"] for r in _csv("sources")}
    for model in ("jem", "wso", "tfm"):
        assert table[model].notna().all() and (table[model].str.len() > 20).all()
        assert set(table[f"{model}_source"]) <= known
    html = m.model_table_html()
    assert "<caption" in html and "scope='row'" in html and "Who pays" in html


def test_who_pays_row_carries_the_2025_reimbursement_terms():
    # DHS release of 2 Sept 2025: 25% overtime cap and $1,000/$750/$500 quarterly awards
    tfm = next(r for r in _csv("model_features") if r["model"] == "tfm" and r["aspect"] == "who_pays")
    for term in ("25%", "$1,000", "$750", "$500", "1 Oct 2025"):
        assert term in tfm["description"]
    assert tfm["source_id"] == "dhs_287g_reimbursement_20250902"


# -- timeline ----------------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["agreements", "agencies", "moas_signed"])
def test_timeline_draws_one_unit_only(unit):
    data = m.timeline_figure_data(unit, "all")
    assert list(zip(data["x"], data["y"])) == _timeline(unit)
    assert unit.replace("_", " ") in data["title"] and "as of" in data["title"]
    others = {"agreements", "agencies", "moas_signed"} - {unit}
    assert any("Not mixed in" in n for n in data["notes"])
    assert all(any(o.replace("moas_signed", "MOAs") in n for n in data["notes"]) for o in others)


@pytest.mark.parametrize("model", ["jem", "wso", "tfm"])
def test_model_filter_keeps_only_dates_the_source_splits(model):
    data = m.timeline_figure_data("agreements", model)
    assert list(zip(data["x"], data["y"])) == _timeline("agreements", model)
    assert any("Split by model on" in n for n in data["notes"])


def test_lower_bounds_and_approximate_dates_are_flagged():
    data = m.timeline_figure_data("agreements", "all")
    # Titus: 'over 1,500 by early March 2026' is a lower bound with an approximate day
    i = data["x"].index("2026-03-05")
    assert data["symbols"][i] == "circle-open"
    assert any(n.startswith("2026-03-05") and "lower bound" in n for n in data["notes"])
    # a count read from an ICE sheet dated to the day carries no caveat
    assert data["symbols"][data["x"].index("2026-10-09")] == "circle"


def test_a_unit_never_split_by_model_gives_an_empty_chart_and_says_why():
    data = m.timeline_figure_data("moas_signed", "jem")
    assert data["x"] == [] and "No source in the table splits" in data["notes"][-1]
    assert "No dated counts" in m.timeline_summary("moas_signed", "jem")


def test_timeline_summary_is_computed_from_the_rows():
    rows = _timeline("agreements", "tfm")
    text = m.summary_sentence("timeline", unit="agreements", model="tfm")
    assert f"{rows[0][1]:,}" in text and f"{rows[-1][1]:,}" in text and rows[-1][0] in text


# -- state map ---------------------------------------------------------------------------

def test_state_grid_matches_the_table_and_keeps_missing_rows_apart_from_zero():
    grid = m.state_grid("2025-07-18", "tfm").set_index("state_code")
    assert set(grid.index) == set(TILE_GRID)
    assert grid.at["TX", "value"] == int(_by_state("2025-07-18", "TX")["tfm"])
    assert grid.at["FL", "value"] == int(_by_state("2025-07-18", "FL")["tfm"])
    present = {r["state_code"] for r in _csv("agreements_by_state") if r["snapshot"] == "2025-07-18"}
    for code in set(TILE_GRID) - present:
        assert grid.at[code, "basis"] == "no row" and grid["value"].isna()[code]


def test_map_summary_total_equals_the_sum_of_the_snapshot():
    rows = [r for r in _csv("agreements_by_state") if r["snapshot"] == "2026-10-09"]
    total = sum(int(r["total"]) for r in rows)
    assert f"{total:,} agreements" in m.map_summary("2026-10-09", "all")


# -- state profile -----------------------------------------------------------------------

def test_state_profile_lists_counts_per_snapshot_and_the_state_laws():
    p = m.state_profile("Texas")
    assert p["code"] == "TX"
    latest = next(c for c in p["counts"] if c["snapshot"] == "2026-10-09")
    row = _by_state("2026-10-09", "TX")
    assert (latest["jem"], latest["wso"], latest["tfm"]) == (int(row["jem"]), int(row["wso"]), int(row["tfm"]))
    laws = [r for r in _csv("state_laws") if r["state_code"] == "TX"]
    assert sorted(law["cited"] for law in p["laws"]) == sorted(r["citation"] for r in laws)
    assert all({"name", "mechanism", "status", "summary", "cited"} <= set(law) for law in p["laws"])


# -- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize("call, accepted", [
    (lambda: m.timeline_figure_data("officers", "all"), "agreements, agencies, moas_signed"),
    (lambda: m.timeline_figure_data("agreements", "hybrid"), "all, jem, wso, tfm"),
    (lambda: m.state_grid("2024-01-01", "all"), "2025-07-18"),
    (lambda: m.state_grid("not a date", "all"), "2026-10-09"),
    (lambda: m.state_profile("Texass"), "TX"),
    (lambda: m.summary_sentence("pie"), "timeline, map"),
])
def test_bad_input_raises_value_error_listing_what_is_accepted(call, accepted):
    with pytest.raises(ValueError) as info:
        call()
    assert "Accepted" in str(info.value) or "accepted" in str(info.value)
    assert accepted in str(info.value)


# -- the view, driven like a student would ------------------------------------------------

def test_view_has_two_figure_widgets_and_four_tabs(explorer):
    import plotly.graph_objects as go

    figs = [explorer.timeline_fig, explorer.map_fig]
    assert all(isinstance(f, go.FigureWidget) for f in figs)
    assert len(explorer.tabs.children) == 4
    assert all("as of" in f.layout.title.text for f in figs)


def test_choosing_snapshot_and_model_updates_the_map(explorer):
    before = explorer.map_fig.layout.title.text
    explorer.snapshot.value = "2025-07-18"
    explorer.map_model.value = "tfm"
    trace = explorer.map_fig.data[0]
    tx = list(TILE_GRID).index("TX")  # tiles are drawn in TILE_GRID order
    assert trace.text[tx] == f"TX<br>{_by_state('2025-07-18', 'TX')['tfm']}"
    assert "2025-07-18" in explorer.map_fig.layout.title.text and "TFM" in explorer.map_fig.layout.title.text
    assert explorer.map_fig.layout.title.text != before
    assert "2025-07-18" in explorer.map_summary.value
    # the biggest tile is drawn in the task-force colour itself
    fl = m.map_figure_data("2025-07-18", "tfm")["codes"].index("FL")
    assert trace.marker.color[fl].upper() == MODEL_COLOURS["tfm"].upper()


def test_changing_unit_and_model_updates_the_timeline(explorer):
    explorer.model.value = "all"
    explorer.unit.value = "agencies"
    trace = explorer.timeline_fig.data[0]
    assert list(trace.y) == [v for _, v in _timeline("agencies")]
    assert "(agencies)" in explorer.timeline_fig.layout.title.text
    explorer.unit.value = "agreements"
    explorer.model.value = "wso"
    assert list(explorer.timeline_fig.data[0].y) == [v for _, v in _timeline("agreements", "wso")]
    assert trace.line.color == MODEL_COLOURS["wso"]
    assert "Split by model" in explorer.timeline_notes.value
    explorer.unit.value = "moas_signed"
    assert list(explorer.timeline_fig.data[0].y) == []
    assert "No source in the table splits" in explorer.timeline_notes.value


def test_selecting_a_state_shows_its_profile_and_bad_text_shows_a_message(explorer):
    explorer.state.value = "FL"
    assert "Florida (FL)" in explorer.profile.value
    assert _by_state("2026-10-09", "FL")["tfm"] in explorer.profile.value
    explorer.state_text.value = "Narnia"
    assert "role='alert'" in explorer.message.value and "Unknown state" in explorer.message.value
    assert "Florida (FL)" in explorer.profile.value  # the previous profile stays
    explorer.state_text.value = "ga"
    assert explorer.message.value == "" and "Georgia (GA)" in explorer.profile.value
    assert explorer.state.value == "GA"


@pytest.mark.parametrize("kwargs, words", [({"unit": "x"}, "Unknown unit 'x'. Accepted: agreements"),
                                           ({"model": "JEM"}, "Unknown model 'JEM'. Accepted:"),
                                           ({"map_model": 3}, "Unknown map model 3.")])
def test_explore_models_explains_a_bad_argument(kwargs, words):
    from immfed.widgets import explore_models

    with pytest.raises(ValueError) as err:
        explore_models(**kwargs)
    assert words in str(err.value)


def test_the_map_chart_is_made_when_its_tab_first_opens():
    # one plotly widget per page at load: a second one loading at the same time can miss
    # anywidget's two-second start-up limit in a busy browser
    from immfed.widgets.models import TABS, ModelsExplorer
    from plotly.basewidget import BaseFigureWidget

    ex = ModelsExplorer()
    mapping = ex.tabs.children[TABS.index("Map by state")]
    assert ex._map_fig is None
    assert not any(isinstance(w, BaseFigureWidget) for w in mapping.children[2].children)
    ex.snapshot.value = "2025-07-18"  # the summary follows even before the chart exists
    assert "2025-07-18" in ex.map_summary.value
    ex.tabs.selected_index = TABS.index("Map by state")
    (chart,) = mapping.children[2].children
    assert isinstance(chart, BaseFigureWidget) and "2025-07-18" in chart.layout.title.text


def test_the_september_2026_sheet_counts_are_not_flagged_as_incomparable():
    # Both 2,466 (8 Sep) and 2,510 (16 Sep) are raw rows of ICE's sheet: the Deportation Data
    # Project's check "active agreements == newest sheet rows" passes at 2,510 (issue 12), so
    # the chart must not tell students to discount that step.
    from immfed.widgets.models import timeline_figure_data

    notes = timeline_figure_data("agreements", "all")["notes"]
    assert not any(n.startswith("2026-09-16") for n in notes), notes
