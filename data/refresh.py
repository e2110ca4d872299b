"""Ingest a newer ICE 287(g) participating-agencies spreadsheet into the user data folder.

ICE republishes the sheet every week or two. ``refresh_287g(source)`` reads it as ICE
prints it, normalises state names and model labels, checks everything, and only then
publishes three tables to the user data folder (never into the installed package):

* ``agreements_by_agency``: one row per agreement (agency x model) on the new sheet;
* ``agreements_by_state``: the shipped snapshots plus the new one, with zero rows;
* ``agreements_timeline``: the shipped series plus one computed row for the new date;

and a ``sources.csv`` with the new sheet added, so every row still resolves to a source.

Column headers follow ICE's workbook as archived by the Deportation Data Project
(deportationdata/ice-287g, which reads STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE and
SIGNED, and optionally TYPE, COUNTY, MOA, ADDENDUM, after trimming and upper-casing).

Publishing is atomic: tables are written to a new snapshot folder, checked with the
same schema as the shipped data, and a one-line pointer file is then replaced in one
``os.replace``. A refresh that fails or is interrupted leaves the previous data whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .catalog import SHIPPED_ROOT, Catalog
from .integrity import model_split_problems, state_problems
from .states import ALL_CODES, NAME_TO_CODE, STATES
from .userdata import POINTER, current_folder, user_data_dir
from .validate import DataError

REQUIRED = ["STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED"]
OPTIONAL = ["TYPE", "COUNTY", "MOA", "ADDENDUM"]

# ICE's current labels and the older spellings seen on archived sheets.
MODEL_LABELS = {
    "JAIL ENFORCEMENT MODEL": "jem", "JAIL ENFORCEMENT": "jem", "JEM": "jem",
    "WARRANT SERVICE OFFICER": "wso", "WARRANT SERVICES OFFICER": "wso",
    "WARRANT SERVICE OFFICE": "wso", "WSO": "wso",
    "TASK FORCE MODEL": "tfm", "TASK FORCE": "tfm", "TASK FORCE OFFICER": "tfm", "TFM": "tfm",
}

ICE_287G_PAGE = "https://www.ice.gov/identify-and-arrest/287g"

AGENCY_FIELDS = ["snapshot", "state_code", "state", "agency", "county", "agency_type", "model",
                 "signed", "source_id"]


class RefreshError(ValueError):
    """The spreadsheet could not be ingested; the message says what was found and expected."""


@dataclass
class RefreshResult:
    """What a refresh read and wrote."""

    snapshot: dt.date
    agreements: int
    by_model: dict[str, int]
    states: int
    folder: Path
    fixes: list[str] = field(default_factory=list)


# -- reading -----------------------------------------------------------------------
def _squish(value) -> str:
    return " ".join(str(value).split()) if value is not None and not pd.isna(value) else ""


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, enough to catch a transposed or dropped letter in a state name."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def normalise_state(raw: str) -> tuple[str, str | None]:
    """Return (code, fix note) for a state name as ICE printed it.

    Exact names (any case, extra spaces, footnote stars) match directly; a name within
    two edits of exactly one state (ICE once printed "New Hamsphire") is snapped to it
    and the fix is reported. Anything else raises :class:`RefreshError`.
    """
    name = re.sub(r"[*\u2020]+$", "", _squish(raw)).lower()
    if name in NAME_TO_CODE:
        return NAME_TO_CODE[name], None
    if name.upper() in ALL_CODES:
        return name.upper(), None
    close = [code for known, code in NAME_TO_CODE.items() if _edit_distance(name, known) <= 2]
    if len(close) == 1:
        return close[0], f"state '{_squish(raw)}' read as {ALL_CODES[close[0]]}"
    raise RefreshError(f"unknown state '{_squish(raw)}'; expected a U.S. state, DC or territory name")


def normalise_model(raw: str) -> str:
    """Map ICE's SUPPORT TYPE label to jem, wso or tfm, or raise :class:`RefreshError`."""
    key = _squish(raw).upper().replace("\u2019", "'")
    if key in MODEL_LABELS:
        return MODEL_LABELS[key]
    raise RefreshError(f"unknown model label '{_squish(raw)}' in SUPPORT TYPE; expected one of: "
                       f"{', '.join(sorted(set(MODEL_LABELS)))}")


