"""Reading text back from a rendered PDF for comparing: right-to-left lines in logical order, presentation forms
undone, punctuation left out (the bidi algorithm moves and mirrors it)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
from bidi import get_display


def logical_text(pdf: Path, rtl: bool) -> str:
    """All text of the PDF; right-to-left lines put back into logical order, presentation forms undone."""
    with pdfplumber.open(pdf) as document:
        # Runs of one line in fonts with different ascents (Naskh, Sans) must stay on one line.
        lines = [line for page in document.pages for line in (page.extract_text(y_tolerance=6) or "").splitlines()]
    if rtl:
        lines += [str(get_display(line, base_dir="R")) for line in lines]
    return unicodedata.normalize("NFKC", "\n".join(lines))


# Letters that Noto Naskh draws with one glyph: the PDF can name only one of them (Sorani ە as Arabic ه).
SAME_GLYPH = str.maketrans({"ە": "ه"})


def squeezed(text: str) -> str:
    """Normalised for comparing: NFKC (presentation forms), no invisible format characters (ZWNJ is not drawn)."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    return " ".join(text.translate(SAME_GLYPH).split())


def words_of(text: str) -> list[str]:
    """Words (letters and digits) for comparing: punctuation, brackets and quotes are left out, since the bidi
    algorithm moves and mirrors them in right-to-left lines, and a line may break after a hyphen."""
    return re.findall(r"\w+", squeezed(text))


def in_order(phrase: str, text: str) -> bool:
    """The phrase's words appear in this order: a wrapped table cell comes back between its neighbours' words."""
    words = iter(words_of(text))
    return all(word in words for word in words_of(phrase))
