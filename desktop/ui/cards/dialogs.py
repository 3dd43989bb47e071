"""The small forms of the card sellers' screen: listing one (or correcting what was listed),
recording a step of the path with its real day, and logging or correcting an interview.

Each calls one gateway function of ``domain.card_sellers`` and closes only when it wrote; a
value refused shows the gateway's message, which names the field, and nothing is written.
A new card seller is linked to a resident on record as a warning is: residents with the same
ID number or mobile are offered, and the officer chooses one or declares another person.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.core.limits import count_limit_of
from desktop.core.privacy import mask_mobile, mask_name
from desktop.db.database import Database
from desktop.domain import card_sellers as card_seller_store
from desktop.domain import officers as officer_store
from desktop.domain import residents as resident_store
from desktop.ui.labels import catalogue_label
from desktop.ui.qt import USER_ROLE
from desktop.ui.returns.dialogs import GatewayDialog
from desktop.ui.warnings.intake import officer_choice
from desktop.ui.widgets import (
    AreaPicker,
    finish_form,
    from_station_qdatetime,
    plain_label,
    station_qdatetime,
    station_today_qdate,
)

RESIDENT_ROLE = USER_ROLE
# Whether the card was opened locally, as the officer knows it (None: nobody said).
OPENED_LOCALLY = (
    (None, QT_TRANSLATE_NOOP("CardSellers", "Not known")),
    (True, QT_TRANSLATE_NOOP("CardSellers", "Yes: opened in our jurisdiction")),
    (False, QT_TRANSLATE_NOOP("CardSellers", "No: opened elsewhere")),
)


def _translated(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("CardSellers", text)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit(_qdate(day) if day else station_today_qdate())
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def _vocabulary(box: QComboBox, entries: dict, chosen: str | None = None) -> QComboBox:
    for code in entries:
        box.addItem(catalogue_label(entries, code), code)
    box.setCurrentIndex(max(box.findData(chosen), 0) if chosen else 0)
    return box


class ListingDialog(GatewayDialog):
    """List a card seller — or, given ``card_seller_id``, correct what was listed (the
    resident stays as linked, masked)."""

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        card_seller_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.card_seller_id = card_seller_id
        self.saved_id: str | None = None
        self.setWindowTitle(
            self.tr("Correct the card seller") if card_seller_id else self.tr("New card seller")
        )
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.mobile = QLineEdit()
        self.id_number = QLineEdit()
        self.address = QLineEdit()
        self.community = AreaPicker(database, levels=("community",))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(90)
        self.card_kind = _vocabulary(QComboBox(), catalogue.CARD_KINDS)
        self.card_count = QSpinBox()
        self.card_count.setRange(1, count_limit_of("card_sellers", "card_count"))
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("e.g. 中国农业银行 or 中国移动"))
        self.outlet = QComboBox()
        self.outlet.setEditable(True)
        self.outlet.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.outlet.addItem("", None)
        for name, partner_id in sorted(card_seller_store.outlet_partners(database).items()):
            self.outlet.addItem(name, partner_id)
        self.outlet.lineEdit().setPlaceholderText(self.tr("a partner outlet, or type the outlet"))
        self.opened_locally = QComboBox()
        for value, text in OPENED_LOCALLY:
            self.opened_locally.addItem(_translated(text), value)
        self.manner = _vocabulary(QComboBox(), catalogue.CARD_MANNERS, "unknown")
        self.source = _vocabulary(QComboBox(), catalogue.CARD_SOURCES)
        self.listed_on = _date_edit()
        self.reference = QLineEdit()
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("Resident's name *"), self.name)
        form.addRow(self.tr("Mobile"), self.mobile)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Already on record?"), self.matches)
        form.addRow(self.tr("Card kind *"), self.card_kind)
        form.addRow(self.tr("How many"), self.card_count)
        form.addRow(self.tr("Bank or operator"), self.issuer)
        form.addRow(self.tr("Outlet"), self.outlet)
        form.addRow(self.tr("Opened locally"), self.opened_locally)
        form.addRow(self.tr("How it happened"), self.manner)
        form.addRow(self.tr("Lead from *"), self.source)
        form.addRow(self.tr("Listed on *"), self.listed_on)
        form.addRow(self.tr("Reference number"), self.reference)
        form.addRow(self.tr("Officer"), self.officer)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields: dict[str, QWidget] = {
            "name": self.name, "mobile": self.mobile, "id_number": self.id_number,
            "address": self.address, "area": self.community, "area_id": self.community,
            "resident": self.matches, "card_kind": self.card_kind, "card_count": self.card_count,
            "outlet_partner_id": self.outlet, "manner": self.manner, "source": self.source,
            "listed_on": self.listed_on, "officer_id": self.officer,
        }  # fmt: skip
        finish_form(
            self,
            form,
            self.error,
            on_accept=self.save,
            buttons=QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
        )
        self._offered: list[str] = []  # the residents the match list offers
        self._offered_for: tuple[str, str] | None = None  # the numbers they were found by
        if card_seller_id is not None:
            self._show_stored(form)
            return
        self.mobile.editingFinished.connect(self.look_for_matches)
        self.id_number.editingFinished.connect(self.look_for_matches)
        self.look_for_matches()

    def _show_stored(self, form: QFormLayout) -> None:
        """Correcting: the listed values, the resident shown masked and not changed here."""
        record = card_seller_store.get_card_seller(self.database, self.card_seller_id)
        resident = resident_store.get_resident(self.database, record.resident_id)
        self.name.setText(mask_name(resident.name))
        self.name.setEnabled(False)
        for field in (self.mobile, self.id_number, self.address, self.matches):
            form.setRowVisible(field, False)
        self.community.set_area_id(record.area_id)
        self.card_kind.setCurrentIndex(max(self.card_kind.findData(record.card_kind), 0))
        self.card_count.setValue(min(record.card_count, self.card_count.maximum()))
        self.issuer.setText(record.issuer)
        if record.outlet_partner_id:
            index = self.outlet.findData(record.outlet_partner_id)
            if index < 0:  # a partner retired since: kept, or saving would drop it
                self.outlet.addItem(record.outlet, record.outlet_partner_id)
                index = self.outlet.count() - 1
            self.outlet.setCurrentIndex(index)
        else:
            self.outlet.setEditText(record.outlet)
        self.opened_locally.setCurrentIndex(
            max(self.opened_locally.findData(record.opened_locally), 0)
        )
        self.manner.setCurrentIndex(max(self.manner.findData(record.manner), 0))
        self.source.setCurrentIndex(max(self.source.findData(record.source), 0))
        self.listed_on.setDate(_qdate(record.listed_on))
        self.reference.setText(record.reference_number)
        self.officer.setCurrentIndex(max(self.officer.findData(record.officer_id), 0))
        self.notes.setPlainText(record.notes)

    # -- the resident ------------------------------------------------------------------------
    def _found(self) -> list[resident_store.ResidentMatch]:
        from desktop.core.validate import normalize_id_number, normalize_mobile

        def clean(function, value):
            try:
                return function(value) if value.strip() else None
            except OutreachError:
                return None

        return resident_store.find_matches(
            self.database,
            id_number=clean(normalize_id_number, self.id_number.text()),
            mobile=clean(normalize_mobile, self.mobile.text()),
        )

    def _numbers(self) -> tuple[str, str]:
        return self.id_number.text().strip(), self.mobile.text().strip()

    def look_for_matches(self, found: list | None = None) -> None:
        """Offer the residents on record with the number typed. With some offered, none is
        chosen: the officer links one or declares another person."""
        found = self._found() if found is None else found
        self._offered = [match.id for match in found]
        self._offered_for = self._numbers()
        self.matches.clear()
        new = QListWidgetItem(self.tr("Another person: a new resident"))
        new.setData(RESIDENT_ROLE, None)
        self.matches.addItem(new)
        for match in found:
            reason = (
                self.tr("same ID number") if match.reason == "id_number" else self.tr("same mobile")
            )
            item = QListWidgetItem(
                self.tr("{name} · {mobile} · {reason}").format(
                    name=mask_name(match.name), mobile=mask_mobile(match.mobile or ""),
                    reason=reason,
                )
            )  # fmt: skip
            item.setData(RESIDENT_ROLE, match.id)
            self.matches.addItem(item)
        self.matches.setCurrentRow(-1 if found else 0)

    def _outlet(self) -> tuple[str | None, str]:
        """The partner chosen (its id) or the outlet typed."""
        text = self.outlet.currentText().strip()
        index = self.outlet.findText(text)
        if text and index > 0:
            return self.outlet.itemData(index), ""
        return None, text

    def values(self) -> dict:
        partner_id, outlet = self._outlet()
        return {
            "card_kind": self.card_kind.currentData(),
            "card_count": self.card_count.value(),
            "issuer": self.issuer.text(),
            "outlet_partner_id": partner_id,
            "outlet": outlet,
            "opened_locally": self.opened_locally.currentData(),
            "manner": self.manner.currentData(),
            "source": self.source.currentData(),
            "listed_on": _day(self.listed_on),
            "reference_number": self.reference.text(),
            "officer_id": self.officer.currentData(),
            "notes": self.notes.toPlainText(),
        }

    def save(self) -> bool:
        values = self.values()
        try:
            if self.card_seller_id is not None:
                values["area_id"] = self.community.checked_area_id()
                card_seller_store.edit_card_seller(self.database, self.card_seller_id, values)
                self.saved_id = self.card_seller_id
                self.accept()
                return True
            if self._numbers() != self._offered_for:
                self.look_for_matches()  # numbers changed since: offer the new matches
            item = self.matches.currentItem()
            resident_id = item.data(RESIDENT_ROLE) if item is not None else None
            values.update(
                name=self.name.text(), mobile=self.mobile.text(),
                id_number=self.id_number.text(), address=self.address.text(),
                area_id=self.community.checked_area_id(),
            )  # fmt: skip
            # "Another person" only counts when residents were offered to choose from: with
            # none offered the gateway looks again, logged, among those on record only as
            # listed (never offered while typing), and names them if the person is one.
            self.saved_id = card_seller_store.add_card_seller(
                self.database, values, resident_id=resident_id,
                new_person=bool(self._offered) and item is not None and resident_id is None,
            )  # fmt: skip
        except card_seller_store.MatchesOnRecord as exc:
            self.look_for_matches(exc.matches)
            return self.refused(exc)
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


def _rank(status: str) -> int:
    """A step's place on the path; the two ends share the last place."""
    order = list(catalogue.CARD_SELLER_STATUSES)
    return order.index(card_seller_store.ENDED[0] if status in card_seller_store.ENDED else status)


