"""The older tools' questions and answer words, translated to and from the engine.

``assess_authority`` (lesson 01) and ``assess_detainer`` (lesson 04) keep their arguments and
their answer vocabularies, but both now ask :func:`immfed.law.analyze`. This module holds the
translation once, so the wrappers stay thin and a test can check that every answer they give
is the engine's answer in their own words.
"""

from __future__ import annotations

from immfed.law.engine import Analysis, evaluate
from immfed.law.facts import ACTIONS as ENGINE_ACTIONS, FACT_WORDS, check_facts
from immfed.law.rules import all_rules

# Old authority action -> (engine action, facts its wording fixes). Everything else stays
# unknown, so where the answer turns on it the old tool says "depends", as the engine does.
AUTHORITY_QUESTIONS: dict[str, tuple[str, dict]] = {
    "ask_status": ("ask_status", {"custody": "stopped"}),  # "during a lawful stop"
    "civil_arrest": ("civil_arrest", {}),
    "criminal_immigration_arrest": ("criminal_immigration_arrest", {}),
    "hold_on_detainer": ("hold_past_release", {"custody": "release_due"}),
    "serve_admin_warrant_in_jail": ("serve_admin_warrant", {"location": "jail", "paperwork": ("admin_warrant",)}),
    # The old action mixed release dates and status; the audit judged it on release dates, and
    # status sharing is "allowed" everywhere under 8 U.S.C. 1373, so release dates are asked.
    "share_information": ("notify_release", {}),
    "courthouse_civil_arrest": ("courthouse_arrest", {"location": "courthouse"}),
}

# The authority tool has no word for "required": a duty to act includes permission to act,
# and its reasons say the act is required.
AUTHORITY_WORDS = {"allowed": "allowed", "not allowed": "not allowed", "depends": "depends", "required": "allowed"}

DETAINER_PAPERWORK: dict[str, tuple[str, ...]] = {
    "detainer": ("detainer",),
    "detainer_with_admin_warrant": ("detainer", "admin_warrant"),
    "judicial_warrant": ("judicial_warrant",),
}

# The detainer tool's words; "depends" is reported as "unsettled" with the fact it turns on.
DETAINER_WORDS = {"required": "required", "allowed": "permitted", "not allowed": "prohibited", "depends": "unsettled"}

# Everyone in the detainer tool is in jail on a criminal charge, so only these values of an
# unknown charge are relevant to it.
CRIMINAL_CHARGES = ("misdemeanor", "felony", "serious_or_violent")


def authority_question(actor: str, action: str, state: str) -> Analysis:
    """The engine's analysis of an old authority-tool question."""
    engine_action, facts = AUTHORITY_QUESTIONS[action]
    return evaluate(check_facts(state=state, actor=actor, action=engine_action, **facts))


def detainer_question(state: str, request: str, custody: str) -> Analysis:
    """The engine's analysis of an old detainer-tool question (a local jail, the person charged with a crime).

    When the answer turns on the charge, only criminal charges count; if they all lead to the
    same answer, that answer and its steps are returned.
    """
    facts = check_facts(state=state, actor="local_no_agreement", action="hold_past_release",
                        paperwork=DETAINER_PAPERWORK[request], custody=custody, allow_territories=True)
    result = evaluate(facts)
    if result.answer == "depends" and result.deciding_fact == "charge":
        answers = {result.branches[c] for c in CRIMINAL_CHARGES}
        if len(answers) == 1:
            steps = result.branch_steps[CRIMINAL_CHARGES[0]]
            result = Analysis(answers.pop(), list(steps), result.authority_ids, facts=result.facts)
        else:
            result.branches = {c: result.branches[c] for c in CRIMINAL_CHARGES}
            result.branch_steps = {c: result.branch_steps[c] for c in CRIMINAL_CHARGES}
    return result




def depends_sentence(result: Analysis, words: dict | None = None) -> str:
    """One plain sentence: what the answer turns on and the answer for each value."""
    words = words or {}
    parts = []
    for value, answer in result.branches.items():
        text = f"{value.replace('+', ' + ').replace('_', ' ')}: {words.get(answer, answer)}"
        inner = result.branch_facts.get(value)
        if answer == "depends" and inner:
            text += f" (then on {FACT_WORDS.get(inner, inner).split(' (')[0]})"
        parts.append(text)
    return f"It depends on {FACT_WORDS.get(result.deciding_fact, result.deciding_fact)}. {'; '.join(parts)}."


def reasons(result: Analysis, words: dict | None = None) -> list[str]:
    """The reasons to show, in order: context notes, the step that decides, then the others.

    For "depends", the sentence naming the fact and branches comes first, then each branch's
    own steps (once each). ``words`` translates answers inside that sentence.
    """
    by_id = {r.rule_id: r for r in all_rules()}

    def context(step):  # notes that set the scene (custody) come before everything else
        rule = by_id.get(step.rule_id)
        return rule is not None and rule.answer == "note" and rule.precedence < 5

    first = [s.text for s in result.steps if context(s)]
    rest = [s.text for s in result.steps if not context(s)][::-1]
    if result.answer == "depends":
        out = [depends_sentence(result, words)] + first + rest
        for steps in result.branch_steps.values():
            out += [s.text for s in steps if s.text not in out]
        return out
    return first + rest


def _rules_used(result: Analysis):
    """The rules behind every step of the answer and of its branches, in order, once each."""
    by_id = {r.rule_id: r for r in all_rules()}
    steps = list(result.steps) + [s for b in result.branch_steps.values() for s in b]
    seen = set()
    for s in steps:
        rule = by_id.get(s.rule_id)
        if rule and rule.rule_id not in seen:
            seen.add(rule.rule_id)
            yield rule


def law_ids(result: Analysis) -> list[str]:
    """Ids of the state_laws rows behind the rules used (in any branch)."""
    return list(dict.fromkeys(r.law_id for r in _rules_used(result) if r.law_id))


def rule_source_ids(result: Analysis) -> list[str]:
    """Sources of the rules used (in any branch)."""
    return list(dict.fromkeys(r.source_id for r in _rules_used(result)))


def rule_ids(result: Analysis) -> list[str]:
    steps = list(result.steps) + [s for b in result.branch_steps.values() for s in b]
    out: list[str] = []
    for s in steps:
        if s.rule_id and s.rule_id not in out:
            out.append(s.rule_id)
    return out


assert set(a for a, _ in AUTHORITY_QUESTIONS.values()) <= set(ENGINE_ACTIONS)
