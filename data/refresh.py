"""``immfed data refresh-287g``: ingest a newer ICE 287(g) participating-agencies sheet.

ICE republishes the sheet every week or two. ``refresh_287g(source)`` takes it through
these steps, each in its own module, and publishes only if every check passes:

1. download it when given a URL (:mod:`~immfed.data.download`);
2. read it as ICE prints it, fixing known slips and reporting each fix
   (:mod:`~immfed.data.ice_sheet`);
3. build the refreshed tables and check them against the shipped schema and the
   cross-table rules (:mod:`~immfed.data.agreement_tables`);
4. publish them to the user data folder, never into the installed package: one refresh
   at a time, an atomic switch, a way back (:mod:`~immfed.data.publish`).

A refresh that fails or is interrupted leaves the previous data whole.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .agreement_tables import base_tables, build_tables, check_tables, load_agencies, shipped_snapshot
from .download import download
from .ice_sheet import (RefreshError, normalise_model, normalise_state, read_ice_sheet,  # noqa: F401
                        snapshot_from_filename)
from .publish import DEFAULT_WAIT, clean_incoming, folder_lock, intact_base, new_staging, publish
from .userdata import FIX_UNWRITABLE, UserDataError, user_data_dir
from .validate import DataError

ICE_287G_PAGE = "https://www.ice.gov/identify-and-arrest/287g"


@dataclass
class RefreshResult:
    """What a refresh read and wrote."""

    snapshot: dt.date
    agreements: int
    by_model: dict[str, int]
    states: int
    folder: Path
    fixes: list[str] = field(default_factory=list)


def refresh_287g(source: str | Path, snapshot: dt.date | None = None,
                 root: Path | None = None, *, replace_shipped: bool = False,
                 wait: float = DEFAULT_WAIT) -> RefreshResult:
    """Ingest ICE's sheet at ``source`` (a path, or a URL when online) and publish it.

    ``snapshot`` is the date of the sheet; when omitted it is read from ICE's file name.
    A date the package already ships a curated snapshot for is refused unless
    ``replace_shipped`` is true, because the refresh would replace those figures and
    their source. ``root`` is the user data folder (default: the platform's, or
    ``IMMFED_USER_DATA``). If another refresh is running, this one waits up to ``wait``
    seconds for it. Nothing is written unless every check passes.
    """
    root = Path(root) if root else user_data_dir()
    source = str(source)
    with tempfile.TemporaryDirectory() as tmp:
        is_url = source.startswith(("http://", "https://"))
        path = download(source, Path(tmp)) if is_url else Path(source)
        if not path.is_file():
            raise RefreshError(f"{source}: no such file")
        snapshot = snapshot or snapshot_from_filename(path.name)
        if snapshot is None:
            raise RefreshError(f"cannot tell the sheet's date from the name '{path.name}'; "
                               f"pass it with --date YYYY-MM-DD")
        if snapshot > dt.date.today():
            raise RefreshError(f"sheet date {snapshot} is in the future")
        curated = shipped_snapshot(snapshot)
        if curated and not replace_shipped:
            raise RefreshError(f"the course ships a curated snapshot dated {snapshot} (source {curated}), "
                               "and this refresh would replace its figures and source; pass "
                               "--replace-shipped to do that on purpose")
        rows, fixes = read_ice_sheet(path)
    if curated:
        fixes.append(f"replaced the shipped snapshot of {snapshot} (source {curated}) as asked")
    with folder_lock(root, wait):
        # Inside the lock: nobody else is writing, so leftovers are safe to remove and the
        # base read here is still the newest when this refresh publishes.
        removed = clean_incoming(root)
        if removed:
            fixes.append(f"removed {len(removed)} unfinished folder(s) left by interrupted refreshes")
        base, note = intact_base(root)
        if note:
            fixes.append(note)
        staging = new_staging(root)
        try:
            build_tables(rows, snapshot, source if is_url else ICE_287G_PAGE, path.name, staging,
                         base_tables(base))
            check_tables(staging)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise UserDataError(root, f"could not be written ({exc.strerror or exc})", FIX_UNWRITABLE) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        final = publish(root, staging, snapshot)
    counts = rows["model"].value_counts()
    return RefreshResult(snapshot, len(rows), {m: int(counts.get(m, 0)) for m in ("jem", "wso", "tfm")},
                         rows["state_code"].nunique(), final, fixes)


__all__ = ["refresh_287g", "read_ice_sheet", "RefreshError", "RefreshResult", "load_agencies",
           "normalise_state", "normalise_model", "snapshot_from_filename", "DataError", "UserDataError"]
