"""Small widgets shared by several screens."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, QRect, QSize, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
    QWidgetItem,
)

from desktop.core import clock
from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.db.database import Database
from desktop.ui.qt import DISPLAY_ROLE, TOOLTIP_ROLE, Qt, set_by_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QProxyStyle

_FONT_FACTOR = "outreachFontFactor"


def relative_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """Give ``widget`` the application's font times ``factor`` (a clock, a heading), kept so
    when the officer changes the text size (``refresh_relative_fonts``)."""
    widget.setProperty(_FONT_FACTOR, float(factor))
    widget.setProperty(_FONT_FACTOR + "Bold", bool(bold))
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setBold(True)
    widget.setFont(font)
    return font


def text_scale() -> float:
    """How much larger than normal the officer has set the text (1.0, 1.15 … 1.5): widths
    drawn in pixels for normal text grow by it."""
    app = QApplication.instance()
    base = getattr(app, "_outreach_base_point_size", None)
    return QApplication.font().pointSizeF() / base if base else 1.0


def refresh_relative_fonts(app: QApplication) -> None:
    """After the application font changed: widgets drawn larger than it follow it."""
    for widget in app.allWidgets():
        factor = widget.property(_FONT_FACTOR)
        if factor:
            relative_font(widget, factor, bold=bool(widget.property(_FONT_FACTOR + "Bold")))


_AREA_PATH_SAMPLE = "金城江区 / 金城江街道"  # a width to measure, never shown


class AreaPicker(QComboBox):
    """Choose an area by typing any part of its path (金城江 / 新建社区).

    The list of areas is read when first needed (opened, typed in, asked for its value), so a
    screen with a picker opens without reading the whole jurisdiction.
    """

    def __init__(self, database: Database, parent=None, *, levels: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.database = database
        self.levels = levels
        self._loaded = False
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        text = self.currentText()
        self.blockSignals(True)
        from desktop.domain import areas as area_store

        nodes = area_store.list_areas(self.database)
        names = {node.id: node.name for node in nodes}
        parents = {node.id: node.parent_id for node in nodes}
        entries = []
        for node in nodes:
            if self.levels and node.level not in self.levels:
                continue
            path, cursor = [], node.id
            while cursor is not None:
                path.append(names.get(cursor, "?"))
                cursor = parents.get(cursor)
            entries.append((" / ".join(reversed(path)), node.id))
        for entry_text, area_id in sorted(entries):
            self.addItem(entry_text, area_id)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setEditText(text)
        self.blockSignals(False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Its areas are read only when first needed: until then the hint has no words to
        # measure, and a row laying it out by its hint would leave it a stub. At least room
        # for a township's path, in the font of the moment (the officer's text size).
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox  # not at start (menu_style)

        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        sample = QSize(metrics.horizontalAdvance(_AREA_PATH_SAMPLE), metrics.height())
        room = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, sample, self)
        return super().sizeHint().expandedTo(room)

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.ensure_loaded()
        super().focusInEvent(event)

    def area_id(self) -> str | None:
        if not self.currentText().strip():
            return None
        self.ensure_loaded()
        index = self.findText(self.currentText().strip())
        return self.itemData(index) if index > 0 else None

    def checked_area_id(self) -> str | None:
        """The chosen area; text that names no area is an error, not a silent blank."""
        if self.currentText().strip() and self.area_id() is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Validation", "Choose an area from the list."), field="area"
            )
        return self.area_id()

    def set_area_id(self, area_id: str | None) -> None:
        self.ensure_loaded()
        index = self.findData(area_id) if area_id else 0
        if index < 0 and area_id:
            # A record may still point at an area retired since: keep it choosable, or saving
            # the form would silently drop the link.
            from desktop.domain import areas as area_store

            path = " / ".join(area_store.area_path(self.database, area_id)) or area_id
            self.addItem(self.tr("{path} (retired)").format(path=path), area_id)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class FlowRow(QLayout):
    """A row of controls (a screen's filters) that goes on to a second line where the pane is
    too narrow for it, so no control is ever cut: English words at a large text size are
    wider than the pane a 1366-pixel screen leaves the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def replace_widget(self, old: QWidget, new: QWidget) -> None:
        """Put ``new`` where ``old`` was (Qt's ``replaceWidget`` knows only its own layouts);
        ``old`` is left to its caller."""
        index = self.indexOf(old)
        if index < 0:
            raise ValueError("the widget to replace is not in this row")
        self.addChildWidget(new)
        self._items[index] = QWidgetItem(new)
        old.hide()
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def sizeHint(self) -> QSize:  # noqa: N802
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._gap() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:  # noqa: N802
        # The widest control whole: narrower than that, a line would cut it.
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        gap = self.spacing()
        if gap < 0:
            style = self.parentWidget().style() if self.parentWidget() else QApplication.style()
            gap = style.layoutSpacing(
                QSizePolicy.ControlType.ComboBox, QSizePolicy.ControlType.ComboBox,
                Qt.Orientation.Horizontal,
            )  # fmt: skip
        return max(gap, 0)

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        x, y, line = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + gap, 0
            if place:
                item.setGeometry(
                    QRect(QPoint(x, y), QSize(min(hint.width(), area.width()), hint.height()))
                )
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


# What a list's model answers a column heading for: its words, and the same words as its
# tip (said whole where ``eliding_headings`` has cut them short).
HEADING_ROLES = (DISPLAY_ROLE, TOOLTIP_ROLE)


def eliding_headings(view) -> None:
    """A heading wider than its column ends in "…" rather than being cut at both ends, as a
    centred heading is ("or operator ·" for "Bank or operator · outlet"); the model gives it
    whole as its tip (``HEADING_ROLES``)."""
    view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)


