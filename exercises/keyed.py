"""The cells of an exercise that the answer key writes: tests and literal solutions.

Each auto-graded answer is written once, in its key entry (``exercises/keys/exNN.py``).
``immfed exercises build`` hands otter a copy of each source notebook in which, for every
auto-graded question,

- the **public test** is the students' own self-check, ``assert_ok("01", "q1", q1)``;
- the **hidden test** scores the answer with :func:`immfed.exercises.scoring.score_answer`
  (the one function behind the self-checks and ``immfed exercises grade``) against the
  key entry *embedded as a literal*: the test carries the answer it was built with, so
  the autograder zip (whose SHA-256 the build records) fixes the answer, and changing
  ``immfed.exercises.keys`` where the zip runs, on disk or from inside the notebook,
  does not change it. Using the shared scorer rather than a comparison of its own means
  the hidden test cannot disagree with what the self-check told the student. (Code run
  in the notebook's kernel can still replace ``score_answer`` or otter's test runner,
  as it can ``assert_ok``; ``immfed exercises grade`` is the grader that withstands
  that, because it scores outside the notebook's process.)
- the **solution line** ``q1 = "b"  # SOLUTION ...`` is rewritten from the key wherever the
  solution is a literal. Solutions that compute the answer (the worked pandas) and the
  sample answers of predictions (which have no right answer) stay as written.

What the source notebook keeps in a question's ``# BEGIN TESTS`` block are only *extra*
hidden tests that check something the key cannot: the answer recomputed from the shipped
tables or the course's tools at grading time (for instance exercise 07 recomputing
Georgia's counts). Each must use the answer variable and must not restate the answer;
the build refuses a public test there (it is generated) and a hidden test that ignores
the answer (it would give points for anything).
"""

from __future__ import annotations

import ast
import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HIDDEN_CONFIG = '""" # BEGIN TEST CONFIG\nhidden: true\n""" # END TEST CONFIG\n'


class KeyedError(ValueError):
    """A source notebook and the answer key do not fit together."""


def key_path(exercise: str) -> str:
    return f"exercises/keys/ex{exercise}.py"


def literal(value) -> str:
    """``value`` as a Python literal in the sources' style (double quotes, one line)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        inner = ", ".join(literal(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise KeyedError(f"cannot write {type(value).__name__} {value!r} as a literal")


def answer_var(question: str, entry: dict) -> str:
    return entry.get("var", question)


def solution_line(exercise: str, question: str, entry: dict) -> str:
    """The solution line of a question whose answer the key gives as a literal."""
    return f"{answer_var(question, entry)} = {literal(entry['answer'])}  # SOLUTION: from the key, {key_path(exercise)}"


def public_test(exercise: str, question: str, var: str | None = None) -> str:
    """The public test: the same friendly check students run with grader.check."""
    return (f"from immfed.exercises.checks import assert_ok\n"
            f'assert_ok("{exercise}", "{question}", {var or question})')


def hidden_test(exercise: str, question: str, entry: dict) -> str:
    """The hidden test: the key entry as a literal, scored with the self-checks' function."""
    var = answer_var(question, entry)
    return (HIDDEN_CONFIG
            + "from immfed.exercises.scoring import score_answer as _score_answer\n"
            + f"_key_entry = {entry!r}\n"
            + f"_scored = _score_answer(_key_entry, {var})\n"
            + 'assert _scored.status in ("correct", "recorded"), _scored.message')


def is_hidden(code: str) -> bool:
    return code.lstrip().startswith('""" # BEGIN TEST CONFIG') and re.search(r"^hidden:\s*true\s*$", code, re.M) is not None


# ---------------------------------------------------------------- reading a source notebook

@dataclass
class Question:
    name: str
    manual: bool
    begin: int  # index of the "# BEGIN QUESTION" cell
    end: int  # index of the "# END QUESTION" cell
    solutions: list[int] = field(default_factory=list)  # code cells inside BEGIN/END SOLUTION
    tests_begin: int | None = None
    tests_end: int | None = None
    tests: list[int] = field(default_factory=list)  # code cells inside BEGIN/END TESTS


def _text(cell) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _raw(cell, start: str) -> bool:
    return cell["cell_type"] == "raw" and _text(cell).startswith(start)


