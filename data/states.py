"""U.S. states, DC and territories: the one place the course reads codes, names and map tiles.

The rows live in ``tables/states.csv`` (a table of the data package: every ``state_code``
column of the other tables must name one of its rows). This module reads that file once at
import and offers:

- ``STATES`` (the 50 states and DC), ``TERRITORIES`` and ``ALL_CODES``: code -> name;
- ``TILE_GRID``: code -> (row, column) of the state's square on the offline tile-grid map,
  so maps draw with no geometry download (plotly's state outlines come from a CDN);
- :func:`state_code`, the single function that turns what a user typed ("tx", " Texas ")
  into a code, used by every tool that takes a state.
"""

from __future__ import annotations

import csv
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "tables" / "states.csv"


def _read(path: Path = TABLE) -> list[dict]:
    # The shipped table, read with the csv module: this runs at import, so no pandas and no
    # user-data override (state codes are not refreshed from outside).
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


_ROWS = _read()

STATES: dict[str, str] = {r["state_code"]: r["name"] for r in _ROWS if r["kind"] in ("state", "district")}
"""The 50 states and DC."""

TERRITORIES: dict[str, str] = {r["state_code"]: r["name"] for r in _ROWS if r["kind"] == "territory"}

ALL_CODES: dict[str, str] = {**STATES, **TERRITORIES}
NAME_TO_CODE: dict[str, str] = {name.lower(): code for code, name in ALL_CODES.items()}

TILE_GRID: dict[str, tuple[int, int]] = {r["state_code"]: (int(r["tile_row"]), int(r["tile_col"])) for r in _ROWS}
"""(row, column) of each tile; rows grow downwards."""


def state_code(value, allow_territories: bool = True) -> str:
    """The two-letter code for what a user gave: a code ("tx") or a full name ("Texas").

    Case and extra spaces do not matter. Anything else, including a name that is only close
    to a state's, raises ``ValueError`` listing the accepted codes: the course never guesses
    which state was meant. With ``allow_territories=False`` only the 50 states and DC pass.
    """
    accepted = ALL_CODES if allow_territories else STATES
    text = " ".join(value.split()) if isinstance(value, str) else None
    if text is not None:
        if text.upper() in accepted:
            return text.upper()
        code = NAME_TO_CODE.get(text.lower())
        if code in accepted:
            return code
    scope = "" if allow_territories else "; the 50 states and DC only"
    raise ValueError(f"Unknown state {value!r}. Accepted: {', '.join(sorted(accepted))} "
                     f"(two-letter postal codes, any case, or a full name such as 'Texas'{scope}).")
