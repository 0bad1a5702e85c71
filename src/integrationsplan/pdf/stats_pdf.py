"""The key figures as a PDF report for the funding report: the heading, three charts (topics by life area, goals
by life area and status, sessions per month; reportlab.graphics) and every table. In German: it goes to the Land.
Small counts are suppressed as in the spreadsheet; their bars are left out of the charts, and a note says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from integrationsplan.i18n import N_, Translator, format_date
from integrationsplan.pdf import document, fonts
from integrationsplan.pdf.plan_pdf import (
    BODY,
    CONTENT_WIDTH,
    GRID,
    HEADER_FILL,
    HEADING,
    LABEL,
    SMALL,
    TITLE,
    Letterhead,
    Report,
    Texts,
    check,
    footer_canvas,
)
from integrationsplan.pdf.text import TextBlock, styled
from integrationsplan.stats.compute import KeyFigures
from integrationsplan.stats.export import heading
from integrationsplan.stats.tables import Chart, charts, shown, suppressed, tables
from integrationsplan.stats.tables import Table as FigureTable

LANGUAGE = "de"
WIDTH = CONTENT_WIDTH - 12  # inside the frame's padding
FONT = fonts.SANS.name(False)
COLOURS = ["#1f5f99", "#4f9bd9", "#2e8b57", "#8fc98f", "#c0392b", "#e0a030", "#7f8c8d"]
LEFT_OUT = N_("Bars of fewer than 5 are left out.")


def _bar(value: Any) -> float:
    """A count as a chart draws it: 0 where there is none or it is hidden."""
    return float(value) if isinstance(value, int | float) else 0.0


def _bars(chart: Chart) -> Drawing:
    """A chart of the report: horizontal bars from the top (several series stacked, a legend below), or columns
    of a time series."""
    labels = list(chart.labels)
    several = len(chart.series) > 1
    legend_height = 12 * ((len(chart.series) + 2) // 3) + 8 if several else 0
    if chart.vertical:
        drawing = Drawing(WIDTH, 150)
        bars: Any = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 30, 30, WIDTH - 40, 110
        bars.categoryAxis.categoryNames = [f"{month[5:]}/{month[2:4]}" for month in labels]
        bars.data = [[_bar(v) for v in series] for series in chart.series]
    else:
        drawing = Drawing(WIDTH, 14 * len(labels) + 18 + legend_height)
        bars = HorizontalBarChart()
        bars.x, bars.y = 150, 14 + legend_height
        bars.width, bars.height = WIDTH - 170, 14 * len(labels)
        bars.categoryAxis.categoryNames = list(reversed(labels))  # the first row at the top
        bars.data = [[_bar(v) for v in reversed(series)] for series in chart.series]
        if several:
            bars.categoryAxis.style = "stacked"
        bars.barSpacing, bars.groupSpacing = 0, 3
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = HexColor(COLOURS[index % len(COLOURS)])
        bars.bars[index].strokeColor = None
    for axis in (bars.categoryAxis, bars.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = FONT, 7.5
    bars.valueAxis.forceZero, bars.valueAxis.valueMin = True, 0
    drawing.add(bars)
    if several:
        legend = Legend()
        legend.x, legend.y = 150, legend_height
        legend.fontName, legend.fontSize = FONT, 7
        legend.alignment = "right"
        legend.columnMaximum = (len(chart.series) + 2) // 3  # three columns
        legend.dx = legend.dy = 6
        legend.deltax, legend.deltay = (WIDTH - 170) / 3, 12
        legend.colorNamePairs = [(HexColor(COLOURS[i % len(COLOURS)]), name) for i, name in enumerate(chart.names)]
        drawing.add(legend)
    return drawing


class _Builder:
    def __init__(self, figures: KeyFigures, letterhead: Letterhead, report: Report, suppress: bool) -> None:
        self.figures = figures
        self.letterhead = letterhead
        self.report = report
        self.suppress = suppress
        self.translate = Translator(LANGUAGE)
        found = tables(figures, self.translate)
        self.tables = [suppressed(table) for table in found] if suppress else found

    def text(self, value: str, style: Any = BODY) -> TextBlock:
        return TextBlock(value, style, self.report.missing)

    def table(self, table: FigureTable) -> list[Any]:
        narrow = styled(LABEL, size=7) if len(table.columns) > 2 else LABEL  # many columns: smaller headings
        header = [self.text(table.label, narrow), *(self.text(c.title, narrow) for c in table.columns)]
        rows = [[self.text(text), *(shown(v, c, LANGUAGE) for v, c in zip(values, table.columns, strict=True))]
                for text, values in table.rows]  # fmt: skip
        others = len(table.columns)
        first = 0.55 if others == 1 else 0.4 if others <= 3 else 0.2  # the goals' statuses want the room
        widths = [WIDTH * first] + [WIDTH * (0.2 if others == 1 else (1 - first) / others)] * others
        grid = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("FONTNAME", (1, 1), (-1, -1), FONT), ("FONTSIZE", (1, 1), (-1, -1), BODY.size),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]))  # fmt: skip
        return [KeepTogether([Spacer(1, 4 * mm), self.text(table.title, HEADING), Spacer(1, 1.5 * mm), grid])]

    def chart(self, chart: Chart) -> list[Any]:
        note = [self.text(self.translate(LEFT_OUT), SMALL)] if self.suppress else []
        return [KeepTogether([Spacer(1, 4 * mm), self.text(chart.title, HEADING), _bars(chart), *note])]

    def story(self) -> list[Any]:
        lines = heading(self.figures, self.suppress, self.translate)
        story: list[Any] = [self.text(self.letterhead.organisation, LABEL)] if self.letterhead.organisation else []
        story += [self.text(lines[0][0], TITLE), Spacer(1, 2 * mm)]
        story += [self.text(": ".join(line) if len(line) > 1 else line[0]) for line in lines[1:]]
        for chart in charts(self.tables):
            story += self.chart(chart)
        for table in self.tables:
            story += self.table(table)
        return story


def render(figures: KeyFigures, out: Path, letterhead: Letterhead | None = None, suppress: bool = True) -> Report:
    """Write the report to `out` (beside it first, then renamed)."""
    letterhead = letterhead or Letterhead()
    check(out, letterhead)
    fonts.register()
    report = Report(LANGUAGE)
    builder = _Builder(figures, letterhead, report, suppress)
    period = f"{format_date(figures.period.first, LANGUAGE)} – {format_date(figures.period.last, LANGUAGE)}"
    document.write(out, builder.story(), title=f"Kennzahlen {period}",
                   author=letterhead.organisation or "Integrationsplan",
                   canvasmaker=footer_canvas(f"Kennzahlen · {period}", Texts(LANGUAGE), report))  # fmt: skip
    return report
