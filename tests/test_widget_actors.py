"""The actors explorer: every claim is sourced, and choosing an actor changes the panel."""

from __future__ import annotations

import pytest

from immfed.data import cite, load
from immfed.widgets.actors import ACTORS, actor_facts, actor_html, actor_profile, explore_actors

# The actors the course promises to map (issue 3 / lesson 00), by id.
REQUIRED = {"ice", "ice_ero", "ice_hsi", "cbp", "sheriffs_jails", "police", "state_police", "prosecutors",
            "courts", "legislatures_governors", "advocates"}


def test_facts_are_a_cited_table_with_a_known_actor_and_aspect():
    facts = load("actor_facts")  # schema: actor and aspect are vocabulary codes, source_id a source
    assert len(facts) >= 40
    assert facts["text"].str.strip().astype(bool).all()
    known = set(load("sources")["source_id"])
    assert set(facts["source_id"]) <= known
    assert set(actor_facts()["level"]) >= {"Federal", "Local", "State"}


def test_every_promised_actor_is_present_and_has_a_sourced_role_or_power():
    assert REQUIRED <= set(ACTORS)
    for actor in REQUIRED:
        headings = set(actor_profile(actor)["sections"])
        assert headings & {"What it is and what it does here", "Powers, and the authority behind them"}, actor


def test_courts_profile_cites_the_cases_and_not_the_agencies():
    # Printz v. United States (1997) is the anti-commandeering case and Lunn v. Commonwealth (2017) the
    # Massachusetts detainer case, so both belong to the courts; ICE's own pages do not
    profile = actor_profile("courts")
    assert {"case_printz_1997", "case_lunn_2017"} <= set(profile["source_ids"])
    assert "ice_about_page_2020" not in profile["source_ids"]
    assert len(profile["source_ids"]) == len(set(profile["source_ids"]))  # each source listed once
    assert profile["level"] == "Federal and state"


def test_html_lists_each_source_with_its_citation():
    html = actor_html("ice_ero")
    assert "usc_8_1357" in html and "cfr_8_287_7" in html
    assert "Enforcement and Removal Operations" in html


def test_unknown_actor_raises_valueerror_listing_accepted_ids():
    with pytest.raises(ValueError) as err:
        actor_profile("fbi")
    assert "ice_ero" in str(err.value) and "sheriffs_jails" in str(err.value)


def test_choosing_an_actor_changes_the_panel():
    box = explore_actors()
    before = box.panel.value
    assert "Enforcement and Removal Operations" in before
    box.picker.value = "sheriffs_jails"
    after = box.panel.value
    assert after != before
    assert "Sheriffs and the jails they run" in after
    assert "fl_908_11_2024" in after  # Florida's jail 287(g) mandate is cited in the sheriffs' panel
    box.picker.value = "cbp"
    assert "usc_6_211" in box.panel.value


def test_every_actor_renders_in_the_view():
    box = explore_actors()
    for actor in ACTORS:
        box.picker.value = actor
        assert ACTORS[actor]["name"].split(" (")[0] in box.panel.value


def test_bad_initial_actor_shows_a_message_not_a_traceback():
    box = explore_actors("nonsense")
    assert "Unknown actor" in box.message.value and "ice_ero" in box.message.value
    assert box.picker.value == "ice_ero"
    box.picker.value = "courts"
    assert box.message.value == ""


def test_dropdown_is_keyboard_reachable_with_a_label():
    box = explore_actors()
    assert box.picker.description == "Actor:"
    assert len(box.picker.options) == len(ACTORS)
