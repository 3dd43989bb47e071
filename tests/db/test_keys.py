"""Encryption at rest with SQLCipher: the file, its backups and its key file reveal nothing."""

import pytest

from desktop.core.errors import DatabaseError
from desktop.db import backups, keys
from desktop.db import sqlite as driver
from desktop.db.opening import check_database, open_database
from desktop.domain import warnings as warning_store

pytestmark = pytest.mark.sqlcipher
SECRETS = (b"13812345678", "罗某某".encode(), b"fanzha-2026")


@pytest.fixture
def station(tmp_path):
    path = tmp_path / "station.sqlite3"
    database = open_database(path)
    warning_store.intake(
        database, {"source": "bank", "level": "high", "name": "罗某某", "mobile": "13812345678"}
    )
    database.close()
    yield path
    keys.forget(path)


def _readable(path) -> bool:
    data = path.read_bytes()
    return any(secret in data for secret in SECRETS)


def test_an_encrypted_database_reveals_nothing_and_opens_with_its_key(station, tmp_path):
    code = "ABCDE-FGHJK-LMNPQ-RSTUV"
    assert _readable(station)
    data_key = keys.encrypt_database(station, "fanzha-2026", code)
    assert not _readable(station) and not _readable(keys.key_file(station))
    database = open_database(station)  # the key is remembered in this program
    assert database.scalar("SELECT count(*) FROM warnings") == 1
    warning_store.intake(
        database, {"source": "bank", "level": "low", "name": "韦某", "mobile": "13912345678"}
    )
    backup = backups.backup_now(database, tmp_path / "backups")
    database.close()
    assert not _readable(station) and not _readable(backup)
    assert (tmp_path / "backups" / "station.key").exists()  # the wrapped key goes along
    assert check_database(station) == []

    keys.forget(station)  # a new start of the program, or a stolen copy
    with pytest.raises(DatabaseError) as info:
        open_database(station)
    assert "unlock it with its password" in info.value.render()
    assert keys.unlock(station, "wrong password") is None
    assert keys.unlock(station, "fanzha-2026") == data_key
    assert keys.unlock(station, code.lower().replace("-", " "), recovery=True) == data_key
    keys.remember(station, data_key)
    assert backups.verify_file(backup, data_key) == []
    assert backups.verify_file(backup) != []  # without the key it is not a database


def test_an_encrypted_backup_is_restored_with_its_key(station, tmp_path):
    data_key = keys.encrypt_database(station, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    database = open_database(station)
    backup = backups.backup_now(database, tmp_path / "backups")
    database.close()
    station.write_bytes(b"")
    backups.restore_backup(backup, station, data_key=data_key)
    database = open_database(station)
    assert database.scalar("SELECT count(*) FROM warnings") == 1
    database.close()


def test_removing_the_password_makes_the_file_plain_again(station):
    keys.encrypt_database(station, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    keys.decrypt_database(station)
    assert _readable(station) and not keys.is_encrypted(station)
    database = open_database(station)
    assert database.scalar("SELECT count(*) FROM warnings") == 1
    database.close()


def test_an_encryption_cut_off_halfway_settles_either_way(station):
    data_key = keys.new_key()
    written = keys.write_key_file(station, data_key, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    written.rename(f"{keys.key_file(station)}.pending")  # killed before the conversion
    assert not keys.is_encrypted(station)  # the file was still plain: the pending key goes
    database = open_database(station)
    assert database.scalar("SELECT count(*) FROM warnings") == 1
    database.close()
    written = keys.write_key_file(station, data_key, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    written.rename(f"{keys.key_file(station)}.pending")
    keys.convert(station, from_key=None, to_key=data_key)  # killed after the conversion
    assert keys.is_encrypted(station)  # the pending key became the key
    keys.remember(station, data_key)
    assert open_database(station).scalar("SELECT count(*) FROM warnings") == 1


def test_sqlite_utils_works_on_an_encrypted_database(station):
    keys.encrypt_database(station, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    database = open_database(station)
    utils = database.db  # sqlite-utils over the keyed connection
    assert "warnings" in utils.table_names()
    utils["scratch"].insert_all([{"n": 1, "word": "罗某某"}, {"n": 2, "word": "韦某"}], pk="n")
    assert [row["word"] for row in utils["scratch"].rows_where(order_by="n")] == ["罗某某", "韦某"]
    assert utils["warnings"].count == 1
    database.close()
    assert "罗某某".encode() not in station.read_bytes()


def test_an_encrypted_database_of_an_earlier_version_is_backed_up_encrypted_then_upgraded(
    tmp_path,
):
    from desktop.db import migrations

    path = tmp_path / "old.sqlite3"
    conn = driver.connect(str(path))
    migrations.migrate(conn, target=migrations.SCHEMA_VERSION - 1)
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.commit()
    conn.close()
    data_key = keys.encrypt_database(path, "fanzha-2026", "ABCDE-FGHJK-LMNPQ-RSTUV")
    try:
        database = open_database(path)  # the upgrade's safety copy first, then the schema
        assert migrations.schema_version(database.conn) == migrations.SCHEMA_VERSION
        database.close()
        folder = backups.default_backup_folder(path)
        [copy] = backups.list_backups(folder)
        assert "before-schema" in copy.name and not _readable(copy)
        assert backups.verify_file(copy, data_key) == []  # whole, with the same key
        # Its wrapped key beside it, named as every backup of the file names it.
        assert keys.unlock(folder / "old", "fanzha-2026") == data_key
    finally:
        keys.forget(path)
