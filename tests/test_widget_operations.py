"""explore_operations(): the pure functions and the view, driven without a kernel.

Expected values are read straight from the CSV files with the csv module, not from the
functions under test.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from immfed.widgets import operations as o
from immfed.widgets.style import PALETTE

from conftest import DATA
from figure_support import plotly_json

ROLES = ["cooperated", "declined", "disputed", "mixed"]


def _csv(name: str) -> list[dict]:
    with open(DATA / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _ops(roles=None, states=None) -> list[dict]:
    return [r for r in _csv("operations")
            if (roles is None or r["local_role"] in roles) and (states is None or r["state_code"] in states)]


def _marker_points(fig) -> dict[str, set[str]]:
    """Operation ids drawn as start markers, per role (marker traces follow the line traces)."""
    out = {}
    for trace in fig.data[len(ROLES):]:
        role = trace.legendgroup
        out[role] = set(trace.customdata or ())
        assert len(trace.x or ()) == len(trace.y or ()) == len(out[role])
    return out


def _segments(fig) -> int:
    return sum(sum(1 for v in (t.x or ()) if v is not None) // 2 for t in fig.data[:len(ROLES)])


@pytest.fixture()
def explorer():
    return o.explore_operations().explorer


# -- operations: filters ---------------------------------------------------------------

def test_unfiltered_frame_has_every_operation_oldest_first():
    frame = o.operations_frame()
    expected = sorted(_ops(), key=lambda r: (r["start"], r["operation_id"]))
    assert list(frame["operation_id"]) == [r["operation_id"] for r in expected]


@pytest.mark.parametrize("role", ROLES)
def test_role_filter_matches_the_csv(role):
    assert set(o.operations_frame([role])["operation_id"]) == {r["operation_id"] for r in _ops([role])}


def test_state_and_role_filters_combine():
    frame = o.operations_frame(["declined"], ["MA", "CA"])
    assert set(frame["operation_id"]) == {r["operation_id"] for r in _ops(["declined"], ["MA", "CA"])}
    assert len(frame) >= 2  # both Massachusetts operations and Los Angeles declined


def test_figure_points_per_role_equal_independent_counts():
    fig = o.timeline_figure()
    points = _marker_points(fig)
    for role in ROLES:
        assert points[role] == {r["operation_id"] for r in _ops([role])}
    # one span segment for each operation with a reported end date, none for open-ended ones
    assert _segments(fig) == sum(1 for r in _ops() if r["end"])


def test_filtering_the_figure_removes_points():
    fig = o.timeline_figure(states=["MN"])
    points = _marker_points(fig)
    assert sum(len(v) for v in points.values()) == len(_ops(states=["MN"])) == 1
    assert points["disputed"] == {r["operation_id"] for r in _ops(states=["MN"])}
    assert fig.layout.title.text.endswith(o.timeline_data()["as_of"]) and "dates" in fig.layout.title.text


def test_colour_and_symbol_encode_role_with_okabe_ito():
    fig = o.timeline_figure()
    symbols, colours = set(), set()
    for trace in fig.data[len(ROLES):]:
        symbols.add(trace.marker.symbol)
        colours.add(trace.marker.color)
    assert len(symbols) == len(colours) == 4
    assert colours <= set(PALETTE.values())


def test_summary_counts_come_from_the_data():
    text = o.timeline_summary()
    counts = Counter(r["local_role"] for r in _ops())
    assert text.startswith(f"{len(_ops())} operations")
    assert f"declined: {counts['declined']}" in text and f"took part: {counts['cooperated']}" in text
    open_ended = sum(1 for r in _ops() if not r["end"])
    assert f"{open_ended} of {len(_ops())}" in text
    assert "No operation" in o.timeline_summary([])


def test_operation_sources_are_cited_links():
    ops = {r["operation_id"]: r for r in _csv("operations")}
    titles = {r["source_id"]: r["title"] for r in _csv("sources")}
    for op_id, row in ops.items():
        expected = [row["source_id"]] + [r["source_id"] for r in _csv("operation_arrests") if r["operation_id"] == op_id]
        got = o.operation_sources(op_id)
        ids = [s["source_id"] for s in got]
        assert ids[0] == row["source_id"] and len(ids) == len(set(ids)) and set(ids) == set(expected)
        for s in got:
            assert titles[s["source_id"]] in s["citation"] and s["url"].startswith("http")
    html = o.operations_html(states=["NC"])
    assert "<a href='http" in html and "Mecklenburg" in html


def test_arrest_figures_keep_who_reported_and_the_kind_of_count():
    html = o.operations_html(states=["LA"])
    for r in _csv("operation_arrests"):
        if r["operation_id"] == "new_orleans_catahoula_crunch_2025":
            assert f"{int(r['count']):,}" in html and r["reported_by"].split(" (")[0] in html
    assert "not audited" in html


# -- accounts --------------------------------------------------------------------------

def test_incidents_list_every_incident_in_the_csv():
    assert set(o.incidents()["incident_id"]) == {r["incident_id"] for r in _csv("accounts")}


@pytest.mark.parametrize("incident_id", sorted({r["incident_id"] for r in _csv("accounts")}))
def test_accounts_for_returns_every_party_grouped(incident_id):
    rows = [r for r in _csv("accounts") if r["incident_id"] == incident_id]
    got = o.accounts_for(incident_id)
    assert len(got) == len(rows)
    assert sorted(zip(got["party"], got["source_id"])) == sorted((r["party"], r["source_id"]) for r in rows)
    # groups appear in the fixed order federal, state, county, city, other, each contiguous
    order = ["federal", "state", "county", "city", "other"]
    seen = list(dict.fromkeys(got["group"]))
    assert seen == [g for g in order if g in seen]
    for _, r in got.iterrows():
        assert r["group"] == (r["party_type"] if r["party_type"] in order[:4] else "other")


def test_good_shooting_accounts_put_federal_and_local_side_by_side():
    got = o.accounts_for("mpls_good_20260107")
    assert {"federal", "state", "county", "city"} <= set(got["group"])
    html = o.accounts_html("mpls_good_20260107")
    assert "shown as the party stated it" in html and "<caption" in html and "scope='row'" in html
    n_fed = sum(1 for r in _csv("accounts") if r["incident_id"] == "mpls_good_20260107" and r["party_type"] == "federal")
    assert f"{n_fed} federal" in o.accounts_summary("mpls_good_20260107")


# -- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize("call, accepted", [
    (lambda: o.operations_frame(["helped"]), "cooperated, declined, disputed, mixed"),
    (lambda: o.operations_frame(states=["ZZ"]), "MN"),
    (lambda: o.operations_frame(states=5), "list"),
    (lambda: o.accounts_for("nope"), "mpls_good_20260107"),
    (lambda: o.operation_sources("nope"), "mn_metro_surge_2025"),
    (lambda: o.explore_operations(tab="Map"), "Operations timeline"),
    (lambda: o.explore_operations(state="Texas"), "MN"),
])
def test_bad_input_names_the_accepted_values(call, accepted):
    with pytest.raises(ValueError, match="Accepted|must be") as err:
        call()
    assert accepted in str(err.value)


# -- the view ----------------------------------------------------------------------------

def test_view_starts_with_all_operations(explorer):
    assert sum(len(v) for v in _marker_points(explorer.fig).values()) == len(_ops())
    assert explorer.summary.value.startswith("<p role='status'>")


def test_state_dropdown_updates_the_same_figure(explorer):
    fig = explorer.fig
    explorer.state.value = "MA"
    assert explorer.fig is fig
    points = _marker_points(fig)
    assert set().union(*points.values()) == {r["operation_id"] for r in _ops(states=["MA"])}
    assert "2 operations" in explorer.summary.value and "Patriot" in explorer.details.value


def test_role_checkbox_removes_that_role(explorer):
    explorer.role_boxes["declined"].value = False
    points = _marker_points(explorer.fig)
    assert points["declined"] == set()
    assert set().union(*points.values()) == {r["operation_id"] for r in _ops(["cooperated", "disputed", "mixed"])}
    for box in explorer.role_boxes.values():
        box.value = False
    assert "Tick at least one role" in explorer.message.value
    assert sum(len(v) for v in _marker_points(explorer.fig).values()) == 0


def test_incident_dropdown_changes_the_accounts(explorer):
    explorer.incident.value = "clt_charlotte_web_end_20251120"
    assert "McFadden" in explorer.accounts.value and "Pretti" not in explorer.accounts.value
    explorer.incident.value = "mpls_pretti_20260124"
    assert "Pretti" in explorer.accounts.value and "McFadden" not in explorer.accounts.value
    assert "accounts of" in explorer.accounts_summary.value


def test_explore_accounts_alone_has_no_figure_and_follows_the_dropdown():
    view = o.explore_accounts("mpls_sosa_celis_20260114").view
    assert "materially inconsistent" in view.accounts.value
    view.incident.value = "mn_metro_surge_cooperation_20260212"
    expected = [r["party"] for r in _csv("accounts") if r["incident_id"] == "mn_metro_surge_cooperation_20260212"]
    assert expected and all(p.replace("'", "&#x27;") in view.accounts.value for p in expected)
    with pytest.raises(ValueError, match="Accepted"):
        o.explore_accounts("nope")


def test_every_operation_gets_its_own_row_and_a_fixed_axis():
    frame = o.operations_frame()
    assert frame["label"].is_unique and len(frame) == len(_ops())
    full = o.timeline_figure()
    one = o.timeline_figure(states=["FL"])
    assert list(full.layout.xaxis.range) == list(one.layout.xaxis.range)
    starts = sorted(r["start"] for r in _ops())
    assert full.layout.xaxis.range[0] < starts[0] and full.layout.xaxis.range[1] > starts[-1]


@pytest.mark.parametrize("roles, states", [(None, None), (["declined"], None), (None, ["MN"]), ([], None),
                                           (["cooperated", "mixed"], ["MA", "CA"]), (["disputed"], ["FL"])])
def test_the_view_redraws_with_exactly_the_figure_plotly_builds(roles, states):
    assert o.timeline_json(roles, states) == plotly_json(o.timeline_figure(roles, states))
