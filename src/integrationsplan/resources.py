"""Files of resources/ (fonts, icons): packaged next to the code, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path


def resource(relative: str) -> Path | None:
    here = Path(__file__).resolve().parent
    for folder in (here / "resources", here.parents[1] / "resources"):
        if (folder / relative).is_file():
            return folder / relative
    return None
