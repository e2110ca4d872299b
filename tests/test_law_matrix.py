"""immfed law matrix: 51 rows, every question answered, every "depends" names its fact."""

import csv

from immfed.cli import main
from immfed.data.states import STATES
from immfed.law.matrix import QUESTIONS


def test_matrix_command_writes_51_jurisdictions(tmp_path, capsys):
    out = tmp_path / "matrix.csv"
    assert main(["law", "matrix", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert sorted(r["state"] for r in rows) == sorted(STATES)
    for row in rows:
        for key in QUESTIONS:
            cell = row[key]
            assert cell in ("allowed", "not allowed", "required") or cell.startswith("depends on "), (row["state"], key)
            if cell.startswith("depends on "):
                assert "=" in cell  # branches are listed
            assert row[f"{key}_authorities"]
    by = {r["state"]: r for r in rows}
    # Hand-checked cells, from the law's text:
    assert by["CA"]["ask_status_local_stop"] == "not allowed"  # Cal. Gov't Code 7284.6(a)(1)(A)
    assert by["TX"]["hold_bare_detainer"] == "required"  # Tex. Code Crim. Proc. art. 2.251
    assert by["NC"]["hold_detainer_admin_warrant"] == "required"  # N.C.G.S. 162-62(b1), any charged person
    assert by["NJ"]["hold_detainer_admin_warrant"] == "not allowed"  # Dir. 2018-6: misdemeanor not listed
    assert by["NJ"]["hold_serious_offense"] == "allowed"
    assert by["TN"]["hold_bare_detainer"] == "allowed"  # 7-68-103: no per-case duty
    assert by["IL"]["agreement_287g_jail"] == "not allowed"  # 5 ILCS 805 (2019 amendment)
    # N.Y. Civ. Rights Law 28 protects people at court for a proceeding; others fall under the general rules
    assert by["NY"]["courthouse_arrest_admin_warrant"] == "depends on attending_court: yes=not allowed; no=allowed"
    # C.R.S. 13-1-403(1): anyone "present at a courthouse or on its environs"
    assert by["CO"]["courthouse_arrest_admin_warrant"] == "not allowed"
    assert by["KS"]["share_status"] == "allowed"  # 8 U.S.C. 1373
