"""The Binder / JupyterHub configuration (binder/) names everything the course needs.

repo2docker, which builds mybinder.org images and many JupyterHub images, reads
``binder/runtime.txt`` for the Python version and installs ``binder/requirements.txt``
with pip from the repository root. Nothing is installed here (no test touches the
network): the files are read, and every third-party module that the lessons, the
student exercises, the widgets and presenter mode import is checked against what that
install brings.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import json
import re
import sys
import tomllib

from conftest import REPO

BINDER = REPO / "binder"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
# The student-facing code: what a lesson, an exercise or `immfed present` imports.
STUDENT_CODE = ["src/immfed/*.py", "widgets/*.py", "data/*.py", "lessons/*.py",
                "exercises/__init__.py", "exercises/notebook.py", "exercises/checks.py", "exercises/reveal.py"]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> str:
    return _norm(re.match(r"[A-Za-z0-9._-]+", spec).group(0))


def _binder_distributions() -> set[str]:
    """Distribution names the binder install brings directly: the lines of requirements.txt,
    with "." (or ".[extra]") expanded to this project's dependencies (and that extra)."""
    names = set()
    for line in (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        local = re.fullmatch(r"\.(?:\[([\w,\s-]+)\])?", line)
        if local:
            names |= {_requirement_name(d) for d in PROJECT["dependencies"]}
            for extra in filter(None, (local.group(1) or "").split(",")):
                names |= {_requirement_name(d) for d in PROJECT["optional-dependencies"][extra.strip()]}
            names.add(_norm(PROJECT["name"]))
        else:
            names.add(_requirement_name(line))
    return names


def _with_dependencies(names: set[str]) -> set[str]:
    """``names`` plus everything they require (as installed here), leaving out
    requirements that only an optional extra brings in."""
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = md.distribution(name).requires or []
        except md.PackageNotFoundError:
            continue
        todo += [_requirement_name(r) for r in requires if "extra ==" not in r.replace("extra==", "extra ==")]
    return seen


def _module_level_imports(path) -> set[str]:
    """Top-level packages imported when the module loads (imports inside functions are
    lazy and belong to optional features, so they are left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _notebook_imports() -> set[str]:
    found = set()
    for nb_path in [*sorted((REPO / "lessons").glob("*.ipynb")), *sorted((REPO / "exercises/student").glob("*.ipynb"))]:
        for cell in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                found |= set(re.findall(r"^\s*(?:from|import)\s+(\w+)", "".join(cell["source"]), re.M))
    return found


def test_runtime_matches_the_projects_python_floor():
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-3\.(\d+)", runtime)
    assert match, f"runtime.txt must read python-3.X, not {runtime!r}"
    floor = PROJECT["requires-python"]
    assert int(match.group(1)) >= int(re.search(r"3\.(\d+)", floor).group(1)), (runtime, floor)


def test_binder_installs_what_presenter_mode_and_the_lessons_need():
    brought = _binder_distributions()
    # named explicitly: the README's Binder links open JupyterLab (lab/tree/...) and Voila
    # (voila/render/...), and FigureWidget charts render through anywidget
    for needed in ("immigration-federalism-course", "jupyterlab", "voila", "anywidget", "ipywidgets", "plotly"):
        assert needed in brought, f"binder/requirements.txt does not bring {needed}"


def test_every_student_facing_import_is_brought_by_the_binder_install():
    brought = _with_dependencies(_binder_distributions())
    modules = set(_notebook_imports())
    for pattern in STUDENT_CODE:
        for path in REPO.glob(pattern):
            modules |= _module_level_imports(path)
    owners = md.packages_distributions()
    missing = {}
    for module in sorted(modules):
        if module in sys.stdlib_module_names or module in ("immfed", "__future__"):
            continue
        dists = {_norm(d) for d in owners.get(module, [])}
        assert dists, f"no installed distribution provides '{module}'"
        if not dists & brought:
            missing[module] = sorted(dists)
    assert not missing, f"imported by lessons/exercises/widgets but not brought by binder/: {missing}"
