"""Time the Deportation Data Project loaders on a generated one-million-row arrests file.

Run:  python benchmarks/ddp_bench.py [--rows 1000000] [--repeats 3] [--json out.json]

Needs the optional extra (``pip install "immigration-federalism-course[ddp]"``). Writes a
seeded random parquet file with DDP's released arrest columns (zstd-compressed, dates
as date32, as DDP's R code writes them) to a temporary folder, then reports the median
of ``repeats`` runs of:

* ``load_all_s``: ``load_arrests(path)``, every column (checks + de-duplication);
* ``load_narrow_s``: ``load_arrests(path, columns=STATE_MONTH_COLUMNS)``;
* ``load_narrow_plus_state_month_s``: the narrow load followed by ``by_state_month``;
* ``load_all_plus_state_month_s``: the full load followed by ``by_state_month``.

Target: load plus state-by-month aggregation under 10 s. Reports; never asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

TARGET_S = 10.0

STATES = [
    "ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "CALIFORNIA", "COLORADO", "CONNECTICUT",
    "DELAWARE", "DISTRICT OF COLUMBIA", "FLORIDA", "GEORGIA", "HAWAII", "IDAHO", "ILLINOIS",
    "INDIANA", "IOWA", "KANSAS", "KENTUCKY", "LOUISIANA", "MAINE", "MARYLAND",
    "MASSACHUSETTS", "MICHIGAN", "MINNESOTA", "MISSISSIPPI", "MISSOURI", "MONTANA",
    "NEBRASKA", "NEVADA", "NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK",
    "NORTH CAROLINA", "NORTH DAKOTA", "OHIO", "OKLAHOMA", "OREGON", "PENNSYLVANIA",
    "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "TENNESSEE", "TEXAS", "UTAH",
    "VERMONT", "VIRGINIA", "WASHINGTON", "WEST VIRGINIA", "WISCONSIN", "WYOMING",
    "PUERTO RICO",
]
AORS = ["Atlanta", "Baltimore", "Boston", "Buffalo", "Chicago", "Dallas", "Denver",
        "Detroit", "El Paso", "Houston", "Los Angeles", "Miami", "New Orleans", "New York City",
        "Newark", "Philadelphia", "Phoenix", "Salt Lake City", "San Antonio", "San Diego",
        "San Francisco", "Seattle", "St. Paul", "Washington", "Harlingen"]
METHODS = {  # rough shares, for realism only
    "CAP Local Incarceration": 0.30, "CAP State Incarceration": 0.06,
    "CAP Federal Incarceration": 0.04, "Criminal Alien Program": 0.02,
    "Custodial Arrest": 0.10, "Non-Custodial Arrest": 0.20, "Located": 0.10,
    "287(g) Program": 0.08, "Probation and Parole": 0.02, "ERO Reprocessed Arrest": 0.03,
    "Worksite Enforcement": 0.01, "Other Task Force": 0.01, "Patrol Interior": 0.01,
    "Law Enforcement Agency Response Unit": 0.01,
}
CRIMINALITY = ["1 Convicted Criminal", "2 Pending Criminal Charges",
               "3 Other Immigration Violator"]
COUNTRIES = ["MEXICO", "GUATEMALA", "HONDURAS", "EL SALVADOR", "VENEZUELA", "COLOMBIA",
             "ECUADOR", "CUBA", "HAITI", "DOMINICAN REPUBLIC", "NICARAGUA", "BRAZIL",
             "INDIA", "CHINA, PEOPLES REPUBLIC OF", "PERU"]
CASE_STATUS = ["ACTIVE", "6-Deported/Removed - Deportability",
               "8-Excluded/Removed - Inadmissibility", "3-Voluntary Departure Confirmed",
               "E-Charging Document Canceled by ICE", "A-Proceedings Terminated"]
CASE_CATEGORY = ["[8F] Expedited Removal", "[16] Reinstated Final Order",
                 "[2A] Deportable - Under Adjudication by IJ",
                 "[3] Deportable - Administratively Final Order", "[5B] Removable - ICE Fugitive"]


def generate(path: Path, rows: int, seed: int = 20250728) -> None:
    """Write a seeded random arrests file with DDP's released column names."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)

    def pick(values, p=None, missing=0.0):
        values = np.asarray(values, dtype=object)
        out = values[rng.choice(len(values), size=rows, p=p)]
        if missing:
            out[rng.random(rows) < missing] = None
        return pa.array(out, type=pa.string())

    start = np.datetime64("2023-09-01T00:00:00", "s")
    span = int((np.datetime64("2026-07-01", "s") - start).astype(int))
    stamps = np.sort(start + rng.integers(0, span, size=rows).astype("timedelta64[s]"))
    dates = stamps.astype("datetime64[D]")
    state_idx = rng.integers(0, len(STATES), size=rows)
    original = np.asarray(STATES, dtype=object)[state_idx]
    filled = original.copy()
    blank = rng.random(rows) < 0.08             # ICE left the state blank ...
    original[blank] = None
    filled[blank & (rng.random(rows) < 0.25)] = None  # ... DDP filled most back in
    methods = list(METHODS)
    shares = np.array(list(METHODS.values()))
    ids = rng.integers(0, int(rows * 0.8), size=rows).astype(str).astype(object)
    ids[rng.random(rows) < 0.01] = None
    likely = rng.random(rows) < 0.05
    drop = likely & (rng.random(rows) < 0.5)
    birth_year = rng.integers(1950, 2008, size=rows)
    table = pa.table({
        "apprehension_aor": pick([a + " Area of Responsibility" for a in AORS]),
        "apprehension_criminality": pick(CRIMINALITY, missing=0.001),
        "apprehension_date": pa.array(dates, type=pa.date32()),
        "event_landmark": pick([f"LANDMARK {i}" for i in range(2000)], missing=0.2),
        "apprehension_method": pick(methods, p=shares / shares.sum(), missing=0.001),
        "apprehension_state_filled_in": pa.array(filled, type=pa.string()),
        "apprehension_state_original": pa.array(original, type=pa.string()),
        "apprehension_city": pick([f"CITY {i}" for i in range(3000)], missing=0.3),
        "birth_year": pa.array(birth_year, type=pa.int32()),
        "age_apprehension_approx": pa.array(dates.astype("datetime64[Y]").astype(int) + 1970
                                            - birth_year, type=pa.int32()),
        "case_category": pick(CASE_CATEGORY),
        "case_status": pick(CASE_STATUS),
        "case_threat_level": pick(["1", "2", "3"], missing=0.5),
        "citizenship_country": pick(COUNTRIES),
        "final_order_yes_no": pick(["YES", "NO"], missing=0.01),
        "final_program": pick(["Criminal Alien Program", "287(g) Program",
                               "Fugitive Operations", "ERO Criminal Prosecutions"]),
        "final_program_group": pick(["ICE", "Non-ICE"]),
        "gender": pick(["Male", "Female", "Unknown"], p=[0.88, 0.115, 0.005]),
        "unique_identifier": pa.array(ids, type=pa.string()),
        "apprehension_date_time": pa.array(stamps, type=pa.timestamp("s")),
        "duplicate_episode_identifier": pa.array(rng.integers(1, 3, size=rows),
                                                 type=pa.int32()),
        "duplicate_episode_first": pa.array(~drop),
        "duplicate_likely": pa.array(likely),
        "duplicate_drop_row": pa.array(drop),
        "file_original": pick(["2025-ICLI-00019_ERO Admin Arrests.xlsx"]),
        "sheet_original": pick(["Admin Arrests"]),
        "row_original": pa.array(np.arange(8, 8 + rows), type=pa.int32()),
    })
    pq.write_table(table, path, compression="zstd")


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 3)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    try:
        import pyarrow
    except ImportError:
        print('needs pyarrow: pip install "immigration-federalism-course[ddp]"', file=sys.stderr)
        return 2
    import pandas as pd

    from immfed.data import ddp

    with tempfile.TemporaryDirectory(prefix="immfed-ddp-bench-") as tmp:
        path = Path(tmp) / "arrests-latest.parquet"
        t0 = time.perf_counter()
        generate(path, args.rows)
        gen_s = time.perf_counter() - t0
        narrow = ddp.STATE_MONTH_COLUMNS
        table = ddp.by_state_month(ddp.load_arrests(path, columns=narrow))  # warm + sanity
        results = {
            "rows": args.rows,
            "file_mb": round(path.stat().st_size / 1e6, 1),
            "columns_in_file": len(pyarrow.parquet.read_schema(path).names),
            "generate_s": round(gen_s, 2),
            "load_all_s": median_time(lambda: ddp.load_arrests(path), args.repeats),
            "load_narrow_s": median_time(lambda: ddp.load_arrests(path, columns=narrow),
                                         args.repeats),
            "load_narrow_plus_state_month_s": median_time(
                lambda: ddp.by_state_month(ddp.load_arrests(path, columns=narrow)),
                args.repeats),
            "load_all_plus_state_month_s": median_time(
                lambda: ddp.by_state_month(ddp.load_arrests(path)), args.repeats),
            "state_month_rows": len(table),
            "target_s": TARGET_S,
            "engine": "pandas + pyarrow",
            "pandas": pd.__version__,
            "pyarrow": pyarrow.__version__,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "repeats": args.repeats,
        }
    worst = results["load_all_plus_state_month_s"]
    results["under_target"] = worst < TARGET_S

    print(json.dumps(results, indent=2))
    print()
    print(f"{'step (median of ' + str(args.repeats) + ')':<44}{'seconds':>9}")
    for key, label in [("load_all_s", "load_arrests, all columns"),
                       ("load_narrow_s", "load_arrests, STATE_MONTH_COLUMNS"),
                       ("load_narrow_plus_state_month_s", "narrow load + by_state_month"),
                       ("load_all_plus_state_month_s", "full load + by_state_month")]:
        print(f"{label:<44}{results[key]:>9.3f}")
    print(f"{'target (load + aggregation)':<44}{TARGET_S:>9.3f}  "
          f"{'met' if results['under_target'] else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
