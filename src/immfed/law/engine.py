"""Apply the rules to a fact pattern: the chain of steps, the answer, and what it turns on.

Rules are taken in order of level (federal, agreement, state, constitutional) and, within a
level, of precedence. Every rule whose conditions hold is a step, and the last one to apply
sets the answer, so a state law can change the federal baseline and a constitutional limit
has the last word. When a rule's condition needs a fact the user did not give, the engine
works the question out for each value of that fact: if every value leads to the same answer,
that is the answer; otherwise the answer is "depends", with the fact and one answer per value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from immfed.law.facts import FACT_VALUES, FACT_WORDS, INTERNAL_FACTS, PAPERWORK_CASES, UNKNOWN, check_facts
from immfed.law.rules import Rule, all_rules, in_force


@dataclass(frozen=True)
class Step:
    """One step of the reasoning: its level, what it says in plain words, and its authorities."""

    level: str
    text: str
    authority_ids: tuple
    rule_id: str = ""


@dataclass
class Analysis:
    """What :func:`analyze` returns.

    ``answer`` is "allowed", "not allowed", "required" or "depends". ``steps`` is the ordered
    chain of :class:`Step`. ``authority_ids`` lists every authority (ids in the authorities
    table) the answer rests on. When the answer is "depends", ``deciding_fact`` names the fact
    it turns on and ``branches`` maps each value of that fact to its answer; ``branch_steps``
    keeps the steps behind each branch and ``branch_facts`` what a branch that is itself
    "depends" turns on next. ``facts`` echoes the checked facts.
    """

    answer: str
    steps: list
    authority_ids: list
    deciding_fact: str | None = None
    branches: dict = field(default_factory=dict)
    branch_steps: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    branch_facts: dict = field(default_factory=dict)

    @property
    def rule_ids(self) -> list[str]:
        return [s.rule_id for s in self.steps if s.rule_id]


def _step(rule: Rule, prefix: str = "") -> Step:
    return Step(rule.level, prefix + rule.explanation, rule.authority_ids, rule.rule_id)


def _values(fact: str):
    """(branch label, value) pairs for a fact the user left unknown."""
    if fact == "paperwork":
        return [("+".join(case), case) for case in PAPERWORK_CASES]
    return [(v, v) for v in FACT_VALUES[fact]]


def _candidates(rules, facts, in_force_fn):
    state, actor, action = facts["state"], facts["actor"], facts["action"]
    return [r for r in rules
            if r.jurisdiction in ("US", state) and actor in r.actors and action in r.actions
            and in_force_fn(r.status, r.effective, r.ends)]


def _test(rule: Rule, facts: dict):
    """True, False, or the name of the first unknown fact the rule needs."""
    unknown = None
    for cond in rule.conditions:
        res = cond.test(facts)
        if res is False:
            return False
        if res is not True and unknown is None:
            unknown = res
    return True if unknown is None else unknown


def _first_user_fact(cands, facts):
    """The first deciding rule that waits on a fact the user could give, and that fact."""
    for rule in cands:
        if rule.answer == "note":
            continue
        res = _test(rule, facts)
        if isinstance(res, str) and res not in INTERNAL_FACTS:
            return rule, res
    return None


def _all_steps(analysis) -> list:
    """A branch's own steps and, where it turns on a further fact, the steps of each of its branches."""
    out = list(analysis.steps)
    for steps in analysis.branch_steps.values():
        out += [s for s in steps if s not in out]
    return out


