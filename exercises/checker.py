"""Check one submission's collected answers: the second, clean process per submission.

``python -E -P -m immfed.exercises.checker MATERIAL SHA256 RESULT NOTEBOOK`` never runs
student code. It reads:

- MATERIAL, the exercise's grading material, only if its SHA-256 is SHA256;
- RESULT, the answers the sandboxed run collected, as data (JSON, size-limited);
- NOTEBOOK, the submitted file as JSON, for the written answers and to say which answer
  cell raised an error.

It scores every auto-graded question with :func:`immfed.exercises.scoring.score_answer`
(the self-check's own function) and prints one JSON object on stdout::

    {"questions": [{"name", "points", "possible", "status", "note"}],
     "written": [{"name", "possible", "text", "blank", "rubric"}], "notes": [...]}
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

from immfed.exercises.collect import TAG
from immfed.exercises.material import load_verified
from immfed.exercises.scoring import PASSING, score_answer

MAX_RESULT_BYTES = 20_000_000
PLACEHOLDER = "_Type your answer here, replacing this text._"


class Unsupported:
    """An answer the sandbox could not turn into data (a function, a custom object ...)."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"<{self.kind} object>"


def decode(value):
    """Turn the sandbox's JSON back into Python values; unknown shapes become Unsupported."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        kind = value.get(TAG)
        if kind == "ellipsis":
            return ...
        if kind == "dict" and isinstance(value.get("items"), list):
            pairs = [p for p in value["items"] if isinstance(p, list) and len(p) == 2]
            out = {}
            for k, v in pairs:
                k = decode(k)
                out[k if isinstance(k, (str, int, float, bool)) or k is None else repr(k)] = decode(v)
            return out
        if kind == "table":
            import pandas as pd

            columns = [str(decode(c)) for c in value.get("columns", [])]
            return pd.DataFrame([decode(r) for r in value.get("records", [])], columns=columns or None)
        return Unsupported(str(value.get("type", "unknown"))[:80])
    return value


def _cell_text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def answer_cells(cells: list[dict], var: str) -> list[int]:
    """Indexes of the code cells that assign ``var`` (where its answer is written)."""
    pattern = re.compile(rf"^\s*{re.escape(var)}\s*=(?!=)", re.M)
    return [i for i, c in enumerate(cells) if c.get("cell_type") == "code" and pattern.search(_cell_text(c))]


def written_answer(cells: list[dict], name: str) -> str | None:
    """The text a student wrote for written question ``name`` ("q8"): the cells between the
    prompt that starts "**Q8" and the END QUESTION marker. None if the prompt is gone."""
    number = name.lstrip("q")
    for i, cell in enumerate(cells):
        text = _cell_text(cell)
        if "<!-- BEGIN QUESTION -->" in text and re.search(rf"\*\*Q{re.escape(number)}\b", text):
            parts = []
            for later in cells[i + 1:]:
                body = _cell_text(later)
                if "<!-- END QUESTION -->" in body or "<!-- BEGIN QUESTION -->" in body:
                    break
                parts.append(body)
            return "\n\n".join(p.replace(PLACEHOLDER, "").strip() for p in parts).strip()
    return None


def _first_sentence(text: str, limit: int = 160) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit - 3] + "..."


def check(material: dict, result: dict | None, cells: list[dict], run_note: str = "") -> dict:
    """Score one submission; ``result`` is None when no answers could be collected."""
    questions, written, notes = [], [], []
    answers = (result or {}).get("answers", {}) if isinstance(result, dict) else {}
    errors = (result or {}).get("errors", {}) if isinstance(result, dict) else {}
    timeouts = set((result or {}).get("timeouts", [])) if isinstance(result, dict) else set()
    if not isinstance(answers, dict):
        answers = {}
    for q in material["questions"]:
        if q["manual"]:
            text = written_answer(cells, q["name"])
            written.append({"name": q["name"], "possible": q["points"], "text": text or "",
                            "blank": not text, "rubric": q.get("rubric", ""),
                            "note": "" if text else ("blank" if text is not None else "answer cell not found")})
            continue
        var, possible = q["var"], q["points"]
        if result is None:
            questions.append({"name": q["name"], "points": 0.0, "possible": possible, "status": "not run",
                              "note": f"not graded: {run_note}" if run_note else "not graded"})
            continue
        cells_of_var = answer_cells(cells, var)
        raised = [errors.get(str(i)) for i in cells_of_var if errors.get(str(i))]
        over = [i for i in cells_of_var if i in timeouts]
        value = decode(answers[var]) if var in answers else ...
        scored = score_answer(q["key"], value)
        points = round(possible * scored.fraction, 4)
        if over:
            note = "its cell ran over the time limit and was stopped"
        elif raised and scored.status in ("unanswered", "invalid", "incorrect"):
            note = f"its cell raised {raised[-1]}"
        elif scored.status in PASSING:
            note = ""
        elif scored.status == "unanswered":
            note = "blank" if var in answers else f"blank: {var} was never set"
        elif scored.status == "invalid":
            note = f"wrong type: {_first_sentence(scored.message)}"
        elif scored.fraction > 0:
            note = f"partly right: {_first_sentence(scored.message)}"
        else:
            note = f"wrong: {_first_sentence(scored.message)}"
        questions.append({"name": q["name"], "points": points, "possible": possible, "status": scored.status,
                          "note": note})
    if run_note:
        notes.append(run_note)
    return {"questions": questions, "written": written, "notes": notes}


def read_untrusted(path: Path, limit: int = MAX_RESULT_BYTES) -> bytes | None:
    """The bytes of a file the sandbox wrote, or None unless it is a plain file (not a
    symlink to one of your files, not a pipe that never ends) of at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        return fh.read(limit + 1)[:limit]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    material_path, sha, result_path, notebook_path = argv[:4]
    run_note = argv[4] if len(argv) > 4 else ""
    material = load_verified(Path(material_path), sha)
    result = None
    path = Path(result_path)
    data = read_untrusted(path)
    if data is not None:
        try:
            result = json.loads(data.decode("utf-8"))
        except ValueError:
            run_note = run_note or "the notebook's answers could not be read back"
        hung = result.get("hung") if isinstance(result, dict) else None
        if isinstance(hung, int) and not isinstance(hung, bool):
            if result.get("why") == "died":
                run_note = run_note or f"the kernel died at cell {hung + 1}, so no answers were collected"
            else:
                run_note = run_note or (f"the kernel stopped answering at cell {hung + 1}: it ran over the time "
                                        "limit and could not be interrupted, so no answers were collected")
            result = None
        elif isinstance(result, dict) and not result.get("collected"):
            run_note = run_note or "the notebook's answers could not be collected (did a cell break the kernel?)"
            result = None
    elif path.exists() or path.is_symlink():
        run_note = run_note or "the notebook's answers were not a plain file of a readable size"
    else:
        run_note = run_note or "the notebook's answers could not be collected"
    try:
        cells = json.loads(Path(notebook_path).read_text(encoding="utf-8")).get("cells", [])
        cells = [c for c in cells if isinstance(c, dict)]
    except (OSError, ValueError, AttributeError):
        cells = []
    print(json.dumps(check(material, result, cells, run_note)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
