"""The ``grader`` object of a student notebook: a small stand-in for otter's ``Notebook``.

The exercise sources use otter-grader's assign format, and ``otter assign`` writes
``grader = otter.Notebook(...)`` into the student version. The build swaps that line for
this class, so students need only the course package (otter-grader is an instructor-side
extra) and see a plain-language answer instead of a doctest traceback. The instructor's
grader (``immfed exercises grade``) scores with the same function, outside the notebook.
"""

from __future__ import annotations

import inspect

from immfed.exercises.checks import Feedback, _exercise_id, check, key


class FeedbackList(list):
    """Several feedbacks, shown one under another."""

    def __repr__(self) -> str:
        return "\n\n".join(fb.text() for fb in self)

    def _repr_html_(self) -> str:
        done = sum(fb.correct for fb in self)
        return f"<p><strong>{done} of {len(self)} self-checks right.</strong></p>" + "".join(
            fb._repr_html_() for fb in self)


class Notebook:
    """Self-checks for one exercise notebook: ``grader = Notebook("01_federal_baseline")``."""

    def __init__(self, exercise: str):
        self.exercise = _exercise_id(exercise)

    def check(self, question: str, global_env: dict | None = None) -> Feedback:
        """Check the answer to ``question`` (e.g. "q1") and say right or wrong and why.

        Reads the answer variable from the notebook; never raises for a student's answer.
        """
        if global_env is None:
            global_env = inspect.currentframe().f_back.f_globals
        try:
            k = key(self.exercise, question)
        except KeyError as exc:
            return Feedback(str(question), "invalid", exc.args[0])
        var = k.get("var", question)
        if var not in global_env:
            return Feedback(question, "unanswered",
                            f"The variable {var} does not exist yet: run the answer cell above first.",
                            k.get("section", ""))
        return check(self.exercise, question, global_env[var])

    def check_all(self, global_env: dict | None = None) -> FeedbackList:
        """Check every auto-checked question of this exercise, in order."""
        from immfed.exercises.keys import KEYS

        if global_env is None:
            global_env = inspect.currentframe().f_back.f_globals
        return FeedbackList(self.check(q, global_env) for q in KEYS[self.exercise])
