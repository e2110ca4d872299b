"""Who handed in a notebook, read from the names learning platforms give downloaded files.

:func:`identify` returns a :class:`Student` (a clean display name, the platform's own id
where there is one, and which platform's pattern matched) for these layouts:

- Canvas, "Download submissions": ``jonescara_12345_67890_01_federal_baseline.ipynb`` and
  the late variant ``jonescara_LATE_12345_67890_...``; 12345 is the Canvas user id the
  gradebook import needs, 67890 the submission file's id; a resubmission may end ``-1``.
- Moodle, "Download all submissions": ``Cara Jones_12345_assignsubmission_file_name.ipynb``,
  or a folder of that name (``..._assignsubmission_file_``) holding the notebook.
- Gradescope, "Export submissions": ``submission_123456/notebook.ipynb`` beside a
  ``submission_metadata.yml`` that names the submitters.
- Otherwise a sub-folder per student (``ana/01_federal_baseline.ipynb``), or the file name
  with the exercise name, copy numbers like `` (1)`` and stray separators removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CANVAS = re.compile(r"^(?P<login>[A-Za-z0-9-]+?)(?:_LATE|_late)?_(?P<uid>\d+)_(?P<sub>\d+)_(?P<rest>.+)$")
MOODLE = re.compile(r"^(?P<name>.+?)_(?P<uid>\d+)_assignsubmission_(?:file|onlinetext)_?(?P<rest>.*)$")
GRADESCOPE = re.compile(r"^submission_(?P<sub>\d+)$")


@dataclass(frozen=True)
class Student:
    """One student as far as the file name tells: ``name`` for people, ``id`` for the LMS."""

    name: str
    id: str = ""
    lms: str = ""

    @property
    def key(self) -> str:
        """What identifies the student across a batch (the LMS id where there is one)."""
        return f"{self.lms}:{self.id}" if self.id else self.name


def clean(text: str, exercise: str | None = None) -> str:
    """A display name from a file or folder name: drop the exercise name, copy numbers
    such as " (1)" or "-1", and separators left dangling ("Cara Jones -  (1)" -> "Cara Jones")."""
    if exercise:
        text = text.replace(exercise, " ")
    text = re.sub(r"\s*\(\d+\)", " ", text)
    text = re.sub(r"(?<=\D)-\d+$", "", text.strip())
    text = re.sub(r"[\s_]+", " ", text)
    return text.strip(" -_.,") or "unknown"


def _gradescope_names(folder: Path) -> dict[str, tuple[str, str]]:
    """submission folder -> (name, sid) from Gradescope's submission_metadata.yml (read as
    text: the file is small and regular, and this keeps the grader free of a YAML parser)."""
    meta = folder / "submission_metadata.yml"
    found: dict[str, tuple[str, str]] = {}
    try:
        text = meta.read_text(encoding="utf-8")
    except OSError:
        return found
    for block in re.split(r"^(?=submission_\d+:)", text, flags=re.M):
        head = re.match(r"submission_\d+", block)
        name = re.search(r":name:\s*['\"]?([^'\"\n]+)", block)
        sid = re.search(r":sid:\s*['\"]?([^'\"\n]*)", block)
        if head:
            found[head.group(0)] = ((name.group(1).strip() if name else ""), (sid.group(1).strip() if sid else ""))
    return found


def identify(path: Path, root: Path, exercise: str | None = None) -> Student:
    """The student who handed in ``path`` (a notebook somewhere under ``root``)."""
    rel = Path(path).resolve().relative_to(Path(root).resolve())
    names = [rel.stem, *reversed(rel.parts[:-1])]  # the file first, then its folders inward-out
    for part in names:
        m = CANVAS.match(part)
        if m:
            return Student(m.group("login").lower(), m.group("uid"), "canvas")
        m = MOODLE.match(part)
        if m:
            return Student(clean(m.group("name")), m.group("uid"), "moodle")
        m = GRADESCOPE.match(part)
        if m:
            for folder in Path(path).resolve().parents:
                meta = _gradescope_names(folder)
                if part in meta:
                    name, sid = meta[part]
                    return Student(name or part, sid or m.group("sub"), "gradescope")
                if folder == Path(root).resolve():
                    break
            return Student(part, m.group("sub"), "gradescope")
    if len(rel.parts) > 1:
        return Student("/".join(rel.parts[:-1]))  # a folder per student: its name as the instructor made it
    return Student(clean(rel.stem, exercise))


def version_key(file: str) -> tuple[int, int, str]:
    """Orders several files of one student and exercise oldest first: by Canvas's
    submission file id, then by a copy number (``-1``, `` (2)``), then by name."""
    stem = Path(file).stem
    canvas = CANVAS.match(Path(file).name)
    copy = re.search(r"(?:-(\d+)|\s*\((\d+)\))$", stem)
    number = int(copy.group(1) or copy.group(2)) if copy else 0
    return (int(canvas.group("sub")) if canvas else 0, number, file)
