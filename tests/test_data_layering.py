"""The data layer depends on nothing above it: importing any module of ``immfed.data``
loads none of the widgets, lessons, exercises or site. (The lessons use the data's
citation parsing, never the other way round; see ``immfed.data.citations``.)"""

from __future__ import annotations

import subprocess
import sys

ABOVE = ("immfed.widgets", "immfed.lessons", "immfed.exercises", "immfed.site")

CODE = """
import importlib, pkgutil, sys
import immfed.data
names = sorted(m.name for m in pkgutil.iter_modules(immfed.data.__path__, "immfed.data."))
for name in names:
    importlib.import_module(name)
above = sorted(m for m in sys.modules if m.startswith(%r))
print(len(names), ",".join(above))
""" % (ABOVE,)


def test_importing_every_data_module_loads_nothing_above_the_data_layer():
    run = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    count, above = run.stdout.split()[0], run.stdout.strip().partition(" ")[2]
    assert int(count) >= 10, run.stdout  # every module was found, not an empty package
    assert above == "", f"the data layer imported {above}"
