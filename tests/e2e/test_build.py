"""The package build compiles every catalog and ships resources/: an installed wheel needs no source checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(p.parts[-3] for p in (ROOT / "translations").glob("*/LC_MESSAGES/integrationsplan.po"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built as a release builds it: a source distribution from a copy of the checkout, then the wheel
    from that (so a file missing from MANIFEST.in shows), with this environment's setuptools and Babel."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md", "MANIFEST.in"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "translations", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.mo"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})"],
                   cwd=source, check=True, capture_output=True)  # fmt: skip
    [sdist] = dist.glob("integrationsplan-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(dist, filter="data")
    [unpacked] = [p for p in dist.iterdir() if p.is_dir()]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist),
                    str(unpacked)], check=True, capture_output=True)  # fmt: skip
    [built] = dist.glob("integrationsplan-*.whl")
    return built


def test_the_wheel_holds_compiled_catalogs_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"integrationsplan/translations/{lang}/LC_MESSAGES/integrationsplan.mo" for lang in CATALOGS} <= names
    assert not any(name.endswith(".po") for name in names)
    assert "integrationsplan/resources/catalogue/de.toml" in names
    assert "integrationsplan/resources/fonts/NotoNaskhArabic-Regular.ttf" in names
    assert "integrationsplan/storage/migrations/0001_initial.sql" in names


def test_an_installed_wheel_translates_from_its_own_compiled_catalogs(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)  # fmt: skip
    probe = (
        "import sys; from integrationsplan import i18n, resources, catalogue;"
        "from integrationsplan.pdf import plan_pdf;"
        "print(i18n.catalog_dirs()[0]); print(resources.resource('fonts/NotoSans-Regular.ttf'));"
        "print(i18n.Translator('ar')(plan_pdf.GOALS_HEADING)); print(len(catalogue.load(catalogue.shipped_folder())"
        ".entries)); print('babel.messages.pofile' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTEGRATIONSPLAN_")}
    env["PYTHONPATH"] = str(target)
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                            check=True)  # fmt: skip
    folder, font, heading, entries, parsed_po = result.stdout.splitlines()
    assert Path(folder).is_relative_to(target) and Path(font).is_relative_to(target)
    assert heading == "الأهداف"
    assert int(entries) > 150
    assert parsed_po == "False"  # read from the .mo, not compiled from a .po at run time
