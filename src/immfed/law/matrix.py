"""The 51-jurisdiction table of common questions, for instructors (``immfed law matrix``).

Each column is one question put to :func:`immfed.law.analyze` with the facts it names; each
cell is the answer, and a "depends" cell names the fact it turns on and the answer for each
value. A second column per question lists the authorities the answer rests on.
"""

from __future__ import annotations

import csv
from pathlib import Path

from immfed.data.states import STATES
from immfed.law.engine import analyze

L = "local_no_agreement"

QUESTIONS: dict[str, tuple[str, dict]] = {
    "ask_status_local_stop": ("Local officer asks about status during an ordinary stop",
                              dict(actor=L, action="ask_status", custody="stopped", location="roadside")),
    "hold_bare_detainer": ("Jail keeps a person charged with a misdemeanor past release on a detainer alone",
                           dict(actor=L, action="hold_past_release", paperwork=("detainer",), custody="release_due",
                                charge="misdemeanor")),
    "hold_detainer_admin_warrant": ("Jail keeps a person charged with a misdemeanor past release on a detainer with an "
                                    "ICE administrative warrant",
                                    dict(actor=L, action="hold_past_release", paperwork=("detainer", "admin_warrant"),
                                         custody="release_due", charge="misdemeanor")),
    "hold_serious_offense": ("Same hold, person charged with a serious or violent offense",
                             dict(actor=L, action="hold_past_release", paperwork=("detainer", "admin_warrant"),
                                  custody="release_due", charge="serious_or_violent")),
    "notify_release": ("Jail tells ICE the release date (detainer with warrant, misdemeanor charge)",
                       dict(actor=L, action="notify_release", paperwork=("detainer", "admin_warrant"),
                            charge="misdemeanor")),
    "share_personal_info": ("Local agency gives ICE a home or work address (no court order)",
                            dict(actor=L, action="share_personal_info", paperwork=("none",))),
    "share_status": ("Local agency tells ICE a person's immigration status",
                     dict(actor=L, action="share_status")),
    "agreement_287g_jail": ("Certified 287(g) jail officer arrests for a civil violation in the jail",
                            dict(actor="jem", action="civil_arrest", location="jail", paperwork=("admin_warrant",))),
    "transfer_to_ice": ("Jail hands the person to ICE at release (detainer with warrant, misdemeanor charge)",
                        dict(actor=L, action="transfer_to_ice", paperwork=("detainer", "admin_warrant"),
                             charge="misdemeanor")),
    "courthouse_arrest_admin_warrant": ("ICE arrests a person at a courthouse on an administrative warrant",
                                        dict(actor="ice_officer", action="courthouse_arrest",
                                             paperwork=("admin_warrant",))),
}
"""Column id -> (the question in words, the facts given to analyze)."""


def cell(result) -> str:
    """An answer as one cell: the word, or "depends on <fact>: value=answer; ..."."""
    if result.answer != "depends":
        return result.answer
    parts = "; ".join(f"{v}={a}" for v, a in result.branches.items())
    return f"depends on {result.deciding_fact}: {parts}"


def matrix() -> list[dict]:
    """One dict per state and DC: code, name, then an answer and an authorities column per question."""
    rows = []
    for code, name in sorted(STATES.items()):
        row = {"state": code, "name": name}
        for key, (_, facts) in QUESTIONS.items():
            result = analyze(code, **facts)
            row[key] = cell(result)
            row[f"{key}_authorities"] = " ".join(result.authority_ids)
        rows.append(row)
    return rows


def write_matrix(path) -> Path:
    """Write :func:`matrix` as CSV to ``path`` (a header row, then 51 rows); returns the path."""
    path = Path(path)
    rows = matrix()
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _matrix_command(args) -> int:
    path = write_matrix(args.out)
    print(f"Wrote {len(STATES)} jurisdictions x {len(QUESTIONS)} questions to {path}")
    for key, (words, _) in QUESTIONS.items():
        print(f"  {key}: {words}")
    return 0


def add_commands(sub) -> None:
    """Register ``immfed law matrix --out FILE.csv`` on the top-level subparsers."""
    law = sub.add_parser("law", help="the course's legal analysis engine")
    lsub = law.add_subparsers(dest="verb", required=True)
    p = lsub.add_parser("matrix", help="write the 51-jurisdiction table of common questions as CSV")
    p.add_argument("--out", required=True, help="CSV file to write")
    p.set_defaults(func=_matrix_command)
