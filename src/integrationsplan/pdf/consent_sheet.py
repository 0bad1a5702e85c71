"""The information and consent sheet (DSGVO Art. 13, Art. 7, Art. 9): what is done with the person's data and
their rights, then the consents to tick and sign. German with the client's language under each text, like the
plan; the texts come from the translation catalogs. A text a catalog lacks is printed in German only and
reported, never in English. Its version (domain/consent.SHEET_VERSION) and language are what a consent record
notes as the text shown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from integrationsplan.domain.consent import SHEET_VERSION
from integrationsplan.i18n import N_
from integrationsplan.pdf import LANGUAGES, document, fonts
from integrationsplan.pdf.plan_pdf import (
    BODY,
    CASE_NUMBER,
    CLIENT_SIGNS,
    CONTENT_WIDTH,
    HEADING,
    LABEL,
    MANAGER_SIGNS,
    NAME,
    PLACE_DATE,
    SIGNATURE,
    SMALL,
    TITLE,
    Letterhead,
    Report,
    Rule,
    Texts,
    check,
    footer_canvas,
)
from integrationsplan.pdf.text import Style, TextBlock

TITLE_TEXT = N_("Information on data protection and consent")
INTRO = N_("Please read this information carefully and ask us about anything that is unclear. You get a copy.")
CONTROLLER_HEADING = N_("Who is responsible for your data")
CONTROLLER = N_("Responsible for processing your data is the following office. You can also reach its data "
                "protection officer there:")  # fmt: skip
PURPOSE_HEADING = N_("Why we process your data")
PURPOSE = N_("We use your data to counsel you in integration management and to write down, review and adjust your "
             "individual integration plan with you. For the funding of the integration management we report figures "
             "to the Land Baden-Württemberg that contain no names.")  # fmt: skip
DATA_HEADING = N_("Which data")
DATA = N_("Your name, contact details, date of birth, languages and household; your residence status, education, "
          "work and income; notes on our counselling sessions, and your integration plan. Information about your "
          "health or a disability only if you agree to it separately below.")  # fmt: skip
BASIS_HEADING = N_("Legal basis and voluntariness")
BASIS = N_("We process your data on the basis of your consent (Art. 6(1)(a) GDPR), information about your health or "
           "a disability on the basis of your explicit consent (Art. 9(2)(a) GDPR). Your consent is voluntary. If "
           "you do not give it, we can still advise you, but we cannot keep records or an integration plan for "
           "you.")  # fmt: skip
RECIPIENTS_HEADING = N_("Who receives your data")
RECIPIENTS = N_("Your data stay with the integration management. We pass them on to others (for example the job "
                "centre or the immigration office) only if you release us from professional secrecy for that "
                "recipient below, or if a law obliges us to.")  # fmt: skip
STORAGE_HEADING = N_("How long we keep your data")
STORAGE = N_("We erase your data {months} months after your counselling has ended, or earlier if you withdraw your "
             "consent, unless a law obliges us to keep them longer.")  # fmt: skip
RIGHTS_HEADING = N_("Your rights")
RIGHTS = N_("You have the right to know which data we store about you (Art. 15 GDPR), to have them corrected "
            "(Art. 16), erased (Art. 17) or their processing restricted (Art. 18), to receive them in a common format "
            "(Art. 20) and to object to their processing (Art. 21).")  # fmt: skip
WITHDRAWAL = N_("You can withdraw your consent at any time, without giving reasons, by telling your integration "
                "manager. The withdrawal applies from then on; what was done before remains lawful.")  # fmt: skip
COMPLAINT = N_("You can complain to the data protection supervisory authority:")
AUTHORITY = ("Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg, "
             "Lautenschlagerstraße 20, 70173 Stuttgart, poststelle@lfdi.bwl.de")  # fmt: skip
CONSENT_HEADING = N_("Consent")
CONSENT_PROCESSING = N_("I agree that my data are processed for my counselling and my integration plan as described "
                        "above.")  # fmt: skip
CONSENT_SPECIAL = N_("I also agree that information about my health or a disability is processed for my counselling.")
CONSENT_SECRECY = N_("I release the integration management from professional secrecy towards the following recipient, "
                     "for the purpose named:")  # fmt: skip
RECIPIENT = N_("Recipient")
SECRECY_PURPOSE = N_("Purpose")
EXPLAINED_BY = N_("Explained in the language / by the interpreter")
TEXT_VERSION = N_("Text version {version}")

BOX = 3.6 * mm
WIDTH = CONTENT_WIDTH - 12  # inside the frame's padding, where the text runs: tables line up with it


@dataclass(frozen=True)
class SheetData:
    """What the sheet says besides its fixed texts: the office, as the settings hold it, and optionally the
    person it is handed to (a blank sheet has lines to fill in instead)."""

    letterhead: Letterhead
    contact: str = ""  # address, phone, e-mail of the office and of its data protection officer
    retention_months: int = 12
    name: str = ""
    case_number: str = ""


class _Box(Flowable):  # type: ignore[misc]
    """An empty square to tick."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return BOX, BOX + 1.5 * mm

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor("#333333"))
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, BOX, BOX)


