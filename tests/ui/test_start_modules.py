"""What the window's start imports (ui/pyside_features and the modules a start reads before
Today is painted): the ledgers, rules and records stay unread until a screen needs them, PySide
is spared reading our sources, and Qt's namespace and QStyle's enums are not made."""

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"
# What a start must not import before Today is painted: each costs the officer's wait (the
# entities' 57 dataclasses alone ~10 ms) and Today reads none of them.
NOT_AT_START = (
    "desktop.core.entities",
    "desktop.core.rules",
    "desktop.core.validate",
    "desktop.db.backups",
    "desktop.domain.officers",
    "desktop.domain.talks",
    "desktop.domain.warnings",
    "desktop.ui.warnings.model",
    "desktop.ui.station_dialog",  # its questions: only while the station has no name
)


def _printed(code: str, *args: str, **env: str) -> str:
    """What a fresh interpreter running ``code`` (offscreen, from the project's folder, with
    ``env`` added) printed."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, check=True, cwd=PACKAGE.parent, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    ).stdout  # fmt: skip


def test_the_start_reads_none_of_the_ledgers_modules():
    """The modules of a start — the command line, Today's reading ahead, the window, the
    station check and what Today shows its rows with — in a fresh interpreter."""
    code = (
        "import sys; import desktop.cli, desktop.domain.today, desktop.ui.app, "
        "desktop.ui.main_window, desktop.domain.station, desktop.ui.warnings.states; "
        "print(' '.join(sorted(name for name in sys.modules if name.startswith('desktop'))))"
    )
    loaded = set(_printed(code).split())
    assert "desktop.ui.today" in loaded
    assert sorted(loaded.intersection(NOT_AT_START)) == []


def test_a_measured_start_has_read_none_of_them_when_today_shows_its_reading(tmp_path):
    """A whole start of the program on a demo database (the reading ahead, the window, the
    station check, Today's rows filled): the modules loaded once Today has filled its rows
    with its first reading (before it says so: the measured start then quits)."""
    from desktop.db.opening import open_database
    from desktop.demo import generate_demo

    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    generate_demo(database, seed=4)
    database.close()
    code = (
        "import sys\n"
        "from desktop.ui import today\n"
        "shown = today.TodayPage._show\n"
        "def noted(page):\n"
        "    shown(page)\n"
        "    if page.data is not None:\n"
        "        print('AT', ' '.join(sorted(n for n in sys.modules if n.startswith('desktop'))))\n"
        "        from PySide6 import QtCore, QtWidgets\n"
        "        print('MADE', 'Qt' in vars(QtCore), 'QStyle' in vars(QtWidgets))\n"
        "today.TodayPage._show = noted\n"
        "from desktop.cli import main\n"
        "sys.exit(main(['--db', sys.argv[1], '--lang', 'zh_CN']))\n"
    )
    printed = _printed(
        code, str(path), OUTREACH_DESK_EXIT_WHEN_IDLE="1", OUTREACH_DESK_DATA=str(tmp_path / "data")
    )
    line = next(line for line in printed.splitlines() if line.startswith("AT "))
    loaded = set(line.split()[1:])
    assert "desktop.ui.today" in loaded and "desktop.ui.warnings.states" in loaded
    assert sorted(loaded.intersection(NOT_AT_START)) == []
    # Nor has PySide made Qt's namespace or QStyle's enums (ui/qt.py, ui/menu_style.py).
    assert "MADE False False" in printed.splitlines()


def test_no_module_of_ours_selects_a_pyside_feature():
    """What lets desktop/ui enter ours in PySide's feature table unread."""
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            assert "__feature__" not in names, path


def test_pyside_reads_no_source_of_ours_nor_of_pythons_at_a_start():
    """The imports of a start in their order (the command line and the reading ahead, then
    the window, whose first modules import Qt): once ui/pyside_features is in, PySide reads
    the source of none of ours and of none of Python's own modules (a submodule first loaded
    later, such as json.decoder, and a third party's it still may)."""
    code = (
        "import sys\n"
        "read = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'desktop.ui.pyside_features':\n"
        "            feature = sys.modules['shibokensupport.feature']\n"
        "            looked = feature._mod_uses_pyside\n"
        "            def noted(module):\n"
        "                if getattr(module, '__file__', '').endswith('.py'):\n"
        "                    read.append(module.__name__)\n"
        "                return looked(module)\n"
        "            feature._mod_uses_pyside = noted\n"
        "sys.meta_path.insert(0, Watch())\n"
        "import desktop.cli, desktop.domain.today\n"
        "import desktop.ui.app, desktop.ui.main_window, desktop.ui.station_dialog\n"
        "import desktop.ui.warnings.states\n"
        "assert 'shibokensupport.feature' in sys.modules\n"
        "print('READ', ' '.join(read))\n"
    )
    line = next(line for line in _printed(code).splitlines() if line.startswith("READ"))
    read = line.split()[1:]
    assert [name for name in read if name.startswith("desktop")] == []
    assert [name for name in read if name in sys.stdlib_module_names] == []


def test_pyside_knows_every_module_of_ours_and_pythons_without_reading_it():
    from shibokensupport import feature

    import desktop.ui.app  # noqa: F401 - fills the table (ui/pyside_features)

    table = feature.pyside_feature_dict
    names = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
    }
    assert len(names) > 100
    assert sorted(name for name in names if name not in table) == []
    # Python's own, loaded or not, as the reading would find them: modules that ignore PySide.
    assert {table.get(name) for name in ("json", "html", "pickle", "secrets", "typing")} == {-1}
    assert sorted(name for name in sys.stdlib_module_names if name not in table) == []


def test_what_the_start_put_off_is_made_once_today_is_painted(app, qtbot, tmp_path, data_dir):
    """Qt's namespace and QStyle's enums are made at the turn after Today's first paint (so
    the first other screen or menu does not pay for them), in a fresh interpreter; and the
    call waits for Today's first reading."""
    code = (
        "from PySide6 import QtCore, QtWidgets\n"
        "from desktop.ui.app import make_what_the_start_put_off\n"
        "before = ('Qt' in vars(QtCore), 'QStyle' in vars(QtWidgets))\n"
        "make_what_the_start_put_off()\n"
        "print('MADE', before, ('Qt' in vars(QtCore), 'QStyle' in vars(QtWidgets)))\n"
    )
    assert "MADE (False, False) (True, True)" in _printed(code)

    from desktop.ui.app import after_todays_first_paint
    from tests.ui.conftest import open_window

    window = open_window(app, qtbot, tmp_path / "station.sqlite3")
    page = window.today_page
    page.data = None  # its first reading still on its way
    called = []
    after_todays_first_paint(window, lambda: called.append(page.data is not None))
    qtbot.wait(20)
    assert called == []
    page.reload()
    qtbot.waitUntil(lambda: called == [True])
    page.reload()
    qtbot.wait(50)
    assert called == [True]  # the first reading only
