"""Grade a folder of submitted exercise notebooks: two processes per submission.

``grade_folder(folder, out_csv)`` finds every ``.ipynb`` under ``folder``, works out which
exercise it is (the notebook's otter metadata, else its file name) and who handed it in
(:mod:`immfed.exercises.lms_names`), and for each one:

1. runs a private copy of the notebook in a bubblewrap sandbox (:mod:`.sandbox`), which
   collects the answer variables as data (:mod:`.collect`), within a time limit per cell
   and per notebook;
2. checks those answers in a separate clean Python process that never runs student code
   (:mod:`.checker`), with the grading material verified by its SHA-256 (:mod:`.material`)
   and the scoring function the self-checks use (:mod:`.scoring`).

So nothing a notebook does (redefining built-ins, patching the checks or otter, writing
files beside itself) reaches the checking. Results are written as each submission
finishes: the long CSV ``out_csv`` (student, exercise, question, points, possible, note,
student_id, file), plus, beside it, ``<stem>-wide.csv`` (one row per student),
``<stem>-canvas.csv`` (Canvas gradebook import) and ``<stem>-written.csv`` (written
answers with their rubrics, for review). Without a working sandbox, grading is refused
unless ``unsafe=True``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from immfed.exercises import exports, material, sandbox
from immfed.exercises.build import OUT, sources
from immfed.exercises.lms_names import Student, identify

CELL_TIMEOUT = 60       # seconds; the slowest exercise cell (a widget reveal) takes about 10 s
NOTEBOOK_TIMEOUT = 300  # seconds for a whole notebook, kernel start and answer collection included
CHECK_TIMEOUT = 120     # seconds for the checking process (it only reads JSON and scores it)


class GradeError(RuntimeError):
    """Grading cannot start: a bad --out path, no submissions folder or no sandbox."""


@dataclass(frozen=True)
class Limits:
    cell: float = CELL_TIMEOUT
    notebook: float = NOTEBOOK_TIMEOUT


def exercise_of(path: Path, known: list[str]) -> str | None:
    """The exercise name of a submission: otter metadata first, then the file name."""
    try:
        meta = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
        name = meta.get("otter", {}).get("assignment_name")
        if name in known:
            return name
    except (OSError, ValueError, AttributeError, UnicodeDecodeError):
        pass
    for name in known:
        if name in Path(path).stem or Path(path).stem.startswith(name[:2] + "_"):
            return name
    return None


def output_paths(out_csv: Path) -> dict[str, Path]:
    """The long CSV and the exports written beside it."""
    out_csv = Path(out_csv)
    stem = out_csv.stem
    return {"long": out_csv, "wide": out_csv.with_name(f"{stem}-wide.csv"),
            "canvas": out_csv.with_name(f"{stem}-canvas.csv"), "written": out_csv.with_name(f"{stem}-written.csv")}


def validate_out(out_csv: Path) -> None:
    """Fail before any grading if the results could not be written."""
    for path in output_paths(out_csv).values():
        if path.is_dir():
            raise GradeError(f"--out: {path} is a folder; give a file name such as {path / 'scores.csv'}")
        if path.exists() and not os.access(path, os.W_OK):
            raise GradeError(f"--out: {path} exists and cannot be written")
    parent = Path(out_csv).resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GradeError(f"--out: cannot create the folder {parent}: {exc.strerror or exc}") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise GradeError(f"--out: the folder {parent} is not writable")


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole session: kernel and anything it started
    except (ProcessLookupError, PermissionError):
        pass
    proc.kill()
    proc.wait()


def _run(cmd: list[str], timeout: float, **kw) -> tuple[int | None, str, str]:
    """Run ``cmd`` in its own session; (returncode or None on time-out, stdout, stderr)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kw)
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        _kill(proc)
        return None, "", ""


