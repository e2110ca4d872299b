"""The scenario explorer: pure HTML from the engine, a thin view, clear errors."""

import pytest

from immfed.law import analyze
from immfed.widgets import explore_scenario, scenario_html


def test_html_shows_answer_steps_by_level_and_citations():
    # N.C.G.S. 162-62(b1): detainer + administrative warrant, person charged with a crime -> required
    a = analyze("NC", "jem", "hold_past_release", paperwork=("detainer", "admin_warrant"), charge="misdemeanor",
                custody="bail_posted", person="lpr", location="jail")
    html = scenario_html(a)
    assert "REQUIRED" in html and "\u25b2" in html
    assert html.index("Federal baseline") < html.index("State law")
    assert "162-62(b1)" in html and "8 C.F.R. 287.7(a)" in html  # citations from the authorities table


def test_html_shows_branches_when_the_answer_depends():
    # N.J. AG Directive 2018-6 (rev. 2019): holds only for listed violent or serious offenses
    html = scenario_html(analyze("NJ", "local_no_agreement", "hold_past_release", paperwork=("detainer",)))
    assert "DEPENDS" in html and "It turns on the charge" in html
    assert "<td>serious or violent</td>" in html and "scope='col'" in html


def test_prediction_mode_hides_the_answer():
    html = scenario_html(analyze("TX", "local_no_agreement", "hold_past_release", paperwork=("detainer",)), reveal=False)
    assert "REQUIRED" not in html and "prediction" in html


def test_view_redraws_on_each_control_and_reveals_on_click():
    view = explore_scenario("CA", "local_no_agreement", "ask_status", paperwork=None, reveal=False)
    c = view.controls
    assert "NOT ALLOWED" not in c["panel"].value
    c["show"].click()
    assert "NOT ALLOWED" in c["panel"].value  # Cal. Gov't Code 7284.6(a)(1)(A)
    c["state"].value = "TX"
    assert "ALLOWED" in c["panel"].value and "NOT ALLOWED" not in c["panel"].value
    c["action"].value, c["paperwork"].value = "enter_home", ("admin_warrant",)
    c["consent"].value = "none"
    assert "NOT ALLOWED" in c["panel"].value and "Payton" in c["panel"].value  # 445 U.S. 573


@pytest.mark.parametrize("kwargs, words", [
    (dict(state="ZZ"), "two-letter"),
    (dict(actor="sheriff"), "ice_officer"),
    (dict(paperwork=("warrant",)), "judicial_warrant"),
    (dict(certified="yes"), "True, False"),
])
def test_bad_arguments_give_a_clear_value_error(kwargs, words):
    with pytest.raises(ValueError) as err:
        explore_scenario(**kwargs)
    assert words in str(err.value)


def test_starting_paperwork_matches_one_offered_choice():
    view = explore_scenario(paperwork=("detainer", "admin_warrant"))
    options = view.controls["paperwork"].options
    assert len(options) == 9  # no duplicate added for the usual detainer + warrant pair
    label = [lab for lab, val in options if val == view.controls["paperwork"].value][0]
    assert label.startswith("Detainer")
