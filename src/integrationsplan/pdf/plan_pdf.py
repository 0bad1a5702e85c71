"""The plan document: German with the client's language under each text, A4, numbered pages, signature lines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, KeepTogether, Spacer, Table, TableStyle

from integrationsplan import catalogue
from integrationsplan.catalogue import Catalogue
from integrationsplan.domain.codes import GoalStatus
from integrationsplan.domain.plan import Goal, Step
from integrationsplan.errors import UserError
from integrationsplan.i18n import (
    N_,
    Translator,
    _,
    current_language,
    format_date,
    format_number,
    language_name,
    ngettext,
)
from integrationsplan.labels import label
from integrationsplan.pdf import LANGUAGES, RIGHT_TO_LEFT, document, fonts
from integrationsplan.pdf.plan_data import PlanData
from integrationsplan.pdf.text import Style, TextBlock, draw_lines, lay_out, styled

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = document.MARGIN
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GRID = HexColor("#b9c3cc")
HEADER_FILL = HexColor("#e8eef4")
MUTED = "#4a5560"

BODY = Style()
LABEL = styled(BODY, bold=True)
TITLE = styled(BODY, size=17, bold=True, color="#1f5f99")
HEADING = styled(BODY, size=12.5, bold=True, color="#1f5f99")
SMALL = styled(BODY, size=8)

# Fixed texts of the document; every one is printed in German and in the client's language.
TITLE_TEXT = N_("Individual integration plan")
EXPLANATION = N_(
    "This plan records what you want to achieve in Germany and the steps that lead there: who does what, and by "
    "when. We agreed on it together. We will look at it again on the review date and adjust it. You may ask for "
    "changes at any time. Participation is voluntary."
)
PERSON_HEADING = N_("Person and household")
PLAN_HEADING = N_("The plan")
NEEDS_HEADING = N_("Needs")
GOALS_HEADING = N_("Goals")
STEPS_HEADING = N_("Steps")
SIGNATURES_HEADING = N_("Signatures")
NAME = N_("Name")
CASE_NUMBER = N_("Case number")
BIRTH_DATE = N_("Birth date")
HOUSEHOLD = N_("Household")
VERSION = N_("Plan version")
MADE_ON = N_("Made on")
IN_FORCE = N_("In force since")
NEXT_REVIEW = N_("Next review")
LAST_REVIEW = N_("Last review")
MANAGER = N_("Integration manager")
AREA = N_("Life area")
CLIENT_VIEW = N_("In the client's words")
MANAGER_VIEW = N_("Integration manager's view")
NUMBER = N_("No.")
GOAL = N_("Goal")
BY_WHEN = N_("By when")
STATUS = N_("Status at the last review")
STEP = N_("Step")
WHO = N_("Who")
REFERRAL = N_("Referral to")
GOAL_NUMBER = N_("Goal no.")
NO_GOALS = N_("No goals have been written down yet.")
PLACE_DATE = N_("Place, date")
SIGNATURE = N_("Signature")
CLIENT_SIGNS = N_("Client")
MANAGER_SIGNS = N_("Integration manager")
GUARDIAN_SIGNS = N_("legal guardian")  # the signer roles' names (labels.py), capitalised where printed
INTERPRETER_SIGNS = N_("interpreter")
EXPLAINED = N_("This plan was explained in {language}.")
EXPLAINED_WITH = N_("This plan was explained in {language} with the interpreter {interpreter}.")
PAGE = N_("Page {page} of {pages}")


@dataclass
class Report:
    """What rendering found: pages written, characters no shipped font could draw (shown as U+FFFD), and the
    goals and steps printed in German only in a bilingual plan (neither a translation nor a catalogue entry)."""

    language: str = "de"
    pages: int = 0
    missing: set[str] = field(default_factory=set)
    untranslated: list[str] = field(default_factory=list)
    german_only: list[str] = field(default_factory=list)  # fixed texts the language's catalog lacks
    unreviewed: bool = False  # catalogue texts were printed in a language nobody has reviewed yet

    def warnings(self) -> list[str]:
        """What the caseworker should know before handing the plan over, in the active language."""
        found = []
        language = language_name(self.language, current_language())
        if self.untranslated:
            n = len(self.untranslated)
            found.append(ngettext(
                "{n} goal or step is printed in German only, with no translation into the plan's language "
                "({language}).",
                "{n} goals or steps are printed in German only, with no translation into the plan's language "
                "({language}).", n,
            ).format(n=format_number(n), language=language))  # fmt: skip
        if self.german_only:
            n = len(self.german_only)
            found.append(ngettext(
                "{n} text is printed in German only: the translations into {language} lack it.",
                "{n} texts are printed in German only: the translations into {language} lack them.", n,
            ).format(n=format_number(n), language=language))  # fmt: skip
        if self.unreviewed:
            found.append(
                _(
                    "The catalogue's texts in {language} are machine-drafted and not yet reviewed by a native "
                    "speaker: go through them with the client or an interpreter."
                ).format(language=language)
            )
        if self.missing:
            found.append(_("No font has these characters; they are printed as \ufffd: {chars}").format(
                chars=" ".join(sorted(self.missing))))  # fmt: skip
        return found


@dataclass(frozen=True)
class Letterhead:
    organisation: str = ""
    logo: Path | None = None


class Texts:
    """German and the client's language side by side in code: `both(N_(...))` gives (German, client or None)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.german = Translator("de")
        self.client = Translator(language)
        # Text in the client's language takes its direction from the language: "B1-Kurs: التسجيل …" is Arabic.
        self.client_style = styled(BODY, rtl=True if language in RIGHT_TO_LEFT else None, color=MUTED)

    @property
    def bilingual(self) -> bool:
        return self.language != "de"

    def both(self, message: str, **params: Any) -> tuple[str, str | None]:
        """The message in German and in the client's language, numbers in each language's digits."""

        def filled(translate: Translator) -> str:
            numbers = {k: format_number(v, translate.language) for k, v in params.items()
                       if isinstance(v, int) and not isinstance(v, bool)}  # fmt: skip
            return translate(message).format(**{**params, **numbers})

        return filled(self.german), filled(self.client) if self.bilingual else None

    def pair(self, message: str, style: Style, missing: set[str], **params: Any) -> list[Any]:
        """A fixed text in German, then in the client's language (muted, in its own direction)."""
        german, client = self.both(message, **params)
        german, client = german[:1].upper() + german[1:], client[:1].upper() + client[1:] if client else client
        blocks: list[Any] = [TextBlock(german, style, missing)]
        if client is not None:
            blocks.append(TextBlock(client, styled(self.client_style, size=style.size, bold=style.bold), missing))
        return blocks

    def label_both(self, code: Any) -> str:
        german = label(code, self.german)
        return f"{german} / {label(code, self.client)}" if self.bilingual else german

    def date(self, day: date | None) -> str:
        return format_date(day, "de") if day else ""


