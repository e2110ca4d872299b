"""Changing the user data folder safely: one writer at a time, atomic switches, a way back.

Every change to the user data folder (a refresh, a rollback, a reset) happens while
holding :func:`folder_lock`, so two refreshes started at once queue instead of both
building on the same old snapshot and one silently losing the other's figures.

A refresh builds its tables in a ``.incoming-*`` folder, renames it to its final
``snapshot-*`` name, adds that name to ``history.txt`` and only then replaces the
one-line pointer ``current.txt``: the switch is one ``os.replace``, so a refresh that
fails or is killed leaves the previous data exactly as it was. A killed refresh can
leave its ``.incoming-*`` folder behind; the next change removes it, which is safe
because nobody else can be writing while the lock is held.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX; on Windows the O_EXCL lock file below is used instead
    import fcntl
except ImportError:  # pragma: no cover - exercised by monkeypatching fcntl to None
    fcntl = None

from .agreement_tables import REFRESHED
from .catalog import SHIPPED_ROOT, Catalog
from .userdata import (FIX_UNWRITABLE, HISTORY, POINTER, UserDataError, current_folder, history,
                       pointer_name)
from .validate import DataError

LOCK = ".refresh.lock"           # held with flock; never deleted (deleting a flock file races)
LOCK_EXCL = ".refresh.lock.excl"  # the portable fallback: exists only while held
INCOMING = ".incoming-"
STALE_LOCK_SECONDS = 15 * 60     # a refresh takes seconds; a fallback lock this old is abandoned
DEFAULT_WAIT = 120.0             # how long a second refresh queues before it gives up


class FolderBusy(UserDataError):
    """Another refresh, rollback or reset holds the user data folder."""


def _unwritable(root: Path, exc: OSError) -> UserDataError:
    return UserDataError(root, f"cannot be written ({exc.strerror or exc})", FIX_UNWRITABLE)


def _busy(root: Path, holder: str, wait: float) -> FolderBusy:
    who = f" (process {holder.split()[0]})" if holder.strip() else ""
    return FolderBusy(root, f"is being changed by another immfed command{who}, and it did not "
                            f"finish within {wait:g} seconds", "nothing was changed; run the command "
                            "again when the other one has finished")


def _pid_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe probe (os.kill with 0 is a Ctrl-C on Windows); age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


@contextmanager
def _flock(root: Path, wait: float) -> Iterator[None]:
    try:
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise _unwritable(root, exc) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(root, os.pread(fd, 100, 0).decode("ascii", "replace"), wait) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {time.time():.0f}\n".encode(), 0)  # who holds it, for messages
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _lock_is_stale(path: Path) -> bool:
    """A fallback lock file is abandoned if its process is gone or it is very old."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").split()
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return False  # released between our attempt and this look; just try again
    if age > STALE_LOCK_SECONDS:
        return True
    return bool(text) and text[0].isdigit() and not _pid_alive(int(text[0]))


@contextmanager
def _excl_lock(root: Path, wait: float) -> Iterator[None]:
    # Creating a file with O_EXCL succeeds for exactly one process. A lock left by a killed
    # process is removed once its process is gone or it is older than STALE_LOCK_SECONDS.
    # (Two processes removing the same stale lock at the same instant could both go on;
    # this fallback is only used where fcntl does not exist.)
    path = root / LOCK_EXCL
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            if _lock_is_stale(path):
                path.unlink(missing_ok=True)
                continue
            if time.monotonic() >= deadline:
                holder = path.read_text(encoding="ascii", errors="replace") if path.exists() else ""
                raise _busy(root, holder, wait) from None
            time.sleep(0.05)
        except OSError as exc:
            raise _unwritable(root, exc) from None
    try:
        os.write(fd, f"{os.getpid()} {time.time():.0f}\n".encode())
        os.close(fd)
        yield
    finally:
        path.unlink(missing_ok=True)


