"""The two older summary tables (authority_rules, detainer_rules) must agree with the engine.

The explorers run the cited rules in law_rules through immfed.law; exercises 01 (Q5) and lesson
pages still show the summaries, so a summary that drifted from the engine would teach a
different answer from the tool. Judge's-warrant rows are left out: the engine treats a judge's
warrant as its own authority ("permitted"), while some summaries say where a state's text
directs officers to honor one.
"""

from __future__ import annotations

from immfed.data import load
from immfed.widgets.authority import assess_authority
from immfed.widgets.detainers import assess_detainer


def test_authority_summary_agrees_with_the_engine_for_local_officers():
    rules = load("authority_rules")
    base = rules[(rules["applies_when"] == "federal_baseline") & (rules["actor"] == "local_no_agreement")]
    assert len(base) >= 6
    for r in base.itertuples():
        # Ohio records no state law on cooperation, so it shows the federal baseline
        assert assess_authority(r.actor, r.action, "OH").answer == r.answer, r.rule_id


def test_detainer_summary_agrees_with_the_engine():
    rules = load("detainer_rules")
    rows = rules[(rules["kind"] == "answer") & (rules["request"] != "judicial_warrant")]
    checked = 0
    for r in rows.itertuples():
        states = ["OH", "PA"] if r.state_code == "*" else [r.state_code]
        requests = ["detainer", "detainer_with_admin_warrant"] if r.request in ("*", "detainer*") else [r.request]
        custody = "release_due" if r.custody == "*" else r.custody
        for state in states:
            for request in requests:
                got = assess_detainer(state, request, custody).answer
                assert got == r.answer, (r.rule_id, state, request, custody, got)
                checked += 1
    assert checked >= 30
