"""Every rule row has a case written from the law's text (tests/law_cases.py)."""

import pandas as pd
import pytest

from immfed.data import load
from immfed.law import analyze
from law_cases import CASES, NOT_IN_FORCE, problems


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule_gives_the_answer_its_law_gives(case):
    rule_id, facts, *_ = case
    result = analyze(**facts)
    assert problems(case, result) == []
    used = set(result.rule_ids) | {s.rule_id for steps in result.branch_steps.values() for s in steps}
    if rule_id in NOT_IN_FORCE:
        assert rule_id not in used  # never applied while not law
    else:
        assert rule_id in used


def test_every_rule_row_has_a_case():
    rows = set(load("law_rules")["rule_id"])
    assert rows - {c[0] for c in CASES} == set()


def test_every_authority_id_in_the_rules_resolves():
    known = set(load("authorities")["authority_id"])
    for _, row in load("law_rules").iterrows():
        ids = [i.strip() for i in row["authority_ids"].split(";") if i.strip()]
        assert ids and set(ids) <= known, row["rule_id"]


def test_every_jurisdiction_can_be_analysed():
    from immfed.data.states import STATES
    for code in STATES:
        for action in ("ask_status", "hold_past_release", "notify_release", "civil_arrest"):
            result = analyze(code, "local_no_agreement", action, custody="stopped")
            assert result.answer in ("allowed", "not allowed", "required", "depends")
            if result.answer == "depends":  # never a bare "depends": it names its fact and branches
                assert result.deciding_fact and result.branches
