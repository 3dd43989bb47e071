"""Naming a file's columns by hand when its headers are not the usual ones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.importing import fields_of, first_rows


class ColumnMappingDialog(QDialog):
    """Choose the header row, then which of its columns holds each field."""

    def __init__(self, path: Path, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Name the columns"))
        self.rows = first_rows(path)
        self.synonyms, self.required = fields_of(kind)
        intro = QLabel(
            self.tr(
                "The header row of this file could not be recognised. Choose the row that "
                "holds the column names, then the column for each item (* is required)."
            )
        )
        intro.setWordWrap(True)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, max(len(self.rows), 1))
        self.header_row.setValue(self._first_filled_row() + 1)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Header row"), self.header_row)
        for field, names in self.synonyms.items():
            combo = QComboBox()
            self.combos[field] = combo
            mark = " *" if field in self.required else ""
            form.addRow(f"{names[0]}{mark}", combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.header_row.valueChanged.connect(self._fill_choices)
        self._fill_choices()

    def _first_filled_row(self) -> int:
        for index, row in enumerate(self.rows):
            if sum(1 for cell in row if cell) >= 2:
                return index
        return 0

    def _fill_choices(self) -> None:
        index = self.header_row.value() - 1
        cells = [cell for cell in (self.rows[index] if index < len(self.rows) else []) if cell]
        for combo in self.combos.values():
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), "")
            for cell in cells:
                combo.addItem(cell, cell)

    def column_names(self) -> dict[str, str]:
        """Field -> the header text chosen for it."""
        return {
            field: combo.currentData()
            for field, combo in self.combos.items()
            if combo.currentData()
        }
