"""The access report (Art. 15) as a PDF in the person's language: each record with every stored field (label and
value as the person reads them), the history of changed values, and the private note. German is the working
language; the labels come from the translation catalogs, the values are printed as stored."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from integrationsplan.i18n import N_, Translator, format_date
from integrationsplan.pdf import LANGUAGES, RIGHT_TO_LEFT, document, fonts
from integrationsplan.pdf.text import Style, TextBlock, styled
from integrationsplan.record_names import display, field_name, table_name

SKIPPED = {"id"}  # ids say nothing to the person; references are ids too


def render(report: dict[str, Any], language: str, out: Path, references: set[str]) -> None:
    """Write the report (access_report.gather) as a PDF to `out`, beside it first and then renamed."""
    if language not in LANGUAGES:
        raise ValueError(f"no report language {language!r}")
    fonts.register()
    translate = Translator(language)
    body = Style(rtl=True if language in RIGHT_TO_LEFT else None)
    title = styled(body, size=16, bold=True, color="#1f5f99")
    heading = styled(body, size=12, bold=True, color="#1f5f99")
    story: list[Any] = [
        TextBlock(translate(N_("What is stored about you (Art. 15 GDPR)")), title),
        TextBlock(translate(N_("Case number: {case}")).format(case=report["case_number"]), body),
        Spacer(1, 4 * mm),
    ]
    for table, rows in report["records"].items():
        for row in rows:
            story.append(TextBlock(table_name(table, translate), heading))
            for name, value in row.items():
                if value is None or name in SKIPPED or name in references:
                    continue
                story.append(TextBlock(f"{field_name(name, translate)}: {display(table, name, value, language)}",
                                       body))  # fmt: skip
            story.append(Spacer(1, 2 * mm))
    if report.get("private_note"):
        story += [TextBlock(translate(N_("Private note")), heading), TextBlock(report["private_note"], body)]
    earlier = [h for h in report["history"] if h["change"] == "set" and h["value"] is not None
               and h["field"] not in SKIPPED | references]  # fmt: skip
    if earlier:
        story.append(TextBlock(translate(N_("Values recorded over time")), heading))
        for item in earlier:
            table, name = item["record"].split(":", 1)[0], item["field"]
            day = format_date(datetime.fromisoformat(item["at"]).date(), language)
            shown = display(table, name, item["value"], language)
            story.append(TextBlock(f"{day} {field_name(name, translate)}: {shown}", body))
    document.write(out, story, title=f"Auskunft {report['case_number']}", bottom=document.MARGIN)
