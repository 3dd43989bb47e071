"""The main window: navigation on the left, one page per area of the work, a status bar.

Built in a fixed order — actions, widgets, layout, signals — so it reads top to bottom. Pages
appear in the navigation only once they work; each later part of the product adds its own.
"""

from __future__ import annotations

import threading
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError
from desktop.db import audit
from desktop.db.database import META_STATION_NAME, Database
from desktop.domain.today import HeadStart
from desktop.paths import data_dir
from desktop.settings import CLASH_CHECK, MAIN_GEOMETRY, Settings
from desktop.ui.app import icon, open_with_progress, recover_if_damaged
from desktop.ui.labels import shown_datetime
from desktop.ui.messages import app_title, interactive, show_error
from desktop.ui.pages import BY_KEY, PAGE_KEYS, PAGES, SHORTCUTS
from desktop.ui.pages import CONTEXT as PAGES_CONTEXT
from desktop.ui.qt import set_by_name
from desktop.ui.tasks import Task, TaskRunner, close_quietly, on_worker
from desktop.ui.today import TodayPage
from desktop.ui.translations import Translations
from desktop.ui.widgets import Menu, plain_label, relative_font, text_scale
from desktop.ui.workflows import DatabaseWorkflows

COUNTED_TABLES = ("areas", "officers", "residents", "warnings", "talks")
FIRST_SIZE = QSize(1280, 800)
# What the window manager adds around the window (title bar, borders): the first size leaves
# room for it, so the status bar is on the screen too.
FRAME_ALLOWANCE = QSize(16, 48)


def first_size(available: QSize) -> QSize:
    """The window's size before one was saved: FIRST_SIZE, or less on a smaller screen (the
    1366×768 laptop under its taskbar), frame and status bar included."""
    return FIRST_SIZE.boundedTo(available - FRAME_ALLOWANCE)


SIDE_COLUMN_WIDTH = 180  # the search box and the navigation, at normal text size


class ActionId(Enum):
    OPEN_DATABASE = auto()
    OPEN_DEMO = auto()
    BACK_UP = auto()
    RESTORE = auto()
    SETTINGS = auto()
    QUIT = auto()
    AUDIT = auto()
    ABOUT = auto()
    EXPORT_PACKAGE = auto()
    MERGE_PACKAGE = auto()
    CONFLICTS = auto()
    LAPTOPS = auto()
    DUPLICATES = auto()
    EXCHANGE_KEY = auto()
    NEW_WARNING = auto()
    LOG_CONTACT = auto()
    NEW_TALK = auto()
    PRINT = auto()
    FIND = auto()


