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
