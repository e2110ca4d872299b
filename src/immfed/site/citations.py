"""Citations on a page: ``[@id]`` markers as links, numbered like the reference lists,
and a reference list for sources the interactive tools cite beyond the lesson's own."""

from __future__ import annotations

import html
import re

from .markup import _text


def link_markers(fragment: str) -> str:
    """Turn ``[@id]`` / ``[@a; @b]`` citation markers in an HTML fragment into links to
    the reference list (``#ref-id``); markers inside ``<code>`` are left as written."""
    from immfed.data.citations import MARKER

    def linked(match):
        ids = [p.strip().lstrip("@") for p in match.group(1).split(";")]
        links = "; ".join(f'<a href="#ref-{i}">{i}</a>' for i in ids)
        return f'<span class="cite">[{links}]</span>'

    parts = re.split(r"(<code[^>]*>.*?</code>|<pre[^>]*>.*?</pre>)", fragment, flags=re.S)
    return "".join(p if p.startswith(("<code", "<pre")) else MARKER.sub(linked, p) for p in parts)


_REF_LIST = re.compile(r"<ol([^>]*class=['\"]immfed-references['\"][^>]*)>(.*?)</ol>", re.S)
_ID_LINK = re.compile(r'<a href="#ref-([a-z0-9_]+)">\1</a>')


def number_citations(fragment: str) -> str:
    """Number a page's citations the way its reference lists number their entries.

    Entries are counted through every reference list on the page, in order (a later list,
    such as the tools' sources, continues the count with ``start``), and each
    ``[@id]`` link made by :func:`link_markers` becomes ``[n]``: a link to entry n whose
    title (shown on hover, and on keyboard focus by the stylesheet) is the full reference.
    """
    numbers: dict[str, int] = {}
    texts: dict[str, str] = {}

    def number_list(match):
        attrs, items = match.group(1), match.group(2)
        start = len(numbers) + 1
        for sid, item in re.findall(r'<li id="ref-([a-z0-9_]+)"[^>]*>(.*?)</li>', items, re.S):
            if sid not in numbers:
                numbers[sid] = len(numbers) + 1
                # the entry's text without its leading "source_id:" label
                texts[sid] = re.sub(r"^" + re.escape(sid) + r"\s*:\s*", "", _text(item))
        attrs = re.sub(r"\s+start=\S+", "", attrs)
        return f'<ol{attrs} start="{start}">{items}</ol>' if start > 1 else f"<ol{attrs}>{items}</ol>"

    fragment = _REF_LIST.sub(number_list, fragment)

    def numbered(match):
        sid = match.group(1)
        if sid not in numbers:
            return match.group(0)
        full = html.escape(f"[{numbers[sid]}] {texts[sid]}", quote=True)
        return f'<a class="cite-ref" href="#ref-{sid}" title="{full}">{numbers[sid]}</a>'

    return _ID_LINK.sub(numbered, fragment)


def tool_references(fragment: str) -> str:
    """A reference list for sources the page links to but its own list lacks.

    A lesson's ``reference_list`` covers the markers written in the notebook; a tool
    may show more (a state profile cites the rows it draws from). Those get their own
    list, so every citation link on the page lands on an entry.
    """
    from immfed.data import catalog

    listed = set(re.findall(r'id="ref-([a-z0-9_]+)"', fragment))
    linked = list(dict.fromkeys(re.findall(r'href="#ref-([a-z0-9_]+)"', fragment)))
    missing = [sid for sid in linked if sid not in listed]
    if not missing:
        return ""
    cat = catalog()
    items = []
    for sid in missing:
        try:
            text = html.escape(cat.cite(sid))
        except KeyError:
            text = "not in the course's sources table"
        items.append(f'<li id="ref-{sid}"><code>{sid}</code>: {text}</li>')
    return ("<h2>Sources shown by the interactive tools</h2>\n<p>The tools on this page cite these sources "
            "as well as those in the reference list above.</p>\n"
            f"<ol class='immfed-references'>{''.join(items)}</ol>")
