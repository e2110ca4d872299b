"""Run a command inside a bubblewrap sandbox, the first of the two processes per submission.

A submitted notebook is untrusted code: it runs here with

- the whole system mounted read-only, and a private, empty ``/tmp``;
- the instructor's home folder hidden (an empty folder in its place), with only the
  Python installation and the course package mounted back, read-only, because the
  interpreter has to start;
- the immfed user data folder (refreshed tables) and the submissions folder hidden, so a
  notebook sees the course's shipped tables and cannot read a classmate's work;
- no network (``--unshare-net``: only a private loopback, which the kernel needs);
- its own process tree (``--unshare-pid``) that dies with the grader (``--die-with-parent``);
- one writable folder: the submission's private copy, mounted at ``/tmp/submission``;
- a clean environment and a clean ``HOME`` inside the private ``/tmp``.

``sandbox_problem()`` runs a smoke test and says why the sandbox cannot be used, or None.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

BWRAP = "/usr/bin/bwrap"
INSIDE = "/tmp/submission"  # where the submission's private copy appears inside the sandbox
HOME_INSIDE = "/tmp/home"

UNSAFE_RISK = ("Without a sandbox each notebook runs as you, with your files, your network and no "
               "limits, so a submission can read, change or delete anything you can and can forge its "
               "own grade.")


def _bwrap() -> str | None:
    found = shutil.which("bwrap")
    return found or (BWRAP if Path(BWRAP).exists() else None)


def _python_paths() -> list[Path]:
    """Folders the interpreter and the course package need, which may sit in a hidden home."""
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent.parent}
    # sys.path[0] is the grader's own script folder or working folder, which the sandboxed
    # interpreter does not need (and which may hold files the notebooks should not see).
    for entry in sys.path[1:]:
        if entry and Path(entry).exists():
            paths.add(Path(entry).resolve())
    import immfed  # the package (an editable install points into the repository)

    paths.add(Path(immfed.__file__).resolve().parent.parent.parent)
    return sorted(paths)


def cannot_hide(folder: Path) -> Path | None:
    """The interpreter folder inside ``folder`` that would have to stay visible (so
    ``folder`` cannot be hidden from the notebooks), or None."""
    folder = Path(folder).resolve()
    return next((p for p in _python_paths() if p == folder or folder in p.parents), None)


def _hidden_paths(extra: list[Path]) -> list[Path]:
    """Folders replaced by an empty one inside the sandbox."""
    from immfed.data.userdata import user_data_dir

    hidden = [Path.home(), user_data_dir(), *extra]
    return [p.resolve() for p in hidden if p and Path(p).exists()]


def _rebound(hidden: list[Path]) -> list[Path]:
    """The interpreter's folders that sit inside a hidden folder, outermost only, leaving out
    any that contains a hidden folder (mounting it back would undo the hiding)."""
    home = Path.home().resolve()
    chosen: list[Path] = []
    for path in _python_paths():
        inside_hidden = any(path == h or h in path.parents for h in hidden)
        holds_hidden = any(path in h.parents for h in hidden if h != home)
        if inside_hidden and not holds_hidden and not any(c in path.parents for c in chosen):
            chosen.append(path)
    return chosen


def command(workdir: Path, argv: list[str], hide: list[Path] = ()) -> list[str]:
    """The bwrap command line that runs ``argv`` with ``workdir`` as the only writable folder."""
    bwrap = _bwrap()
    if bwrap is None:
        raise FileNotFoundError("bubblewrap (bwrap) is not installed")
    cmd = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
           "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
           "--new-session"]
    hidden = _hidden_paths(list(hide))
    for path in hidden:
        if str(path).startswith("/tmp"):
            continue  # already replaced by the private /tmp
        cmd += ["--tmpfs", str(path)]
    # Mount back, read-only, what the interpreter needs from inside a hidden folder, but never
    # a folder that contains a hidden one (that would undo the hiding). The private /tmp
    # counts as hidden too: a checkout and its virtual environment may live under /tmp.
    for path in _rebound([*hidden, Path("/tmp").resolve()]):
        cmd += ["--ro-bind", str(path), str(path)]
    cmd += ["--dir", HOME_INSIDE, "--bind", str(workdir), INSIDE, "--chdir", INSIDE, "--clearenv",
            "--setenv", "HOME", HOME_INSIDE, "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp",
            "--setenv", "JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime", "--setenv", "MPLBACKEND", "Agg",
            "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--setenv", "IMMFED_USER_DATA", "/tmp/no-user-data"]
    return cmd + ["--", *argv]


_smoke_cache: dict[str, str | None] = {}


def sandbox_problem() -> str | None:
    """None if bubblewrap works here, else one line saying why not (checked once per process).

    The smoke test starts Python in the sandbox and checks that it can import the course
    and the kernel, that the network is gone, that the system is read-only and that the
    home folder is hidden."""
    if "result" in _smoke_cache:
        return _smoke_cache["result"]
    import tempfile

    problem = None
    if _bwrap() is None:
        problem = "bubblewrap (bwrap) is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    else:
        # Inside, the home folder may hold only the mount points of the interpreter's folders.
        home = Path.home().resolve()
        allowed = {p.relative_to(home).parts[0] for p in _rebound(_hidden_paths([])) if home in p.parents}
        probe = ("import os, socket, pathlib, sys\n"
                 "import immfed.exercises.collect, nbclient, ipykernel\n"
                 "assert len(socket.if_nameindex()) == 1, 'network visible'\n"
                 "try:\n    open('/usr/.immfed-probe', 'w')\nexcept OSError:\n    pass\n"
                 "else:\n    sys.exit('system is writable')\n"
                 f"seen = {{p.name for p in pathlib.Path({str(home)!r}).iterdir()}}\n"
                 f"assert seen <= {allowed!r}, f'home visible: {{sorted(seen)}}'\n"
                 "open('ok', 'w').write('ok')\n")
        with tempfile.TemporaryDirectory(prefix="immfed-smoke-") as tmp:
            try:
                proc = subprocess.run(command(Path(tmp), [sys.executable, "-c", probe]), capture_output=True,
                                      text=True, timeout=60)
                if proc.returncode != 0 or not (Path(tmp) / "ok").exists():
                    problem = f"bubblewrap failed its smoke test: {(proc.stderr.strip().splitlines() or ['?'])[-1]}"
            except (OSError, subprocess.SubprocessError) as exc:
                problem = f"bubblewrap failed its smoke test: {type(exc).__name__}: {exc}"
    _smoke_cache["result"] = problem
    return problem


def environment_for_unsafe() -> dict[str, str]:
    """The environment of an unsandboxed run: still no refreshed tables, still a private runtime dir."""
    env = dict(os.environ)
    env["IMMFED_USER_DATA"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), "immfed-no-user-data")
    env["MPLBACKEND"] = "Agg"
    return env
