"""Small ICE participating-agencies workbooks for refresh tests, written with openpyxl."""

from __future__ import annotations

from openpyxl import Workbook

HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED"]

TWO_ROWS = [["Texas", "A County Sheriff", "Sheriff", "A", "Task Force Model", "2025-01-01"],
            ["Florida", "B Police", "Police", "B", "Jail Enforcement Model", "2025-02-01"]]


def write_sheet(path, rows=TWO_ROWS, header=HEADER, title=False):
    """Save ``rows`` under ``header`` on a tab called Data, as ICE does; ``title`` adds the
    title line ICE's workbooks may carry above the headers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    if title:
        ws.append(["287(g) Participating Agencies"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
