"""Pure rules shared by the records: text limits, date order and the counselling time limit."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date

from integrationsplan.domain.errors import ValidationError
from integrationsplan.i18n import N_

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 100_000
COUNSELLING_YEARS = 3
EXTENDED_COUNSELLING_YEARS = 4
EARLIEST_DATE = date(1900, 1, 1)


def new_id() -> str:
    """A fresh record id made on this device; random, so two laptops never collide."""
    return str(uuid.uuid4())


def _bad_char(ch: str, multiline: bool) -> bool:
    if multiline and ch in "\r\n\t":
        return False
    # Cc are control characters; Cs lone surrogates that SQLite and PDFs cannot store.
    return unicodedata.category(ch) in ("Cc", "Cs")


def check_text(value: str | None, field: str, *, multiline: bool = False, required: bool = False) -> None:
    # Control characters first: str.strip() counts some of them (e.g. U+001F) as blank.
    if value is not None and any(_bad_char(ch, multiline) for ch in value):
        raise ValidationError(N_("The text contains control characters that cannot be stored."), field=field)
    if value is None or value.strip() == "":
        if required:
            raise ValidationError(N_("This field must not be empty."), field=field)
        return
    limit = LONG_TEXT_MAX if multiline else SHORT_TEXT_MAX
    if len(value) > limit:
        raise ValidationError(
            N_("The text is too long ({length} characters, at most {limit})."),
            field=field,
            length=len(value),
            limit=limit,
        )


def check_date(value: date | None, field: str, *, not_before: date = EARLIEST_DATE) -> None:
    if value is not None and value < not_before:
        raise ValidationError(N_("The date {value} is implausible."), field=field, value=value.isoformat())


def check_order(earlier: date | None, later: date | None, field: str, message: str) -> None:
    """Raise `message` on `field` when both dates are known and `later` comes before `earlier`."""
    if earlier is not None and later is not None and later < earlier:
        raise ValidationError(message, field=field, earlier=earlier.isoformat(), later=later.isoformat())


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


def counselling_limit(start: date, extended: bool) -> date:
    """Last day of counselling: three years from the start, four when an extension is justified."""
    years = EXTENDED_COUNSELLING_YEARS if extended else COUNSELLING_YEARS
    return add_years(start, years)


def age_on(birth_date: date | None, birth_year: int | None, day: date) -> int | None:
    """Age in whole years; with only a birth year the age reached during that calendar year."""
    if birth_date is not None:
        return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
    if birth_year is not None:
        return day.year - birth_year
    return None
