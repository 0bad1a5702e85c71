"""A bar chart drawn with QPainter (pyside6-essentials has no QtCharts): horizontal bars, one per row, several
series stacked with a legend, or vertical bars for a time series. Follows the layout direction: in a right-to-left
language the labels stand at the right and the bars grow to the left."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from integrationsplan.i18n import format_number

COLOURS = ("#1f5f99", "#4f9bd9", "#2e8b57", "#8fc98f", "#c0392b", "#e0a030", "#7f8c8d")
ROW, GAP, LEGEND_ROW = 18, 4, 18


def _start(rtl: bool) -> int:
    """Text set from where the reading starts, centred in the height."""
    return int(Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft))


class BarChart(QWidget):
    def __init__(self, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vertical = vertical
        self.labels: list[str] = []
        self.series: list[list[float]] = []  # one list of values per series, a value per label
        self.names: list[str] = []  # of the series, for the legend (none for a single series)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, labels: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str] = ()) -> None:
        self.labels, self.series, self.names = list(labels), [list(s) for s in series], list(names)
        totals = self._totals()
        self.setAccessibleDescription(", ".join(f"{label}: {format_number(totals[i])}"
                                                for i, label in enumerate(self.labels)))  # fmt: skip
        self.updateGeometry()
        self.update()

    def _legend_rows(self) -> int:
        return (len(self.names) + 2) // 3 if len(self.names) > 1 else 0

    def sizeHint(self) -> QSize:
        if self.vertical:
            return QSize(480, 200)
        return QSize(480, len(self.labels) * (ROW + GAP) + 24 + self._legend_rows() * LEGEND_ROW)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _totals(self) -> list[float]:
        return [sum(s[i] for s in self.series) for i in range(len(self.labels))]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        painter.setPen(text)
        if not self.labels:
            return
        top = max(self._totals()) or 1
        if self.vertical:
            self._paint_columns(painter, top)
        else:
            self._paint_rows(painter, top, text)

    def _paint_rows(self, painter: QPainter, top: float, text: QColor) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        metrics = painter.fontMetrics()
        label_width = min(max(metrics.horizontalAdvance(label) for label in self.labels) + 12, self.width() // 3)
        value_width = metrics.horizontalAdvance(format_number(int(top))) + 10
        span = max(10, self.width() - label_width - value_width - 8)
        for row, label in enumerate(self.labels):
            y = row * (ROW + GAP)
            label_box = QRectF(self.width() - label_width if rtl else 0, y, label_width - 8, ROW)
            painter.setPen(text)
            align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight)
            painter.drawText(label_box, int(align), metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                                                        int(label_box.width())))  # fmt: skip
            offset = 0.0
            for index, values in enumerate(self.series):
                width = span * values[row] / top
                x = self.width() - label_width - offset - width if rtl else label_width + offset
                painter.fillRect(QRectF(x, y + 2, width, ROW - 4), QColor(COLOURS[index % len(COLOURS)]))
                offset += width
            total = format_number(int(sum(s[row] for s in self.series)))
            painter.setPen(text)
            x = self.width() - label_width - offset - value_width if rtl else label_width + offset + 4
            painter.drawText(QRectF(x, y, value_width, ROW), _start(rtl), total)
        if len(self.names) > 1:
            base = len(self.labels) * (ROW + GAP) + 8
            column = (self.width() - label_width) / 3
            for index, name in enumerate(self.names):
                x = label_width + (index % 3) * column
                y = base + (index // 3) * LEGEND_ROW
                if rtl:
                    x = self.width() - x - column
                painter.fillRect(QRectF(x if not rtl else x + column - 12, y + 3, 10, 10),
                                 QColor(COLOURS[index % len(COLOURS)]))  # fmt: skip
                painter.setPen(text)
                painter.drawText(QRectF(x + 16 if not rtl else x, y, column - 20, LEGEND_ROW - 2), _start(rtl), name)

    def _paint_columns(self, painter: QPainter, top: float) -> None:
        metrics = painter.fontMetrics()
        bottom = self.height() - metrics.height() - 6
        width = self.width() / len(self.labels)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for index, label in enumerate(self.labels):
            slot = len(self.labels) - 1 - index if rtl else index
            value = sum(s[index] for s in self.series)
            height = (bottom - metrics.height() - 4) * value / top
            x = slot * width + width * 0.15
            painter.fillRect(QRectF(x, bottom - height, width * 0.7, height), QColor(COLOURS[0]))
            painter.drawText(QRectF(slot * width, bottom - height - metrics.height() - 2, width, metrics.height()),
                             int(Qt.AlignmentFlag.AlignCenter), format_number(int(value)))  # fmt: skip
            painter.drawText(QRectF(slot * width, bottom + 4, width, metrics.height()),
                             int(Qt.AlignmentFlag.AlignCenter), label)  # fmt: skip
