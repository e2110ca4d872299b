"""Markdown to HTML for the site's pages, with citation markers linked."""

from __future__ import annotations

from .citations import link_markers


class _NbconvertMarkdown:
    """nbconvert's mistune renderer (always installed with JupyterLab) behind the two
    methods the site uses, for when markdown-it-py is not installed."""

    def render(self, text: str) -> str:
        from nbconvert.filters.markdown_mistune import markdown2html_mistune

        return markdown2html_mistune(text)

    def renderInline(self, text: str) -> str:  # noqa: N802 - markdown-it's name
        out = self.render(text).strip()
        return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1 else out


def _markdown():
    """A markdown renderer: markdown-it-py (CommonMark with tables) where installed,
    nbconvert's otherwise."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return _NbconvertMarkdown()
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def markdown_html(text: str) -> str:
    """A markdown cell as HTML, with citation markers linked."""
    return link_markers(_markdown().render(text))
