"""Mutation check: the hand-written expectations really depend on each state-law row and on
the one definition of "in force".

For each state-level row, the rule set is copied without it and every case in
tests/law_cases.py is run against the copy in-process; at least one expectation must fail.
The same is done with altered in-force definitions.
"""

import dataclasses
import datetime as dt

import pytest

from immfed.law.engine import evaluate
from immfed.law.facts import check_facts
from immfed.law.rules import IN_FORCE_STATUSES, all_rules, in_force
from law_cases import CASES, NOT_IN_FORCE, problems

FACTS = [check_facts(**case[1]) for case in CASES]


def failures(rules, in_force_fn=in_force) -> list[str]:
    out = []
    for case, facts in zip(CASES, FACTS):
        try:
            out += problems(case, evaluate(facts, rules=rules, in_force_fn=in_force_fn))
        except RuntimeError as err:  # a rule set with a gap is a failure too
            out.append(f"{case[0]}: {err}")
    return out


def test_the_real_rules_pass_every_case():
    assert failures(all_rules()) == []


# Rows that are not law today change no answer by design; the in-force tests below cover them.
STATE_ROWS = [r.rule_id for r in all_rules() if r.level == "state" and r.rule_id not in NOT_IN_FORCE]


@pytest.mark.parametrize("rule_id", STATE_ROWS)
def test_deleting_a_state_row_fails_some_case(rule_id):
    mutated = tuple(r for r in all_rules() if r.rule_id != rule_id)
    assert failures(mutated), f"no expectation notices that {rule_id} was deleted"


def test_counting_enjoined_and_pending_laws_as_in_force_fails_some_case():
    def everything(status, effective=None, ends=None, as_of=None):
        return True
    assert failures(all_rules(), everything)


def test_leaving_plain_in_force_out_of_the_definition_fails_some_case():
    def narrower(status, effective=None, ends=None):
        return status in ("upheld", "partly_enjoined") and in_force(status, effective, ends)
    assert failures(all_rules(), narrower)


def test_ignoring_effective_dates_fails_some_case():
    # Move one state rule's start past the as-of date: the real definition must then drop it.
    later = tuple(dataclasses.replace(r, effective=dt.date(2027, 1, 1)) if r.rule_id == "ok_hold_required" else r
                  for r in all_rules())
    assert failures(later)  # the real in_force honours dates

    def dateless(status, effective=None, ends=None):
        return status in IN_FORCE_STATUSES
    assert failures(later, dateless) == []  # a definition that ignores dates would miss it
