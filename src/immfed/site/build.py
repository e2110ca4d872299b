"""``immfed site build``: execute the lessons and write every page and file of the site."""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .document import ASSETS, CSS_ASSET, DATA_PAGE, GLOSSARY_PAGE, PLOTLY_ASSET, REPORT_PAGE, SEARCH_PAGE, report_link
from .execute import execute_lesson
from .extra_pages import (SEARCH_INDEX_ASSET, SEARCH_JS_ASSET, copy_data, data_page, glossary_page, report_page,
                          search_page)
from .lesson_pages import index_page, lesson_body, lesson_info, lesson_page
from .search_index import glossary_entries, lesson_sections, search_index_js

LESSON_GLOB = "[0-9][0-9]_*.ipynb"


def find_lessons(folder: str | Path | None = None, only: list[str] | None = None) -> list[Path]:
    """The lesson notebooks in teaching order (names start with two digits).

    ``folder`` defaults to the installed lessons; ``only`` keeps lessons whose number
    ("02") or file stem ("02_287g_models") is listed.
    """
    if folder is None:
        from immfed.lessons import lesson_paths

        paths = lesson_paths()
    else:
        paths = sorted(Path(folder).glob(LESSON_GLOB))
    if only:
        wanted = set(only)
        paths = [p for p in paths if p.stem in wanted or p.stem.split("_", 1)[0] in wanted]
    return paths


def _execute_one(args):
    path, timeout = args
    return execute_lesson(path, timeout)


def build_site(dest: str | Path, lessons: list[Path] | None = None, jobs: int = 2,
               timeout: int = 600, log=print, repo_url: str | None = None) -> list[Path]:
    """Execute the lessons and write the static site into ``dest``; returns the pages written.

    ``lessons`` defaults to every installed lesson. ``jobs`` lessons run at a time (each
    in its own kernel). The folder gets ``index.html``, one page per lesson, the glossary,
    data, search and report pages, the source notebooks under ``notebooks/``, the tables
    and data package under ``data/`` and the shared ``assets/``. With ``repo_url`` (the
    repository's address, such as https://github.com/OWNER/NAME) every page's "Report an
    error" link opens that repository's factual-error issue form; without it, the site's
    own ``report.html``.
    """
    import plotly.offline

    dest = Path(dest)
    repo_url = repo_url.rstrip("/").removesuffix(".git") if repo_url else None
    report = report_link(repo_url)
    lessons = list(lessons) if lessons is not None else find_lessons()
    if not lessons:
        raise ValueError("no lesson notebooks found")
    (dest / "assets").mkdir(parents=True, exist_ok=True)
    (dest / "notebooks").mkdir(exist_ok=True)
    (dest / PLOTLY_ASSET).write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    shutil.copyfile(ASSETS / "site.css", dest / CSS_ASSET)
    work = [(p, timeout) for p in lessons]
    if jobs > 1 and len(lessons) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(lessons))) as pool:
            executed = list(pool.map(_execute_one, work))
    else:
        executed = [_execute_one(w) for w in work]
    infos = [lesson_info(nb, p) for nb, p in zip(executed, lessons)]
    written = []
    bodies = {}
    for nb, path, info in zip(executed, lessons, infos):
        shutil.copy(path, dest / "notebooks" / path.name)
        out = dest / info["page"]
        body, has_plot = lesson_body(nb, info, infos)
        bodies[info["stem"]] = body
        out.write_text(lesson_page(nb, info, infos, report, body, has_plot), encoding="utf-8")
        log(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")
        written.append(out)
    index = dest / "index.html"
    index.write_text(index_page(infos, report), encoding="utf-8")
    extra = write_extra_pages(dest, infos, bodies, repo_url, report)
    log(f"wrote {index}, {', '.join(p.name for p in extra)}; plotly.js shared as {dest / PLOTLY_ASSET}")
    return [index, *written, *extra]


def write_extra_pages(dest: Path, infos: list[dict], lesson_bodies: dict[str, str],
                      repo_url: str | None = None, report: str = REPORT_PAGE) -> list[Path]:
    """Write the glossary, data, search and report pages, the data files and the search
    assets into ``dest``; returns the pages written."""
    dest = Path(dest)
    (dest / "assets").mkdir(parents=True, exist_ok=True)
    tables = copy_data(dest)
    entries = glossary_entries()
    for info in infos:
        entries.extend(lesson_sections(lesson_bodies[info["stem"]], info["page"], info["title"]))
    (dest / SEARCH_INDEX_ASSET).write_text(search_index_js(entries), encoding="utf-8")
    shutil.copyfile(ASSETS / "search.js", dest / SEARCH_JS_ASSET)
    pages = {GLOSSARY_PAGE: glossary_page(infos, report), DATA_PAGE: data_page(tables, report),
             SEARCH_PAGE: search_page(report), REPORT_PAGE: report_page(repo_url, report)}
    written = []
    for name, text in pages.items():
        (dest / name).write_text(text, encoding="utf-8")
        written.append(dest / name)
    return written
