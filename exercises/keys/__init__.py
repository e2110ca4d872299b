"""Answer keys for the self-checks, one module per exercise (``ex01`` ... ``ex07``).

Each module defines ``KEY``: question name -> entry. Common fields: ``kind`` (choice,
multi, label, number, codes, mapping, sequence, prediction), ``answer``, ``explanation``
(why the answer is right, naming the authority), ``section`` (lesson section to reread),
``sources`` (ids in sources.csv), ``form`` (how to write the answer), optional ``var``
(the notebook variable, default the question name) and per-option ``feedback``. Written
(rubric-graded) questions have no key. The instructor's grader scores with these same
entries (copied into hash-checked grading material at build time, and read in a process
that never runs student code), so a grade always agrees with the self-check. The hidden
tests in each source notebook restate the answers on their own; the test suite checks
that the solutions pass them.
"""

from __future__ import annotations

import importlib
import pkgutil

KEYS: dict[str, dict] = {}
for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("ex")):
    KEYS[_mod[2:]] = importlib.import_module(f"{__name__}.{_mod}").KEY
