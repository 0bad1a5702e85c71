"""Text that HarfBuzz shaped stays text: the PDF says which letters each private glyph code draws.

ReportLab gives a shaped glyph that has no character of its own (a Sorani or Pashto letter in its joined
form) a private-use code, and its ToUnicode map says so: copying, searching, screen readers and text
extraction got U+E000… instead of the letters. Shaping knows which characters each glyph came from (its
cluster); this module remembers that and writes it into the map, as ReportLab already does for Arabic
presentation forms. Glyphs come in drawing order, so a right-to-left word reads back in visual order, like
every other right-to-left text in the file.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts

_PRIVATE = range(0xE000, 0xF900)
REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap  # the function `install` stands in for (a test compares the two)
# Face name (as in the PDF's BaseFont) -> private code -> the characters its glyph draws.
_DRAWN: dict[str, dict[int, str]] = {}


def remember(text: str, font: str, glyphs: Any) -> None:
    """Note the characters behind each private code in `glyphs` (ReportLab's shaped form of `text`)."""
    data = getattr(glyphs, "__shapeData__", None)
    if not data or len(data) != len(glyphs):
        return
    starts = sorted({item.cluster for item in data})
    end_of = {start: end for start, end in zip(starts, [*starts[1:], len(text)], strict=True)}
    face = pdfmetrics.getFont(font).face
    drawn = _DRAWN.setdefault(_face_name(face), {})
    for glyph, item in zip(str(glyphs), data, strict=True):
        code = ord(glyph)
        if code in _PRIVATE and code not in drawn:
            characters = text[item.cluster : end_of[item.cluster]]
            if characters:
                drawn[code] = characters


def _face_name(face: Any) -> str:
    return bytes(face.name + face.subfontNameX).decode("latin-1")


def _cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with the remembered characters in place of private codes."""
    drawn = _DRAWN.get(fontname.partition("+")[2], {})

    def target(code: int) -> str:
        text = drawn.get(code) or chr(code)
        return text.encode("utf-16-be").hex().upper()

    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{target(code)}>" for index, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])  # fmt: skip


def install() -> None:
    """Have ReportLab write its ToUnicode maps through `_cmap` (it looks the function up at each write)."""
    ttfonts.makeToUnicodeCMap = _cmap