def questions(cells: list) -> list[Question]:
    """The questions of a source notebook's cells, with where their solutions and tests are."""
    found: list[Question] = []
    current: Question | None = None
    block = None
    for i, cell in enumerate(cells):
        if _raw(cell, "# BEGIN QUESTION"):
            text = _text(cell)
            current = Question(re.search(r"name:\s*(\S+)", text).group(1), "manual: true" in text, i, -1)
        elif current is None:
            continue
        elif _raw(cell, "# END QUESTION"):
            current.end = i
            found.append(current)
            current, block = None, None
        elif _raw(cell, "# BEGIN SOLUTION"):
            block = "solution"
        elif _raw(cell, "# BEGIN TESTS"):
            block, current.tests_begin = "tests", i
        elif _raw(cell, "# END TESTS"):
            block, current.tests_end = None, i
        elif _raw(cell, "# END SOLUTION"):
            block = None
        elif cell["cell_type"] == "code" and block == "solution":
            current.solutions.append(i)
        elif cell["cell_type"] == "code" and block == "tests":
            current.tests.append(i)
    return found


_SOLUTION = re.compile(r"^(?P<indent>[ \t]*)(?P<var>[A-Za-z_]\w*)\s*=\s*(?P<rhs>.+?)\s*# ?SOLUTION\b.*$", re.M)


def _is_literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def sync_solution(code: str, exercise: str, question: str, entry: dict) -> str:
    """``code`` with each literal solution line of the answer variable written from the key."""
    if entry["kind"] == "prediction" or "answer" not in entry:
        return code  # a prediction's solution is a sample commitment, not an answer
    var = answer_var(question, entry)

    def sub(m: re.Match) -> str:
        if m.group("var") != var or not _is_literal(m.group("rhs")):
            return m.group(0)  # another variable, or a computed answer: the worked solution stays
        return m.group("indent") + solution_line(exercise, question, entry)

    return _SOLUTION.sub(sub, code)


