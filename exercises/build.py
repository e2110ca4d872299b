"""Turn each exercise source notebook into a student notebook and grading material.

``build()`` runs ``otter assign`` (otter-grader, the ``instructor`` extra) on every
``exercises/source/NN_*.ipynb``, given a copy in which each auto-graded question's public
and hidden tests and its literal solution line are written from the answer key
(:mod:`immfed.exercises.keyed`), and then:

- writes the student notebook to ``exercises/student/`` (committed and shipped in the
  wheel), with otter's ``import otter`` line replaced by the course's own
  :class:`immfed.exercises.Notebook`, so students need only the course package, and with
  cell ids and metadata made deterministic so a rebuild is byte-identical;
- puts the autograder zip (public and hidden tests) at
  ``build/exercises/autograder/NN_name-autograder.zip`` (``build/`` is git-ignored);
- collects the rubrics of the written questions in ``build/exercises/rubrics.md``;
- writes the grading material the grader checks answers with, read-only, with its SHA-256
  recorded (``build/exercises/grading/``, see :mod:`immfed.exercises.material`).

The autograder zip serves otter users and the benchmark; ``immfed exercises grade`` checks
answers with the grading material instead, in a process that never runs student code.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
STUDENT = HERE / "student"
REPO = HERE.parent
OUT = REPO / "build" / "exercises"

INIT_CELL = ('# Self-checks: run this cell first. grader.check("q1") then says right or wrong, and why.\n'
             "from immfed.exercises import Notebook\n"
             'grader = Notebook("{name}")')


class BuildError(RuntimeError):
    """A source notebook could not be turned into student and grading versions."""


def sources(source_dir: Path = SOURCE) -> list[Path]:
    """The exercise source notebooks, in lesson order."""
    if not source_dir.is_dir():
        raise BuildError(f"No exercise sources at {source_dir}: build from a clone of the course repository.")
    return sorted(source_dir.glob("[0-9][0-9]_*.ipynb"))


def _otter_available() -> None:
    try:
        import otter  # noqa: F401
    except ImportError as exc:
        raise BuildError("Building exercises needs otter-grader: pip install -e \".[instructor]\"") from exc


def normalize_student(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Make otter's student notebook deterministic and independent of otter."""
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-s{i:03d}"
        src = cell.get("source", "")
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
            if "import otter" in src and "otter.Notebook(" in src:
                cell["source"] = INIT_CELL.format(name=name)
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items()
                            if k in ("deletable", "editable", "tags")}
    keep = {"kernelspec", "language_info", "otter"}
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in keep}
    nb.metadata["language_info"] = {"name": "python"}
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def _dump(nb) -> str:
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def rubric_text(source: Path) -> str:
    """The written questions of one source notebook with their model answers and rubrics."""
    nb = nbformat.read(source, as_version=4)
    parts, cells = [], nb.cells
    for i, cell in enumerate(cells):
        if cell.cell_type == "raw" and cell.source.startswith("# BEGIN QUESTION") and "manual: true" in cell.source:
            qname = re.search(r"name:\s*(\S+)", cell.source).group(1)
            prompt = cells[i + 1].source
            answer = next(c.source for c in cells[i + 2:] if c.cell_type == "markdown")
            parts.append(f"### {source.stem} {qname}\n\n{prompt}\n\n{answer}\n")
    return "\n".join(parts)


_RUNNER = """
import json, sys
from otter.assign import main
for source, dist in json.loads(sys.argv[1]):
    main(source, dist, no_pdfs=True, no_run_tests=True)
"""


def with_key_cells(source: Path) -> nbformat.NotebookNode:
    """Source notebook ``source`` with the cells the answer key writes (tests, literal
    solutions) put in: what otter assign is given."""
    from immfed.exercises import keyed
    from immfed.exercises.keys import KEYS

    nb = nbformat.read(source, as_version=4)
    try:
        return keyed.for_otter(nb, source.stem[:2], KEYS.get(source.stem[:2], {}), source.name)
    except keyed.KeyedError as exc:
        raise BuildError(str(exc)) from exc


