"""Ingest a newer ICE 287(g) participating-agencies spreadsheet into the user data folder.

ICE republishes the sheet every week or two. ``refresh_287g(source)`` reads it as ICE
prints it, normalises state names and model labels, checks everything, and only then
publishes three tables to the user data folder (never into the installed package):

* ``agreements_by_agency``: one row per agreement (agency x model) on the new sheet;
* ``agreements_by_state``: the shipped snapshots plus the new one, with zero rows;
* ``agreements_timeline``: the shipped series plus one computed row for the new date;

and a ``sources.csv`` with the new sheet added, so every row still resolves to a source.

Reading the sheet (headers, state names, repeats) lives in ``ice_sheet.py``.

Publishing (one refresh at a time, an atomic switch, a way back) lives in
``publish.py``. A refresh that fails or is interrupted leaves the previous data whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .catalog import SHIPPED_ROOT, Catalog
from .ice_sheet import (RefreshError, normalise_model, normalise_state, read_ice_sheet,  # noqa: F401
                        snapshot_from_filename)
from .integrity import model_split_problems, state_problems
from .publish import DEFAULT_WAIT, clean_incoming, folder_lock, intact_base, new_staging, publish
from .states import ALL_CODES, STATES
from .userdata import FIX_UNWRITABLE, UserDataError, current_folder, user_data_dir
from .validate import DataError

ICE_287G_PAGE = "https://www.ice.gov/identify-and-arrest/287g"

AGENCY_FIELDS = ["snapshot", "state_code", "state", "agency", "county", "agency_type", "model",
                 "signed", "source_id"]


@dataclass
class RefreshResult:
    """What a refresh read and wrote."""

    snapshot: dt.date
    agreements: int
    by_model: dict[str, int]
    states: int
    folder: Path
    fixes: list[str] = field(default_factory=list)


# -- building the new tables ---------------------------------------------------------
def _read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _base_tables(current: Path | None) -> dict[str, Path]:
    """The tables a refresh builds on: the last refresh if there is one, else the shipped ones."""
    names = ["sources", "agreements_by_state", "agreements_timeline"]
    if current:
        return {n: current / f"{n}.csv" for n in names}
    return {n: SHIPPED_ROOT / "tables" / f"{n}.csv" for n in names}


def build_tables(rows: pd.DataFrame, snapshot: dt.date, source_url: str, file_name: str,
                 out: Path, base: dict[str, Path]) -> None:
    """Write the four refreshed CSVs for ``snapshot`` into folder ``out``."""
    sid = f"ice_287g_sheet_{snapshot:%Y_%m_%d}"
    today = dt.date.today().isoformat()
    # sources: keep everything, add (or replace) this sheet's row
    fields, sources = _read_rows(base["sources"])
    sources = [s for s in sources if s["source_id"] != sid]
    sources.append({"source_id": sid, "title": f"287(g) participating agencies ({file_name})",
                    "publisher": "U.S. Immigration and Customs Enforcement", "author": "",
                    "published": snapshot.isoformat(), "url": source_url, "kind": "government_data",
                    "checked": today,
                    "note": "Ingested with immfed data refresh-287g; counts computed from the sheet's rows."})
    _write_rows(out / "sources.csv", fields, sorted(sources, key=lambda s: s["source_id"]))

    # agency level
    agency_rows = [{"snapshot": snapshot.isoformat(), **{k: r[k] for k in
                    ("state_code", "state", "agency", "county", "agency_type", "model")},
                    "signed": r["signed"].isoformat() if r["signed"] else "", "source_id": sid}
                   for r in rows.to_dict("records")]
    _write_rows(out / "agreements_by_agency.csv", AGENCY_FIELDS, agency_rows)

    # by state: previous snapshots, minus any earlier ingest of this date, plus this one
    fields, by_state = _read_rows(base["agreements_by_state"])
    by_state = [r for r in by_state if r["snapshot"] != snapshot.isoformat()]
    counts = rows.groupby(["state_code", "model"]).size().unstack(fill_value=0)
    listed = set(counts.index)
    for code in sorted(listed | set(STATES)):
        c = {m: int(counts.loc[code, m]) if code in listed and m in counts.columns else 0
             for m in ("jem", "wso", "tfm")}
        by_state.append({"snapshot": snapshot.isoformat(), "state_code": code, "state": ALL_CODES[code],
                         "total": sum(c.values()), **c, "basis": "computed" if code in listed else "zero",
                         "source_id": sid, "note": ""})
    _write_rows(out / "agreements_by_state.csv", fields, by_state)

    # timeline: one computed row for the new date
    fields, timeline = _read_rows(base["agreements_timeline"])
    timeline = [r for r in timeline if not (r["date"] == snapshot.isoformat() and r["source_id"] == sid)]
    model_totals = rows["model"].value_counts()
    timeline.append({"date": snapshot.isoformat(), "date_precision": "day", "count": len(rows),
                     "unit": "agreements", **{m: int(model_totals.get(m, 0)) for m in ("jem", "wso", "tfm")},
                     "states": len(listed), "basis": "computed", "source_id": sid,
                     "note": f"Rows on ICE's sheet {file_name}, counted by immfed data refresh-287g."})
    timeline.sort(key=lambda r: (r["date"], r["unit"], r["source_id"]))
    _write_rows(out / "agreements_timeline.csv", fields, timeline)


def _validate(folder: Path) -> None:
    """Check the new tables with the shipped schema and the cross-table rules."""
    overrides = {n: folder / f"{n}.csv" for n in ("sources", "agreements_by_state", "agreements_timeline")}
    cat = Catalog(SHIPPED_ROOT, overrides)
    for name in overrides:
        cat.parsed(name)
    problems = model_split_problems(cat) + [p for p in state_problems(cat) if "agreements_by_state" in p]
    if problems:
        raise RefreshError("refreshed tables failed their checks: " + "; ".join(problems[:5]))


def _fetch(url: str, folder: Path) -> Path:
    """Download ``url`` into ``folder`` (only used when the user gives a URL)."""
    target = folder / (Path(url.split("?")[0]).name or "participatingAgencies.xlsx")
    try:
        with urllib.request.urlopen(url, timeout=60) as resp, target.open("wb") as fh:
            shutil.copyfileobj(resp, fh)
    except OSError as exc:
        raise RefreshError(f"could not download {url}: {exc}") from None
    return target


def shipped_snapshot(snapshot: dt.date) -> str | None:
    """The source id of the curated snapshot the package ships for ``snapshot``, if any."""
    _, rows = _read_rows(SHIPPED_ROOT / "tables" / "agreements_by_state.csv")
    return next((r["source_id"] for r in rows if r["snapshot"] == snapshot.isoformat()), None)


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
        path = _fetch(source, Path(tmp)) if is_url else Path(source)
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
                         _base_tables(base))
            _validate(staging)
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


def load_agencies(root: Path | None = None) -> pd.DataFrame:
    """The agency-level table from the latest refresh (empty if no refresh has been made).

    Raises :class:`UserDataError` naming the folder if the table is damaged.
    """
    root = Path(root) if root else user_data_dir()
    folder = current_folder(root)
    if folder is None or not (folder / "agreements_by_agency.csv").is_file():
        return pd.DataFrame(columns=AGENCY_FIELDS)
    try:
        frame = pd.read_csv(folder / "agreements_by_agency.csv", dtype="string", encoding="utf-8")
        missing = [c for c in AGENCY_FIELDS if c not in frame.columns]
        if missing:
            raise ValueError(f"missing column(s) {', '.join(missing)}")
    except (OSError, ValueError, pd.errors.ParserError) as exc:  # UnicodeDecodeError is a ValueError
        raise UserDataError(root, f"has a damaged refreshed table ({folder.name}/agreements_by_agency.csv: "
                                  f"{exc})") from None
    for col in ("snapshot", "signed"):
        frame[col] = pd.to_datetime(frame[col], errors="coerce")
    return frame


__all__ = ["refresh_287g", "read_ice_sheet", "RefreshError", "RefreshResult", "load_agencies",
           "normalise_state", "normalise_model", "snapshot_from_filename", "DataError", "UserDataError"]
