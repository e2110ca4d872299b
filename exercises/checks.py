"""Instant, friendly answer checks for the exercise notebooks.

Each question in an exercise has an entry in an answer key (``immfed.exercises.keys``):
what kind of answer it takes, the right answer, why, a specific explanation for each
wrong option where there are options, the lesson section to reread and the source ids
(rows of ``sources.csv``) behind the explanation.

``check(exercise, question, value)`` is the pure part: it never raises for anything a
student can type, and returns a :class:`Feedback` that says right or wrong and why.
``assert_ok`` wraps it for otter-format tests (it raises ``AssertionError`` with the
same message). The verdict and the share of points come from
:func:`immfed.exercises.scoring.score_answer`, the function the instructor's grader uses
too (in its own clean process, never in the student's), so the self-check and the grade
agree; editing this module inside a notebook cannot change a grade.
"""

from __future__ import annotations

from immfed.exercises.feedback import Feedback
from immfed.exercises.scoring import UNANSWERED, score_answer

__all__ = ["Feedback", "assert_ok", "check", "key"]


def key(exercise: str, question: str) -> dict:
    """The answer-key entry for one question (``KeyError`` with the known names if absent)."""
    from immfed.exercises.keys import KEYS

    ex = _exercise_id(exercise)
    if ex not in KEYS:
        raise KeyError(f"No exercise '{exercise}'. Known: {', '.join(sorted(KEYS))}.")
    if question not in KEYS[ex]:
        raise KeyError(f"Exercise {ex} has no question '{question}'. Known: {', '.join(KEYS[ex])}.")
    return KEYS[ex][question]


def _exercise_id(exercise) -> str:
    """'01', '01_federal_baseline', '01_federal_baseline.ipynb' or 1 -> '01'."""
    text = str(exercise).strip()
    digits = text[:2] if text[:2].isdigit() else text.zfill(2)
    return digits


def check(exercise: str, question: str, value) -> Feedback:
    """Check ``value`` as the answer to ``question`` of ``exercise`` and explain the result.

    Never raises for a student's answer: ``...`` or an empty value is "unanswered", an
    answer of the wrong type is "invalid" with a note on the accepted form.
    """
    k = key(exercise, question)
    section, sources = k.get("section", ""), tuple(k.get("sources", ()))
    scored = score_answer(k, value)  # the same function the instructor's grader uses
    shown = sources if scored.status not in ("invalid", UNANSWERED) else ()
    return Feedback(question, scored.status, scored.message, section, shown, scored.fraction)


def assert_ok(exercise: str, question: str, value) -> None:
    """For otter-format tests: pass silently when right, else raise ``AssertionError``
    carrying the same friendly message :func:`check` gives."""
    fb = check(exercise, question, value)
    if not fb.correct:
        raise AssertionError(fb.text())
