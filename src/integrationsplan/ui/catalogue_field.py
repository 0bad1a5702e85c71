"""Picking a goal or step from the catalogue: search as you type, then the text is the caseworker's to edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from integrationsplan import catalogue
from integrationsplan.catalogue import Catalogue, Entry, Kind
from integrationsplan.domain.codes import LifeArea
from integrationsplan.i18n import _, current_language, format_number, ngettext
from integrationsplan.labels import label

_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class CatalogueField(QWidget):
    """A search line over the catalogue entries of one kind; its value is the key of the entry picked.

    Picking writes the entry's German text into `text`, empties `translation` (a translation of the old text
    would print beside the new one) and emits `picked` (the dialog fills area, responsible …); Ctrl+Z in either
    field brings back what was there. A note below says what the printed plan will show in the client's
    language: the entry's translation while the text is still the entry's and no translation is typed.
    """

    picked = Signal(object)  # Entry

    def __init__(self, kind: Kind, text: QPlainTextEdit, translation: QPlainTextEdit,
                 area: Callable[[], LifeArea | None] = lambda: None, entries: Catalogue | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.kind = kind
        self.text = text
        self.translation = translation
        self.area = area
        self.catalogue = entries if entries is not None else catalogue.current()
        self.key: str | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            _("Search the catalogue, e.g. Kita, B1, flat") if kind is Kind.GOAL
            else _("Search the catalogue, e.g. certificate, appointment")
        )  # fmt: skip
        self.search.setAccessibleName(_("Search the catalogue"))
        self.browse = QToolButton()
        self.browse.setText(_("All…"))
        self.browse.setToolTip(_("Show every entry of the catalogue, those of the life area first"))
        self.browse.clicked.connect(lambda: self.show_matches(""))
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.search)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.search.textEdited.connect(self.show_matches)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.browse)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.note)
        text.textChanged.connect(self._update_note)
        translation.textChanged.connect(self._update_note)
        self._update_note()

    # -- the value, for RecordForm ---------------------------------------------------------------

    def value(self) -> str | None:
        return self.key

    def set_value(self, key: str | None) -> None:
        self.key = key
        self._update_note()

    # -- searching -------------------------------------------------------------------------------

    def matches(self, query: str) -> list[Entry]:
        return self.catalogue.search(query, self.kind, current_language(), self.area())

    def show_matches(self, query: str) -> None:
        language = current_language()
        area = self.area()
        self.model.clear()
        for entry in self.matches(query):
            shown = entry.german
            own = entry.text(language) if language != catalogue.MASTER_LANGUAGE else None
            if own and own != shown:
                shown = f"{shown} · {own}"
            # Entries of the goal's own life area come first and need no label; the others say theirs.
            item = QStandardItem(shown if entry.area is area else f"{label(entry.area)}: {shown}")
            item.setData(entry, _ENTRY_ROLE)
            item.setToolTip(shown)
            item.setEditable(False)
            self.model.appendRow(item)
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its popup on demand
        if self.model.rowCount():
            # As wide as the field with its button, or wider: the entries are whole sentences. The popup opens
            # below the search line towards the button's side (the right, or the left in right-to-left).
            width = max(self.width(), 640)
            left = 0 if self.isLeftToRight() else self.search.width() - width
            self.completer.complete(QRect(left, 0, width, self.search.height()))
            popup.setCurrentIndex(self.model.index(0, 0))
        else:
            popup.hide()

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        entry = index.data(_ENTRY_ROLE)
        if isinstance(entry, Entry):
            self.take(entry)
        self.search.clear()

    def take(self, entry: Entry) -> None:
        """Use `entry`: its German text replaces the text, its key is the value."""
        self.key = entry.key
        _replace_undoably(self.text, entry.german)
        if self.translation.toPlainText().strip():
            _replace_undoably(self.translation, "")
        self.picked.emit(entry)
        self._update_note()

    # -- the note --------------------------------------------------------------------------------

    def _update_note(self) -> None:
        entry = self.catalogue.get(self.key)
        if entry is None:
            self.note.setVisible(False)
            return
        self.note.setVisible(True)
        if not catalogue.same_text(entry.german, self.text.toPlainText()):
            self.note.setText(_("Changed from the catalogue entry: the plan prints the translation entered below, "
                                "if any."))  # fmt: skip
        elif self.translation.toPlainText().strip():
            self.note.setText(_("From the catalogue; the plan prints the translation entered below instead of the "
                                "catalogue's."))  # fmt: skip
        else:
            languages = len(entry.texts) - 1
            self.note.setText(ngettext(
                "From the catalogue: the printed plan shows its translation ({n} language).",
                "From the catalogue: the printed plan shows its translation ({n} languages).",
                languages,
            ).format(n=format_number(languages)))  # fmt: skip


def _replace_undoably(edit: QPlainTextEdit, text: str) -> None:
    """Replace the whole text as one step of the field's undo history (setPlainText would clear it)."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)