class StepDialog(GatewayDialog):
    """Record a step of the path on its real day (late is fine). ``ending``: only the two
    ends, 移交打击 and 销账. Going back is a correction, and asks its reason."""

    def __init__(
        self,
        database: Database,
        card_seller_id: str,
        parent: QWidget | None = None,
        *,
        ending: bool = False,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.card_seller_id = card_seller_id
        self.current = card_seller_store.get_card_seller(database, card_seller_id).status
        self.setWindowTitle(self.tr("Close or hand over") if ending else self.tr("Record a step"))
        self.setMinimumWidth(460)
        self.status = QComboBox()
        steps = card_seller_store.ENDED if ending else tuple(catalogue.CARD_SELLER_STATUSES)
        for code in steps:
            self.status.addItem(catalogue_label(catalogue.CARD_SELLER_STATUSES, code), code)
        following = [code for code in steps if _rank(code) > _rank(self.current)]
        chosen = "closed" if ending else (following[0] if following else self.current)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0))
        self.on = _date_edit()
        self.restricted_to = QLineEdit()
        self.restricted_to.setPlaceholderText(self.tr("e.g. 县公安局反诈中心"))
        self.handed_over_to = QLineEdit()
        self.close_reason = QLineEdit()
        self.correction_reason = QLineEdit()
        self.correction_reason.setPlaceholderText(self.tr("why the path goes back (logged)"))
        self.form = QFormLayout()
        now_at = catalogue_label(catalogue.CARD_SELLER_STATUSES, self.current)
        self.form.addRow(self.tr("Now at"), plain_label(now_at))
        self.form.addRow(self.tr("Step *"), self.status)
        self.form.addRow(self.tr("On (its real day) *"), self.on)
        self.form.addRow(self.tr("Reported to *"), self.restricted_to)
        self.form.addRow(self.tr("Handed to"), self.handed_over_to)
        self.form.addRow(self.tr("Reason for closing *"), self.close_reason)
        self.form.addRow(self.tr("Reason for the correction *"), self.correction_reason)
        self.fields: dict[str, QWidget] = {
            "status": self.status, "on": self.on, "restricted_to": self.restricted_to,
            "close_reason": self.close_reason, "correction_reason": self.correction_reason,
        }  # fmt: skip
        finish_form(self, self.form, self.error, on_accept=self.save)
        self.status.currentIndexChanged.connect(self._show_rows)
        self._show_rows()

    def _show_rows(self) -> None:
        """Only the rows the chosen step asks for."""
        status = self.status.currentData()
        self.form.setRowVisible(self.on, status != "to_verify")
        self.form.setRowVisible(self.restricted_to, status == "restricted")
        self.form.setRowVisible(self.handed_over_to, status == "handed_over")
        self.form.setRowVisible(self.close_reason, status == "closed")
        self.form.setRowVisible(self.correction_reason, _rank(status) <= _rank(self.current))

    def save(self) -> bool:
        status = self.status.currentData()
        try:
            card_seller_store.record_step(
                self.database, self.card_seller_id, status, _day(self.on),
                correction_reason=self.correction_reason.text(),
                restricted_to=self.restricted_to.text(),
                handed_over_to=self.handed_over_to.text(),
                close_reason=self.close_reason.text(),
            )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class InterviewDialog(GatewayDialog):
    """Log an interview (or an attempt at one) of ``card_seller_id`` — or, given
    ``interview_id``, correct a logged one: its time, result and notes."""

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        card_seller_id: str | None = None,
        interview_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        if (card_seller_id is None) == (interview_id is None):
            raise ValueError("an interview dialog is for a card seller or an interview")
        self.database = database
        self.card_seller_id = card_seller_id
        self.interview_id = interview_id
        self.saved_id: str | None = None
        interview = (
            card_seller_store.get_interview(database, interview_id) if interview_id else None
        )
        self.setWindowTitle(
            self.tr("Correct the interview") if interview else self.tr("Record an interview")
        )
        self.setMinimumWidth(440)
        self.method = _vocabulary(QComboBox(), catalogue.INTERVIEW_METHODS)
        self.result = _vocabulary(QComboBox(), catalogue.INTERVIEW_RESULTS)
        self.at = QDateTimeEdit(station_qdatetime(interview.at if interview else clock.now()))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        self.notes = QPlainTextEdit(interview.notes if interview else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form = QFormLayout()
        if interview is None:
            form.addRow(self.tr("Way *"), self.method)
            form.addRow(self.tr("Officer"), self.officer)
        else:
            way = catalogue_label(catalogue.INTERVIEW_METHODS, interview.method)
            form.addRow(self.tr("Way"), plain_label(way))
            self.result.setCurrentIndex(max(self.result.findData(interview.result), 0))
        form.addRow(self.tr("When *"), self.at)
        form.addRow(self.tr("Result *"), self.result)
        form.addRow(self.tr("Notes"), self.notes)
        self.fields: dict[str, QWidget] = {
            "method": self.method, "result": self.result, "at": self.at,
            "officer_id": self.officer,
        }  # fmt: skip
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        at = from_station_qdatetime(self.at.dateTime())
        try:
            if self.interview_id is not None:
                card_seller_store.update_interview(
                    self.database, self.interview_id, at=at, result=self.result.currentData(),
                    notes=self.notes.toPlainText(),
                )  # fmt: skip
                self.saved_id = self.interview_id
            else:
                self.saved_id = card_seller_store.record_interview(
                    self.database, self.card_seller_id, method=self.method.currentData(),
                    result=self.result.currentData(), at=at,
                    officer_id=self.officer.currentData(), notes=self.notes.toPlainText(),
                )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True
