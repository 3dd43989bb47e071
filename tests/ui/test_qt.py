"""ui/qt: Qt's namespace made when first used, the roles as Qt's numbers, properties by name."""

import pytest
from PySide6 import QtCore
from PySide6.QtWidgets import QLabel, QTreeWidget

from desktop.ui import qt


def test_the_namespace_is_qts_own_enums():
    assert qt.Qt.ItemDataRole is QtCore.Qt.ItemDataRole
    assert qt.Qt.AlignmentFlag.AlignRight is QtCore.Qt.AlignmentFlag.AlignRight
    assert "ItemDataRole" in vars(qt.Qt)  # kept: later lookups do not go through PySide
    with pytest.raises(AttributeError):
        qt.Qt.NoSuchEnum  # noqa: B018


def test_the_roles_are_qts_numbers():
    role = QtCore.Qt.ItemDataRole
    assert (qt.DISPLAY_ROLE, qt.TOOLTIP_ROLE, qt.BACKGROUND_ROLE, qt.FOREGROUND_ROLE,
            qt.USER_ROLE) == (role.DisplayRole.value, role.ToolTipRole.value,
                              role.BackgroundRole.value, role.ForegroundRole.value,
                              role.UserRole.value)  # fmt: skip


def test_a_property_is_set_by_its_name_and_key(qtbot):
    label, table = QLabel(), QTreeWidget()
    qtbot.addWidget(label)
    qtbot.addWidget(table)
    qt.set_by_name(label, "textFormat", "PlainText")
    qt.set_by_name(label, "textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
    qt.set_by_name(table, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    assert label.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == (
        QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        | QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    assert table.horizontalScrollBarPolicy() == QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("textFormat", "Plain"),  # no such key
        ("textFormatt", "PlainText"),  # no such property
        ("textFormat", "RichText|PlainText"),  # one key only: not a flags property
        ("text", "PlainText"),  # not an enum
    ],
)
def test_what_qt_would_not_take_raises_and_sets_nothing(qtbot, name, key):
    label = QLabel("<b>x</b>")
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=name):
        qt.set_by_name(label, name, key)
    assert label.textFormat() == QtCore.Qt.TextFormat.AutoText and label.text() == "<b>x</b>"
    assert list(label.dynamicPropertyNames()) == []


def test_a_screen_at_150_percent_scales_by_one_and_a_half_not_two():
    """Qt 6's own rounding, which the window's start no longer sets (it would make Qt's
    namespace): text stays sharp and the window fits a 150% laptop. Checked in a fresh
    program, as the rounding is fixed when the application is made."""
    import os
    import subprocess
    import sys

    code = (
        "from desktop.ui.app import create_application\n"
        "app, _ = create_application('en')\n"
        "print(app.primaryScreen().devicePixelRatio())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCREEN_SCALE_FACTORS": "1.5"}
    env.pop("QT_SCALE_FACTOR_ROUNDING_POLICY", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True, timeout=60)  # fmt: skip
    assert float(done.stdout.split()[-1]) == 1.5
