"""Tests for immfed.widgets.authority: the rules table, assess_authority and explore_authority.

Expected answers below were worked out from the authorities named beside each one
(ids in data/tables/authorities.csv), not copied from the function's output.
"""

from __future__ import annotations

import pytest

from immfed.data import load
from immfed.data.states import STATES
from immfed.widgets.authority import ACTIONS, ACTORS, Assessment, assess_authority, explore_authority

# A state with no in-force state law in state_laws: answers there are the federal baseline.
BASELINE_STATE = "KS"

# (actor, action): (expected answer, authority ids the answer rests on)
FEDERAL = {
    # ICE officers: 8 U.S.C. 1357(a) powers, administrative warrants, detainer regulation.
    ("ice_officer", "ask_status"): ("allowed", ["usc_1357a"]),  # (a)(1) questioning
    ("ice_officer", "civil_arrest"): ("allowed", ["usc_1357a", "form_i200"]),  # (a)(2); I-200
    ("ice_officer", "criminal_immigration_arrest"): ("allowed", ["usc_1357a"]),  # (a)(4)-(5)
    ("ice_officer", "hold_on_detainer"): ("allowed", ["cfr_287_7a", "ice_policy_10074_2", "cfr_287_7d"]),
    ("ice_officer", "serve_admin_warrant_in_jail"): ("allowed", ["form_i200", "form_i205"]),
    ("ice_officer", "share_information"): ("allowed", ["usc_1373"]),  # 1373(c)
    ("ice_officer", "courthouse_civil_arrest"): ("allowed", ["usc_1357a", "dhs_protected_areas_rescission_2025"]),
    # Local officer with no agreement: Arizona (sec. 6 preempted, 2(B) survived), Santos, detainer cases.
    ("local_no_agreement", "ask_status"): ("allowed", ["case_arizona_2012", "ina_287g_10"]),
    ("local_no_agreement", "civil_arrest"): ("not allowed", ["case_arizona_2012", "case_santos_2013", "usc_1252c", "usc_1103a10"]),
    ("local_no_agreement", "criminal_immigration_arrest"): ("depends", ["usc_1252c"]),  # state law permits; ICE confirms
    ("local_no_agreement", "hold_on_detainer"): ("depends", ["cfr_287_7a", "case_galarza_2014", "case_miranda_olivares_2014", "case_lunn_2017", "cfr_287_7d"]),
    ("local_no_agreement", "serve_admin_warrant_in_jail"): ("not allowed", ["case_santos_2013", "form_i200"]),
    ("local_no_agreement", "share_information"): ("allowed", ["ina_287g_10", "usc_1373", "usc_1644", "case_printz_1997"]),
    ("local_no_agreement", "courthouse_civil_arrest"): ("not allowed", ["case_arizona_2012", "case_santos_2013"]),
    # JEM: jail-based delegation under 1357(g)(1)-(3).
    ("jem", "ask_status"): ("allowed", ["case_arizona_2012", "prog_287g_jem"]),
    ("jem", "civil_arrest"): ("depends", ["prog_287g_jem", "ina_287g_1", "case_santos_2013"]),  # only in the jail
    ("jem", "criminal_immigration_arrest"): ("depends", ["usc_1252c", "prog_287g_jem"]),
    ("jem", "hold_on_detainer"): ("allowed", ["prog_287g_jem", "ina_287g_2_3", "cfr_287_7d"]),
    ("jem", "serve_admin_warrant_in_jail"): ("allowed", ["prog_287g_jem", "form_i200"]),
    ("jem", "share_information"): ("allowed", ["ina_287g_10", "usc_1373"]),
    ("jem", "courthouse_civil_arrest"): ("not allowed", ["prog_287g_jem", "case_santos_2013"]),
    # WSO: serve ICE administrative warrants on people in the agency's own jail.
    ("wso", "ask_status"): ("allowed", ["case_arizona_2012", "prog_287g_wso"]),
    ("wso", "civil_arrest"): ("depends", ["prog_287g_wso", "form_i200", "case_santos_2013"]),  # only by warrant, in jail
    ("wso", "criminal_immigration_arrest"): ("depends", ["usc_1252c", "prog_287g_wso"]),
    ("wso", "hold_on_detainer"): ("allowed", ["prog_287g_wso", "ice_policy_10074_2", "cfr_287_7d"]),
    ("wso", "serve_admin_warrant_in_jail"): ("allowed", ["prog_287g_wso", "form_i200", "form_i205"]),
    ("wso", "share_information"): ("allowed", ["ina_287g_10", "usc_1373"]),
    ("wso", "courthouse_civil_arrest"): ("not allowed", ["prog_287g_wso", "case_santos_2013"]),
    # TFM: field powers under the written agreement and ICE supervision.
    ("tfm", "ask_status"): ("allowed", ["prog_287g_tfm", "ina_287g_2_3"]),
    ("tfm", "civil_arrest"): ("allowed", ["prog_287g_tfm", "ina_287g_1", "usc_1357a"]),
    ("tfm", "criminal_immigration_arrest"): ("depends", ["prog_287g_tfm", "ina_287g_4_6"]),  # scope set by MOA
    ("tfm", "hold_on_detainer"): ("depends", ["prog_287g_tfm", "ina_287g_4_6", "cfr_287_7a"]),
    ("tfm", "serve_admin_warrant_in_jail"): ("depends", ["prog_287g_tfm", "ina_287g_4_6", "case_santos_2013"]),
    ("tfm", "share_information"): ("allowed", ["ina_287g_10", "usc_1373"]),
    ("tfm", "courthouse_civil_arrest"): ("allowed", ["prog_287g_tfm", "dhs_protected_areas_rescission_2025"]),
}


