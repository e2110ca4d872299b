"""The old home of the site's extra pages, kept so ``from immfed.site_pages import ...``
still works; the pages now live in :mod:`immfed.site.extra_pages`, the search index in
:mod:`immfed.site.search_index`, and :func:`write_extra_pages` in :mod:`immfed.site.build`."""

from immfed.site.build import write_extra_pages
from immfed.site.extra_pages import (DATA_PAGE, GLOSSARY_PAGE, SEARCH_INDEX_ASSET, SEARCH_JS_ASSET, copy_data,
                                     data_page, glossary_page, glossary_rows, report_page, search_page)
from immfed.site.search_index import glossary_entries, lesson_sections, search_index_js

__all__ = ["write_extra_pages", "copy_data", "data_page", "glossary_page", "glossary_rows", "report_page",
           "search_page", "glossary_entries", "lesson_sections", "search_index_js", "DATA_PAGE",
           "GLOSSARY_PAGE", "SEARCH_INDEX_ASSET", "SEARCH_JS_ASSET"]
