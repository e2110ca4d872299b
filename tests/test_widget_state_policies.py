"""explore_state_policies(): grouping rules, per-100k arithmetic and the view, without a kernel.

Group expectations are written from the laws themselves (see the comment on each case),
and every number is recomputed from the CSV files with the csv module, not taken from the
functions under test.
"""

from __future__ import annotations

import csv
import statistics

import pandas as pd
import pytest

from immfed.widgets import state_policies as sp

from conftest import DATA
from figure_support import plotly_json


def _csv(name: str) -> list[dict]:
    with open(DATA / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _population(code: str) -> int:
    return int(next(r for r in _csv("state_population") if r["state_code"] == code)["population"])


def _agreements(snapshot: str, code: str) -> int:
    return int(next(r for r in _csv("agreements_by_state")
                    if r["snapshot"] == snapshot and r["state_code"] == code)["total"])


def _arrests(code: str) -> tuple[int, int]:
    row = next(r for r in _csv("state_outcomes") if r["state_code"] == code and r["metric"] == "ice_admin_arrests")
    return int(row["count"]), int(row["population"])


LATEST = max(r["snapshot"] for r in _csv("agreements_by_state"))
FIRST = min(r["snapshot"] for r in _csv("agreements_by_state"))


@pytest.fixture(scope="module")
def explorer():
    return sp.explore_state_policies().explorer


# -- policy_group, from the laws ----------------------------------------------------------

@pytest.mark.parametrize("code, expected, why", [
    ("TX", "mandates", "SB 4 (2017) requires jails to comply with ICE detainers"),
    ("FL", "mandates", "ch. 908 (SB 168, 2019) requires detainer compliance"),
    ("CA", "restricts", "SB 54 bars holds on ICE requests and 287(g)-style functions"),
    ("IL", "restricts", "TRUST Act bars holds solely on a detainer or civil immigration warrant"),
    ("MA", "restricts", "Lunn (SJC 2017): no state-law authority to hold on a detainer; rulings count"),
    ("AZ", "mandates", "SB 1070 sec. 2(B) status checks stand; the vetoed SB 1164 does not count"),
    # S.C. Code 17-13-170(A) (SB 20, 2011): status checks on reasonable suspicion; the pending S. 735 adds nothing
    ("SC", "mandates", "17-13-170 status-check mandate counts; S. 735 is only a pending bill"),
    # Idaho HB 83 (2025): detainer compliance is in force; only its new crimes are enjoined (and crimes never count)
    ("ID", "mandates", "HB 83's detainer duty counts; its enjoined state immigration crimes do not"),
    ("PA", "none", "no Pennsylvania statute on cooperation is recorded"),
])
def test_policy_group_follows_the_law(code, expected, why):
    assert sp.policy_group(code) == expected, why


def test_laws_count_only_from_their_effective_date():
    # New Mexico's HB 9 (287(g) ban) took effect 20 May 2026.
    assert sp.policy_group("NM", "2026-05-19") == "none"
    assert sp.policy_group("NM", "2026-05-20") == "restricts"
    # Maryland: sensitive-locations law HB 1222 (2025), 287(g) ban HB 444 (2026).
    assert sp.policy_group("MD", "2024-12-31") == "none"
    assert sp.policy_group("Maryland") == "restricts"


def test_vetoed_and_non_cooperation_rows_are_listed_but_not_counted():
    az = sp.law_rows("AZ")
    vetoed = az[az["status"] == "vetoed"]
    assert len(vetoed) == 2 and not vetoed["counted"].any()
    assert all(r.startswith("status vetoed") for r in vetoed["reason"])
    ca = sp.law_rows("CA")
    masks = ca[ca["mechanism"] == "officer_identification"]
    assert len(masks) >= 1 and not masks["counted"].any()


def test_a_state_with_both_kinds_of_counted_law_is_mixed(monkeypatch):
    real = sp.load

    def fake(name):
        table = real(name)
        if name == "state_laws":
            extra = table[table["law_id"] == "ca_sb54_detainer_limit"].copy()
            extra["law_id"], extra["state_code"], extra["state"] = "tx_test_limit", "TX", "Texas"
            table = pd.concat([table, extra], ignore_index=True)
        return table

    monkeypatch.setattr(sp, "load", fake)
    assert sp.policy_group("TX") == "mixed"


# -- the numbers, recomputed from the CSVs ------------------------------------------------

@pytest.mark.parametrize("snapshot", [FIRST, LATEST])
@pytest.mark.parametrize("code", ["TX", "FL", "CA", "WY", "VT"])
def test_per_100k_values_match_the_csvs(snapshot, code):
    row = sp.state_table(snapshot).set_index("state_code").loc[code]
    agreements = _agreements(snapshot, code)
    assert row["agreements"] == agreements
    assert row["agreements_per_100k"] == pytest.approx(agreements / _population(code) * 100_000)
    count, pop = _arrests(code)
    assert row["arrests_per_100k"] == pytest.approx(count / pop * 100_000)
    # the stored rounded rate agrees with the recomputed one
    stored = float(next(r for r in _csv("state_outcomes") if r["state_code"] == code)["per_100k"])
    assert round(row["arrests_per_100k"], 1) == pytest.approx(stored)


def test_table_has_the_fifty_states_and_leaves_dc_out():
    table = sp.state_table()
    assert len(table) == 50 and "DC" not in set(table["state_code"])


def test_summary_medians_are_computed_from_the_data():
    data = sp.figure_data("arrests_per_100k", LATEST)
    groups = {c: sp.policy_group(c, LATEST) for c in sp.state_table(LATEST)["state_code"]}
    rates = {r["state_code"]: int(r["count"]) / int(r["population"]) * 100_000 for r in _csv("state_outcomes")}
    text = sp.group_summary("arrests_per_100k", LATEST)
    for g in data["groups"]:
        members = [rates[c] for c, grp in groups.items() if grp == g["group"]]
        assert g["n"] == len(members)
        if members:
            assert f"{statistics.median(members):,.1f} ({len(members)} states)" in text


def test_titles_state_unit_and_date():
    agr = sp.figure_data("agreements", FIRST)
    assert "as of " + FIRST in agr["title"] and "agreements" in agr["title"]
    arr = sp.figure_data("arrests_per_100k", FIRST)
    end = max(r["period_end"] for r in _csv("state_outcomes"))
    assert arr["title"].endswith("as of " + end) and "per 100,000 residents" in arr["title"]


def test_caution_box_names_the_limits():
    html = sp.caution_html("arrests_per_100k")
    for phrase in ("not cause", "coarse", "where ICE made the arrest", "one agency x one model"):
        assert phrase in html


# -- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize("call, accepted", [
    (lambda: sp.figure_data("deportations"), "agreements, agreements_per_100k, arrests_per_100k"),
    (lambda: sp.figure_data("agreements", "2024-01-01"), LATEST),
    (lambda: sp.state_table("yesterday"), FIRST),
    (lambda: sp.policy_group("Narnia"), "TX"),
    (lambda: sp.policy_group("GU"), "WY"),
    (lambda: sp.policy_group("TX", "not a date"), "2026-10-09"),
    (lambda: sp.explore_state_policies(metric="crime"), "arrests_per_100k"),
])
def test_bad_input_raises_value_error_listing_what_is_accepted(call, accepted):
    with pytest.raises(ValueError) as info:
        call()
    assert "ccepted" in str(info.value) and accepted in str(info.value)


