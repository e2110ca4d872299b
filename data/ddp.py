"""Record-level ICE arrests and detainers from the Deportation Data Project (DDP).

The Deportation Data Project (deportationdata.org) publishes cleaned copies of the ICE
records it obtains through FOIA. This module reads two of its releases, checks them
against what DDP documents, and turns arrests into state-by-month counts::

    from immfed.data import ddp
    arrests = ddp.load_arrests("arrests-latest.parquet")      # or ddp.ARRESTS_URL
    arrests["method_group"] = ddp.group_method(arrests["apprehension_method"])
    table = ddp.by_state_month(arrests)                       # state x month x group
    detainers = ddp.load_detainers("detainers-latest.parquet")

What it checks (from DDP's cleaning code, ``deportationdata/ice`` ``code/arrests-latest.R``
and ``code/detainers-latest.R``, summarised in ``outcomes_brief.md`` section 6):

* the released column names (after DDP's renames, e.g. ``state`` ->
  ``apprehension_state_original``, ``anonymized_identifier`` -> ``unique_identifier``);
  a missing required column raises :class:`DDPError`;
* the allowed values DDP itself validates: ``gender`` is Male, Female or Unknown;
  ``apprehension_criminality`` is one of its three coded values; ``final_order_yes_no``
  is YES or NO. Missing values are allowed (DDP turns redacted cells into missing).
  Any other value raises :class:`DDPError` naming the file, the column, the first
  offending row (1 = first row of the file) and the allowed values;
* date columns hold dates: a column of numbers (which pandas would read as nanoseconds
  after 1970-01-01) raises :class:`DDPError` naming the file and column, and so does a
  file whose data pages are damaged (a partial download, say).

Rows DDP flags ``duplicate_drop_row`` (repeat rows for the same person within 24 hours,
other than the first) are dropped unless you pass ``drop_duplicates=False``. DDP says
about 5% of arrest rows involve possible duplicates.

Sources: a local path is read directly and nothing is downloaded. Only a string that
starts with ``http://`` or ``https://`` is downloaded (to a temporary file, removed
afterwards). Nothing is ever downloaded when this module is imported.

Engine: pandas with pyarrow (``pd.read_parquet(..., columns=...)``, reading only the
columns asked for). On a generated file of one million arrests, load plus state-by-month
aggregation takes well under the 10-second target on a 2-core machine (see
``benchmarks/ddp_bench.py``), so DuckDB, a second large dependency, would not buy
anything a student would notice; it was not adopted (and not measured).

pyarrow is an optional extra, not a core dependency: ``pip install
"immigration-federalism-course[ddp]"``. It is imported only when a file is read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "DDPError", "load_arrests", "load_detainers", "group_method", "by_state_month",
    "ARRESTS_URL", "DETAINERS_URL", "METHOD_GROUPS", "STATE_MONTH_COLUMNS",
]

# Public download location of the LFS-stored files in deportationdata/ice, as used by a
# third-party script (outcomes_brief.md section 6, S16). Check it still resolves.
_DDP_MEDIA = "https://media.githubusercontent.com/media/deportationdata/ice/main/data/"
ARRESTS_URL = _DDP_MEDIA + "arrests-latest.parquet"
DETAINERS_URL = _DDP_MEDIA + "detainers-latest.parquet"

INSTALL_HINT = 'pip install "immigration-federalism-course[ddp]"'

# ---- What the project documents --------------------------------------------------------

# Allowed values DDP validates (code/arrests-latest.R, pointblank col_vals_in_set).
# Missing values are always allowed.
ALLOWED_VALUES: dict[str, tuple[str, ...]] = {
    "gender": ("Male", "Female", "Unknown"),
    "apprehension_criminality": (
        "1 Convicted Criminal",
        "2 Pending Criminal Charges",
        "3 Other Immigration Violator",
    ),
    "final_order_yes_no": ("YES", "NO"),
}

# Required: a core subset we are sure every current release has (raw headers present in
# every version of DDP's script, or columns DDP's own checks require). Other documented
# columns are checked only when present, because DDP drops columns that are entirely
# blank or redacted.
ARRESTS_REQUIRED = (
    "apprehension_date",
    "apprehension_state_original",
    "apprehension_method",
    "apprehension_criminality",
    "gender",
    "unique_identifier",
)
ARRESTS_DOCUMENTED = ARRESTS_REQUIRED + (
    "apprehension_state_filled_in",
    "apprehension_aor",
    "final_program",
    "final_order_yes_no",
    "case_status",
    "case_category",
    "citizenship_country",
    "duplicate_likely",
    "duplicate_episode_identifier",
    "duplicate_episode_first",
    "duplicate_drop_row",
)
DETAINERS_REQUIRED = (
    "detainer_prepare_date",
    "facility_state",
    "facility_aor",
    "unique_identifier",
)
DETAINERS_DOCUMENTED = DETAINERS_REQUIRED + (
    "detainer_type",
    "detention_facility",
    "detention_facility_code",
    "detainer_prepared_criminality",
    "detainer_lift_reason",
    "apprehension_method",
    "apprehension_date",
    "gender",
    "final_order_yes_no",
)

# The columns by_state_month needs; pass them as ``columns=`` to read only these.
STATE_MONTH_COLUMNS = (
    "apprehension_date",
    "apprehension_state_filled_in",
    "apprehension_state_original",
    "apprehension_method",
)

# ---- Apprehension method groups ----------------------------------------------------------
#
# Which source each choice follows (outcomes_brief.md section 6):
# * "Located", "Non-Custodial Arrest" -> at-large: DDP's own FAQ (S20, verified) names
#   these two as the markers of likely community arrests.
# * "Probation and Parole", "Worksite Enforcement" -> at-large: the choice of a
#   DDP-style cleaning script (S24, verified_secondary), which DDP's current cleaning
#   code also makes in its ``apprehension_method_simple`` column. DDP's FAQ does NOT
#   name them as community markers; Probation and Parole in particular is a
#   third-party script's choice. We follow it so our counts match DDP's simplified
#   column; a student who wants the strict FAQ reading can regroup these two values.
# * "CAP Local Incarceration", "CAP State Incarceration", "CAP Federal Incarceration",
#   "Criminal Alien Program", "Custodial Arrest" -> custodial (transfers from jails and
#   prisons): the same script (S24). Putting both the old CAP values and "Custodial
#   Arrest" here keeps a state-by-month series continuous across the unconfirmed
#   late-July 2025 relabelling (see group_method).
# * "287(g) Program" -> 287(g): DDP documentation (S20) and the same script.
# * Any other non-missing value (e.g. "ERO Reprocessed Arrest", "Other Task Force",
#   "Patrol Interior") -> other, as in S24. Missing stays missing.
METHOD_GROUPS: dict[str, str] = {
    "Non-Custodial Arrest": "at-large",
    "Located": "at-large",
    "Probation and Parole": "at-large",
    "Worksite Enforcement": "at-large",
    "Custodial Arrest": "custodial",
    "CAP Local Incarceration": "custodial",
    "CAP State Incarceration": "custodial",
    "CAP Federal Incarceration": "custodial",
    "Criminal Alien Program": "custodial",
    "287(g) Program": "287(g)",
}
GROUP_ORDER = ("at-large", "custodial", "287(g)", "other")


class DDPError(ValueError):
    """A DDP file could not be read as documented.

    The message names the file and, where it applies, the ``column``, the first
    offending ``row`` (1 = first row of the file) and the ``allowed`` values; they are
    also kept as attributes.
    """

    def __init__(self, message: str, *, file: str | None = None, column: str | None = None,
                 row: int | None = None, allowed: Iterable[str] | None = None):
        self.file, self.column, self.row = file, column, row
        self.allowed = tuple(allowed) if allowed is not None else None
        where = [w for w in (file, f"column '{column}'" if column else None,
                             f"row {row}" if row is not None else None) if w]
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


# ---- Reading -------------------------------------------------------------------------------

def _pyarrow_parquet():
    """Import pyarrow.parquet only when a file is read; explain the extra if it is missing."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise DDPError("reading Deportation Data Project files needs pyarrow, which is an "
                       f"optional extra. Install it with: {INSTALL_HINT}") from exc
    return pq