def sync_sources(source_dir: Path = SOURCE, names: list[str] | None = None) -> list[str]:
    """Write each source notebook's literal solution lines from the answer key (so the
    source shows, and nbval runs it with, the key's answers); returns what changed."""
    from immfed.exercises import keyed
    from immfed.exercises.keys import KEYS

    notes = []
    for source in sources(source_dir):
        if names and not any(source.stem.startswith(n) for n in names):
            continue
        try:
            notes += keyed.sync_source(source, KEYS.get(source.stem[:2], {}))
        except keyed.KeyedError as exc:
            raise BuildError(str(exc)) from exc
    return notes


def _assign_all(todo: list[Path], out: Path) -> list[tuple[str, str, Path]]:
    """Run otter assign on every source in one subprocess (importing otter takes several
    seconds, so one import for all); returns (name, student notebook text, autograder zip)."""
    results = []
    with tempfile.TemporaryDirectory(prefix="immfed-assign-") as tmp:
        given = Path(tmp) / "given"
        given.mkdir()
        pairs = []
        for s in todo:
            nbformat.write(with_key_cells(s), given / s.name)
            pairs.append((str(given / s.name), str(Path(tmp) / s.stem)))
        proc = subprocess.run([sys.executable, "-c", _RUNNER, json.dumps(pairs)],
                              capture_output=True, text=True, cwd=tmp)
        if proc.returncode != 0:
            raise BuildError(f"otter assign failed:\n{proc.stdout[-2000:]}{proc.stderr[-3000:]}")
        for source, (_, dist) in zip(todo, pairs):
            name, dist = source.stem, Path(dist)
            nb = nbformat.read(dist / "student" / source.name, as_version=4)
            zips = list((dist / "autograder").glob("*.zip"))
            if len(zips) != 1:
                raise BuildError(f"otter assign wrote {len(zips)} autograder zips for {source.name}; "
                                 "is 'generate: true' in its ASSIGNMENT CONFIG?")
            target = out / "autograder" / f"{name}-autograder.zip"
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target.chmod(0o644)  # built read-only last time
                target.unlink()
            shutil.copyfile(zips[0], target)
            results.append((name, _dump(normalize_student(nb, name)), target))
    return results


def build(source_dir: Path = SOURCE, student_dir: Path = STUDENT, out: Path = OUT,
          names: list[str] | None = None) -> dict[str, Path]:
    """Build every source (or those whose names start with one of ``names``).

    Returns {exercise name: autograder zip}. Student notebooks are written to ``student_dir``."""
    _otter_available()
    todo = [s for s in sources(source_dir) if not names or any(s.stem.startswith(n) for n in names)]
    if not todo:
        raise BuildError(f"No source notebook matches {names} in {source_dir}.")
    out.mkdir(parents=True, exist_ok=True)
    student_dir.mkdir(parents=True, exist_ok=True)
    results = _assign_all(todo, out)
    for name, text, _ in results:
        (student_dir / f"{name}.ipynb").write_text(text, encoding="utf-8")
    (out / "rubrics.md").write_text(
        "# Rubrics for the written answers\n\nGenerated by `immfed exercises build`; do not hand out.\n\n"
        + "\n".join(rubric_text(s) for s in sources(source_dir)), encoding="utf-8")
    from immfed.exercises import material  # imported here: material imports this module

    material.write(out, [name for name, _, _ in results], source_dir)
    material.record(out, [zip_path for _, _, zip_path in results])
    return {name: zip_path for name, _, zip_path in results}


def autograder_zip(name: str, out: Path = OUT) -> Path:
    """The autograder zip for exercise ``name``, building it first if it is missing or no
    longer has the SHA-256 recorded when it was built (a notebook graded by plain
    ``otter run`` runs as you and could have rewritten it)."""
    from immfed.exercises import material

    target = out / "autograder" / f"{name}-autograder.zip"
    if not target.exists() or not material.matches_record(out, target):
        build(names=[name], out=out, student_dir=Path(tempfile.mkdtemp(prefix="immfed-student-")))
    return target
