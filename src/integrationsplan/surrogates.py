"""Lone surrogates: bytes of another encoding as Python reads them into a text (an argument, an environment
variable, a JSON escape such as "\\ud800"). They are no characters: SQLite, the bidi algorithm and a PDF cannot
hold them."""

from __future__ import annotations

import re

_PATTERN = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def found_in(text: str) -> bool:
    return _PATTERN.search(text) is not None


def replaced(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD."""
    return _PATTERN.sub(REPLACEMENT, text)
