"""Shared fixtures. Qt runs offscreen and the data folder is a temporary one, so tests never
touch a real officer's data or settings."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and default databases live in the data folder: point it somewhere disposable before
# anything in the package reads it.
os.environ["OUTREACH_DESK_DATA"] = tempfile.mkdtemp(prefix="outreach-desk-tests-")
os.environ.pop("OUTREACH_DESK_DB", None)

import pytest  # noqa: E402

from desktop.storage.database import Database, open_database  # noqa: E402


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh, empty data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("OUTREACH_DESK_DATA", str(folder))
    return folder


@pytest.fixture
def db(tmp_path) -> Database:
    """A new, migrated database file in a temporary folder."""
    database = open_database(tmp_path / "test.sqlite3")
    yield database
    if database.conn.in_transaction:
        database.conn.rollback()
    database.conn.close()
