"""Checking a widget argument against the values it accepts."""

from __future__ import annotations


def check_choice(value, accepted, what: str) -> str:
    """Return ``value`` if it is one of ``accepted``; else raise ValueError listing them.

    Pure functions call this so a script, a test or a view gets the same plain message.
    """
    if not isinstance(value, str) or value not in accepted:
        raise ValueError(f"Unknown {what} {value!r}. Accepted: {', '.join(accepted)}.")
    return value