def _is_url(source) -> bool:
    return isinstance(source, str) and source.strip().lower().startswith(("http://", "https://"))


def _download(url: str, dest: Path, timeout: float = 120) -> None:
    """Copy ``url`` to ``dest``. Only ever called for an explicit http(s) URL."""
    with urllib.request.urlopen(url, timeout=timeout) as response, open(dest, "wb") as out:
        shutil.copyfileobj(response, out, length=1 << 20)


@contextmanager
def _local_file(source) -> Iterator[tuple[Path, str]]:
    """Yield (a local path to read, the name to use in messages)."""
    if _is_url(source):
        url = source.strip()
        fd, tmp = tempfile.mkstemp(suffix=".parquet", prefix="immfed-ddp-")
        os.close(fd)
        try:
            try:
                _download(url, Path(tmp))
            except OSError as exc:
                raise DDPError(f"could not download: {exc}", file=url) from exc
            yield Path(tmp), url
        finally:
            Path(tmp).unlink(missing_ok=True)
        return
    path = Path(source).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file (give a local .parquet file, "
                                "or an http(s) URL to download one)")
    yield path, str(path)


def _read(source, required: Iterable[str], documented: Iterable[str],
          columns: Iterable[str] | None) -> tuple[pd.DataFrame, str]:
    """Read only the needed columns of a parquet file after checking the required ones."""
    pq = _pyarrow_parquet()
    required = list(dict.fromkeys(required))
    with _local_file(source) as (path, name):
        try:
            present = pq.read_schema(path).names
        except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for non-parquet
            raise DDPError(f"not a readable parquet file ({exc})", file=name) from exc
        missing = [c for c in required if c not in present]
        if missing:
            raise DDPError(
                f"missing required column(s) {missing}; the file has {sorted(present)}. "
                "Expected the Deportation Data Project's released column names.",
                file=name, column=missing[0])
        if columns is None:
            wanted = list(present)
        else:
            columns = list(columns)
            unknown = [c for c in columns if c not in present]
            if unknown:
                raise DDPError(f"asked for column(s) {unknown} that the file does not have",
                               file=name, column=unknown[0])
            # Add the columns checked below, so validation and de-duplication still run.
            extra = [c for c in documented if c in present and
                     (c in ALLOWED_VALUES or c == "duplicate_drop_row")]
            wanted = list(dict.fromkeys(required + extra + columns))
        try:
            frame = pd.read_parquet(path, engine="pyarrow", columns=wanted)
        except Exception as exc:  # pyarrow raises OSError or ArrowInvalid for a damaged page
            raise DDPError(f"the file is damaged and its data could not be read ({exc}). "
                           "Download it again; a partial or corrupted download reads like this",
                           file=name) from None
    return frame, name


