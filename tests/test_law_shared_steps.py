"""A step that holds on every branch of a "depends" answer is shown in the main chain too.

Hand-worked case: Rhode Island's 2014 executive policy (AP, 15 Aug. 2014) covers the state-run
jail whatever the answer to the open question of state arrest power, so a student reading the
main chain for a Rhode Island hold must see it, not only under each branch.
"""

from immfed.law import analyze


def test_rhode_island_policy_is_in_the_main_chain():
    a = analyze("RI", "local_no_agreement", "hold_past_release", paperwork=("detainer", "admin_warrant"),
                custody="release_due", charge="misdemeanor")
    assert a.answer == "depends" and a.deciding_fact == "state_arrest_law"
    main = [s.rule_id for s in a.steps]
    assert "ri_detainer_policy_note" in main
    # the step that says what it turns on comes before the shared one
    turning = next(i for i, s in enumerate(a.steps) if s.text.startswith("This turns on"))
    assert turning < main.index("ri_detainer_policy_note")


def test_a_branch_only_step_stays_under_its_branch():
    # Ohio has no statute: the no-power cases (Lunn ...) belong to the "silent" branch only
    a = analyze("OH", "local_no_agreement", "hold_past_release", paperwork=("detainer",), custody="release_due",
                charge="misdemeanor")
    main = [s.rule_id for s in a.steps]
    silent = [s.rule_id for s in a.branch_steps["silent"]]
    authorizes = [s.rule_id for s in a.branch_steps["authorizes"]]
    assert "fed_hold_local_no_state_power" in silent and "fed_hold_local_no_state_power" not in authorizes
    assert main.count("fed_hold_local_no_state_power") + main.count("fed_hold_local_state_power") == 1
