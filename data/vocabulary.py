"""The course's controlled vocabularies: one accessor over ``tables/vocabulary.csv``.

Each vocabulary (law statuses, detainer requests, custody states, 287(g) models, the actors
of the "who is who" explorer ...) is a list of codes with a label, an order, an optional
group and flags. Tools take their menus, labels and rules from here instead of keeping a
dict of their own, and a table column that names a vocabulary in ``datapackage.json`` may
hold only its codes (checked when the table is read)::

    from immfed.data.vocabulary import codes, labels
    labels("detainer_request")          # {"detainer": "ICE detainer (Form I-247A) alone", ...}
    codes("law_status", flag="in_force")  # ("in_force", "partly_enjoined", "upheld")
"""

from __future__ import annotations

from functools import lru_cache

from .catalog import SHIPPED_ROOT, Catalog


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    # Vocabularies ship with the course and are never refreshed from outside, so they are
    # read from the shipped tables once per process.
    rows = Catalog(SHIPPED_ROOT).parsed("vocabulary").rows
    return tuple(sorted(rows, key=lambda r: (r["vocabulary"], r["position"])))


def names() -> list[str]:
    """The vocabularies there are."""
    return sorted({r["vocabulary"] for r in _rows()})


def terms(vocabulary: str) -> list[dict]:
    """The rows of one vocabulary in order: code, label, position, group, flags, description.

    An unknown vocabulary raises ``KeyError`` naming the known ones.
    """
    found = [dict(r) for r in _rows() if r["vocabulary"] == vocabulary]
    if not found:
        raise KeyError(f"No vocabulary '{vocabulary}'. Known: {', '.join(names())}.")
    return found


def codes(vocabulary: str, flag: str | None = None) -> tuple[str, ...]:
    """The codes of a vocabulary in order; with ``flag``, only the codes carrying it."""
    return tuple(t["code"] for t in terms(vocabulary) if flag is None or flag in (t["flags"] or "").split())


def labels(vocabulary: str) -> dict[str, str]:
    """Code -> label, in order (what menus and legends show)."""
    return {t["code"]: t["label"] for t in terms(vocabulary)}


def groups(vocabulary: str) -> dict[str, str]:
    """Code -> group (empty string where a code has none)."""
    return {t["code"]: t["group"] or "" for t in terms(vocabulary)}
