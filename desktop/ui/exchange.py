"""数据交换: packages between laptops and the county, and what a merge leaves to a person.

Export and merge run on the worker with their own connection (progress, Cancel rolls the
transaction back); a merge is always previewed first — what will be added, changed, deleted,
and which fields both sides changed — and written only when the officer says so.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
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

from desktop.core import clock
from desktop.core.errors import OutreachError
from desktop.core.privacy import reveal_reason
from desktop.db.database import META_STATION_NAME, Database
from desktop.domain import duplicates, sync
from desktop.exchange import packages
from desktop.ui import labels
from desktop.ui.messages import ask_reveal_reason, render_error
from desktop.ui.qt import Qt
from desktop.ui.tasks import Cancelled, Task, TaskRunner, on_worker
from desktop.ui.widgets import error_label, plain_label, show_problem

SHOWN_RESIDENTS = 2000


def _when(moment: str | None) -> str:
    return labels.shown_datetime(moment)


def _value(table: str, field_name: str, value) -> str:
    """A conflicting value: sums of money and moments as the screen shows them, anything else
    as the merge describes it (personal data masked)."""
    money = field_name.startswith("amount_") or field_name.endswith("_amount")
    if money and isinstance(value, int) and not isinstance(value, bool):
        return labels.shown_money(value)
    if isinstance(value, str) and value and field_name.endswith(("_at", "_on")):
        try:
            return labels.shown_datetime(value)
        except ValueError:
            pass  # not a moment after all: shown as stored
    return sync.shown_value(table, field_name, value)


_kind = labels.record_kind


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], data: list | None = None) -> None:
    table.setRowCount(len(rows))
    for row_number, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if data is not None and column == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[row_number])
            table.setItem(row_number, column, item)


class _WorkerDialog(QDialog):
    """A dialog that runs one piece of work at a time on the worker, with a progress bar."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.task: Task | None = None
        self.progress = QProgressBar()
        self.progress.hide()
        self.error = error_label()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._taller_for_text()
        return handled

    def _taller_for_text(self) -> None:
        # A message that takes more lines than the dialog was opened for (English at a large
        # text size) makes it taller, rather than going on behind the buttons.
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def run(self, work, on_success) -> Task:
        self.error.hide()
        self.task = Task(work, self)
        self.task.progressed.connect(self._on_progress)
        self.task.succeeded.connect(on_success)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(self._on_finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._busy(True)
        self.runner.start(self.task)
        return self.task

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._busy(False)
        if isinstance(exc, Cancelled):
            self.error.setText(self.tr("Cancelled: nothing was written."))
            self.error.show()
        elif isinstance(exc, OutreachError):
            show_problem(self.error, exc)
        else:  # a bug: the global handler reports it
            raise exc

    def _on_finished(self) -> None:
        self.progress.hide()
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        """Enable or disable the dialog's buttons while work runs."""

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()  # the transaction rolls back; the dialog stays until it has
            return
        super().reject()


# -- export ---------------------------------------------------------------------------------


class ExportPackageDialog(_WorkerDialog):
    """Write a package for the county (or another laptop)."""

    exported = Signal(object)  # the ExportResult

    def __init__(self, database: Database, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.database = database
        self.setWindowTitle(self.tr("Export a package"))
        self.destination = QComboBox()
        self.destination.setEditable(True)
        self.sent = {
            row["destination"]: row["sent_at"]
            for row in database.query("SELECT destination, sent_at FROM packages_sent")
        }
        self.destination.addItem(self.tr("County anti-fraud centre"), packages.DEFAULT_DESTINATION)
        for name in sorted(set(self.sent) - {packages.DEFAULT_DESTINATION}):
            self.destination.addItem(name, name)
        self.everything = QCheckBox(self.tr("Every record (a full package)"))
        self.state = plain_label()
        self.state.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        form = QFormLayout()
        form.addRow(self.tr("Send to"), self.destination)
        form.addRow("", self.everything)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.destination.currentTextChanged.connect(self._describe)
        self.everything.toggled.connect(self._describe)
        self.export_button.clicked.connect(lambda: self.export_to())
        self.close_button.clicked.connect(self.reject)
        self.resize(520, 0)
        self._describe()

    def destination_name(self) -> str:
        """The destination as stored: a listed one by its key, else what was typed."""
        text = self.destination.currentText().strip()
        index = self.destination.currentIndex()
        if index >= 0 and text == self.destination.itemText(index):
            return self.destination.itemData(index)
        return text or packages.DEFAULT_DESTINATION

    def _describe(self) -> None:
        name = self.destination_name()
        sent = self.sent.get(name)
        if self.everything.isChecked() or sent is None:
            text = self.tr("The package will hold every record on this laptop.")
        else:
            text = self.tr("The package will hold what changed since the last one there, sent {at}.").format(
                at=_when(sent)
            )  # fmt: skip
        if not self.database.get_meta("exchange_key"):
            text = labels.sentences(
                text, self.tr("Set the county's exchange key first (Exchange › Exchange key…).")
            )
        self.state.setText(text)

    def suggested_name(self) -> str:
        station = self.database.get_meta(META_STATION_NAME) or "outreach"
        return f"{station}-{clock.now():%Y%m%d-%H%M}{packages.SUFFIX}"

    def export_to(self, path: Path | None = None) -> Task | None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export a package"),
                str(Path.home() / self.suggested_name()),
                self.tr("Exchange package (*.odpkg)"),
            )
            if not name:
                return None
            path = Path(name)
        if path.suffix != packages.SUFFIX:
            path = path.with_name(path.name + packages.SUFFIX)
        db_path = self.database.path
        destination = self.destination_name()
        everything = self.everything.isChecked()

        def work(database, progress):
            return packages.export_package(
                database, path, destination=destination, everything=everything,
                progress=progress,
            )  # fmt: skip

        return self.run(on_worker(db_path, work), self._on_exported)

    def _on_exported(self, result) -> None:
        text = self.tr("Wrote %n record(s) to {path}.", "", result.records).format(path=result.path)
        if result.files_missing:
            text = labels.sentences(text, self.tr(
                "%n photo file(s) were missing and are not in it.", "", result.files_missing
            ))  # fmt: skip
        self.state.setText(text)
        self.sent[result.manifest["destination"]] = result.manifest["created_at"]
        self.exported.emit(result)

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.close_button.setText(self.tr("Cancel") if busy else self.tr("Close"))


# -- merge ----------------------------------------------------------------------------------


class MergePackageDialog(_WorkerDialog):
    """Preview a package, then merge it in one transaction when the officer says so."""

    merged = Signal(object)  # the MergeResult

    def __init__(
        self,
        database: Database,
        runner: TaskRunner,
        package_path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.database = database
        self.package_path = Path(package_path)
        self.preview: packages.MergeResult | None = None
        self.result: packages.MergeResult | None = None
        self.setWindowTitle(self.tr("Merge a package"))
        self.source = plain_label(self.tr("Checking {name}…").format(name=self.package_path.name))
        self.source.setWordWrap(True)
        self.notice = plain_label()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.counts = _table(
            [self.tr("Records"), self.tr("Added"), self.tr("Changed"), self.tr("Deleted")], 0
        )
        self.conflicts_label = plain_label()
        self.conflicts_label.setWordWrap(True)
        self.conflicts = _table(
            [self.tr("Record"), self.tr("Field"), self.tr("Kept (later change)"),
             self.tr("Other laptop's value")], 0,
        )  # fmt: skip
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.notice)
        layout.addWidget(self.counts, 2)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.conflicts_label.hide()
        self.conflicts.hide()
        self.merge_button.clicked.connect(lambda: self.merge())
        self.close_button.clicked.connect(self.reject)
        self.resize(760, 560)

    def _work(self, preview: bool):
        db_path, package_path = self.database.path, self.package_path

        def work(database, progress):
            result = packages.merge_package(
                database, package_path, preview=preview, progress=progress
            )
            # Describe the conflicting records while the worker has the database open.
            described = {
                (c.table, c.row_id): sync.describe_record(database, c.table, c.row_id)
                for c in result.report.conflicts
            }
            return result, described

        return on_worker(db_path, work)

    def start_preview(self) -> Task:
        return self.run(self._work(preview=True), self._on_preview)

    def merge(self) -> Task | None:
        if self.preview is None:
            return None
        return self.run(self._work(preview=False), self._on_merged)

    def _show(self, result: packages.MergeResult, described: dict) -> None:
        manifest = result.manifest
        station = manifest["station"] or self.tr("a laptop with no station name")
        if manifest["officer"]:
            station = f"{station} — {manifest['officer']}"
        self.source.setText(
            self.tr("From {station}, made {at} (laptop {device}).").format(
                station=station, at=_when(manifest["created_at"]), device=manifest["device_id"][:8]
            )
        )
        notices = []
        if result.already_merged_at:
            notices.append(
                self.tr(
                    "This package was merged on {at}; merging it again changes nothing."
                ).format(at=_when(result.already_merged_at))
            )
        if result.missing_before:
            notices.append(
                self.tr(
                    "Packages from this laptop seem to be missing in between: records may refer"
                    " to ones this database has not received. Ask that laptop for a full package"
                    " if the merge is refused."
                )
            )
        # The laptop's audit log shorter or rewritten since its last package: said every time.
        notices += [render_error(finding) for finding in result.audit_messages()]
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        rows = [
            [_kind(table), str(c.added), str(c.changed), str(c.deleted)]
            for table, c in result.report.counts.items()
            if c.added or c.changed or c.deleted
        ]
        same = sum(c.unchanged for c in result.report.counts.values())
        if same:
            rows.append([self.tr("%n record(s) already the same here", "", same), "", "", ""])
        if not rows:
            rows.append([self.tr("The package holds no records."), "", "", ""])
        _fill(self.counts, rows)
        conflicts = result.report.conflicts
        self.conflicts_label.setText(
            self.tr(
                "%n field(s) were changed on both sides since the last exchange. The later change"
                " is kept; the other value is listed under Exchange › Conflicts for a person to"
                " decide.",
                "",
                len(conflicts),
            )  # fmt: skip
        )
        _fill(
            self.conflicts,
            [
                [f"{_kind(c.table)}: {described.get((c.table, c.row_id), c.row_id[:8])}",
                 labels.record_field(c.field), _value(c.table, c.field, c.kept),
                 _value(c.table, c.field, c.other)]
                for c in conflicts
            ],
        )  # fmt: skip
        self.conflicts_label.setVisible(bool(conflicts))
        self.conflicts.setVisible(bool(conflicts))

    def _on_preview(self, outcome) -> None:
        result, described = outcome
        self.preview = result
        self._show(result, described)
        self.merge_button.setEnabled(result.already_merged_at is None)

    def _on_merged(self, outcome) -> None:
        result, described = outcome
        self.result = result
        self._show(result, described)
        self.merge_button.setEnabled(False)
        self.merge_button.setText(self.tr("Merged"))
        self.merged.emit(result)

    def _busy(self, busy: bool) -> None:
        if busy:
            self.merge_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel") if busy else self.tr("Close"))


# -- conflicts ------------------------------------------------------------------------------


class ConflictsDialog(QDialog):
    """Fields both sides changed: the officer keeps the value the merge kept, or takes the
    other one."""

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Conflicts to decide"))
        self.state = plain_label()
        self.state.setWordWrap(True)
        self.table = _table(
            [self.tr("Found"), self.tr("Record"), self.tr("Field"), self.tr("Kept"),
             self.tr("Other value"), self.tr("From")], 1,
        )  # fmt: skip
        self.keep_button = QPushButton(self.tr("Keep the kept value"))
        self.take_button = QPushButton(self.tr("Take the other value"))
        self.close_button = QPushButton(self.tr("Close"))
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.keep_button.clicked.connect(lambda: self.decide(take_other=False))
        self.take_button.clicked.connect(lambda: self.decide(take_other=True))
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._enable)
        self.resize(900, 480)
        self.fill()

    def fill(self) -> None:
        stations = dict(self.database.query("SELECT device_id, station FROM devices"))
        rows, seqs = [], []
        for conflict in sync.open_conflicts(self.database):
            table, field_name = conflict["table_name"], conflict["field"]
            rows.append(
                [_when(conflict["found_at"]),
                 f"{_kind(table)}: {sync.describe_record(self.database, table, conflict['row_id'])}",
                 labels.record_field(field_name),
                 _value(table, field_name, json.loads(conflict["kept_value"])),
                 _value(table, field_name, json.loads(conflict["other_value"])),
                 stations.get(conflict["other_device"]) or conflict["other_device"][:8]]
            )  # fmt: skip
            seqs.append(conflict["seq"])
        _fill(self.table, rows, seqs)
        self.state.setText(
            self.tr("%n conflict(s) to decide.", "", len(rows))
            if rows
            else self.tr("No conflicts: every merged change fitted.")
        )
        self._enable()

    def _enable(self) -> None:
        chosen = self.chosen() is not None
        self.keep_button.setEnabled(chosen)
        self.take_button.setEnabled(chosen)

    def chosen(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def decide(self, *, take_other: bool) -> bool:
        seq = self.chosen()
        if seq is None:
            return False
        try:
            sync.resolve_conflict(self.database, seq, take_other=take_other)
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.error.hide()
        self.fill()
        self.changed.emit()
        return True


# -- laptops --------------------------------------------------------------------------------


class LaptopsDialog(QDialog):
    """Each laptop packages came from and when; the residents whose data a laptop held."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.full = False
        self.setWindowTitle(self.tr("Laptops"))
        self.laptops = _table(
            [self.tr("Station"), self.tr("Officer"), self.tr("Last package"),
             self.tr("Packages"), self.tr("Residents held"), self.tr("Laptop")], 0,
        )  # fmt: skip
        self.held_label = plain_label()
        self.held_label.setWordWrap(True)
        self.residents = _table(
            [self.tr("Name"), self.tr("Mobile"), self.tr("ID number"), self.tr("Address")], 3
        )
        self.reveal_button = QPushButton(self.tr("Show in full…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.laptops, 1)
        layout.addWidget(self.held_label)
        layout.addWidget(self.residents, 2)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.laptops.itemSelectionChanged.connect(self.show_held)
        self.reveal_button.clicked.connect(lambda: self.reveal())
        self.close_button.clicked.connect(self.accept)
        self.resize(900, 600)
        self.fill()

    def fill(self) -> None:
        own = self.database.get_meta(META_STATION_NAME) or ""
        here = self.database.scalar("SELECT count(*) FROM residents WHERE deleted_at IS NULL")
        rows = [[self.tr("This laptop") + (f" ({own})" if own else ""), "", "", "", str(here),
                 self.database.device_id[:8]]]  # fmt: skip
        devices = [self.database.device_id]
        for row in sync.list_devices(self.database):
            rows.append(
                [row["station"] or "—", row["officer"] or "—", _when(row["last_package_at"]),
                 str(row["packages"]), str(row["residents"]), row["device_id"][:8]]
            )  # fmt: skip
            devices.append(row["device_id"])
        _fill(self.laptops, rows, devices)
        self.laptops.selectRow(0)

    def chosen(self) -> str | None:
        rows = self.laptops.selectionModel().selectedRows()
        if not rows:
            return None
        return self.laptops.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def show_held(self) -> None:
        from desktop.core import privacy

        device = self.chosen()
        if device is None:
            return
        shown = sync.residents_held_by(self.database, device, limit=SHOWN_RESIDENTS)
        held = sync.count_held(self.database, device)
        rows = []
        for row in shown:
            values = [row["name"], row["mobile"] or "", row["id_number"] or "", row["address"]]
            if not self.full:
                values = [privacy.mask_name(values[0]), privacy.mask_mobile(values[1]),
                          privacy.mask_id_number(values[2]), privacy.mask_address(values[3])]  # fmt: skip
            rows.append(values)
        _fill(self.residents, rows)
        text = self.tr("%n resident(s) whose data this laptop held.", "", held)
        if held > len(shown):
            text = labels.sentences(
                text, self.tr("The first {count} entered are shown.").format(count=len(shown))
            )
        self.held_label.setText(text)

    def reveal(self, reason: str | None = None) -> bool:
        """Show names and numbers in full after asking why (written to the audit log)."""
        from desktop.db import audit

        device = self.chosen()
        if device is None:
            return False
        if reason is None:
            reason = ask_reveal_reason(self, self.tr("Show in full"))
            if reason is None:
                return False
        try:
            reason = reveal_reason(reason)
        except OutreachError as exc:
            self.error.setText(render_error(exc))
            self.error.show()
            return False
        with self.database.atomic():
            audit.record(self.database, "reveal", summary=f"residents held by {device}: {reason}")
        self.error.hide()
        self.full = True
        self.show_held()
        return True


# -- duplicates -----------------------------------------------------------------------------


class DuplicatesDialog(_WorkerDialog):
    """Residents that look like one person (entered on two laptops): merge, or set aside."""

    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.database = database
        self.pairs: list[duplicates.DuplicatePair] = []
        self.setWindowTitle(self.tr("Duplicate residents"))
        self.state = plain_label(self.tr("Looking for residents entered twice…"))
        self.state.setWordWrap(True)
        self.table = _table(
            [self.tr("Stays (entered first)"), self.tr("Merged into it"), self.tr("Same"),
             self.tr("Mobile"), self.tr("ID number")], 1,
        )  # fmt: skip
        self.merge_button = QPushButton(self.tr("Merge the two"))
        self.aside_button = QPushButton(self.tr("Not the same person"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.aside_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.merge_button.clicked.connect(lambda: self.decide(merge=True))
        self.aside_button.clicked.connect(lambda: self.decide(merge=False))
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._enable)
        self.resize(900, 480)
        self._enable()

    def find(self) -> Task:
        db_path = self.database.path

        def work(database, progress):
            return duplicates.suggested_duplicates(database)

        return self.run(on_worker(db_path, work), self._on_found)

    def _on_found(self, pairs) -> None:
        from desktop.core import privacy

        self.pairs = pairs
        reasons = {"id_number": self.tr("ID number"), "mobile": self.tr("mobile")}
        rows = []
        for pair in pairs:
            keep, other = pair.keep, pair.other
            rows.append(
                [f"{privacy.mask_name(keep['name'])} ({labels.shown_date(keep['created_at'])})",
                 f"{privacy.mask_name(other['name'])} ({labels.shown_date(other['created_at'])})",
                 reasons[pair.reason], privacy.mask_mobile(keep["mobile"] or other["mobile"] or ""),
                 privacy.mask_id_number(keep["id_number"] or other["id_number"] or "")]
            )  # fmt: skip
        _fill(self.table, rows, list(range(len(pairs))))
        self.state.setText(
            self.tr(
                "%n pair(s) may be one person. Merging keeps every warning of both and the record"
                " entered first.",
                "",
                len(pairs),
            )  # fmt: skip
            if pairs
            else self.tr("No resident seems to be entered twice.")
        )
        self._enable()

    def _enable(self) -> None:
        chosen = self.chosen() is not None and (self.task is None or self.task.done)
        self.merge_button.setEnabled(chosen)
        self.aside_button.setEnabled(chosen)

    def chosen(self) -> duplicates.DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.pairs:
            return None
        return self.pairs[self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)]

    def decide(self, *, merge: bool) -> bool:
        pair = self.chosen()
        if pair is None:
            return False
        try:
            if merge:
                duplicates.merge_residents(self.database, pair.keep["id"], pair.other["id"])
            else:
                duplicates.set_aside(self.database, pair.keep["id"], pair.other["id"])
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.error.hide()
        self.changed.emit()
        self.find()
        return True

    def _busy(self, busy: bool) -> None:
        self.merge_button.setEnabled(False)
        self.aside_button.setEnabled(False)


# -- the county's key -------------------------------------------------------------------------


class ExchangeKeyDialog(QDialog):
    """The key the county shares with its laptops: it seals (and, with a password, encrypts)
    every package."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Exchange key"))
        current = database.get_meta("exchange_key")
        self.explain = QLabel(
            self.tr(
                "Every laptop of the county and the county's own database use the same key."
                " The county makes it once and gives it to each station; keep it like a password."
            )
        )
        self.explain.setWordWrap(True)
        self.key = QLineEdit(current or "")
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.key.setMinimumWidth(520)
        self.new_button = QPushButton(self.tr("Make a new key (county only)"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.key)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(lambda: self.key.setText(packages.new_exchange_key()))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    def save(self) -> bool:
        try:
            packages.set_exchange_key(self.database, self.key.text())
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.accept()
        return True
