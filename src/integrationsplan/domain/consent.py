"""Consents a person gave, provable and as easy to withdraw as to give."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from integrationsplan.domain.codes import ConsentForm, ConsentKind
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.rules import check_date, check_order, check_text, new_id
from integrationsplan.i18n import N_

# The version of the information and consent sheet the program prints (pdf/consent_sheet.py); a consent records
# the version and language of the text the person was shown. A new version whenever the sheet's texts change.
SHEET_VERSION = "2026-11"


@dataclass(frozen=True, slots=True, kw_only=True)
class Consent:
    id: str = field(default_factory=new_id)
    person_id: str
    kind: ConsentKind
    given_on: date
    form: ConsentForm
    purposes: str | None = None
    recipients: str | None = None  # required for a release from professional secrecy
    text_language: str | None = None
    text_version: str | None = None
    witness: str | None = None
    valid_until: date | None = None
    withdrawn_on: date | None = None

    def validate(self) -> None:
        for name in ("text_language", "text_version", "witness"):
            check_text(getattr(self, name), name)
        for name in ("purposes", "recipients"):
            check_text(getattr(self, name), name, multiline=True)
        check_date(self.given_on, "given_on")
        check_order(
            self.given_on, self.valid_until, "valid_until",
            N_("The consent expires ({later}) before it was given ({earlier})."),
        )  # fmt: skip
        check_order(
            self.given_on, self.withdrawn_on, "withdrawn_on",
            N_("The consent is withdrawn ({later}) before it was given ({earlier})."),
        )  # fmt: skip
        if self.kind is ConsentKind.SECRECY_RELEASE and not (self.recipients or "").strip():
            raise ValidationError(
                N_("A release from professional secrecy must name its recipient."), field="recipients"
            )
        if self.form is ConsentForm.ORAL_WITH_WITNESS and not (self.witness or "").strip():
            raise ValidationError(N_("An oral consent needs a witness."), field="witness")

    def is_valid_on(self, day: date) -> bool:
        if day < self.given_on:
            return False
        if self.withdrawn_on is not None and day >= self.withdrawn_on:
            return False
        return self.valid_until is None or day <= self.valid_until


def has_valid_consent(consents: list[Consent], kind: ConsentKind, day: date) -> bool:
    return any(c.kind is kind and c.is_valid_on(day) for c in consents)


def standing_withdrawal(consents: list[Consent], kind: ConsentKind, day: date) -> Consent | None:
    """The withdrawn consent of `kind` when no valid one is left on `day` (the withdrawal stands), else None."""
    if has_valid_consent(consents, kind, day):
        return None
    gone = [c for c in consents if c.kind is kind and c.withdrawn_on is not None and c.withdrawn_on <= day]
    return max(gone, key=lambda c: c.withdrawn_on or day) if gone else None
