"""The dialogs of a fraud-free community: a step of its creation status, an evidence entry
(with its photo), its number of households, the review that keeps a plaque, and the station's
criteria. Each calls one gateway function; what the gateway refuses (达标 with the unmet
criteria named, a threshold out of range) is shown in the dialog's error line, its field given
the focus, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core import catalogue
from desktop.core.errors import OutreachError
from desktop.db.database import Database
from desktop.domain import community_visits as visit_store
from desktop.domain import fraud_free as fraud_free_store
from desktop.domain import officers as officer_store
from desktop.ui.labels import catalogue_label, ui_is_chinese
from desktop.ui.messages import render_error
from desktop.ui.returns.dialogs import GatewayDialog, catalogue_choice, day_field, day_value
from desktop.ui.warnings.intake import officer_choice
from desktop.ui.widgets import error_label, finish_form, plain_label, show_problem


def criterion_name(criterion: fraud_free_store.Criterion) -> str:
    """A criterion's name in the UI's language."""
    return criterion.name_zh if ui_is_chinese() else criterion.name_en


def notes_field(text: str = "") -> QPlainTextEdit:
    field = QPlainTextEdit(text)
    field.setTabChangesFocus(True)
    field.setMaximumHeight(70)
    return field


class StatusStepDialog(GatewayDialog):
    """Move a community along its creation path on the step's real day: 已授牌 asks by whom,
    摘牌 why, a move that is not the next step the correction's reason. 达标 is refused while a
    criterion is unmet, the gateway naming them."""

    def __init__(
        self, database: Database, area_id: str, parent: QWidget | None = None, *,
        status: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.database = database
        self.area_id = area_id
        self.current, _step = fraud_free_store.current_status(database, area_id)
        self.setWindowTitle(self.tr("Record a status step"))
        self.setMinimumWidth(460)
        following = fraud_free_store.FORWARD.get(self.current, ("creating",))[0]
        self.status = catalogue_choice(catalogue.FRAUD_FREE_STATUSES, status or following)
        self.on = day_field()
        self.awarded_by = QLineEdit()
        self.awarded_by.setPlaceholderText(self.tr("e.g. 县综治中心、县公安局"))
        self.reason = notes_field()
        self.correction = QLineEdit()
        self.correction.setPlaceholderText(self.tr("only when this is not the next step"))
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        self.form = form = QFormLayout()
        form.addRow(
            self.tr("Now at"),
            plain_label(catalogue_label(catalogue.FRAUD_FREE_STATUSES, self.current)),
        )
        form.addRow(self.tr("Step"), self.status)
        form.addRow(self.tr("On"), self.on)
        form.addRow(self.tr("Awarded by"), self.awarded_by)
        form.addRow(self.tr("Why withdrawn"), self.reason)
        form.addRow(self.tr("Correction reason"), self.correction)
        form.addRow(self.tr("Officer"), self.officer)
        self.fields = {
            "status": self.status, "on": self.on, "awarded_by": self.awarded_by,
            "reason": self.reason, "correction_reason": self.correction,
            "officer_id": self.officer,
        }  # fmt: skip
        finish_form(self, form, self.error, on_accept=self.save)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        status = self.status.currentData()
        forward = status in fraud_free_store.FORWARD.get(self.current, ())
        self.form.setRowVisible(self.awarded_by, status == "awarded")
        self.form.setRowVisible(self.reason, status == "withdrawn" and forward)
        self.form.setRowVisible(self.correction, not forward)

    def save(self) -> bool:
        status = self.status.currentData()
        try:
            fraud_free_store.record_status(
                self.database, self.area_id, status, day_value(self.on),
                awarded_by=self.awarded_by.text(), reason=self.reason.toPlainText(),
                correction_reason=self.correction.text(),
                officer_id=self.officer.currentData(),
            )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class KeepPlaqueDialog(GatewayDialog):
    """A flagged community reviewed, its plaque kept: what the review found clears the flag."""

    def __init__(self, database: Database, area_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.area_id = area_id
        self.setWindowTitle(self.tr("Keep the plaque after a review"))
        self.setMinimumWidth(440)
        self.on = day_field()
        self.note = notes_field()
        self.note.setPlaceholderText(
            self.tr("e.g. 经核查，该案受害人户籍已迁出，不影响本社区创建成果。")
        )
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        form = QFormLayout()
        form.addRow(self.tr("Reviewed on"), self.on)
        form.addRow(self.tr("What the review found"), self.note)
        form.addRow(self.tr("Officer"), self.officer)
        self.fields = {"on": self.on, "reason": self.note, "officer_id": self.officer}
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        try:
            fraud_free_store.keep_plaque(
                self.database, self.area_id, self.note.toPlainText(), day_value(self.on),
                officer_id=self.officer.currentData(),
            )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class EvidenceDialog(GatewayDialog):
    """A yes/no for a criterion the program cannot compute, its note and an optional photo
    (attached to the entry; a file that is not a photo leaves nothing written)."""

    def __init__(
        self, database: Database, area_id: str, parent: QWidget | None = None, *,
        criterion: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.database = database
        self.area_id = area_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Add evidence"))
        self.setMinimumWidth(480)
        self.criterion = QComboBox()
        for item in fraud_free_store.criteria(database, enabled_only=True):
            if item.kind == "evidence":
                self.criterion.addItem(criterion_name(item), item.key)
        self.criterion.setCurrentIndex(max(self.criterion.findData(criterion), 0))
        self.met = QComboBox()
        self.met.addItem(self.tr("Yes, met"), True)
        self.met.addItem(self.tr("No, not met"), False)
        self.noted_on = day_field()
        self.note = notes_field()
        self.note.setPlaceholderText(self.tr("e.g. 宣传栏设在村委会门口，2026年11月更新"))
        self.photo = QLineEdit()
        self.photo.setReadOnly(True)
        self.photo.setPlaceholderText(self.tr("(no photo)"))
        self.choose_photo = QPushButton(self.tr("Choose photo…"))
        photo_row = QHBoxLayout()
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_row.addWidget(self.photo, 1)
        photo_row.addWidget(self.choose_photo)
        photo_box = QWidget()
        photo_box.setLayout(photo_row)
        self.officer = QComboBox()
        officer_choice(database, self.officer, officer_store.current_officer(database))
        form = QFormLayout()
        form.addRow(self.tr("Criterion"), self.criterion)
        form.addRow(self.tr("Met?"), self.met)
        form.addRow(self.tr("Noted on"), self.noted_on)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Photo"), photo_box)
        form.addRow(self.tr("Officer"), self.officer)
        self.fields = {
            "criterion": self.criterion, "noted_on": self.noted_on, "photo": self.choose_photo,
            "officer_id": self.officer,
        }  # fmt: skip
        finish_form(self, form, self.error, on_accept=self.save)
        self.choose_photo.clicked.connect(self._choose_photo)

    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose photo"),
            "",
            self.tr("Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)"),
        )
        if name:
            self.photo.setText(name)

    def save(self) -> bool:
        try:
            self.saved_id = fraud_free_store.add_evidence(
                self.database, self.area_id, self.criterion.currentData() or "",
                bool(self.met.currentData()), noted_on=day_value(self.noted_on),
                note=self.note.toPlainText(), officer_id=self.officer.currentData(),
                photo=Path(self.photo.text()) if self.photo.text() else None,
            )  # fmt: skip
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class HouseholdsDialog(GatewayDialog):
    """A community's number of households (empty: not known, so coverage is not either)."""

    def __init__(
        self, database: Database, area_id: str, households: int | None, parent=None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.area_id = area_id
        self.setWindowTitle(self.tr("Number of households"))
        self.households = QLineEdit("" if households is None else str(households))
        self.households.setPlaceholderText(self.tr("e.g. 320; empty when not known"))
        form = QFormLayout()
        form.addRow(self.tr("Households"), self.households)
        self.fields = {"households": self.households}
        finish_form(self, form, self.error, on_accept=self.save)

    def save(self) -> bool:
        try:
            visit_store.set_households(self.database, self.area_id, self.households.text())
        except OutreachError as exc:
            return self.refused(exc)
        self.accept()
        return True


class CriteriaDialog(QDialog):
    """The station's criteria: the list on the left, the one chosen on the right with its
    kind, what it measures, its threshold and period, whether it is used, and its written
    definition. Until the station saves one, the list is the shipped example, and says so."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.changed = False
        self.setWindowTitle(self.tr("Criteria of fraud-free communities"))
        self.setMinimumSize(860, 560)
        self.example_note = QLabel()
        self.example_note.setWordWrap(True)
        self.example_note.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.items = QListWidget()
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.key = QLineEdit()
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.kind = catalogue_choice(catalogue.CRITERION_KINDS, "computed")
        self.measure = catalogue_choice(
            catalogue.CRITERION_MEASURES, None, none=self.tr("(entered with evidence)")
        )
        self.threshold = QLineEdit()
        self.threshold.setPlaceholderText(self.tr("percent, 0 to 100"))
        self.period = catalogue_choice(catalogue.CRITERION_PERIODS, "year")
        self.enabled = QCheckBox(self.tr("Used on the board"))
        self.definition = QPlainTextEdit()
        self.definition.setTabChangesFocus(True)
        self.error = error_label()
        self.new_button = QPushButton(self.tr("New criterion"))
        self.save_button = QPushButton(self.tr("Save criterion"))
        self.form = form = QFormLayout()
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Name (Chinese)"), self.name_zh)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Judged"), self.kind)
        form.addRow(self.tr("Measures"), self.measure)
        form.addRow(self.tr("Threshold (%)"), self.threshold)
        form.addRow(self.tr("Period"), self.period)
        form.addRow("", self.enabled)
        form.addRow(self.tr("Definition"), self.definition)
        self.fields = {
            "key": self.key, "name_zh": self.name_zh, "name_en": self.name_en,
            "kind": self.kind, "measure": self.measure, "threshold": self.threshold,
            "period": self.period, "definition": self.definition,
        }  # fmt: skip
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form, 1)
        editor_layout.addWidget(self.error)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.new_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.save_button)
        editor_layout.addLayout(buttons_row)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.items)
        splitter.addWidget(editor)
        splitter.setSizes([300, 560])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.example_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        close.accepted.connect(self.accept)
        self.items.currentRowChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.new_criterion)
        self.save_button.clicked.connect(self.save)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_list()

    def show_list(self, key: str | None = None) -> None:
        example = fraud_free_store.criteria_are_example(self.database)
        self.example_note.setText(
            self.tr(
                "EXAMPLE: these are the criteria shipped with the program, an example only — no "
                "national standard is claimed. Change them to the station's own list; the first "
                "change keeps the whole example as the station's list."
            )
            if example
            else self.tr("The station's own criteria.")
        )
        self.criteria = fraud_free_store.criteria(self.database)
        self.items.blockSignals(True)
        self.items.clear()
        for item in self.criteria:
            entry = QListWidgetItem(
                criterion_name(item) + ("" if item.enabled else self.tr(" (not used)"))
            )
            self.items.addItem(entry)
        self.items.blockSignals(False)
        keys = [item.key for item in self.criteria]
        self.items.setCurrentRow(keys.index(key) if key in keys else 0)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.criteria):
            return
        item = self.criteria[row]
        self.error.hide()
        self.key.setText(item.key)
        self.key.setReadOnly(True)  # the key is how evidence entries name the criterion
        self.name_zh.setText(item.name_zh)
        self.name_en.setText(item.name_en)
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind), 0))
        self.measure.setCurrentIndex(max(self.measure.findData(item.measure), 0))
        self.threshold.setText("" if item.threshold is None else f"{item.threshold:g}")
        self.period.setCurrentIndex(max(self.period.findData(item.period), 0))
        self.enabled.setChecked(item.enabled)
        self.definition.setPlainText(item.definition)
        self.position = item.position
        self._kind_changed()

    def _kind_changed(self) -> None:
        computed = self.kind.currentData() == "computed"
        self.measure.setEnabled(computed)
        self.threshold.setEnabled(computed)
        if not computed:
            self.measure.setCurrentIndex(0)

    def new_criterion(self) -> None:
        self.items.clearSelection()
        self.position = 0
        for field in (self.key, self.name_zh, self.name_en, self.threshold):
            field.clear()
        self.key.setReadOnly(False)
        self.kind.setCurrentIndex(max(self.kind.findData("evidence"), 0))
        self.period.setCurrentIndex(max(self.period.findData("year"), 0))
        self.enabled.setChecked(True)
        self.definition.clear()
        self.error.hide()
        self.key.setFocus()

    def save(self) -> bool:
        values = {
            "key": self.key.text(), "name_zh": self.name_zh.text(),
            "name_en": self.name_en.text(), "kind": self.kind.currentData(),
            "measure": self.measure.currentData(), "threshold": self.threshold.text(),
            "period": self.period.currentData(), "definition": self.definition.toPlainText(),
            "enabled": self.enabled.isChecked(), "position": self.position,
        }  # fmt: skip
        try:
            key = fraud_free_store.save_criterion(self.database, values)
        except OutreachError as exc:
            field = self.fields.get(getattr(exc, "field", ""))
            if field is None:
                return show_problem(self.error, exc)
            field.setFocus()
            # The field's name first: a refused threshold or key says which box is wrong.
            label = self.form.labelForField(field)
            name = label.text() if isinstance(label, QLabel) else ""
            self.error.setText(f"{name}: {render_error(exc)}" if name else render_error(exc))
            self.error.show()
            return False
        self.error.hide()
        self.changed = True
        self.show_list(key)
        return True