def _count_records(database: Database, progress) -> dict[str, int]:
    # Live records only; this runs on the worker, so a full scan of millions is fine.
    return {
        table: database.scalar(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
        for table in COUNTED_TABLES
    }


class _DamageRelay(QObject):
    """Carries a damage report from whichever thread met it to the window, never inside the
    query that met it: from a worker, queued to the window's thread ahead of the task's own
    end (which the damage path then discards); met on the window's thread, taken once the
    query's caller is done. (A queued connection would say it with one of Qt's enums, made at
    every start: ui/qt.py.)"""

    found = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.found.connect(window.take_damage_path)  # emitted by a worker: queued

    def report(self, damage) -> None:
        """From any thread."""
        if threading.current_thread() is threading.main_thread():  # the window's
            QTimer.singleShot(0, self.window, lambda: self.window.take_damage_path(damage))
        else:
            self.found.emit(damage)


class MainWindow(QMainWindow):
    def __init__(
        self,
        database: Database,
        settings: Settings,
        translations: Translations,
        *,
        head_start: HeadStart | None = None,
    ):
        super().__init__()
        self.database = database
        self._head_start = head_start  # Today's first reading, begun before the window
        # Where the audit log ended when the file was opened here: the close checks and backs
        # up only when the session wrote something.
        self.session_audit_seq = self._audit_seq()
        self.settings = settings
        self.translations = translations
        self.runner = TaskRunner(self)
        self.workflows = DatabaseWorkflows(self)
        self.counts: dict[str, int] | None = None
        self.closed = False
        self.clean_close = False  # the close-time check passed (the marker is then cleared)
        self.instance_lock = None  # run_gui's lock on the database (None in tests)
        self.locked = False
        self.idle_watch = None  # run_gui's watch that locks the window after idle time
        self.close_problems: list[str] = []
        self.damaged = False  # the damage path took the file away (see watch_for_damage)
        self._stop_watching = None
        self._create_actions()
        self._create_widgets()
        self._create_layout()
        self._connect_signals()
        self.retranslate()
        self._restore_geometry()
        self.show_status()  # "Counting records…"
        # The counts go to the worker once the window is shown, behind the first screen's
        # reading when it is read there (not read ahead): the officer waits for Today, not
        # for the status bar.
        QTimer.singleShot(0, self, lambda: None if self.closed else self.refresh_status())

    # -- construction --------------------------------------------------------------------------
    def _create_actions(self) -> None:
        self.actions: dict[ActionId, QAction] = {action_id: QAction(self) for action_id in ActionId}
        # Keys go through setShortcuts: PySide choosing among setShortcut's overloads would make
        # Qt's namespace at every start (ui/qt.py). A standard key gets each of its bindings.
        self.actions[ActionId.OPEN_DATABASE].setShortcuts(QKeySequence.StandardKey.Open)
        self.actions[ActionId.SETTINGS].setShortcuts(QKeySequence.StandardKey.Preferences)
        # Qt's standard Quit key is empty on Windows: Ctrl+Q everywhere, as the guide says.
        self.actions[ActionId.QUIT].setShortcuts([QKeySequence("Ctrl+Q")])
        self.actions[ActionId.QUIT].setMenuRole(QAction.MenuRole.QuitRole)
        # The frequent actions of the day, one key each (the guide lists them).
        self.actions[ActionId.NEW_WARNING].setShortcuts(QKeySequence.StandardKey.New)
        self.actions[ActionId.LOG_CONTACT].setShortcuts([QKeySequence("Ctrl+L")])
        self.actions[ActionId.NEW_TALK].setShortcuts([QKeySequence("Ctrl+T")])
        self.actions[ActionId.PRINT].setShortcuts(QKeySequence.StandardKey.Print)
        self.actions[ActionId.FIND].setShortcuts(QKeySequence.StandardKey.Find)
        for action_id, name in ((ActionId.NEW_WARNING, "warnings"), (ActionId.NEW_TALK, "talks"),
                                (ActionId.PRINT, "reports")):  # fmt: skip
            self.actions[action_id].setIcon(icon(name))
        # Ctrl+1 …: the screens of the navigation, in order.
        self.page_actions = [QAction(self) for _ in PAGES[:SHORTCUTS]]
        for number, action in enumerate(self.page_actions, start=1):
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _=False, row=number - 1: self._go_to_row(row))

    def _create_widgets(self) -> None:
        self.file_menu = Menu(self)
        self.menuBar().addMenu(self.file_menu)
        for action_id in (ActionId.OPEN_DATABASE, ActionId.OPEN_DEMO):
            self.file_menu.addAction(self.actions[action_id])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions[ActionId.BACK_UP])
        self.file_menu.addAction(self.actions[ActionId.RESTORE])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions[ActionId.SETTINGS])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions[ActionId.QUIT])
        self.exchange_menu = Menu(self)
        self.menuBar().addMenu(self.exchange_menu)
        for action_id in (ActionId.EXPORT_PACKAGE, ActionId.MERGE_PACKAGE, None,
                          ActionId.CONFLICTS, ActionId.DUPLICATES, ActionId.LAPTOPS, None,
                          ActionId.EXCHANGE_KEY):  # fmt: skip
            if action_id is None:
                self.exchange_menu.addSeparator()
            else:
                self.exchange_menu.addAction(self.actions[action_id])
        self.work_menu = Menu(self)
        self.menuBar().addMenu(self.work_menu)
        for action_id in (ActionId.NEW_WARNING, ActionId.LOG_CONTACT, ActionId.NEW_TALK, None,
                          ActionId.PRINT, ActionId.FIND):  # fmt: skip
            if action_id is None:
                self.work_menu.addSeparator()
            else:
                self.work_menu.addAction(self.actions[action_id])
        self.go_menu = Menu(self)
        self.menuBar().addMenu(self.go_menu)
        for action in self.page_actions:
            self.go_menu.addAction(action)
        self.help_menu = Menu(self)
        self.menuBar().addMenu(self.help_menu)
        self.help_menu.addAction(self.actions[ActionId.AUDIT])
        self.help_menu.addAction(self.actions[ActionId.ABOUT])

        # One search box over residents, warnings and talks; its results take the page area.
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_panel = None  # built on the first search
        self.navigation = QListWidget()
        self._size_side_column()
        relative_font(self.navigation, 1.2)
        self.navigation.setSpacing(4)
        # A long title ("Fraud-free communities") takes two lines rather than being cut off.
        self.navigation.setWordWrap(True)
        self.stack = QStackedWidget()
        self.today_page = TodayPage(self.database, self.runner, head_start=self._head_start)
        self._head_start = None  # Today's now
        # A page is built, and joins the stack, when first shown: the window's start pays only
        # for Today.
        self.page_keys = list(PAGE_KEYS)
        self._built: dict[str, QWidget] = {"today": self.today_page}
        self.stack.addWidget(self.today_page)
        for key in self.page_keys:
            self.navigation.addItem(QListWidgetItem(icon(key), ""))

        self.status_path = plain_label()
        self.status_counts = QLabel()
        self.status_backup = QLabel()
        for label in (self.status_path, self.status_counts, self.status_backup):
            set_by_name(label, "textInteractionFlags", "TextSelectableByMouse")
        # The path gives way first (its tip says it whole): the counts are what is read here.
        self.status_path.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.status_path, 1)
        self.statusBar().addPermanentWidget(self.status_counts)
        between = QFrame()  # the counts and the backup are two things, not one sentence
        between.setFrameShape(QFrame.Shape.VLine)
        between.setFrameShadow(QFrame.Shadow.Sunken)
        self.statusBar().addPermanentWidget(between)
        self.statusBar().addPermanentWidget(self.status_backup)

    def _create_layout(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        column = QVBoxLayout()
        column.addWidget(self.search_box)
        column.addWidget(self.navigation, 1)
        layout.addLayout(column)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.setCurrentRow(0)

    def _connect_signals(self) -> None:
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.itemClicked.connect(
            lambda _item: self._show_row(self.navigation.currentRow())
        )
        self.search_box.textChanged.connect(self.search)
        self.actions[ActionId.OPEN_DATABASE].triggered.connect(self.choose_database)
        self.actions[ActionId.OPEN_DEMO].triggered.connect(
            lambda: self.workflows.fill_demo_database()
        )
        self.actions[ActionId.SETTINGS].triggered.connect(self.open_settings)
        self.actions[ActionId.BACK_UP].triggered.connect(lambda: self.workflows.back_up_now())
        self.actions[ActionId.RESTORE].triggered.connect(
            lambda: self.workflows.restore_from_backup()
        )
        self.actions[ActionId.QUIT].triggered.connect(self.close)
        self.actions[ActionId.ABOUT].triggered.connect(self.show_about)
        self.actions[ActionId.AUDIT].triggered.connect(lambda: self.open_audit())
        self.actions[ActionId.EXPORT_PACKAGE].triggered.connect(lambda: self.export_package())
        self.actions[ActionId.MERGE_PACKAGE].triggered.connect(lambda: self.merge_package())
        self.actions[ActionId.CONFLICTS].triggered.connect(lambda: self.open_conflicts())
        self.actions[ActionId.LAPTOPS].triggered.connect(lambda: self.open_laptops())
        self.actions[ActionId.DUPLICATES].triggered.connect(lambda: self.open_duplicates())
        self.actions[ActionId.EXCHANGE_KEY].triggered.connect(lambda: self.edit_exchange_key())
        self.actions[ActionId.NEW_WARNING].triggered.connect(lambda: self.new_warning())
        self.actions[ActionId.LOG_CONTACT].triggered.connect(lambda: self.log_contact())
        self.actions[ActionId.NEW_TALK].triggered.connect(lambda: self.new_talk())
        self.actions[ActionId.PRINT].triggered.connect(lambda: self.print_current())
        self.actions[ActionId.FIND].triggered.connect(self._focus_search)
        self.stack.currentChanged.connect(lambda _index: self._update_print_action())
        self.today_page.changed.connect(self.refresh_status)
        self.today_page.open_warning.connect(self.open_warning)
        self.today_page.open_follow_up.connect(self.open_follow_up)
        self.today_page.open_record.connect(self.open_record)

    @property
    def pages(self) -> list[tuple[str, QWidget]]:
        """(key, page) for the pages built so far, in navigation order."""
        return [(key, self._built[key]) for key in self.page_keys if key in self._built]

    def _readers(self) -> list[QWidget]:
        """Every built page and the search results: what reads the database."""
        found = [page for _key, page in self.pages]
        return found + ([self.search_panel] if self.search_panel is not None else [])

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self._built:
            page = self._build_page(key)
            self.stack.addWidget(page)
            self._built[key] = page
        return self._built[key]

    def _build_page(self, key: str) -> QWidget:
        return BY_KEY[key].build(self)

    @property
    def areas_page(self):
        return self.page("areas")

    @property
    def talks_page(self):
        return self.page("talks")

    def reload_talks(self) -> None:
        if "talks" in self._built:
            self._built["talks"].reload()

    def open_warning(self, warning_id: str) -> None:
        """Show one case on the Warnings screen (chosen on Today or in the search results)."""
        page = self.show_page("warnings")
        page.selected_id = warning_id
        page.reload()

    def open_follow_up(self, follow_up_id: str) -> None:
        """Show a follow-up chosen on Today in its case, its form in view and ready."""
        self.show_page("warnings").open_follow_up(follow_up_id)

    def open_record(self, key: str, record_id: str) -> QWidget | None:
        """Show the screen ``key`` ("returns", "cards") with the record chosen on Today or in
        the search results (its screen's ``open_record``); None when there is no such screen."""
        if key not in self.page_keys:
            return None
        page = self.show_page(key)
        page.open_record(record_id)
        return page

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(self.page_keys[row]))

    # -- search ----------------------------------------------------------------------------------
    def search(self, text: str):
        """Show the search results for ``text`` in the page area (an empty box: back to the
        page chosen in the navigation)."""
        if not text.strip():
            if self.search_panel is not None:
                self.search_panel.search_for("")
            self._show_row(self.navigation.currentRow())
            return self.search_panel
        if self.search_panel is None:
            from desktop.ui.search import SearchPanel

            self.search_panel = SearchPanel(self.database, self.runner)
            self.search_panel.open_warning.connect(self.open_warning)
            self.search_panel.open_talk.connect(self.open_talk)
            self.search_panel.open_return_case.connect(
                lambda case_id: self.open_record("returns", case_id)
            )
            self.search_panel.open_card_seller.connect(
                lambda record_id: self.open_record("cards", record_id)
            )
            self.search_panel.open_community.connect(
                lambda area_id: self.open_record("fraud_free", area_id)
            )
            self.stack.addWidget(self.search_panel)
        self.stack.setCurrentWidget(self.search_panel)
        self.search_panel.search_for(text)
        return self.search_panel

    def open_talk(self, talk_id: str, starts_at: str) -> None:
        """Show one talk in the talks list (chosen in the search results)."""
        from datetime import date

        page = self.show_page("talks")
        page.show_day_in_list(date.fromisoformat(starts_at[:10]))
        page.select_talk(talk_id)

    # -- the frequent actions (Work menu, one key each) ------------------------------------------
    def _go_to_row(self, row: int) -> None:
        self._work_page(self.page_keys[row])
        self.navigation.setFocus()

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _work_page(self, key: str) -> QWidget:
        """The page a Work action acts on, in front (search results make way for it)."""
        self.search_box.clear()
        return self.show_page(key)

    def new_warning(self):
        """Ctrl+N: the Warnings screen with the intake form open."""
        return self._work_page("warnings").new_warning()

    def new_talk(self):
        """Ctrl+T: the Talks screen with the talk form open for the day shown."""
        return self._work_page("talks").new_talk()

    def log_contact(self):
        """Ctrl+L: the attempts of the case shown (else the most urgent), one key each."""
        page = self._work_page("warnings")
        if page.case_in_hand() is None:
            self.statusBar().showMessage(self.tr("No warning is open to log a call for."), 5000)
            return None
        return page.case.contact_menu()

    def _printable_page(self) -> QWidget | None:
        current = self.stack.currentWidget()
        return current if callable(getattr(current, "print_current", None)) else None

    def _update_print_action(self) -> None:
        self.actions[ActionId.PRINT].setEnabled(self._printable_page() is not None)

    def print_current(self):
        """Ctrl+P: the printout of the screen shown (a talk's sign-in sheet, a case's
        dissuasion notice, the briefing) in the print preview."""
        page = self._printable_page()
        shown = page.print_current() if page is not None else None
        if shown is None:
            self.statusBar().showMessage(
                self.tr("Nothing to print here yet: choose a record."), 5000
            )
        return shown

    def show_page(self, key: str) -> QWidget:
        """Bring a page of the navigation to the front, as a click on it would."""
        row = self.page_keys.index(key)
        self.navigation.setCurrentRow(row)
        # The row may be chosen already, behind the search results: no change to follow.
        self._show_row(row)
        return self.page(key)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            ActionId.OPEN_DATABASE: self.tr("&Open database…"),
            ActionId.OPEN_DEMO: self.tr("Open &demo database"),
            ActionId.BACK_UP: self.tr("&Back up now"),
            ActionId.RESTORE: self.tr("&Restore from a backup…"),
            ActionId.SETTINGS: self.tr("&Settings…"),
            ActionId.QUIT: self.tr("&Quit"),
            ActionId.AUDIT: self.tr("Audit &log…"),
            ActionId.ABOUT: self.tr("&About Outreach Desk"),
            ActionId.EXPORT_PACKAGE: self.tr("&Export a package…"),
            ActionId.MERGE_PACKAGE: self.tr("&Merge a package…"),
            ActionId.CONFLICTS: self.tr("&Conflicts to decide…"),
            ActionId.LAPTOPS: self.tr("&Laptops…"),
            ActionId.DUPLICATES: self.tr("&Duplicate residents…"),
            ActionId.EXCHANGE_KEY: self.tr("Exchange &key…"),
            ActionId.NEW_WARNING: self.tr("&New warning…"),
            ActionId.LOG_CONTACT: self.tr("&Log a call or visit…"),
            ActionId.NEW_TALK: self.tr("New &talk…"),
            ActionId.PRINT: self.tr("&Print…"),
            ActionId.FIND: self.tr("&Search"),
        }
        for action_id, text in texts.items():
            self.actions[action_id].setText(text)
        self.file_menu.setTitle(self.tr("&File"))
        self.work_menu.setTitle(self.tr("&Work"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.exchange_menu.setTitle(self.tr("E&xchange"))
        self.help_menu.setTitle(self.tr("&Help"))
        for row, page in enumerate(PAGES):
            title = QCoreApplication.translate(PAGES_CONTEXT, page.title)
            self.navigation.item(row).setText(title)
            if row < len(self.page_actions):
                self.page_actions[row].setText(title)
        self._update_print_action()
        self.search_box.setPlaceholderText(self.tr("Search names, mobiles…"))
        self.search_box.setToolTip(
            self.tr("Residents, warnings and talks: a name, a mobile or ID fragment, an address,"
                    " a reference number or a talk's title")
        )  # fmt: skip
        self._update_title()
        self.show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._size_side_column()
        super().changeEvent(event)

    def _size_side_column(self) -> None:
        """The search box and the navigation grow with the text size, up to a quarter more: at
        150 % the screens keep the width a 1366-pixel laptop has for them."""
        width = round(SIDE_COLUMN_WIDTH * min(text_scale(), 1.25))
        self.search_box.setFixedWidth(width)
        self.navigation.setFixedWidth(width)
        side = round(24 * text_scale())
        self.navigation.setIconSize(QSize(side, side))

    def _update_title(self) -> None:
        name = app_title()
        station = self.database.get_meta(META_STATION_NAME)
        where = station or (self.database.path.name if self.database.path else "")
        self.setWindowTitle(f"{name} — {where}" if where else name)

    # -- status bar ----------------------------------------------------------------------------
    def refresh_status(self) -> Task | None:
        self.show_status()
        if self.database.path is None:
            return None
        task = Task(on_worker(self.database.path, _count_records), self)
        task.succeeded.connect(self._on_counts)
        task.failed.connect(self._on_counts_failed)
        return self.runner.start(task)

    def _on_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.show_status()

    def _on_counts_failed(self, exc: BaseException) -> None:
        self.counts = None
        self.status_counts.setText(self.tr("Counts unavailable"))

    def show_status(self) -> None:
        path = str(self.database.path.resolve()) if self.database.path else ":memory:"
        self.status_path.setText(self.tr("Database: {path}").format(path=path))
        self.status_path.setToolTip(self.status_path.text())
        if self.counts is None:
            self.status_counts.setText(self.tr("Counting records…"))
        else:
            self.status_counts.setText(
                self.tr(
                    "{areas} areas · {officers} officers · {residents} residents · "
                    "{warnings} warnings · {talks} talks"
                ).format(**{key: f"{value:,}" for key, value in self.counts.items()})
            )
        last_backup = self.database.get_meta("last_backup_at")
        if last_backup:
            self.status_backup.setText(
                self.tr("Last backup: {when}").format(when=shown_datetime(last_backup))
            )
        else:
            self.status_backup.setText(self.tr("Last backup: none yet"))

    # -- databases -----------------------------------------------------------------------------
    def switch_database(self, path: Path) -> bool:
        from desktop.db import instance

        other_file = Path(path) != self.database.path
        lock = None
        if self.instance_lock is not None and other_file:
            lock = instance.InstanceLock(Path(path))
            if not lock.acquire():
                from desktop.core.errors import DatabaseError

                show_error(self, self.tr("Open database"), DatabaseError(
                    QT_TRANSLATE_NOOP("Database", "{path} is open in another Outreach Desk."),
                    path=str(path),
                ))  # fmt: skip
                return False
        if other_file and not recover_if_damaged(Path(path), self.settings):
            # Left open by a program that stopped: checked whole first, as at a start.
            if lock is not None:
                lock.release()
            return False
        database = None
        try:
            database = open_with_progress(Path(path), self)
            if other_file:  # the same file's marker is this window's, written again below
                instance.mark_open(path)
        except OutreachError as exc:
            if database is not None:
                close_quietly(database)
            if lock is not None:
                lock.release()
            show_error(self, self.tr("Open database"), exc)
            return False
        if lock is not None:
            self.instance_lock.release()
            self.instance_lock = lock
        old = self.database
        self.use_database(database)
        self.session_audit_seq = self._audit_seq()
        old.close()
        if old.path is not None:
            instance.mark_closed(old.path)
        if not other_file:
            instance.mark_open(path)
        return True

    def use_database(self, database: Database) -> None:
        """Show ``database`` in every page, the status bar and the title."""
        self.database = database
        for page in self._readers():
            page.set_database(database)
        self.counts = None
        self._update_title()
        self.refresh_status()

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Open or create a database"),
            str(data_dir()),
            self.tr("Outreach Desk database (*.sqlite3)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.switch_database(Path(name))

    # -- dialogs -------------------------------------------------------------------------------
    def open_settings(self):
        from desktop.ui.settings_dialog import SettingsDialog  # loaded when first needed

        dialog = SettingsDialog(
            self.database, self.settings, self, language=self.translations.language
        )
        dialog.accepted.connect(self._apply_settings)
        if interactive():
            dialog.open()
        self.settings_dialog = dialog
        return dialog

    def _apply_settings(self) -> None:
        if "talks" in self._built:
            self._built["talks"].check_clashes = self.settings.get(CLASH_CHECK)
        self.today_page.reload()
        language = self.settings.language
        if language != self.translations.language:
            self.translations.install(language)
        from PySide6.QtWidgets import QApplication

        from desktop.settings import TEXT_SIZE
        from desktop.ui.app import apply_text_size

        apply_text_size(QApplication.instance(), self.settings.get(TEXT_SIZE))
        self._update_title()

    def open_audit(self):
        from desktop.ui.audit_dialog import AuditDialog

        folder = self.settings.backup_folder(self.database.path) if self.database.path else None
        dialog = AuditDialog(self.database, self, folder)
        if interactive():
            dialog.open()
        return dialog

    # -- exchange between laptops ----------------------------------------------------------------
    def _dialog(self, dialog):
        if interactive():
            dialog.open()
        return dialog

    def export_package(self):
        from desktop.ui.exchange import ExportPackageDialog

        return self._dialog(ExportPackageDialog(self.database, self.runner, self))

    def merge_package(self, path: Path | None = None):
        """Preview a package (chosen in a file dialog), then merge it if the officer says so."""
        from desktop.ui.exchange import MergePackageDialog

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Merge a package"), str(Path.home()),
                self.tr("Exchange package (*.odpkg)"),
            )  # fmt: skip
            if not name:
                return None
            path = Path(name)
        dialog = MergePackageDialog(self.database, self.runner, path, self)
        dialog.merged.connect(lambda _result: self.reload_pages())
        dialog.start_preview()
        return self._dialog(dialog)

    def open_conflicts(self):
        from desktop.ui.exchange import ConflictsDialog

        dialog = ConflictsDialog(self.database, self)
        dialog.changed.connect(self.reload_pages)
        return self._dialog(dialog)

    def open_laptops(self):
        from desktop.ui.exchange import LaptopsDialog

        return self._dialog(LaptopsDialog(self.database, self))

    def open_duplicates(self):
        from desktop.ui.exchange import DuplicatesDialog

        dialog = DuplicatesDialog(self.database, self.runner, self)
        dialog.changed.connect(self.reload_pages)
        dialog.find()
        return self._dialog(dialog)

    def edit_exchange_key(self):
        from desktop.ui.exchange import ExchangeKeyDialog

        return self._dialog(ExchangeKeyDialog(self.database, self))

    def reload_pages(self) -> None:
        """Records changed under the pages (a merge): every built page reads them again."""
        for page in self._readers():
            page.set_database(self.database)
        self.refresh_status()

    def show_about(self):
        from desktop.ui.about import AboutDialog

        return self._dialog(AboutDialog(self.database.path, self))

    # -- geometry and closing ------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(MAIN_GEOMETRY)
        if geometry is None or geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(first_size(self.screen().availableGeometry().size()))

    # -- the password lock ---------------------------------------------------------------------
    def lock(self):
        """Hide everything and ask for the password (idle time passed); returns the dialog."""
        from desktop.ui.lock import UnlockDialog

        self.locked = True
        self.centralWidget().hide()
        self.menuBar().setEnabled(False)
        dialog = UnlockDialog(self.database, self)
        dialog.accepted.connect(lambda: self.unlock(getattr(dialog, "recovered", False)))
        dialog.rejected.connect(self.close)  # no password, no data: the program closes
        if interactive():
            dialog.open()
        return dialog

    def unlock(self, recovered: bool = False) -> None:
        self.locked = False
        self.centralWidget().show()
        self.menuBar().setEnabled(True)
        if recovered:  # the recovery code was used: choose a new password
            from desktop.ui.lock import PasswordDialog

            # With the encryption, as Settings › Password does: on an encrypted file the new
            # password must wrap the file's key too, or it would not open the file next time.
            self.new_password_dialog = PasswordDialog(
                self.database, self, encryption=self.encryption
            )
            if interactive():
                self.new_password_dialog.open()

    # -- damage ---------------------------------------------------------------------------------
    def watch_for_damage(self) -> None:
        """From now on, SQLite's report of a damaged file — in any query, on this thread or the
        worker's, whoever catches the error — takes the window's one damage path."""
        from desktop.db.database import watch_for_damage

        relay = _DamageRelay(self)
        self._stop_watching = watch_for_damage(relay.report)

    def take_damage_path(self, damage) -> None:
        """Stop the work, let go of the file, move it aside unchanged and offer the newest
        good backup: reopened from it when taken, else the window closes (nothing is left
        to show, and a damaged file is never checked into a backup)."""
        path = self.database.path
        if self.damaged or self.closed or path is None:
            return
        if Path(damage.path).resolve() != path.resolve():
            return  # another file (a database being switched to): its opener said so
        from desktop.ui.app import take_damage_path

        self.damaged = True
        self.runner.shutdown()
        close_quietly(self.database)
        if not take_damage_path(path, self.settings, damage):
            self.close()
            return
        from desktop.db import instance

        self.damaged = False
        self.use_database(open_with_progress(path, self))  # a backup of an older version
        instance.mark_open(path)

    def _audit_seq(self) -> int:
        return audit.last_seq(self.database)

    def _session_wrote(self) -> bool:
        """Whether anything was written since this database was opened in the window: every
        write is in the audit log, whichever connection made it (a file restored or rewritten
        meanwhile ends elsewhere, and is checked too)."""
        return self._audit_seq() != self.session_audit_seq

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.idle_watch is not None:
            self.idle_watch.stop()
        if self._stop_watching is not None:
            self._stop_watching()
        self.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        self.runner.shutdown()  # no result of earlier work is delivered after this
        self.closed = True
        if self.damaged:  # the damage path has closed the file and moved it aside
            if self.instance_lock is not None:
                self.instance_lock.release()
            super().closeEvent(event)
            self.deleteLater()
            return
        wrote = self._session_wrote()
        self.hide()  # the officer is done: what follows must not hold them
        self.close_problems = self.workflows.check_and_back_up(wrote)
        self.clean_close = not self.close_problems
        path = self.database.path
        self.database.close()
        if self.clean_close and path is not None:
            from desktop.db.instance import mark_closed

            mark_closed(path)  # the next start need not check the whole file
        if self.instance_lock is not None:
            self.instance_lock.release()
        super().closeEvent(event)
        # The window is done with its database; it must not outlive it (a later language
        # change or timer would otherwise reach pages holding a closed connection).
        self.deleteLater()

    @property
    def encryption(self) -> DatabaseWorkflows | None:
        """What encrypts the file, when this installation can (else None)."""
        from desktop.db import sqlite as driver

        available = driver.encryption_available() and self.database.path is not None
        return self.workflows if available else None
