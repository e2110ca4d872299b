"""Committed notebooks are stripped, runnable in any kernel, and cite real sources."""

from __future__ import annotations

import json

import pytest

from immfed.data.catalog import Catalog
from immfed.lessons import markers_in, notebook_text

from conftest import DATA, REPO

NOTEBOOKS = sorted([*(REPO / "lessons").glob("*.ipynb"), *(REPO / "exercises").rglob("*.ipynb")])


def test_marker_parser_reads_single_and_grouped_markers():
    text = "A claim [@usc_8_1357]. Another [@case_a; @case_b] and [not a marker] and [@case_a]."
    assert markers_in(text) == ["usc_8_1357", "case_a", "case_b"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text())
    dirty = [i for i, c in enumerate(nb["cells"]) if c.get("outputs") or c.get("execution_count")]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; strip them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_names_a_generic_python3_kernel(path):
    nb = json.loads(path.read_text())
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", sorted((REPO / "lessons").glob("*.ipynb")), ids=lambda p: p.name)
def test_every_citation_marker_resolves_to_a_source(path):
    known = {row["source_id"] for row in Catalog(DATA).parsed("sources").rows}
    cited = markers_in(notebook_text(path))
    assert cited, f"{path.name} cites no sources"
    assert sorted(set(cited) - known) == []
