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

# (actor, action): (expected answer, authority ids the answer rests on). Since the tool became
# a wrapper over immfed.law, facts the question leaves open (paperwork, place) stay unknown, and
# where the law turns on them the answer is "depends" (the first reason names the fact).
FEDERAL = {
    # ICE officers: 8 U.S.C. 1357(a) powers, administrative warrants, detainer regulation.
    ("ice_officer", "ask_status"): ("allowed", ["usc_1357a"]),  # (a)(1) questioning
    # (a)(2) + 8 C.F.R. 287.8(c)(2)(ii): on a warrant yes; warrantless only if likely to escape; Payton for homes
    ("ice_officer", "civil_arrest"): ("depends", ["usc_1357a", "cfr_287_8c", "form_i200", "case_payton_1980"]),
    ("ice_officer", "criminal_immigration_arrest"): ("allowed", ["usc_1357a"]),  # (a)(4)-(5)
    # 8 C.F.R. 287.7(a): a detainer asks for a hold; a notice request (I-247G, Gonzalez settlement) does not
    ("ice_officer", "hold_on_detainer"): ("depends", ["cfr_287_7a", "cfr_287_7d", "gonzalez_settlement_2025"]),
    ("ice_officer", "serve_admin_warrant_in_jail"): ("allowed", ["form_i200", "form_i205"]),
    ("ice_officer", "share_information"): ("allowed", ["ina_287g_10", "cfr_287_7a"]),  # release dates: 1357(g)(10)
    ("ice_officer", "courthouse_civil_arrest"): ("depends", ["usc_1357a", "cfr_287_8c", "form_i200"]),
    # Local officer with no agreement: Arizona (sec. 6 preempted, 2(B) survived), Santos, detainer cases.
    ("local_no_agreement", "ask_status"): ("allowed", ["case_arizona_2012", "ina_287g_10"]),
    ("local_no_agreement", "civil_arrest"): ("not allowed", ["case_arizona_2012", "case_santos_2013"]),
    ("local_no_agreement", "criminal_immigration_arrest"): ("depends", ["usc_1252c"]),  # state law permits; ICE confirms
    ("local_no_agreement", "hold_on_detainer"): ("depends", ["cfr_287_7a", "case_galarza_2014", "case_miranda_olivares_2014", "cfr_287_7d"]),
    ("local_no_agreement", "serve_admin_warrant_in_jail"): ("not allowed", ["case_santos_2013", "case_arizona_2012"]),
    ("local_no_agreement", "share_information"): ("allowed", ["ina_287g_10"]),
    ("local_no_agreement", "courthouse_civil_arrest"): ("not allowed", ["case_arizona_2012", "case_santos_2013"]),
    # JEM: jail-based delegation under 1357(g)(1)-(3).
    ("jem", "ask_status"): ("allowed", ["case_arizona_2012", "ina_287g_10"]),
    ("jem", "civil_arrest"): ("depends", ["prog_287g_jem", "ina_287g_1", "case_santos_2013"]),  # only in the jail
    ("jem", "criminal_immigration_arrest"): ("depends", ["usc_1252c"]),
    ("jem", "hold_on_detainer"): ("depends", ["cfr_287_7a", "cfr_287_7d"]),
    ("jem", "serve_admin_warrant_in_jail"): ("allowed", ["prog_287g_jem", "ina_287g_1"]),
    ("jem", "share_information"): ("allowed", ["ina_287g_10"]),
    ("jem", "courthouse_civil_arrest"): ("not allowed", ["prog_287g_jem", "case_santos_2013"]),
    # WSO: serve ICE administrative warrants on people in the agency's own jail.
    ("wso", "ask_status"): ("allowed", ["case_arizona_2012", "ina_287g_10"]),
    ("wso", "civil_arrest"): ("depends", ["prog_287g_wso", "form_i200", "case_santos_2013"]),  # only by warrant, in jail
    ("wso", "criminal_immigration_arrest"): ("depends", ["usc_1252c"]),
    ("wso", "hold_on_detainer"): ("depends", ["cfr_287_7a", "cfr_287_7d"]),
    ("wso", "serve_admin_warrant_in_jail"): ("allowed", ["prog_287g_wso", "form_i200", "form_i205"]),
    ("wso", "share_information"): ("allowed", ["ina_287g_10"]),
    ("wso", "courthouse_civil_arrest"): ("not allowed", ["prog_287g_wso", "case_santos_2013"]),
    # TFM: field powers under the written agreement and ICE supervision; 1357(a)(2) limits still apply.
    ("tfm", "ask_status"): ("allowed", ["case_arizona_2012", "ina_287g_10"]),
    ("tfm", "civil_arrest"): ("depends", ["prog_287g_tfm", "ina_287g_1", "cfr_287_8c"]),
    ("tfm", "criminal_immigration_arrest"): ("depends", ["usc_1252c"]),
    ("tfm", "hold_on_detainer"): ("depends", ["cfr_287_7a"]),
    ("tfm", "serve_admin_warrant_in_jail"): ("allowed", ["prog_287g_tfm", "ina_287g_1"]),
    ("tfm", "share_information"): ("allowed", ["ina_287g_10"]),
    ("tfm", "courthouse_civil_arrest"): ("depends", ["prog_287g_tfm", "cfr_287_8c"]),
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


def _law(state, mechanism):
    laws = load("state_laws")
    rows = laws[(laws["state_code"] == state) & (laws["mechanism"] == mechanism)]
    assert not rows.empty, (state, mechanism)
    return rows.iloc[0]


def test_restricting_state_california():
    # Cal. Gov't Code 7284.6(a): no 287(g) functions; (a)(1)(A) no status questions; (a)(1)(B) no holds
    # on hold requests (a judge's warrant is outside the bar); (a)(1)(C) release dates only if public or 7282.5.
    ban = _law("CA", "287g_ban")
    for actor in ("jem", "wso", "tfm"):
        result = assess_authority(actor, "serve_admin_warrant_in_jail", "CA")
        assert result.answer == "not allowed"
        assert "ca_gov_7284_6" in result.authority_ids
        assert ban["law_id"] in result.state_laws
        assert any(ban["name"] in r and ban["citation"] in r for r in result.reasons)
        assert ban["source_id"] in result.source_ids
    hold = assess_authority("local_no_agreement", "hold_on_detainer", "CA")
    limit = _law("CA", "detainer_limit")
    assert hold.answer == "depends"  # on the paperwork: detainer -> not allowed, judge's warrant -> allowed
    assert "detainer: not allowed" in hold.reasons[0] and "judicial warrant: allowed" in hold.reasons[0]
    assert limit["law_id"] in hold.state_laws
    share = assess_authority("local_no_agreement", "share_information", "CA")
    assert share.answer == "depends" and "charge" in share.reasons[0]  # 7282.5 serious-offense exception
    assert "ca_gov_7284_6" in share.authority_ids
    ask = assess_authority("local_no_agreement", "ask_status", "CA")
    assert ask.answer == "not allowed" and "ca_gov_7284_6" in ask.authority_ids  # audit: was wrongly "depends"


def test_mandating_state_texas_agrees_with_the_detainer_tool():
    # Tex. Code Crim. Proc. art. 2.251 (SB 4, 2017): comply with any ICE detainer request; El Cenizo upheld it.
    from immfed.widgets.detainers import assess_detainer

    mandate = _law("TX", "detainer_mandate")
    result = assess_authority("local_no_agreement", "hold_on_detainer", "TX")
    assert result.answer == "depends"  # the question leaves the paperwork open ...
    assert "detainer: required" in result.reasons[0]  # ... and for a detainer the answer is "required"
    assert assess_detainer("TX", "detainer", "release_due").answer == "required"  # the same engine, same answer
    assert {"tx_ccp_2_251", "case_el_cenizo_2018"} <= set(result.authority_ids)
    assert mandate["law_id"] in result.state_laws and mandate["source_id"] in result.source_ids
    # A mandate to cooperate does not give local officers civil arrest power (Arizona sec. 6).
    assert assess_authority("local_no_agreement", "civil_arrest", "TX").answer == "not allowed"


def test_courthouse_protection_new_york():
    # N.Y. Civ. Rights Law 28: no civil arrest of people attending court without a judge's warrant or order.
    law = _law("NY", "courthouse_protection")
    result = assess_authority("ice_officer", "courthouse_civil_arrest", "NY")
    assert result.answer == "depends" and "judicial warrant: allowed" in result.reasons[0]
    # with an administrative warrant it turns on whether the person is there for a court proceeding
    assert ("admin warrant: depends (then on whether the person is at the courthouse for a court proceeding or "
            "other court business") in result.reasons[0]
    assert "ny_civ_rights_28" in result.authority_ids
    assert law["law_id"] in result.state_laws


def test_laws_not_in_force_are_ignored():
    # Arizona's SB 1164 detainer mandate was vetoed, so Arizona holds stay at the federal baseline.
    vetoed = _law("AZ", "detainer_mandate")
    assert vetoed["status"] == "vetoed"
    result = assess_authority("local_no_agreement", "hold_on_detainer", "AZ")
    assert vetoed["law_id"] not in result.state_laws
    # no statute on holds: the bare detainer turns on state arrest power (Lunn; Wells v. DeMarco)
    assert "detainer: depends" in result.reasons[0]


def test_lower_case_state_accepted():
    assert assess_authority("tfm", "serve_admin_warrant_in_jail", "ks").answer == "allowed"


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
    c["action"].value = "ask_status"  # Cal. Gov't Code 7284.6(a)(1)(A)
    assert "NOT ALLOWED" in c["panel"].value and "California Values Act" in c["panel"].value
    c["actor"].value = "ice_officer"
    c["action"].value = "criminal_immigration_arrest"
    assert "ALLOWED" in c["panel"].value and "NOT ALLOWED" not in c["panel"].value
    assert "8 U.S.C. 1357(a)" in c["panel"].value
    labels = [label for label, _ in c["actor"].options]
    assert "ICE officer" in labels
