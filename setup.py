"""The build step pyproject.toml cannot say: compile the message catalogs and ship resources/ in the package.

translations/<lang>/LC_MESSAGES/integrationsplan.po is the only source of a translation; the compiled .mo
files exist in built packages only (wheel, installer), never in git. A source checkout (and an editable
install) compiles the .po in memory when a language is first used (see i18n._load).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def compile_catalogs(source: Path, target: Path) -> list[Path]:
    """Every translations/<lang>/LC_MESSAGES/*.po as .mo under `target`; a catalog with errors stops the build."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        language = po.parts[-3]
        with po.open("rb") as fp:
            catalog = read_po(fp, locale=language, abort_invalid=True)
        errors = [f"{po}: {message.id!r}: {problems}" for message, problems in catalog.check() if problems]
        if errors:
            raise SystemExit("\n".join(errors))
        mo = target / language / "LC_MESSAGES" / po.with_suffix(".mo").name
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as fp:
            write_mo(fp, catalog)
        written.append(mo)
    return written


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads translations/ and resources/ of the checkout
        package = Path(self.build_lib) / "integrationsplan"
        compile_catalogs(ROOT / "translations", package / "translations")
        shutil.copytree(ROOT / "resources", package / "resources", dirs_exist_ok=True)


if __name__ == "__main__":  # setuptools runs it so; packaging/build.py imports compile_catalogs
    setup(cmdclass={"build_py": BuildWithCatalogs})
