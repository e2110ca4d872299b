"""Turn a state profile into text: cited Markdown, a policy-memo template and HTML.

Every renderer takes a :class:`~immfed.widgets.profile_data.Profile` (or a state code,
from which one is built) and writes each fact with bracketed source markers
(``[@source_id]``) and a reference list resolved through ``immfed.data.cite``.
Fact texts are plain text with two bits of Markdown (``**bold**`` for the detainer
answers, backticks for a command); :func:`inline_html` turns those into HTML.
"""

from __future__ import annotations

import re
from html import escape

from immfed.data import cite

from .profile_data import Profile, state_profile


def _profile(value) -> Profile:
    return value if isinstance(value, Profile) else state_profile(value)


def _marks(ids) -> str:
    return f" [{'; '.join('@' + i for i in ids)}]" if ids else ""


def inline_html(text: str) -> str:
    """Escape ``text`` for HTML, then show its ``**bold**`` and ```code``` spans as such."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", re.sub(r"`(.+?)`", r"<code>\1</code>", escape(text)))


def references_markdown(ids) -> str:
    """A Markdown reference list, each entry resolved through ``immfed.data.cite``."""
    return "\n".join(f"- **{i}**: {cite(i)}" for i in ids) or "- (no sources cited)"


def profile_markdown(profile) -> str:
    """The profile (a Profile, or a state code) as cited Markdown with a reference list."""
    p = _profile(profile)
    lines = [f"## {p.name} ({p.code}): profile", "",
             f"*Built from the course data; 287(g) counts as of ICE's sheet of {p.as_of}. Bracketed "
             "markers point to the references below. 'None recorded' describes the course data, not the world.*", ""]
    for s in p.sections:
        lines += [f"### {s.title}", ""]
        lines += [f"- {f.text}{_marks(f.source_ids)}" for f in s.facts]
        if s.limits:
            lines += ["", f"*Limits:* {s.limits}"]
        lines.append("")
    lines += ["### References", "", references_markdown(p.source_ids())]
    return "\n".join(lines)


def memo_template(state_code) -> str:
    """A policy-memo skeleton in Markdown for one state: the profile's key facts and their
    citations prefilled, and blank headings for the student's own analysis."""
    return memo_markdown(state_profile(state_code))


def memo_markdown(p: Profile) -> str:
    """The memo skeleton of :func:`memo_template` for an already built profile."""
    blank = "_(write here)_"
    lines = [f"# Policy memo: {p.name}", "",
             f"**To:** {blank}  ", f"**From:** {blank}  ", f"**Date:** {blank}  ",
             f"*Facts below are from the course data (287(g) counts as of {p.as_of}); check each source before "
             "you rely on it, and add any you find.*", "",
             "## 1. Question", "",
             f"One question a decision-maker in {p.name} must answer (for example a county board deciding whether "
             f"to sign, renew or end a 287(g) agreement, or a sheriff deciding how to answer detainers). {blank}", "",
             "## 2. Facts, with citations", ""]
    for s in p.sections:
        lines.append(f"**{s.title}**")
        lines += [f"- {f.text}{_marks(f.source_ids)}" for f in s.facts]
        lines.append("")
    lines += ["## 3. Options", "", f"1. {blank}", f"2. {blank}", f"3. {blank}", "",
              "## 4. Each side's strongest argument", "",
              f"- Supporters of closer cooperation with ICE, in their own terms, with a citation: {blank}",
              f"- Opponents of closer cooperation, in their own terms, with a citation: {blank}",
              f"- Anyone else with a stake (prosecutors, jail administrators, victims' advocates): {blank}", "",
              "## 5. Recommendation", "", blank, "",
              "## 6. What would change your mind", "",
              f"Name a fact or a court ruling that, if it turned out differently, would change your recommendation. "
              f"{blank}", "",
              "## References", "", references_markdown(p.source_ids())]
    return "\n".join(lines)


def profile_html(profile) -> str:
    """The profile as accessible HTML (headings, lists, reference list)."""
    p = _profile(profile)
    parts = [f"<h3>{escape(p.name)} ({p.code}): profile</h3>",
             f"<p><em>287(g) counts as of ICE's sheet of {p.as_of}. Source ids in brackets are listed at the "
             "end. 'None recorded' describes the course data, not the world.</em></p>"]
    for s in p.sections:
        items = "".join(f"<li>{inline_html(f.text)}{escape(_marks(f.source_ids))}</li>" for f in s.facts)
        parts.append(f"<h4>{escape(s.title)}</h4><ul>{items}</ul>")
        if s.limits:
            parts.append(f"<p><small><em>Limits:</em> {inline_html(s.limits)}</small></p>")
    refs = "".join(f"<li><strong>{escape(i)}</strong>: {escape(cite(i))}</li>" for i in p.source_ids())
    parts.append(f"<h4>References</h4><ul>{refs}</ul>")
    return "".join(parts)
