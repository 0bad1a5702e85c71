"""Writing a document: A4 with the same margins, built beside its final name and renamed, so that no half file
is ever left where the user looks (the plan, the sheet, the access report, the key figures)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from integrationsplan import __version__, surrogates

MARGIN = 18 * mm
FOOTED = 24 * mm  # the bottom margin of a document with a footer line


def write(out: Path, story: list[Any], *, title: str, author: str = "Integrationsplan",
          canvasmaker: Callable[..., Any] | None = None, bottom: float = FOOTED) -> None:  # fmt: skip
    partial = out.with_name(f".{out.name}.part")
    document = SimpleDocTemplate(
        str(partial), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=bottom,
        title=surrogates.replaced(title), author=surrogates.replaced(author),
        creator=f"Integrationsplan {__version__}", invariant=1,
    )  # fmt: skip
    try:
        if canvasmaker is None:
            document.build(story)
        else:
            document.build(story, canvasmaker=canvasmaker)
        os.replace(partial, out)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