def _run_untrusted(cmd: list[str], timeout: float, log: Path, **kw) -> tuple[int | None, str]:
    """Run the notebook's process; its output goes to ``log`` on disk, never into this
    process's memory (a notebook may print without end). Returns (returncode or None on
    time-out, the last lines of its error output)."""
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True, **kw)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            code = None
    with log.open("rb") as fh:
        fh.seek(max(0, log.stat().st_size - 4000))
        return code, fh.read().decode("utf-8", "replace")


def _not_gradable(who: Student, exercise: str, file: str, mat: dict, why: str) -> dict:
    from immfed.exercises.checker import check

    return {"student": who, "exercise": exercise, "file": file, **check(mat, None, [], why)}


def grade_submission(path: Path, who: Student, exercise: str, file: str, mat: tuple[Path, str],
                     limits: Limits, unsafe: bool = False, hide: list[Path] = ()) -> dict:
    """Run and check one notebook; never raises for anything the notebook holds."""
    mat_path, mat_sha = mat
    mat_data = material.load_verified(mat_path, mat_sha)
    names = [q["var"] for q in mat_data["questions"] if not q["manual"]]
    try:
        raw = Path(path).read_bytes()
        nb = json.loads(raw.decode("utf-8"))
        if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
            raise ValueError("no list of cells")
        import nbformat

        nbformat.validate(nbformat.reads(raw.decode("utf-8"), as_version=4))
    except Exception as exc:  # noqa: BLE001 - a corrupt file is a note, never a crash
        why = f"could not read this notebook ({type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''})"
        return _not_gradable(who, exercise, file, mat_data, why)
    base = Path(tempfile.mkdtemp(prefix="immfed-grade-"))
    try:
        original = base / "original.ipynb"
        original.write_bytes(raw)
        run = base / "run"
        run.mkdir()
        (run / "submission.ipynb").write_bytes(raw)
        inner = sandbox.INSIDE if not unsafe else str(run)
        argv = [sys.executable, "-m", "immfed.exercises.collect", f"{inner}/submission.ipynb", f"{inner}/result.json",
                json.dumps(names), "--cell-timeout", str(limits.cell)]
        log = base / "run.log"
        if unsafe:
            code, err = _run_untrusted(argv, limits.notebook, log, cwd=run, env=sandbox.environment_for_unsafe())
        else:
            code, err = _run_untrusted(sandbox.command(run, argv, hide=list(hide)), limits.notebook, log)
        note = ""
        if code is None:
            note = f"ran over the {limits.notebook:g} s limit for a whole notebook and was stopped"
        elif code != 0:
            last = next((ln for ln in reversed(err.strip().splitlines()) if ln.strip()), "no message")
            note = f"the notebook could not be run: {last[:200]}"
        check_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        check_env["IMMFED_USER_DATA"] = str(base / "no-user-data")  # the shipped tables only
        rc, out, err = _run([sys.executable, "-E", "-P", "-m", "immfed.exercises.checker", str(mat_path), mat_sha,
                             str(run / "result.json"), str(original), note], CHECK_TIMEOUT, cwd=base, env=check_env)
        if rc != 0:
            last = next((ln for ln in reversed((err or "").strip().splitlines()) if ln.strip()), "time-out")
            return _not_gradable(who, exercise, file, mat_data, f"checking failed: {last[:200]}")
        result = json.loads(out)
        if code is not None and "timeouts" in (checked := _peek(run / "result.json")):
            over = [i + 1 for i in checked["timeouts"] if isinstance(i, int)]
            if over:
                cells = ", ".join(map(str, over[:5]))
                result["notes"].append(f"cell {cells} ran over the {limits.cell:g} s limit per cell and was stopped")
        return {"student": who, "exercise": exercise, "file": file, **result}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _peek(path: Path) -> dict:
    """The cells that ran over time, from the sandbox's result file (read as untrusted)."""
    from immfed.exercises.checker import read_untrusted

    raw = read_untrusted(path)
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
        ok = isinstance(data, dict) and isinstance(data.get("timeouts"), list)
        return {"timeouts": data["timeouts"]} if ok else {}
    except ValueError:
        return {}


