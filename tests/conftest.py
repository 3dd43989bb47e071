"""Shared fixtures. Qt runs offscreen and the data folder is a temporary one, so tests never
touch a real officer's data or settings."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and default databases live in the data folder: point it somewhere disposable before
# anything in the package reads it, and remove it when the run ends.
_DATA = tempfile.mkdtemp(prefix="outreach-desk-tests-")
os.environ["OUTREACH_DESK_DATA"] = _DATA
atexit.register(shutil.rmtree, _DATA, ignore_errors=True)
os.environ.pop("OUTREACH_DESK_DB", None)

import pytest  # noqa: E402

from desktop.db.database import Database  # noqa: E402
from desktop.db.opening import open_database  # noqa: E402


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh, empty data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("OUTREACH_DESK_DATA", str(folder))
    return folder


@pytest.fixture(scope="session")
def encrypted_template(tmp_path_factory):
    """One empty encrypted database (Argon2 runs once), copied for each test."""
    from desktop.db import keys

    path = tmp_path_factory.mktemp("encrypted") / "template.sqlite3"
    open_database(path).close()
    data_key = keys.encrypt_database(path, "compatibility-suite", "ABCDE-FGHJK-LMNPQ-RSTUV")
    return path, data_key


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``sqlcipher`` is skipped where SQLCipher is missing: one that returned
    early there would pass having checked nothing."""
    from desktop.db import sqlite as driver

    if item.get_closest_marker("sqlcipher") and not driver.encryption_available():
        pytest.skip("SQLCipher is not installed")


@pytest.fixture(params=["plain", pytest.param("encrypted", marks=pytest.mark.sqlcipher)])
def db(tmp_path, request) -> Database:
    """A new, migrated database file in a temporary folder — in clear, and (where SQLCipher is
    installed) encrypted: every storage test runs on both, the compatibility suite of
    encryption at rest."""
    from desktop.db import keys

    path = tmp_path / "test.sqlite3"
    if request.param == "encrypted":
        template, data_key = request.getfixturevalue("encrypted_template")
        shutil.copyfile(template, path)
        shutil.copyfile(keys.key_file(template), keys.key_file(path))
        keys.remember(path, data_key)
    database = open_database(path)
    yield database
    if database.conn.in_transaction:
        database.conn.rollback()
    database.conn.close()
    keys.forget(path)
