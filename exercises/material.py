"""The grading material of each exercise: what the grader's checking process reads.

One JSON file per exercise, ``build/exercises/grading/NN_name.json``::

    {"exercise": "01_federal_baseline", "id": "01",
     "questions": [{"name": "q1", "points": 2.0, "manual": false, "var": "q1", "key": {...}},
                   {"name": "q8", "points": 3.0, "manual": true, "prompt": "...", "rubric": "..."}]}

It is made from the source notebook (question names, points, prompts and rubrics) and the
answer key (``immfed.exercises.keys``, the same entries the self-checks use). ``build``
writes these files and the autograder zips read-only and records their SHA-256 in
``grading/SHA256SUMS.json`` (keyed by the path inside ``build/exercises``).
Before grading, :func:`prepare` makes the material afresh from the sources, reports any
file that no longer matches its recorded hash (a sign it was changed after the build),
and writes the batch's own read-only copy whose hash the checking process verifies before
it reads a byte of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from pathlib import Path

SUMS = "SHA256SUMS.json"
# Imports of nbformat and the build module are deferred: the checking process imports this
# module only for load_verified and should start in well under a second.


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def questions_of(source: Path) -> list[dict]:
    """Every question of one source notebook, in order, from otter's BEGIN QUESTION cells."""
    import nbformat

    from immfed.exercises.keys import KEYS

    nb = nbformat.read(source, as_version=4)
    keys = KEYS.get(source.stem[:2], {})
    found, cells = [], nb.cells
    for i, cell in enumerate(cells):
        text = cell.source
        if cell.cell_type != "raw" or not text.startswith("# BEGIN QUESTION"):
            continue
        name = re.search(r"name:\s*(\S+)", text).group(1)
        pts = re.search(r"points:\s*([\d.]+)", text)
        q = {"name": name, "points": float(pts.group(1)) if pts else 1.0, "manual": "manual: true" in text}
        if q["manual"]:
            q["prompt"] = cells[i + 1].source if i + 1 < len(cells) else ""
            q["rubric"] = next((c.source for c in cells[i + 2:] if c.cell_type == "markdown"), "")
        else:
            if name not in keys:
                raise KeyError(f"{source.name}: question {name} has no entry in the answer key")
            q["var"] = keys[name].get("var", name)
            q["key"] = keys[name]
        found.append(q)
    return found


def material_for(source: Path) -> bytes:
    """The grading material of one source notebook, as the exact bytes written to disk."""
    data = {"exercise": source.stem, "id": source.stem[:2], "questions": questions_of(source)}
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _write_read_only(path: Path, data: bytes) -> None:
    if path.exists():
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        path.unlink()
    path.write_bytes(data)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def write(out: Path | None = None, names: list[str] | None = None, source_dir: Path | None = None) -> dict[str, Path]:
    """Write the grading material of every source (or of ``names``) with their hashes
    (default: into ``build/exercises``, from ``exercises/source``)."""
    from immfed.exercises.build import OUT, SOURCE, sources

    out, source_dir = out or OUT, source_dir or SOURCE
    folder = out / "grading"
    folder.mkdir(parents=True, exist_ok=True)
    sums_path = folder / SUMS
    try:
        sums = json.loads(sums_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        sums = {}
    written = {}
    for source in sources(source_dir):
        if names and source.stem not in names:
            continue
        data = material_for(source)
        target = folder / f"{source.stem}.json"
        _write_read_only(target, data)
        sums[str(target.relative_to(out))] = sha256(data)  # keys: paths inside the build folder
        written[source.stem] = target
    _write_read_only(sums_path, (json.dumps(sums, indent=1, sort_keys=True) + "\n").encode())
    return written


def record(out: Path, files: list[Path]) -> None:
    """Make ``files`` (inside ``out``) read-only and record their SHA-256 in the sums file."""
    sums_path = out / "grading" / SUMS
    sums_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        sums = json.loads(sums_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        sums = {}
    for path in files:
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        sums[str(Path(path).relative_to(out))] = sha256(Path(path).read_bytes())
    _write_read_only(sums_path, (json.dumps(sums, indent=1, sort_keys=True) + "\n").encode())


def matches_record(out: Path, path: Path) -> bool:
    """True if ``path`` (inside ``out``) still has the SHA-256 recorded when it was built."""
    try:
        sums = json.loads((out / "grading" / SUMS).read_text(encoding="utf-8"))
        return sums.get(str(Path(path).relative_to(out))) == sha256(Path(path).read_bytes())
    except (OSError, ValueError):
        return False


def prepare(names: list[str], batch_dir: Path, out: Path | None = None) -> tuple[dict[str, tuple[Path, str]], list[str]]:
    """Material for one grading batch: {exercise: (read-only file in ``batch_dir``, sha256)}
    plus warnings about build files that had changed since they were built."""
    from immfed.exercises.build import OUT, sources

    out = out or OUT
    warnings = []
    folder = out / "grading"
    try:
        sums = json.loads((folder / SUMS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        sums = {}
    by_name = {s.stem: s for s in sources()}
    fresh = {name: material_for(by_name[name]) for name in names}
    stale = []
    for name, data in fresh.items():
        built = folder / f"{name}.json"
        if not built.exists():
            stale.append(name)
            continue
        on_disk = built.read_bytes()
        if sums.get(str(built.relative_to(out))) != sha256(on_disk):
            warnings.append(f"{built} did not match the hash recorded when it was built (changed since?); "
                            "it was rebuilt from the source notebook and the answer key")
            stale.append(name)
        elif on_disk != data:
            stale.append(name)  # the source or the key changed since the last build: rebuild quietly
    if stale:
        write(out, stale)
    batch_dir.mkdir(parents=True, exist_ok=True)
    pinned = {}
    for name, data in fresh.items():
        path = batch_dir / f"{name}.json"
        _write_read_only(path, data)
        pinned[name] = (path, sha256(data))
    os.chmod(batch_dir, stat.S_IRUSR | stat.S_IXUSR | stat.S_IWUSR)
    return pinned, warnings


def load_verified(path: Path, expected_sha: str) -> dict:
    """Read a material file, refusing it unless its SHA-256 is the expected one."""
    data = Path(path).read_bytes()
    if sha256(data) != expected_sha:
        raise ValueError(f"grading material {path} does not match its recorded SHA-256; refusing to use it")
    return json.loads(data.decode("utf-8"))
