"""In-browser latency: from a keyboard change of a control to the redrawn chart.

Serves the lessons with Voila on 127.0.0.1, opens each lesson that draws a chart in
Debian's Chromium (every other address blocked), focuses the control that drives the
chart and presses a key REPEATS times (alternating directions so the value goes back
and forth). Each time, a MutationObserver on the lesson's plotly charts records when the
chart last changed; a change counts as finished once the chart has been still for
QUIET_MS. Latency is keydown to that last change: kernel round trip, Python update and
plotly redraw together. Prints median and p95 per lesson (target: median under 300 ms)
and writes benchmarks/results_browser_latency.json (gitignored).

    python benchmarks/browser_latency.py [--repeats 20] [--lessons 02 03]

Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
QUIET_MS = 250
# lesson number -> (control kind, label, key forward, key back); keep in step with
# CHARTS in tests/test_browser.py
CONTROLS = {
    "02": ("dropdown", "Model:", "ArrowDown", "ArrowUp"),
    "03": ("slider", None, "ArrowLeft", "ArrowRight"),
    "04": ("dropdown", "Release day:", "ArrowDown", "ArrowUp"),
    "05": ("dropdown", "State:", "ArrowDown", "ArrowUp"),
    "06": ("dropdown", "Measure:", "ArrowDown", "ArrowUp"),
    "07": ("dropdown", "State", "ArrowDown", "ArrowUp"),
}

ARM = """quiet => {
    window.__lat = null;
    let t0 = null, last = null, timer = null;
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const obs = new MutationObserver(() => {
        if (t0 === null) return;
        last = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => { obs.disconnect(); window.__lat = last - t0; }, quiet);
    });
    plots.forEach(p => obs.observe(p, {subtree: true, childList: true, attributes: true, characterData: true}));
    document.addEventListener('keydown', () => { t0 = performance.now(); }, {once: true, capture: true});
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def measure(page, kind: str, label: str | None, forward: str, back: str, repeats: int) -> list[float]:
    """Latencies (ms) of ``repeats`` key presses on the lesson's chart control."""
    if kind == "slider":
        control = page.locator(".widget-slider .noUi-handle, .widget-slider .ui-slider-handle").first
    else:
        control = page.locator(f".widget-dropdown:has(label:text-is('{label}')) select").first
    control.scroll_into_view_if_needed()
    control.focus()
    out = []
    for i in range(repeats):
        page.evaluate(ARM, QUIET_MS)
        page.keyboard.press(forward if i % 2 == 0 else back)
        try:
            page.wait_for_function("() => window.__lat !== null", timeout=10_000, polling=50)
            out.append(page.evaluate("() => window.__lat"))
        except Exception:  # noqa: BLE001 - no redraw within 10 s: record it as a miss
            out.append(float("nan"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--lessons", nargs="+", default=sorted(CONTROLS))
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    lessons = {p.stem[:2]: p.name for p in sorted((REPO / "lessons").glob("[0-9][0-9]_*.ipynb"))}
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
         "--ServerApp.token=", str(REPO / "lessons")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for number in args.lessons:
                if number not in lessons or number not in CONTROLS:
                    print(f"{number}: no such lesson with a chart control; skipped")
                    continue
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                    ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else r.abort())
                page.goto(f"{base}/voila/render/{lessons[number]}", timeout=120_000)
                page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=120_000)
                page.wait_for_timeout(1500)
                kind, label, fwd, back = CONTROLS[number]
                times = measure(page, kind, label, fwd, back, args.repeats)
                good = [t for t in times if t == t]
                row = {"lesson": lessons[number], "control": label or kind, "repeats": len(times),
                       "missed": len(times) - len(good),
                       "median_ms": round(statistics.median(good), 1) if good else None,
                       "p95_ms": round(_percentile(good, 0.95), 1) if good else None}
                results[number] = row
                print(f"{lessons[number]:42} {row['control']:10} median {row['median_ms']} ms  "
                      f"p95 {row['p95_ms']} ms  missed {row['missed']}/{row['repeats']}")
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    out = REPO / "benchmarks" / "results_browser_latency.json"
    out.write_text(json.dumps({"quiet_ms": QUIET_MS, "lessons": results}, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
