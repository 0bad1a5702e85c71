"""The direction of a piece of text by Unicode's paragraph rule: its first strong character decides."""

from __future__ import annotations

import unicodedata

RIGHT_TO_LEFT_CLASSES = frozenset({"R", "AL"})
# Languages written right to left: the interface is mirrored, printed lines are ordered from the right.
RIGHT_TO_LEFT_LANGUAGES = frozenset({"ar", "fa", "ps", "ckb", "ur", "he"})
_LEFT_TO_RIGHT_ISOLATE, _POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"


def isolated_left_to_right(text: str) -> str:
    """`text` (a file path, say) kept in one left-to-right piece inside a right-to-left sentence; without the
    isolate, "/tmp/a/de.toml" shows as "tmp/a/de.toml/" in an Arabic message."""
    return f"{_LEFT_TO_RIGHT_ISOLATE}{text}{_POP_DIRECTIONAL_ISOLATE}"


def first_strong_rtl(text: str) -> bool | None:
    """True for right-to-left, False for left-to-right, None for text without a strong character (numbers)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in RIGHT_TO_LEFT_CLASSES:
            return True
    return None
