"""Write an exercise source notebook in otter-grader's assign format from Python.

The source notebook in ``exercises/source/`` is what instructors edit; this helper only
saves typing when starting a new one::

    nb = SourceNotebook("04_detainers", "Exercise 04. Detainers and jails")
    nb.md("Intro text")
    nb.question("q1", "**Q1.** Prompt ...")  # the answer is in exercises/keys/ex04.py
    nb.question("q3", "**Q3 (pandas).** Prompt ...",
                solution='rules = load("detainer_rules")\nq3 = sorted(rules["state_code"].unique())  # SOLUTION',
                hidden=['from immfed.data import load as _load\nassert sorted(q3) == ...'])
    nb.written("q9", "**Q9.** Explain ...", answer="Model answer ...", rubric="- 1 pt ...")
    nb.write("exercises/source/04_detainers.ipynb")

Each question becomes the otter cells ``# BEGIN QUESTION`` ... ``# END QUESTION``. The
answer of an auto-graded question is written once, in the answer key
(``exercises/keys/exNN.py``): ``immfed exercises build`` writes its public test, its hidden
test and, where the answer is a literal, its solution line from the key
(:mod:`immfed.exercises.keyed`). A source gives a solution only where it computes the
answer, and hidden tests only where they check something the key cannot (the answer
recomputed from the shipped data at grading time).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from immfed.exercises.keyed import HIDDEN_CONFIG

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def assignment_config(name: str) -> str:
    """The otter ``# ASSIGNMENT CONFIG`` cell text for exercise ``name``."""
    return "\n".join([
        "# ASSIGNMENT CONFIG",
        f"name: {name}",
        "generate: true",  # without it otter writes no autograder zip (verified with otter-grader 7.0)
        "run_tests: false",  # tests/test_exercises.py runs every public and hidden test against the solutions
        "init_cell: true",
        "check_all_cell: false",
        "export_cell: false",
        "solutions_pdf: false",
        "tests:",
        "  files: false",
        "  ok_format: true",
        "files: []",
    ])


def options_md(options: dict) -> str:
    """A key's options as a markdown list: - **a**. text."""
    return "\n".join(f"- **{k}**. {v}" for k, v in options.items())


class SourceNotebook:
    """Accumulates cells for one exercise source notebook."""

    def __init__(self, name: str, title: str):
        self.name = name
        self.exercise = name[:2]
        self.cells = [nbformat.v4.new_raw_cell(assignment_config(name)), nbformat.v4.new_markdown_cell(title)]

    def md(self, text: str) -> None:
        self.cells.append(nbformat.v4.new_markdown_cell(text.strip()))

    def code(self, text: str) -> None:
        self.cells.append(nbformat.v4.new_code_cell(text.strip()))

    def question(self, name: str, prompt: str, solution: str | None = None, hidden: list[str] = (),
                 points: int | float = 1) -> None:
        """An auto-graded question: prompt, solution code and extra hidden tests.

        Without ``solution`` the solution cell is ``qN = ...  # SOLUTION``, which the build
        fills from the key. ``hidden`` are extra hidden tests (each must use the answer
        variable and must not restate the answer); the public test and the hidden test that
        checks the key's answer are generated. Otter splits ``points`` evenly over the test
        cases, so an otter run that passes some tests and fails others gives part of the points."""
        raw, code, md = nbformat.v4.new_raw_cell, nbformat.v4.new_code_cell, nbformat.v4.new_markdown_cell
        self.cells += [raw(f"# BEGIN QUESTION\nname: {name}\npoints: {points}"), md(prompt.strip()),
                       raw("# BEGIN SOLUTION"), code((solution or f"{name} = ...  # SOLUTION").strip()),
                       raw("# END SOLUTION")]
        if hidden:
            self.cells += [raw("# BEGIN TESTS"), *(code(HIDDEN_CONFIG + t.strip()) for t in hidden),
                           raw("# END TESTS")]
        self.cells += [raw("# END QUESTION")]

    def written(self, name: str, prompt: str, answer: str, rubric: str, points: int | float = 3) -> None:
        """A short written answer, graded by the instructor with ``rubric`` (never shown to students)."""
        raw, md = nbformat.v4.new_raw_cell, nbformat.v4.new_markdown_cell
        self.cells += [raw(f"# BEGIN QUESTION\nname: {name}\nmanual: true\npoints: {points}"), md(prompt.strip()),
                       raw("# BEGIN SOLUTION"),
                       md(f"**Model answer.** {answer.strip()}\n\n**Rubric ({points} points).**\n\n{rubric.strip()}"),
                       raw("# END SOLUTION"), raw("# END QUESTION")]

    def write(self, path: str | Path) -> Path:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
        nb.metadata["language_info"] = {"name": "python"}
        nb.cells = self.cells
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"{self.exercise}-{i:03d}"
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        return path
