"""Import a list: pick a file, see every problem, then import all, the good rows, or nothing.

Checking and writing both run on the worker thread with their own connection; the dialog shows
progress and can cancel (the import's transaction then rolls back and nothing is written).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.importing import (
    AREA_COLUMNS,
    HOUSEHOLD_COLUMNS,
    OFFICER_COLUMNS,
    TALK_COLUMNS,
    VISIT_COLUMNS,
    WARNING_COLUMNS,
    ImportReport,
    import_file,
)
from desktop.exchange.tables import SUFFIXES
from desktop.ui.labels import list_separator
from desktop.ui.messages import render_error
from desktop.ui.tasks import Cancelled, Task, TaskRunner, on_worker
from desktop.ui.widgets import plain_label


def _run_import(
    db_path: Path, kind: str, file: Path, *, check_only: bool, skip: bool, names: dict | None
):
    def work(database, progress):
        return import_file(
            database,
            kind,
            file,
            check_only=check_only,
            skip_bad_rows=skip,
            progress=progress,
            column_names=names,
        )

    return on_worker(db_path, work)


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportReport of a written import

    def __init__(
        self, db_path: Path, kind: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.kind = kind
        self.runner = runner
        self.file: Path | None = None
        self.report: ImportReport | None = None
        self.task: Task | None = None
        self.setMinimumSize(720, 480)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.errors = QTableWidget(0, 3)
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.verticalHeader().hide()
        self.errors.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton()
        self.skip_button = QPushButton()
        self.map_button = QPushButton()
        self.map_button.hide()
        self.column_names: dict[str, str] | None = None
        self.close_button = QPushButton()

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.map_button, self.import_button, self.skip_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors, 1)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.import_all)
        self.skip_button.clicked.connect(self.import_good_rows)
        self.close_button.clicked.connect(self.cancel_or_close)
        self.map_button.clicked.connect(self.map_columns)
        self.retranslate()
        self._update_buttons()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.kind == "areas":
            self.setWindowTitle(self.tr("Import the jurisdiction list"))
            columns = AREA_COLUMNS
            intro = self.tr(
                "One row per community or village, with the county and township it belongs to. "
                "Title rows above the header are skipped. Columns: {columns}."
            )
        elif self.kind == "warnings":
            self.setWindowTitle(self.tr("Import a warning list"))
            columns = WARNING_COLUMNS
            intro = self.tr(
                "A warning list (预警名单) as it arrives from upper levels. Title rows are "
                "skipped, columns are recognised by their usual names, unknown columns are "
                "ignored and never stored; importing the same list again adds nothing. "
                "Columns: {columns}."
            )
        elif self.kind == "talks":
            self.setWindowTitle(self.tr("Import a schedule of talks"))
            columns = TALK_COLUMNS
            intro = self.tr(
                "One row per planned talk. A time like 09:00-10:30 may stand in one column; "
                "without an end time a talk lasts 90 minutes. Communities and officers must "
                "already be known. Columns: {columns}."
            )
        elif self.kind == "visits":
            self.setWindowTitle(self.tr("Import door-to-door visits"))
            columns = VISIT_COLUMNS
            intro = self.tr(
                "A door-to-door tally sheet (入户走访登记表): one row per building or village "
                "group, with its community and day. Title rows are skipped; a sheet imported "
                "again adds nothing. Columns: {columns}."
            )
        elif self.kind == "households":
            self.setWindowTitle(self.tr("Import the communities' households"))
            columns = HOUSEHOLD_COLUMNS
            intro = self.tr(
                "A list of communities and their numbers of households (户数统计表), one row per "
                "community already known; visit coverage is counted against it. Columns: "
                "{columns}."
            )
        else:
            self.setWindowTitle(self.tr("Import the officer list"))
            columns = OFFICER_COLUMNS
            intro = self.tr(
                "One row per officer, auxiliary officer or grid worker; an officer whose badge "
                "number is already known is updated. Columns: {columns}."
            )
        self.intro.setText(
            intro.format(columns=list_separator().join(names[0] for names in columns.values()))
        )
        self.choose_button.setText(self.tr("Choose file…"))
        self.errors.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.import_button.setText(self.tr("Import"))
        self.map_button.setText(self.tr("Name the columns…"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.task is not None and not self.task.done
        report = self.report
        checked = report is not None and not report.written
        self.choose_button.setEnabled(not running)
        self.import_button.setEnabled(
            bool(checked and not running and not report.errors and report.good_rows)
        )
        can_skip = bool(checked and not running and report.errors and report.good_rows)
        self.skip_button.setVisible(can_skip)
        if report is not None:
            self.skip_button.setText(
                self.tr("Skip bad rows and import %n row(s)", "", report.good_rows)
            )
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- actions -------------------------------------------------------------------------------
    def choose_file(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.windowTitle(),
            "",
            self.tr("Spreadsheets ({patterns})").format(patterns=patterns),
        )
        if name:
            self.check_file(Path(name))

    def check_file(self, file: Path, column_names: dict[str, str] | None = None) -> Task:
        self.file = file
        self.file_edit.setText(str(file))
        self.report = None
        self.column_names = column_names
        self.map_button.hide()
        return self._start(check_only=True, skip=False)

    def map_columns(self) -> None:
        from desktop.ui.column_mapping import ColumnMappingDialog

        dialog = ColumnMappingDialog(self.file, self.kind, self)
        if dialog.exec():
            self.check_file(self.file, dialog.column_names())
        dialog.deleteLater()

    def import_all(self) -> Task:
        return self._start(check_only=False, skip=False)

    def import_good_rows(self) -> Task:
        return self._start(check_only=False, skip=True)

    def cancel_or_close(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
        else:
            self.accept()

    def _start(self, *, check_only: bool, skip: bool) -> Task:
        assert self.file is not None
        work = _run_import(
            self.db_path,
            self.kind,
            self.file,
            check_only=check_only,
            skip=skip,
            names=self.column_names,
        )
        self.task = Task(work, self)
        self.task.progressed.connect(self._on_progress)
        self.task.succeeded.connect(self._on_report)
        self.task.failed.connect(self._on_failure)
        self.task.finished.connect(self._update_buttons)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Reading the file…") if check_only else self.tr("Importing…"))
        self.runner.start(self.task)
        self._update_buttons()
        return self.task

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_failure(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled. Nothing was imported."))
        else:
            self.summary.setText(
                self.tr("Nothing was imported: {reason}").format(reason=render_error(exc))
            )
            # A file whose header row was not recognised can still be read: name its columns.
            self.map_button.setVisible(
                self.file is not None and self.file.suffix.lower() in SUFFIXES
            )
        if not isinstance(exc, Exception) or not _expected(exc):
            raise exc

    def _on_report(self, report: ImportReport) -> None:
        self.progress.hide()
        self.report = report
        self.errors.setRowCount(len(report.errors))
        for row, error in enumerate(report.errors):
            for column, text in enumerate(
                (str(error.row), error.column, render_error(error.error))
            ):
                self.errors.setItem(row, column, QTableWidgetItem(text))
        self.errors.resizeColumnToContents(0)
        self.errors.resizeColumnToContents(1)
        parts = []
        if report.written:
            parts.append(
                self.tr(
                    "Imported {good} of {rows} rows: {created} created, {updated} updated."
                ).format(
                    good=report.good_rows,
                    rows=report.rows_read,
                    created=report.created,
                    updated=report.updated,
                )
            )
            if report.unchanged:
                # A list imported again: say where its rows went, nothing was added for them.
                parts.append(self.tr(
                    "%n row(s) were already on record and are left as they are.", "",
                    report.unchanged,
                ))  # fmt: skip
            if report.errors:
                parts.append(self.tr("%n bad row(s) were skipped.", "", report.bad_rows))
            self.imported.emit(report)
        elif report.errors:
            parts.append(
                self.tr(
                    "{bad} of {rows} rows have problems (listed below). Nothing has been "
                    "imported yet: correct the file, or skip the bad rows."
                ).format(bad=report.bad_rows, rows=report.rows_read)
            )
        elif report.good_rows:
            parts.append(
                self.tr("All {rows} rows are valid and ready to import.").format(
                    rows=report.rows_read
                )
            )
        else:
            parts.append(self.tr("The file holds no rows to import."))
        if report.ignored_columns:
            parts.append(
                self.tr("Columns ignored (not stored): {columns}").format(
                    columns="、".join(report.ignored_columns)
                )
            )
        self.summary.setText("\n".join(parts))
        self._update_buttons()


def _expected(exc: Exception) -> bool:
    from desktop.core.errors import OutreachError

    return isinstance(exc, OutreachError | Cancelled)


def open_import(parent: QWidget, database_path: Path, runner: TaskRunner, kind: str, on_imported):
    """Open the import dialog for ``kind``; ``on_imported(report)`` runs after a written import."""
    from desktop.ui.messages import interactive

    dialog = ImportDialog(database_path, kind, runner, parent)
    dialog.imported.connect(on_imported)
    if interactive():
        dialog.open()
    return dialog