def uses(code: str, var: str) -> bool:
    """Whether ``code`` reads the variable ``var``."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    return any(isinstance(n, ast.Name) and n.id == var for n in ast.walk(tree))


def check_source(cells: list, exercise: str, keys: dict, where: str = "") -> list[Question]:
    """The questions of a source notebook, after checking that it leaves to the key what the
    key writes: every auto-graded question has a key entry, a solution cell and no public
    test of its own; every extra hidden test uses the answer variable."""
    found = questions(cells)
    for q in found:
        if q.manual:
            continue
        if q.name not in keys:
            raise KeyedError(f"{where}: question {q.name} has no entry in {key_path(exercise)}")
        if not q.solutions:
            raise KeyedError(f"{where}: question {q.name} has no solution cell (# BEGIN SOLUTION ... # END SOLUTION)")
        var = answer_var(q.name, keys[q.name])
        for i in q.tests:
            code = _text(cells[i])
            if not is_hidden(code):
                raise KeyedError(f"{where}: {q.name} has a public test in the source; public and hidden tests "
                                 f"are generated from {key_path(exercise)}, so delete it")
            if not uses(code, var):
                raise KeyedError(f"{where}: a hidden test of {q.name} never uses {var}, so it would give points "
                                 "for any answer; make it check the answer or delete it")
    return found


def for_otter(nb: dict, exercise: str, keys: dict, where: str = "") -> dict:
    """A copy of source notebook ``nb`` with the key's solution lines and tests written in:
    what ``otter assign`` is given."""
    import nbformat

    nb = copy.deepcopy(nb)
    cells = nb["cells"]
    found = check_source(cells, exercise, keys, where)
    # work from the last question back, so inserting cells keeps earlier indexes valid
    for q in reversed(found):
        if q.manual:
            continue
        entry = keys[q.name]
        for i in q.solutions:
            cells[i]["source"] = sync_solution(_text(cells[i]), exercise, q.name, entry)
        made = [nbformat.v4.new_code_cell(public_test(exercise, q.name, answer_var(q.name, entry))),
                nbformat.v4.new_code_cell(hidden_test(exercise, q.name, entry))]
        if q.tests_begin is not None:
            cells[q.tests_begin + 1:q.tests_begin + 1] = made  # before the source's extra hidden tests
        else:
            cells[q.end:q.end] = [nbformat.v4.new_raw_cell("# BEGIN TESTS"), *made,
                                  nbformat.v4.new_raw_cell("# END TESTS")]
    return nb


def sync_source(path: Path, keys: dict) -> list[str]:
    """Rewrite the literal solution lines of source notebook ``path`` from the key (so the
    source shows, and runs with, the key's answers); returns one note per line changed."""
    import nbformat

    path = Path(path)
    exercise = path.stem[:2]
    nb = nbformat.read(path, as_version=4)
    notes = []
    for q in check_source(nb.cells, exercise, keys, path.name):
        if q.manual:
            continue
        for i in q.solutions:
            old = nb.cells[i].source
            new = sync_solution(old, exercise, q.name, keys[q.name])
            if new != old:
                nb.cells[i].source = new
                notes.append(f"{path.name} {q.name}: solution line now written from {key_path(exercise)}")
    if notes:
        nbformat.write(nb, path)
    return notes


# ---------------------------------------------------------------- finding restated answers

def _constant_values(tree: ast.AST):
    """The value of every sub-expression built from constants only (literals and arithmetic
    on them), e.g. "b", ["CA", "IL"], {"tfm": 12} or 1902 / 2654."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Load, ast.Store, ast.expr_context)) or not isinstance(node, ast.expr):
            continue
        parts = list(ast.walk(node))
        if not _is_constant(node):
            continue
        if any(isinstance(n, (ast.Pow, ast.LShift)) for n in parts):
            continue  # could take for ever; no answer is written that way
        try:
            value = eval(compile(ast.Expression(node), "<test>", "eval"), {"__builtins__": {}})  # noqa: S307
        except Exception:  # noqa: BLE001 - 1 / 0 and the like are simply not an answer
            continue
        yield value


def _operands(node: ast.AST):
    """The sub-expressions a comparison compares directly: its operands and, through
    arithmetic, calls such as abs() or int() and and/or, their parts (not subscripts,
    attributes or comprehensions, where constants name columns and positions)."""
    if isinstance(node, (ast.BinOp,)):
        yield from _operands(node.left)
        yield from _operands(node.right)
    elif isinstance(node, ast.UnaryOp):
        yield from _operands(node.operand)
    elif isinstance(node, ast.BoolOp):
        for v in node.values:
            yield from _operands(v)
    elif isinstance(node, ast.Call):
        for a in node.args:
            yield from _operands(a)
    yield node


def _matches_part(value, entry: dict) -> bool:
    """Whether a constant equals one part of a dictionary answer (one number or label)."""
    import math

    answer = entry.get("answer")
    if not isinstance(answer, dict) or isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        tol = entry.get("tolerance", 1e-9)
        return any(isinstance(v, (int, float)) and math.isclose(value, v, abs_tol=tol) for v in answer.values())
    return isinstance(value, str) and value.strip().lower() in {str(v).lower() for v in answer.values()}


def restated_answers(code: str, entry: dict, var: str | None = None) -> list:
    """The constants in test ``code`` that restate the key's answer to the question: a value
    the key's own scorer calls right (or, for a prediction, a valid prediction), a copy of
    the key's options or labels, and, in a comparison with the answer variable ``var``, a
    single number (a number answer, or one part of a dictionary answer) or label of it."""
    from immfed.exercises.scoring import PASSING, score_answer

    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    found = []
    lists = [sorted(map(str, entry[f])) for f in ("labels", "options") if f in entry]
    scalar = entry["kind"] == "number"
    for value in _constant_values(tree):
        if isinstance(value, str) and value.lstrip().startswith("# BEGIN TEST CONFIG"):
            continue  # otter's test config block
        if scalar and isinstance(value, (int, float)):
            continue  # a bare number such as 3 is only an answer where it is compared (below)
        as_list = sorted(map(str, value)) if isinstance(value, (list, tuple, set)) else None
        if score_answer(entry, value).status in PASSING or (as_list is not None and as_list in lists):
            found.append(value)
    var = var or entry.get("var")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare) or (var and not uses(ast.unparse(node), var)):
            continue
        for side in [node.left, *node.comparators]:
            for part in _operands(side):
                for value in _constant_values(part) if _is_constant(part) else ():
                    if (scalar and score_answer(entry, value).status == "correct") or _matches_part(value, entry):
                        found.append(value)
    return found


def _is_constant(node: ast.AST) -> bool:
    return all(isinstance(n, (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.BinOp, ast.UnaryOp,
                              ast.operator, ast.unaryop, ast.Load)) for n in ast.walk(node))
