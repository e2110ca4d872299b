"""Self-check widget, driven in plain pytest without a browser."""

from __future__ import annotations

import pytest

from immfed.data import load
from immfed.widgets.quiz import check_answer, question, questions_for, quiz


@pytest.fixture(scope="module")
def q():
    first = load("self_checks").iloc[0]["question_id"]
    return question(first)


def test_right_answer_by_number_letter_and_text_is_correct(q):
    right = q["answer"]
    for choice in (right, chr(ord("a") + right - 1), q["options"][right - 1].upper()):
        fb = check_answer(q["question_id"], choice)
        assert fb.correct, choice
        assert q["explanation"] in fb.message and fb.citation


def test_wrong_answer_names_the_right_one_and_the_section(q):
    wrong = 1 if q["answer"] != 1 else 2
    fb = check_answer(q["question_id"], wrong)
    assert fb.status == "incorrect"
    assert q["options"][q["answer"] - 1] in fb.message and q["section"] in fb.message


@pytest.mark.parametrize("choice", [None, "", "   "])
def test_blank_answer_is_not_answered(q, choice):
    assert check_answer(q["question_id"], choice).status == "unanswered"


@pytest.mark.parametrize("choice", [99, 0, "zz", 3.5, ["a"], True, {"x": 1}])
def test_odd_answers_get_a_message_not_a_traceback(q, choice):
    fb = check_answer(q["question_id"], choice)
    assert fb.status == "invalid" and "letter" in fb.message


def test_unknown_question_lists_known_ids():
    with pytest.raises(KeyError, match="Known"):
        question("l99_nope")


def test_every_lesson_question_checks_its_own_answer():
    for lesson in sorted(set(load("self_checks")["lesson"])):
        for qid in questions_for(int(lesson)):
            assert check_answer(qid, question(qid)["answer"]).correct


def test_quiz_view_shows_feedback_after_check(q):
    box = quiz(q["question_id"])
    radios, button, out = box.children[1], box.children[2], box.children[3]
    button.click()
    assert "Not answered" in out.value
    radios.value = q["answer"]
    button.click()
    assert "Correct" in out.value and "Source:" in out.value


def test_package_exports_every_tool_lazily():
    import immfed.widgets as widgets

    for name in widgets._EXPORTS:
        assert callable(getattr(widgets, name)), name
