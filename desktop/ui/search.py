"""The search box's results: residents, warnings, talks, persons abroad, card sellers and
communities, grouped, masked; choosing one opens it on its screen, which the navigation
then shows as chosen (a resident opens their latest case, a community its fraud-free creation
record). Persons abroad and card sellers show the masked name only, nothing else of the
person. Residents of the same name are told apart by their age beside the name, their masked
mobile (its last four digits) and ID number, and their community; a warning's line names its
resident the same way.

Typing waits a quarter of a second for the officer to finish, then searches on the worker
(bringing the indexes up to date first when records were written since); only the newest
search is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core import catalogue
from desktop.db.database import Database
from desktop.ui.labels import catalogue_label, shown_date, shown_datetime
from desktop.ui.qt import USER_ROLE, Qt
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import LatestReading, Retranslating, plain_label

DEBOUNCE_MS = 250
# Records to index before the search says how far it is (fewer take a moment).
INDEXING_SHOWN_FROM = 20_000
KIND_ROLE = USER_ROLE
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def read_search(database: Database, text: str, progress=None) -> object:
    """Search on the worker (its own connection), the indexes first brought up to date
    (``progress(done, total)`` hears of it: the first time, a minute for a million records)."""
    from desktop.domain import search

    if search.pending(database):
        search.refresh(database, progress)
    return search.search(database, text)


class SearchPanel(LatestReading, Retranslating, QWidget):
    open_warning = Signal(str)
    open_talk = Signal(str, str)  # id, starts_at
    open_return_case = Signal(str)  # a person abroad's entry, for the persons-abroad screen
    open_card_seller = Signal(str)  # a card seller's record, for the card sellers' screen
    open_community = Signal(str)  # a community, for the fraud-free communities' screen

    def __init__(self, database: Database, runner: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.text = ""
        self.results = None
        self.state = plain_label()
        self.state.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.tree, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.tree.itemActivated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(
            [self.tr("Found"), self.tr("Details"), self.tr("Area / venue"), self.tr("Date / cases")]
        )
        self._show()

    def set_database(self, database: Database) -> None:
        self.database = database
        self.results = None
        if self.text:
            self.search_now()

    def search_for(self, text: str) -> None:
        """The box changed: search once the typing pauses."""
        self.text = " ".join(text.split())
        if not self.text:
            self.timer.stop()
            self.results = None
            self._show()
            return
        self.timer.start()

    def search_now(self) -> None:
        self.timer.stop()
        if not self.text or self.database.path is None:
            return
        text = self.text
        self.state.setText(self.tr("Searching…"))
        self.read_on_worker(
            lambda database, progress: read_search(database, text, progress),
            failed=self._failed,
            progressed=self._indexing,
        )

    def _indexing(self, done: int, total: int) -> None:
        """The indexes catching up with many records (the first search of a large file): how
        far, so a minute's wait is not taken for a hang."""
        if total >= INDEXING_SHOWN_FROM:
            self.state.setText(
                self.tr("Bringing the search index up to date: {done} of {total} records…").format(
                    done=f"{done:,}", total=f"{total:,}"
                )
            )

    def _failed(self, exc: BaseException) -> None:
        from desktop.ui.messages import render_error

        self.loading = False
        self.state.setText(render_error(exc))

    def _show_reading(self, results) -> None:
        self.results = results
        self._show()

    def _show(self) -> None:
        self.tree.clear()
        results = self.results
        if results is None:
            self.state.setText(
                self.tr(
                    "Type a name, an address or a title; a resident's whole mobile or ID "
                    "number, or its last four digits. Searches with digits are logged."
                )
            )
            return
        if not results.total:
            self.state.setText(self.tr("Nothing found for “{text}”.").format(text=results.text))
            return
        self.state.setText(
            self.tr("Found for “{text}” (at most 20 of each kind):").format(text=results.text)
        )
        titles = {
            "residents": self.tr("Residents (%n)", "", len(results.hits["residents"])),
            "warnings": self.tr("Warnings (%n)", "", len(results.hits["warnings"])),
            "talks": self.tr("Talks (%n)", "", len(results.hits["talks"])),
            "returns": self.tr("Persons abroad (%n)", "", len(results.hits.get("returns", []))),
            "cards": self.tr("Card sellers (%n)", "", len(results.hits.get("cards", []))),
            "communities": self.tr(
                "Communities (%n)", "", len(results.hits.get("communities", []))
            ),
        }
        for kind, hits in results.hits.items():
            if not hits:
                continue
            group = QTreeWidgetItem([titles[kind]])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for hit in hits:
                item = QTreeWidgetItem(self._columns(kind, hit))
                item.setData(0, KIND_ROLE, kind)
                item.setData(0, ID_ROLE, hit)
                group.addChild(item)
            group.setExpanded(True)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)

    def _columns(self, kind: str, hit: dict) -> list[str]:
        if kind == "residents":
            # Same-name residents told apart side by side: age beside the masked name, then
            # the masked mobile (its last four) and ID number, then the community.
            return [
                self._person(hit),
                "  ".join(part for part in (hit["mobile"], hit["id_number"]) if part),
                hit["area"],
                self.tr("%n warning(s)", "", hit["warnings"]),
            ]
        if kind == "warnings":
            status = catalogue_label(catalogue.WARNING_STATUSES, hit["status"])
            level = catalogue_label(catalogue.WARNING_LEVELS, hit["level"])
            return [
                self._person(hit),
                "  ".join(part for part in (hit["reference_number"], level, status) if part),
                hit["area"],
                shown_datetime(hit["received_at"]),
            ]
        if kind == "returns":
            return [
                hit["name"],
                catalogue_label(catalogue.RETURN_STATUSES, hit["status"]),
                catalogue_label(catalogue.ABROAD_LOCATIONS, hit["location"]),
                shown_date(hit["listed_on"]),
            ]
        if kind == "cards":
            return [
                hit["name"],
                catalogue_label(catalogue.CARD_SELLER_STATUSES, hit["status"]),
                catalogue_label(catalogue.CARD_KINDS, hit["card_kind"]),
                shown_date(hit["listed_on"]),
            ]
        if kind == "communities":
            status = catalogue_label(
                catalogue.FRAUD_FREE_STATUSES, hit["status"] or "not_taking_part"
            )
            if hit["step_on"]:
                status += f"  {shown_date(hit['step_on'])}"
            households = hit["households"]
            return [
                hit["name"],
                self.tr("Fraud-free: {status}").format(status=status),
                " · ".join(part for part in (hit["township"], hit["county"]) if part),
                self.tr("%n household(s)", "", households) if households else "",
            ]
        return [
            hit["title"],
            catalogue_label(catalogue.TALK_STATUSES, hit["status"]),
            hit["venue"],
            shown_datetime(hit["starts_at"]),
        ]

    def _person(self, hit: dict) -> str:
        """The masked name with the age, when the ID number gives one."""
        if hit.get("age") is None:
            return hit["name"]
        return f"{hit['name']}  " + self.tr("aged {age}").format(age=hit["age"])

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, hit = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if kind == "residents" and hit.get("latest_warning"):
            self.open_warning.emit(hit["latest_warning"])
        elif kind == "warnings":
            self.open_warning.emit(hit["id"])
        elif kind == "talks":
            self.open_talk.emit(hit["id"], hit["starts_at"])
        elif kind == "returns":
            self.open_return_case.emit(hit["id"])
        elif kind == "cards":
            self.open_card_seller.emit(hit["id"])
        elif kind == "communities":
            self.open_community.emit(hit["id"])
