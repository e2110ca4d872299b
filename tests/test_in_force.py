"""What counts as law today, defined once (immfed.law.in_force, flags in vocabulary.csv).

Expected values come from the law's history, not from the table: Texas SB 4 (2017) was
partly enjoined, and the Fifth Circuit let the rest take effect (City of El Cenizo v.
Texas, 890 F.3d 164 (5th Cir. 2018)), so a partly enjoined law is law for its other parts;
a vetoed bill (Arizona SB 1164, vetoed) or a pending one never is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from immfed.data.vocabulary import codes
from immfed.law import in_force
from immfed.widgets.authority import state_laws_in_force


@pytest.mark.parametrize("status, expected", [("in_force", True), ("upheld", True), ("partly_enjoined", True),
                                              ("enjoined", False), ("pending", False), ("vetoed", False),
                                              ("repealed", False), ("struck_down", False), ("vacated", False)])
def test_statuses_that_count_as_law(status, expected):
    assert in_force(status) is expected


def test_the_vocabulary_flags_the_same_statuses():
    assert set(codes("law_status", flag="in_force")) == {"in_force", "upheld", "partly_enjoined"}


def test_dates_decide_too():
    assert in_force("in_force", effective="2027-01-01") is False  # not yet in effect on the facts date
    assert in_force("in_force", effective="2020-01-01", ends="2025-06-30") is False  # ended
    assert in_force("in_force", effective=dt.date(2026, 5, 20)) is True  # New Mexico HB 9's start


def test_texas_sb4_counts_although_part_of_it_was_enjoined():
    assert "tx_sb4_2017_anti_sanctuary" in set(state_laws_in_force("TX")["law_id"])