class _Builder:
    def __init__(self, data: PlanData, language: str, letterhead: Letterhead, report: Report,
                 entries: Catalogue) -> None:  # fmt: skip
        self.data = data
        self.t = Texts(language)
        self.letterhead = letterhead
        self.missing = report.missing
        self.report = report
        self.catalogue = entries

    # -- small pieces ----------------------------------------------------------------------------

    def text(self, value: str | None, style: Style = BODY) -> TextBlock:
        return TextBlock(value or "", style, self.missing)

    def pair(self, message: str, style: Style = BODY, **params: Any) -> list[Any]:
        return self.t.pair(message, style, self.missing, **params)

    def free(self, value: str | None, translation: str | None = None) -> list[Any]:
        """Text the caseworker wrote, as written, and its translation when one was entered."""
        blocks: list[Any] = [self.text(value)]
        if translation and translation.strip():
            blocks.append(self.text(translation, self.t.client_style))
        return blocks

    def planned(self, record: Goal | Step) -> list[Any]:
        """A goal or step: the caseworker's translation, else the catalogue entry's in the plan's language."""
        translation = record.translation
        if self.t.bilingual and not (translation and translation.strip()):
            translation = self.catalogue.translation(record.catalogue_key, record.text, self.t.language)
            if translation is None:
                self.report.untranslated.append(record.text)
            elif self.catalogue.reviewed.get(self.t.language) is False:
                self.report.unreviewed = True
        return self.free(record.text, translation)

    def day(self, value: date | None) -> list[Any]:
        """A date in German, then as the client's language writes it where that differs (month, digits), kept on
        one line ("7 черв. 2024 р." must not lose its "р." to the next)."""
        german = self.t.date(value)
        client = format_date(value, self.t.language).replace(" ", "\u00a0") if value and self.t.bilingual else german
        return [self.text(german), *([self.text(client, self.t.client_style)] if client != german else [])]

    def heading(self, message: str) -> list[Any]:
        blocks = [Spacer(1, 5 * mm), *self.pair(message, HEADING), Spacer(1, 2 * mm)]
        for block in blocks:
            block.keepWithNext = True  # never alone at the bottom of a page, nor split from its translation
        return blocks

    def table(self, header: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
        head = [self.pair(message, LABEL) for message in header]
        table = Table([head, *rows], colWidths=widths, repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))  # fmt: skip
        return table

    def facts(self, rows: list[tuple[str, list[Any]]]) -> Table:
        """Label (both languages) | value."""
        cells = [[self.pair(message, LABEL), value] for message, value in rows]
        table = Table(cells, colWidths=[62 * mm, CONTENT_WIDTH - 62 * mm], splitInRow=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]))  # fmt: skip
        return table

    # -- sections --------------------------------------------------------------------------------

    def letterhead_block(self) -> list[Any]:
        name = self.text(self.letterhead.organisation, styled(BODY, size=11, bold=True))
        logo = self.letterhead.logo
        if logo is None or not logo.is_file():
            return [name] if self.letterhead.organisation else []
        image = Image(str(logo))
        scale = min(45 * mm / image.imageWidth, 18 * mm / image.imageHeight)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        table = Table([[name, image]], colWidths=[CONTENT_WIDTH - 50 * mm, 50 * mm], splitInRow=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
        return [table]

    def person_block(self) -> list[Any]:
        person, plan, t = self.data.person, self.data.plan, self.t
        members = [
            self.text(f"{m.name} ({t.label_both(m.relationship)})" if m.relationship else m.name)
            for m in self.data.members
        ]
        rows: list[tuple[str, list[Any]]] = [(NAME, [self.text(person.display_name())]),
                                             (CASE_NUMBER, [self.text(person.case_number)])]  # fmt: skip
        if person.birth_date:
            rows.append((BIRTH_DATE, self.day(person.birth_date)))
        elif person.birth_year:
            rows.append((BIRTH_DATE, [self.text(str(person.birth_year))]))
        if members:
            rows.append((HOUSEHOLD, members))
        plan_rows: list[tuple[str, list[Any]]] = [
            (VERSION, [self.text(f"{plan.version} ({t.label_both(plan.status)})")]),
            (MADE_ON, self.day(plan.created_on)),
        ]
        if plan.activated_on:
            plan_rows.append((IN_FORCE, self.day(plan.activated_on)))
        if self.data.last_review:
            plan_rows.append((LAST_REVIEW, self.day(date.fromisoformat(self.data.last_review))))
        if plan.next_review:
            plan_rows.append((NEXT_REVIEW, self.day(plan.next_review)))
        if plan.manager:
            plan_rows.append((MANAGER, [self.text(plan.manager)]))
        return [*self.heading(PERSON_HEADING), self.facts(rows), *self.heading(PLAN_HEADING), self.facts(plan_rows)]

    def needs_block(self) -> list[Any]:
        if not self.data.needs:
            return []
        rows = [[self.text(self.t.label_both(n.area)), self.free(n.client_view), self.free(n.manager_view)]
                for n in self.data.needs]  # fmt: skip
        third = CONTENT_WIDTH / 3
        return [*self.heading(NEEDS_HEADING), self.table([AREA, CLIENT_VIEW, MANAGER_VIEW], rows, [third] * 3)]

    def goals_block(self) -> list[Any]:
        t = self.t
        if not self.data.goals:
            return [*self.heading(GOALS_HEADING), *self.pair(NO_GOALS)]
        rows = []
        for entry in self.data.goals:
            goal = entry.goal
            status: GoalStatus = entry.reviewed_status or goal.status
            rows.append([self.text(str(entry.number)), self.text(t.label_both(goal.area)),
                         self.planned(goal), self.day(goal.target_date),
                         self.text(t.label_both(status))])  # fmt: skip
        widths = [12 * mm, 32 * mm, CONTENT_WIDTH - 110 * mm, 28 * mm, 38 * mm]
        steps = []
        for entry in self.data.goals:
            for step in entry.steps:
                who = t.label_both(step.responsible) + (f": {step.responsible_name}" if step.responsible_name else "")
                referral = t.label_both(step.referral_target) if step.referral_target else ""
                steps.append(
                    [
                        self.text(str(entry.number)),
                        self.planned(step),
                        self.text(who),
                        self.day(step.due_date),
                        [self.text(referral), *([self.text(step.referral_note)] if step.referral_note else [])],
                    ]
                )
        step_widths = [14 * mm, CONTENT_WIDTH - 126 * mm, 40 * mm, 28 * mm, 44 * mm]
        blocks = [*self.heading(GOALS_HEADING), self.table([NUMBER, AREA, GOAL, BY_WHEN, STATUS], rows, widths)]
        if steps:
            blocks += [*self.heading(STEPS_HEADING),
                       self.table([GOAL_NUMBER, STEP, WHO, BY_WHEN, REFERRAL], steps, step_widths)]  # fmt: skip
        return blocks

    def signatures_block(self) -> list[Any]:
        t, plan = self.t, self.data.plan
        signed = {s.role.value: s for s in self.data.signatures}
        roles = [("client", CLIENT_SIGNS), ("manager", MANAGER_SIGNS)]
        # A guardian or interpreter who signed gets a line of their own.
        extra = (("guardian", GUARDIAN_SIGNS), ("interpreter", INTERPRETER_SIGNS))
        roles += [(role, message) for role, message in extra if role in signed]
        cells = []
        for role, message in roles:
            signature = signed.get(role)
            place_date = ", ".join(p for p in (signature.place if signature else None,
                                                t.date(signature.signed_on) if signature else "") if p)  # fmt: skip
            name = (signature.signer_name if signature else None) or (
                self.data.person.display_name() if role == "client" else plan.manager or ""
            )
            cells.append([*self.pair(message, LABEL), Spacer(1, 3 * mm), *self.pair(PLACE_DATE, SMALL),
                          self.text(place_date or " "), Rule(), Spacer(1, 9 * mm), Rule(),
                          *self.pair(SIGNATURE, SMALL), self.text(name, SMALL)])  # fmt: skip
        rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
        table = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("RIGHTPADDING", (0, 0), (0, -1), 12 * mm),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6 * mm)]))  # fmt: skip
        language = plan.interpreter_language or next(
            (s.explained_in_language for s in self.data.signatures if s.explained_in_language), None
        )
        interpreter = plan.interpreter_name or next(
            (s.interpreter_name for s in self.data.signatures if s.interpreter_name), None
        )
        explained: list[Any] = []
        if language:
            german_name = language_name(language, "de", capitalize=False)
            client_name = language_name(language, t.language, capitalize=False)
            message = EXPLAINED_WITH if interpreter else EXPLAINED
            german = t.german(message).format(language=german_name, interpreter=interpreter or "")
            explained = [self.text(german)]
            if t.bilingual:
                client = t.client(message).format(language=client_name, interpreter=interpreter or "")
                explained.append(self.text(client, t.client_style))
        return [KeepTogether([*self.heading(SIGNATURES_HEADING), *explained, Spacer(1, 3 * mm), table])]

    def story(self) -> list[Any]:
        return [
            *self.letterhead_block(), Spacer(1, 4 * mm), *self.pair(TITLE_TEXT, TITLE), Spacer(1, 3 * mm),
            *self.pair(EXPLANATION), *self.person_block(), *self.needs_block(), *self.goals_block(),
            *self.signatures_block(),
        ]  # fmt: skip