def _check_values(frame: pd.DataFrame, name: str) -> None:
    """Raise DDPError at the first value outside DDP's documented set (missing is fine)."""
    for column, allowed in ALLOWED_VALUES.items():
        if column not in frame.columns:
            continue
        values = frame[column]
        bad = values.notna().to_numpy() & ~values.isin(allowed).to_numpy()
        if bad.any():
            i = int(bad.argmax())
            raise DDPError(
                f"value {values.iloc[i]!r} is not allowed; allowed values are "
                f"{list(allowed)} (or missing)",
                file=name, column=column, row=i + 1, allowed=allowed)


def _reject_numbers(values: pd.Series, column: str, name: str) -> None:
    """Raise DDPError if a date column holds numbers.

    pandas reads a whole number as nanoseconds since 1970, so an integer column would
    quietly become 1970-01-01 dates; DDP always releases dates as dates or date text.
    """
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        raise DDPError(f"holds numbers ({values.dtype}), not dates; expected a date column "
                       "as the Deportation Data Project releases it", file=name, column=column)
    if values.dtype == object:
        numeric = values.map(lambda v: isinstance(v, (int, float, np.number)) and not pd.isna(v))
        if numeric.any():
            i = int(numeric.to_numpy().argmax())
            raise DDPError(f"value {values.iloc[i]!r} is a number, not a date", file=name,
                           column=column, row=i + 1)


