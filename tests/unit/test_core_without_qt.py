"""The core loads where PySide6 cannot: nothing outside ui/ may import it."""

from __future__ import annotations

import subprocess
import sys

CORE = ["integrationsplan.domain", "integrationsplan.storage", "integrationsplan.sync.projection",
        "integrationsplan.cli", "integrationsplan.demo", "integrationsplan.i18n"]  # fmt: skip


def test_core_imports_with_pyside6_blocked() -> None:
    script = (
        "import sys; sys.modules['PySide6'] = None\n"  # any import of PySide6 now raises ImportError
        + "".join(f"import {m}\n" for m in CORE)
        + "assert not any(name.startswith('PySide6.') for name in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
