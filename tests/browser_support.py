"""What the real-browser tests share: finding Chromium, starting a local server, and
opening a page that may reach 127.0.0.1 only and records every JavaScript error.

Chromium comes from Debian's package (``apt-get install chromium``); Playwright's own
browser download does not work on these machines. Without it the browser tests skip on a
developer's machine, but under CI (``CI=true``) a missing piece is an error, never a skip.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"


def browser_mark(what: str, modules: tuple[str, ...] = (), files: tuple[Path, ...] = ()):
    """A skip mark for tests that need Chromium plus ``modules`` and ``files``; under CI a
    missing piece raises instead, so the tests cannot silently stop running."""
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} not installed (apt-get install chromium)"
    for name in ("playwright", *modules):
        if reason is None and importlib.util.find_spec(name) is None:
            reason = f"{what} dependency missing: {name}"
    for path in files:
        if reason is None and not Path(path).exists():
            reason = f"{what} needs {path}"
    if reason and os.environ.get("CI") == "true":
        raise RuntimeError(f"{what} must run under CI, but {reason}")
    return pytest.mark.skipif(reason is not None, reason=reason or "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(cmd: list[str], probe_url: str, name: str, log: Path, timeout: float = 60, **popen):
    """Run a server process, wait until ``probe_url`` answers, and stop it afterwards."""
    ARTIFACTS.mkdir(exist_ok=True)
    proc = subprocess.Popen(cmd, stdout=log.open("w"), stderr=subprocess.STDOUT, **popen)
    try:
        deadline = time.time() + timeout
        while True:
            try:
                urllib.request.urlopen(probe_url, timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited early; see {log}")
                if time.time() > deadline:
                    raise RuntimeError(f"{name} did not start within {timeout:.0f} s; see {log}")
                time.sleep(0.5)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def open_local_page(browser, url: str, allowed=("http://127.0.0.1", "ws://127.0.0.1"),
                    viewport=(1280, 900)):
    """A page whose requests may go only to ``allowed`` prefixes (plus data: and blob:);
    returns (page, errors, blocked), two lists that fill as the page runs."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    errors: list[str] = []
    blocked: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)

    def only_local(route):
        if route.request.url.startswith((*allowed, "data:", "blob:")):
            return route.continue_()
        blocked.append(route.request.url)
        return route.abort()

    page.route("**/*", only_local)
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    return page, errors, blocked
