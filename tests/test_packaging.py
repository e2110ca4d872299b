"""The wheel carries the data and maps the course folders into ``immfed`` only."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from conftest import DATA, REPO


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                          "-q", "-w", str(out), str(REPO)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    (wheel,) = out.glob("*.whl")
    return zipfile.ZipFile(wheel).namelist()


def test_wheel_carries_every_table_and_the_descriptor(wheel_names):
    package = json.loads((DATA / "datapackage.json").read_text())
    assert "immfed/data/datapackage.json" in wheel_names
    for res in package["resources"]:
        assert f"immfed/data/{res['path']}" in wheel_names


def test_wheel_installs_no_top_level_data_or_widgets(wheel_names):
    tops = {name.split("/")[0] for name in wheel_names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"immfed"}
    assert "immfed/widgets/__init__.py" in wheel_names


def test_wheel_carries_the_lessons(wheel_names):
    lessons = sorted(p.name for p in (REPO / "lessons").glob("[0-9][0-9]_*.ipynb"))
    for name in lessons:
        assert f"immfed/lessons/{name}" in wheel_names


def test_wheel_carries_the_presenter_template(wheel_names):
    # `immfed present` finds it inside the installed package, whatever folder it runs from
    for name in ("conf.json", "index.html.j2"):
        assert f"immfed/jupyter/voila/templates/immfed/{name}" in wheel_names


def test_wheel_carries_the_site_builder_and_its_assets(wheel_names):
    # `immfed site build` copies the stylesheet and scripts from inside the installed package
    site = REPO / "src" / "immfed" / "site"
    for path in [*site.glob("*.py"), *(site / "assets").iterdir()]:
        assert f"immfed/site/{path.relative_to(site).as_posix()}" in wheel_names
