"""Shipped fonts and which one draws each character.

ReportLab draws a character the font lacks as nothing at all, so every character is given a font that
has it: the font of its script (Arabic letters in Naskh, Ethiopic in Noto Sans Ethiopic, the rest in Noto
Sans); neutral characters (spaces, digits, brackets) stay in the font of the text around them when it has
them. What no shipped font has (emoji, say) is drawn as U+FFFD and reported, never dropped unseen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from integrationsplan import surrogates
from integrationsplan.pdf import to_unicode
from integrationsplan.resources import resource

REPLACEMENT = surrogates.REPLACEMENT


@dataclass(frozen=True)
class Family:
    key: str
    regular: str  # file names in resources/fonts
    bold: str

    def name(self, bold: bool) -> str:
        return f"IP-{self.key}{'-Bold' if bold else ''}"


SANS = Family("Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
ARABIC = Family("Naskh", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
ETHIOPIC = Family("Ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf")
# Scripts of names the demo and the Land's statistics know (Georgian and Armenian clients, Hebrew): found by
# their glyphs when the script's own family lacks a character.
GEORGIAN = Family("Georgian", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf")
ARMENIAN = Family("Armenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf")
HEBREW = Family("Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf")
FAMILIES = (SANS, ARABIC, ETHIOPIC, GEORGIAN, ARMENIAN, HEBREW)

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_ETHIOPIC_RANGES = ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))


class FontMissing(RuntimeError):
    pass


@cache
def register() -> None:
    """Register the shipped fonts with ReportLab (once per process)."""
    to_unicode.install()
    for family in FAMILIES:
        for bold, file in ((False, family.regular), (True, family.bold)):
            path = resource(f"fonts/{file}")
            if path is None:
                raise FontMissing(f"resources/fonts/{file} is missing from this installation")
            pdfmetrics.registerFont(TTFont(family.name(bold), str(path)))


@cache
def _cmap(font_name: str) -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def has_glyph(font_name: str, char: str) -> bool:
    return ord(char) in _cmap(font_name)


def script_family(char: str) -> Family | None:
    """The family a character's script asks for; None for neutral characters (spaces, digits, punctuation)."""
    code = ord(char)
    if any(low <= code <= high for low, high in _ARABIC_RANGES):
        return ARABIC
    if any(low <= code <= high for low, high in _ETHIOPIC_RANGES):
        return ETHIOPIC
    if unicodedata.category(char)[0] in "LM":
        return SANS
    return None


@dataclass(frozen=True)
class Run:
    font: str
    text: str
    opentype: bool = False  # logical order, shaped by HarfBuzz when drawn (letters without presentation forms)


def runs(text: str, bold: bool = False, missing: set[str] | None = None) -> list[Run]:
    """`text` cut into runs of one font each; characters no font has become U+FFFD (and go into `missing`)."""
    result: list[Run] = []
    current = SANS
    for char in text:
        if unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F:
            # Invisible by definition (ZWNJ, bidi marks, soft hyphen, emoji variation selectors); some fonts
            # carry visible placeholder glyphs for them, so they are never drawn. Shaping has used them already.
            continue
        family = script_family(char) or current
        font = family.name(bold)
        if not has_glyph(font, char):
            font = next((f.name(bold) for f in FAMILIES if has_glyph(f.name(bold), char)), "")
            if not font:
                if missing is not None:
                    missing.add(char)
                char, font = REPLACEMENT, SANS.name(bold)
        current = script_family(char) or current
        if result and result[-1].font == font:
            result[-1] = Run(font, result[-1].text + char)
        else:
            result.append(Run(font, char))
    return result


def shaped(text: str, font: str, size: float) -> Any:
    """`text` (logical order) shaped by HarfBuzz through ReportLab: a string of glyphs in drawing order."""
    return _shaped(text, font, round(size * 100) / 100)


@cache
def _shaped(text: str, font: str, size: float) -> Any:
    from reportlab.pdfbase.ttfonts import shapeStr

    glyphs = shapeStr(text, font, size)
    to_unicode.remember(text, font, glyphs)
    return glyphs


def run_width(run: Run, size: float) -> float:
    glyphs = shaped(run.text, run.font, size) if run.opentype else run.text
    data = getattr(glyphs, "__shapeData__", None)  # a plain str when HarfBuzz changed nothing
    if data is None:
        return float(pdfmetrics.stringWidth(str(glyphs), run.font, size))
    return float(sum(item.x_advance for item in data) * size / 1000)


def width(parts: list[Run], size: float) -> float:
    return sum(run_width(run, size) for run in parts)
