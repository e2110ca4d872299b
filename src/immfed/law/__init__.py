"""One legal analysis engine for the course: ``analyze`` answers "may this actor do this here?".

The law lives in the cited table ``law_rules`` (one row per rule, each naming its
authorities); :mod:`immfed.law.rules` reads it and defines "in force" once, and
:mod:`immfed.law.engine` applies it. The authority and detainer tools, the scenario explorer
and the ``immfed law matrix`` command all call :func:`analyze`, so they cannot disagree.
"""

from immfed.law.engine import Analysis, Step, analyze, evaluate
from immfed.law.facts import ACTIONS, ACTORS, ANSWERS, LEVELS
from immfed.law.rules import AS_OF, IN_FORCE_STATUSES, in_force

__all__ = ["analyze", "evaluate", "Analysis", "Step", "ACTORS", "ACTIONS", "ANSWERS", "LEVELS",
           "AS_OF", "IN_FORCE_STATUSES", "in_force"]
