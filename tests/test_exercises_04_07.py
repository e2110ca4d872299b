"""Exercises 04-07: the answer keys agree with the shipped tables and widgets, and the feedback explains.

The general machinery (student notebooks regenerate, solutions pass every public and hidden test, grading) is
tested in test_exercises.py for every exercise. If a table changes and one of these fails, update the key in
exercises/keys/exNN.py and run `immfed exercises build`, which writes the tests and literal solutions from it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from immfed.data import load
from immfed.exercises.checks import check
from immfed.exercises.keys import KEYS


def test_exercise_04_answers_match_the_law_tables_and_the_clock():
    from immfed.widgets.detainers import assess_detainer, clock_segments, detainer_clock

    k = KEYS["04"]
    assert detainer_clock("2026-11-25 17:00") == dt.datetime(2026, 11, 30, 17)  # Thanksgiving and a weekend skipped
    assert detainer_clock("2026-11-25 17:00", holidays=set()) == dt.datetime(2026, 11, 27, 17)
    # Q2: bail posted Friday 15 January 2027, 17:00; the weekend and Martin Luther King Jr. Day do not count
    q2 = k["q2"]["options"]
    assert detainer_clock("2027-01-15 17:00") == dt.datetime(2027, 1, 20, 17)
    assert q2[k["q2"]["answer"]] == "Wednesday 20 January 2027, 17:00"
    assert detainer_clock("2027-01-15 17:00", holidays=set()) == dt.datetime(2027, 1, 19, 17)  # option d's mistake
    assert q2["d"] == "Tuesday 19 January 2027, 17:00"
    release = dt.datetime(2026, 12, 31, 20)
    assert {"clock_hours": (detainer_clock(release) - release).total_seconds() / 3600,
            "days_not_counted": sum(not p["counted"] for p in clock_segments(release))} == k["q3"]["answer"]
    fri = dt.datetime(2026, 11, 27, 17)
    assert {"clock_hours": (detainer_clock(fri) - fri).total_seconds() / 3600,
            "days_not_counted": sum(not p["counted"] for p in clock_segments(fri))} == k["q8"]["answer"]
    cases = {"tx": ("TX", "detainer_with_admin_warrant"), "ca": ("CA", "detainer_with_admin_warrant"),
             "pa": ("PA", "detainer_with_admin_warrant"), "fl": ("FL", "detainer")}
    assert {q: assess_detainer(s, r, "release_due").answer for q, (s, r) in cases.items()} == k["q4"]["answer"]
    assert assess_detainer("NC", "detainer", "release_due").answer == k["q7"]["answer"]
    nc = assess_detainer("NC", "detainer_with_admin_warrant", "release_due")
    assert nc.answer == "required" and any("state judicial official" in r for r in nc.reasons)  # Q6
    # Q10: the states whose own hold rules turn on state arrest power. By hand from the statutes: Iowa
    # (27A.1(1)) and North Carolina (162-62(b1)) reach only a detainer with a warrant; Florida's definition
    # (908.102(2)) names a warrant only as an example and Montana's 27-16-801 (2021) covers any detainer request
    assert k["q10"]["answer"] == ["IA", "NC"]
    # the query the hint teaches gives the same states
    from immfed.data import load
    rules = load("law_rules")
    mask = ((rules["level"] == "state") & rules["actions"].str.contains("hold_past_release")
            & rules["when"].fillna("").str.contains("state_arrest_law"))
    assert sorted(rules[mask]["jurisdiction"].unique()) == k["q10"]["answer"]
    for state in k["q10"]["answer"]:
        assert assess_detainer(state, "detainer", "release_due").answer == "unsettled", state


def test_exercise_05_answers_match_the_operations_tables():
    from immfed.widgets.operations import operations_frame

    k = KEYS["05"]
    ops = load("operations")
    assert ops["local_role"].value_counts().to_dict() == k["q3"]["answer"]
    assert load("operation_arrests")["count_kind"].value_counts().to_dict() == k["q4"]["answer"]
    assert sorted(operations_frame(roles=["declined"])["state_code"].unique()) == k["q6"]["answer"]
    good = load("accounts").query("incident_id == 'mpls_good_20260107'")
    assert {"accounts": len(good), "party_types": good["party_type"].nunique()} == k["q7"]["answer"]
    by_state = load("agreements_by_state")
    nc = by_state[by_state["state_code"] == "NC"].set_index("snapshot")
    assert {"tfm_2025": nc.loc["2025-07-18", "tfm"], "tfm_2026": nc.loc["2026-10-09", "tfm"],
            "total_2026": nc.loc["2026-10-09", "total"],
            "operations": int((ops["state_code"] == "NC").sum())} == k["q8"]["answer"]
    figures = load("operation_arrests").set_index("operation_id")
    assert figures.loc["memphis_safe_task_force_2025", "count"].max() == 3842  # the figures Q5's options name
    assert 370 in set(figures.loc[["new_orleans_catahoula_crunch_2025"], "count"])


def test_exercise_06_answers_match_the_state_comparison():
    from immfed.widgets.state_policies import policy_group, state_table

    k = KEYS["06"]
    out = load("state_outcomes")
    arrests = out[(out["metric"] == "ice_admin_arrests") & (out["state_code"] != "DC")].copy()
    arrests["group"] = [policy_group(c) for c in arrests["state_code"]]
    medians = arrests.groupby("group")["per_100k"].median()
    assert set(medians.index) == set(k["q2"]["answer"]), "a new group (e.g. mixed) would change Q2"
    for group, value in k["q2"]["answer"].items():
        assert medians[group] == pytest.approx(value, abs=k["q2"]["tolerance"])
    table = state_table("2026-10-09")
    restricts = table[table["group"] == "restricts"].sort_values("agreements", ascending=False)
    assert [restricts["state_code"].iloc[0]] == k["q3"]["answer"]
    assert restricts["agreements"].iloc[0] > 2 * restricts["agreements"].iloc[1], "Q3 says it 'stands well above'"
    chart = table.groupby("group")["arrests_per_100k"].median()
    assert chart["mandates"] > chart["restricts"] and chart["mandates"] > chart["none"]  # what Q4's right option says


def test_exercise_07_answers_match_the_profile():
    from immfed.widgets.detainers import assess_detainer
    from immfed.widgets.profile import agreement_counts, state_profile

    k = KEYS["07"]
    ga = {c["snapshot"]: c for c in agreement_counts("GA")}
    assert {m: ga["2026-10-09"][m] - ga["2025-07-18"][m] for m in ("jem", "wso", "tfm")} == k["q1"]["answer"]
    ops = [s for s in state_profile("GA").sections if s.title.startswith("Joint operations")][0]
    assert ops.facts[0].text.startswith("None recorded")  # what Q3 quotes
    assert {r: assess_detainer("GA", r, "release_due").answer
            for r in ("detainer", "detainer_with_admin_warrant", "judicial_warrant")} == k["q4"]["answer"]
    out = load("state_outcomes").query("metric == 'ice_admin_arrests'")
    rate = float(out.loc[out["state_code"] == "GA", "per_100k"].iloc[0])
    assert {"per_100k": rate, "rank": int((out["per_100k"] > rate).sum()) + 1} == k["q5"]["answer"]
    totals = [c["total"] for c in agreement_counts("GA")]
    steps = [b - a for a, b in zip(totals, totals[1:])]
    assert "abc"[steps.index(max(steps))] == k["q7"]["answer"]
    assert sorted(steps)[-1] > sorted(steps)[-2], "a tie would make Q7 ambiguous"


@pytest.mark.parametrize("ex, q, value, status, words", [
    ("04", "q1", "a", "incorrect", "request"),
    ("04", "q2", "b", "incorrect", "Martin Luther King Jr. Day"),
    ("04", "q2", "a", "incorrect", "from booking"),
    ("04", "q2", "d", "incorrect", "5 U.S.C. 6103"),
    ("04", "q3", {"clock_hours": 48, "days_not_counted": 3}, "incorrect", "clock_hours"),
    ("04", "q3", {"clock_hours": "120"}, "invalid", "still missing"),
    ("04", "q4", {"tx": "required", "ca": "prohibited", "pa": "required", "fl": "required"}, "incorrect",
     "state-law power"),
    ("04", "q4", {"TX": "required", "Ca": "prohibited", " pa ": "unsettled", "FL": "required"}, "correct", ""),
    ("04", "q5", "maybe", "invalid", "Commit a prediction"),
    ("04", "q5", "prohibited", "recorded", "Prediction recorded"),
    ("04", "q7", "permitted", "incorrect", "state-law power"),
    ("04", "q9", "a", "incorrect", "otherwise be released"),
    ("04", "q10", ["NC"], "incorrect", "Give exactly 2"),
    ("05", "q1", "a", "incorrect", "1357(g)(9)"),
    ("05", "q2", {"deputy": "surge", "sweep": "joint_operation", "agents": "surge"}, "incorrect", "Task Force Model"),
    ("05", "q5", "c", "incorrect", "approximate"),
    ("05", "q6", "CA", "invalid", "list of two-letter state codes"),
    ("05", "q9", {"eyes": "mcca", "federal_job": "mcca", "states_decide": "nsa", "not_legal": "mcfadden",
                  "judicial_only": "hennepin"}, "incorrect", "Todd Lyons"),
    ("06", "q2", {"mandates": 193.8, "restricts": 108.8, "none": 119.6}, "incorrect", "'none'"),
    ("06", "q2", {"mandates": 193.8, "restricts": 108.8, "none": 90.85}, "correct", "association"),
    ("06", "q4", "a", "incorrect", "causal"),
    ("06", "q5", {f"c{i}": "empirical" for i in range(1, 9)}, "incorrect", "Printz"),
    ("06", "q5", {"c1": "fact"}, "invalid", "still missing"),
    ("06", "q7", "c", "incorrect", "Kavanaugh"),
    ("07", "q2", "a", "incorrect", "467 agencies"),
    ("07", "q3", "a", "incorrect", "not a census"),
    ("07", "q5", {"per_100k": 197.0, "rank": 34}, "incorrect", "'rank'"),
    ("07", "q6", ["a", "c"], "incorrect", "correlation"),
    ("07", "q6", "a", "invalid", "list of letters"),
    ("07", "q7", "a", "incorrect", "eleven months"),
])
def test_feedback_for_04_07_says_why(ex, q, value, status, words):
    fb = check(ex, q, value)
    assert fb.status == status, fb.text()
    assert words in fb.text(), fb.text()
    if status in ("correct", "incorrect"):
        assert fb.section.startswith("Lesson") and fb.sources, "feedback must name the lesson section and sources"


def test_every_wrong_option_of_04_07_has_its_own_explanation():
    for ex in ("04", "05", "06", "07"):
        for q, entry in KEYS[ex].items():
            if entry["kind"] == "choice":
                wrong = set(entry["options"]) - {entry["answer"]}
                assert wrong <= set(entry.get("feedback", {})), f"{ex} {q}: an option lacks feedback"
            if entry["kind"] == "mapping":
                assert set(entry["answer"]) <= set(entry.get("feedback", {})), f"{ex} {q}: an item lacks feedback"


def test_a_prediction_is_recorded_never_called_right():
    # issue 13: the check cannot know whether a prediction is right; the reveal says so
    for ex, q, value in (("04", "q5", "required"), ("04", "q12", "not allowed"), ("03", "q9", "depends")):
        fb = check(ex, q, value)
        assert fb.status == "recorded" and fb.correct and fb.fraction == 1.0
        assert "Right" not in fb.text() and "Prediction recorded" in fb.text() and "reveal" in fb.message
