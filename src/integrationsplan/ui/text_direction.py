"""Text of either direction in tables: each cell's text is laid out in its own direction.

A German note in the Arabic interface (or an Arabic name in the German one) would otherwise be laid
out in the interface's direction, and its trailing full stop or bracket jumps to the wrong end. As in
Unicode's paragraph rule, the first strong character decides; the column keeps its alignment.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from integrationsplan.direction import first_strong_rtl


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strong character, or None for text without one (numbers, dates)."""
    rtl = first_strong_rtl(text)
    if rtl is None:
        return None
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


class AutoDirectionDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        direction = text_direction(option.text)
        if direction is None or direction == option.direction:
            return
        # Keep the cell aligned as the interface aligns it, with the text reordered in its own direction.
        aligned = QStyle.visualAlignment(option.direction, option.displayAlignment)
        option.displayAlignment = aligned | Qt.AlignmentFlag.AlignAbsolute
        option.direction = direction
