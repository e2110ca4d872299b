"""Exercise notebooks with instant feedback, and the tools that build, grade and copy them.

Students meet two names: ``Notebook`` (the ``grader`` object at the top of each exercise
notebook, whose ``grader.check("q1")`` says right or wrong and why) and the reveal helpers
of predict-then-reveal questions. Instructors use the ``immfed exercises`` command
(``build``, ``grade``, ``copy``); see INSTRUCTORS.md.
"""

from __future__ import annotations

from immfed.exercises.notebook import Notebook

__all__ = ["Notebook"]
