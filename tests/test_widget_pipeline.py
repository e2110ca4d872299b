"""explore_pipeline: steps come from the table in order; the funnel is exact multiplication;
bad input gives clear messages and never a traceback."""

from __future__ import annotations

import pytest

from immfed.widgets import pipeline as pl

from figure_support import plotly_json

REGIMES = ["no_agreement", "jem", "wso", "tfm", "state_mandates", "state_restricts"]

# The path a booked person takes, typed from how the process works, not read from the table:
# fingerprints taken at booking go to DHS, which reviews them (Secure Communities; 8 U.S.C. 1722);
# ICE may then lodge a detainer asking for a hold of up to 48 hours (8 C.F.R. 287.7(a), (d)) and
# take the person into custody at transfer.
BOOKED = ["encounter", "arrest", "booking", "fingerprint_check", "ice_review", "detainer", "hold", "transfer",
          "ice_custody"]
EXPECTED_STAGES = {
    "no_agreement": BOOKED,
    "jem": BOOKED,
    "wso": BOOKED,
    "state_mandates": BOOKED,
    # task-force officers arrest in the field under delegated power: no jail booking (8 U.S.C. 1357(g)(1))
    "tfm": ["encounter", "arrest", "ice_review", "transfer", "ice_custody"],
    # restricting states: no hold on the detainer, the person is released and ICE must arrest them itself
    # (Cal. Gov't Code 7284.6(a)(1)(B); 5 ILCS 805/15(a))
    "state_restricts": ["encounter", "arrest", "booking", "fingerprint_check", "ice_review", "detainer", "release",
                        "transfer", "ice_custody"],
}


@pytest.mark.parametrize("regime", REGIMES)
def test_each_regime_follows_the_path_the_law_gives(regime):
    steps = pl.pipeline(regime)
    assert list(steps["stage"]) == EXPECTED_STAGES[regime]
    assert list(steps["step"]) == list(range(1, len(EXPECTED_STAGES[regime]) + 1))
    assert steps["who"].str.strip().astype(bool).all()


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


@pytest.mark.parametrize("call", [lambda: pl.steps_html(["jem"]),
                                  lambda: pl.compare_summary(["jem"], "tfm"),
                                  lambda: pl.compare_summary("jem", ["tfm"])])
def test_cached_views_reject_a_list_with_the_accepted_regimes(call):
    # the cache must not answer an unhashable argument with a bare TypeError
    with pytest.raises(ValueError, match="Accepted"):
        call()


def test_funnel_is_multiplication():
    # worked by hand: 2500 x 0.9 = 2250; x 0.3 = 675; x 0.6 = 405; x 0.75 = 303.75; x 0.8 = 243
    rates = {"checked": 0.9, "match": 0.3, "detainer": 0.6, "held": 0.75, "custody": 0.8}
    result = pl.funnel(2500, rates)
    assert list(result) == ["Bookings", "Fingerprints checked by DHS", "ICE database match", "Detainer lodged",
                            "Held or handed over at release", "Taken into ICE custody"]
    assert [round(v, 6) for v in result.values()] == [2500, 2250, 675, 405, 303.75, 243]


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
    # by hand: 4000 x 0.95 = 3800; x 0.35 = 1330; x 0.6 = 798; x 0.25 = 199.5; x 0.8 = 159.6
    assert [round(v, 6) for v in view.figure.data[0].x] == [4000, 3800, 1330, 798, 199.5, 159.6]
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
    assert pl.funnel_json(counts) == plotly_json(pl.funnel_figure(counts, widget=False))
