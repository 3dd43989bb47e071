"""The case view: one warning from arrival to follow-up.

One click logs an attempt stamped now by the officer using this laptop (a note typed first goes
with it; double-click an entry to correct it). The timeline holds the attempts and the
hand-overs between officers and stations. The resident is masked unless the officer asks to
see the full details with a reason, which is logged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.entities import Resident, WarningCase
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.privacy import mask_address, mask_id_number, mask_mobile, mask_name
from desktop.core.rules import Concern
from desktop.db.database import META_CURRENT_OFFICER, Database
from desktop.domain import follow_ups as follow_up_store
from desktop.domain import residents as resident_store
from desktop.domain import warnings as warning_store
from desktop.ui.labels import (
    catalogue_label,
    escaped,
    list_separator,
    shown_date,
    shown_datetime,
    shown_day_time,
    shown_money,
)
from desktop.ui.messages import ask_reveal_reason, interactive
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.widgets import (
    LazyComboBox,
    Retranslating,
    error_label,
    plain_label,
    show_problem,
)

ID_ROLE = USER_ROLE
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
# The concerns after which the officer is offered to log the contact that did happen.
CONTACT_CONCERNS = frozenset({"no_contact", "not_reached"})
# The one-click buttons: (method, result, label).
QUICK_CONTACTS = (
    ("phone", "busy", QT_TRANSLATE_NOOP("Warnings", "Called – busy")),
    ("phone", "no_answer", QT_TRANSLATE_NOOP("Warnings", "Called – no answer")),
    ("phone", "reached", QT_TRANSLATE_NOOP("Warnings", "Called – reached")),
    ("phone", "refused", QT_TRANSLATE_NOOP("Warnings", "Called – refused")),
    ("visit", "met", QT_TRANSLATE_NOOP("Warnings", "Visited – met")),
    ("visit", "not_home", QT_TRANSLATE_NOOP("Warnings", "Visited – not at home")),
    ("family", "contacted", QT_TRANSLATE_NOOP("Warnings", "Family contacted")),
    ("sms", "sent", QT_TRANSLATE_NOOP("Warnings", "SMS sent")),
    ("bank", "contacted", QT_TRANSLATE_NOOP("Warnings", "Bank contacted")),
)


def translated(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Warnings", text)


class CaseView(Retranslating, QWidget):
    """Shows ``warning_id`` (set with ``show_case``); ``changed`` after every write."""

    changed = Signal()

    def __init__(self, database: Database, runner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.warning_id: str | None = None
        self.revealed: dict | None = None  # the resident in full, after a logged reveal

        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)  # built by _details_html
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton()
        self.details_button = QPushButton()
        self.tags_button = QPushButton()
        head_buttons = QHBoxLayout()
        for button in (self.reveal_button, self.details_button, self.tags_button):
            head_buttons.addWidget(button)
        head_buttons.addStretch(1)

        self.note = QLineEdit()
        self.quick_buttons: list[QPushButton] = []
        self.quick_grid = quick = QGridLayout()
        quick.setSpacing(4)
        for index, (method, result, _label) in enumerate(QUICK_CONTACTS):
            button = QPushButton()
            button.clicked.connect(lambda _=False, m=method, r=result: self.log_contact(m, r))
            self.quick_buttons.append(button)
            quick.addWidget(button, index // 3, index % 3)
        self.timeline = QListWidget()
        self.timeline.setMinimumHeight(110)
        self.edit_contact_button = QPushButton()

        self.outcome = QComboBox()
        self.amount_protected = QLineEdit()
        self.amount_lost = QLineEdit()
        self.lost_before_warning = QCheckBox()
        self.stop_payment_requested = QCheckBox()
        self.stop_payment = QLineEdit()
        self.bank = LazyComboBox(self._fill_banks)
        self.outcome_form = QFormLayout()
        self.outcome_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        lost_row = QHBoxLayout()
        lost_row.addWidget(self.amount_lost, 1)
        lost_row.addWidget(self.lost_before_warning)
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.stop_payment_requested)
        stop_row.addWidget(self.stop_payment, 1)
        self.outcome_labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self.outcome_labels,
            (self.outcome, self.amount_protected, lost_row, stop_row, self.bank),
            strict=True,
        ):
            self.outcome_form.addRow(label, field)
        self.close_button = QPushButton()
        self.notice_button = QPushButton()
        self.record_button = QPushButton()
        self.transfer_button = QPushButton()
        self.error = error_label()
        # A follow-up due is recorded at the top of the case, under the resident: chosen on a
        # list of follow-ups, the case opens with this form in view and its cursor in it.
        self.follow_up_box = QGroupBox()
        self.follow_up_choice = QComboBox()
        self.follow_up_result = QLineEdit()
        self.follow_up_button = QPushButton()
        self.follow_up_error = error_label()
        self.follow_up_label = QLabel()
        follow_up_form = QFormLayout(self.follow_up_box)
        follow_up_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        follow_up_row = QHBoxLayout()
        follow_up_row.addWidget(self.follow_up_result, 1)
        follow_up_row.addWidget(self.follow_up_button)
        follow_up_form.addRow(self.follow_up_choice)
        follow_up_form.addRow(self.follow_up_label, follow_up_row)
        follow_up_form.addRow(self.follow_up_error)
        self.follow_up_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.details)
        layout.addLayout(head_buttons)
        layout.addWidget(self.follow_up_box)
        layout.addWidget(self.note)
        layout.addLayout(quick)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.edit_contact_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(self.outcome_form)
        actions = QGridLayout()
        actions.addWidget(self.close_button, 0, 0, 1, 2)
        actions.addWidget(self.transfer_button, 0, 2)
        actions.addWidget(self.notice_button, 1, 0)
        actions.addWidget(self.record_button, 1, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)

        self.reveal_button.clicked.connect(lambda: self.reveal())
        self.details_button.clicked.connect(lambda: self.edit_details())
        self.tags_button.clicked.connect(lambda: self.edit_tags())
        self.timeline.itemDoubleClicked.connect(lambda _item: self.edit_contact())
        self.timeline.currentItemChanged.connect(self._timeline_choice)
        self.edit_contact_button.clicked.connect(lambda: self.edit_contact())
        self.close_button.clicked.connect(self.close_case)
        self.notice_button.clicked.connect(self.print_notice)
        self.record_button.clicked.connect(self.print_record)
        self.transfer_button.clicked.connect(lambda: self.transfer())
        self.follow_up_button.clicked.connect(lambda: self.complete_follow_up())
        self.follow_up_result.returnPressed.connect(lambda: self.complete_follow_up())
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def buttons_width(self) -> int:
        """How wide the panel must be for its one-click buttons to show whole (the case's
        own texts wrap or scroll, so a long word in an address does not widen it)."""
        margins = self.layout().contentsMargins()
        return self.quick_grid.minimumSize().width() + margins.left() + margins.right()

    def retranslate(self) -> None:
        self.reveal_button.setText(self.tr("Show full…"))
        self.reveal_button.setToolTip(
            self.tr("Shows the full name, mobile, ID number and address; the reason is logged.")
        )
        self.details_button.setText(self.tr("Details…"))
        self.tags_button.setText(self.tr("Tags…"))
        self.note.setPlaceholderText(self.tr("Note for the next attempt (optional)"))
        for button, (_m, _r, label) in zip(self.quick_buttons, QUICK_CONTACTS, strict=True):
            button.setText(translated(label))
        self.edit_contact_button.setText(self.tr("Correct the chosen attempt…"))
        current = self.outcome.currentData()
        self.outcome.clear()
        self.outcome.addItem(self.tr("(choose the outcome)"), None)
        for code in catalogue.OUTCOMES:
            self.outcome.addItem(catalogue_label(catalogue.OUTCOMES, code), code)
        self.outcome.setCurrentIndex(max(self.outcome.findData(current), 0))
        for label, text in zip(
            self.outcome_labels,
            (
                self.tr("Outcome"),
                self.tr("Money protected"),
                self.tr("Money lost"),
                self.tr("Stop-payment"),
                self.tr("Bank outlet"),
            ),
            strict=True,
        ):
            label.setText(text)
        for field in (self.amount_protected, self.amount_lost, self.stop_payment):
            field.setPlaceholderText(self.tr("e.g. 5.2万 or 52000"))
        self.stop_payment_requested.setText(self.tr("requested"))
        self.lost_before_warning.setText(self.tr("gone before the warning"))
        self.lost_before_warning.setToolTip(
            self.tr(
                "Tick when the money had left before the warning arrived: such a loss does not "
                "break the zero-loss streak."
            )
        )
        self.bank.set_everything_text(self.tr("(none)"))
        self.close_button.setText(self.tr("Close the case"))
        self.notice_button.setText(self.tr("Print notice…"))
        self.record_button.setText(self.tr("Print record…"))
        self.transfer_button.setText(self.tr("Transfer…"))
        self.follow_up_box.setTitle(self.tr("Follow-up visit"))
        self.follow_up_label.setText(self.tr("What did it find?"))
        self.follow_up_result.setPlaceholderText(self.tr("e.g. safe, app installed"))
        self.follow_up_button.setText(self.tr("Record follow-up"))
        self.show_case(self.warning_id)

    def _fill_banks(self) -> None:

        from desktop.domain import partners as partner_store

        chosen = self.bank.currentData()
        self.bank.blockSignals(True)
        while self.bank.count() > 1:
            self.bank.removeItem(1)
        for partner in partner_store.list_partners(self.database):
            if partner.kind == "bank_outlet":
                self.bank.addItem(partner.name, partner.id)
        self.bank.setCurrentIndex(max(self.bank.findData(chosen), 0))
        self.bank.blockSignals(False)

    # -- showing -------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.show_case(None)

    def show_case(self, warning_id: str | None) -> None:
        if warning_id != self.warning_id:
            self.revealed = None
            self.error.hide()
            self._clear_outcome()  # what was typed for one case never closes another
            self.follow_up_result.clear()
            self.follow_up_error.hide()
        self.warning_id = warning_id
        warning = warning_store.get_warning(self.database, warning_id) if warning_id else None
        enabled = warning is not None
        for widget in self.findChildren(QWidget):
            if not isinstance(widget, QLabel | QListWidget):
                widget.setEnabled(enabled)
        self.timeline.clear()
        if warning is None:
            self.warning_id = None
            self.details.setText(self.tr("Choose a warning in the list."))
            return
        closed = warning.status == "closed"
        self.close_button.setEnabled(not closed)
        if closed:
            self._show_recorded_outcome(warning)
        self.reveal_button.setEnabled(self.revealed is None)
        resident = self.revealed or resident_store.get_resident(self.database, warning.resident_id)
        self.details.setText(self._details_html(warning, resident))
        follow_ups = follow_up_store.follow_ups_of(self.database, warning_id)
        self._fill_timeline(warning, follow_ups)
        self._fill_follow_ups(follow_ups)
        self._timeline_choice(self.timeline.currentItem(), None)

    def _outcome_fields(self) -> tuple[QWidget, ...]:
        return (self.outcome, self.amount_protected, self.amount_lost, self.lost_before_warning,
                self.stop_payment_requested, self.stop_payment, self.bank)  # fmt: skip

    def _clear_outcome(self) -> None:
        for field in (self.amount_protected, self.amount_lost, self.stop_payment):
            field.clear()
        self.stop_payment_requested.setChecked(False)
        self.lost_before_warning.setChecked(False)
        self.outcome.setCurrentIndex(0)
        self.bank.setCurrentIndex(0)

    def _show_recorded_outcome(self, warning: WarningCase) -> None:
        """A closed case shows the outcome and money it was closed with, read-only."""
        self.outcome.setCurrentIndex(max(self.outcome.findData(warning.outcome), 0))
        for field, fen in ((self.amount_protected, warning.amount_protected),
                           (self.amount_lost, warning.amount_lost),
                           (self.stop_payment, warning.stop_payment_amount)):  # fmt: skip
            field.setText(shown_money(fen) if fen else "")
        self.stop_payment_requested.setChecked(warning.stop_payment_requested)
        self.lost_before_warning.setChecked(warning.lost_before_warning)
        if warning.bank_partner_id:
            self.bank.ensure_loaded()
            self.bank.setCurrentIndex(max(self.bank.findData(warning.bank_partner_id), 0))
        for field in self._outcome_fields():
            field.setEnabled(False)

    def _fill_follow_ups(self, follow_ups: list) -> None:
        """The follow-ups not yet done, the earliest due first and chosen (the one chosen
        before stays chosen); the box shows only while one is left to do."""
        chosen = self.follow_up_choice.currentData()
        self.follow_up_choice.clear()
        for follow_up in follow_ups:
            if follow_up.done_at is None:
                self.follow_up_choice.addItem(
                    self.tr("Due {day}").format(day=shown_date(follow_up.due_on)), follow_up.id
                )
        self.follow_up_choice.setCurrentIndex(max(self.follow_up_choice.findData(chosen), 0))
        self.follow_up_box.setVisible(self.follow_up_choice.count() > 0)

    def choose_follow_up(self, follow_up_id: str, *, focus: bool = True) -> bool:
        """Put one of the case's follow-ups in the form, ready for what it found (the cursor
        there unless ``focus`` is false); False when it is not one left to do."""
        index = self.follow_up_choice.findData(follow_up_id)
        if index < 0:
            return False
        self.follow_up_choice.setCurrentIndex(index)
        self.follow_up_error.hide()
        if focus:
            self.follow_up_result.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _details_html(self, warning: WarningCase, resident: Resident) -> str:
        full = self.revealed is not None
        name = resident.name if full else mask_name(resident.name)
        mobile, id_number, address = resident.mobile, resident.id_number, resident.address
        if not full:
            mobile, address = mask_mobile(mobile), mask_address(address)
            id_number = mask_id_number(id_number) if id_number else ""
        from desktop.ui.warnings.intake import tag_text

        tags = list_separator().join(tag_text(tag) for tag in resident.tags)
        # Rich text: each value is escaped, masked or not (a mask keeps the markup's letters).
        lines = [
            f"<b style='font-size:large'>{escaped(name)}</b> {escaped(mobile)}"
            + (f" <span style='color:#b00000'>[{escaped(tags)}]</span>" if tags else ""),
            escaped(
                self.tr("{level} · {source} · received {when}").format(
                    level=catalogue_label(catalogue.WARNING_LEVELS, warning.level),
                    source=catalogue_label(catalogue.WARNING_SOURCES, warning.source),
                    when=shown_datetime(warning.received_at),
                )
            ),
            escaped(
                self.tr("Suspected fraud: {fraud}").format(
                    fraud=catalogue_label(catalogue.FRAUD_TYPES, warning.fraud_type) or "—"
                )
            ),
        ]
        if id_number or address:
            lines.append(escaped(" · ".join(part for part in (id_number, address) if part)))
        if warning.station:
            lines.append(escaped(self.tr("Handed to {station}").format(station=warning.station)))
        if warning.status == "closed":
            lines.append(
                escaped(
                    self.tr("Closed: {outcome}").format(
                        outcome=catalogue_label(catalogue.OUTCOMES, warning.outcome)
                    )
                )
            )
        if warning.closed_despite:
            lines.append(
                "<span style='color:#b00000'>"
                + escaped(self.closed_despite_text(warning.closed_despite))
                + "</span>"
            )
        return "<br>".join(lines)

    def closed_despite_text(self, codes: tuple[str, ...]) -> str:
        return self.tr("Closed despite: {concerns}").format(
            concerns=list_separator().join(
                catalogue_label(catalogue.CLOSING_CONCERNS, code) for code in codes
            )
        )

    def _fill_timeline(self, warning: WarningCase, follow_ups: list) -> None:
        """Attempts, hand-overs, the close (with what it was closed despite) and the
        follow-ups done, in the order they happened."""
        entries = []
        for contact in warning_store.contact_timeline(self.database, self.warning_id):
            text = self.tr("{way}: {result}").format(
                way=catalogue_label(catalogue.CONTACT_METHODS, contact.method),
                result=catalogue_label(catalogue.CONTACT_RESULTS, contact.result),
            )
            if contact.officer_name:
                text += f" · {contact.officer_name}"
            if contact.notes:
                text += f" — {contact.notes}"
            entries.append((contact.at, text, contact.id, "contact"))
        for transfer in warning_store.transfer_history(self.database, self.warning_id):
            target = " · ".join(
                part
                for part in (transfer.to_officer, transfer.to_station)
                if part  # an empty station is this one
            ) or self.tr("this station")
            text = self.tr("Handed over to {target} ({reason})").format(
                target=target, reason=transfer.reason
            )
            entries.append((transfer.at, text, transfer.id, "transfer"))
        if warning.closed_at is not None:
            text = self.tr("Closed: {outcome}").format(
                outcome=catalogue_label(catalogue.OUTCOMES, warning.outcome)
            )
            if warning.closed_despite:
                text += " — " + self.closed_despite_text(warning.closed_despite)
            entries.append((warning.closed_at, text, warning.id, "closing"))
        for follow_up in follow_ups:
            if follow_up.done_at is not None:
                text = self.tr("Follow-up done: {result}").format(result=follow_up.result)
                entries.append((follow_up.done_at, text, follow_up.id, "follow_up"))
        # In the order they happened, whatever offset each moment was written with.
        entries.sort(key=lambda entry: entry[0])
        for at, text, record_id, kind in entries:
            item = QListWidgetItem(f"{shown_day_time(at)}  {text}")
            item.setData(ID_ROLE, record_id)
            item.setData(KIND_ROLE, kind)
            if kind == "transfer":
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            elif kind == "closing" and warning.closed_despite:
                item.setForeground(QColor("#b00000"))
            self.timeline.addItem(item)

    def _timeline_choice(self, current, _previous) -> None:
        self.edit_contact_button.setEnabled(
            current is not None and current.data(KIND_ROLE) == "contact"
        )

    # -- actions -------------------------------------------------------------------------------
    def _done(self) -> bool:
        self.error.hide()
        self.show_case(self.warning_id)
        self.changed.emit()
        return True

    def log_contact(self, method: str, result: str) -> bool:
        if self.warning_id is None:
            return False
        try:
            warning_store.record_contact(
                self.database,
                self.warning_id,
                method=method,
                result=result,
                officer_id=self.database.get_meta(META_CURRENT_OFFICER) or None,
                notes=self.note.text(),
            )
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.note.clear()
        return self._done()

    def contact_menu(self):
        """The one-click attempts as a menu under the note field, numbered 1–9 so the officer
        logs one with two keys (Ctrl+L, then the number); the note typed first goes with it."""
        from desktop.ui.widgets import Menu

        menu = Menu(self)
        for number, ((method, result, label), button) in enumerate(
            zip(QUICK_CONTACTS, self.quick_buttons, strict=True), start=1
        ):
            action = menu.addAction(f"&{number}  {translated(label)}")
            action.setEnabled(button.isEnabled())
            action.triggered.connect(lambda _=False, m=method, r=result: self.log_contact(m, r))
        self.contact_menu_shown = menu  # kept: a menu without a reference is collected
        if interactive():
            menu.popup(self.note.mapToGlobal(self.note.rect().bottomLeft()))
        return menu

    def edit_contact(self) -> bool:
        item = self.timeline.currentItem()
        if item is None or item.data(KIND_ROLE) != "contact":
            return False
        from desktop.ui.warnings.intake import ContactDialog

        dialog = ContactDialog(self.database, item.data(ID_ROLE), self)
        accepted = dialog.exec()
        dialog.deleteLater()
        return bool(accepted) and self._done()

    def close_case(self) -> bool:
        """Close the case with the outcome and money entered. When closing raises questions
        the officer is asked (ClosingQuestions): close anyway (the concerns are kept with the
        case and logged), log the contact that happened first, or go back."""
        if self.warning_id is None:
            return False
        despite: tuple[str, ...] = ()
        while True:
            try:
                warning_store.close_warning(
                    self.database,
                    self.warning_id,
                    outcome=self.outcome.currentData(),
                    amount_protected=self.amount_protected.text(),
                    amount_lost=self.amount_lost.text(),
                    stop_payment_amount=self.stop_payment.text(),
                    stop_payment_requested=self.stop_payment_requested.isChecked(),
                    bank_partner_id=self.bank.currentData(),
                    lost_before_warning=self.lost_before_warning.isChecked(),
                    despite=despite,
                )
            except warning_store.ClosingConcerns as exc:
                answer = self.ask_before_closing(exc.concerns)
                if answer == ClosingQuestions.CLOSE_ANYWAY:
                    despite = tuple(concern.code for concern in exc.concerns)
                    continue
                if answer == ClosingQuestions.LOG_CONTACT and self.log_past_contact():
                    continue  # asked again: what the contact does not answer is still open
                return False
            except OutreachError as exc:
                return show_problem(self.error, exc)
            break
        self._clear_outcome()
        return self._done()

    def ask_before_closing(self, concerns: list[Concern]) -> str | None:
        """What the officer answers to the questions closing raised (a ClosingQuestions
        answer), None when they go back to the case."""
        dialog = ClosingQuestions(concerns, self)
        dialog.exec()
        answer = dialog.answer
        dialog.deleteLater()
        return answer

    def log_past_contact(self) -> bool:
        """Log an attempt made but not logged at the time: the entry opens as a call that
        reached the resident, now, by the officer using this laptop."""
        if self.warning_id is None:
            return False
        from desktop.ui.warnings.intake import AttemptDialog

        dialog = AttemptDialog(
            self.database,
            self.warning_id,
            self,
            officer_id=self.database.get_meta(META_CURRENT_OFFICER) or None,
        )
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted:
            return False
        self.show_case(self.warning_id)  # the attempt in the timeline; the outcome stays
        self.changed.emit()
        return True

    def reveal(self, reason: str | None = None) -> bool:
        """Show the resident in full after asking why; the reason goes to the audit log."""
        if self.warning_id is None:
            return False
        if reason is None:
            reason = ask_reveal_reason(self)
            if reason is None:
                return False
        try:
            self.revealed = warning_store.reveal_resident(self.database, self.warning_id, reason)
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.error.hide()
        self.show_case(self.warning_id)
        return True

    def edit_details(self) -> bool:
        if self.warning_id is None:
            return False
        from desktop.ui.warnings.intake import IntakeDialog

        dialog = IntakeDialog(self.database, self, warning_id=self.warning_id)
        accepted = dialog.exec()
        dialog.deleteLater()
        return bool(accepted) and self._done()

    def edit_tags(self) -> bool:
        if self.warning_id is None:
            return False
        from desktop.ui.warnings.intake import TagsDialog

        warning = warning_store.get_warning(self.database, self.warning_id)
        dialog = TagsDialog(self.database, warning.resident_id, self)
        accepted = dialog.exec()
        dialog.deleteLater()
        return bool(accepted) and self._done()

    def print_notice(self):
        return self.print_requested("notice")

    def print_record(self):
        return self.print_requested("case")

    def print_requested(self, name: str):
        """The preview of printout ``name`` (reports.registry) of the case shown."""
        if self.warning_id is None:
            return None
        from desktop.ui.print_preview import preview_warning_document

        return preview_warning_document(self, self.database, self.runner, name, self.warning_id)

    def complete_follow_up(self, result: str | None = None) -> bool:
        """Record the chosen follow-up as done with what it found (the form's words unless
        ``result`` is given)."""
        follow_up_id = self.follow_up_choice.currentData()
        if follow_up_id is None:
            return False
        try:
            follow_up_store.complete_follow_up(
                self.database,
                follow_up_id,
                result=self.follow_up_result.text() if result is None else result,
            )
        except OutreachError as exc:
            show_problem(self.follow_up_error, exc)
            self.follow_up_result.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.follow_up_result.clear()
        self.follow_up_error.hide()
        return self._done()

    def transfer(
        self,
        officer_id: str | None = None,
        reason: str | None = None,
        station: str | None = None,
    ) -> bool:
        """Hand the case over; asks to whom and why unless ``reason`` is given."""
        if self.warning_id is None:
            return False
        if reason is None:
            from desktop.ui.warnings.intake import TransferDialog

            dialog = TransferDialog(self.database, self)
            accepted = dialog.exec()
            officer_id = dialog.officer.currentData()
            station, reason = dialog.chosen_station(), dialog.reason.text()
            dialog.deleteLater()
            if not accepted:
                return False
        try:
            warning_store.transfer_warning(
                self.database, self.warning_id, reason=reason, officer_id=officer_id,
                station=station,
            )  # fmt: skip
        except OutreachError as exc:
            return show_problem(self.error, exc)
        return self._done()


class ClosingQuestions(QDialog):
    """The questions closing a case raised, each with its reason, and what the officer does:
    log the contact that happened (when the question is about contact), close anyway, or go
    back to the case (the default: Escape or closing the window)."""

    LOG_CONTACT = "log_contact"
    CLOSE_ANYWAY = "close_anyway"

    def __init__(self, concerns: list[Concern], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer: str | None = None
        self.setWindowTitle(self.tr("Before closing the case"))
        self.reasons = [self.reason(concern) for concern in concerns]
        intro = plain_label(self.tr("A supervisor would ask about this case:"))
        listing = plain_label("\n".join(f"• {reason}" for reason in self.reasons))
        listing.setWordWrap(True)
        note = plain_label(
            self.tr("Closing anyway is allowed: these questions are kept with the case and "
                    "written to the audit log.")
        )  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton(
            self.tr("Go back to the case"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.log_button = None
        if any(concern.code in CONTACT_CONCERNS for concern in concerns):
            self.log_button = buttons.addButton(
                self.tr("Log the contact that happened…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.log_button.clicked.connect(lambda: self.choose(self.LOG_CONTACT))
        self.close_button = buttons.addButton(
            self.tr("Close anyway"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.close_button.clicked.connect(lambda: self.choose(self.CLOSE_ANYWAY))
        buttons.rejected.connect(self.reject)
        self.back_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(listing)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choose(self, answer: str) -> None:
        self.answer = answer
        self.accept()

    def reason(self, concern: Concern) -> str:
        """A concern in words, with the figures it is about."""
        text = catalogue_label(catalogue.CLOSING_CONCERNS, concern.code)
        if concern.code == "protected_over_risk":
            text += self.tr(" ({protected} protected, {at_risk} at risk)").format(
                protected=shown_money(concern.detail("amount_protected")),
                at_risk=shown_money(concern.detail("amount_at_risk")),
            )
        elif concern.code == "closed_at_once":
            text += self.tr(" ({minutes} min after it arrived)").format(
                minutes=concern.detail("minutes")
            )
        return text
