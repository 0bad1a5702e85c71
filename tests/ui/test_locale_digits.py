"""One digit rule per language: the tables (Babel, via i18n) write digits as Qt's date fields and spin boxes do."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale

from integrationsplan import i18n
from integrationsplan.pdf import LANGUAGES


def _digit_set(text: str) -> set[str]:
    return {c for c in text if c.isdigit()}


@pytest.mark.parametrize("language", sorted(set(i18n.UI_LANGUAGES) | set(LANGUAGES)))
def test_tables_and_date_fields_write_the_same_digits(language: str) -> None:
    day = date(2026, 11, 24)
    qt = QLocale(language).toString(QDate(2026, 11, 24), QLocale.FormatType.ShortFormat)
    ours = i18n.format_date(day, language)
    assert _digit_set(ours) <= _digit_set(qt) | _digit_set(QLocale(language).toString(1234567890)), (ours, qt)
    assert _digit_set(i18n.format_time(datetime(2026, 11, 24, 9, 45), language)) <= _digit_set(
        QLocale(language).toString(1234567890)
    )


def test_persian_readers_get_persian_digits_and_separators() -> None:
    assert i18n.format_number(1234.5, "fa") == "۱٬۲۳۴٫۵"
    assert i18n.format_date(date(2026, 11, 24), "fa") == "۲۴ نوامبر ۲۰۲۶"
    assert i18n.format_number(1234.5, "de") == "1.234,5"
    assert i18n.digits("2026", "ar") == "٢٠٢٦" and i18n.digits("2026", "de") == "2026"