def test_expectations_cover_every_actor_and_action():
    assert set(FEDERAL) == {(a, b) for a in ACTORS for b in ACTIONS}


def test_baseline_state_has_no_state_law_in_force():
    laws = load("state_laws")
    assert laws[laws["state_code"] == BASELINE_STATE].empty


@pytest.mark.parametrize("actor,action", sorted(FEDERAL))
def test_federal_baseline(actor, action):
    expected, authorities = FEDERAL[(actor, action)]
    result = assess_authority(actor, action, BASELINE_STATE)
    assert isinstance(result, Assessment)
    assert result.answer == expected
    assert set(authorities) <= set(result.authority_ids)
    assert result.reasons and all(isinstance(r, str) and r for r in result.reasons)
    assert result.state_laws == []


def test_rules_table_shape_and_authorities_exist():
    rules = load("authority_rules")
    base = rules[rules["applies_when"] == "federal_baseline"]
    assert len(base) == 35
    assert not base.duplicated(["actor", "action"]).any()
    known = set(load("authorities")["authority_id"])
    for ids in rules["authority_ids"]:
        assert {i.strip() for i in ids.split(";")} <= known
    assert not rules.duplicated(["actor", "action", "applies_when"]).any()


def _law(state, mechanism):
    laws = load("state_laws")
    rows = laws[(laws["state_code"] == state) & (laws["mechanism"] == mechanism)]
    assert not rows.empty, (state, mechanism)
    return rows.iloc[0]


def test_restricting_state_california():
    # SB 54 bars 287(g) agreements (1357(g)(1) "consistent with State and local law") and limits holds;
    # upheld in United States v. California.
    ban = _law("CA", "287g_ban")
    for actor in ("jem", "wso", "tfm"):
        result = assess_authority(actor, "serve_admin_warrant_in_jail", "CA")
        assert result.answer == "not allowed"
        assert "ina_287g_1" in result.authority_ids
        assert ban["law_id"] in result.state_laws
        assert any(ban["name"] in r and ban["citation"] in r for r in result.reasons)
        assert ban["source_id"] in result.source_ids
    hold = assess_authority("local_no_agreement", "hold_on_detainer", "CA")
    limit = _law("CA", "detainer_limit")
    assert hold.answer == "not allowed"  # federal baseline was "depends"
    assert limit["law_id"] in hold.state_laws
    assert any(limit["source_id"] in r for r in hold.reasons)
    share = assess_authority("local_no_agreement", "share_information", "CA")
    assert share.answer == "depends"  # release dates limited; status named in 1373
    assert {"usc_1373", "case_ocean_county_2021"} <= set(share.authority_ids)
    # Arizona 2(B) allows status checks, but a state may forbid its own officers to ask (Printz).
    assert assess_authority("local_no_agreement", "ask_status", "CA").answer == "depends"
    assert "case_printz_1997" in assess_authority("local_no_agreement", "ask_status", "CA").authority_ids


