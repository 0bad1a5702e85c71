"""The installable application: packaging/build.py builds the one-folder program with PyInstaller, as a release
would, and the built program runs on its own: --version, a demo database and its check, a plan in Arabic with the
bundled fonts, its window under Xvfb; the desktop metadata validate, the per-user install works and the licence
notices are there. Built once for this module (a few minutes)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from integrationsplan import APP_ID, __version__
from integrationsplan.storage import Database

ROOT = Path(__file__).resolve().parents[2]
PASS = "bundle test passphrase"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("package")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(work / "dist"),
                           "--work", str(work / "build")], capture_output=True, text=True, timeout=2400)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    sizes = [line for line in done.stdout.splitlines() if line.endswith(" MB")]
    print("\n".join(sizes))  # the sizes README.md records
    return work / "dist" / "integrationsplan"


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    """No setting, backup or catalogue of the user's; the passphrase from the variable the commands read."""
    return {**os.environ, "INTEGRATIONSPLAN_CONFIG_DIR": str(tmp_path / "config"),
            "INTEGRATIONSPLAN_DATA_DIR": str(tmp_path / "data"), "INTEGRATIONSPLAN_PASSPHRASE": PASS,
            "HOME": str(tmp_path / "home")}  # fmt: skip


def run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=env, timeout=300)


def test_the_built_program_names_its_version_and_what_it_is_built_on(built: Path, environment: dict[str, str]) -> None:
    done = run(built / "integrationsplan", "--version", env=environment)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first == f"integrationsplan {__version__}"
    for part in ("Qt 6.", "PySide6 6.", "SQLCipher 4.", "ReportLab ", "Python 3."):
        assert part in second, second


def test_the_built_program_makes_and_checks_a_demo_database_and_prints_an_arabic_plan(
    built: Path, environment: dict[str, str], tmp_path: Path
) -> None:
    program = built / "integrationsplan"
    db = tmp_path / "demo.db"
    made = run(program, "demo", "--db", str(db), "--persons", "12", env=environment)
    assert made.returncode == 0, made.stderr
    checked = run(program, "check", "--db", str(db), env=environment)
    assert checked.returncode == 0 and "Traceback" not in checked.stderr, checked.stdout + checked.stderr
    with Database.open(db, PASS) as opened:  # the file the built program wrote, read by the source
        case = opened.query("SELECT p.case_number FROM person p JOIN plan ON plan.person_id = p.id LIMIT 1")[0][0]
    found = run(program, "search", "--db", str(db), case, env=environment)
    assert found.returncode == 0 and found.stdout.startswith(case), found.stdout + found.stderr
    pdf = tmp_path / "plan.pdf"
    printed = run(program, "plan-pdf", "--db", str(db), "--person", case, "--lang", "ar", "--out", str(pdf),
                  env=environment)  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoNaskhArabic" in fonts and "NotoSans" in fonts  # the fonts came with the bundle
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Integrationsplan" in text  # German heading, and the Arabic beside it
    assert any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in text)
    refused = run(program, "check", "--db", str(tmp_path / "missing.db"), env=environment)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr and refused.stderr.strip()


@pytest.fixture
def display() -> Iterator[str]:
    """An Xvfb screen of its own."""
    for number in range(90, 130):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.1)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _window(display: str, title: str, timeout: float = 60) -> str | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], capture_output=True, text=True,
                               env={**os.environ, "DISPLAY": display})  # fmt: skip
        if found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.5)
    return None


def test_the_built_program_opens_its_window_and_unlocks_a_database(
    built: Path, environment: dict[str, str], display: str, tmp_path: Path
) -> None:
    db = tmp_path / "window.db"
    assert run(built / "integrationsplan", "demo", "--db", str(db), "--persons", "5", env=environment).returncode == 0
    env = {**environment, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("INTEGRATIONSPLAN_PASSPHRASE")
    program = subprocess.Popen([str(built / "integrationsplan"), "--db", str(db)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        unlock = _window(display, "entsperren")
        assert unlock is not None, "no unlock window"
        keys = {**os.environ, "DISPLAY": display}
        subprocess.run(["xdotool", "windowactivate", unlock], env=keys, capture_output=True)  # without a WM: refused
        subprocess.run(["xdotool", "type", "--window", unlock, "--delay", "5", PASS], env=keys, check=True)
        subprocess.run(["xdotool", "key", "--window", unlock, "Return"], env=keys, check=True)
        assert _window(display, "^Integrationsplan$") is not None, "the main window did not open"
        assert program.poll() is None
    finally:
        program.terminate()
        _out, err = program.communicate(timeout=30)
    assert "Traceback" not in err, err


def test_the_desktop_metadata_validate_and_name_the_version(built: Path) -> None:
    share = built / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], check=True, capture_output=True)
    assert ET.parse(metainfo).getroot().find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    mime = ET.parse(share / "mime" / "packages" / f"{APP_ID}.xml").getroot()
    globs = [g.get("pattern") for g in mime.iter("{http://www.freedesktop.org/standards/shared-mime-info}glob")]
    assert globs == ["*.ipsync"]
    for size in (16, 32, 48, 64, 128, 256, 512):
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert struct.unpack(">II", png.read_bytes()[16:24]) == (size, size)  # the PNG header's width and height
    ico = (built.parents[1] / "build" / "stage" / "integrationsplan.ico").read_bytes()  # the Windows icon
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert (reserved, kind, sides) == (0, 1, [16, 24, 32, 48, 64, 256])
    for i in range(count):
        length, offset = struct.unpack("<II", ico[6 + 16 * i + 8 : 6 + 16 * i + 16])
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)


def test_the_per_user_install_and_uninstall(built: Path, tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "home" / ".local" / "share"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(data)}
    subprocess.run(["sh", str(built / "install.sh")], env=env, check=True, capture_output=True)
    entry = (data / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{built}/integrationsplan" %f' in entry
    assert (home / ".local" / "bin" / "integrationsplan").resolve() == (built / "integrationsplan").resolve()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    keep = data / "Integrationsplan" / "backups" / "kept.db"  # the user's data are never the installer's
    keep.parent.mkdir(parents=True)
    keep.write_bytes(b"x")
    subprocess.run(["sh", str(built / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not (data / "applications" / f"{APP_ID}.desktop").exists()
    assert not (home / ".local" / "bin" / "integrationsplan").exists()
    assert not list((data / "icons").rglob(f"{APP_ID}.*")) and keep.is_file()


def test_the_licence_notices_and_the_catalogs_are_in_the_bundle(built: Path) -> None:
    notices = (built / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for name in ("PySide6_Essentials", "shiboken6", "sqlcipher3", "ZETETIC", "reportlab", "babel", "cryptography",
                 "GNU LESSER GENERAL PUBLIC LICENSE", "SIL Open Font License, Version 1.1",
                 "PYTHON SOFTWARE FOUNDATION"):
        assert name in notices, name
    internal = built / "_internal" / "integrationsplan"
    catalogs = {p.parts[-3] for p in (internal / "translations").glob("*/LC_MESSAGES/integrationsplan.mo")}
    assert {"de", "ar", "fa", "uk", "tr", "ru", "ti"} <= catalogs
    assert (internal / "resources" / "fonts" / "OFL.txt").is_file()
    assert (internal / "storage" / "migrations" / "0001_initial.sql").is_file()
    assert not list(built.rglob("*.po"))
