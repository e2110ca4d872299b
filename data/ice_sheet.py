"""Read ICE's 287(g) participating-agencies spreadsheet into clean agreement rows.

Column headers follow ICE's workbook as archived by the Deportation Data Project
(deportationdata/ice-287g, which reads STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE and
SIGNED, and optionally TYPE, COUNTY, MOA, ADDENDUM, after trimming and upper-casing).

ICE's sheet has slips. The ones fixed here are each reported: a state name ICE is known
to have misspelled, a one-letter slip that can only mean one state, a header row
repeated as data, a row repeated exactly. Anything that would need a guess (a name as
close to one state as to another, or far from every state) stops the refresh instead.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from .states import ALL_CODES, NAME_TO_CODE

REQUIRED = ["STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED"]
OPTIONAL = ["TYPE", "COUNTY", "MOA", "ADDENDUM"]

# ICE's current labels and the older spellings seen on archived sheets.
MODEL_LABELS = {
    "JAIL ENFORCEMENT MODEL": "jem", "JAIL ENFORCEMENT": "jem", "JEM": "jem",
    "WARRANT SERVICE OFFICER": "wso", "WARRANT SERVICES OFFICER": "wso",
    "WARRANT SERVICE OFFICE": "wso", "WSO": "wso",
    "TASK FORCE MODEL": "tfm", "TASK FORCE": "tfm", "TASK FORCE OFFICER": "tfm", "TFM": "tfm",
}

# State names ICE has actually printed wrongly (lower case). Fixed by name, so they never
# depend on the fuzzy rule below.
KNOWN_SLIPS = {
    "new hamsphire": "NH",  # ParticipatingAgencies09212026pm.xlsx and 09282026
}

# A one-edit slip is fixed only when every other state name is at least this many edits
# away, so "W Virginia" (two from Virginia, three from West Virginia) is never guessed.
_FUZZY_MARGIN = 3
_FUZZY_MIN_LENGTH = 5  # "Ohia" could be Ohio or a typo for anything; short names must match


class RefreshError(ValueError):
    """The spreadsheet could not be ingested; the message says what was found and expected."""


def squish(value) -> str:
    """A cell as text with runs of spaces collapsed and ends trimmed ('' for empty cells)."""
    return " ".join(str(value).split()) if value is not None and not pd.isna(value) else ""


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) that turn ``a`` into ``b``.

    Swapping neighbours counts as one edit because that is the commonest typing slip
    ("Hamsphire").
    """
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def accepted_state_names() -> str:
    """The names a STATE cell may hold, for error messages."""
    return ", ".join(sorted(ALL_CODES.values())) + " (any case), or their two-letter codes"


def normalise_state(raw: str) -> tuple[str, str | None]:
    """Return (code, fix note) for a state name as ICE printed it.

    Exact names (any case, extra spaces, footnote stars) and two-letter codes match
    directly. A known ICE misspelling, or a name one slip away from exactly one state
    with every other state far away, is fixed and the fix is described. Anything else
    raises :class:`RefreshError` listing the accepted names.
    """
    shown = squish(raw)
    name = re.sub(r"[*\u2020]+$", "", shown).strip().lower()
    if name in NAME_TO_CODE:
        return NAME_TO_CODE[name], None
    if name.upper() in ALL_CODES:
        return name.upper(), None
    if name in KNOWN_SLIPS:
        code = KNOWN_SLIPS[name]
        return code, f"state '{shown}' read as {ALL_CODES[code]} (a misspelling ICE has printed before)"
    distances = sorted((edit_distance(name, known), code) for known, code in NAME_TO_CODE.items())
    (best, code), (second, other) = distances[0], distances[1]
    if best == 1 and second >= _FUZZY_MARGIN and len(name) >= _FUZZY_MIN_LENGTH:
        return code, f"state '{shown}' read as {ALL_CODES[code]} (one letter off, and no other state is close)"
    if best <= 2:
        near = ALL_CODES[code] if second > best + 1 else f"{ALL_CODES[code]} and {ALL_CODES[other]}"
        why = f"it is near {near}, so it is not guessed"
    else:
        why = "it is not a U.S. state, DC or territory name"
    raise RefreshError(f"unknown state '{shown}': {why}. Accepted names: {accepted_state_names()}")


def normalise_model(raw: str) -> str:
    """Map ICE's SUPPORT TYPE label to jem, wso or tfm, or raise :class:`RefreshError`."""
    key = squish(raw).upper().replace("\u2019", "'")
    if key in MODEL_LABELS:
        return MODEL_LABELS[key]
    raise RefreshError(f"unknown model label '{squish(raw)}' in SUPPORT TYPE; expected one of: "
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
        cells = {squish(v).upper() for v in raw.iloc[i].tolist()}
        if {"STATE", "LAW ENFORCEMENT AGENCY"} <= cells:
            return i
    first = [squish(v) for v in raw.iloc[0].tolist()] if len(raw) else []
    raise RefreshError(f"no header row with the expected columns {', '.join(REQUIRED)}; "
                       f"first row found: {', '.join(c for c in first if c) or '(empty)'}")


def _parse_signed(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = squish(value)
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y", "%m-%d-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None  # kept as unknown: a bad signing date never stops a refresh


def read_ice_sheet(path: Path | str) -> tuple[pd.DataFrame, list[str]]:
    """Read an ICE participating-agencies workbook into normalised agreement rows.

    Returns (rows, fixes): rows have state_code, state, agency, county, agency_type,
    model and signed; fixes lists every correction made (fixed state names, dropped
    repeated header rows, dropped exact repeats of a row). Raises :class:`RefreshError`
    naming the sheet row and what was found.
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
    header = [squish(v).upper() for v in raw.iloc[h].tolist()]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RefreshError(f"{path.name}: missing column(s) {', '.join(missing)}; found columns: "
                           f"{', '.join(c for c in header if c)}; expected {', '.join(REQUIRED)}")
    body = raw.iloc[h + 1:].copy()
    body.columns = [c if c else f"_blank{i}" for i, c in enumerate(header)]
    fixes: list[str] = []
    rows = []
    seen: dict[tuple, int] = {}  # every cell of a row -> the sheet row it first appeared on
    for offset, (_, rec) in enumerate(body.iterrows(), start=h + 2):
        state_raw, agency = squish(rec["STATE"]), squish(rec["LAW ENFORCEMENT AGENCY"])
        if not state_raw and not agency:
            continue  # blank spacer rows
        if state_raw.upper() == "STATE" and agency.upper() == "LAW ENFORCEMENT AGENCY":
            fixes.append(f"sheet row {offset}: a repeated header row was not counted as an agreement")
            continue
        # A row identical in every column is the same agreement listed twice, not two.
        cells = tuple(squish(v) for v in rec.tolist())
        if cells in seen:
            fixes.append(f"sheet row {offset}: an exact repeat of sheet row {seen[cells]} was dropped "
                         "(counted once)")
            continue
        seen[cells] = offset
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
                     "county": squish(rec["COUNTY"]) if "COUNTY" in body else "",
                     "agency_type": squish(rec["TYPE"]) if "TYPE" in body else "",
                     "model": model, "signed": _parse_signed(rec["SIGNED"])})
    if not rows:
        raise RefreshError(f"{path.name}: no agreement rows under the header")
    return pd.DataFrame(rows), fixes
