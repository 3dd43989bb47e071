"""The work briefing (工作简报) before it is printed: its text in fields the officer edits,
beside the preview of the paper.

Opening it shows the issue saved for the period and area (as saved), else a text composed from
the figures with the number the next issue will take; when the reports screen chose a station
or one laptop, the issue is of their records alone, apart from the whole area's. "Save text" keeps what was edited with
the issue's number; printing or saving the PDF saves it first, as every printed issue is kept,
so the issue prints again word for word. "Compose again" writes the text afresh from the
figures (keeping the issue's number). Figures, composing, saving and building run on the worker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.db.database import Database
from desktop.reports import documents, registry
from desktop.reports.briefing_issue import SECTIONS, BriefingIssue
from desktop.reports.briefing_store import line_of, save_issue, sections_from_lines
from desktop.ui.labels import shown_date
from desktop.ui.messages import interactive, render_error
from desktop.ui.print_preview import PdfPreview
from desktop.ui.qt import Qt
from desktop.ui.tasks import Task, TaskRunner, on_worker
from desktop.ui.widgets import plain_label

OPENING = "opening"


@dataclass
class Built:
    """What a task on the worker hands back: the issue shown and its PDF."""

    issue: BriefingIssue
    saved: bool
    path: Path
    data: Any = None  # the annexes' data (BriefingData), read once when the dialog opens


def _fit_to_text(edit: QTextEdit) -> None:
    """Set ``edit`` as tall as its text laid out at its width, and at least two lines."""
    margins = edit.contentsMargins()
    text = max(edit.document().size().height(), 2.5 * edit.fontMetrics().lineSpacing())
    edit.setFixedHeight(int(text) + margins.top() + margins.bottom() + 1)


class BriefingPreview(PdfPreview):
    """The briefing's text to edit (left) and its preview (right)."""

    _editable: tuple[QWidget, ...] = ()  # what waits while the worker builds (none until made)

    def __init__(
        self,
        database: Database,
        runner: TaskRunner,
        period,
        area_id: str | None,
        ranking_figure: str = "dissuaded",
        parent: QWidget | None = None,
        *,
        laptops: tuple[str, str] | None = None,
    ) -> None:
        printout = registry.PRINTOUTS["briefing"]
        days = {"first": period.start, "last": period.end}
        title = QCoreApplication.translate("PdfPreview", printout.title).format(
            **{key: shown_date(value) for key, value in days.items()}
        )
        super().__init__(title, parent)
        # The text beside the page: wider than a page alone, within a 1366-pixel laptop screen.
        available = self.screen().availableGeometry() if self.screen() else None
        self.resize(1400 if available is None else min(1400, available.width()), self.height())
        self.database, self.runner = database, runner
        self.period, self.area_id, self.ranking_figure = period, area_id, ranking_figure
        self.laptops = laptops  # ("station", NAME) or ("device", ID): those laptops' records
        self._filename = printout.filename.format(**days)
        self._builds = 0
        self.issue: BriefingIssue | None = None
        self.saved = False  # the issue shown is kept in the database
        self.edited = False  # its fields differ from the issue shown
        self.data = None
        for widget in (self.rows, self.rows_label, self.rebuild_button):
            widget.hide()

        self.header = plain_label()
        self.header.setWordWrap(True)
        self.title_edit = QLineEdit()
        self.edits: dict[str, QTextEdit] = {}
        self.headings: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.title_label = QLabel()
        form.addRow(self.title_label, self.title_edit)
        for key, heading in ((OPENING, ""), *SECTIONS):
            edit = QTextEdit()
            edit.setAcceptRichText(False)  # plain text: what is typed or pasted is the paragraph
            edit.setTabChangesFocus(True)
            edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # As tall as its text (one sentence or five paragraphs): the column scrolls.
            edit.document().documentLayout().documentSizeChanged.connect(
                lambda _size, edit=edit: _fit_to_text(edit)
            )
            self.edits[key] = edit
            self.headings[key] = QLabel(heading)
            form.addRow(self.headings[key], edit)
        self.recompose_button = QPushButton()
        self.save_text_button = QPushButton()
        self.note = plain_label()
        self.note.setWordWrap(True)
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.addWidget(self.header)
        column.addLayout(form)
        column.addWidget(self.note)
        column.addStretch(1)
        before_print = self.button_row.indexOf(self.print_button)
        self.button_row.insertWidget(before_print, self.save_text_button)
        self.button_row.insertWidget(before_print, self.recompose_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().replaceWidget(self.view, splitter)
        splitter.addWidget(scroll)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.title_edit.textChanged.connect(self._edit)
        for edit in self.edits.values():
            edit.textChanged.connect(self._edit)
        self.recompose_button.clicked.connect(lambda: self.recompose())
        self.save_text_button.clicked.connect(lambda: self.save_text())
        self._filling = False
        self._editable = (self.recompose_button, self.save_text_button, self.title_edit,
                          *self.edits.values())  # fmt: skip
        self.set_ready(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Title"))
        self.headings[OPENING].setText(self.tr("Opening paragraph"))
        self.recompose_button.setText(self.tr("Compose again"))
        self.recompose_button.setToolTip(
            self.tr("Write the text afresh from the figures; the issue keeps its number")
        )
        self.save_text_button.setText(self.tr("Save text"))
        self.note.setText(
            self.tr(
                "Each line is a paragraph (blank lines are left out); a paragraph may begin "
                "with its lead, such as （一）强化宣传。 Printing saves the text with the "
                "issue's number."
            )
        )
        for edit in self.edits.values():
            edit.setPlaceholderText(self.tr("Nothing printed in this section"))

    # -- the fields ----------------------------------------------------------------------------
    def _edit(self) -> None:
        if not self._filling:
            self.edited = True
            self._show_header()

    def _fill(self, issue: BriefingIssue) -> None:
        self._filling = True
        try:
            self.title_edit.setText(issue.title)
            for section in issue.sections:
                if section.key in self.edits:
                    self.edits[section.key].setPlainText(  # a blank line between paragraphs
                        "\n\n".join(line_of(paragraph) for paragraph in section.paragraphs)
                    )
        finally:
            self._filling = False

    def _show_header(self) -> None:
        issue = self.issue
        if issue is None:
            return
        number = self.tr("{name}, {year} No. {number}").format(
            name=issue.name, year=issue.year, number=issue.number
        )
        parts = [number, issue.unit or self.tr("(no issuing unit: see Settings)"),
                 shown_date(issue.issued_on)]  # fmt: skip
        if not self.saved:
            parts.append(self.tr("not saved yet: the number is kept once printed or saved"))
        elif self.edited:
            parts.append(self.tr("edited, not saved"))
        else:
            parts.append(self.tr("saved"))
        self.header.setText(" · ".join(parts))

    def edited_issue(self) -> BriefingIssue:
        """The issue shown with the text in the fields."""
        assert self.issue is not None
        texts = {key: edit.toPlainText() for key, edit in self.edits.items()}
        return replace(
            self.issue,
            title=self.title_edit.text(),
            sections=sections_from_lines(self.issue, texts),
        )

    def set_ready(self, ready: bool) -> None:
        super().set_ready(ready)
        for widget in self._editable:
            widget.setEnabled(ready and self.issue is not None)

    # -- work on the worker --------------------------------------------------------------------
    def _out(self) -> Path:
        """A fresh file for each build: the one shown stays open while the next is written."""
        self._builds += 1
        folder = self.temp_path(str(self._builds))
        folder.mkdir()
        return folder / self._filename

    def _run(self, work, then) -> Task:
        self.set_ready(False)
        self.status.setText(self.tr("Building the document…"))
        task = Task(on_worker(self.database.path, work), self)
        self.task = task
        task.succeeded.connect(then)
        task.failed.connect(self.show_failure)
        return self.runner.start(task)

    def open_issue(self) -> Task:
        """Read the figures, find the saved issue (or compose one), build its preview."""
        period, area_id, figure, out = self.period, self.area_id, self.ranking_figure, self._out()
        laptops = self.laptops

        def work(database, progress) -> Built:
            data = documents.briefing_data(
                database, period, area_id, laptops=laptops, ranking_figure=figure,
                progress=progress,
            )  # fmt: skip
            issue, saved = documents.briefing_issue(
                database, period, area_id, data, laptops=laptops
            )
            documents.print_briefing_issue(database, period, out, issue, area_id=area_id,
                                           data=data, laptops=laptops)  # fmt: skip
            return Built(issue, saved, out, data)

        return self._run(work, self._show_built)

    def recompose(self) -> Task:
        """The text written afresh from the figures; the issue keeps its number, and the new
        text is saved when it is printed or saved."""
        period, area_id, data, kept, saved = (
            self.period, self.area_id, self.data, self.issue, self.saved
        )  # fmt: skip
        out, laptops = self._out(), self.laptops

        def work(database, progress) -> Built:
            issue = documents.compose_briefing(
                database, period, area_id, data, keep=kept, laptops=laptops
            )
            documents.print_briefing_issue(database, period, out, issue, area_id=area_id,
                                           data=data, laptops=laptops)  # fmt: skip
            return Built(issue, saved, out)

        def shown(built: Built) -> None:
            self._show_built(built)
            self.edited = built.saved  # the saved issue still has its old text
            self._show_header()

        return self._run(work, shown)

    def save_text(self, then=None) -> Task:
        """Keep the text in the fields with the issue's number (taking the next number if the
        issue is new), then show it built; ``then`` runs once it is shown."""
        period, area_id, data, edited = self.period, self.area_id, self.data, self.edited_issue()
        out, laptops = self._out(), self.laptops

        def work(database, progress) -> Built:
            issue = save_issue(database, period, area_id, edited, laptops=laptops)
            documents.print_briefing_issue(database, period, out, issue, area_id=area_id,
                                           data=data, laptops=laptops)  # fmt: skip
            return Built(issue, True, out)

        def shown(built: Built) -> None:
            self._show_built(built)
            if then is not None:
                then()

        return self._run(work, shown)

    def word_task(self, target: Path) -> Task:
        """Save as Word: the text in the fields is kept with the issue's number first (as
        printing does), then written to ``target`` as a Word document."""
        period, area_id, data, edited = self.period, self.area_id, self.data, self.edited_issue()
        laptops = self.laptops

        def work(database, progress) -> None:
            issue = save_issue(database, period, area_id, edited, laptops=laptops)
            documents.print_briefing_issue_docx(database, period, target, issue,
                                                area_id=area_id, data=data,
                                                laptops=laptops)  # fmt: skip

        return Task(on_worker(self.database.path, work), self)

    def _show_built(self, built: Built) -> None:
        if built.data is not None:
            self.data = built.data
        self.issue, self.saved, self.edited = built.issue, built.saved, False
        self._fill(built.issue)
        self._show_header()
        self.show_pdf(built.path)

    def show_failure(self, exc: BaseException) -> None:
        super().show_failure(exc)
        if self.path is not None:  # the last document is still shown: its text can be fixed
            self.set_ready(True)
        field = getattr(exc, "field", "") if isinstance(exc, ValidationError) else ""
        edit = self.title_edit if field == "title" else self.edits.get(field)
        if edit is not None:  # the text refused: say which, where it is
            self.status.setText(
                self.tr("The text was not saved: {reason}").format(reason=render_error(exc))
            )
            edit.setFocus()

    @property
    def needs_saving(self) -> bool:
        return not self.saved or self.edited

    # -- printing keeps the issue --------------------------------------------------------------
    def print_document(self) -> None:
        if self.needs_saving:
            self.save_text(then=super().print_document)
        else:
            super().print_document()

    def save_copy(self) -> Path | None:
        if self.needs_saving:
            self.save_text(then=super().save_copy)
            return None
        return super().save_copy()


def preview_briefing(
    parent: QWidget,
    database: Database,
    runner: TaskRunner,
    period,
    area_id: str | None,
    ranking_figure: str = "dissuaded",
    *,
    laptops: tuple[str, str] | None = None,
) -> BriefingPreview:
    """The work briefing (工作简报) of a period and area (of ``laptops``' records, when given):
    its text to edit and its preview."""
    preview = BriefingPreview(
        database, runner, period, area_id, ranking_figure, parent, laptops=laptops
    )
    preview.offer_word(
        runner, registry.PRINTOUTS["briefing"].docx_filename.format(
            first=period.start, last=period.end), preview.word_task,
    )  # fmt: skip
    preview.open_issue()
    if interactive():
        preview.setWindowModality(Qt.WindowModality.WindowModal)
        preview.show()
    return preview
