"""The talk form, the clash warning, and the after-the-talk record."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSize, QTime
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue, clock
from desktop.core.entities import Talk
from desktop.core.errors import OutreachError
from desktop.core.formats import format_time
from desktop.core.rules import Clash
from desktop.db.database import Database
from desktop.domain import attachments
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store
from desktop.domain import talks as talk_store
from desktop.ui.labels import (
    catalogue_label,
    clause_separator,
    escaped,
    list_separator,
    shown_date,
    shown_datetime,
)
from desktop.ui.messages import render_error
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.widgets import (
    AreaPicker,
    error_label,
    finish_form,
    plain_label,
    set_stored_count,
    show_problem,
)

ID_ROLE = USER_ROLE


class CheckGrid(QWidget):
    """Checkboxes for a catalogue, several columns."""

    def __init__(self, entries: dict[str, catalogue.Entry], columns: int, parent=None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, code in enumerate(entries):
            box = QCheckBox(catalogue_label(entries, code))
            self.boxes[code] = box
            grid.addWidget(box, index // columns, index % columns)

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class TalkDialog(QDialog):
    """New or edit a talk. ``check_clashes`` warns of overlaps before saving (never refuses)."""

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        talk: Talk | None = None,
        day: date | None = None,
        check_clashes: bool = True,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.check_clashes = check_clashes
        self.original = talk
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit talk") if talk and talk.id else self.tr("New talk"))
        self.setMinimumWidth(720)

        # The fields hold the station's wall clock, whatever zone this laptop is set to.
        start = (
            clock.station_time(talk.starts_at)
            if talk
            else clock.at(day or clock.today(), time(9, 0))
        )
        end = clock.station_time(talk.ends_at) if talk else start + timedelta(hours=1, minutes=30)
        self.title = QLineEdit(talk.title if talk else "")
        self.title.setPlaceholderText(self.tr("e.g. 反诈宣传进社区——新建社区"))
        self.day = QDateEdit(QDate(start.year, start.month, start.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.end = QTimeEdit(QTime(end.hour, end.minute))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.venue = QLineEdit(talk.venue if talk else "")
        self.venue_kind = QComboBox()
        for code in catalogue.VENUE_KINDS:
            self.venue_kind.addItem(catalogue_label(catalogue.VENUE_KINDS, code), code)
        self.area = AreaPicker(database)
        self.audience = CheckGrid(catalogue.AUDIENCES, 4)
        self.topics = CheckGrid(catalogue.FRAUD_TYPES, 3)
        self.organiser = QComboBox()
        self.organiser.addItem(self.tr("(none)"), None)
        self.officers = QListWidget()
        self.officers.setMaximumHeight(90)
        for officer in officer_store.list_officers(database):
            text = f"{officer.name} · {officer.unit}" if officer.unit else officer.name
            self.organiser.addItem(text, officer.id)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, officer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officers.addItem(item)
        self.co_organisers = QLineEdit(talk.co_organisers if talk else "")
        self.co_organisers.setPlaceholderText(self.tr("other bodies, e.g. 社区居委会、农业银行"))
        self.partner = QComboBox()
        self.partner.addItem(self.tr("(none)"), None)
        for partner in partner_store.list_partners(database):
            self.partner.addItem(partner.name, partner.id)
        self.expected = QLineEdit(
            str(talk.expected_headcount) if talk and talk.expected_headcount is not None else ""
        )
        self.expected.setPlaceholderText(self.tr("number of people"))
        self.status = QComboBox()
        for code in catalogue.TALK_STATUSES:
            self.status.addItem(catalogue_label(catalogue.TALK_STATUSES, code), code)
        self.notes = QPlainTextEdit(talk.notes if talk else "")
        self.notes.setTabChangesFocus(True)  # Tab goes on to Save, as in every other field
        self.notes.setMaximumHeight(70)
        self.error = error_label()

        if talk:
            self.venue_kind.setCurrentIndex(max(self.venue_kind.findData(talk.venue_kind), 0))
            self.area.set_area_id(talk.area_id)
            self.audience.set_codes(talk.audience)
            self.topics.set_codes(talk.topics)
            self.organiser.setCurrentIndex(max(self.organiser.findData(talk.organiser_id), 0))
            for row in range(self.officers.count()):
                item = self.officers.item(row)
                if item.data(ID_ROLE) in talk.officer_ids:
                    item.setCheckState(Qt.CheckState.Checked)
            self.partner.setCurrentIndex(max(self.partner.findData(talk.partner_id), 0))
            self.status.setCurrentIndex(max(self.status.findData(talk.status), 0))

        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.start)
        when.addWidget(QLabel("—"))
        when.addWidget(self.end)
        when.addStretch(1)
        form = QFormLayout()
        self.fields = {
            "title": self.title,
            "ends_at": self.end,
            "venue_kind": self.venue_kind,
            "area": self.area,
            "audience": self.audience,
            "topics": self.topics,
            "organiser": self.organiser,
            "officers": self.officers,
            "expected_headcount": self.expected,
            "status": self.status,
        }
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("When"), when)
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Kind of venue"), self.venue_kind)
        form.addRow(self.tr("Community"), self.area)
        form.addRow(self.tr("Audience"), self.audience)
        form.addRow(self.tr("Fraud topics"), self.topics)
        form.addRow(self.tr("Organising officer"), self.organiser)
        form.addRow(self.tr("Co-organising officers"), self.officers)
        form.addRow(self.tr("Other organisers"), self.co_organisers)
        form.addRow(self.tr("Partner"), self.partner)
        form.addRow(self.tr("Expected headcount"), self.expected)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        finish_form(
            self,
            form,
            self.error,
            on_accept=self.save,
            buttons=QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
        )
        self.last_clashes: list[Clash] = []

    def talk(self) -> Talk:
        """The talk as the form describes it (not yet validated)."""
        day = self.day.date().toPython()
        base = self.original
        return Talk(
            id=base.id if base else None,
            title=self.title.text(),
            starts_at=clock.at(day, self.start.time().toPython()),
            ends_at=clock.at(day, self.end.time().toPython()),
            venue=self.venue.text(),
            venue_kind=self.venue_kind.currentData(),
            area_id=self.area.area_id(),
            audience=self.audience.codes(),
            topics=self.topics.codes(),
            organiser_id=self.organiser.currentData(),
            officer_ids=[
                self.officers.item(row).data(ID_ROLE)
                for row in range(self.officers.count())
                if self.officers.item(row).checkState() == Qt.CheckState.Checked
            ],
            co_organisers=self.co_organisers.text(),
            partner_id=self.partner.currentData(),
            expected_headcount=self.expected.text().strip() or None,
            actual_headcount=base.actual_headcount if base else None,
            handouts_given=dict(base.handouts_given) if base else {},
            status=self.status.currentData(),
            notes=self.notes.toPlainText(),
        )

    def show_error(self, exc: OutreachError) -> None:
        show_problem(self.error, exc)
        widget = self.fields.get(getattr(exc, "field", ""))
        if widget is not None:
            widget.setFocus()

    def save(self, *, confirm_clashes=None) -> bool:
        """Validate, warn of clashes, save. ``confirm_clashes(clashes) -> bool`` for tests."""
        talk = self.talk()
        try:
            talk.area_id = self.area.checked_area_id()
            talk_store.validate_talk(self.database, talk)
            self.last_clashes = (
                talk_store.clashes_for(self.database, talk) if self.check_clashes else []
            )
            if self.last_clashes:
                ask = confirm_clashes or self._ask_about_clashes
                if not ask(self.last_clashes):
                    return False
            self.saved_id = talk_store.save_talk(self.database, talk)
        except OutreachError as exc:
            self.show_error(exc)
            return False
        self.accept()
        return True

    def _ask_about_clashes(self, clashes: list[Clash]) -> bool:
        dialog = ClashDialog(clashes, self._officer_names(), self)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _officer_names(self) -> dict[str, str]:
        return {
            self.organiser.itemData(index): self.organiser.itemText(index).split(" · ")[0]
            for index in range(1, self.organiser.count())
        }


def describe_clash(clash: Clash, officer_names: dict[str, str]) -> str:
    other = clash.other
    reasons = []
    if clash.shared_officer_ids:
        known = {**officer_names}
        if other.organiser_id and other.organiser_name:
            known[other.organiser_id] = other.organiser_name
        unknown = QCoreApplication.translate("ClashDialog", "an officer")
        names = list_separator().join(
            sorted(known.get(o, unknown) for o in clash.shared_officer_ids)
        )
        reasons.append(
            QCoreApplication.translate("ClashDialog", "same officer: {names}").format(names=names)
        )
    if clash.same_venue:
        reasons.append(
            QCoreApplication.translate("ClashDialog", "same venue: {venue}").format(
                venue=other.venue
            )
        )
    return QCoreApplication.translate(
        "ClashDialog", "{day} {start}–{end} «{title}» — {reasons}"
    ).format(
        day=shown_date(other.starts_at),
        start=format_time(other.starts_at),
        end=format_time(other.ends_at),
        title=other.title,
        reasons=clause_separator().join(reasons),
    )


class ClashDialog(QDialog):
    """Lists the clashing talks; the officer saves anyway or goes back to change the talk."""

    def __init__(self, clashes: list[Clash], officer_names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This talk clashes with others"))
        intro = QLabel(
            self.tr(
                "At the same time there are other talks with the same officer or at the same "
                "venue. Save anyway, or go back and change the time, venue or officers?"
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for clash in clashes:
            self.list.addItem(describe_clash(clash, officer_names))
        buttons = QDialogButtonBox()
        self.save_anyway = buttons.addButton(
            self.tr("Save anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go_back = buttons.addButton(
            self.tr("Go back and change"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 280)


class OutcomeDialog(QDialog):
    """After the talk: how many came, how many handouts of each kind went out, notes."""

    def __init__(self, database: Database, talk: Talk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.talk = talk
        self.setWindowTitle(self.tr("Record the talk's outcome"))
        self.headcount = QLineEdit(
            str(talk.actual_headcount) if talk.actual_headcount is not None else ""
        )
        self.headcount.setPlaceholderText(self.tr("people who attended"))
        self.large_hint = QLabel(self.tr("1,000 or more attendees count as a large talk."))
        self.handouts: dict[str, QSpinBox] = {}
        kinds = list(dict.fromkeys(talk.topics + list(talk.handouts_given))) or ["other"]
        handout_form = QFormLayout()
        for kind in kinds:
            spin = QSpinBox()
            spin.setRange(0, talk_store.MAX_HEADCOUNT)
            set_stored_count(spin, talk.handouts_given.get(kind, 0))
            spin.setSuffix(self.tr(" copies"))
            self.handouts[kind] = spin
            handout_form.addRow(plain_label(catalogue_label(catalogue.FRAUD_TYPES, kind)), spin)
        self.notes = QPlainTextEdit(talk.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(96, 96))
        self.photos.setMaximumHeight(140)
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.add_signin_photos = QPushButton(self.tr("Add sign-in sheet photos…"))
        self.add_talk_photos = QPushButton(self.tr("Add talk photos…"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Attendance"), self.headcount)
        form.addRow("", self.large_hint)
        form.addRow(self.tr("Handouts given"), QLabel(""))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Mark done"))
        layout = QVBoxLayout(self)
        title = QLabel(
            f"<b>{escaped(talk.title)}</b><br>{escaped(shown_datetime(talk.starts_at))} "
            f"{escaped(talk.venue)}"
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(handout_form)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(QLabel(self.tr("Photos")))
        photo_buttons.addStretch(1)
        photo_buttons.addWidget(self.add_signin_photos)
        photo_buttons.addWidget(self.add_talk_photos)
        layout.addLayout(photo_buttons)
        layout.addWidget(self.photos)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.add_signin_photos.clicked.connect(lambda: self.choose_photos("signin_photo"))
        self.add_talk_photos.clicked.connect(lambda: self.choose_photos("photo"))
        self.show_photos()

    def choose_photos(self, kind: str) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos"),
            "",
            self.tr("Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)"),
        )
        self.add_photos([Path(name) for name in names], kind)

    def add_photos(self, paths: list[Path], kind: str) -> int:
        """Copy each picture in (one record each); a file that is not a picture is reported
        and the others are still added. Returns how many were added."""
        added, problems = 0, []
        for path in paths:
            try:
                attachments.add_attachment(self.database, "talks", self.talk.id, path, kind=kind)
                added += 1
            except OutreachError as exc:
                problems.append(render_error(exc))
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        self.show_photos()
        return added

    def show_photos(self) -> None:
        self.photos.clear()
        for record in attachments.list_attachments(self.database, "talks", self.talk.id):
            try:
                path = attachments.absolute_path(self.database, record)
            except OutreachError:
                continue  # a path that leads out of the attachments folder is never read
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                size.scale(96, 96, Qt.AspectRatioMode.KeepAspectRatio)
                reader.setScaledSize(size)
            image = reader.read()
            label = (
                self.tr("Sign-in sheet") if record["kind"] == "signin_photo" else self.tr("Talk")
            )
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), label)
            item.setToolTip(record["sha256"][:16])
            self.photos.addItem(item)

    def save(self) -> bool:
        try:
            talk_store.record_outcome(
                self.database,
                self.talk.id,
                actual_headcount=self.headcount.text().strip(),
                handouts_given={k: s.value() for k, s in self.handouts.items() if s.value()},
                notes=self.notes.toPlainText(),
            )
        except OutreachError as exc:
            show_problem(self.error, exc)
            self.headcount.setFocus()
            return False
        self.accept()
        return True
