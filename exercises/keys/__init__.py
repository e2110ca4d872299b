"""Answer keys for the self-checks, one module per exercise (``ex01`` ... ``ex07``).

Each module defines ``KEY``: question name -> entry. Common fields: ``kind`` (choice,
multi, label, number, codes, mapping, sequence, prediction), ``answer``, ``explanation``
(why the answer is right, naming the authority), ``section`` (lesson section to reread),
``sources`` (ids in sources.csv), ``form`` (how to write the answer), optional ``var``
(the notebook variable, default the question name) and per-option ``feedback``. Written
(rubric-graded) questions have no key. The instructor's grader scores with these same
entries (copied into hash-checked grading material at build time, and read in a process
that never runs student code), so a grade always agrees with the self-check.

This is the one place an answer is written: ``immfed exercises build`` writes each
question's public and hidden otter tests and, where the answer is a literal, its solution
line in the source notebook from these entries (see ``immfed.exercises.keyed``). Every
value must be a plain literal (strings, numbers, lists, tuples, dictionaries), because the
hidden test carries the entry as one.
"""

from __future__ import annotations

import importlib
import pkgutil

KEYS: dict[str, dict] = {}
for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("ex")):
    KEYS[_mod[2:]] = importlib.import_module(f"{__name__}.{_mod}").KEY
