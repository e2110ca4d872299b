"""Self-check questions with instant feedback, kept in the ``self_checks`` table.

A self-check is scored by the same engine as the exercises
(:func:`immfed.exercises.scoring.score_answer`): :func:`self_check_key` turns a table row
into an answer-key entry of kind "choice", and the result is the course's one
:class:`~immfed.exercises.feedback.Feedback` type. Unlike a graded exercise, a self-check
names the right option when the answer is wrong. ``check_answer`` is the pure part (tested
without a browser); ``quiz`` is the view a lesson shows. Any answer a student can produce
(nothing, a number, a letter, the option text, or something odd) gets a message, never a
traceback.
"""

from __future__ import annotations

from html import escape

from immfed.data import load
from immfed.exercises.feedback import Feedback
from immfed.exercises.scoring import score_answer

LETTERS = "abcdefghij"


def question(question_id: str) -> dict:
    """One question as a dict, with ``options`` split into a list."""
    table = load("self_checks")
    match = table[table["question_id"] == question_id]
    if match.empty:
        known = ", ".join(table["question_id"])
        raise KeyError(f"No self-check question '{question_id}'. Known: {known}")
    row = match.iloc[0].to_dict()
    row["options"] = [o.strip() for o in row["options"].split(" | ")]
    fb = row.get("option_feedback")
    row["option_feedback"] = [o.strip() for o in fb.split(" | ")] if isinstance(fb, str) and fb else []
    return row


def questions_for(lesson: int) -> list[str]:
    """Ids of a lesson's self-check questions, in table order."""
    table = load("self_checks")
    return list(table.loc[table["lesson"] == lesson, "question_id"])


def self_check_key(q: dict) -> dict:
    """A self-check row (as :func:`question` returns it) as an answer-key entry of kind "choice"."""
    options = {LETTERS[i]: opt for i, opt in enumerate(q["options"])}
    feedback = {LETTERS[i]: text for i, text in enumerate(q["option_feedback"]) if text}
    return {"kind": "choice", "options": options, "answer": LETTERS[int(q["answer"]) - 1],
            "explanation": q["explanation"], "feedback": feedback, "reveal": True,
            "section": q["section"], "sources": [q["source_id"]],
            "blank": "Not answered yet: pick one of the options, then check."}


def check_answer(question_id: str, choice) -> Feedback:
    """Check a student's choice for a question and explain the result.

    ``choice`` may be the option's position (1, 2, ...), its letter ("a", "b", ...) or
    its text. ``None`` or an empty string counts as not answered.
    """
    q = question(question_id)
    k = self_check_key(q)
    if isinstance(choice, int) and not isinstance(choice, bool) and 1 <= choice <= len(q["options"]):
        choice = LETTERS[choice - 1]  # the radio buttons hold positions; others are scored as given (invalid)
    scored = score_answer(k, choice)
    shown = tuple(k["sources"]) if scored.status in ("correct", "incorrect") else ()
    return Feedback("Self-check", scored.status, scored.message, k["section"] if scored.status == "incorrect" else "",
                    shown, scored.fraction)


def feedback_html(fb: Feedback) -> str:
    """Feedback as HTML: a marked status line (not colour alone) and the full citation."""
    return fb.html(citations=True)


def quiz(question_id: str):
    """Show one self-check question: pick an option, press Check, read the feedback."""
    import ipywidgets as w

    q = question(question_id)
    letters = [f"{chr(ord('a') + i)}) {opt}" for i, opt in enumerate(q["options"])]
    choices = w.RadioButtons(options=[(label, i + 1) for i, label in enumerate(letters)], value=None,
                             layout=w.Layout(width="auto"), description="")
    button = w.Button(description="Check", tooltip="Check your answer", button_style="primary")
    out = w.HTML(value="")

    def on_check(_):
        out.value = feedback_html(check_answer(question_id, choices.value))

    button.on_click(on_check)
    box = w.VBox([w.HTML(f"<p><strong>Self-check.</strong> {escape(q['prompt'])}</p>"), choices, button, out])
    box.add_class("immfed-quiz")
    return box
