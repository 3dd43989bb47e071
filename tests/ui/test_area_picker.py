"""An area picker reads its areas only when first needed, and has room for a path before."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox

from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.ui.widgets import AreaPicker

TOWNSHIP_PATH = "金城江区 / 金城江街道"


def _shown_alike(qtbot, picker: QComboBox, texts: list[str]) -> QComboBox:
    """A plain combo box with ``texts``, in ``picker``'s font: what Qt alone asks room for."""
    plain = QComboBox()
    qtbot.addWidget(plain)
    plain.setEditable(True)
    plain.addItems(texts)
    plain.setFont(picker.font())
    return plain


def test_before_and_after_its_areas_are_read_the_picker_asks_room_once(qtbot, tmp_path):
    database = open_database(tmp_path / "station.sqlite3")
    county = area_store.add_area(database, name="金城江区", level="county", code="451202")
    area_store.add_area(database, name="金城江街道", level="township", parent_id=county)
    picker = AreaPicker(database)
    qtbot.addWidget(picker)
    metrics = picker.fontMetrics()
    assert picker.sizeHint().width() > metrics.horizontalAdvance(TOWNSHIP_PATH)  # unread yet
    picker.ensure_loaded()
    font = QFont(picker.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)  # the officer's text size changed: asked again
    picker.setFont(font)
    texts = [picker.itemText(index) for index in range(picker.count())]
    plain = _shown_alike(qtbot, picker, texts)
    # The path's room is a floor, not added to what the read paths ask already.
    assert (
        picker.sizeHint().width()
        <= max(
            plain.sizeHint().width(),
            _shown_alike(qtbot, picker, [TOWNSHIP_PATH]).sizeHint().width(),
        )
        + 2
    )
    database.close()


def test_other_lazy_boxes_ask_what_qt_asks(qtbot):
    from desktop.ui.widgets import LazyComboBox

    officers = LazyComboBox(lambda: None)
    qtbot.addWidget(officers)
    officers.set_everything_text("全部人员")
    plain = QComboBox()
    qtbot.addWidget(plain)
    plain.addItem("全部人员")
    assert officers.sizeHint() == plain.sizeHint()  # not an area picker's room for a path
