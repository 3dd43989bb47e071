"""Copy a talk to another date, or repeat it as a series (weekly or monthly)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QWidget,
)

from desktop.core import clock
from desktop.core.entities import Talk
from desktop.core.errors import OutreachError
from desktop.core.rules import copy_to, monthly_same_weekday_starts, series, weekly_starts
from desktop.db.database import Database
from desktop.domain import talks as talk_store
from desktop.ui.labels import shown_datetime
from desktop.ui.widgets import error_label, finish_form, plain_label, show_problem


class CopyDialog(QDialog):
    """The same talk on another day, at the same time, planned afresh."""

    def __init__(
        self, database: Database, talk: Talk, parent: QWidget | None = None, *, check_clashes=True
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.talk = talk
        self.check_clashes = check_clashes
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Copy the talk to another date"))
        start = clock.station_time(talk.starts_at)
        self.day = QDateEdit(QDate(start.year, start.month, start.day).addDays(7))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Talk"), plain_label(talk.title))
        form.addRow(self.tr("New date"), self.day)
        finish_form(self, form, self.error, on_accept=self.save)

    def copy(self) -> Talk:
        day = self.day.date().toPython()
        start = clock.station_time(self.talk.starts_at)
        return copy_to(self.talk, datetime.combine(day, start.timetz()))

    def save(self, *, confirm_clashes=None) -> bool:
        """Open the copy in the talk form, so clashes are checked as for any new talk."""
        from desktop.ui.talks.editor import TalkDialog

        copy = self.copy()
        editor = TalkDialog(self.database, self, talk=copy, check_clashes=self.check_clashes)
        if confirm_clashes is not None:  # tests answer the clash question themselves
            if not editor.save(confirm_clashes=confirm_clashes):
                self.error.setText(editor.error.text())
                self.error.show()
                return False
        elif editor.exec() != QDialog.DialogCode.Accepted:
            return False
        self.saved_id = editor.saved_id
        self.accept()
        return True


class SeriesDialog(QDialog):
    """Repeat a talk: every week or every N weeks, or the same weekday each month."""

    def __init__(self, database: Database, talk: Talk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.talk = talk
        self.saved_id: str | None = None
        self.saved_ids: list[str] = []
        self.setWindowTitle(self.tr("Repeat the talk as a series"))
        self.rule = QComboBox()
        self.rule.addItem(self.tr("Every week"), ("weekly", 1))
        self.rule.addItem(self.tr("Every two weeks"), ("weekly", 2))
        self.rule.addItem(self.tr("Monthly, same weekday (e.g. 2nd Tuesday)"), ("monthly", 0))
        self.count = QSpinBox()
        self.count.setRange(2, 24)
        self.count.setValue(6)
        self.count.setSuffix(self.tr(" talks"))
        self.preview = QListWidget()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Talk"), plain_label(talk.title))
        form.addRow(self.tr("Repeat"), self.rule)
        form.addRow(self.tr("How many (this one included)"), self.count)
        finish_form(
            self,
            form,
            self.error,
            on_accept=self.save,
            between=(QLabel(self.tr("New talks:")), self.preview),
        )
        self.rule.currentIndexChanged.connect(self._update_preview)
        self.count.valueChanged.connect(self._update_preview)
        self._update_preview()

    def new_talks(self) -> list[Talk]:
        """The copies to create: the series minus the talk it starts from."""
        kind, weeks = self.rule.currentData()
        count = self.count.value()
        if kind == "weekly":
            starts = weekly_starts(self.talk.starts_at, count, every_weeks=weeks)
        else:
            starts = monthly_same_weekday_starts(self.talk.starts_at, count)
        return series(self.talk, starts[1:])

    def _update_preview(self) -> None:
        self.preview.clear()
        for talk in self.new_talks():
            self.preview.addItem(f"{shown_datetime(talk.starts_at)}  {talk.title}")

    def save(self) -> bool:
        """All copies in one transaction: a series is saved whole or not at all."""
        talks = self.new_talks()
        try:
            with self.database.atomic():
                self.saved_ids = [talk_store.save_talk(self.database, talk) for talk in talks]
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.saved_id = self.saved_ids[0] if self.saved_ids else None
        self.accept()
        return True
