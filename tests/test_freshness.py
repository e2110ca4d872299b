"""Fact dates versus check dates, and the re-check list an instructor prints before a term."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys

from immfed.data.catalog import Catalog
from immfed.data.citations import cited_by_lesson
from immfed.data.freshness import review, status
from immfed.lessons import lesson_notebooks

TODAY = dt.date(2026, 11, 30)
SHIPPED_LESSONS = cited_by_lesson(lesson_notebooks())


def _set(root, table, key_col, key, col, value):
    path = root / "tables" / f"{table}.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    k, c = rows[0].index(key_col), rows[0].index(col)
    hits = [r for r in rows[1:] if r[k] == key]
    assert len(hits) == 1, (table, key)
    hits[0][c] = value
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _age(data_copy):
    # one lesson source and its register row checked long ago; one source only a table uses
    _set(data_copy, "sources", "source_id", "laken_riley_act_2025", "checked", "2026-01-15")
    _set(data_copy, "claims", "claim_id", "04-003", "checked", "2026-01-15")
    _set(data_copy, "sources", "source_id", "cis_trac_arrests_20180926", "checked", "2025-12-01")
    return Catalog(data_copy)


def test_review_lists_only_what_is_older_than_the_cutoff_grouped_by_lesson(data_copy):
    cutoff, groups = review(_age(data_copy), 180, TODAY, SHIPPED_LESSONS)
    assert cutoff == dt.date(2026, 6, 3)
    assert [g.label for g in groups] == ["Lesson 04", "Tables only (cited by no lesson)"]
    assert [c["claim_id"] for c in groups[0].claims] == ["04-003"]
    assert [s["source_id"] for s in groups[0].sources] == ["laken_riley_act_2025"]
    assert groups[1].claims == [] and [s["source_id"] for s in groups[1].sources] == ["cis_trac_arrests_20180926"]


def test_review_with_a_longer_window_drops_the_january_checks(data_copy):
    _, groups = review(_age(data_copy), 330, TODAY, SHIPPED_LESSONS)
    assert [g.label for g in groups] == ["Tables only (cited by no lesson)"]


def test_status_keeps_the_fact_date_apart_from_the_check_date(data_copy):
    cat = Catalog(data_copy)
    pop_source = cat.parsed("state_population").rows[0]["source_id"]
    _set(data_copy, "sources", "source_id", pop_source, "checked", "2026-05-01")
    entry = {e.name: e for e in status(Catalog(data_copy))}["state_population"]
    assert entry.facts_to == dt.date(2025, 7, 1)
    assert entry.checked_oldest == dt.date(2026, 5, 1)
    line = entry.line(TODAY)
    assert "facts refer to 2025-07-01 (as_of)" in line and "oldest check 213 days ago" in line


def test_facts_review_command_prints_the_groups(data_copy):
    _age(data_copy)
    run = subprocess.run([sys.executable, "-m", "immfed.cli", "facts", "review", "--older-than", "180",
                          "--today", "2026-11-30", "--root", str(data_copy)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    out = run.stdout.splitlines()
    assert out[0] == "Claims and sources last checked before 2026-06-03 (more than 180 days before 2026-11-30):"
    assert "Lesson 04" in out and "Tables only (cited by no lesson)" in out
    assert any(line.startswith("  claim  04-003  checked 2026-01-15  laken_riley_act_2025") for line in out)


def test_facts_review_rejects_a_bad_date_without_a_traceback():
    run = subprocess.run([sys.executable, "-m", "immfed.cli", "facts", "review", "--today", "30/11/2026"],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "YYYY-MM-DD" in run.stderr and "Traceback" not in run.stderr