def grade_folder(folder: str | Path, out_csv: str | Path, out: Path = OUT, workers: int | None = None,
                 limits: Limits = Limits(), unsafe: bool = False, written_marks: Path | None = None,
                 progress=None) -> list[dict]:
    """Grade every notebook under ``folder``; returns the long CSV's rows.

    ``progress(result)`` is called as each submission finishes (the CLI prints a line)."""
    root = Path(folder).resolve()
    if not root.is_dir():
        raise GradeError(f"No folder {folder}")
    validate_out(Path(out_csv))
    if not (limits.cell > 0 and limits.notebook > 0) or (workers is not None and workers < 1):
        raise GradeError("time limits must be positive numbers of seconds, and --workers at least 1")
    marks = exports.read_marks(written_marks) if written_marks else {}
    if not unsafe:
        problem = sandbox.sandbox_problem()
        if problem:
            raise GradeError(f"{problem}. Refusing to grade without a sandbox; pass --unsafe-no-sandbox to grade "
                             f"anyway. {sandbox.UNSAFE_RISK}")
    if not unsafe and (needed := sandbox.cannot_hide(root)):
        raise GradeError(f"The submissions folder {root} holds {needed}, which the sandbox must show to every "
                         "notebook, so it could not hide the other submissions; move them to a folder of their own.")
    known = [s.stem for s in sources()]
    subs = sorted(p for p in root.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    jobs, skipped = [], []
    for path in subs:
        name = exercise_of(path, known)
        who = identify(path, root, name)
        rel = str(path.relative_to(root))
        if name is None:
            skipped.append({"student": who.name, "exercise": "", "question": "", "points": "", "possible": "",
                            "note": f"{path.name}: not an exercise notebook (no known exercise name)",
                            "student_id": who.id, "file": rel})
        else:
            jobs.append((path, who, name, rel))
    paths = output_paths(Path(out_csv))
    batch = Path(tempfile.mkdtemp(prefix="immfed-batch-"))
    lock = threading.Lock()
    results: list[dict] = []
    rows: list[dict] = list(skipped)
    try:
        try:
            pinned, warnings = material.prepare(sorted({j[2] for j in jobs}), batch / "material", out)
        except (KeyError, OSError, ValueError, AttributeError) as exc:
            raise GradeError(f"could not make the grading material from exercises/source and the answer keys: "
                             f"{exc.args[0] if exc.args else exc}") from None
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
        with paths["long"].open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=exports.LONG_FIELDS)
            writer.writeheader()
            writer.writerows(skipped)
            fh.flush()
            workers = workers or max(1, min(2, os.cpu_count() or 1, len(jobs)))
            hide = [root]
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(grade_submission, path, who, name, rel, pinned[name], limits, unsafe, hide):
                           (path, who, name, rel) for path, who, name, rel in jobs}
                for fut in as_completed(futures):
                    path, who, name, rel = futures[fut]
                    try:
                        res = fut.result()
                    except Exception as exc:  # noqa: BLE001 - our own bug must not lose the batch
                        res = _not_gradable(who, name, rel, material.load_verified(*pinned[name]),
                                            f"grading failed: {type(exc).__name__}: {exc}"[:300])
                    with lock:
                        results.append(res)
                        new = exports.long_rows(res, marks)
                        rows.extend(new)
                        writer.writerows(new)
                        fh.flush()
                        _write_exports(results, paths, marks)
                    if progress:
                        progress(res)
        _write_exports(results, paths, marks)
    finally:
        shutil.rmtree(batch, ignore_errors=True)
    return rows


def _write_exports(results: list[dict], paths: dict[str, Path], marks: dict) -> None:
    exports.write_wide(results, paths["wide"], marks)
    exports.write_canvas(results, paths["canvas"], marks)
    exports.write_written(results, paths["written"], marks)
