"""The tables a refresh builds from a new ICE 287(g) sheet, their checks, and reading the
agency-level one back.

From the sheet's normalised rows (:mod:`immfed.data.ice_sheet`) a refresh writes:

* ``agreements_by_agency``: one row per agreement (agency x model) on the new sheet;
* ``agreements_by_state``: the previous snapshots plus the new one, with zero rows;
* ``agreements_timeline``: the previous series plus one computed row for the new date;
* ``sources``: the previous sources with the new sheet added, so every row resolves.

All four are described in ``datapackage.json`` and checked against its schema before
they are published. The package ships ``agreements_by_agency`` with no rows (the course
curates state-level counts only); a refresh supplies them.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

from .catalog import SHIPPED_ROOT, Catalog
from .ice_sheet import RefreshError
from .integrity import model_split_problems, state_problems
from .states import ALL_CODES, STATES
from .userdata import current_folder, refreshed_tables, user_data_dir

AGENCY_TABLE = "agreements_by_agency"
AGENCY_FIELDS = ["snapshot", "state_code", "state", "agency", "county", "agency_type", "model",
                 "signed", "source_id"]
REFRESHED = ("sources", "agreements_by_state", "agreements_timeline", AGENCY_TABLE)
"""The tables a refresh writes into its folder of the user data folder."""


def _read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def base_tables(current: Path | None) -> dict[str, Path]:
    """The tables a refresh builds on: the last refresh if there is one, else the shipped ones."""
    names = [n for n in REFRESHED if n != AGENCY_TABLE]
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
    _write_rows(out / f"{AGENCY_TABLE}.csv", AGENCY_FIELDS, agency_rows)

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


def check_tables(folder: Path) -> None:
    """Check the new tables with the shipped schema and the cross-table rules."""
    overrides = {n: folder / f"{n}.csv" for n in REFRESHED}
    cat = Catalog(SHIPPED_ROOT, overrides)
    for name in overrides:
        cat.parsed(name)
    problems = model_split_problems(cat) + [p for p in state_problems(cat) if p.startswith(tuple(overrides))]
    if problems:
        raise RefreshError("refreshed tables failed their checks: " + "; ".join(problems[:5]))


def shipped_snapshot(snapshot: dt.date) -> str | None:
    """The source id of the curated snapshot the package ships for ``snapshot``, if any."""
    _, rows = _read_rows(SHIPPED_ROOT / "tables" / "agreements_by_state.csv")
    return next((r["source_id"] for r in rows if r["snapshot"] == snapshot.isoformat()), None)


def load_agencies(root: Path | None = None) -> pd.DataFrame:
    """The agency-level table of the latest refresh, checked against its schema (empty,
    with the same columns, when no refresh has been made).

    ``root`` is the user data folder (default: the platform's, or ``IMMFED_USER_DATA``).
    Raises :class:`UserDataError` naming the folder if the refreshed table is damaged.
    """
    root = Path(root) if root else user_data_dir()
    folder = current_folder(root)
    overrides = refreshed_tables(list(REFRESHED), folder) if folder else {}
    return Catalog(SHIPPED_ROOT, overrides, user_folder=folder).load(AGENCY_TABLE)