class Menu(QMenu):
    """A menu whose items are never cut short. Qt's Fusion style draws an item's check column
    wider as the text grows (0.79 of the item's height) but sizes the item for a fixed one:
    at 150% text the longest item lost its middle ("重复录入的…(D)…"). Half a line's height
    more covers it at any text size. Only menus take the style: as the application's, every
    size of every widget would be asked through Python (2,400 times in a start). A menu takes
    it when first sized, which it is before it opens (ui/menu_style.py says why not sooner)."""

    _style: QProxyStyle | None = None  # one for every menu, the application's style inside

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if Menu._style is None:
            from desktop.ui.menu_style import RoomyMenuItems

            Menu._style = RoomyMenuItems(QApplication.style().name())
            Menu._style.setParent(QApplication.instance())
        if self.style() is not Menu._style:
            self.setStyle(Menu._style)
        return super().sizeHint()


def together(*widgets: QWidget) -> QWidget:
    """``widgets`` side by side as one item of a ``FlowRow``: a label goes to the next line
    with its field, never apart from it."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


class LazyComboBox(QComboBox):
    """A combo box whose items are read when it first opens.

    Until then it holds only its "all" entry, which is what a filter starts with.
    """

    def __init__(self, loader, parent=None) -> None:
        super().__init__(parent)
        self._loader = loader  # fills the box, keeping the current choice
        self._loaded = False
        self.addItem("", None)

    def set_everything_text(self, text: str) -> None:
        """Name the "all" entry; once loaded, the items are read again (names may change)."""
        self.setItemText(0, text)
        if self._loaded:
            self._loader()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._loader()

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        self.ensure_loaded()
        super().showPopup()


class Retranslating:
    """Mixin for widgets with a ``retranslate()``: re-set texts when the language changes.

    Qt delivers LanguageChange to every widget, children included, so each widget handles only
    its own texts.
    """

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FillWhenShown:
    """Mixin for a widget that reads the database to fill itself: ``reload()`` fills it now
    when it is on screen, else when it is next shown, so hidden tabs and pages cost nothing.
    The widget defines ``_fill()`` and a ``changed`` signal."""

    _stale = True

    def reload(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._fill()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self._stale = False
            self._fill()
        super().showEvent(event)

    def after_change(self, *_args) -> None:
        """Show what the user just changed and tell the window (its ``changed`` signal)."""
        self.reload()
        self.changed.emit()


class TicksWhileShown:
    """Mixin for a page with a ``clock`` (QTimer) that moves its waiting times on: the clock
    runs only while the page is on screen."""

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.clock.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.clock.stop()
        super().hideEvent(event)


class LatestReading:
    """Mixin for a page that reads on the worker: only the newest reading is shown (an older
    one still on its way when the officer changed the choice is dropped). ``loading`` is true
    until it arrives; ``_show_reading(data)`` shows it."""

    loading = False
    _generation = 0

    def read_on_worker(self, work, *, failed=None, progressed=None) -> None:
        """``work(database)`` on the worker, with its own connection to this page's file; given
        ``progressed(done, total)``, ``work(database, progress)`` reports how far it is."""
        from desktop.ui.tasks import Task, on_worker

        self._generation += 1
        generation = self._generation
        self.loading = True

        def read(database, progress):
            return generation, work(database, progress) if progressed else work(database)

        task = Task(on_worker(self.database.path, read), self)
        task.succeeded.connect(self._reading_arrived)
        if failed is not None:
            task.failed.connect(failed)
        if progressed is not None:
            task.progressed.connect(
                lambda done, total: (
                    progressed(done, total) if generation == self._generation else None
                )
            )
        self.runner.start(task)

    def read_at_once(self, data) -> None:
        """Show ``data``, a reading already made (elsewhere), as the newest: one still on
        its way from the worker is dropped."""
        self._generation += 1
        self.loading = False
        self._show_reading(data)

    def _reading_arrived(self, result) -> None:
        generation, data = result
        if generation != self._generation:
            return  # a newer reading is on its way
        self.loading = False
        self._show_reading(data)


def show_problem(label, exc) -> bool:
    """Show why a form's values were refused in its error line; False, for ``return``."""
    from desktop.ui.messages import render_error

    label.setText(render_error(exc))
    label.show()
    return False


