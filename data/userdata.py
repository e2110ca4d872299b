"""Where refreshed tables live: a per-user data folder, never the installed package.

``immfed data refresh-287g`` writes each refresh to its own folder inside the user data
folder and then replaces the one-line pointer file ``current.txt`` to name it. The
default catalog reads a table from that folder instead of the shipped copy when it
holds a file of the same name. Set ``IMMFED_USER_DATA`` to use another folder (tests do).
"""

from __future__ import annotations

import os
from pathlib import Path

POINTER = "current.txt"


def user_data_dir() -> Path:
    """The folder that holds refreshed tables (it may not exist yet)."""
    override = os.environ.get("IMMFED_USER_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _platform_dir  # imported late: only needed here

    return Path(_platform_dir("immfed", appauthor=False))


def current_folder(root: Path | None = None) -> Path | None:
    """The folder of the latest published refresh under ``root`` (default: the user data
    folder), or None if there is none."""
    root = root or user_data_dir()
    pointer = root / POINTER
    if not pointer.is_file():
        return None
    folder = root / pointer.read_text(encoding="utf-8").strip()
    return folder if folder.is_dir() else None


def refreshed_tables(known: list[str]) -> dict[str, Path]:
    """Map each table name in ``known`` to its refreshed CSV, for those that have one."""
    folder = current_folder()
    if folder is None:
        return {}
    return {name: folder / f"{name}.csv" for name in known if (folder / f"{name}.csv").is_file()}
