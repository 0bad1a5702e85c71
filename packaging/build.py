"""Build the installable application: a one-folder program with PyInstaller, then, per platform, what a desktop
needs to install it (Linux: menu entry, icons, sync file type, AppStream metadata, an archive; Windows: the Inno
Setup installer).

    .venv/bin/python packaging/build.py [--dist dist] [--installer]

Run it from a virtual environment that has the project and its `package` extra installed
(`pip install -e '.[package]'`). The version is the one of src/integrationsplan/__init__.py, and only that one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src"), str(HERE)]

import icons  # noqa: E402
import notices  # noqa: E402
from setup import compile_catalogs  # noqa: E402

from integrationsplan import APP_ID, __version__  # noqa: E402

WINDOWS = sys.platform == "win32"


def stage(folder: Path) -> None:
    """What the spec and the bundle take from outside the package: compiled catalogs, icons, notices, metadata."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    compile_catalogs(ROOT / "translations", folder / "translations")
    icons.write(folder, APP_ID)
    notices.write(folder / "THIRD-PARTY-NOTICES.txt")
    metainfo = (HERE / "linux" / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", __version__).replace("@DATE@", date.today().isoformat())
    target = folder / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    target.parent.mkdir(parents=True)
    target.write_text(metainfo, encoding="utf-8")


def freeze(staged: Path, dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the application folder."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(HERE / "integrationsplan.spec")],
                   check=True, env={**os.environ, "INTEGRATIONSPLAN_STAGE": str(staged)})  # fmt: skip
    app = dist / "integrationsplan"
    shutil.copy2(staged / "THIRD-PARTY-NOTICES.txt", app / "THIRD-PARTY-NOTICES.txt")
    return app


def desktop_files(staged: Path, app: Path) -> None:
    """Linux: the share/ tree an install puts under ~/.local/share, and the script that does it."""
    share = app / "share"
    shutil.copytree(staged / "share", share, dirs_exist_ok=True)
    (share / "applications").mkdir(exist_ok=True)
    shutil.copy2(HERE / "linux" / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "mime" / "packages").mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "linux" / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    shutil.copy2(HERE / "linux" / "install.sh", app / "install.sh")


def archive(app: Path) -> Path:
    target = app.parent / f"integrationsplan-{__version__}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(app, arcname=f"integrationsplan-{__version__}")
    return target


def installer(app: Path, staged: Path, dist: Path) -> Path:
    """Windows: the per-user installer, compiled by Inno Setup 6 (iscc on the PATH or in its default folder)."""
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    icon = staged / "integrationsplan.ico"
    subprocess.run([iscc, f"/DAppVersion={__version__}", f"/DSourceDir={app}", f"/DIconFile={icon}", f"/O{dist}",
                    str(HERE / "windows" / "integrationsplan.iss")], check=True)  # fmt: skip
    return dist / f"Integrationsplan-{__version__}-Setup.exe"


def size(path: Path) -> int:
    """Bytes of a file, or of the files in a folder (each once: PyInstaller links libraries under two names)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--installer", action="store_true", help="Windows: also build the Inno Setup installer")
    args = parser.parse_args()
    staged = args.work / "stage"
    stage(staged)
    app = freeze(staged, args.dist.resolve(), args.work / "pyinstaller")
    made = [app]
    if WINDOWS:
        if args.installer:
            made.append(installer(app, staged, args.dist.resolve()))
    else:
        desktop_files(staged, app)
        made.append(archive(app))
    for path in made:
        print(f"{path}: {size(path) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
