"""The message catalogs: template up to date, German complete, placeholders kept, catalogs compile."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from integrationsplan import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _ids(path: Path) -> set[object]:
    with path.open("rb") as fp:
        return {m.id for m in read_po(fp) if m.id}


def _catalogs() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*/LC_MESSAGES/integrationsplan.po"))


def test_template_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(TRANSLATIONS / "babel.cfg"),
         "-k", "N_", "-o", str(fresh), str(ROOT / "src")],
        check=True, capture_output=True,
    )  # fmt: skip
    assert _ids(fresh) == _ids(TRANSLATIONS / "integrationsplan.pot"), (
        "translations/integrationsplan.pot is stale: run the extract command in README.md"
    )


def test_german_is_complete() -> None:
    with (TRANSLATIONS / "de" / "LC_MESSAGES" / "integrationsplan.po").open("rb") as fp:
        catalog = read_po(fp)
    untranslated = [m.id for m in catalog if m.id and (not m.string or not all(m.string) or m.fuzzy)]
    assert untranslated == []
    assert _ids(TRANSLATIONS / "integrationsplan.pot") <= {m.id for m in catalog if m.id}


@pytest.mark.parametrize("po", _catalogs(), ids=lambda p: p.parts[-3])
def test_catalog_compiles_and_keeps_placeholders(po: Path) -> None:
    with po.open("rb") as fp:
        catalog = read_po(fp, locale=po.parts[-3])
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if not text:  # a plural not translated yet (catalogs that hold only the printed plan's texts)
                continue
            assert set(PLACEHOLDER.findall(text)) <= expected, (message.id, text)
            assert set(PLACEHOLDER.findall(text)) >= set(PLACEHOLDER.findall(ids[0])) - {"{n}"}, (
                message.id,
                text,
            )
    assert not list(catalog.check()), list(catalog.check())
    write_mo(io.BytesIO(), catalog)


def test_german_is_the_default_and_english_the_source() -> None:
    assert i18n.set_language(None) == "de"
    assert i18n._("The passphrase must not be empty.") == "Die Passphrase darf nicht leer sein."
    i18n.set_language("en")
    assert i18n._("The passphrase must not be empty.") == "The passphrase must not be empty."
    assert i18n.ngettext("The database has {n} problem.", "The database has {n} problems.", 2).endswith("problems.")


@pytest.mark.parametrize("language", ["😀" * 64, "../de", "de/../../de", "", " de", "a" * 300])
def test_a_language_that_is_no_tag_is_never_looked_up_as_a_path(language: str) -> None:
    """Found by fuzzing --lang: 64 emoji made a file name too long for the file system (an OSError)."""
    try:
        i18n.set_language(language or "x")
        assert i18n._("The passphrase must not be empty.") == "The passphrase must not be empty."
    finally:
        i18n.set_language(None)


CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@pytest.mark.parametrize("po", _catalogs(), ids=lambda p: p.parts[-3])
def test_plural_forms_follow_cldr(po: Path) -> None:
    """msgstr[i] must be the i-th CLDR category the language uses (zero, one, two, few, many, other).

    Arabic is the case that goes wrong: 100–102 are "other" (form 5), 11–99 "many" (form 4).
    """
    import gettext

    from babel import Locale

    with po.open("rb") as fp:
        catalog = read_po(fp, locale=po.parts[-3])
    rule = Locale.parse(po.parts[-3]).plural_form
    numbers = range(0, 1201)
    used = [c for c in CLDR_ORDER if any(rule(n) == c for n in numbers)]
    assert catalog.num_plurals == len(used), (catalog.num_plurals, used)
    formula = gettext.c2py(catalog.plural_expr)  # type: ignore[attr-defined]
    wrong = [(n, formula(n), rule(n)) for n in numbers if used[formula(n)] != rule(n)]
    assert wrong == [], wrong[:5]


def test_a_document_in_a_language_whose_catalog_lacks_a_text_prints_it_in_german() -> None:
    """Somali has the plan's texts but not the access report's heading: the client reads German there, which
    the office can explain, never the English source."""
    somali = i18n.Translator("so")
    heading = "What is stored about you (Art. 15 GDPR)"
    assert not somali.has(heading) and somali(heading) == i18n.Translator("de")(heading)
    assert somali.has("Name") and somali("Name") != i18n.Translator("de")("Name")
    assert i18n.Translator("en")(heading) == heading  # English is the source
