"""Build the course as a static website that reads offline: ``immfed site build DEST``.

Every lesson notebook is executed, then written out as one HTML page; an index page
holds the course map (titles, estimated times, learning objectives). The site needs no
kernel and no network:

* plotly.js is written once, as ``assets/plotly.min.js``, and shared by every page;
* a widget cannot run without a kernel, so each one is shown as it stood when the
  lesson finished running (:mod:`~immfed.site.outputs`);
* citation markers such as ``[@usc_8_1357]`` link to the lesson's reference list
  (:mod:`~immfed.site.citations`).

One module per job:

``build``         the build itself: which lessons, in what order, every file written
``execute``       running a lesson in a kernel and capturing its live charts
``outputs``       cell outputs and saved widget state as static HTML
``charts``        plotly figures as static charts with text alternatives
``markdown``      markdown cells as HTML
``citations``     citation markers as numbered links; the tools' extra reference list
``markup``        plain text, slugs and heading ids of HTML fragments
``document``      the frame every page shares (header, search box, footer, report link)
``lesson_pages``  the lesson pages and the course map
``extra_pages``   glossary, data, search and report pages
``search_index``  the index the offline search page reads
``cli``           the ``immfed site`` command group
``assets/``       the stylesheet and the site's own scripts, copied or inlined as they are
"""

from __future__ import annotations

from .build import LESSON_GLOB, build_site, find_lessons, write_extra_pages
from .charts import figure_html, site_layout
from .citations import link_markers, number_citations, tool_references
from .cli import add_commands
from .document import (COURSE_TITLE, CSS_ASSET, ISSUE_TEMPLATE, PLOTLY_ASSET, REPORT_PAGE, SEARCH_PAGE,
                       report_link)
from .execute import FIGURES_MIME, execute_lesson
from .lesson_pages import index_page, lesson_body, lesson_info, lesson_page
from .markdown import markdown_html
from .markup import heading_ids
from .outputs import output_html, widget_html

__all__ = ["build_site", "find_lessons", "write_extra_pages", "execute_lesson", "lesson_info", "lesson_body",
           "lesson_page", "index_page", "output_html", "widget_html", "figure_html", "site_layout",
           "markdown_html", "link_markers", "number_citations", "tool_references", "heading_ids",
           "report_link", "add_commands", "LESSON_GLOB", "COURSE_TITLE", "CSS_ASSET", "PLOTLY_ASSET",
           "REPORT_PAGE", "SEARCH_PAGE", "ISSUE_TEMPLATE", "FIGURES_MIME"]
