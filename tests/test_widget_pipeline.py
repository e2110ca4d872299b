"""explore_pipeline: steps come from the table in order; the funnel is exact multiplication;
bad input gives clear messages and never a traceback."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from immfed.widgets import pipeline as pl

TABLE = Path(__file__).resolve().parents[1] / "data" / "tables" / "pipeline_steps.csv"
REGIMES = ["no_agreement", "jem", "wso", "tfm", "state_mandates", "state_restricts"]


def _raw_rows(regime):
    """Rows read straight from the CSV (independent of immfed.data), sorted by step."""
    with TABLE.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["regime"] == regime]
    return sorted(rows, key=lambda r: int(r["step"]))


@pytest.mark.parametrize("regime", REGIMES)
def test_steps_come_from_table_in_order(regime):
    raw = _raw_rows(regime)
    steps = pl.pipeline(regime)
    assert len(raw) >= 4
    assert list(steps["step"]) == [int(r["step"]) for r in raw] == list(range(1, len(raw) + 1))
    assert list(steps["stage"]) == [r["stage"] for r in raw]
    assert list(steps["who"]) == [r["who"] for r in raw]
    # every path ends with the person in ICE custody
    assert raw[-1]["stage"] == "ice_custody"


def test_authority_names_come_from_authorities_table():
    steps = pl.pipeline("wso")
    hold = steps[steps["stage"] == "hold"].iloc[0]
    assert "prog_287g_wso" in hold["authority_ids"]
    assert "Warrant Service Officer" in hold["authorities"]
    # Form I-200 is named by its title from authorities.csv, not its id
    assert "Form I-200" in hold["authorities"] and "form_i200" not in hold["authorities"]


def test_regime_differences_follow_the_law():
    # California/Illinois: no hold on a detainer alone, the person is released (Cal. SB 54; 5 ILCS 805/15)
    assert "hold" not in set(pl.pipeline("state_restricts")["stage"])
    assert "release" in set(pl.pipeline("state_restricts")["stage"])
    # WSO: the hold step is carried out by the jail's own WSO officer serving an ICE warrant
    assert "Warrant Service Officer" in pl.pipeline("wso").set_index("stage").loc["hold", "who"]
    # TFM starts in the field with a delegated officer
    assert "Task Force" in pl.pipeline("tfm").iloc[0]["who"]


def test_unknown_regime_lists_accepted():
    with pytest.raises(ValueError) as err:
        pl.pipeline("sanctuary")
    for key in REGIMES:
        assert key in str(err.value)


def _expected(n, r):
    # independent multiplication, in stage order
    out = [float(n)]
    for key in ["checked", "match", "detainer", "held", "custody"]:
        out.append(out[-1] * r[key])
    return out


def test_funnel_is_multiplication():
    rates = {"checked": 0.9, "match": 0.3, "detainer": 0.6, "held": 0.75, "custody": 0.8}
    result = pl.funnel(2500, rates)
    assert list(result.values()) == _expected(2500, rates)
    assert list(result) == pl.STAGES


@pytest.mark.parametrize("n,rates,needle", [
    (-5, None, "0 to 1,000,000"),
    (2.5, None, "whole number"),
    ("100", None, "whole number"),
    (True, None, "whole number"),
    (100, {"match": 1.2}, "from 0 to 1"),
    (100, {"held": -0.1}, "from 0 to 1"),
    (100, {"held": "half"}, "from 0 to 1"),
])
def test_funnel_rejects_bad_input(n, rates, needle):
    full = dict(pl.DEFAULT_RATES)
    if rates:
        full.update(rates)
    with pytest.raises(ValueError) as err:
        pl.funnel(n, full)
    assert needle in str(err.value)


def test_funnel_rejects_missing_or_unknown_keys():
    with pytest.raises(ValueError, match="checked, match, detainer, held, custody"):
        pl.funnel(10, {"match": 0.5})
    with pytest.raises(ValueError, match="unknown: bogus"):
        pl.funnel(10, {**pl.DEFAULT_RATES, "bogus": 0.1})


def test_summary_is_computed():
    counts = pl.funnel(1000, {"checked": 1.0, "match": 0.2, "detainer": 0.5, "held": 1.0, "custody": 1.0})
    text = pl.funnel_summary(counts)
    assert "about 100 of 1,000" in text and "10.0%" in text and "not a measurement" in text
    assert "0 bookings" in pl.funnel_summary(pl.funnel(0, pl.DEFAULT_RATES))


@pytest.fixture(scope="module")
def view():
    return pl.explore_pipeline()


def test_sliders_are_labelled_as_assumptions(view):
    for key in pl.RATE_KEYS:
        assert view.controls[key].description.startswith("Assumption:")
    text = " ".join(getattr(c, "value", "") for c in _walk(view) if hasattr(c, "value") and isinstance(c.value, str))
    assert "illustrative, not sourced" in text.lower()
    assert "not data" in view.figure.layout.title.text


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_slider_change_updates_figure_exactly(view):
    c = view.controls
    c["bookings"].value = 4000
    c["checked"].value = 0.95
    c["match"].value = 0.35
    c["detainer"].value = 0.6
    c["held"].value = 0.25
    c["custody"].value = 0.8
    r = {k: c[k].value for k in pl.RATE_KEYS}
    assert list(view.figure.data[0].x) == _expected(4000, r)
    before = view.outputs["summary"].value
    c["held"].value = 0.0  # e.g. a state that bars holds on detainers alone
    assert view.figure.data[0].x[-1] == 0.0
    assert view.outputs["summary"].value != before


def test_regime_menus_update_steps(view):
    view.controls["regime"].value = "wso"
    assert "Warrant Service Officer" in view.outputs["left"].value
    view.controls["compare"].value = "tfm"
    assert "Task Force" in view.outputs["right"].value
    assert "steps" in view.outputs["diff"].value


def test_bad_bookings_never_traceback(view):
    box = view.controls["bookings"]
    box.value = 10_000_000  # clamped by the bounded box, not an error
    assert box.value == pl.MAX_BOOKINGS
    assert view.outputs["message"].value == ""


def test_view_shows_message_not_traceback_when_model_rejects_input():
    ui = pl.explore_pipeline()
    before = list(ui.figure.data[0].x)
    box = ui.controls["bookings"]
    box.max = pl.MAX_BOOKINGS * 10  # widen the box so the pure function's own check is reached
    box.value = pl.MAX_BOOKINGS * 5
    assert "0 to 1,000,000" in ui.outputs["message"].value
    assert list(ui.figure.data[0].x) == before  # figure left as it was
    box.value = 10
    assert ui.outputs["message"].value == ""
    assert ui.figure.data[0].x[0] == 10.0


@pytest.mark.parametrize("kwargs, words", [({"regime": "287g"}, "Unknown regime '287g'. Accepted: no_agreement"),
                                           ({"compare": None}, "Unknown regime to compare with None."),
                                           ({"n": -5}, "whole number from 0 to"),
                                           ({"n": 2.5}, "not 2.5"),
                                           ({"n": True}, "not True")])
def test_explore_pipeline_names_a_bad_argument_instead_of_resetting_it(kwargs, words):
    with pytest.raises(ValueError) as err:
        pl.explore_pipeline(**kwargs)
    assert words in str(err.value)


@pytest.mark.parametrize("n, share", [(0, 0.5), (1000, 0.35), (250_000, 1.0), (40, 0.0)])
def test_the_funnel_redraws_with_exactly_the_figure_plotly_builds(n, share):
    counts = pl.funnel(n, {k: share for k in pl.RATE_KEYS})
    built = pl.funnel_figure(counts, widget=False).to_plotly_json()
    for trace in built["data"]:
        trace.pop("uid", None)
    assert pl.funnel_json(counts) == built
