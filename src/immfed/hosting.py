"""``immfed links REPO_URL``: the Binder, JupyterHub and nbgitpuller links for your copy of the course.

The README cannot know where an instructor hosts the course (this repository, a fork,
a university mirror), so instead of placeholder URLs it points here: give the
repository's https URL and get links that work for it.
"""

from __future__ import annotations

import re
import sys
from urllib.parse import quote, urlencode

FIRST_LESSON = "lessons/00_start_here.ipynb"
FIRST_EXERCISE = "exercises/student/01_federal_baseline.ipynb"
_GITHUB = re.compile(r"https://github\.com/([A-Za-z0-9][\w.-]*)/([\w.-]+?)(?:\.git)?/?$")


def hosting_links(repo_url: str, branch: str = "main", hub: str | None = None) -> dict[str, str]:
    """The links for a course repository on GitHub: ``binder_lab``, ``binder_voila``,
    ``hub_install`` (pip line for a hub image) and, with ``hub``, ``nbgitpuller``.

    Raises ValueError for anything but an https://github.com/OWNER/NAME URL (Binder's
    ``gh`` provider needs one)."""
    match = _GITHUB.match(repo_url.strip())
    if not match:
        raise ValueError(f"Expected a GitHub repository URL like https://github.com/OWNER/NAME, not {repo_url!r}")
    owner, name = match.groups()
    clean = f"https://github.com/{owner}/{name}"
    binder = f"https://mybinder.org/v2/gh/{owner}/{name}/{quote(branch, safe='')}"
    links = {
        "binder_lab": f"{binder}?urlpath={quote('lab/tree/' + FIRST_LESSON, safe='')}",
        "binder_voila": f"{binder}?urlpath={quote('voila/render/lessons/02_287g_models.ipynb', safe='')}",
        "hub_install": f'pip install "immigration-federalism-course @ git+{clean}@{branch}"',
    }
    if hub:
        query = urlencode({"repo": clean, "branch": branch, "urlpath": f"lab/tree/{name}/{FIRST_EXERCISE}"})
        links["nbgitpuller"] = f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"
    return links


def _links(args) -> int:
    try:
        links = hosting_links(args.repo, args.branch, args.hub)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    labels = {"binder_lab": "Binder, JupyterLab on lesson 00", "binder_voila": "Binder, lesson 02 in Voila",
              "hub_install": "JupyterHub image (pip)", "nbgitpuller": "nbgitpuller, exercise 01"}
    for key, value in links.items():
        print(f"{labels[key]}:\n  {value}")
    return 0


def add_commands(sub) -> None:
    """Register ``immfed links`` on the top-level parser's subcommands."""
    p = sub.add_parser("links", help="print Binder, JupyterHub and nbgitpuller links for your course repository")
    p.add_argument("repo", help="the repository's URL, e.g. https://github.com/OWNER/NAME")
    p.add_argument("--branch", default="main")
    p.add_argument("--hub", help="your JupyterHub's URL, for the nbgitpuller link")
    p.set_defaults(func=_links)
