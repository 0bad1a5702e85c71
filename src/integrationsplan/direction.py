"""The direction of a piece of text by Unicode's paragraph rule: its first strong character decides."""

from __future__ import annotations

import unicodedata

RIGHT_TO_LEFT_CLASSES = frozenset({"R", "AL"})


def first_strong_rtl(text: str) -> bool | None:
    """True for right-to-left, False for left-to-right, None for text without a strong character (numbers)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in RIGHT_TO_LEFT_CLASSES:
            return True
    return None
