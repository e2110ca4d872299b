"""The one scoring function behind both the students' self-checks and the instructor's grade.

``score_answer(entry, value)`` takes one answer-key entry (see ``immfed.exercises.keys``)
and a student's answer and returns a :class:`Scored`: a status ("correct", "incorrect",
"unanswered", "invalid", or "recorded" for a committed prediction, which earns full
credit), the plain-language message the self-check shows, and the
fraction of the question's points earned. ``grader.check("q4")`` shows exactly this
message, and the grader multiplies the same fraction by the question's points, so a
student told "3 of 4 right" gets 3/4 of the points.

Credit is all or nothing except where an answer has several independently checked parts
(a dictionary of labels or numbers): there each right part earns its share, and the
message says so. This module imports nothing from the course, so the grader's checking
process can use it without loading anything else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real

UNANSWERED = "unanswered"
# The statuses that earn full credit: a right answer, or a committed prediction.
PASSING = ("correct", "recorded")


@dataclass(frozen=True)
class Scored:
    """The verdict on one answer: status, message and fraction of the points (0 to 1)."""

    status: str
    message: str
    fraction: float


def _is_blank(value) -> bool:
    return value is ... or value is None or (isinstance(value, str) and not value.strip())


def _letter(value, options: dict) -> str | None:
    """A letter 'a'..'d' (any case, with or without brackets) or the option's full text."""
    if not isinstance(value, str):
        return None
    text = value.strip().strip("()").strip()
    if text.lower() in options:
        return text.lower()
    for letter, option in options.items():
        if text.casefold() == option.casefold():
            return letter
    return None


