"""Self-check widget, driven in plain pytest without a browser.

Expected answers are typed here from the law, not read back from the table: a Form I-200
is signed by an immigration officer, not a judge (8 C.F.R. 236.1(b); 287.5(e)(2) lists the
officers who may issue it), so in ``l01_admin_warrant`` the right option is the second,
"A designated immigration officer", and the first (a magistrate judge) is wrong.
"""

from __future__ import annotations

import pytest

from immfed.exercises.feedback import Feedback
from immfed.widgets.quiz import check_answer, question, quiz

QID = "l01_admin_warrant"
RIGHT_TEXT = "A designated immigration officer"  # 8 C.F.R. 236.1(b), 287.5(e)(2)
JUDGE_TEXT = "A federal magistrate judge after finding probable cause"


@pytest.mark.parametrize("choice", [2, "b", "B", " b ", RIGHT_TEXT, RIGHT_TEXT.upper()])
def test_the_officer_answer_is_right_in_every_form(choice):
    fb = check_answer(QID, choice)
    assert isinstance(fb, Feedback)  # the one feedback type the exercises use too
    assert fb.status == "correct" and fb.correct
    assert fb.sources == ("cfr_8_236_1",)


@pytest.mark.parametrize("choice", [1, "a", JUDGE_TEXT])
def test_the_judge_answer_is_wrong_and_the_right_option_is_named(choice):
    fb = check_answer(QID, choice)
    assert fb.status == "incorrect" and not fb.correct
    assert RIGHT_TEXT in fb.message  # a self-check reveals the right option
    assert "judicial warrant" in fb.message  # the option's own note
    assert fb.section.startswith("4.")  # and where to reread


@pytest.mark.parametrize("choice", [None, "", "   "])
def test_blank_answer_is_not_answered(choice):
    fb = check_answer(QID, choice)
    assert fb.status == "unanswered" and "pick one of the options" in fb.message


@pytest.mark.parametrize("choice", [99, 0, -1, "zz", 3.5, ["a"], True, {"x": 1}])
def test_odd_answers_get_a_message_not_a_traceback(choice):
    fb = check_answer(QID, choice)
    assert fb.status == "invalid" and "letter" in fb.message


def test_unknown_question_lists_known_ids():
    with pytest.raises(KeyError, match="Known"):
        question("l99_nope")


def test_self_checks_and_exercises_share_one_scorer(monkeypatch):
    """A change to the exercise scorer shows in the self-checks: there is one engine."""
    import immfed.widgets.quiz as quiz_module
    from immfed.exercises.scoring import Scored

    monkeypatch.setattr(quiz_module, "score_answer", lambda k, v: Scored("incorrect", "from the one scorer", 0.0))
    assert check_answer(QID, "b").message == "from the one scorer"


def test_quiz_view_shows_feedback_after_check():
    box = quiz(QID)
    radios, button, out = box.children[1], box.children[2], box.children[3]
    button.click()
    assert "Not answered" in out.value
    radios.value = 1  # the judge
    button.click()
    assert "Not yet" in out.value and RIGHT_TEXT in out.value
    radios.value = 2
    button.click()
    assert "Right." in out.value and "Source:" in out.value and "236.1" in out.value


def test_package_exports_every_tool_lazily():
    import immfed.widgets as widgets

    for name in widgets._EXPORTS:
        assert callable(getattr(widgets, name)), name
