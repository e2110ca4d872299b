"""The ``immfed site`` command group (``immfed site build DEST``)."""

from __future__ import annotations

import argparse
import re
import sys

from .build import build_site, find_lessons


def _repo_url(text: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+/\S+", text):
        raise argparse.ArgumentTypeError(f"expected the repository's web address, such as "
                                         f"https://github.com/OWNER/NAME; got {text!r}")
    return text


def _site_build(args) -> int:
    try:
        lessons = find_lessons(args.lessons_dir, args.only)
        build_site(args.dest, lessons, jobs=args.jobs, timeout=args.timeout, repo_url=args.repo_url)
    except Exception as exc:  # a failing lesson: say which, without a wall of traceback
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def add_commands(sub) -> None:
    """Add the ``site`` group (``immfed site build DEST``) to the ``immfed`` command line."""
    site = sub.add_parser("site", help="build the course as a static website that reads offline")
    ssub = site.add_subparsers(dest="verb", required=True)
    p = ssub.add_parser("build", help="execute every lesson and write an HTML site into DEST")
    p.add_argument("dest", help="output folder (created if missing)")
    p.add_argument("--only", nargs="+", metavar="LESSON", help="lesson numbers or stems to build (default: all)")
    p.add_argument("--lessons-dir", help=argparse.SUPPRESS)
    p.add_argument("--jobs", type=int, default=2, help="lessons executed at once (default 2)")
    p.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    p.add_argument("--repo-url", type=_repo_url, metavar="URL",
                   help="the course repository (https://github.com/OWNER/NAME): every page's 'Report an error' "
                        "link opens its factual-error issue form (default: the site's report.html)")
    p.set_defaults(func=_site_build)
