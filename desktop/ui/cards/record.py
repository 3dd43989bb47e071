"""One card seller: who (masked), the cards, the path with the day of each step — the
punishment (惩戒: when, reported to whom), the hand-over or the closing with its reason — and
the interviews in the order they happened, with the actions and printouts of the record.

The resident is masked unless the officer asks to see them in full with a reason, which the
audit log keeps (``reveal_card_seller``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.entities import CardSeller, Resident
from desktop.core.errors import OutreachError
from desktop.core.privacy import mask_address, mask_id_number, mask_mobile, mask_name
from desktop.db.database import Database
from desktop.domain import areas as area_store
from desktop.domain import card_sellers as card_seller_store
from desktop.domain import residents as resident_store
from desktop.ui.labels import catalogue_label, escaped, shown_date, shown_datetime
from desktop.ui.messages import ask_reveal_reason
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.widgets import Retranslating, error_label, show_problem

ID_ROLE = USER_ROLE


def _day(day: date | None) -> str:
    return shown_date(day) if day else "—"


class RecordView(Retranslating, QWidget):
    """Shows ``card_seller_id`` (set with ``show_record``); ``changed`` after every write."""

    changed = Signal()

    def __init__(self, database: Database, runner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.card_seller_id: str | None = None
        self.revealed: Resident | None = None  # the resident in full, after a logged reveal

        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)  # built from escaped values
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path = QLabel()
        self.path.setTextFormat(Qt.TextFormat.RichText)
        self.path.setWordWrap(True)
        self.reveal_button = QPushButton()
        self.edit_button = QPushButton()
        self.step_button = QPushButton()
        self.end_button = QPushButton()
        self.interviews_title = QLabel()
        self.interviews = QListWidget()
        self.interviews.setMinimumHeight(90)
        self.interviews.setWordWrap(True)  # an interview's notes whole, in the panel's width
        self.interview_button = QPushButton()
        self.correct_button = QPushButton()
        self.interview_print_button = QPushButton()
        self.pledge_button = QPushButton()
        self.error = error_label()

        record_buttons = QGridLayout()
        record_buttons.addWidget(self.reveal_button, 0, 0)
        record_buttons.addWidget(self.edit_button, 0, 1)
        record_buttons.addWidget(self.step_button, 1, 0)
        record_buttons.addWidget(self.end_button, 1, 1)
        interview_buttons = QGridLayout()
        interview_buttons.addWidget(self.interview_button, 0, 0)
        interview_buttons.addWidget(self.correct_button, 0, 1)
        interview_buttons.addWidget(self.interview_print_button, 1, 0)
        interview_buttons.addWidget(self.pledge_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.details)
        layout.addLayout(record_buttons)
        layout.addWidget(self.path)
        layout.addWidget(self.interviews_title)
        layout.addWidget(self.interviews, 1)
        layout.addLayout(interview_buttons)
        layout.addWidget(self.error)

        self.reveal_button.clicked.connect(lambda: self.reveal())
        self.edit_button.clicked.connect(lambda: self.edit())
        self.step_button.clicked.connect(lambda: self.record_step())
        self.end_button.clicked.connect(lambda: self.record_step(ending=True))
        self.interview_button.clicked.connect(lambda: self.record_interview())
        self.correct_button.clicked.connect(lambda: self.correct_interview())
        self.interviews.itemDoubleClicked.connect(lambda _item: self.correct_interview())
        self.interviews.currentItemChanged.connect(lambda *_: self._interview_choice())
        self.interview_print_button.clicked.connect(lambda: self.print_interview())
        self.pledge_button.clicked.connect(lambda: self.print_pledge())
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.reveal_button.setText(self.tr("Show full…"))
        self.reveal_button.setToolTip(
            self.tr("Shows the full name, mobile, ID number and address; the reason is logged.")
        )
        self.edit_button.setText(self.tr("Correct…"))
        self.step_button.setText(self.tr("Record a step…"))
        self.end_button.setText(self.tr("Close or hand over…"))
        self.interviews_title.setText(self.tr("Interviews"))
        self.interview_button.setText(self.tr("Record an interview…"))
        self.correct_button.setText(self.tr("Correct interview…"))
        self.interview_print_button.setText(self.tr("Print interview record…"))
        self.interview_print_button.setToolTip(
            self.tr("The record of the chosen interview (else the latest) for the resident to sign")
        )
        self.pledge_button.setText(self.tr("Print pledge…"))
        self.show_record(self.card_seller_id)

    # -- showing -------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.show_record(None)

    def show_record(self, card_seller_id: str | None) -> None:
        if card_seller_id != self.card_seller_id:
            self.revealed = None
            self.error.hide()
        self.card_seller_id = card_seller_id
        record = (
            card_seller_store.get_card_seller(self.database, card_seller_id)
            if card_seller_id
            else None
        )
        for widget in self.findChildren(QPushButton):
            widget.setEnabled(record is not None)
        self.interviews.clear()
        if record is None:
            self.card_seller_id = None
            self.details.setText(escaped(self.tr("Choose a card seller in the register.")))
            self.path.clear()
            return
        self.reveal_button.setEnabled(self.revealed is None)
        resident = self.revealed or resident_store.get_resident(self.database, record.resident_id)
        self.details.setText(self._details_html(record, resident))
        self.path.setText(self._path_html(record))
        for interview in card_seller_store.interview_timeline(self.database, record.id):
            text = self.tr("{way}: {result}").format(
                way=catalogue_label(catalogue.INTERVIEW_METHODS, interview.method),
                result=catalogue_label(catalogue.INTERVIEW_RESULTS, interview.result),
            )
            if interview.officer_name:
                text += f" · {interview.officer_name}"
            if interview.notes:
                text += f" — {interview.notes}"
            item = QListWidgetItem(f"{shown_datetime(interview.at)}  {text}")
            item.setData(ID_ROLE, interview.id)
            self.interviews.addItem(item)
        self._interview_choice()

    def _details_html(self, record: CardSeller, resident: Resident) -> str:
        full = self.revealed is not None
        name = resident.name if full else mask_name(resident.name)
        mobile, id_number, address = resident.mobile or "", resident.id_number, resident.address
        if not full:
            mobile, address = mask_mobile(mobile), mask_address(address)
            id_number = mask_id_number(id_number) if id_number else ""
        opened = {
            None: self.tr("opened locally: not known"),
            True: self.tr("opened locally"),
            False: self.tr("opened elsewhere"),
        }[record.opened_locally]
        area = (
            " / ".join(area_store.area_path(self.database, record.area_id))
            if record.area_id
            else ""
        )
        cards = self.tr("{kind} × {count}").format(
            kind=catalogue_label(catalogue.CARD_KINDS, record.card_kind), count=record.card_count
        )
        where = " · ".join(part for part in (record.issuer, record.outlet) if part)
        lines = [
            f"<b style='font-size:large'>{escaped(name)}</b> {escaped(mobile)}",
            escaped(" · ".join(part for part in (id_number, address) if part)),
            f"<b>{escaped(cards)}</b>"
            + (f" · {escaped(where)}" if where else "")
            + f" · {escaped(opened)}",
            escaped(
                self.tr("How: {manner} · lead: {source}").format(
                    manner=catalogue_label(catalogue.CARD_MANNERS, record.manner),
                    source=catalogue_label(catalogue.CARD_SOURCES, record.source),
                )
            ),
            escaped(
                self.tr("Listed on {day}").format(day=shown_date(record.listed_on))
                + (f" · {area}" if area else "")
                + (f" · {record.reference_number}" if record.reference_number else "")
            ),
        ]
        if record.notes:
            lines.append(escaped(record.notes))
        return "<br>".join(line for line in lines if line)

    def _path_html(self, record: CardSeller) -> str:
        """The path, a line a step with its day; the step reached in bold."""
        steps = [
            ("to_verify", record.listed_on, ""),
            ("interviewed", record.interviewed_on, ""),
            ("pledged", record.pledged_on, ""),
            ("restricted", record.restricted_on,
             self.tr("reported to {whom}").format(whom=record.restricted_to)
             if record.restricted_to else ""),
            ("handed_over", record.handed_over_on,
             self.tr("to {whom}").format(whom=record.handed_over_to)
             if record.handed_over_to else ""),
            ("closed", record.closed_on,
             self.tr("reason: {reason}").format(reason=record.close_reason)
             if record.close_reason else ""),
        ]  # fmt: skip
        rows = []
        for status, day, detail in steps:
            if status in card_seller_store.ENDED and day is None:
                continue  # an end not reached: the other end, or none yet, says it
            name = escaped(catalogue_label(catalogue.CARD_SELLER_STATUSES, status))
            text = escaped(_day(day) + (f" · {detail}" if detail else ""))
            if status == record.status:
                name, text = f"<b>▶ {name}</b>", f"<b>{text}</b>"
            rows.append(f"<tr><td>{name}</td><td>&nbsp;&nbsp;{text}</td></tr>")
        title = escaped(self.tr("Path"))
        return f"<b>{title}</b><table>{''.join(rows)}</table>"

    def _interview_choice(self) -> None:
        chosen = self.interviews.currentItem() is not None
        self.correct_button.setEnabled(chosen)
        self.interview_print_button.setEnabled(self.interviews.count() > 0)

    # -- actions -------------------------------------------------------------------------------
    def _done(self) -> bool:
        self.error.hide()
        self.show_record(self.card_seller_id)
        self.changed.emit()
        return True

    def _dialog(self, dialog) -> bool:
        accepted = dialog.exec()
        dialog.deleteLater()
        return bool(accepted) and self._done()

    def reveal(self, reason: str | None = None) -> bool:
        """Show the resident in full after asking why; the reason goes to the audit log."""
        if self.card_seller_id is None:
            return False
        if reason is None:
            reason = ask_reveal_reason(self)
            if reason is None:
                return False
        try:
            self.revealed = card_seller_store.reveal_card_seller(
                self.database, self.card_seller_id, reason
            )
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.error.hide()
        self.show_record(self.card_seller_id)
        return True

    def edit(self) -> bool:
        if self.card_seller_id is None:
            return False
        from desktop.ui.cards.dialogs import ListingDialog

        return self._dialog(ListingDialog(self.database, self, card_seller_id=self.card_seller_id))

    def record_step(self, *, ending: bool = False) -> bool:
        if self.card_seller_id is None:
            return False
        from desktop.ui.cards.dialogs import StepDialog

        return self._dialog(StepDialog(self.database, self.card_seller_id, self, ending=ending))

    def record_interview(self) -> bool:
        if self.card_seller_id is None:
            return False
        from desktop.ui.cards.dialogs import InterviewDialog

        return self._dialog(
            InterviewDialog(self.database, self, card_seller_id=self.card_seller_id)
        )

    def correct_interview(self) -> bool:
        item = self.interviews.currentItem()
        if item is None:
            return False
        from desktop.ui.cards.dialogs import InterviewDialog

        return self._dialog(InterviewDialog(self.database, self, interview_id=item.data(ID_ROLE)))

    def chosen_interview(self) -> str | None:
        """The interview chosen in the list, else the latest."""
        item = self.interviews.currentItem()
        if item is None and self.interviews.count():
            item = self.interviews.item(self.interviews.count() - 1)
        return item.data(ID_ROLE) if item is not None else None

    def print_interview(self):
        interview_id = self.chosen_interview()
        if interview_id is None:
            return None
        return self._preview("card-interview", {"interview_id": interview_id})

    def print_pledge(self):
        if self.card_seller_id is None:
            return None
        return self._preview("card-pledge", {"card_seller_id": self.card_seller_id})

    def print_requested(self, name: str):
        """The preview of printout ``name`` (reports.registry) of the record shown."""
        return {"card-interview": self.print_interview, "card-pledge": self.print_pledge}[name]()

    def _preview(self, name: str, values: dict):
        from desktop.ui.print_preview import preview_printout

        return preview_printout(self, self.database, self.runner, name, values, {})
