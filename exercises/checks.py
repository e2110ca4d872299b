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

from dataclasses import dataclass, field
from html import escape

from immfed.exercises.scoring import UNANSWERED, score_answer
STATUS_SYMBOL = {"correct": "\u2714 Right.", "recorded": "\u2714 Prediction recorded.", "incorrect": "\u2716 Not yet.",
                 UNANSWERED: "\u2026 Not answered yet.", "invalid": "\u26a0 Check the form of your answer."}


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer: ``status`` is "correct", "incorrect",
    "unanswered" or "invalid"; ``message`` says why in plain words; ``section`` names the
    lesson section to reread; ``sources`` are source ids from ``sources.csv``."""

    question: str
    status: str
    message: str
    section: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
    fraction: float = 0.0  # share of the question's points this answer earns when graded

    @property
    def correct(self) -> bool:
        return self.status in ("correct", "recorded")

    def text(self) -> str:
        """The feedback as plain text (what a terminal or a grading log shows)."""
        lines = [f"{self.question}: {STATUS_SYMBOL.get(self.status, self.status)} {self.message}"]
        if self.section:
            lines.append(f"Read: {self.section}.")
        if self.sources:
            lines.append("Sources: " + ", ".join(self.sources) + " (immfed.data.cite(id) gives each citation).")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        colour = {"correct": "#009E73", "recorded": "#0072B2", "incorrect": "#D55E00"}.get(self.status, "#E69F00")  # Okabe-Ito
        parts = [f"<strong>{escape(self.question)}: {escape(STATUS_SYMBOL.get(self.status, self.status))}</strong> "
                 f"{escape(self.message)}"]
        if self.section:
            parts.append(f"<br><em>Read:</em> {escape(self.section)}.")
        if self.sources:
            parts.append("<br><em>Sources:</em> " + ", ".join(f"<code>{escape(s)}</code>" for s in self.sources))
        return (f'<div role="status" style="border-left:4px solid {colour};padding:4px 8px;margin:4px 0">'
                + "".join(parts) + "</div>")


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
