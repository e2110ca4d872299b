"""The search index the offline search page reads: lesson sections and glossary terms.

``assets/search.js`` matches every query word (case-insensitive) in an entry's title
and text; titles weigh more than text, glossary terms more than lesson sections.
Results are built with DOM calls (textContent), never innerHTML, so indexed text
cannot inject markup.
"""

from __future__ import annotations

import json
import re

from .document import GLOSSARY_PAGE
from .extra_pages import _glossary_id, glossary_rows
from .markup import _text


def lesson_sections(body: str, page: str, lesson_title: str) -> list[dict]:
    """A lesson page's ``<main>`` cut at its headings into search entries: ``t`` (title),
    ``u`` (page#heading), ``w`` (where: the lesson), ``x`` (plain text), ``k`` ("lesson").
    Code cells and chart data are left out: a student searches what they read."""
    body = re.sub(r"<script\b.*?</script>|<details class=\"code\">.*?</details>|<nav\b.*?</nav>", " ", body, flags=re.S)
    pieces = re.split(r'(<h[1-4][^>]*\bid="[^"]+"[^>]*>.*?</h[1-4]>)', body, flags=re.S)
    entries = []
    title, anchor = _text(lesson_title), ""
    for piece in pieces:
        head = re.match(r'<h[1-4][^>]*\bid="([^"]+)"[^>]*>(.*?)</h[1-4]>', piece, re.S)
        if head:
            anchor, title = head.group(1), _text(head.group(2))
            continue
        text = _text(piece)
        if text:
            entries.append({"t": title, "u": f"{page}#{anchor}" if anchor else page,
                            "w": _text(lesson_title), "x": text, "k": "lesson"})
    return entries


def glossary_entries() -> list[dict]:
    """One search entry per glossary term, linking to its entry on the glossary page."""
    out = []
    for r in glossary_rows():
        term = r["term"] + (f" ({r['abbreviation']})" if r.get("abbreviation") else "")
        text = " ".join(t for t in (r["definition"], r.get("usage_note") or "") if t)
        out.append({"t": term, "u": f"{GLOSSARY_PAGE}#{_glossary_id(r['term'])}", "w": "Glossary",
                    "x": text, "k": "glossary"})
    return out


def search_index_js(entries: list[dict]) -> str:
    """The index as a script that sets ``window.IMMFED_SEARCH_INDEX`` (loadable from file://)."""
    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.IMMFED_SEARCH_INDEX = {payload};\n"
