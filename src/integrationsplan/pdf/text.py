"""Text in any script as ReportLab lines: shaped, wrapped in logical order, then each line put in visual order.

ReportLab's own paragraphs neither join Arabic letters nor order right-to-left text, and they parse their
input as markup. This module never hands user text to a markup parser: it reshapes Arabic-script letters
(arabic-reshaper, harakat kept), wraps the logical text by measured width, reorders each wrapped line
(python-bidi, Unicode's algorithm) and draws it run by run in the font that has the characters.

Letters that have no presentation forms in Unicode (Sorani ێ ڵ ە, Pashto ښ ټ ګ ځ …) cannot be joined that
way: a paragraph holding any is left unreshaped, and its right-to-left Arabic-script runs are shaped by
HarfBuzz (uharfbuzz through ReportLab) in logical order when drawn. Such letters come back from text
extraction as private-use characters; everything else extracts as the text it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import arabic_reshaper
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from integrationsplan import surrogates
from integrationsplan.direction import RIGHT_TO_LEFT_CLASSES, first_strong_rtl
from integrationsplan.pdf import fonts
from integrationsplan.pdf.fonts import Run

_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})
_RESHAPED = frozenset(arabic_reshaper.letters.LETTERS_ARABIC)
try:
    import uharfbuzz  # noqa: F401 - ReportLab shapes with it

    OPENTYPE = True
except ImportError:  # pragma: no cover - a dependency; without it such letters stay unjoined
    OPENTYPE = False


def unshapeable(char: str) -> bool:
    """An Arabic-script letter that presentation forms cannot join (arabic-reshaper does not know it)."""
    return fonts.script_family(char) is fonts.ARABIC and unicodedata.category(char) == "Lo" and char not in _RESHAPED


# A break may follow a space, "/" or "-"; never a no-break space (U+00A0, U+202F), which belongs to its word.
_NO_BREAK_CHARS = frozenset("\u00a0\u202f")
_TOKENS = re.compile(r"[^\S\u00a0\u202f]+|(?:[^\s/\-]|[\u00a0\u202f])+[/\-]*|[/\-]+")
_BIDI_CONTROLS = {"RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


@dataclass(frozen=True)
class Style:
    size: float = 9.5
    bold: bool = False
    color: str = "#1a1a1a"
    leading: float = 1.32  # times the size
    rtl_default: bool = False  # for paragraphs without a strong character
    rtl: bool | None = None  # forced: text in a right-to-left language, even when it starts with "B1-Kurs"

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@dataclass(frozen=True)
class Line:
    runs: list[Run]
    width: float
    rtl: bool


def is_rtl(text: str, default: bool = False) -> bool:
    """The direction of the first strong character (Unicode's paragraph rule), else `default`."""
    rtl = first_strong_rtl(text)
    return default if rtl is None else rtl


def _needs_bidi(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in RIGHT_TO_LEFT_CLASSES or unicodedata.bidirectional(c) in _BIDI_CONTROLS
               for c in text)  # fmt: skip


def levels(text: str, rtl: bool) -> list[int] | None:
    """Unicode bidi embedding levels per character, from python-bidi (its Rust core, UBA with bracket pairs).

    Its `get_display` reorders but does not mirror brackets (")word(" in Arabic), and it exposes the levels
    only in its debug output, listed per UTF-8 byte; None when that output cannot be read.
    """
    info = get_display(text, base_dir="R" if rtl else "L", debug=True)
    if not isinstance(info, str) or "\n    levels: [" not in info:
        return None
    listed = info.rsplit("\n    levels: [", 1)[1].split("\n    ],", 1)[0]
    by_byte = [int(level) for level in _LEVEL.findall(listed)]
    if len(by_byte) != len(text.encode()):
        return None
    result, offset = [], 0
    for char in text:
        result.append(by_byte[offset])
        offset += len(char.encode())
    return result


def reorder(text: str, found: list[int]) -> str:
    """Characters in drawing order from their levels: runs reversed per level (rule L2), mirrored at odd (L4)."""
    order = visual_order(found)
    return "".join(MIRRORED.get(text[i], text[i]) if found[i] % 2 else text[i] for i in order)


def visual_order(found: list[int]) -> list[int]:
    """The logical positions in drawing order (rule L2)."""
    if not found:
        return []
    order = list(range(len(found)))
    lowest_odd = min((level for level in found if level % 2), default=max(found) + 1)
    for level in range(max(found), lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and found[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    return order


def _opentype_runs(piece: str, found: list[int], bold: bool, missing: set[str] | None) -> list[Run]:
    """Runs of a line whose right-to-left Arabic-script stretches HarfBuzz shapes: those stay in logical order."""
    order = visual_order(found)
    result: list[Run] = []
    position = 0
    while position < len(order):  # stretches of one direction, in drawing order
        odd = found[order[position]] % 2 == 1
        end = position
        while end < len(order) and (found[order[end]] % 2 == 1) == odd:
            end += 1
        drawn = "".join(MIRRORED.get(piece[i], piece[i]) if odd else piece[i] for i in order[position:end])
        for run in fonts.runs(drawn, bold, missing):
            if (
                odd
                and run.font.startswith(fonts.ARABIC.name(False))
                and any(fonts.script_family(c) is fonts.ARABIC for c in run.text)
            ):
                # Back to logical order (and unmirrored): HarfBuzz orders and mirrors right-to-left text itself.
                logical = "".join(MIRRORED.get(c, c) for c in reversed(run.text))
                result.append(Run(run.font, logical, opentype=True))
            else:
                result.append(run)
        position = end
    return result


def visual(text: str, rtl: bool) -> str:
    """One paragraph on one line, in drawing order."""
    text = surrogates.replaced(text)
    found = levels(text, rtl)
    return reorder(text, found) if found is not None else str(get_display(text, base_dir="R" if rtl else "L"))


@cache
def _token_width(token: str, bold: bool, size: float) -> float:
    if OPENTYPE and any(unshapeable(c) for c in token):
        parts = [Run(r.font, r.text, opentype=fonts.script_family(r.text[0]) is fonts.ARABIC)
                 for r in fonts.runs(token, bold)]  # fmt: skip
        return fonts.width(parts, size)
    return fonts.width(fonts.runs(token, bold), size)


_NO_BREAK = re.compile(r"[^\u00a0\u202f]+|[\u00a0\u202f]+")  # an overwide token's parts and its no-break spaces


def _wrap(logical: str, width: float, style: Style) -> list[tuple[int, int]]:
    """Greedy wrapping by measured width: the (start, end) of each line in the logical text, spaces at the
    ends left out. Lines break at spaces, after "/" and "-"; at a no-break space only when what it joins is
    wider than the line ("21 лист. 2023 р." in a narrow column); inside a word only when the word alone is
    wider than the line (a link, an IBAN, 10,000 letters without a space)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end, used, pending = 0, 0.0, 0.0  # end of the line's text, its width, the width of spaces after it

    def measure(token: str) -> float:
        return _token_width(token, style.bold, style.size)

    def tokens() -> Iterator[tuple[int, str]]:
        for match in _TOKENS.finditer(logical):
            token = match.group()
            if token.isspace() or measure(token) <= width or not _NO_BREAK_CHARS & set(token):
                yield match.start(), token
            else:
                yield from ((match.start() + part.start(), part.group()) for part in _NO_BREAK.finditer(token))

    for token_start, token in tokens():
        if token.isspace():
            if start is not None:
                pending += measure(token)
            continue
        token_width = measure(token)
        token_end = token_start + len(token)
        if start is not None and end > start and used + pending + token_width > width:
            spans.append((start, end))
            start = None
        if start is None:
            start, used, pending = token_start, 0.0, 0.0
        if used + pending + token_width <= width:
            used, pending, end = used + pending + token_width, 0.0, token_end
            continue
        for offset, char in enumerate(token):  # wider than a whole line: cut where the line is full
            char_width = measure(char)
            if end > start and used + pending + char_width > width:
                spans.append((start, end))
                start, used, pending = token_start + offset, 0.0, 0.0
            used, pending, end = used + pending + char_width, 0.0, token_start + offset + 1
    if start is not None and end > start:
        spans.append((start, end))
    return spans or [(0, 0)]


def lay_out(text: str, width: float, style: Style, missing: set[str] | None = None) -> list[Line]:
    """The lines of `text` in drawing order, each in visual order with its runs of fonts.

    Levels come from the whole paragraph (as Unicode's algorithm asks) and each wrapped line is reordered
    with its slice of them, so a line break inside mixed text moves nothing.
    """
    result: list[Line] = []
    for raw in text.splitlines() or [""]:
        # Composed letters (ReportLab places no combining marks); tabs as spaces; Cf characters shape, then vanish;
        # lone surrogates are U+FFFD.
        paragraph = unicodedata.normalize("NFC", surrogates.replaced(raw)).replace("\t", "    ")
        rtl = style.rtl if style.rtl is not None else is_rtl(paragraph, style.rtl_default)
        bidi = _needs_bidi(paragraph) or rtl
        opentype = bidi and OPENTYPE and any(unshapeable(c) for c in paragraph)
        logical = _RESHAPER.reshape(paragraph) if bidi and not opentype else paragraph
        found = levels(logical, rtl) if bidi and logical else None
        for start, end in _wrap(logical, width, style):
            piece = logical[start:end]
            if opentype and found is not None:
                parts = _opentype_runs(piece, found[start:end], style.bold, missing)
                result.append(Line(parts, fonts.width(parts, style.size), rtl))
                continue
            if not bidi:
                drawn = piece
            elif found is not None:
                drawn = reorder(piece, found[start:end])
            else:
                drawn = str(get_display(piece, base_dir="R" if rtl else "L"))
            parts = fonts.runs(drawn, style.bold, missing)
            result.append(Line(parts, fonts.width(parts, style.size), rtl))
    return result


def draw_lines(
    canvas: Canvas, lines: list[Line], x: float, top: float, width: float, style: Style, right: bool | None = None
) -> None:
    """Draw lines below `top`: right-aligned when right-to-left, unless `right` says where."""
    canvas.setFillColor(HexColor(style.color))
    y = top
    for line in lines:
        y -= style.line_height
        cursor = x + (width - line.width if (line.rtl if right is None else right) else 0)
        baseline = y + style.line_height - style.size  # the line box holds the ascent
        for run in line.runs:
            canvas.setFont(run.font, style.size)
            canvas.drawString(
                cursor, baseline, fonts.shaped(run.text, run.font, style.size) if run.opentype else run.text
            )
            cursor += fonts.run_width(run, style.size)


class TextBlock(Flowable):  # type: ignore[misc]
    """Wrapped text as a flowable that splits between pages line by line (a 10,000-character note too)."""

    def __init__(self, text: str, style: Style, missing: set[str] | None = None,
                 lines: list[Line] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.text = text
        self.style = style
        self.missing = missing
        self._lines = lines
        self._laid_out_for: float | None = None if lines is None else -1.0

    def _lay_out(self, width: float) -> list[Line]:
        if self._lines is None or (self._laid_out_for is not None and self._laid_out_for >= 0
                                   and abs(self._laid_out_for - width) > 0.01):  # fmt: skip
            self._lines = lay_out(self.text, width, self.style, self.missing)
            self._laid_out_for = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._lay_out(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.line_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # A table asks with its column's full width, though it wrapped the cell without the padding: the
        # lines must be those its height was measured with, or they would fit and leave nothing to split.
        wrapped = self._laid_out_for if self._laid_out_for is not None and self._laid_out_for >= 0 else None
        lines = self._lay_out(wrapped or availWidth)
        fitting = int(availHeight // self.style.line_height)
        if fitting <= 0 or fitting >= len(lines):
            return []  # nothing fits, or nothing to split: the caller moves the whole block on
        return [TextBlock(self.text, self.style, self.missing, lines[:fitting]),
                TextBlock(self.text, self.style, self.missing, lines[fitting:])]  # fmt: skip

    def draw(self) -> None:
        draw_lines(self.canv, self._lay_out(self.width), 0, self.height, self.width, self.style)


def styled(style: Style, **changes: Any) -> Style:
    return replace(style, **changes)
