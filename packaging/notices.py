"""The third-party licence notices of a built application, gathered into one text file.

Every distribution the program needs at run time (the dependency closure of `integrationsplan`, as installed in
the environment that builds) with its version, its declared licence and the text of each licence file it ships;
then what no wheel carries a text for: Qt and PySide6 (LGPL-3.0), SQLCipher with the OpenSSL it is compiled with,
the Python interpreter PyInstaller bundles, and the fonts (SIL OFL 1.1).
"""

from __future__ import annotations

import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# What no wheel ships a licence text for, and the files in packaging/licenses that hold it.
_EXTRA = {  # by normalised name
    "pyside6-essentials": ["Qt-PySide6.txt", "LGPL-3.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["Qt-PySide6.txt"],
    "sqlcipher3": ["SQLCipher.txt", "Apache-2.0.txt"],
}


def runtime_distributions(top: str = "integrationsplan") -> list[metadata.Distribution]:
    """`top` and everything it requires at run time on this platform (extras left out), each once, by name."""
    found: dict[str, metadata.Distribution] = {}
    todo = [top]
    while todo:
        name = todo.pop()
        key = _normalised(name)
        if key in found:
            continue
        dist = metadata.distribution(name)
        found[key] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return sorted(found.values(), key=lambda d: _normalised(d.metadata["Name"]))


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    licence = (meta.get("License") or "").strip().splitlines()
    if licence and len(licence[0]) < 120:
        return licence[0]
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the licence text below"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of the licence files the distribution installed."""
    texts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(file.name) and ".dist-info" in str(file) and file.suffix not in (".py", ".pyc"):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                texts.append((file.name, path.read_text(encoding="utf-8", errors="replace")))
    return texts


def python_licence() -> str:
    for folder in (Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)):
        candidate = folder / "LICENSE.txt"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    raise SystemExit("the Python interpreter's LICENSE.txt is missing: it must ship with the application")


def write(target: Path) -> list[str]:
    """Write the notices to `target`; returns the names of the distributions covered."""
    rule = "=" * 78
    parts = ["Integrationsplan: third-party software and its licences", "",
             "This application includes the following software. Each is used under the licence named.", ""]  # fmt: skip
    names = []
    for dist in runtime_distributions():
        name = dist.metadata["Name"]
        if _normalised(name) == "integrationsplan":
            continue
        names.append(name)
        parts += [rule, f"{name} {dist.version}: {declared_licence(dist)}", rule, ""]
        texts = licence_texts(dist) + [(f, (HERE / "licenses" / f).read_text(encoding="utf-8"))
                                       for f in _EXTRA.get(_normalised(name), [])]  # fmt: skip
        if not texts:
            raise SystemExit(f"{name} ships no licence text and packaging/licenses holds none for it")
        for file_name, text in texts:
            parts += [f"--- {file_name}", text.strip(), ""]
    parts += [rule, f"Python {sys.version.split()[0]}: PSF-2.0", rule, "", python_licence().strip(), ""]
    parts += [rule, "Noto fonts (resources/fonts): SIL Open Font License 1.1", rule, "",
              (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8").strip(), ""]  # fmt: skip
    target.write_text("\n".join(parts), encoding="utf-8")
    return names


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "THIRD-PARTY-NOTICES.txt")
    print(f"{out}: " + ", ".join(write(out)))
