"""`immfed links`: hosting links for the instructor's own repository (no placeholders left in the README)."""

from __future__ import annotations

import pytest

from conftest import REPO
from immfed.hosting import hosting_links


def test_links_for_a_fork_are_built_by_hand_worked_rules():
    links = hosting_links("https://github.com/acme/ice-course.git", hub="https://hub.example.edu/")
    assert links["binder_lab"] == ("https://mybinder.org/v2/gh/acme/ice-course/main"
                                   "?urlpath=lab%2Ftree%2Flessons%2F00_start_here.ipynb")
    assert links["binder_voila"].endswith("urlpath=voila%2Frender%2Flessons%2F02_287g_models.ipynb")
    assert links["hub_install"] == 'pip install "immigration-federalism-course @ git+https://github.com/acme/ice-course@main"'
    assert links["nbgitpuller"] == ("https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com"
                                    "%2Facme%2Fice-course&branch=main&urlpath=lab%2Ftree%2Fice-course%2Fexercises"
                                    "%2Fstudent%2F01_federal_baseline.ipynb")


@pytest.mark.parametrize("bad", ["acme/ice-course", "https://gitlab.com/acme/x", "http://github.com/a/b"])
def test_links_refuse_what_binder_cannot_build(bad):
    with pytest.raises(ValueError, match="https://github.com/OWNER/NAME"):
        hosting_links(bad)


def test_readme_has_no_placeholder_links():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "OWNER/REPO" not in text and "mybinder.org/v2/gh/OWNER" not in text