def plain_label(text: str = "") -> QLabel:
    """A label for a record's text or a message that may quote one: shown as written.

    A QLabel guesses rich text from a tag on the first line, so a name such as
    ``<img src=…>`` would otherwise become a picture.
    """
    from PySide6.QtWidgets import QLabel  # forms only: kept off the window's start

    label = QLabel(text)
    set_by_name(label, "textFormat", "PlainText")  # by name: see ui/qt.py
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows a record's text as written: Qt guesses rich text in tooltips
    too, so the text is escaped inside markup that keeps its line breaks."""
    from desktop.ui.labels import escaped

    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"


def set_stored_count(spin: QSpinBox, value: int) -> None:
    """Show a stored number in a spin box whose range is the number's storage limit.

    A database or package written elsewhere may hold a number past that limit (or past what
    a spin box can hold at all, which raises); the box shows the nearest allowed value, and
    saving writes that.
    """
    spin.setValue(min(max(value, spin.minimum()), spin.maximum()))


def error_label():
    """The line a form shows its problem in: red and bold, hidden until there is one.
    Problems quote the values refused, so it shows plain text."""
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.hide()
    return label


class FormScroll(QScrollArea):
    """A form that is as tall as it needs, unless the screen is shorter (a 768-pixel laptop at
    a large text size): then it scrolls, and the dialog's buttons stay on the screen."""

    ROOM_FOR_BUTTONS = 110  # the title bar, the error line and the buttons

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame

    def _tallest(self) -> int | None:
        """The most the form may take of the screen's height (None: no screen)."""
        screen = self.screen()
        if screen is None:
            return None
        return max(screen.availableGeometry().height() - self.ROOM_FOR_BUTTONS, 200)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.widget().sizeHint()
        tallest = self._tallest()
        if tallest is not None and hint.height() > tallest:
            bar = self.verticalScrollBar().sizeHint().width()
            return QSize(hint.width() + bar, tallest)
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.sizeHint()
        return QSize(self.widget().minimumSizeHint().width(), min(hint.height(), 200))

    def lacking(self) -> int:
        """How many pixels taller the view should be for the form at its present width (a
        form whose long rows go on a second line at a narrower width than it asked for), up
        to the most of the screen it may take."""
        body = self.widget()
        width = self.viewport().width()
        needed = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        needed = max(needed, body.sizeHint().height())
        tallest = self._tallest()
        return (needed if tallest is None else min(needed, tallest)) - self.viewport().height()


