"""User data that cannot be lost: one refresh at a time, no silent overwrite of curated
figures, a way back, and a clear sentence (folder + fix) for every damaged or unwritable
user data folder. Each test reproduces one fault and checks the data is intact after it.

Nothing touches the network: sheets are small workbooks written to tmp folders.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
import threading
import time

import pytest
from ice_sheets import write_sheet

import immfed.data as data
from immfed import cli
from immfed.data import publish
from immfed.data import refresh as refresh_module
from immfed.data.catalog import SHIPPED_ROOT
from immfed.data.refresh import RefreshError, UserDataError, load_agencies, refresh_287g


def sheet(path):
    return write_sheet(path)


@pytest.fixture
def root(user_root):
    return user_root  # a short name: these tests mention the folder in nearly every line


def snapshots_loaded() -> set[str]:
    data.reset()
    return set(data.load("agreements_by_state")["snapshot"].dt.date.astype(str))


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def shipped_bytes() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (SHIPPED_ROOT / "tables").glob("*.csv")}


# -- one refresh at a time -------------------------------------------------------------------

def test_two_refreshes_at_once_queue_and_both_snapshots_survive(tmp_path, root, monkeypatch):
    # Before the lock both runs built on the same old data and the second to publish
    # dropped the first one's snapshot. Slowing the build makes them overlap every time.
    real_build = refresh_module.build_tables

    def slow_build(*args, **kwargs):
        real_build(*args, **kwargs)
        time.sleep(0.4)

    monkeypatch.setattr(refresh_module, "build_tables", slow_build)
    a = sheet(tmp_path / "participatingAgencies11012026.xlsx")
    b = sheet(tmp_path / "participatingAgencies11082026.xlsx")
    results, errors = [], []

    def run(path):
        try:
            results.append(refresh_287g(path))  # the default wait (120 s) covers the other run
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 2
    assert {"2026-11-01", "2026-11-08"} <= snapshots_loaded()
    assert len(publish.history(root)) == 2


def test_a_refresh_refuses_while_another_holds_the_folder(tmp_path, root, capsys):
    first = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    with publish.folder_lock(root):
        with pytest.raises(UserDataError, match=r"is being changed by another immfed command \(process \d+\)"):
            refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"), wait=0.2)
        code, out, err = run_cli(capsys, "data", "refresh-287g", str(tmp_path / "participatingAgencies11082026.xlsx"),
                                 "--wait", "0")
    assert code == 1 and str(root) in err and "run the command again" in err and "published" not in out
    assert (root / "current.txt").read_text() == first.folder.name
    assert "2026-11-08" not in snapshots_loaded()


def test_a_refresh_queues_behind_another_process_holding_the_folder(tmp_path, root):
    root.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from immfed.data.publish import "
         "folder_lock\nwith folder_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(1.5)",
         str(root)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        result = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"), wait=30)
        waited = time.monotonic() - start
    finally:
        holder.wait(timeout=30)
    assert waited > 0.5 and holder.returncode == 0  # it queued until the other process let go
    assert (root / "current.txt").read_text() == result.folder.name


def test_portable_lock_file_refuses_a_live_holder_and_takes_over_a_dead_one(tmp_path, root, monkeypatch):
    monkeypatch.setattr(publish, "fcntl", None)  # as on Windows
    root.mkdir(parents=True)
    lock = root / publish.LOCK_EXCL
    lock.write_text(f"{os.getpid()} {time.time():.0f}\n")  # a live process holds it
    with pytest.raises(UserDataError, match="is being changed by another immfed command"):
        refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"), wait=0.1)
    assert not (root / "current.txt").exists()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock.write_text(f"{dead.stdout.strip()} {time.time():.0f}\n")  # its process has exited
    result = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"), wait=0.1)
    assert (root / "current.txt").read_text() == result.folder.name and not lock.exists()
    lock.write_text(f"{os.getpid()} 0\n")  # a live process, but the lock is far older than any refresh
    hour_ago = time.time() - 3600
    os.utime(lock, (hour_ago, hour_ago))
    later = refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"), wait=0.1)
    assert (root / "current.txt").read_text() == later.folder.name and not lock.exists()


# -- curated snapshots are not replaced silently ---------------------------------------------

def test_a_sheet_dated_like_a_shipped_snapshot_is_refused_without_the_flag(tmp_path, root, capsys):
    before = data.load("agreements_by_state")
    curated = before[before["snapshot"] == "2026-10-09"]
    path = sheet(tmp_path / "participatingAgencies10092026.xlsx")
    with pytest.raises(RefreshError, match="ships a curated snapshot dated 2026-10-09.*--replace-shipped"):
        refresh_287g(path)
    code, out, err = run_cli(capsys, "data", "refresh-287g", str(path))
    assert code == 1 and "--replace-shipped" in err and "unchanged" in err
    assert not (root / "current.txt").exists()
    data.reset()
    assert data.load("agreements_by_state").equals(before)

    result = refresh_287g(path, replace_shipped=True)
    assert any("replaced the shipped snapshot of 2026-10-09" in f for f in result.fixes)
    data.reset()
    after = data.load("agreements_by_state")
    assert after.loc[after["snapshot"] == "2026-10-09", "total"].sum() == 2 != curated["total"].sum()


# -- a way back ------------------------------------------------------------------------------

def test_rollback_steps_back_and_reset_returns_to_shipped(tmp_path, root, capsys):
    shipped = snapshots_loaded()
    a = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    b = refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"))
    assert {"2026-11-01", "2026-11-08"} <= snapshots_loaded()

    code, out, _ = run_cli(capsys, "data", "rollback")
    assert code == 0 and f"from {b.folder.name} to {a.folder.name}" in out
    assert (root / "current.txt").read_text() == a.folder.name and b.folder.is_dir()  # kept on disk
    assert "2026-11-08" not in snapshots_loaded() and "2026-11-01" in snapshots_loaded()

    code, _, err = run_cli(capsys, "data", "rollback")
    assert code == 1 and "no earlier intact refresh" in err and "immfed data reset" in err
    assert (root / "current.txt").read_text() == a.folder.name

    code, out, _ = run_cli(capsys, "data", "reset")
    assert code == 0 and "reads the shipped data again" in out and "2 snapshot folder(s) were kept" in out
    assert snapshots_loaded() == shipped and load_agencies().empty
    for verb in ("reset", "rollback"):
        code, _, err = run_cli(capsys, "data", verb)
        assert code == 1 and f"nothing to {verb.replace('rollback', 'roll back')}" in err and str(root) in err


def test_rollback_skips_a_damaged_earlier_refresh(tmp_path, root):
    a = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    b = refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"))
    refresh_287g(sheet(tmp_path / "participatingAgencies11152026.xlsx"))
    (b.folder / "agreements_by_state.csv").write_text("snapshot\n")
    message = publish.rollback(root)
    assert f"to {a.folder.name}" in message and f"skipped damaged {b.folder.name}" in message


# -- damaged or unwritable user data ---------------------------------------------------------

def _damage_pointer_bytes(root, folder):
    (root / "current.txt").write_bytes(b"\xff\xfe\x00garbage")


def _damage_pointer_path(root, folder):
    (root / "current.txt").write_text("../../etc")


def _damage_pointer_target(root, folder):
    (root / "current.txt").write_text("snapshot-20261101-000000000000")


def _damage_csv_cells(root, folder):
    with open(folder / "agreements_by_state.csv", "a", encoding="utf-8") as fh:
        fh.write("2026-11-01,TX,Texas,oops\n")


def _damage_utf8_past_8kb(root, folder):
    raw = (folder / "sources.csv").read_bytes()
    assert len(raw) > 16384  # the bad byte sits far past the first 8 KB block
    cut = raw.rindex(b"\n", 0, len(raw) - 200)
    (folder / "sources.csv").write_bytes(raw[:cut] + b"\nx\xff" + raw[cut:])


DAMAGE = {"pointer not text": _damage_pointer_bytes, "pointer with a path": _damage_pointer_path,
          "pointer to a missing folder": _damage_pointer_target, "csv row cut short": _damage_csv_cells,
          "non-UTF-8 byte past 8 KB": _damage_utf8_past_8kb}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_user_folder_gives_one_sentence_everywhere_and_does_not_block_a_refresh(
        tmp_path, root, capsys, damage):
    good = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    DAMAGE[damage](root, good.folder)
    data.reset()
    shipped = shipped_bytes()

    for command in (["data", "status"], ["data", "check"], ["site", "build", str(tmp_path / "site")]):
        code, out, err = run_cli(capsys, *command)
        assert code == 1, command
        assert err.count("\n") == 1 and err.startswith(f"error: The user data folder {root} "), (command, err)
        assert "immfed data rollback" in err and "immfed data reset" in err
    assert not (tmp_path / "site").exists()  # refused before any lesson was run
    with pytest.raises(UserDataError) as info:  # what a lesson's loader meets
        data.load("agreements_by_state")
        data.load("sources")
    assert info.value.folder == root and info.value._render_traceback_() == [f"UserDataError: {info.value}"]

    # the next refresh is not blocked; it says what it skipped and the course reads again
    later = refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"))
    assert any("was damaged" in f for f in later.fixes)
    assert "2026-11-08" in snapshots_loaded()
    assert good.folder.is_dir() and shipped_bytes() == shipped


def test_damaged_agency_table_names_the_folder(tmp_path, root):
    good = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    (good.folder / "agreements_by_agency.csv").write_bytes(b"snapshot,state\n\xff\xfe,\n")
    with pytest.raises(UserDataError, match=f"{root} has a damaged refreshed table .*agreements_by_agency.csv"):
        load_agencies()


def test_damaged_folder_reported_without_a_traceback_by_the_installed_command(tmp_path, root):
    refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    (root / "current.txt").write_bytes(b"\x00\xff")
    env = {**os.environ, "IMMFED_USER_DATA": str(root)}
    run = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "status"], capture_output=True, text=True,
                         env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip() == (f"error: The user data folder {root} has a damaged current.txt (it is not text); "
                                  "run `immfed data rollback` to use the previous refresh, or `immfed data reset` "
                                  "to go back to the shipped data.")
    reset = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "reset"], capture_output=True, text=True,
                           env=env)
    assert reset.returncode == 0 and "reads the shipped data again" in reset.stdout
    status = subprocess.run([sys.executable, "-m", "immfed.cli", "data", "status"], capture_output=True, text=True,
                            env=env)
    assert status.returncode == 0 and "no refresh published" in status.stdout


@pytest.fixture
def read_only(root, monkeypatch):
    """Make ``root`` refuse writes: chmod for a normal user; root ignores modes, so also
    make every file creation inside it fail the way a read-only folder does."""
    root.mkdir(parents=True, exist_ok=True)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).startswith(str(root)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    def chmod_tree(mode):
        for p in [root, *root.rglob("*")]:
            if p.is_dir():
                p.chmod(mode)

    monkeypatch.setattr(publish.os, "open", refuse)
    chmod_tree(0o555)
    yield root
    chmod_tree(0o755)


def test_read_only_folder_refuses_changes_clearly_and_still_reads(tmp_path, root, capsys, request):
    good = refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    before = sorted(p.name for p in root.iterdir())
    request.getfixturevalue("read_only")  # the folder becomes read-only only now
    for command in (["data", "refresh-287g", str(sheet(tmp_path / "participatingAgencies11082026.xlsx"))],
                    ["data", "rollback"], ["data", "reset"]):
        code, out, err = run_cli(capsys, *command)
        assert code == 1 and err.startswith(f"error: The user data folder {root} "), (command, err)
        assert ("cannot be written" in err and "IMMFED_USER_DATA" in err) or "no earlier" in err, err
    assert sorted(p.name for p in root.iterdir()) == before
    assert (root / "current.txt").read_text() == good.folder.name
    code, out, _ = run_cli(capsys, "data", "status")  # reading needs no writes
    assert code == 0 and "refreshed" in out and "2026-11-01" in snapshots_loaded()


def test_unfinished_folders_from_killed_refreshes_are_cleaned_on_the_next_refresh(tmp_path, root):
    refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    for name in (".incoming-killed1", ".incoming-killed2"):
        (root / name).mkdir()
        (root / name / "sources.csv").write_text("half written")
    (root / "current.txt.4242.tmp").write_text("snapshot-2026")
    result = refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"))
    assert "removed 3 unfinished folder(s) left by interrupted refreshes" in result.fixes
    assert not list(root.glob(".incoming-*")) and not list(root.glob("*.tmp"))


def test_a_non_utf8_byte_past_the_first_8kb_is_a_data_error(data_copy):
    from immfed.data import Catalog, DataError

    path = data_copy / "tables" / "sources.csv"
    raw = path.read_bytes()
    cut = raw.rindex(b"\n", 0, len(raw) - 200)
    path.write_bytes(raw[:cut] + b"\nx\xff" + raw[cut:])
    with pytest.raises(DataError, match=r"sources.csv: file is not UTF-8 text \(byte 0xff after line \d+\)"):
        Catalog(data_copy).parsed("sources")


def test_a_refresh_never_touches_the_installed_tables_even_when_it_fails(tmp_path, root, monkeypatch):
    before = shipped_bytes()
    refresh_287g(sheet(tmp_path / "participatingAgencies11012026.xlsx"))
    monkeypatch.setattr(refresh_module, "check_tables", lambda folder: (_ for _ in ()).throw(RefreshError("no")))
    with pytest.raises(RefreshError):
        refresh_287g(sheet(tmp_path / "participatingAgencies11082026.xlsx"))
    assert shipped_bytes() == before
    assert dt.date(2026, 11, 8).isoformat() not in snapshots_loaded()
