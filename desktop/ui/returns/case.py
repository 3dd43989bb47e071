"""The person abroad chosen in the ledger: the path with each step's day, the four
responsible people, the family, the measures and the contacts, and the actions on them.

Everything personal is shown masked; "Show full…" asks why and logs the reveal (the gateway's
``reveal_case``). Every action is a small dialog calling one gateway function.
"""

from __future__ import annotations

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
from desktop.core.entities import Resident, ReturnCase
from desktop.core.errors import OutreachError
from desktop.core.privacy import mask_mobile, mask_name
from desktop.db.database import Database
from desktop.domain import officers as officer_store
from desktop.domain import return_cases as return_store
from desktop.domain.areas import area_path
from desktop.ui.labels import catalogue_label, escaped, list_separator, shown_date, shown_day_time
from desktop.ui.messages import ask_reveal_reason
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.returns.model import place_text
from desktop.ui.widgets import Retranslating, error_label, show_problem

ID_ROLE = USER_ROLE


class ReturnCaseView(Retranslating, QWidget):
    """Shows ``case_id`` (set with ``show_case``); ``changed`` after every write."""

    changed = Signal()

    def __init__(self, database: Database, runner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.case_id: str | None = None
        self.case: ReturnCase | None = None
        self.revealed: tuple[ReturnCase, Resident] | None = None  # after a logged reveal

        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)  # built by _details_html, escaped
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = QListWidget()
        self.timeline.setMinimumHeight(90)
        self.timeline.setWordWrap(True)  # a contact's notes read whole, not scrolled sideways
        self.reveal_button = QPushButton()
        self.edit_button = QPushButton()
        self.step_button = QPushButton()
        self.close_button = QPushButton()
        self.contact_button = QPushButton()
        self.correct_button = QPushButton()
        self.tick_button = QPushButton()
        self.lift_button = QPushButton()
        self.notice_button = QPushButton()
        self.error = error_label()
        self.contacts_title = QLabel()

        buttons = QGridLayout()
        buttons.setSpacing(4)
        for index, button in enumerate(
            (self.reveal_button, self.edit_button, self.notice_button, self.step_button,
             self.close_button, self.tick_button, self.lift_button)
        ):  # fmt: skip
            buttons.addWidget(button, index // 3, index % 3)
        contact_buttons = QGridLayout()
        contact_buttons.addWidget(self.contact_button, 0, 0)
        contact_buttons.addWidget(self.correct_button, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.contacts_title)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(contact_buttons)

        self.reveal_button.clicked.connect(lambda: self.reveal())
        self.edit_button.clicked.connect(lambda: self.edit_details())
        self.step_button.clicked.connect(lambda: self.record_step())
        self.close_button.clicked.connect(lambda: self.record_step("closed"))
        self.contact_button.clicked.connect(lambda: self.log_contact())
        self.correct_button.clicked.connect(lambda: self.correct_contact())
        self.timeline.itemDoubleClicked.connect(lambda _item: self.correct_contact())
        self.timeline.currentItemChanged.connect(lambda *_: self._enable_correct())
        self.tick_button.clicked.connect(lambda: self.change_measure(lift=False))
        self.lift_button.clicked.connect(lambda: self.change_measure(lift=True))
        self.notice_button.clicked.connect(lambda: self.print_notice())
        self.retranslate()

    def retranslate(self) -> None:
        self.reveal_button.setText(self.tr("Show full…"))
        self.reveal_button.setToolTip(
            self.tr("Shows the name, ID number, mobile and family in full; the reason is logged.")
        )
        self.edit_button.setText(self.tr("Details…"))
        self.step_button.setText(self.tr("Record a step…"))
        self.close_button.setText(self.tr("Close off…"))
        self.contact_button.setText(self.tr("Log a contact…"))
        self.correct_button.setText(self.tr("Correct the chosen contact…"))
        self.tick_button.setText(self.tr("Tick a measure…"))
        self.lift_button.setText(self.tr("Lift a measure…"))
        self.notice_button.setText(self.tr("Print notice…"))
        self.contacts_title.setText(self.tr("Contacts"))
        self.show_case(self.case_id)

    # -- showing -------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.show_case(None)

    def show_case(self, case_id: str | None) -> None:
        if case_id != self.case_id:
            self.revealed = None
            self.error.hide()
        self.case_id = case_id
        self.case = return_store.get_case(self.database, case_id) if case_id else None
        item = return_store.ledger_entry(self.database, case_id) if self.case else None
        for widget in self.findChildren(QPushButton):
            widget.setEnabled(self.case is not None)
        self.timeline.clear()
        if self.case is None or item is None:
            self.case_id = self.case = None
            self.details.setText(self.tr("Choose a person in the ledger."))
            return
        case = self.case
        self.reveal_button.setEnabled(self.revealed is None)
        self.close_button.setEnabled(case.status != "closed")
        self.tick_button.setEnabled(len(case.measures) < len(catalogue.RETURN_MEASURES))
        self.lift_button.setEnabled(bool(case.measures))
        self.details.setText(self._details_html(case, item))
        for contact in return_store.contact_timeline(self.database, case.id):
            text = self.tr("{party}, {way}: {result}").format(
                party=catalogue_label(catalogue.RETURN_PARTIES, contact.party),
                way=catalogue_label(catalogue.RETURN_CONTACT_METHODS, contact.method),
                result=catalogue_label(catalogue.RETURN_CONTACT_RESULTS, contact.result),
            )
            if contact.officer_name:
                text += f" · {contact.officer_name}"
            if contact.notes:
                text += f" — {contact.notes}"
            entry = QListWidgetItem(f"{shown_day_time(contact.at)}  {text}")
            entry.setData(ID_ROLE, contact.id)
            self.timeline.addItem(entry)
        self._enable_correct()

    def _enable_correct(self) -> None:
        self.correct_button.setEnabled(self.timeline.currentItem() is not None)

    def _officer_name(self, officer_id: str | None) -> str:
        officer = officer_store.get_officer(self.database, officer_id) if officer_id else None
        return officer.name if officer else ""

    def _details_html(self, case: ReturnCase, item: return_store.LedgerItem) -> str:
        if self.revealed is not None:
            full, resident = self.revealed
            name, id_number, mobile = resident.name, resident.id_number or "", resident.mobile or ""
            family_name, family_phone = full.family_name, full.family_phone
        else:
            name, id_number, mobile = item.name, item.id_number, item.mobile
            family_name, family_phone = mask_name(case.family_name), mask_mobile(case.family_phone)
        head = " ".join(escaped(part) for part in (id_number, mobile) if part)
        lines = [f"<b style='font-size:large'>{escaped(name)}</b> {head}"]
        lines.append(
            escaped(
                self.tr(
                    "Abroad in {place} since {left} ({departure}) · {category} · {source}"
                ).format(
                    place=place_text(case.location),
                    left=shown_date(case.left_on) if case.left_on else "—",
                    departure=catalogue_label(catalogue.DEPARTURES, case.departure),
                    category=catalogue_label(catalogue.RETURN_CATEGORIES, case.category),
                    source=catalogue_label(catalogue.RETURN_LEAD_SOURCES, case.lead_source),
                )
            )
        )
        places = [
            self.tr("Registered: {path}").format(path="".join(area_path(self.database, case.area_id)))
            if case.area_id else "",
            self.tr("Lived in: {path}").format(path="".join(area_path(self.database, case.residence_area_id)))
            if case.residence_area_id else "",
        ]  # fmt: skip
        if any(places):
            lines.append(escaped(" · ".join(part for part in places if part)))
        lines.append(
            escaped(
                self.tr("List {list}, listed {listed}, return by {deadline}").format(
                    list=case.list_name or self.tr("(none given)"),  # "—" reads as 一 here
                    listed=shown_date(case.listed_on),
                    deadline=shown_date(case.deadline_on) if case.deadline_on else "—",
                )
            )
        )
        path_title, people_title = self.tr("Path"), self.tr("Responsible")
        lines.append(f"<b>{escaped(path_title)}</b>")
        lines.append(self._path_html(case))
        lines.append(f"<b>{escaped(people_title)}</b>")
        for role, person, phone in (
            (self.tr("County"), case.county_leader, case.county_leader_phone),
            (self.tr("Township"), case.township_leader, case.township_leader_phone),
            (self.tr("Station officer"), item.officer_name, ""),
            (self.tr("Village secretary"), case.village_secretary, case.village_secretary_phone),
        ):
            lines.append(escaped(f"{role}: {' '.join(p for p in (person, phone) if p) or '—'}"))
        if family_name or family_phone:
            lines.append(
                escaped(
                    self.tr("Family: {name} ({relation}) {phone}").format(
                        name=family_name or "—", relation=case.family_relation or "—",
                        phone=family_phone,
                    )
                )
            )  # fmt: skip
        measures = [
            self.tr("{measure} {day} by {officer}").format(
                measure=catalogue_label(catalogue.RETURN_MEASURES, code), day=shown_date(day),
                officer=self._officer_name(by) or "—",
            )
            for code, (day, by) in case.measures.items()
        ]  # fmt: skip
        lines.append(
            escaped(
                self.tr("Measures: {measures}").format(
                    measures=list_separator().join(measures) or self.tr("none")
                )
            )
        )
        if case.notes:
            lines.append(escaped(case.notes))
        return "<br>".join(lines)

    def _path_html(self, case: ReturnCase) -> str:
        """Each step with its day: the step reached in bold, those not reached in grey."""
        details = {
            "contacted": catalogue_label(catalogue.RETURN_PARTIES, case.contacted_party),
            "returned": case.port_of_entry,
            "under_control": " ".join(
                part for part in (
                    catalogue_label(catalogue.CONTROL_KINDS, case.control_kind),
                    self.tr("until {day}").format(day=shown_date(case.control_ends_on))
                    if case.control_ends_on else "",
                ) if part
            ),
            "closed": catalogue_label(catalogue.CLOSE_REASONS, case.close_reason),
        }  # fmt: skip
        steps = []
        for status in return_store.STATUSES:
            day = (
                case.listed_on
                if status == "to_verify"
                else getattr(case, return_store.STEP_DAYS[status])
            )
            text = catalogue_label(catalogue.RETURN_STATUSES, status)
            if day:
                text += f" {shown_date(day)}"
            if day and details.get(status):
                text = self.tr("{step} ({detail})").format(step=text, detail=details[status])
            if status == case.status:
                steps.append(f"<b>{escaped(text)}</b>")
            elif day:
                steps.append(escaped(text))
            else:
                steps.append(f"<span style='color:#888888'>{escaped(text)}</span>")
        return " → ".join(steps)

    # -- actions -------------------------------------------------------------------------------
    def _done(self) -> bool:
        self.error.hide()
        self.show_case(self.case_id)
        self.changed.emit()
        return True

    def _run(self, dialog) -> bool:
        """Open ``dialog`` (its own save calls the gateway); True when it wrote."""
        accepted = dialog.exec()
        dialog.deleteLater()
        return bool(accepted) and self._done()

    def reveal(self, reason: str | None = None) -> bool:
        """Show the person and the family in full after asking why; the reason is logged."""
        if self.case_id is None:
            return False
        if reason is None:
            reason = ask_reveal_reason(self)
            if reason is None:
                return False
        try:
            self.revealed = return_store.reveal_case(self.database, self.case_id, reason)
        except OutreachError as exc:
            return show_problem(self.error, exc)
        self.error.hide()
        self.show_case(self.case_id)
        return True

    def edit_details(self) -> bool:
        if self.case is None:
            return False
        from desktop.ui.returns.dialogs import ListingDialog

        return self._run(ListingDialog(self.database, self, case=self.case))

    def record_step(self, status: str | None = None) -> bool:
        if self.case is None:
            return False
        from desktop.ui.returns.dialogs import StepDialog

        return self._run(StepDialog(self.database, self.case, self, status=status))

    def log_contact(self) -> bool:
        if self.case_id is None:
            return False
        from desktop.ui.returns.dialogs import ContactDialog

        return self._run(ContactDialog(self.database, self.case_id, self))

    def correct_contact(self) -> bool:
        item = self.timeline.currentItem()
        if item is None or self.case_id is None:
            return False
        from desktop.ui.returns.dialogs import ContactDialog

        contact = next(
            c for c in return_store.contact_timeline(self.database, self.case_id)
            if c.id == item.data(ID_ROLE)
        )  # fmt: skip
        return self._run(ContactDialog(self.database, self.case_id, self, contact=contact))

    def change_measure(self, *, lift: bool) -> bool:
        if self.case is None:
            return False
        from desktop.ui.returns.dialogs import MeasureDialog

        return self._run(MeasureDialog(self.database, self.case, self, lift=lift))

    def print_notice(self):
        """The notice to the family (劝返告知书) of the person shown; it names the person in
        full, which the printout logs as a reveal."""
        if self.case_id is None:
            return None
        from desktop.ui.print_preview import preview_printout

        return preview_printout(
            self, self.database, self.runner, "return-notice", {"case_id": self.case_id}, {}
        )
