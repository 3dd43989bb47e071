import openpyxl
import pytest

from desktop.db.opening import open_database
from desktop.domain import areas as area_store
from desktop.settings import Settings
from desktop.ui.app import create_application
from desktop.ui.main_window import MainWindow


@pytest.fixture
def app(qapp):
    application, translations = create_application("en")
    yield application
    translations.install("en")


@pytest.fixture
def db_path(tmp_path, data_dir):
    return tmp_path / "station.sqlite3"


def open_window(app, qtbot, db_path, size=(1280, 800)):
    """The main window on a station database with a county, a township and a community; at
    ``size`` (the offscreen screen is 800×600: the laptops' windows are larger), or at the
    size it chooses itself when ``size`` is None."""
    database = open_database(db_path)
    county = area_store.add_area(database, name="金城江区", level="county", code="451202")
    township = area_store.add_area(database, name="金城江街道", level="township", parent_id=county)
    area_store.add_area(database, name="新建社区", level="community", parent_id=township)
    main = MainWindow(database, Settings(), app._outreach_translations)
    qtbot.addWidget(main)
    if size is not None:
        main.resize(*size)
    main.show()
    qtbot.waitUntil(lambda: main.counts is not None)
    return main  # pytest-qt closes it; closeEvent waits for the worker and closes the database


@pytest.fixture
def window(app, qtbot, db_path):
    return open_window(app, qtbot, db_path)


@pytest.fixture
def make_xlsx(tmp_path):
    def make(name, rows):
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return make


@pytest.fixture
def warned(window, qtbot):
    """One open warning, listed on the Warnings screen (not yet chosen): (page, warning id)."""
    from desktop.domain import warnings as warning_store

    warning_id = warning_store.intake(
        window.database,
        {"name": "罗某某", "mobile": "13812345678", "source": "hotline_96110", "level": "high"},
    )
    page = window.show_page("warnings")
    page.reload()
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 1, timeout=10_000)
    return page, warning_id
