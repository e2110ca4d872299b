"""Small helpers on HTML fragments: their plain text, slugs, and ids on headings."""

from __future__ import annotations

import html
import re


def _text(fragment: str) -> str:
    """The plain text of an HTML fragment (for text alternatives)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment or "")).split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _text(text).lower()).strip("-")[:60] or "section"


def heading_ids(fragment: str) -> str:
    """Give every heading without an id one made from its text, unique on the page, so a
    search result can link to the section it found."""
    seen: set[str] = set(re.findall(r'\bid="([^"]+)"', fragment))

    def with_id(match):
        level, attrs, inner = match.group(1), match.group(2), match.group(3)
        if "id=" in attrs:
            return match.group(0)
        base = slug = _slug(inner)
        n = 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        return f'<h{level}{attrs} id="{slug}">{inner}</h{level}>'

    return re.sub(r"<h([1-4])([^>]*)>(.*?)</h\1>", with_id, fragment, flags=re.S)
