"""Build a printout on the worker, preview it (QtPdf), then print it or save a copy.

Every build is written to the audit log ("print") with what was printed. The PDF lives in a
temporary file until the preview closes.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.entities import Talk
from desktop.db.database import Database
from desktop.reports import registry
from desktop.ui.labels import shown_date
from desktop.ui.messages import interactive, render_error, show_error
from desktop.ui.qt import Qt
from desktop.ui.tasks import Task, TaskRunner, on_worker
from desktop.ui.widgets import plain_label


def build_printout(
    database: Database,
    name: str,
    values: dict[str, Any],
    out: Path,
    progress=None,
    *,
    docx: bool = False,
) -> Path:
    """Build printout ``name`` of the registry into ``out`` (runs on the worker, with the
    worker's own connection); ``docx``: its Word document."""
    registry.make(database, name, out, values, progress=progress, docx=docx)
    return out


class PdfPreview(QDialog):
    """Shows a PDF built on the worker; Print and Save as… once it is ready."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # A page's height where the screen has it; a 768-pixel laptop screen keeps the buttons.
        available = self.screen().availableGeometry() if self.screen() else None
        height = 900 if available is None else min(900, int(available.height() * 0.92))
        self.resize(820, height)
        self.path: Path | None = None
        folder = tempfile.mkdtemp(prefix="outreach-print-")
        self._folder = Path(folder)
        # Removed with the dialog, however it goes away (closed, or deleted with its parent).
        self.destroyed.connect(functools.partial(shutil.rmtree, folder, ignore_errors=True))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.status = plain_label()
        # What a printout addressed to a resident shows of them, and that it is logged.
        self.addressee_note = QLabel(
            self.tr(
                "It names the resident in full, as it is handed to them: each time it is made,"
                " this is written to the audit log. Phone, ID number and address stay masked."
            )
        )
        self.addressee_note.setWordWrap(True)
        self.addressee_note.hide()
        # The printout's whole number to choose (the sign-in sheet's rows), when it has one.
        self.rows = QSpinBox()
        self.rows_label = QLabel()
        self.rebuild_button = QPushButton(self.tr("Rebuild"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        # Offered for a printout the officer may edit (offer_word).
        self.word_button = QPushButton(self.tr("Save as Word…"))
        self.word_button.hide()
        self._word: tuple[TaskRunner, str, Callable[[Path], Task]] | None = None
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        self.button_row = buttons  # a printout's own buttons go before Print…
        buttons.addWidget(self.status, 1)
        buttons.addSpacing(12)  # "4 pages" and "Blank rows" are two things, even when squeezed
        buttons.addWidget(self.rows_label)
        buttons.addWidget(self.rows)
        buttons.addWidget(self.rebuild_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.addressee_note)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        self.word_button.clicked.connect(lambda: self.save_word())
        self.close_button.clicked.connect(self.accept)
        self.set_ready(False)
        self.task: Task | None = None

    def temp_path(self, name: str) -> Path:
        return self._folder / name

    def set_ready(self, ready: bool) -> None:
        self.progress.setVisible(not ready)
        for button in (self.print_button, self.save_button, self.rebuild_button, self.word_button):
            button.setEnabled(ready)

    def start(self, runner: TaskRunner, task: Task) -> Task:
        self.set_ready(False)
        self.status.setText(self.tr("Building the document…"))
        self.task = task
        task.succeeded.connect(self.show_pdf)
        task.failed.connect(self.show_failure)
        return runner.start(task)

    def show_pdf(self, path: Path) -> None:
        self.path = path
        self.document.close()
        self.document.load(str(path))
        # Not self.tr: called on a subclass (the briefing's dialog) it would look the plural up
        # under the subclass's name, get "7 page(s)" back untranslated and take it as found.
        pages = self.document.pageCount()
        self.status.setText(QCoreApplication.translate("PdfPreview", "%n page(s)", "", pages))
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self.set_ready(True)

    def show_failure(self, exc: BaseException) -> None:
        self.progress.hide()
        self.status.setText(self.tr("The document could not be built: {reason}").format(
            reason=render_error(exc)))  # fmt: skip

    def save_copy(self) -> Path | None:
        if self.path is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.path.name, self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return None
        target = Path(name)
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            show_error(self, self.tr("Save as PDF"), str(exc))
            return None
        return target

    def offer_word(self, runner: TaskRunner, filename: str, build: Callable[[Path], Task]) -> None:
        """Offer Save as Word: ``build(path)`` is the task writing the Word document there."""
        self._word = (runner, filename, build)
        self.word_button.show()

    def save_word(self, path: Path | None = None) -> Task | None:
        """Write the printout as a Word document on the worker, asking where unless ``path``
        is given."""
        if self._word is None:
            return None
        runner, filename, build = self._word
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as Word"), filename, self.tr("Word documents (*.docx)")
            )
            if not name:
                return None
            path = Path(name)
        self.status.setText(self.tr("Building the document…"))
        task = build(path)
        task.succeeded.connect(
            lambda _path: self.status.setText(self.tr("Saved {path}").format(path=path))
        )
        task.failed.connect(self.show_failure)
        return runner.start(task)

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pages(self.document, printer)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)


# Pages go to the printer as pictures of at most this many dots per inch: sharp on paper, and
# 35 MB a page instead of the 525 MB a 1200-dpi printer's full resolution would take.
PRINT_DPI = 300


def print_pages(document, printer) -> int:
    """Print the pages of ``document`` (a QPdfDocument) that the print dialog chose, each
    scaled to the printable area with its shape kept; returns how many were printed."""
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter

    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(printer.fromPage(), 1), min(printer.toPage() or count, count)
    dpi = min(printer.resolution(), PRINT_DPI)
    painter = QPainter(printer)
    printed = 0
    try:
        for page in range(first - 1, last):
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)  # 1/72 inch
            area = QRectF(painter.viewport())
            scale = min(area.width() / points.width(), area.height() / points.height())
            shown = QSizeF(points.width() * scale, points.height() * scale)
            target = QRectF(
                area.left() + (area.width() - shown.width()) / 2,
                area.top() + (area.height() - shown.height()) / 2,
                shown.width(),
                shown.height(),
            )
            pixels = QSizeF(points.width() * dpi / 72, points.height() * dpi / 72).toSize()
            painter.drawImage(target, document.render(page, pixels))
            printed += 1
    finally:
        painter.end()
    return printed


def preview_printout(
    parent: QWidget,
    database: Database,
    runner: TaskRunner,
    name: str,
    values: dict[str, Any],
    about: dict[str, Any],
) -> PdfPreview:
    """The preview of printout ``name`` of the registry, built on the worker from ``values``
    (by the builder's keywords); ``about`` holds its subject's fields for the title and the
    file name (a talk's ``title`` and ``day``, a period's ``first`` and ``last``). A printout
    with a whole number to choose offers it, with Rebuild."""
    printout = registry.PRINTOUTS[name]
    if set(about) != registry.SUBJECT_FIELDS[printout.subject]:
        raise ValueError(f"{name} is shown with {sorted(about)}, not its subject's fields")
    shown = {key: shown_date(value) if type(value) is date else value
             for key, value in about.items()}  # fmt: skip
    title = QCoreApplication.translate("PdfPreview", printout.title).format(**shown)
    preview = PdfPreview(title, parent)
    preview.addressee_note.setVisible(bool(printout.addressee_reason))
    count = printout.count
    for widget in (preview.rows, preview.rows_label, preview.rebuild_button):
        widget.setVisible(count is not None)
    if count is not None:
        # Left to the builder (the sign-in sheet's rows follow the talk): the box's lowest
        # value, one below the limit's, shown in words.
        automatic = bool(count.automatic)
        preview.rows.setRange(count.limit.low - automatic, count.limit.high)
        preview.rows.setSpecialValueText(
            QCoreApplication.translate("PdfPreview", count.automatic) if automatic else ""
        )
        preview.rows.setValue(preview.rows.minimum() if automatic else count.default)
        preview.rows_label.setText(QCoreApplication.translate("PdfPreview", count.label))
    path = preview.temp_path(printout.filename.format(**about))
    db_path = database.path

    def build() -> Task:
        chosen = dict(values)
        if count is not None:
            chosen[count.keyword] = (
                None
                if preview.rows.specialValueText()
                and preview.rows.value() == preview.rows.minimum()
                else preview.rows.value()
            )
        return preview.start(
            runner,
            Task(
                on_worker(
                    db_path, lambda own, progress: build_printout(own, name, chosen, path, progress)
                ),
                preview,
            ),
        )

    preview.rebuild_button.clicked.connect(build)
    preview.build = build
    if printout.docx:

        def build_word(target: Path) -> Task:
            return Task(
                on_worker(db_path, lambda own, progress: build_printout(
                    own, name, dict(values), target, progress, docx=True)),
                preview,
            )  # fmt: skip

        preview.offer_word(runner, printout.docx_filename.format(**about), build_word)
    build()
    if interactive():
        preview.setWindowModality(Qt.WindowModality.WindowModal)
        preview.show()
    return preview


def preview_talk_document(
    parent: QWidget, database: Database, runner: TaskRunner, name: str, talk: Talk
) -> PdfPreview:
    """A printout of ``talk`` (the sign-in sheet, the handout)."""
    return preview_printout(
        parent, database, runner, name, {"talk_id": talk.id},
        {"title": talk.title, "day": talk.starts_at},
    )  # fmt: skip


def preview_warning_document(
    parent: QWidget, database: Database, runner: TaskRunner, name: str, warning_id: str
) -> PdfPreview:
    """A printout of a warning: the case record, personal data masked; the dissuasion notice,
    which names the resident in full (a reveal, logged with the reason the registry gives)."""
    return preview_printout(parent, database, runner, name, {"warning_id": warning_id}, {})


def preview_schedule(
    parent: QWidget, database: Database, runner: TaskRunner, first: date, last: date
) -> PdfPreview:
    """The schedule sheet of the talks from ``first`` to ``last`` (both included)."""
    days = {"first": first, "last": last}
    return preview_printout(parent, database, runner, "schedule", days, days)
