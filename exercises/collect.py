"""Run a submitted notebook and collect its answers as plain data (inside the sandbox).

``python -m immfed.exercises.collect NOTEBOOK RESULT VARS_JSON --cell-timeout S`` executes
every code cell of NOTEBOOK in a fresh Jupyter kernel (a cell that raises does not stop
the run; a cell over its time limit is interrupted), then runs one more cell that turns
each answer variable into JSON (see :func:`encode`) and writes RESULT::

    {"answers": {var: encoded value}, "errors": {cell index: "Type: message"},
     "timeouts": [cell index, ...], "hung": cell index or null, "why": "died" or
     "stopped answering", "collected": true}

A cell still running at its limit is interrupted; if the kernel then stays silent (the
notebook broke it), the run stops there and no answers are collected.

Nothing here decides a grade. Everything this process writes is treated by the grader as
an untrusted claim about the answers: a notebook that tampers with it can at most claim
answers it could have typed honestly.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TAG = "__immfed__"  # marks encoded values that JSON has no type for
MAX_TEXT = 20_000   # characters kept of any one string
MAX_ITEMS = 5_000   # items kept of any one list, dict or table


def _marker(kind: str, **fields) -> dict:
    return {TAG: kind, **fields}


def encode(value, depth: int = 0):
    """A JSON-safe copy of an answer value: exact types only, so a str or int subclass with
    odd methods becomes a plain str or int; dicts become item lists (keys need not be
    strings); tables become records; anything else becomes an "unsupported" marker."""
    if depth > 12:
        return _marker("unsupported", type="nested too deeply")
    if value is ... or value is None:
        return _marker("ellipsis") if value is ... else None
    if isinstance(value, bool):
        return bool.__bool__(value) if type(value) is bool else bool(int.__int__(value))
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)[:MAX_TEXT]
    if isinstance(value, (list, tuple)):
        return [encode(v, depth + 1) for v in list(value)[:MAX_ITEMS]]
    if isinstance(value, (set, frozenset)):
        items = [encode(v, depth + 1) for v in list(value)[:MAX_ITEMS]]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))
    if isinstance(value, dict):
        return _marker("dict", items=[[encode(k, depth + 1), encode(v, depth + 1)]
                                      for k, v in list(dict.items(value))[:MAX_ITEMS]])
    module = type(value).__module__.split(".")[0]
    if module == "pandas" and type(value).__name__ == "DataFrame":
        records = value.head(MAX_ITEMS).to_dict("records")
        return _marker("table", columns=[encode(c, depth + 1) for c in value.columns],
                       records=[[encode(v, depth + 1) for v in row.values()] for row in records])
    if module in ("pandas", "numpy") and hasattr(value, "tolist"):
        return encode(value.tolist(), depth + 1)  # Series, Index, arrays and numpy scalars
    return _marker("unsupported", type=type(value).__name__[:80])


def dump(namespace: dict, names: list[str], path: str) -> None:
    """Write the encoded answer variables found in ``namespace`` to ``path`` (the last cell)."""
    answers = {}
    for name in names:
        if name in namespace:
            try:
                answers[name] = encode(namespace[name])
            except Exception as exc:  # noqa: BLE001 - an answer that cannot be read is "unsupported"
                answers[name] = _marker("unsupported", type=f"unreadable ({type(exc).__name__})")
    Path(path).write_text(json.dumps(answers), encoding="utf-8")


def _one_line(text: str) -> str:
    line = next((ln for ln in str(text).splitlines() if ln.strip()), "")
    return line.strip()[:200]


GRACE = 15  # seconds a kernel gets to answer after a timed-out cell is interrupted


def run(notebook: Path, result: Path, names: list[str], cell_timeout: float) -> None:
    """Execute ``notebook`` cell by cell, then collect the answers into ``result``."""
    import asyncio

    # jsonschema (under nbformat) builds a URI grammar on import when rfc3987_syntax is
    # installed, 2-5 s of every run here; nbformat's schema never uses it, so skip it in
    # this driver process (the notebook's own kernel is left exactly as installed).
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    nb = nbformat.read(notebook, as_version=4)
    answers_file = result.with_name(result.stem + "-answers.json")
    collector = nbformat.v4.new_code_cell(
        f'__import__("immfed.exercises.collect", fromlist=["dump"]).dump(globals(), {names!r}, '
        f'{str(answers_file)!r})')
    nb.cells.append(collector)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = NotebookClient(nb, timeout=cell_timeout, kernel_name="python3", allow_errors=True,
                            interrupt_on_timeout=True, record_timing=False, shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(notebook.parent)}})
    hung, why = None, ""

    async def execute() -> None:
        nonlocal hung, why
        async with client.async_setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    # nbclient interrupts a cell at its time limit; a kernel the notebook broke
                    # (say by replacing built-ins ipykernel relies on) never answers, so stop here.
                    await asyncio.wait_for(client.async_execute_cell(cell, index), cell_timeout + GRACE)
                except asyncio.TimeoutError:
                    hung, why = index, "stopped answering"
                    break
                except DeadKernelError:
                    hung, why = index, "died"
                    break
            _write_result(nb, result, answers_file, hung, why)

    asyncio.run(execute())


def _write_result(nb, result: Path, answers_file: Path, hung: int | None, why: str = "") -> None:
    errors, timeouts = {}, []
    for index, cell in enumerate(nb.cells[:-1]):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "error":
                if out.get("ename") == "KeyboardInterrupt":
                    timeouts.append(index)
                else:
                    errors[str(index)] = f"{out.get('ename', 'Error')}: {_one_line(out.get('evalue', ''))}"
    if hung is not None and hung < len(nb.cells) - 1 and why != "died":
        timeouts.append(hung)
    try:
        answers = json.loads(answers_file.read_text(encoding="utf-8")) if hung is None else {}
        collected = hung is None
    except (OSError, ValueError):
        answers, collected = {}, False
    result.write_text(json.dumps({"answers": answers, "errors": errors, "timeouts": sorted(set(timeouts)),
                                  "hung": hung, "why": why, "collected": collected}), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("result")
    parser.add_argument("names", help="JSON list of the answer variable names")
    parser.add_argument("--cell-timeout", type=float, default=30)
    args = parser.parse_args(argv)
    run(Path(args.notebook), Path(args.result), json.loads(args.names), args.cell_timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
