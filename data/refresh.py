"""Ingest a newer ICE 287(g) participating-agencies spreadsheet into the user data folder.

ICE republishes the sheet every week or two. ``refresh_287g(source)`` reads it as ICE
prints it, normalises state names and model labels, checks everything, and only then
publishes three tables to the user data folder (never into the installed package):

* ``agreements_by_agency``: one row per agreement (agency x model) on the new sheet;
* ``agreements_by_state``: the shipped snapshots plus the new one, with zero rows;
* ``agreements_timeline``: the shipped series plus one computed row for the new date;

and a ``sources.csv`` with the new sheet added, so every row still resolves to a source.

Reading the sheet (headers, state names, repeats) lives in ``ice_sheet.py``.

Publishing is atomic: tables are written to a new snapshot folder, checked with the
same schema as the shipped data, and a one-line pointer file is then replaced in one
``os.replace``. A refresh that fails or is interrupted leaves the previous data whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .catalog import SHIPPED_ROOT, Catalog
from .integrity import model_split_problems, state_problems
from .ice_sheet import (RefreshError, normalise_model, normalise_state, read_ice_sheet,  # noqa: F401
                        snapshot_from_filename)
from .states import ALL_CODES, STATES
from .userdata import POINTER, current_folder, user_data_dir
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


def refresh_287g(source: str | Path, snapshot: dt.date | None = None,
                 root: Path | None = None) -> RefreshResult:
    """Ingest ICE's sheet at ``source`` (a path, or a URL when online) and publish it.

    ``snapshot`` is the date of the sheet; when omitted it is read from ICE's file name.
    ``root`` is the user data folder (default: the platform's, or ``IMMFED_USER_DATA``).
    Nothing is written unless every check passes.
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
        rows, fixes = read_ice_sheet(path)
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
        try:
            build_tables(rows, snapshot, source if is_url else ICE_287G_PAGE, path.name, staging,
                         _base_tables(current_folder(root)))
            _validate(staging)
            final = root / f"snapshot-{snapshot:%Y%m%d}-{dt.datetime.now():%H%M%S%f}"
            staging.rename(final)
        except Exception:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    # the single atomic step: point at the new folder
    pointer_tmp = root / (POINTER + ".tmp")
    pointer_tmp.write_text(final.name, encoding="utf-8")
    os.replace(pointer_tmp, root / POINTER)
    counts = rows["model"].value_counts()
    return RefreshResult(snapshot, len(rows), {m: int(counts.get(m, 0)) for m in ("jem", "wso", "tfm")},
                         rows["state_code"].nunique(), final, fixes)


def load_agencies(root: Path | None = None) -> pd.DataFrame:
    """The agency-level table from the latest refresh (empty if no refresh has been made)."""
    folder = current_folder(root)
    if folder is None or not (folder / "agreements_by_agency.csv").is_file():
        return pd.DataFrame(columns=AGENCY_FIELDS)
    frame = pd.read_csv(folder / "agreements_by_agency.csv", dtype="string")
    for col in ("snapshot", "signed"):
        frame[col] = pd.to_datetime(frame[col], errors="coerce")
    return frame


__all__ = ["refresh_287g", "read_ice_sheet", "RefreshError", "RefreshResult", "load_agencies",
           "normalise_state", "normalise_model", "snapshot_from_filename", "DataError"]