class _FitOnFirstShow(QObject):
    """Qt opens a window at most two thirds of the screen tall; a form dialog opens as tall as
    its form needs, up to the screen's height (FormScroll scrolls the rest)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            wanted = watched.sizeHint().expandedTo(watched.size())
            screen = watched.screen()
            room = screen.availableGeometry().size() if screen is not None else None
            if room is not None:
                wanted = wanted.boundedTo(room)
            watched.resize(wanted)
            # The width the screen left may put long rows on a second line: the dialog then
            # grows by what its tallest form lacks (up to the screen), before it is painted.
            layout = watched.layout()
            if layout is not None:
                layout.activate()
                lacking = max((form.lacking() for form in watched.findChildren(FormScroll)),
                              default=0)  # fmt: skip
                if lacking > 0:
                    taller = wanted.height() + lacking
                    watched.resize(wanted.width(), min(taller, room.height()) if room else taller)
        return False


def scrolling_form(dialog, form) -> FormScroll:
    """``form`` (a layout) in a FormScroll, and ``dialog`` opening as tall as the form needs."""
    body = QWidget()
    body.setLayout(form)
    form.setContentsMargins(0, 0, 0, 0)
    dialog.installEventFilter(_FitOnFirstShow(dialog))
    return FormScroll(body)


def finish_form(dialog, form, error, *, on_accept, buttons=None, between=()):
    """Lay a form dialog out — the form, anything ``between``, the error line, the buttons —
    and wire its buttons (OK and Cancel unless ``buttons`` says otherwise): accepting calls
    ``on_accept`` (which closes the dialog when the values are good), cancelling closes it."""
    from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout

    if buttons is None:
        buttons = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    box = QDialogButtonBox(buttons)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scrolling_form(dialog, form), 1)
    for widget in between:
        layout.addWidget(widget)
    layout.addWidget(error)
    layout.addWidget(box)
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    return box


def station_qdatetime(moment: datetime | str) -> QDateTime:
    """A moment (aware datetime or stored ISO text) for a date-time field: the station's wall
    clock as a plain QDateTime. Given the moment itself, Qt would show the laptop's own zone."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    wall = clock.station_time(moment)
    return QDateTime(
        QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute, wall.second)
    )


def from_station_qdatetime(value: QDateTime) -> datetime:
    """What a date-time field holds, read as the station's wall clock (aware)."""
    day, moment = value.date(), value.time()
    return clock.at(
        date(day.year(), day.month(), day.day()),
        time(moment.hour(), moment.minute(), moment.second()),
    )


def station_today_qdate() -> QDate:
    """Today at the station, for a date field (the laptop's date may already be tomorrow)."""
    today = clock.today()
    return QDate(today.year, today.month, today.day)


class MinutesBox(QSpinBox):
    """A number of minutes shown as people say a length of time — 1天, 2小时30分钟 / 1 d,
    2 h 30 min — and read back from the same words, either language's, or from a bare number
    of minutes. The arrows move by 5 minutes under two hours, by an hour above."""

    # (minutes, Chinese word, English word, every word read back)
    _UNITS = (
        (24 * 60, "天", "d", ("天", "d", "day", "days")),
        (60, "小时", "h", ("小时", "时", "h", "hour", "hours")),
        (1, "分钟", "min", ("分钟", "分", "min", "m", "minute", "minutes")),
    )
    _PART = re.compile(r"(\d+)([^\d]*)")

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt's name
        from desktop.ui.labels import ui_is_chinese

        chinese = ui_is_chinese()
        parts, rest = [], value
        for size, word_zh, word_en, _read in self._UNITS:
            count, rest = divmod(rest, size)
            if count:
                parts.append(f"{count}{word_zh}" if chinese else f"{count} {word_en}")
        if not parts:
            return "0分钟" if chinese else "0 min"
        return "".join(parts) if chinese else " ".join(parts)

    def minutes_in(self, text: str) -> int | None:
        """The minutes ``text`` says, None when it says none that can be read."""
        squeezed = re.sub(r"\s+", "", text).lower()
        parts = list(self._PART.finditer(squeezed))
        if not parts or "".join(part[0] for part in parts) != squeezed:
            return None
        total = 0
        for part in parts:
            words = [size for size, _zh, _en, names in self._UNITS if part[2] in names]
            if part[2] and not words:
                return None
            total += int(part[1]) * (words[0] if words else 1)
        return total

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt's name
        found = self.minutes_in(text)
        return self.value() if found is None else found

    def validate(self, text: str, position: int):
        from PySide6.QtGui import QValidator

        found = self.minutes_in(text)
        if found is not None and self.minimum() <= found <= self.maximum():
            return QValidator.State.Acceptable, text, position
        return QValidator.State.Intermediate, text, position

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        size = 5 if self.value() < 120 or (self.value() == 120 and steps < 0) else 60
        self.setValue(self.value() + steps * size)