# -- the view, driven like a student would ------------------------------------------------

def _values(explorer, code: str):
    for trace in explorer.fig.data:
        if code in trace.text:
            return trace.name, trace.y[list(trace.text).index(code)]
    return None


def test_view_has_one_figure_widget_with_a_shape_per_group(explorer):
    import plotly.graph_objects as go

    assert isinstance(explorer.fig, go.FigureWidget) and len(explorer.fig.data) == 4
    assert len({t.marker.symbol for t in explorer.fig.data}) == 4
    assert "as of" in explorer.fig.layout.title.text
    assert "Median" in explorer.summary.value and "not cause" in explorer.caution.value


def test_metric_control_changes_the_figure(explorer):
    explorer.snapshot.value = LATEST
    explorer.metric.value = "agreements"
    name, value = _values(explorer, "TX")
    assert name == "Mandates cooperation" and value == _agreements(LATEST, "TX")
    explorer.metric.value = "arrests_per_100k"
    count, pop = _arrests("TX")
    assert _values(explorer, "TX")[1] == pytest.approx(count / pop * 100_000)
    assert "ICE arrests" in explorer.fig.layout.title.text
    assert "ICE arrests per 100,000" in explorer.summary.value


def test_snapshot_control_changes_counts_and_groups(explorer):
    explorer.metric.value = "agreements"
    explorer.snapshot.value = FIRST
    assert _values(explorer, "TX")[1] == _agreements(FIRST, "TX")
    assert FIRST in explorer.fig.layout.title.text
    # New Mexico's 287(g) ban took effect after the first sheet and before the latest
    assert _values(explorer, "NM")[0] == "No statewide law recorded"
    explorer.snapshot.value = LATEST
    assert _values(explorer, "NM")[0] == "Restricts cooperation"


def test_selecting_a_state_shows_its_cited_laws(explorer):
    explorer.state.value = "TX"
    assert "Texas (TX): Mandates cooperation" in explorer.detail.value
    for r in _csv("state_laws"):
        if r["state_code"] == "TX":
            assert r["source_id"] in explorer.detail.value
    assert explorer.show_state("Atlantis") is False
    assert "role='alert'" in explorer.message.value and "Texas (TX)" in explorer.detail.value


@pytest.mark.parametrize("snapshot", [FIRST, LATEST])
@pytest.mark.parametrize("metric", list(sp.METRICS))
def test_the_view_redraws_with_exactly_the_figure_plotly_builds(metric, snapshot):
    assert sp.policy_json(metric, snapshot) == plotly_json(sp.policy_figure(metric, snapshot))