def _as_dates(frame: pd.DataFrame, column: str, name: str) -> None:
    """Make ``column`` a datetime column in place (parquet dates may arrive as objects)."""
    if column not in frame.columns or pd.api.types.is_datetime64_any_dtype(frame[column]):
        return
    raw = frame[column]
    _reject_numbers(raw, column, name)
    converted = pd.to_datetime(raw, errors="coerce")
    bad = (raw.notna() & converted.isna()).to_numpy()
    if bad.any():
        i = int(bad.argmax())
        raise DDPError(f"value {raw.iloc[i]!r} is not a date", file=name, column=column,
                       row=i + 1)
    frame[column] = converted


def _drop_flag(frame: pd.DataFrame, name: str) -> np.ndarray:
    """``duplicate_drop_row`` as a numpy bool array (missing = keep)."""
    flag = frame["duplicate_drop_row"]
    if pd.api.types.is_bool_dtype(flag):
        return flag.fillna(False).to_numpy(dtype=bool)
    bad = (flag.notna() & ~flag.isin([True, False])).to_numpy()
    if bad.any():
        i = int(bad.argmax())
        raise DDPError(f"value {flag.iloc[i]!r} is not allowed; allowed values are "
                       "[True, False] (or missing)", file=name, column="duplicate_drop_row",
                       row=i + 1, allowed=("True", "False"))
    return flag.fillna(False).astype(bool).to_numpy()


