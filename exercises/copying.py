"""Copy the student exercise notebooks into a student's working folder without losing work.

``copy_student_notebooks(dest)`` writes each shipped student notebook into ``dest`` and
records the SHA-256 of what it wrote in ``dest/.immfed-exercises.json``. On a later run
(for example after the course package was updated) a notebook is overwritten only if it
is still byte-for-byte what the last run wrote; a notebook the student has changed, or a
file of the same name the command never wrote, is left alone and reported as skipped.
New notebooks are always written.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

MANIFEST = ".immfed-exercises.json"


@dataclass
class CopyReport:
    """What a copy did: file names written new, updated, already current, and skipped (with why)."""

    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"new      {n}" for n in self.new] + [f"updated  {n}" for n in self.updated]
        out += [f"current  {n}" for n in self.unchanged]
        out += [f"skipped  {n}: {why}" for n, why in self.skipped.items()]
        return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def student_notebooks() -> dict[str, bytes]:
    """The shipped student notebooks, name -> bytes (from the installed package)."""
    folder = resources.files("immfed.exercises") / "student"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".ipynb")}


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    # mkstemp makes owner-only files (0600); a notebook should get the ordinary
    # permissions of a file the user creates (0666 less the umask), e.g. for a TA to read
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)


def copy_student_notebooks(dest: str | Path, notebooks: dict[str, bytes] | None = None) -> CopyReport:
    """Copy the student notebooks into ``dest``; never overwrite a notebook the student changed."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    notebooks = student_notebooks() if notebooks is None else notebooks
    manifest_path = dest / MANIFEST
    try:
        written: dict[str, str] = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        written = {}
    report = CopyReport()
    for name, data in notebooks.items():
        target = dest / name
        new_hash = _sha(data)
        if not target.exists():
            _atomic_write(target, data)
            written[name] = new_hash
            report.new.append(name)
            continue
        current = _sha(target.read_bytes())
        if current == new_hash:
            written[name] = new_hash
            report.unchanged.append(name)
        elif written.get(name) == current:
            _atomic_write(target, data)
            written[name] = new_hash
            report.updated.append(name)
        elif name in written:
            report.skipped[name] = "you changed it since it was copied; your version is kept"
        else:
            report.skipped[name] = "a file of this name already exists and was not written by this command; kept"
    _atomic_write(manifest_path, (json.dumps(written, indent=1, sort_keys=True) + "\n").encode())
    return report
