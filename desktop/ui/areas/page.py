"""辖区与人员: the jurisdiction tree, officers and partner organisations."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.catalogue import AREA_LEVELS, OFFICER_ROLES, PARTNER_KINDS
from desktop.core.entities import Officer, Partner
from desktop.core.errors import ValidationError
from desktop.core.privacy import mask_address, mask_mobile, mask_name
from desktop.db import audit
from desktop.db.database import Database
from desktop.db.records import get_record, restore_record, retire_record
from desktop.domain import areas as area_store
from desktop.domain import officers as officer_store
from desktop.domain import partners as partner_store
from desktop.ui import labels
from desktop.ui.messages import ask, interactive, show_error
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.tasks import Task, TaskRunner, on_worker
from desktop.ui.widgets import FillWhenShown, Retranslating

_RETIRED = QColor("#888888")
ID_ROLE = USER_ROLE


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    if not interactive():
        return True
    return ask(parent, title, text)


def _mark_retired(item: QTreeWidgetItem, columns: int) -> None:
    for column in range(columns):
        font = QFont(item.font(column))
        font.setItalic(True)
        item.setFont(column, font)
        item.setForeground(column, QBrush(_RETIRED))


_MASKED = {"phone": mask_mobile, "contact_name": mask_name, "address": mask_address}


def _open_import(tab, kind: str):
    from desktop.ui.import_dialog import open_import  # loaded when first needed

    return open_import(tab, tab.database.path, tab.runner, kind, tab.after_change)


def _summarise(db_path, area_id: str):
    def work(database, progress):
        return area_id, area_store.area_summary(database, area_id)

    return on_worker(db_path, work)


class AreaTreeTab(FillWhenShown, Retranslating, QWidget):
    """The county > township > community tree with a panel about the chosen area."""

    changed = Signal()
    open_demo_requested = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self._details_area: dict | None = None
        self._summary: area_store.AreaSummary | None = None
        self.summary_task: Task | None = None

        self.empty_panel = QFrame()
        self.empty_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_import = QPushButton()
        self.empty_add = QPushButton()
        self.empty_demo = QPushButton()
        empty_buttons = QHBoxLayout()
        for button in (self.empty_import, self.empty_add, self.empty_demo):
            empty_buttons.addWidget(button)
        empty_buttons.addStretch(1)
        empty_layout = QVBoxLayout(self.empty_panel)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addLayout(empty_buttons)

        self.add_county = QPushButton()
        self.add_child = QPushButton()
        self.edit = QPushButton()
        self.retire = QPushButton()
        self.restore = QPushButton()
        self.import_button = QPushButton()
        self.show_retired = QCheckBox()
        toolbar = QHBoxLayout()
        for button in (self.add_county, self.add_child, self.edit, self.retire, self.restore):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.show_retired)
        toolbar.addWidget(self.import_button)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)  # built by _render_details
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumWidth(260)
        self.details.setContentsMargins(12, 8, 12, 8)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_panel)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

        self.add_county.clicked.connect(self.new_county)
        self.add_child.clicked.connect(self.new_child)
        self.edit.clicked.connect(self.edit_selected)
        self.tree.itemDoubleClicked.connect(self.edit_selected)
        self.retire.clicked.connect(self.retire_selected)
        self.restore.clicked.connect(self.restore_selected)
        self.import_button.clicked.connect(self.import_list)
        self.empty_import.clicked.connect(self.import_list)
        self.empty_add.clicked.connect(self.new_county)
        self.empty_demo.clicked.connect(self.open_demo_requested)
        self.show_retired.toggled.connect(self.reload)
        self.tree.currentItemChanged.connect(self._show_details)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty_text.setText(
            self.tr(
                "No jurisdiction yet. Import the list of counties, townships and communities "
                "you are responsible for, add them one by one, or open the demo database to "
                "look around first."
            )
        )
        self.empty_import.setText(self.tr("Import jurisdiction list…"))
        self.empty_add.setText(self.tr("Add a county"))
        self.empty_demo.setText(self.tr("Open demo database"))
        self.add_county.setText(self.tr("Add county"))
        self.add_child.setText(self.tr("Add below"))
        self.edit.setText(self.tr("Edit"))
        self.retire.setText(self.tr("Retire"))
        self.restore.setText(self.tr("Restore"))
        self.import_button.setText(self.tr("Import…"))
        self.show_retired.setText(self.tr("Show retired"))
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Level"), self.tr("Code")])
        self.reload()

    # -- data ----------------------------------------------------------------------------------
    def set_database(self, database: Database) -> None:
        self.database = database
        self.reload()

    def _fill(self) -> None:
        selected = self.selected_id()
        nodes = area_store.list_areas(self.database, include_retired=self.show_retired.isChecked())
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for node in nodes:
            text = node.name
            if node.retired:
                text = self.tr("{name} (retired)").format(name=node.name)
            item = QTreeWidgetItem(
                [text, labels.catalogue_label(AREA_LEVELS, node.level), node.code]
            )
            item.setData(0, ID_ROLE, node.id)
            if node.retired:
                _mark_retired(item, 3)
            parent = items.get(node.parent_id) if node.parent_id else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[node.id] = item
        if len(nodes) <= 400:
            self.tree.expandAll()
        else:  # a whole city: show counties and townships, communities on demand
            self.tree.expandToDepth(0)
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, max(self.tree.columnWidth(1), 140))
        if selected in items:
            self.tree.setCurrentItem(items[selected])
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.empty_panel.setVisible(not nodes)
        self._show_details()

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select(self, area_id: str) -> None:
        for item in self._all_items():
            if item.data(0, ID_ROLE) == area_id:
                self.tree.setCurrentItem(item)
                return

    def _all_items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _show_details(self, *_args) -> None:
        area_id = self.selected_id()
        area = get_record(self.database, "areas", area_id) if area_id else None
        self.add_child.setEnabled(
            bool(area and area["level"] != "community" and not area["deleted_at"])
        )
        self.edit.setEnabled(bool(area and not area["deleted_at"]))
        self.retire.setEnabled(bool(area and not area["deleted_at"]))
        self.restore.setEnabled(bool(area and area["deleted_at"]))
        self._details_area = area
        self._summary = None
        if self.summary_task is not None:
            # An earlier request for the same area may answer late, with figures from before
            # an edit: only the latest request fills the panel.
            self.summary_task.discard()
            self.summary_task = None
        self._render_details()
        if area is not None and self.database.path is not None:
            # Counting a county's residents reads tens of thousands of index entries: the
            # worker does it and the panel fills in when the figures arrive.
            task = Task(_summarise(self.database.path, area["id"]), self)
            task.succeeded.connect(self._on_summary)
            self.summary_task = self.runner.start(task)

    def _on_summary(self, result: tuple[str, area_store.AreaSummary]) -> None:
        area_id, summary = result
        if self._details_area is not None and self._details_area["id"] == area_id:
            self._summary = summary
            self._render_details()

    def _render_details(self) -> None:
        area = self._details_area
        if area is None:
            self.details.setText("")
            return
        path = " / ".join(area_store.area_path(self.database, area["id"]))
        lines = [
            f"<h3>{labels.escaped(area['name'])}</h3>",
            f"<p>{labels.escaped(path)}</p>",
            "<table cellspacing='4'>",
            self._row(self.tr("Level"), labels.catalogue_label(AREA_LEVELS, area["level"])),
            self._row(self.tr("Code"), area["code"] or "—"),
        ]
        summary = self._summary
        figures = [
            (self.tr("Areas directly below"), summary.children if summary else None),
            (self.tr("Officers (incl. areas below)"), summary.officers if summary else None),
            (self.tr("Partners (incl. areas below)"), summary.partners if summary else None),
            (self.tr("Residents (incl. areas below)"), summary.residents if summary else None),
            (self.tr("Outreach talks (incl. areas below)"), summary.talks if summary else None),
        ]
        for name, value in figures:
            lines.append(self._row(name, "…" if value is None else f"{value:,}"))
        lines.append("</table>")
        if area["deleted_at"]:
            lines.append(
                "<p><i>"
                + self.tr("Retired on {date}").format(date=labels.shown_date(area["deleted_at"]))
                + "</i></p>"
            )
        self.details.setText("".join(lines))

    @staticmethod
    def _row(name: str, value) -> str:
        return f"<tr><td>{labels.escaped(name)}</td><td><b>{labels.escaped(value)}</b></td></tr>"

    # -- actions -------------------------------------------------------------------------------
    def _open_dialog(self, dialog) -> None:
        if dialog.exec():
            self.reload()
            self.select(dialog.saved_id)
            self.changed.emit()
        dialog.deleteLater()

    def new_county(self) -> None:
        from desktop.ui.areas.dialogs import AreaDialog  # forms load when first opened

        self._open_dialog(AreaDialog(self.database, self, level="county"))

    def new_child(self) -> None:
        area_id = self.selected_id()
        area = get_record(self.database, "areas", area_id) if area_id else None
        if area is None or area["level"] == "community":
            return
        level = "township" if area["level"] == "county" else "community"
        from desktop.ui.areas.dialogs import AreaDialog

        self._open_dialog(AreaDialog(self.database, self, level=level, parent_id=area_id))

    def edit_selected(self, *_args) -> None:
        area_id = self.selected_id()
        area = get_record(self.database, "areas", area_id) if area_id else None
        if area is not None and not area["deleted_at"]:
            from desktop.ui.areas.dialogs import AreaDialog

            self._open_dialog(AreaDialog(self.database, self, area=area))

    def retire_selected(self) -> None:
        area_id = self.selected_id()
        if not area_id:
            return
        name = get_record(self.database, "areas", area_id)["name"]
        if not _confirm(
            self,
            self.tr("Retire area"),
            self.tr(
                "Retire {name}? It leaves the lists, but its history stays and it can be restored."
            ).format(name=name),
        ):
            return
        try:
            area_store.retire_area(self.database, area_id)
        except ValidationError as exc:
            show_error(self, self.tr("Retire area"), exc)
            return
        self.after_change()

    def restore_selected(self) -> None:
        area_id = self.selected_id()
        if not area_id:
            return
        try:
            area_store.restore_area(self.database, area_id)
        except ValidationError as exc:
            show_error(self, self.tr("Restore area"), exc)
            return
        self.after_change()

    def import_list(self):
        return _open_import(self, "areas")


class RecordTableTab(FillWhenShown, Retranslating, QWidget):
    """A filterable table of officers or partners with add, edit, retire and restore."""

    changed = Signal()

    def __init__(self, database: Database, runner: TaskRunner, table: str, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.table_name = table
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.add = QPushButton()
        self.edit = QPushButton()
        self.retire = QPushButton()
        self.restore = QPushButton()
        self.import_button = QPushButton()
        self.import_button.setVisible(table == "officers")
        self.show_retired = QCheckBox()
        self.reveal = QCheckBox()
        self.count = QLabel()
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.filter, 1)
        for widget in (
            self.add,
            self.edit,
            self.retire,
            self.restore,
            self.show_retired,
            self.reveal,
        ):
            toolbar.addWidget(widget)
        toolbar.addWidget(self.import_button)
        self.view = QTableWidget()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

        self.filter.textChanged.connect(self._apply_filter)
        self.add.clicked.connect(self.new_record)
        self.edit.clicked.connect(self.edit_selected)
        self.view.doubleClicked.connect(self.edit_selected)
        self.retire.clicked.connect(self.retire_selected)
        self.restore.clicked.connect(self.restore_selected)
        self.import_button.clicked.connect(self.import_list)
        self.show_retired.toggled.connect(self.reload)
        self.reveal.toggled.connect(self._reveal_toggled)
        self.view.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by name, number, unit or area"))
        self.add.setText(self.tr("New"))
        self.edit.setText(self.tr("Edit"))
        self.retire.setText(self.tr("Retire"))
        self.restore.setText(self.tr("Restore"))
        self.import_button.setText(self.tr("Import…"))
        self.show_retired.setText(self.tr("Show retired"))
        self.reveal.setText(self.tr("Show full details"))
        self.reveal.setToolTip(
            self.tr("Phone numbers and contact people are masked; showing them is logged.")
        )
        self.reload()

    def _reveal_toggled(self, revealed: bool) -> None:
        if revealed:  # personal data shown in full only on request, and the request is logged
            with self.database.atomic():
                audit.record(self.database, "reveal", self.table_name, "", "list shown in full")
        self.reload()

    def _columns(self) -> list[tuple[str, str]]:
        if self.table_name == "officers":
            return [
                ("name", self.tr("Name")),
                ("badge_number", self.tr("Badge number")),
                ("role", self.tr("Role")),
                ("unit", self.tr("Unit")),
                ("area_name", self.tr("Area")),
                ("phone", self.tr("Phone")),
            ]
        return [
            ("name", self.tr("Name")),
            ("kind", self.tr("Kind")),
            ("area_name", self.tr("Area")),
            ("contact_name", self.tr("Contact person")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
        ]

    def _rows(self) -> list[Officer] | list[Partner]:
        retired = self.show_retired.isChecked()
        if self.table_name == "officers":
            return officer_store.list_officers(self.database, include_retired=retired)
        return partner_store.list_partners(self.database, include_retired=retired)

    def set_database(self, database: Database) -> None:
        self.database = database
        self.reload()

    def _fill(self) -> None:
        selected = self.selected_id()
        columns = self._columns()
        rows = self._rows()
        self.view.setSortingEnabled(False)
        self.view.clear()
        self.view.setColumnCount(len(columns))
        self.view.setHorizontalHeaderLabels([title for _key, title in columns])
        self.view.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            for column_index, (key, _title) in enumerate(columns):
                value = getattr(row, key) or ""
                if not self.reveal.isChecked() and key in _MASKED:
                    value = _MASKED[key](value)
                if key == "role":
                    value = labels.catalogue_label(OFFICER_ROLES, value)
                elif key == "kind":
                    value = labels.catalogue_label(PARTNER_KINDS, value)
                if column_index == 0 and row.retired:
                    value = self.tr("{name} (retired)").format(name=value)
                item = QTableWidgetItem(str(value))
                item.setData(ID_ROLE, row.id)
                if row.retired:
                    item.setForeground(QBrush(_RETIRED))
                self.view.setItem(row_index, column_index, item)
        self.view.setSortingEnabled(True)
        self.view.resizeColumnsToContents()
        if selected:
            self.select(selected)
        self._apply_filter()

    def _apply_filter(self) -> None:
        needle = self.filter.text().strip().lower()
        shown = 0
        for row in range(self.view.rowCount()):
            texts = (
                self.view.item(row, column).text().lower()
                for column in range(self.view.columnCount())
            )
            hide = bool(needle) and not any(needle in text for text in texts)
            self.view.setRowHidden(row, hide)
            shown += not hide
        self.count.setText(self.tr("%n record(s) shown", "", shown))
        self._update_buttons()

    def selected_id(self) -> str | None:
        items = self.view.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def select(self, record_id: str) -> None:
        for row in range(self.view.rowCount()):
            if self.view.item(row, 0).data(ID_ROLE) == record_id:
                self.view.selectRow(row)
                return

    def _selected_record(self) -> Officer | Partner | None:
        record_id = self.selected_id()
        if not record_id:
            return None
        if self.table_name == "officers":
            return officer_store.get_officer(self.database, record_id)
        return partner_store.get_partner(self.database, record_id)

    def _update_buttons(self) -> None:
        record = self._selected_record()
        self.edit.setEnabled(bool(record and not record.retired))
        self.retire.setEnabled(bool(record and not record.retired))
        self.restore.setEnabled(bool(record and record.retired))

    def _dialog(self, record: Officer | Partner | None):
        from desktop.ui.areas.dialogs import OfficerDialog, PartnerDialog

        if self.table_name == "officers":
            return OfficerDialog(self.database, self, officer=record)
        return PartnerDialog(self.database, self, partner=record)

    def _run_dialog(self, dialog) -> None:
        if dialog.exec():
            self.reload()
            self.select(dialog.saved_id)
            self.changed.emit()
        dialog.deleteLater()

    def new_record(self) -> None:
        self._run_dialog(self._dialog(None))

    def edit_selected(self, *_args) -> None:
        record = self._selected_record()
        if record is not None and not record.retired:
            self._run_dialog(self._dialog(record))

    def retire_selected(self) -> None:
        record = self._selected_record()
        if record is None:
            return
        if not _confirm(
            self,
            self.tr("Retire"),
            self.tr(
                "Retire {name}? It leaves the lists, but its history stays and it can be restored."
            ).format(name=record.name),
        ):
            return
        retire_record(self.database, self.table_name, record.id, summary=record.name)
        self.after_change()

    def restore_selected(self) -> None:
        record = self._selected_record()
        if record is None:
            return
        try:
            if self.table_name == "officers":
                officer_store.restore_officer(self.database, record.id)
            else:
                restore_record(self.database, self.table_name, record.id, summary=record.name)
        except ValidationError as exc:
            show_error(self, self.tr("Restore"), exc)
            return
        self.after_change()

    def import_list(self):
        return _open_import(self, "officers")


class AreasPage(Retranslating, QWidget):
    """The 辖区与人员 screen: three tabs over one database."""

    changed = Signal()
    open_demo_requested = Signal()

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tree_tab = AreaTreeTab(database, runner)
        self.officers_tab = RecordTableTab(database, runner, "officers")
        self.partners_tab = RecordTableTab(database, runner, "partners")
        self.tabs.addTab(self.tree_tab, "")
        self.tabs.addTab(self.officers_tab, "")
        self.tabs.addTab(self.partners_tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for tab in (self.tree_tab, self.officers_tab, self.partners_tab):
            tab.changed.connect(self._on_changed)
        self.tree_tab.open_demo_requested.connect(self.open_demo_requested)
        self.retranslate()

    def _on_changed(self) -> None:
        # An area renamed or retired shows in the officers' and partners' tables too.
        for tab in (self.tree_tab, self.officers_tab, self.partners_tab):
            if tab is not self.sender():
                tab.reload()
        self.changed.emit()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Jurisdiction"))
        self.tabs.setTabText(1, self.tr("Officers"))
        self.tabs.setTabText(2, self.tr("Partners"))

    def set_database(self, database: Database) -> None:
        for tab in (self.tree_tab, self.officers_tab, self.partners_tab):
            tab.set_database(database)
