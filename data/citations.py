"""Citation and claim markers in notebook markdown: the syntax, and reading it.

Lessons cite sources with markers of the form ``[@source_id]`` (several as
``[@a; @b]``), and a sentence backed by the claims register carries a claim marker right
after its citation. The data layer checks both against its tables (every cited source
exists, every claim marker has a register row), so the syntax is defined here, below the
lessons that use it. This module reads notebooks it is given; it does not know where the
lessons live (``immfed.lessons`` does, and passes them in).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

MARKER = re.compile(r"\[(@[a-z0-9_]+(?:\s*;\s*@[a-z0-9_]+)*)\]")
CLAIM = re.compile(r"<!--\s*claim:([0-9]{2}-[0-9]{3})\s*-->")
"""A claim marker: an HTML comment placed right after a citation marker, as in
``[@usc_8_1357]<!-- claim:07-003 -->``. It names the row of ``claims.csv`` (the claims
register) that quotes the source for that sentence. Comments do not show in JupyterLab,
Voila or the static site, and :data:`MARKER` still sees the citation in front of it."""
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def markers_in(text: str) -> list[str]:
    """Source ids cited in ``text`` by ``[@id]`` markers, in order of first appearance."""
    ids: list[str] = []
    for group in MARKER.findall(text):
        for part in group.split(";"):
            sid = part.strip().lstrip("@")
            if sid not in ids:
                ids.append(sid)
    return ids


def cited_claims(text: str) -> list[dict]:
    """Every citation marker in markdown ``text``, in order, with the claim marker after it.

    Each item gives ``ids`` (the cited source ids), ``claim`` (the claim id right after the
    marker, or None) and ``line`` (1-based). Markers inside inline code (the "Markers like
    `[@id]`" help text) are not citations and are skipped. Claim markers that do not follow
    a citation are reported with ``ids`` empty, so a checker can flag them.
    """
    out = []
    clean = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)
    attached = set()
    for m in MARKER.finditer(clean):
        ids = [part.strip().lstrip("@") for part in m.group(1).split(";")]
        after = CLAIM.match(clean, m.end())
        if after:
            attached.add(after.start())
        out.append({"ids": ids, "claim": after.group(1) if after else None,
                    "line": clean.count("\n", 0, m.start()) + 1})
    for c in CLAIM.finditer(clean):
        if c.start() not in attached:
            out.append({"ids": [], "claim": c.group(1), "line": clean.count("\n", 0, c.start()) + 1})
    return out


def _cell_sources(path: Path, kinds: tuple[str, ...] | None) -> str:
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return "\n".join("".join(c.get("source", "")) for c in nb.get("cells", [])
                     if kinds is None or c.get("cell_type") in kinds)


def markdown_text(path: Path) -> str:
    """The markdown cells of a notebook joined as one string (code cells left out)."""
    return _cell_sources(path, ("markdown",))


def notebook_text(path: Path) -> str:
    """All cell sources of a notebook joined as one string."""
    return _cell_sources(path, None)


def cited_by_lesson(notebooks: Mapping[str, Path]) -> dict[str, set[str]]:
    """For each lesson number, the source ids its notebook cites (in any cell)."""
    return {lesson: set(markers_in(notebook_text(path))) for lesson, path in notebooks.items()}
