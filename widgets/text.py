"""Small text helpers the tools share: dates, lists kept in one cell, and error messages."""

from __future__ import annotations

from html import escape

import pandas as pd

from immfed.widgets.palette import PALETTE


def iso_date(ts) -> str:
    """A date as YYYY-MM-DD; an empty string for a missing date."""
    return "" if pd.isna(ts) else pd.Timestamp(ts).strftime("%Y-%m-%d")


def split_cell(text, sep: str) -> list[str]:
    """The parts of a table cell that holds several values (e.g. "a; b"), stripped; [] if empty."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    return [part.strip() for part in str(text).split(sep) if part.strip()]


def unique(items) -> list[str]:
    """``items`` without repeats, first occurrence first."""
    return list(dict.fromkeys(items))


def alert_html(message) -> str:
    """A bad-input message for a widget: announced by screen readers (role=alert), marked
    by a vermillion bar rather than coloured text, which would fail contrast."""
    return (f"<p role='alert' style='border-left:4px solid {PALETTE['vermillion']};padding-left:6px'>"
            f"\u26a0 {escape(str(message))}</p>")


class StatePanel:
    """Shared behaviour of explorers with a "pick a state" control and a panel about it.

    A subclass sets ``self.message`` (an HTML widget for bad input), ``self.state`` (the
    dropdown), names its panel widget in ``PANEL`` and implements ``state_html(value)``.
    """

    PANEL = "panel"

    def state_html(self, value) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def show_state(self, value) -> bool:
        """Show a state's panel; a bad value shows what is accepted instead. Returns success."""
        try:
            html = self.state_html(value)
        except ValueError as exc:
            self.message.value = alert_html(exc)
            return False
        self.message.value = ""
        getattr(self, self.PANEL).value = html
        return True

    def _on_state(self, change):
        if change["new"]:
            self.show_state(change["new"])


def state_laws_html(laws: list[dict], intro: str, place: str = "place") -> str:
    """The list of a state's laws and rulings on cooperation, or the sentence saying none is recorded.

    Each law dict has ``name``, ``direction``, ``status``, ``summary``, ``source_id`` and a citation
    (``citation`` or ``cited``); ``bill``, ``year``, ``mechanism`` and ``reason`` are shown when given.
    """
    if not laws:
        return (f"<p>No state law or ruling on cooperation with ICE is recorded for this {place} in the "
                "course data (which is not proof that none exists).</p>")
    items = []
    for x in laws:
        head = f"<strong>{escape(x['name'])}</strong>"
        if x.get("bill"):
            head += f" ({escape(x['bill'])})"
        facts = [str(x["year"])] if x.get("year") else []
        if x.get("mechanism"):
            facts.append(escape(x["mechanism"].replace("_", " ")))
        facts += [escape(x["direction"]), f"status {escape(x['status'].replace('_', ' '))}"]
        cited = x.get("citation") or x.get("cited") or ""
        note = f" <em>{escape(x['reason'])}.</em>" if x.get("reason") else ""
        items.append(f"<li>{head}: {'; '.join(facts)}. {escape(x['summary'])} <small>Cited: {escape(cited)} "
                     f"[{escape(x['source_id'])}].{note}</small></li>")
    return f"<p>{escape(intro)}</p><ul>{''.join(items)}</ul>"