class Rule(Spacer):  # type: ignore[misc]
    """A line to write on."""

    def __init__(self) -> None:
        super().__init__(1, 1)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 1

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor("#333333"))
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 0, self.width, 0)


def footer_canvas(left: str, texts: Texts, report: Report) -> Callable[..., Canvas]:
    """A canvas that writes `left` and "Seite x von y" (in both languages) at the foot of every page, once the
    page count is known (pages are kept until saved)."""

    class Footed(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            report.pages = total
            for page in self._pages:
                self.__dict__.update(page)
                self._footer(self._pageNumber, total)
                super().showPage()
            super().save()

        def _footer(self, page: int, total: int) -> None:
            german, client = texts.both(PAGE, page=page, pages=total)
            width = CONTENT_WIDTH / 2
            draw_lines(self, lay_out(left, width, SMALL, report.missing), MARGIN, 14 * mm, width, SMALL)
            lines = lay_out(german, width, SMALL, report.missing)
            if client is not None:
                client_style = styled(SMALL, rtl=True if texts.language in RIGHT_TO_LEFT else None)
                lines += lay_out(client, width, client_style, report.missing)
            draw_lines(self, lines, MARGIN + width, 14 * mm, width, SMALL, right=True)

    return Footed


class BadOutput(UserError):
    message = N_("{path} is a folder or no file name; give the PDF file to write, e.g. plan.pdf.")


class BadLogo(UserError):
    message = N_("The logo {path} is not a PNG or JPEG image that can be read.")


def check(out: Path, letterhead: Letterhead) -> None:
    """Refuse what cannot work before anything is drawn: a folder as the output, a logo that is no image."""
    if out.name in ("", ".", "..") or out.is_dir():
        raise BadOutput(path=out)
    if letterhead.logo is not None:
        try:
            ImageReader(str(letterhead.logo)).getSize()
        except Exception as exc:  # ReportLab and Pillow raise many kinds for a file that is not an image
            raise BadLogo(path=letterhead.logo) from exc


def render(data: PlanData, language: str, out: Path, letterhead: Letterhead = Letterhead(),
           entries: Catalogue | None = None) -> Report:  # fmt: skip
    """Write the plan as a PDF to `out`; written beside it first and renamed, so no half file is ever left.

    Goals and steps from the catalogue (default: the shipped one and the organisation's) print its translation.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no plan language {language!r}")
    check(out, letterhead)
    fonts.register()
    report = Report(language)
    builder = _Builder(data, language, letterhead, report, entries if entries is not None else catalogue.current())
    footer = footer_canvas(f"Integrationsplan · {data.person.case_number} · {data.plan.version}", builder.t, report)
    document.write(out, builder.story(), title=f"Integrationsplan {data.person.case_number}",
                   author=letterhead.organisation or "Integrationsplan", canvasmaker=footer)  # fmt: skip
    return report