def _as_list(value) -> list | None:
    """Lists, tuples, sets, pandas Index/Series and numpy arrays become a list; others None."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        return None
    try:
        items = list(value.tolist() if hasattr(value, "tolist") else value)
    except Exception:  # noqa: BLE001 - any odd object is simply "not a list"
        return None
    return items


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Real):
        return float(value)
    if hasattr(value, "item") and getattr(value, "size", 1) == 1:  # numpy / pandas scalars
        try:
            return _number(value.item())
        except Exception:  # noqa: BLE001
            return None
    return None


def _choice(k: dict, value):
    options = k["options"]
    letters = ", ".join(f'"{x}"' for x in options)
    letter = _letter(value, options)
    if letter is None:
        return "invalid", (f"Answer with the letter of one option in quotes, one of {letters}; "
                           f"you gave {_show(value)}.")
    if letter == k["answer"]:
        return "correct", k["explanation"]
    why = k.get("feedback", {}).get(letter, "")
    message = f'"{letter}" is not the best answer. {why}'.strip()
    if k.get("reveal"):
        # lesson self-checks are practice, not graded: say which option is right and why
        right = k["answer"]
        message += f' The answer is "{right}": {options[right]} {k["explanation"]}'
    return "incorrect", message


def _multi(k: dict, value):
    options = k["options"]
    items = _as_list(value)
    if items is None:
        return "invalid", (f'Answer with a list of letters, for example ["a", "c"]; you gave {_show(value)}.')
    letters = [_letter(v, options) for v in items]
    if None in letters:
        bad = [v for v, l in zip(items, letters) if l is None]
        return "invalid", f"Every item must be one of {', '.join(options)}; not {_show(bad[0])}."
    chosen, right = set(letters), set(k["answer"])
    if chosen == right:
        return "correct", k["explanation"]
    notes = [k["feedback"][x] for x in sorted(chosen - right) if x in k.get("feedback", {})]
    missing = len(right - chosen)
    head = (f"{len(chosen & right)} of your {len(chosen)} choice(s) are right"
            + (f", and {missing} right option(s) are missing." if missing else ".") + " " + k.get("hint", ""))
    return "incorrect", " ".join([head, *notes])


def _label(k: dict, value):
    labels = k["labels"]
    if not isinstance(value, str) or value.strip().lower() not in labels:
        return "invalid", f"Answer with one of {', '.join(repr(x) for x in labels)}; you gave {_show(value)}."
    got = value.strip().lower()
    if got == k["answer"]:
        return "correct", k["explanation"]
    return "incorrect", f'"{got}" is not right. ' + k.get("feedback", {}).get(got, k.get("hint", ""))


def _number_check(k: dict, value):
    got = _number(value)
    if got is None or math.isnan(got):
        return "invalid", f"Answer with a number without quotes ({k.get('unit', 'for example 12 or 0.5')}), not {_show(value)}."
    if math.isclose(got, k["answer"], abs_tol=k.get("tolerance", 1e-9)):
        return "correct", k["explanation"]
    for wrong, why in k.get("feedback_values", []):
        if math.isclose(got, wrong, abs_tol=k.get("tolerance", 1e-9)):
            return "incorrect", why
    return "incorrect", k.get("hint", "That is not the value the table gives.")


def _strings(k: dict, value, *, codes: bool):
    """A list of strings compared with the key's list: two-letter codes (``codes``; upper
    case, exact count) or names (lower case). Order counts only where the key is ``ordered``."""
    items = _as_list(value)
    if items is None or not all(isinstance(v, str) for v in items):
        example = '"TX", "FL"' if codes else f'"{k["answer"][0]}"'
        what = "two-letter state codes" if codes else "names"
        return "invalid", f"Answer with a list of {what} in quotes, for example [{example}]; you gave {_show(value)}."
    got = [v.strip().upper() if codes else v.strip().lower() for v in items]
    want = [w if codes else w.lower() for w in k["answer"]]
    if codes and len(got) != len(want):
        return "incorrect", f"Give exactly {len(want)} codes; you gave {len(got)}. " + k.get("hint", "")
    same = sorted(got) == sorted(want) and len(set(got)) == len(got)
    if (got == want) if k.get("ordered") else same:
        return "correct", k["explanation"]
    if codes:
        return "incorrect", k.get("hint", "Not the codes the table gives.")
    extra = sorted(set(got) - set(want))
    note = f" Not part of the answer: {', '.join(extra)}." if extra else ""
    return "incorrect", f"You gave {len(got)} name(s); the answer has {len(want)}.{note} " + k.get("hint", "")


def _codes(k: dict, value):
    return _strings(k, value, codes=True)


def _items(k: dict, value):
    """A list of names (order ignored unless ``ordered``), compared case-insensitively."""
    return _strings(k, value, codes=False)


def _numbers(k: dict, value):
    """A dictionary of named numbers, each compared with the key."""
    want: dict = k["answer"]
    if not isinstance(value, dict):
        return "invalid", (f"Answer with a dictionary of numbers with the keys {', '.join(repr(x) for x in want)}; "
                           f"you gave {_show(value)}.")
    missing = [x for x in want if x not in value or _is_blank(value[x])]
    if missing:
        return "invalid", f"Fill in every key; still missing: {', '.join(repr(x) for x in missing)}."
    bad = [x for x in want if _number(value[x]) is None]
    if bad:
        return "invalid", f"{bad[0]!r} must be a number without quotes, not {_show(value[bad[0]])}."
    wrong = [x for x in want if not math.isclose(_number(value[x]), want[x], abs_tol=k.get("tolerance", 1e-9))]
    if not wrong:
        return "correct", k["explanation"]
    right = len(want) - len(wrong)
    return "incorrect", (f"{right} of {len(want)} right; check {', '.join(repr(x) for x in wrong)}. "
                         + k.get("hint", "")), right / len(want)


def _mapping(k: dict, value):
    want: dict = k["answer"]
    labels = k["labels"]
    if not isinstance(value, dict):
        return "invalid", (f"Answer with a dictionary from each item ({', '.join(repr(x) for x in want)}) to one of "
                           f"{', '.join(repr(x) for x in labels)}; you gave {_show(value)}.")
    # item keys are codes such as "tx": "TX" or " Tx " name the same item
    value = {k.strip().lower() if isinstance(k, str) else k: v for k, v in value.items()}
    missing = [x for x in want if x not in value or _is_blank(value[x])]
    if missing:
        return "invalid", f"Label every item; still missing: {', '.join(repr(x) for x in missing)}."
    bad = [x for x in want if not isinstance(value[x], str) or value[x].strip().lower() not in labels]
    if bad:
        return "invalid", (f"Item {bad[0]!r}: use one of {', '.join(repr(x) for x in labels)}, "
                           f"not {_show(value[bad[0]])}.")
    wrong = [x for x in want if value[x].strip().lower() != want[x]]
    if not wrong:
        return "correct", k["explanation"]
    notes = [f"{x}: {k['feedback'][x]}" for x in wrong if x in k.get("feedback", {})]
    right = len(want) - len(wrong)
    return "incorrect", f"{right} of {len(want)} right. " + " ".join(notes), right / len(want)


def _sequence(k: dict, value):
    items = _as_list(value)
    want = list(k["answer"])
    if items is None or sorted(map(str, items)) != sorted(want) or not all(isinstance(v, str) for v in items):
        return "invalid", (f"Answer with a list that puts each of {', '.join(repr(x) for x in sorted(want))} "
                           f"exactly once; you gave {_show(value)}.")
    if items == want:
        return "correct", k["explanation"]
    first = next(i for i, (a, b) in enumerate(zip(items, want)) if a != b)
    return "incorrect", f"The order goes wrong at position {first + 1} ({items[first]!r}). " + k.get("hint", "")


def _prediction(k: dict, value):
    """A prediction earns credit for being committed in a valid form, not for being right."""
    labels = k["labels"]
    if not isinstance(value, str) or value.strip().lower() not in labels:
        return "invalid", f"Commit a prediction: one of {', '.join(repr(x) for x in labels)}; you gave {_show(value)}."
    # "recorded", not "correct": the check cannot know whether the prediction is right (the
    # reveal says that), so it must not tell a wrong prediction "Right."; it earns full credit
    return "recorded", (f"You predicted {value.strip().lower()!r}. Now run the reveal cell below; it says "
                        "whether your prediction matched. A wrong prediction costs nothing: the point is to "
                        "notice what surprised you."), 1.0


_KINDS = {"choice": _choice, "multi": _multi, "label": _label, "number": _number_check, "codes": _codes,
          "mapping": _mapping, "sequence": _sequence, "items": _items, "numbers": _numbers, "prediction": _prediction}


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."




def score_answer(entry: dict, value) -> Scored:
    """Score ``value`` against one answer-key ``entry``. Never raises for a student's answer:
    ``...`` or an empty value is "unanswered", an answer of the wrong type is "invalid"."""
    if _is_blank(value):
        blank = entry.get("blank", "Replace the ... with your answer.")
        return Scored(UNANSWERED, f"{blank} {entry.get('form', '')}".strip(), 0.0)
    try:
        status, message, *part = _KINDS[entry["kind"]](entry, value)
    except Exception as exc:  # noqa: BLE001 - an odd object must never show a traceback
        return Scored("invalid", f"Could not read this answer ({type(exc).__name__}). {entry.get('form', '')}", 0.0)
    fraction = 1.0 if status == "correct" else (float(part[0]) if part else 0.0)
    if 0 < fraction < 1:
        message = f"{message.rstrip()} Partial credit: {_share(fraction)} of this question's points."
    return Scored(status, message, fraction)


def _share(fraction: float) -> str:
    from fractions import Fraction

    f = Fraction(fraction).limit_denominator(12)
    return f"{f.numerator}/{f.denominator}"