def snapshot_from_filename(name: str) -> dt.date | None:
    """ICE names sheets like participatingAgencies10092026.xlsx (MMDDYYYY, sometimes + am/pm)."""
    match = re.search(r"(\d{2})(\d{2})(\d{4})", Path(name).stem)
    if not match:
        return None
    month, day, year = map(int, match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _find_header(raw: pd.DataFrame) -> int:
    """Index of the row holding ICE's column headers (title rows may sit above it)."""
    for i in range(min(len(raw), 15)):
        cells = {_squish(v).upper() for v in raw.iloc[i].tolist()}
        if {"STATE", "LAW ENFORCEMENT AGENCY"} <= cells:
            return i
    first = [_squish(v) for v in raw.iloc[0].tolist()] if len(raw) else []
    raise RefreshError(f"no header row with the expected columns {', '.join(REQUIRED)}; "
                       f"first row found: {', '.join(c for c in first if c) or '(empty)'}")


def _parse_signed(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _squish(value)
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y", "%m-%d-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None  # kept as unknown: a bad signing date never stops a refresh


def read_ice_sheet(path: Path | str) -> tuple[pd.DataFrame, list[str]]:
    """Read an ICE participating-agencies workbook into normalised agreement rows.

    Returns (rows, fixes): rows have state_code, state, agency, county, agency_type,
    model and signed; fixes lists every correction made (snapped state names, dropped
    repeated header rows). Raises :class:`RefreshError` naming what was found.
    """
    path = Path(path)
    try:
        sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=object)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise RefreshError(f"{path.name} could not be read as an Excel workbook ({exc})") from None
    # ICE's workbooks keep the roster on a tab called Data or Sheet1; else take the first.
    tab = next((t for t in sheets if re.match(r"^(data|sheet)", t, re.I)), next(iter(sheets)))
    raw = sheets[tab]
    if raw.empty:
        raise RefreshError(f"{path.name}: sheet '{tab}' is empty")
    h = _find_header(raw)
    header = [_squish(v).upper() for v in raw.iloc[h].tolist()]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RefreshError(f"{path.name}: missing column(s) {', '.join(missing)}; found columns: "
                           f"{', '.join(c for c in header if c)}; expected {', '.join(REQUIRED)}")
    body = raw.iloc[h + 1:].copy()
    body.columns = [c if c else f"_blank{i}" for i, c in enumerate(header)]
    fixes: list[str] = []
    rows = []
    for offset, (_, rec) in enumerate(body.iterrows(), start=h + 2):
        state_raw, agency = _squish(rec["STATE"]), _squish(rec["LAW ENFORCEMENT AGENCY"])
        if not state_raw and not agency:
            continue  # blank spacer rows
        if state_raw.upper() == "STATE" and agency.upper() == "LAW ENFORCEMENT AGENCY":
            fixes.append(f"sheet row {offset}: a repeated header row was not counted as an agreement")
            continue
        if not state_raw or not agency:
            raise RefreshError(f"{path.name}, sheet row {offset}: STATE and LAW ENFORCEMENT AGENCY "
                               f"must both be filled (found '{state_raw}', '{agency}')")
        try:
            code, fix = normalise_state(state_raw)
            model = normalise_model(rec["SUPPORT TYPE"])
        except RefreshError as exc:
            raise RefreshError(f"{path.name}, sheet row {offset}: {exc}") from None
        if fix:
            fixes.append(f"sheet row {offset}: {fix}")
        rows.append({"state_code": code, "state": ALL_CODES[code], "agency": agency,
                     "county": _squish(rec["COUNTY"]) if "COUNTY" in body else "",
                     "agency_type": _squish(rec["TYPE"]) if "TYPE" in body else "",
                     "model": model, "signed": _parse_signed(rec["SIGNED"])})
    if not rows:
        raise RefreshError(f"{path.name}: no agreement rows under the header")
    return pd.DataFrame(rows), fixes


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
