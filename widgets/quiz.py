"""Self-check questions with instant feedback, kept in the ``self_checks`` table.

``check_answer`` is the pure part (tested without a browser); ``quiz`` is the view a
lesson shows. Any answer a student can produce (nothing, a number, a letter, the option
text, or something odd) gets a message, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from immfed.data import cite, load


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer.

    ``status`` is "correct", "incorrect", "unanswered" or "invalid"; ``message`` says why
    in plain words; ``citation`` is the source behind the explanation.
    """

    status: str
    message: str
    citation: str = ""

    @property
    def correct(self) -> bool:
        return self.status == "correct"


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


def _position(q: dict, choice) -> int | None:
    """Turn a choice (1-based number, letter, or option text) into a 1-based position."""
    options = q["options"]
    if isinstance(choice, bool):
        return None
    if isinstance(choice, int):
        return choice if 1 <= choice <= len(options) else None
    if isinstance(choice, str):
        text = choice.strip()
        if len(text) == 1 and text.isalpha():
            pos = ord(text.lower()) - ord("a") + 1
            return pos if 1 <= pos <= len(options) else None
        for i, opt in enumerate(options, start=1):
            if text.casefold() == opt.casefold():
                return i
    return None


def check_answer(question_id: str, choice) -> Feedback:
    """Check a student's choice for a question and explain the result.

    ``choice`` may be the option's position (1, 2, ...), its letter ("a", "b", ...) or
    its text. ``None`` or an empty string counts as not answered.
    """
    q = question(question_id)
    if choice is None or (isinstance(choice, str) and not choice.strip()):
        return Feedback("unanswered", "Not answered yet: pick one of the options, then check.")
    pos = _position(q, choice)
    if pos is None:
        letters = ", ".join(chr(ord("a") + i) for i in range(len(q["options"])))
        return Feedback("invalid", f"Could not read {choice!r} as an answer. Give the option's letter "
                                   f"({letters}), its number (1-{len(q['options'])}) or its exact text.")
    citation = cite(q["source_id"])
    specific = q["option_feedback"][pos - 1] if q["option_feedback"] else ""
    if pos == q["answer"]:
        return Feedback("correct", f"Correct. {q['explanation']}", citation)
    right = q["options"][q["answer"] - 1]
    lead = f"Not quite. {specific} " if specific else "Not quite. "
    return Feedback("incorrect", f"{lead}The answer is \u201c{right}\u201d. {q['explanation']} "
                                 f"Revisit: {q['section']}.", citation)


_COLOURS = {"correct": "#009E73", "incorrect": "#D55E00", "unanswered": "#555555", "invalid": "#555555"}
_ICONS = {"correct": "\u2714 ", "incorrect": "\u2718 ", "unanswered": "", "invalid": ""}


def feedback_html(fb: Feedback) -> str:
    """Feedback as HTML: a marked status line (not colour alone) and the citation."""
    cite_html = f"<div style='font-size:0.9em'>Source: {escape(fb.citation)}</div>" if fb.citation else ""
    return (f"<div role='status' style='border-left:4px solid {_COLOURS[fb.status]};padding-left:8px'>"
            f"<strong>{_ICONS[fb.status]}</strong>{escape(fb.message)}{cite_html}</div>")


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
