"""Every view of the screenshot command renders the program's page or dialog from a demo
database: the pictures of the user guide can always be made again."""

import shutil

import pytest
from PySide6.QtGui import QImage

from desktop.db.opening import open_database
from desktop.demo import generate_demo
from desktop.exchange import packages
from desktop.ui.screenshot import VIEWS, take_screenshot

KEY = packages.format_exchange_key(bytes(range(32)))
# The views the user guide added to the README's (those are rendered by tests/test_cli.py and
# by tools/screenshots.py).
GUIDE_VIEWS = [
    "talk-editor", "talk-clash", "talk-outcome", "signin", "handout", "intake", "warning",
    "follow-ups", "briefing", "backups", "file-menu", "exchange-menu", "export-package",
    "merge", "conflicts", "duplicates", "laptops", "exchange-key",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database, and a package from a copy of it (another laptop)."""
    folder = tmp_path_factory.mktemp("shots")
    path = folder / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, seed=1)
    packages.set_exchange_key(database, KEY)
    database.close()
    (folder / "laptop").mkdir()
    laptop = open_database(shutil.copyfile(path, folder / "laptop" / "demo.sqlite3"))
    package = packages.export_package(laptop, folder / "laptop.odpkg").path
    laptop.close()
    return path, package


def test_the_guide_views_are_views_of_the_command():
    from desktop.cli import build_parser

    assert set(GUIDE_VIEWS) <= set(VIEWS)
    shot = build_parser()._subparsers._group_actions[0].choices["screenshot"]
    [view] = [action for action in shot._actions if action.dest == "view"]
    assert list(view.choices) == list(VIEWS)


def test_the_printouts_shown_are_the_registrys():
    from desktop.reports.registry import PRINTOUTS

    shown = [name for name, printout in PRINTOUTS.items() if printout.view]
    assert [name for name in VIEWS if name in PRINTOUTS] == shown
    assert all(PRINTOUTS[name].screen for name in shown)  # opened from the screen it is on


@pytest.mark.parametrize("view", GUIDE_VIEWS)
def test_each_view_renders_a_picture(app, demo, view, tmp_path):
    path, package = demo
    out = take_screenshot(
        path, view, tmp_path / f"{view}.png", language="en", size=(1024, 640), package=package
    )
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 300 and image.height() >= 60
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 3, "an empty picture"


def test_an_unknown_view_or_a_merge_without_a_package_is_refused(demo, tmp_path, capsys):
    from desktop.cli import main

    path, _package = demo
    out = str(tmp_path / "x.png")
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(path), "--lang", "en", "screenshot", "nosuch", "-o", out])
    assert refused.value.code == 2 and "invalid choice: 'nosuch'" in capsys.readouterr().err
    assert main(["--db", str(path), "--lang", "en", "screenshot", "merge", "-o", out]) == 2
    assert "needs --package" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
