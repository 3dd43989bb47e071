"""Help › About: the version, where the data lives, and every component with its licence."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QSize, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop import APP_NAME, APP_NAME_ZH, __version__
from desktop.licences import installed_version, licence_texts, shown_components
from desktop.paths import data_dir
from desktop.ui.app import app_icon
from desktop.ui.qt import Qt
from desktop.ui.widgets import Retranslating, relative_font, text_scale


def _sqlite_versions() -> str:
    """Python's SQLite, and SQLCipher's where encrypted files use it (it has its own)."""
    import sqlite3

    from desktop.db import sqlite as driver

    if not driver.encryption_available():
        return sqlite3.sqlite_version
    conn = driver.connect(":memory:", encrypted=True)
    try:
        cipher = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    return f"{sqlite3.sqlite_version} · SQLCipher {cipher}"


class AboutDialog(Retranslating, QDialog):
    def __init__(self, db_path: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.icon = QLabel()
        self.icon.setPixmap(app_icon().pixmap(64, 64))
        self.title = QLabel(f"{APP_NAME_ZH}  {APP_NAME}  {__version__}")
        relative_font(self.title, 1.4, bold=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.data_label, self.db_label, self.runtime_label = QLabel(), QLabel(), QLabel()
        self.data_path = QLabel(str(data_dir()))
        self.db_text = QLabel(str(db_path) if db_path else ":memory:")
        self.runtime = QLabel(
            f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python "
            f"{platform.python_version()} · {platform.system()} {platform.machine()}"
        )
        for label in (self.data_path, self.db_text, self.runtime):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a folder may be named like markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.open_data = QPushButton()

        self.shown = shown_components()
        self.components = QTableWidget(len(self.shown), 3)
        self.components.verticalHeader().hide()
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.components.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, component in enumerate(self.shown):
            version = installed_version(component) or component.version
            if component.name == "Python":
                version = platform.python_version()
            elif component.name == "SQLite":
                version = _sqlite_versions()
            for column, text in enumerate((component.name, version, component.licence)):
                self.components.setItem(row, column, QTableWidgetItem(text))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        head = QHBoxLayout()
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.summary)
        form = QFormLayout()
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_path, 1)
        data_row.addWidget(self.open_data)
        form.addRow(self.data_label, data_row)
        form.addRow(self.db_label, self.db_text)
        form.addRow(self.runtime_label, self.runtime)
        words.addLayout(form)
        head.addLayout(words, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.components)
        split.addWidget(self.licence_text)
        split.setSizes([220, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        # Wider and taller with the text size, never past the screen.
        size = QSize(round(760 * text_scale()), round(620 * text_scale()))
        if self.screen() is not None:
            size = size.boundedTo(self.screen().availableGeometry().size())
        self.resize(size)

        self.components.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        self.open_data.clicked.connect(self.open_data_folder)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.components.selectRow(0)  # the font's licence first: it travels in every PDF

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Outreach Desk"))
        self.summary.setText(
            self.tr("Anti-fraud outreach talks and warning dissuasion, offline on one laptop. "
                    "It uses the components below; choose one to read its licence.")
        )  # fmt: skip
        self.data_label.setText(self.tr("Data folder"))
        self.db_label.setText(self.tr("Database"))
        self.runtime_label.setText(self.tr("Runs on"))
        self.open_data.setText(self.tr("Open folder"))
        self.components.setHorizontalHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        for row, component in enumerate(self.shown):
            if component.use:  # the fonts: which text each sets
                use = QCoreApplication.translate("AboutDialog", component.use)
                self.components.item(row, 0).setText(
                    self.tr("{name}: {use}").format(name=component.name, use=use)
                )
        self.show_licence(self.components.currentRow())

    def show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.shown):
            self.licence_text.clear()
            return
        component = self.shown[row]
        texts = licence_texts(component)
        if texts:
            body = "\n\n".join(f"── {name} ──\n\n{text}" for name, text in texts)
        else:
            body = self.tr("{name} is used under the {licence} licence.").format(
                name=component.name, licence=component.licence
            )
        self.licence_text.setPlainText(body)

    def open_data_folder(self) -> bool:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
