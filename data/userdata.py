"""Where refreshed tables live: a per-user data folder, never the installed package.

``immfed data refresh-287g`` writes newer ICE snapshots here; the default catalog reads
a table from here instead of the shipped copy when a file of the same name exists. Set
the environment variable ``IMMFED_USER_DATA`` to use another folder (tests do).
"""

from __future__ import annotations

import os
from pathlib import Path


def user_data_dir() -> Path:
    """The folder that holds refreshed tables (it may not exist yet)."""
    override = os.environ.get("IMMFED_USER_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _platform_dir  # imported late: only needed here

    return Path(_platform_dir("immfed", appauthor=False))


def refreshed_tables(known: list[str]) -> dict[str, Path]:
    """Map each table name in ``known`` to its refreshed CSV, for those that have one."""
    folder = user_data_dir() / "tables"
    return {name: folder / f"{name}.csv" for name in known if (folder / f"{name}.csv").is_file()}
