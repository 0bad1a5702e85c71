"""Gettext catalogs for every user-visible text, and the language currently in use."""

from __future__ import annotations

import gettext
import io
import os
import re
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

DOMAIN = "integrationsplan"
DEFAULT_LANGUAGE = "de"
# Languages the whole interface is translated into; the other catalogs hold the printed plan's texts only.
UI_LANGUAGES = ("de", "en", "ar", "fa", "uk", "tr", "ru")
# The source strings are English; "en" therefore needs no catalog.
SOURCE_LANGUAGE = "en"

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def catalog_dirs() -> list[Path]:
    """Folders that may hold <lang>/LC_MESSAGES/integrationsplan.{mo,po}, most specific first."""
    here = Path(__file__).resolve().parent
    dirs = [here / "translations", here.parents[1] / "translations"]
    override = os.environ.get("INTEGRATIONSPLAN_TRANSLATIONS")
    if override:
        dirs.insert(0, Path(override))
    return [d for d in dirs if d.is_dir()]


_TAG = re.compile(r"[A-Za-z]{2,8}(?:[_-][A-Za-z0-9]{1,8})*")  # "de", "ckb", "pt_BR", "x-pseudo"


@cache
def _load(language: str) -> gettext.NullTranslations:
    """The catalog of `language`; none for what is no language tag (an argument such as "../x" or a name longer
    than the file system allows must not become a path)."""
    if not _TAG.fullmatch(language):
        return gettext.NullTranslations()
    for folder in catalog_dirs():
        base = folder / language / "LC_MESSAGES" / DOMAIN
        mo = base.with_suffix(".mo")
        if mo.is_file():
            with mo.open("rb") as fp:
                return gettext.GNUTranslations(fp)
        po = base.with_suffix(".po")
        if po.is_file():
            # A source checkout has no compiled catalogs; compiling in memory keeps one source of truth.
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po

            with po.open("rb") as fp:
                catalog = read_po(fp, locale=language)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def _catalog_for(language: str) -> gettext.NullTranslations:
    """English is the source and needs no catalog."""
    return gettext.NullTranslations() if language == SOURCE_LANGUAGE else _load(language)


def available_languages() -> list[str]:
    found = {SOURCE_LANGUAGE}
    for folder in catalog_dirs():
        found.update(p.name for p in folder.iterdir() if (p / "LC_MESSAGES").is_dir())
    return sorted(found)


PSEUDO_LANGUAGE = "x-pseudo"
_PSEUDO_LETTERS = str.maketrans("aeiouAEIOUcnsyzCNSYZ", "àéîöûÀÉÎÖÛçñšýžÇÑŠÝŽ")
_PSEUDO_KEEP = re.compile(r"(\{[a-z_]*\}|&&|&.|\n)")


def pseudo(message: str) -> str:
    """A message 40 % longer, with accents, placeholders and accelerators kept: truncated labels show."""
    parts = _PSEUDO_KEEP.split(message)
    changed = "".join(p if _PSEUDO_KEEP.fullmatch(p) else p.translate(_PSEUDO_LETTERS) for p in parts)
    return f"⟦{changed}{'·' * max(2, len(message) * 2 // 5)}⟧"


class _Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


def set_language(language: str | None = None) -> str:
    """Activate a language (default: $INTEGRATIONSPLAN_LANG, else German); returns the one in use.

    "x-pseudo" lengthens every message (see `pseudo`), to find labels a longer language would cut off.
    """
    global _active, _language
    language = language or os.environ.get("INTEGRATIONSPLAN_LANG") or DEFAULT_LANGUAGE
    _language = language
    _active = _Pseudo() if language == PSEUDO_LANGUAGE else _catalog_for(language)
    return language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (it is translated where shown)."""
    return message


set_language()


# Digits, one rule per language: those Qt's locale data uses in date fields and spin boxes, so that a date reads
# the same in a table, in its field and in the printed plan. Arabic-Indic for Arabic and Sorani, Extended
# Arabic-Indic ("Persian digits") for Persian and Pashto, Latin for every other language.
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
NATIVE_DIGITS = {"ar": _ARABIC_INDIC, "ckb": _ARABIC_INDIC, "fa": _PERSIAN, "ps": _PERSIAN}
_DIGIT_TABLES = {language: str.maketrans("0123456789", native) for language, native in NATIVE_DIGITS.items()}
_NUMBERING = {_ARABIC_INDIC: "arab", _PERSIAN: "arabext"}  # CLDR's names, for the matching separators


def digits(text: str, language: str | None = None) -> str:
    """`text` with its Latin digits written as the language (default: the active one) writes them."""
    table = _DIGIT_TABLES.get(language or _language)
    return text.translate(table) if table else text


def format_date(day: date | None, language: str | None = None) -> str:
    """A date as the reader of the language (default: the active one) writes it (24.11.2026 in German)."""
    return "" if day is None else _format_date(day, language or _language)


def format_time(moment: time | datetime, language: str | None = None) -> str:
    """Hours and minutes, 24-hour clock (as German offices write it), in the language's digits."""
    return digits(f"{moment:%H:%M}", language)


def format_number(number: float, language: str | None = None) -> str:
    """A number with the language's separators and digits (1.234,5 in German; ۱٬۲۳۴٫۵ in Persian)."""
    from babel import UnknownLocaleError
    from babel.numbers import format_decimal

    language = language or _language
    try:
        system = _NUMBERING.get(NATIVE_DIGITS.get(language, ""), "latn")
        return digits(format_decimal(number, locale=language, numbering_system=system), language)
    except (ValueError, LookupError, UnknownLocaleError):  # a language Babel does not know (the pseudo one)
        return digits(str(number), language)


def language_name(code: str, in_language: str | None = None, *, capitalize: bool = True) -> str:
    """A language's name in another language, or in its own ("Deutsch", "العربية"); the code if unknown.

    Capitalised for a list of choices; inside a sentence (`capitalize=False`) as the language writes it.
    """
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(in_language or code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if capitalize else name


class Translator:
    """The catalog of one language, used without switching the active one (a PDF in the client's language)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalog = _catalog_for(language)

    def __call__(self, message: str) -> str:
        """The message in the language; where its catalog lacks it, in German rather than in the English source:
        documents for clients (access report, sheets) are German with the client's language, never English."""
        if self.language not in (SOURCE_LANGUAGE, DEFAULT_LANGUAGE) and not self.has(message):
            return _catalog_for(DEFAULT_LANGUAGE).gettext(message)
        return self._catalog.gettext(message)

    def has(self, message: str) -> bool:
        """Whether the catalog translates `message` (English, the source, has everything)."""
        # A translation may equal its source ("Signatures" in French): ask the compiled catalog itself.
        messages: dict[str, str] = getattr(self._catalog, "_catalog", {})
        return self.language == SOURCE_LANGUAGE or bool(messages.get(message))


@cache
def _format_date(day: date, language: str) -> str:
    # Cached: list views format the same few hundred dates on every repaint.
    from babel import UnknownLocaleError
    from babel.dates import format_date as babel_format_date

    try:
        return digits(babel_format_date(day, format="medium", locale=language), language)
    except (
        ValueError,
        LookupError,
        UnknownLocaleError,
    ):  # a language Babel does not know: ISO is understood everywhere
        return day.isoformat()