def load_arrests(source, drop_duplicates: bool = True, *,
                 columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Read DDP's ICE arrests file (parquet) and check it.

    ``source`` is a local path (never downloaded) or an http(s) URL such as
    :data:`ARRESTS_URL` (downloaded to a temporary file). The file must have DDP's
    released column names (``apprehension_date``, ``apprehension_state_original``,
    ``apprehension_method``, ``apprehension_criminality``, ``gender``,
    ``unique_identifier``); ``gender``, ``apprehension_criminality`` and
    ``final_order_yes_no`` must hold only the values DDP documents, or be missing.
    Otherwise :class:`DDPError` says which file, column, row and values.

    Rows DDP flags as likely repeats (``duplicate_drop_row`` true) are dropped, unless
    ``drop_duplicates=False``. ``columns`` reads only the columns named (plus the ones
    needed for checking); for example ``columns=STATE_MONTH_COLUMNS`` before
    :func:`by_state_month`. ``apprehension_date`` comes back as a datetime column and the
    index is renumbered from 0.
    """
    required = list(ARRESTS_REQUIRED) + (["duplicate_drop_row"] if drop_duplicates else [])
    frame, name = _read(source, required, ARRESTS_DOCUMENTED, columns)
    _check_values(frame, name)
    _as_dates(frame, "apprehension_date", name)
    if drop_duplicates:
        frame = frame.loc[~_drop_flag(frame, name)]
    return frame.reset_index(drop=True)


def load_detainers(source, *, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Read DDP's ICE detainers file (parquet) and check it.

    ``source`` is a local path (never downloaded) or an http(s) URL such as
    :data:`DETAINERS_URL`. Required columns: ``detainer_prepare_date``,
    ``facility_state``, ``facility_aor``, ``unique_identifier``. ``gender`` and
    ``final_order_yes_no``, when present, must hold DDP's documented values or be
    missing. For state comparisons use ``facility_state`` (the state of the jail or
    prison that received the detainer) or ``facility_aor``. ``detainer_type`` (hold vs
    notification request) is of uncertain reliability, DDP warns. Detainers carry no
    duplicate flag, so no rows are dropped. ``detainer_prepare_date`` comes back as a
    datetime column.
    """
    frame, name = _read(source, DETAINERS_REQUIRED, DETAINERS_DOCUMENTED, columns)
    _check_values(frame, name)
    _as_dates(frame, "detainer_prepare_date", name)
    return frame.reset_index(drop=True)


# ---- Grouping and aggregation --------------------------------------------------------------

def group_method(series: pd.Series) -> pd.Series:
    """Group ``apprehension_method`` values into "at-large", "custodial", "287(g)", "other".

    * at-large: Located, Non-Custodial Arrest (DDP's community-arrest markers), and
      Probation and Parole and Worksite Enforcement (a third-party script's choice,
      which DDP's simplified column also makes; see the comment above METHOD_GROUPS);
    * custodial (transfers from jails and prisons): CAP Local / State / Federal
      Incarceration, Criminal Alien Program, Custodial Arrest;
    * 287(g): 287(g) Program;
    * other: any other value. Missing stays missing.

    About late July 2025: a third-party methodology template claims that from then on
    ICE records all Criminal Alien Program (CAP) arrests as one value, "Custodial
    Arrest", instead of the three CAP values. The outcomes brief marks this claim
    ``verified_secondary`` (seen only in a third-party file; not confirmed by ICE or
    DDP). Either way both the old CAP values and "Custodial Arrest" land in
    "custodial", so a state-by-month series of custodial arrests spans the change; a
    series split by CAP type would not.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    labels = np.array([METHOD_GROUPS.get(v, "other") for v in uniques] + [None], dtype=object)
    grouped = labels[codes]  # code -1 (missing) picks the trailing None
    return pd.Series(grouped, index=series.index, name="method_group").astype("string")


def by_state_month(frame: pd.DataFrame) -> pd.DataFrame:
    """Count arrests by state, month and method group.

    State is ``apprehension_state_filled_in`` (DDP's state, filled in where ICE left it
    blank), falling back to ``apprehension_state_original`` row by row where the filled-in
    value is missing or the column is absent. Month is the first day of the month of
    ``apprehension_date``. Method group comes from :func:`group_method`.

    Returns a long table with columns ``state``, ``month``, ``method_group`` and
    ``arrests``, sorted. Rows with no state, date or method are kept, with a missing
    key, so the counts add up to the number of rows given. De-duplicate first (the
    default of :func:`load_arrests`).
    """
    need = ["apprehension_date", "apprehension_method"]
    missing = [c for c in need if c not in frame.columns]
    if not {"apprehension_state_filled_in", "apprehension_state_original"} & set(frame.columns):
        missing.append("apprehension_state_filled_in or apprehension_state_original")
    if missing:
        raise DDPError(f"missing column(s) {missing}", file="arrests table",
                       column=missing[0])
    if "apprehension_state_filled_in" in frame.columns:
        state = frame["apprehension_state_filled_in"]
        if "apprehension_state_original" in frame.columns:
            state = state.fillna(frame["apprehension_state_original"])
    else:
        state = frame["apprehension_state_original"]
    dates = frame["apprehension_date"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        _reject_numbers(dates, "apprehension_date", "arrests table")
        dates = pd.to_datetime(dates)
    month = dates.to_numpy().astype("datetime64[M]").astype("datetime64[s]")
    keys = pd.DataFrame({
        "state": state.to_numpy(),
        "month": month,
        "method_group": pd.Categorical(group_method(frame["apprehension_method"]),
                                       categories=list(GROUP_ORDER)),
    })
    counts = (keys.groupby(["state", "month", "method_group"], dropna=False, observed=True,
                           sort=True)
              .size().rename("arrests").reset_index())
    counts["method_group"] = counts["method_group"].astype("string")
    counts["arrests"] = counts["arrests"].astype("int64")
    return counts
