"""The claims register: every marked sentence has a quoted row, and no row floats free."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import immfed.data as data
from immfed.data.citations import cited_claims, markdown_text
from immfed.data.integrity import REGISTER_COMPLETE, claim_problems, claim_register_problems
from immfed.lessons import lesson_markdown, lesson_path


def _row(cid, source="src_a", quote="a passage read in the source", pinpoint="p. 1", lesson=None):
    return {"claim_id": cid, "lesson": int(lesson if lesson is not None else cid[:2]), "claim": "x",
            "source_id": source, "pinpoint": pinpoint, "quote": quote}


def test_shipped_register_and_lessons_agree():
    assert claim_problems(data.catalog(), lesson_markdown()) == []


def test_lesson_07_is_complete_and_has_its_fourteen_rows():
    assert "07" in REGISTER_COMPLETE
    rows = data.load("claims")
    assert len(rows[rows["lesson"] == 7]) == 14
    items = cited_claims(markdown_text(lesson_path("07")))
    unmarked = [i["ids"] for i in items if i["claim"] is None]
    # the only unmarked citation is the course's own recount of the May 2025 ICE sheet
    assert unmarked == [["ice_287g_sheets_2025_appelson"]]


def test_each_register_row_is_marked_exactly_once_in_its_lesson():
    rows = data.load("claims")
    for lesson, group in rows.groupby("lesson"):
        text = markdown_text(lesson_path(f"{lesson:02d}"))
        for cid in group["claim_id"]:
            assert len(re.findall(rf"<!--\s*claim:{cid}\s*-->", text)) == 1, cid


def test_markers_in_inline_code_are_not_citations():
    items = cited_claims("See `[@a]` and [@b; @c]<!-- claim:01-001 --> then [@d].")
    assert items == [{"ids": ["b", "c"], "claim": "01-001", "line": 1},
                     {"ids": ["d"], "claim": None, "line": 1}]


def test_a_well_formed_pair_has_no_problem():
    assert claim_register_problems([_row("04-001")], {"04": "Fact [@src_a]<!-- claim:04-001 -->."},
                                   complete=("04",)) == []


def test_marker_without_a_row_is_reported():
    found = claim_register_problems([], {"04": "Fact [@src_a]<!-- claim:04-002 -->."})
    assert found == ["lesson 04, line 1: claim marker 04-002 has no row in claims.csv"]


def test_row_without_quote_or_pinpoint_is_reported():
    found = claim_register_problems([_row("04-001", quote="  ", pinpoint="")],
                                    {"04": "Fact [@src_a]<!-- claim:04-001 -->."})
    assert len(found) == 2
    assert "column 'quote': empty" in found[0] and "column 'pinpoint': empty" in found[1]


def test_row_naming_a_source_the_sentence_does_not_cite_is_reported():
    found = claim_register_problems([_row("04-001", source="src_z")],
                                    {"04": "Fact [@src_a; @src_b]<!-- claim:04-001 -->."})
    assert found == ["claims.csv, row 1 (04-001), column 'source_id': 'src_z' is not among the sources "
                     "the sentence cites (src_a, src_b)"]


def test_row_with_no_marker_is_reported():
    found = claim_register_problems([_row("04-009")], {"04": "Fact [@src_a]."}, complete=())
    assert found == ["claims.csv, row 1 (04-009): no lesson carries the marker <!-- claim:04-009 -->"]


def test_complete_lesson_rejects_an_unmarked_citation_but_not_a_recount():
    text = "One [@src_a]<!-- claim:07-001 -->. Two [@src_b]. Three [@sheet_counts]."
    found = claim_register_problems([_row("07-001")], {"07": text}, complete=("07",),
                                    counted={"07": {"sheet_counts"}})
    assert found == ["lesson 07, line 1: citation [@src_b] has no claim marker, but lesson 07 is listed "
                     "as complete in the claims register"]
    # the same lesson, not listed as complete, may leave citations unmarked
    assert claim_register_problems([_row("07-001")], {"07": text}, complete=()) == []


def test_misplaced_and_misnumbered_markers_are_reported():
    text = "Loose <!-- claim:05-001 --> and [@src_a]<!-- claim:04-003 -->."
    found = claim_register_problems([_row("05-001", lesson=5), _row("04-003", lesson=4)], {"05": text})
    assert "lesson 05, line 1: claim marker 05-001 does not follow a citation marker" in found
    assert "lesson 05, line 1: claim marker 04-003 belongs to lesson 04, not 05" in found
    assert any("column 'lesson': 4 but the marker is in lesson 05" in p for p in found)


def test_data_check_fails_when_a_marked_claim_loses_its_row(data_copy):
    path = data_copy / "tables" / "claims.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    kept = [r for r in rows if r[0] != "07-003"]
    assert len(kept) == len(rows) - 1
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(kept)
    run = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "check", "--root", str(data_copy)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "claim marker 07-003 has no row in claims.csv" in run.stderr


def test_claim_markers_stay_invisible_on_the_static_site():
    from immfed.site import markdown_html

    html = markdown_html("Fact [@src_a]<!-- claim:04-001 --> and more.")
    assert '<a href="#ref-src_a">src_a</a>' in html
    visible = re.sub(r"<!--.*?-->|<[^>]+>", "", html)
    assert "claim" not in visible