def test_mandating_state_texas():
    # SB 4 (2017) requires honoring detainers (El Cenizo); each hold still needs probable cause
    # (Miranda-Olivares; Gonzalez).
    mandate = _law("TX", "detainer_mandate")
    result = assess_authority("local_no_agreement", "hold_on_detainer", "TX")
    assert result.answer == "depends"
    assert {"case_el_cenizo_2018", "case_miranda_olivares_2014"} <= set(result.authority_ids)
    assert mandate["law_id"] in result.state_laws
    assert mandate["source_id"] in result.source_ids
    assert any(mandate["citation"] in r for r in result.reasons)
    # A mandate to cooperate does not give local officers civil arrest power (Arizona sec. 6).
    assert assess_authority("local_no_agreement", "civil_arrest", "TX").answer == "not allowed"


def test_courthouse_protection_new_york():
    law = _law("NY", "courthouse_protection")
    result = assess_authority("ice_officer", "courthouse_civil_arrest", "NY")
    assert result.answer == "depends"  # US v. New York (N.D.N.Y. 2025) dismissed DOJ's challenge
    assert "case_us_v_new_york_2025" in result.authority_ids
    assert law["law_id"] in result.state_laws


def test_laws_not_in_force_are_ignored():
    # Arizona's SB 1164 detainer mandate was vetoed, so Arizona holds stay at the federal baseline.
    vetoed = _law("AZ", "detainer_mandate")
    assert vetoed["status"] == "vetoed"
    result = assess_authority("local_no_agreement", "hold_on_detainer", "AZ")
    assert vetoed["law_id"] not in result.state_laws


def test_lower_case_state_accepted():
    assert assess_authority("tfm", "civil_arrest", "ks").answer == "allowed"


@pytest.mark.parametrize("args,word", [
    (("sheriff", "civil_arrest", "TX"), "ice_officer"),
    (("jem", "arrest", "TX"), "ask_status"),
    (("jem", "civil_arrest", "Texas"), "state"),
    (("jem", "civil_arrest", "PR"), "WY"),
    ((None, "civil_arrest", "TX"), "actor"),
])
def test_invalid_input_lists_accepted_values(args, word):
    with pytest.raises(ValueError) as err:
        assess_authority(*args)
    assert word in str(err.value)


def test_view_dropdowns_drive_the_panel():
    view = explore_authority()
    c = view.controls
    assert set(c["state"].options[0][1]) and len(c["state"].options) == len(STATES)
    c["actor"].value, c["action"].value, c["state"].value = "local_no_agreement", "hold_on_detainer", "KS"
    first = c["panel"].value
    assert "DEPENDS" in first and "\u26a0" in first  # text label and symbol, not colour alone
    assert "8 C.F.R. 287.7(a)" in first  # citation of an authority shown
    c["state"].value = "CA"
    assert "NOT ALLOWED" in c["panel"].value and "California Values Act" in c["panel"].value
    c["actor"].value = "ice_officer"
    c["action"].value = "criminal_immigration_arrest"
    assert "ALLOWED" in c["panel"].value and "NOT ALLOWED" not in c["panel"].value
    assert "8 U.S.C. 1357(a)" in c["panel"].value
    labels = [label for label, _ in c["actor"].options]
    assert "ICE officer" in labels