def _run(cands, facts) -> Analysis:
    answer, steps = None, []
    # Facts a user can state (the charge, the paperwork ...) are asked about before the
    # questions of law the course cannot settle for them (whether state law gives the power
    # to arrest), so that "depends" first names what the user can check.
    user = _first_user_fact(cands, facts)
    for rule in cands:
        res = _test(rule, facts)
        if res is False:
            continue
        if isinstance(res, str) and res in INTERNAL_FACTS and user is not None and rule.answer != "note":
            rule, res = user
        if rule.answer == "note":
            # Notes add law to the chain but never decide, so they apply only on known facts.
            if res is True:
                steps.append(_step(rule))
            continue
        if res is True:
            steps.append(_step(rule))
            answer = rule.answer
            continue
        fact = res
        subs = {label: _run(cands, {**facts, fact: value}) for label, value in _values(fact)}
        first = next(iter(subs.values()))
        same = all(s.answer == first.answer and s.deciding_fact == first.deciding_fact
                   and s.branches == first.branches for s in subs.values())
        # Steps every branch shares (a state's note, say) hold whatever the fact turns out to be.
        common = [s for s in first.steps if all(s in b.steps for b in subs.values())]
        if same:
            # Every value of the missing fact leads to the same place: no need to ask.
            done = steps + [s for s in common if s not in steps]
            if first.answer != "depends" and (not done or done[-1].text != first.steps[-1].text):
                done.append(Step(first.steps[-1].level,
                                 f"Whatever the {fact.replace('_', ' ')}, the rules lead to the same answer: "
                                 f"{first.answer}. " + first.steps[-1].text,
                                 first.steps[-1].authority_ids, first.steps[-1].rule_id))
            return Analysis(first.answer, done, [], first.deciding_fact, first.branches, first.branch_steps,
                            branch_facts=first.branch_facts)
        what = FACT_WORDS.get(fact, f"the {fact.replace('_', ' ')}")
        steps = steps + [Step(rule.level, f"This turns on {what}, which was not given. "
                              + rule.explanation, rule.authority_ids, rule.rule_id)]
        # The shared steps are shown in the main chain too, not only under each branch.
        steps = steps + [s for s in common if s not in steps and s.rule_id != rule.rule_id]
        return Analysis("depends", steps, [], fact, {k: s.answer for k, s in subs.items()},
                        {k: _all_steps(s) for k, s in subs.items()},
                        branch_facts={k: s.deciding_fact for k, s in subs.items() if s.deciding_fact})
    if answer is None:
        raise RuntimeError(f"No rule covers {facts['actor']} / {facts['action']} in {facts['state']}.")
    return Analysis(answer, steps, [])


def evaluate(facts: dict, rules=None, in_force_fn=in_force) -> Analysis:
    """Run checked ``facts`` (from :func:`immfed.law.facts.check_facts`) through ``rules``.

    ``rules`` defaults to the course table; tests pass a changed copy (and a changed
    ``in_force_fn``) to show that their expectations depend on each row.
    """
    cands = _candidates(all_rules() if rules is None else rules, facts, in_force_fn)
    result = _run(cands, facts)
    ids: list[str] = []
    for step in result.steps:
        ids += [a for a in step.authority_ids if a not in ids]
    for steps in result.branch_steps.values():
        for step in steps:
            ids += [a for a in step.authority_ids if a not in ids]
    result.authority_ids = ids
    result.facts = facts
    return result


def analyze(state: str, actor: str, action: str, *, location: str = UNKNOWN, paperwork=None,
            charge: str = UNKNOWN, custody: str = UNKNOWN, person: str = UNKNOWN,
            consent: str = UNKNOWN, certified: bool = True) -> Analysis:
    """May this actor take this action here, on these facts? Returns an :class:`Analysis`.

    ``state`` is a postal code (50 states and DC). ``paperwork`` is a tuple of codes such as
    ``("detainer", "admin_warrant")``. Facts left out are unknown: where the answer turns on
    one, the answer is "depends" and ``branches`` gives the answer for each value. Codes
    outside the accepted lists raise ``ValueError`` naming the accepted values.
    """
    facts = check_facts(state=state, actor=actor, action=action, location=location, paperwork=paperwork,
                        charge=charge, custody=custody, person=person, consent=consent, certified=certified)
    return evaluate(facts)
