"""The one feedback type students see, for lesson self-checks and exercise checks alike.

A :class:`Feedback` says right or wrong and why, which lesson section to reread and which
sources (ids of ``sources.csv``) back the explanation. It prints as plain text (terminals,
grading logs) and shows as HTML in a notebook, where the sources become full citations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from immfed.exercises.scoring import PASSING, UNANSWERED
from immfed.widgets.palette import PALETTE

STATUS_SYMBOL = {"correct": "\u2714 Right.", "recorded": "\u2714 Prediction recorded.", "incorrect": "\u2716 Not yet.",
                 UNANSWERED: "\u2026 Not answered yet.", "invalid": "\u26a0 Check the form of your answer."}

# Okabe-Ito colours for the left rule; the symbol and words carry the meaning, not colour alone
_RULE = {"correct": PALETTE["green"], "recorded": PALETTE["blue"], "incorrect": PALETTE["vermillion"]}
_OTHER = PALETTE["orange"]


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer.

    ``status`` is "correct", "incorrect", "recorded" (a committed prediction), "unanswered"
    or "invalid"; ``message`` says why in plain words; ``section`` names the lesson section
    to reread; ``sources`` are source ids from ``sources.csv``; ``fraction`` is the share of
    the question's points the answer earns when graded.
    """

    question: str
    status: str
    message: str
    section: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)
    fraction: float = 0.0

    @property
    def correct(self) -> bool:
        return self.status in PASSING

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

    def html(self, citations: bool = False) -> str:
        """The feedback as an HTML block; with ``citations`` the sources are written out in full."""
        parts = [f"<strong>{escape(self.question)}: {escape(STATUS_SYMBOL.get(self.status, self.status))}</strong> "
                 f"{escape(self.message)}"]
        if self.section:
            parts.append(f"<br><em>Read:</em> {escape(self.section)}.")
        if self.sources and citations:
            from immfed.data import cite

            parts.append("<div style='font-size:0.9em'><em>Source:</em> "
                         + "; ".join(escape(cite(s)) for s in self.sources) + "</div>")
        elif self.sources:
            parts.append("<br><em>Sources:</em> " + ", ".join(f"<code>{escape(s)}</code>" for s in self.sources))
        colour = _RULE.get(self.status, _OTHER)
        return (f'<div role="status" style="border-left:4px solid {colour};padding:4px 8px;margin:4px 0">'
                + "".join(parts) + "</div>")

    def _repr_html_(self) -> str:
        return self.html()