@contextmanager
def folder_lock(root: Path, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the user data folder for one change; wait up to ``wait`` seconds for another
    command to finish, then raise :class:`FolderBusy`. Creates ``root`` if needed."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(root, exc) from None
    with (_flock if fcntl is not None else _excl_lock)(root, wait):
        yield


def clean_incoming(root: Path) -> list[str]:
    """Remove unfinished ``.incoming-*`` folders and half-written pointer files left by
    killed refreshes. Call only while holding :func:`folder_lock` (then none is in use)."""
    removed = []
    half_written = [p for p in root.glob("*.tmp") if p.name.startswith((POINTER, HISTORY))]
    for path in sorted(root.glob(INCOMING + "*")) + sorted(half_written):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        if not path.exists():
            removed.append(path.name)
    return removed


def new_staging(root: Path) -> Path:
    """An empty ``.incoming-*`` folder for a refresh to build in."""
    try:
        return Path(tempfile.mkdtemp(prefix=INCOMING, dir=root))
    except OSError as exc:
        raise _unwritable(root, exc) from None


def snapshot_problem(folder: Path) -> str | None:
    """Why the refreshed tables in ``folder`` cannot be used, or None if they check out."""
    if not folder.is_dir():
        return f"{folder.name} is gone"
    overrides = {n: folder / f"{n}.csv" for n in REFRESHED if (folder / f"{n}.csv").is_file()}
    cat = Catalog(SHIPPED_ROOT, overrides)
    try:
        for name in overrides:
            cat.parsed(name)
    except DataError as exc:
        return f"{folder.name}/{exc}"
    return None


def intact_base(root: Path) -> tuple[Path | None, str | None]:
    """The refresh a new refresh should build on, and a note if it is not the current one.

    Normally the current refresh. If the pointer or the current tables are damaged, the
    newest earlier refresh that checks out, else the shipped tables (None): a damaged
    folder never blocks a refresh, and the note says what was skipped.
    """
    try:
        current = current_folder(root)
    except UserDataError as exc:
        problem, current = f"{exc.folder.name} {exc.problem}", None
    else:
        if current is None:
            return None, None
        problem = snapshot_problem(current)
        if problem is None:
            return current, None
    names = history(root)
    if current is not None and current.name in names:
        names = names[:names.index(current.name)]
    for name in reversed(names):
        if (root / name).is_dir() and snapshot_problem(root / name) is None:
            return root / name, f"the refresh in use was damaged ({problem}), so this one builds on {name}"
    return None, f"the refresh in use was damaged ({problem}), so this one builds on the shipped data"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _safe_pointer(root: Path) -> str | None:
    try:
        return pointer_name(root)
    except UserDataError:
        return None


def publish(root: Path, staging: Path, snapshot: dt.date) -> Path:
    """Make the checked tables in ``staging`` the current refresh; return their folder.

    Call while holding :func:`folder_lock`. On any failure the pointer and history are
    as they were and the new folder is removed.
    """
    final = root / f"snapshot-{snapshot:%Y%m%d}-{dt.datetime.now():%H%M%S%f}"
    old_history = (root / HISTORY).read_text(encoding="utf-8") if (root / HISTORY).is_file() else None
    names = history(root)
    current = _safe_pointer(root)
    if current in names:
        names = names[:names.index(current) + 1]
    elif current:
        names.append(current)  # a pointer from before history.txt existed
    try:
        staging.rename(final)
        _write_atomic(root / HISTORY, "".join(f"{n}\n" for n in [*names, final.name]))
        _write_atomic(root / POINTER, final.name)  # the single step that switches the data
    except OSError as exc:
        if old_history is None:
            (root / HISTORY).unlink(missing_ok=True)
        else:
            _write_atomic(root / HISTORY, old_history)
        shutil.rmtree(final if final.exists() else staging, ignore_errors=True)
        raise _unwritable(root, exc) from None
    return final


def rollback(root: Path, wait: float = DEFAULT_WAIT) -> str:
    """Switch back to the refresh published before the current one; return what was done.

    Skips earlier refreshes whose tables are damaged. The rolled-back folder stays on
    disk. Raises :class:`UserDataError` when there is nothing to go back to.
    """
    if not (root / POINTER).exists():  # checked before locking so a refusal creates nothing
        raise UserDataError(root, "has no refresh in use, so there is nothing to roll back",
                            "the course already reads the shipped data")
    with folder_lock(root, wait):
        clean_incoming(root)
        try:
            current = pointer_name(root)
        except UserDataError:
            current = "damaged"
        if current is None:
            raise UserDataError(root, "has no refresh in use, so there is nothing to roll back",
                                "the course already reads the shipped data")
        names = history(root)
        earlier = names[:names.index(current)] if current in names else names
        skipped = []
        for name in reversed(earlier):
            problem = snapshot_problem(root / name)
            if problem is None:
                try:
                    _write_atomic(root / HISTORY, "".join(f"{n}\n" for n in names[:names.index(name) + 1]))
                    _write_atomic(root / POINTER, name)
                except OSError as exc:
                    raise _unwritable(root, exc) from None
                was = f"{current}" if current != "damaged" else f"a damaged {POINTER}"
                extra = f" (skipped damaged {', '.join(skipped)})" if skipped else ""
                left = f"{current} is kept on disk but no longer used" if current != "damaged" else \
                    "the damaged pointer was replaced"
                return f"Rolled back from {was} to {name}{extra} in {root}; {left}."
            skipped.append(name)
        raise UserDataError(root, f"has no earlier intact refresh to roll back to from {current}",
                            "run `immfed data reset` to go back to the shipped data")


def reset(root: Path, wait: float = DEFAULT_WAIT) -> str:
    """Stop using every refresh, so the course reads the shipped tables; return what was done.

    The snapshot folders stay on disk (nothing a user ingested is deleted) but nothing in
    the folder is in use any more. Raises :class:`UserDataError` if no refresh is in use.
    """
    if not (root / POINTER).exists() and not (root / HISTORY).exists():
        raise UserDataError(root, "has no refresh in use, so there is nothing to reset",
                            "the course already reads the shipped data")
    with folder_lock(root, wait):
        removed = clean_incoming(root)
        try:
            for name in (POINTER, HISTORY):  # pointer first: once it is gone, shipped data is in use
                (root / name).unlink(missing_ok=True)
        except OSError as exc:
            raise _unwritable(root, exc) from None
        kept = sorted(p.name for p in root.glob("snapshot-*") if p.is_dir())
        note = f"; removed {len(removed)} unfinished folder(s)" if removed else ""
        return (f"Reset: the course reads the shipped data again. {root} has no refresh in use; "
                f"its {len(kept)} snapshot folder(s) were kept on disk, unused{note}.")
