"""Where refreshed tables live: a per-user data folder, never the installed package.

``immfed data refresh-287g`` writes each refresh to its own folder inside the user data
folder and then replaces the one-line pointer file ``current.txt`` to name it;
``history.txt`` lists the published folders, oldest first, so ``immfed data rollback``
can step back. The default catalog reads a table from the current folder instead of
the shipped copy when it holds a file of the same name. Set ``IMMFED_USER_DATA`` to use
another folder (tests do).

Anything wrong in this folder (an unreadable pointer, a folder it names that is gone, a
damaged CSV) raises :class:`UserDataError`: one sentence naming the folder and the
command that repairs it, never a raw traceback.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .validate import DataError

POINTER = "current.txt"
HISTORY = "history.txt"
SNAPSHOT_NAME = re.compile(r"snapshot-\d{8}-\d{6,12}")

FIX_DAMAGED = ("run `immfed data rollback` to use the previous refresh, or `immfed data reset` "
               "to go back to the shipped data")
FIX_UNWRITABLE = ("make the folder writable, or set IMMFED_USER_DATA to a folder you can write; "
                  "nothing was changed")


class UserDataError(DataError):
    """The user data folder is damaged or cannot be read or written.

    The message is one sentence: which folder, what is wrong, and the command or step
    that fixes it. ``folder`` and ``problem`` keep the folder's path and what is wrong.
    """

    def __init__(self, folder: Path | str, problem: str, fix: str = FIX_DAMAGED):
        self.folder, self.problem = Path(folder), problem
        self.file, self.row, self.column, self.line = str(folder), None, None, None
        ValueError.__init__(self, f"The user data folder {folder} {problem}; {fix}.")

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback: a lesson shows the sentence.
        return [f"UserDataError: {self}"]


def user_data_dir() -> Path:
    """The folder that holds refreshed tables (it may not exist yet)."""
    override = os.environ.get("IMMFED_USER_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _platform_dir  # imported late: only needed here

    return Path(_platform_dir("immfed", appauthor=False))


def _read_small(root: Path, name: str) -> str | None:
    """Text of a bookkeeping file in ``root``, or None if it does not exist."""
    path = root / name
    try:
        if not path.exists():
            return None
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserDataError(root, f"has a damaged {name} (it is not text)") from None
    except OSError as exc:
        raise UserDataError(root, f"cannot be read ({exc.strerror or exc})",
                            "make it readable, or set IMMFED_USER_DATA to another folder") from None


def pointer_name(root: Path) -> str | None:
    """The snapshot folder name ``current.txt`` holds, or None if no refresh is in use.

    Raises :class:`UserDataError` if the pointer cannot be read or does not hold a
    snapshot folder name (a name with a path in it would read tables from elsewhere).
    """
    text = _read_small(root, POINTER)
    if text is None:
        return None
    name = text.strip()
    if not SNAPSHOT_NAME.fullmatch(name):
        shown = name[:40] + ("..." if len(name) > 40 else "")
        raise UserDataError(root, f"has a damaged {POINTER}: it should name a snapshot folder "
                                  f"but holds '{shown}'")
    return name


def history(root: Path) -> list[str]:
    """Published snapshot folder names, oldest first (lines that are not one are skipped)."""
    try:
        text = _read_small(root, HISTORY)
    except UserDataError:
        return []  # a damaged history only loses rollback steps; the pointer still decides
    names = [ln.strip() for ln in (text or "").splitlines()]
    return [n for n in names if SNAPSHOT_NAME.fullmatch(n)]


def current_folder(root: Path | None = None) -> Path | None:
    """The folder of the latest published refresh under ``root`` (default: the user data
    folder), or None if no refresh is in use. Raises :class:`UserDataError` if the
    pointer is damaged or names a folder that is gone."""
    root = Path(root) if root else user_data_dir()
    name = pointer_name(root)
    if name is None:
        return None
    folder = root / name
    if not folder.is_dir():
        raise UserDataError(root, f"has {POINTER} naming {name}, but that folder is gone")
    return folder


def refreshed_tables(known: list[str], folder: Path | None = None) -> dict[str, Path]:
    """Map each table name in ``known`` to its refreshed CSV in ``folder`` (default: the
    current refresh), for those that have one."""
    folder = folder if folder is not None else current_folder()
    if folder is None:
        return {}
    return {name: folder / f"{name}.csv" for name in known if (folder / f"{name}.csv").is_file()}