class _Sheet:
    def __init__(self, data: SheetData, language: str, report: Report) -> None:
        self.data = data
        self.t = Texts(language)
        self.report = report

    def pair(self, message: str, style: Style = BODY, **params: Any) -> list[Any]:
        """German, then the client's language; German only (reported) where the catalog lacks the text."""
        if self.t.bilingual and not self.t.client.has(message):
            self.report.german_only.append(message)
            return [TextBlock(self.t.both(message, **params)[0], style, self.report.missing)]
        return self.t.pair(message, style, self.report.missing, **params)

    def text(self, value: str, style: Style = BODY) -> TextBlock:
        return TextBlock(value, style, self.report.missing)

    def section(self, heading: str, *parts: list[Any]) -> list[Any]:
        head = [Spacer(1, 3.5 * mm), *self.pair(heading, HEADING), Spacer(1, 1 * mm)]
        for block in head:
            block.keepWithNext = True
        return [*head, *[block for part in parts for block in part]]

    def line(self, label: str, value: str = "") -> list[Any]:
        """A label and a line to write on (or the value printed above it)."""
        return [*self.pair(label, SMALL), Spacer(1, 1 * mm) if value else Spacer(1, 6 * mm),
                *([self.text(value)] if value else []), Rule(), Spacer(1, 2 * mm)]  # fmt: skip

    def tick(self, message: str) -> Table:
        table = Table([[_Box(), self.pair(message)]], colWidths=[BOX + 4 * mm, WIDTH - BOX - 4 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (0, 0), 3)]))  # fmt: skip
        return table

    def controller(self) -> list[Any]:
        office = [self.data.letterhead.organisation, self.data.contact.strip()]
        written = [self.text(part, LABEL if i == 0 else BODY) for i, part in enumerate(office) if part]
        return [*self.pair(CONTROLLER), Spacer(1, 1 * mm), *(written or [Spacer(1, 14 * mm), Rule()])]

    def person(self) -> list[Any]:
        cells = [self.line(NAME, self.data.name), self.line(CASE_NUMBER, self.data.case_number)]
        table = Table([cells], colWidths=[WIDTH * 0.62, WIDTH * 0.38], splitInRow=1)  # a name longer than a page
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm)]))  # fmt: skip
        return [table]

    def signatures(self) -> Table:
        cells = []
        for role in (CLIENT_SIGNS, MANAGER_SIGNS):
            cells.append([*self.pair(role, LABEL), *self.line(PLACE_DATE), Spacer(1, 6 * mm), Rule(),
                          *self.pair(SIGNATURE, SMALL)])  # fmt: skip
        table = Table([cells], colWidths=[WIDTH / 2] * 2)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, 0), 10 * mm)]))  # fmt: skip
        return table

    def story(self) -> list[Any]:
        months = self.data.retention_months
        consent = [
            Spacer(1, 3.5 * mm), *self.pair(CONSENT_HEADING, HEADING), Spacer(1, 1 * mm), *self.person(),
            self.tick(CONSENT_PROCESSING), Spacer(1, 2 * mm), self.tick(CONSENT_SPECIAL), Spacer(1, 2 * mm),
            self.tick(CONSENT_SECRECY), *self.line(RECIPIENT), *self.line(SECRECY_PURPOSE), *self.line(EXPLAINED_BY),
            Spacer(1, 2 * mm), self.signatures(),
        ]  # fmt: skip
        letterhead = [self.text(self.data.letterhead.organisation, LABEL)] if self.data.letterhead.organisation else []
        return [
            *letterhead, Spacer(1, 2 * mm), *self.pair(TITLE_TEXT, TITLE), Spacer(1, 2 * mm), *self.pair(INTRO),
            *self.section(CONTROLLER_HEADING, self.controller()),
            *self.section(PURPOSE_HEADING, self.pair(PURPOSE)),
            *self.section(DATA_HEADING, self.pair(DATA)),
            *self.section(BASIS_HEADING, self.pair(BASIS)),
            *self.section(RECIPIENTS_HEADING, self.pair(RECIPIENTS)),
            *self.section(STORAGE_HEADING, self.pair(STORAGE, months=months)),
            *self.section(RIGHTS_HEADING, self.pair(RIGHTS), [Spacer(1, 1.5 * mm)], self.pair(WITHDRAWAL),
                          [Spacer(1, 1.5 * mm)], self.pair(COMPLAINT), [self.text(AUTHORITY)]),
            KeepTogether(consent),
        ]  # fmt: skip


def render(data: SheetData, language: str, out: Path) -> Report:
    """Write the sheet as a PDF to `out` (beside it first, then renamed); the report names the texts printed in
    German only and the characters no font has."""
    if language not in LANGUAGES:
        raise ValueError(f"no sheet language {language!r}")
    check(out, data.letterhead)
    fonts.register()
    report = Report(language)
    sheet = _Sheet(data, language, report)
    version = sheet.t.both(TEXT_VERSION, version=SHEET_VERSION)[0]
    document.write(out, sheet.story(), title="Datenschutzinformation und Einwilligung",
                   author=data.letterhead.organisation or "Integrationsplan",
                   canvasmaker=footer_canvas(f"{version} · {language}", sheet.t, report))  # fmt: skip
    return report
