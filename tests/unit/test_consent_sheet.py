"""The information and consent sheet (Art. 13): every fixed text comes back from the PDF in German and in the
client's language, in every print language; the office, the retention period and the person are printed; a
text a catalog lacks is printed in German only and reported, never in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_text import in_order, logical_text

from integrationsplan.domain.consent import SHEET_VERSION
from integrationsplan.i18n import Translator
from integrationsplan.pdf import LANGUAGES, RIGHT_TO_LEFT, consent_sheet
from integrationsplan.pdf.plan_pdf import Letterhead

TEXTS = [consent_sheet.TITLE_TEXT, consent_sheet.CONTROLLER_HEADING, consent_sheet.PURPOSE, consent_sheet.BASIS,
         consent_sheet.RIGHTS, consent_sheet.WITHDRAWAL, consent_sheet.CONSENT_PROCESSING,
         consent_sheet.CONSENT_SPECIAL, consent_sheet.CONSENT_SECRECY]  # fmt: skip
DATA = consent_sheet.SheetData(
    Letterhead("Landratsamt Waldshut Integrationsmanagement"),
    contact="Kaiserstraße 110, 79761 Waldshut-Tiengen\nDatenschutz: datenschutz@landkreis-waldshut.de",
    retention_months=18, name="Mohammed Al-Hassan", case_number="WT-00012",
)  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_comes_back_in_german_and_the_client_language(tmp_path: Path, language: str) -> None:
    out = tmp_path / f"sheet-{language}.pdf"
    report = consent_sheet.render(DATA, language, out)
    assert report.pages >= 1 and report.missing == set() and report.german_only == [], report.german_only
    text = logical_text(out, language in RIGHT_TO_LEFT)
    client, german = Translator(language), Translator("de")
    for message in TEXTS:
        assert in_order(german(message), text), message
        assert client.has(message), f"{language} catalog lacks {message!r}"
        assert in_order(client(message), text), (language, client(message))
    assert in_order(german(consent_sheet.STORAGE).format(months=18), text)  # the organisation's period
    for printed in ("Landratsamt Waldshut", "datenschutz@landkreis-waldshut.de", "Mohammed Al-Hassan", "WT-00012",
                    "Lautenschlagerstraße 20, 70173 Stuttgart", SHEET_VERSION):  # fmt: skip
        assert printed in text, printed


def test_a_blank_sheet_has_lines_to_fill_in_and_a_missing_translation_prints_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lacking = {consent_sheet.RIGHTS, consent_sheet.CONSENT_SPECIAL}
    monkeypatch.setattr(Translator, "has", lambda self, message: message not in lacking)
    out = tmp_path / "blank.pdf"
    report = consent_sheet.render(consent_sheet.SheetData(Letterhead()), "ar", out)
    assert sorted(report.german_only) == sorted(lacking) and len(report.warnings()) == 1
    text = logical_text(out, rtl=True)
    german, english = Translator("de"), Translator("en")
    assert in_order(german(consent_sheet.RIGHTS), text)
    assert english(consent_sheet.RIGHTS)[:40] not in text  # never the English source instead


def test_a_folder_is_no_output(tmp_path: Path) -> None:
    from integrationsplan.pdf.plan_pdf import BadOutput

    with pytest.raises(BadOutput):
        consent_sheet.render(DATA, "de", tmp_path)
