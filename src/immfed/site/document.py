"""The frame every page of the site shares: head, stylesheet, header with the site's
links and search box, footer, and where "Report an error" points."""

from __future__ import annotations

import html
from pathlib import Path

COURSE_TITLE = "Local Police and ICE: immigration federalism in practice"
ASSETS = Path(__file__).resolve().parent / "assets"
"""The site's own files (stylesheet and scripts), shipped with the package."""
PLOTLY_ASSET = "assets/plotly.min.js"
CSS_ASSET = "assets/site.css"
SEARCH_PAGE = "search.html"
GLOSSARY_PAGE = "glossary.html"
DATA_PAGE = "data.html"
REPORT_PAGE = "report.html"
# the issue template in .github/ISSUE_TEMPLATE/, which a --repo-url report link opens
ISSUE_TEMPLATE = "factual-error.md"


def report_link(repo_url: str | None = None) -> str:
    """Where "Report an error" points: the repository's factual-error issue form when the
    site was built with ``--repo-url``, else the site's own page on how to report one."""
    if repo_url:
        return f"{repo_url.rstrip('/')}/issues/new?template={ISSUE_TEMPLATE}"
    return REPORT_PAGE


def _document(title: str, body: str, scripts: str = "", report: str = REPORT_PAGE) -> str:
    """A full page: the header (course, site links, search box, report link), ``body``
    and the footer. ``report`` is where the "Report an error" links go."""
    report = html.escape(report, quote=True)
    nav = (f'<nav class="site" aria-label="Site"><ul><li><a href="index.html">Course map</a></li>'
           f'<li><a href="{GLOSSARY_PAGE}">Glossary</a></li><li><a href="{DATA_PAGE}">Data</a></li>'
           f'<li><a href="{SEARCH_PAGE}">Search</a></li>'
           f'<li><a class="report-link" href="{report}">Report an error</a></li></ul></nav>')
    search = (f'<form class="search" role="search" action="{SEARCH_PAGE}" method="get">'
              f'<label for="site-q">Search the course</label>'
              f'<input id="site-q" name="q" type="search" autocomplete="off">'
              f'<button type="submit">Search</button></form>')
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<link rel=\"stylesheet\" href=\"{CSS_ASSET}\">\n{scripts}</head>\n"
            f'<body>\n<header class="site"><a class="home" href="index.html">{html.escape(COURSE_TITLE)}</a>'
            f"{nav}{search}</header>\n"
            f"{body}\n<footer class=\"site\"><p>Static copy of the course for reading offline. "
            f"Widgets show the state the lesson opens with; open the notebooks in Jupyter to use them. "
            f'Found a factual error? <a class="report-link" href="{report}">Report an error</a>.</p>'
            f"</footer>\n</body>\n</html>\n")
