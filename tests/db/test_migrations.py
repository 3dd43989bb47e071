import pytest

from desktop.db import chain, migrations
from desktop.db import sqlite as sqlite3  # the driver the program uses
from desktop.db.opening import open_database


def _connect(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@pytest.mark.parametrize("version", [v for v, _ in migrations.MIGRATIONS[:-1]])
def test_an_older_database_is_migrated_with_its_data(tmp_path, version):
    path = tmp_path / "old.sqlite3"
    conn = _connect(path)
    migrations.migrate(conn, target=version)
    assert migrations.schema_version(conn) == version
    stamp = "2026-01-05T09:00:00+08:00"
    common = "id, created_at, updated_at, device_id"
    conn.execute(
        f"INSERT INTO areas ({common}, level, name, code) "
        "VALUES ('a1', ?, ?, 'dev', 'county', '金城江区', '451202')",
        (stamp, stamp),
    )
    conn.execute(
        f"INSERT INTO officers ({common}, name, role) VALUES ('o1', ?, ?, 'dev', '韦明', 'officer')",
        (stamp, stamp),
    )
    conn.execute(
        f"INSERT INTO talks ({common}, title, starts_at, ends_at, area_id, handouts_given) "
        "VALUES ('t1', ?, ?, 'dev', '反诈宣传进社区', ?, ?, 'a1', 120)",
        (stamp, stamp, "2026-01-05T09:00:00+08:00", "2026-01-05T10:00:00+08:00"),
    )
    conn.execute(
        f"INSERT INTO residents ({common}, name, mobile) VALUES ('r1', ?, ?, 'dev', '罗某', "
        "'13812345678')",
        (stamp, stamp),
    )
    conn.execute(
        f"INSERT INTO warnings ({common}, source, level, received_at, resident_id,"
        " stop_payment_amount) VALUES ('w1', ?, ?, 'dev', 'platform', 'high', ?, 'r1', 800000)",
        (stamp, stamp, stamp),
    )
    conn.execute(
        f"INSERT INTO contacts ({common}, warning_id, at, method, result) "
        "VALUES ('c1', ?, ?, 'dev', 'w1', ?, 'phone', 'busy')",
        (stamp, stamp, stamp),
    )
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.commit()
    conn.close()

    database = open_database(path)
    contact = database.execute("SELECT * FROM contacts WHERE id = 'c1'").fetchone()
    assert (contact["warning_id"], contact["method"], contact["result"]) == ("w1", "phone", "busy")
    assert database.schema_version == migrations.SCHEMA_VERSION
    assert database.scalar("SELECT name FROM areas WHERE id = 'a1'") == "金城江区"
    assert database.scalar("SELECT area_id FROM officers WHERE id = 'o1'") is None
    talk = database.execute("SELECT * FROM talks WHERE id = 't1'").fetchone()
    assert (talk["handouts_given"], talk["handouts_by_kind"]) == (120, "{}")
    assert database.device_id == "dev"
    warning = database.execute("SELECT * FROM warnings WHERE id = 'w1'").fetchone()
    # v6 back-fills the request from a stop-payment amount written before it
    assert (warning["station"], warning["stop_payment_requested"]) == ("", int(version < 6))
    # v7 summarises the attempts already on record: one, at the minute the warning came
    if version < 7:
        assert (warning["contact_count"], warning["first_contact_minutes"]) == (1, 0)
    assert warning["first_visit_minutes"] is None
    # v8 chains the audit log, whatever it held before
    assert database.scalar("SELECT count(*) FROM audit WHERE hash = ''") == 0
    # v9: every record was entered on this laptop; none has been sent yet
    if version < 9:
        origin = (warning["origin_device"], warning["change_seq"], warning["versions"])
        assert origin == ("dev", 0, None)
        assert database.scalar("SELECT origin_device FROM talks WHERE id = 't1'") == "dev"
    # v10: the search indexes stay empty until the first search brings them up to date
    assert database.scalar("SELECT count(*) FROM search_rows") == 0
    assert database.scalar("PRAGMA foreign_key_check") is None
    database.close()


def test_every_step_from_empty_reaches_the_current_schema(tmp_path):
    conn = _connect(tmp_path / "x.sqlite3")
    assert migrations.migrate(conn) == [v for v, _ in migrations.MIGRATIONS]
    assert migrations.migrate(conn) == []


def _record_tables(conn):
    from desktop.core.catalogue import RECORD_TABLES

    names = ", ".join("?" * len(RECORD_TABLES))
    return conn.execute(
        # the tables and what fires on them: a trigger could change what a record holds
        f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')"
        f" AND tbl_name IN ({names}) ORDER BY type, name",
        RECORD_TABLES,
    ).fetchall()


def test_a_local_step_leaves_every_record_table_as_it_was(tmp_path):
    """What a package carries is the record tables' columns and the values their CHECKs allow;
    a step named local may not change them, or an older laptop would read records it does not
    know."""
    conn = _connect(tmp_path / "x.sqlite3")
    for step in sorted(migrations.LOCAL_STEPS):
        migrations.migrate(conn, target=step - 1)
        before = _record_tables(conn)
        migrations.migrate(conn, target=step)
        assert _record_tables(conn) == before, f"step {step} changed a record table"
    assert migrations.LOCAL_STEPS <= {step for step, _ in migrations.MIGRATIONS}


def test_the_data_version_is_the_latest_step_that_changed_the_records():
    # 20 only indexed the persons abroad, 21 gave warnings closed_despite, 22-27 are indexes
    # and the search tables
    known = {19: 19, 20: 19, 21: 21, 22: 21, 23: 21, 24: 21, 25: 21, 26: 21, 27: 21}
    assert {version: migrations.data_version(version) for version in known} == known
    assert migrations.data_version() == max(
        step for step, _ in migrations.MIGRATIONS if step not in migrations.LOCAL_STEPS
    )


def test_a_failing_step_leaves_the_previous_version_intact(tmp_path):
    conn = _connect(tmp_path / "x.sqlite3")
    migrations.migrate(conn, target=1)

    def broken(c):
        c.execute("CREATE TABLE half_done (a)")
        raise sqlite3.plain.OperationalError("injected failure")

    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn, steps=[*migrations.MIGRATIONS[:1], (2, broken)])
    assert migrations.schema_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names
    assert migrations.migrate(conn) == [v for v, _ in migrations.MIGRATIONS[1:]]


def test_statement_splitter_keeps_triggers_whole():
    statements = migrations._split_statements(
        "CREATE TABLE t (a);\nCREATE TRIGGER x BEFORE DELETE ON t\n"
        "BEGIN SELECT RAISE(ABORT, 'no; never'); END;\n"
    )
    assert len(statements) == 2
    assert statements[1].endswith("END;")


def test_an_older_database_is_backed_up_before_it_is_migrated(tmp_path):
    from desktop.db import backups

    path = tmp_path / "old.sqlite3"
    conn = _connect(path)
    migrations.migrate(conn, target=5)
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.commit()
    conn.close()
    open_database(path).close()
    [copy] = backups.list_backups(backups.default_backup_folder(path))
    assert f"before-schema-{migrations.SCHEMA_VERSION}" in copy.name
    check = _connect(copy)
    assert migrations.schema_version(check) == 5  # the database as it was
    check.close()
    open_database(path).close()  # already current: no second copy
    assert len(backups.list_backups(backups.default_backup_folder(path))) == 1


def test_a_migration_says_how_far_it_is_the_backup_first_then_each_step(tmp_path):
    """What the window's bar is told while an older file is opened: the backup fills the first
    half, each step a share of the second, never back, ending full; a current file says
    nothing."""
    path = tmp_path / "old.sqlite3"
    conn = _connect(path)
    migrations.migrate(conn, target=17)
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.commit()
    conn.close()
    heard = []
    open_database(path, progress=lambda done, total: heard.append((done, total))).close()
    assert {total for _done, total in heard} == {1000}
    done = [value for value, _total in heard]
    assert done == sorted(done) and done[-1] == 1000
    steps = len(migrations.MIGRATIONS) - 17
    assert [value for value in done if value > 500] == [
        500 + 500 * k // steps for k in range(1, steps + 1)
    ]
    assert 500 in done  # the backup finished before the first step
    heard.clear()
    open_database(path, progress=lambda done, total: heard.append((done, total))).close()
    assert heard == []


def test_v11_rebuilds_search_without_numbers_and_keeps_the_audit_chain(tmp_path):
    """A version 10 database whose index holds mobiles and whose audit log is chained: after
    v11 the index is empty (rebuilt without numbers by the next refresh), the chain still
    holds, new entries continue it, and 'search' is an action the log accepts."""
    from desktop.db import audit
    from desktop.domain import search

    path = tmp_path / "v10.sqlite3"
    conn = _connect(path)
    migrations.migrate(conn, target=10)
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'dev')")
    conn.execute("INSERT INTO meta(key, value) VALUES ('search_seq', '5')")
    conn.execute("INSERT INTO search_rows (rowid, kind, record_id) VALUES (1, 'residents', 'r1')")
    conn.execute("INSERT INTO search_residents (rowid, text) VALUES (1, '罗某 13812345678')")
    previous = ""
    for seq, summary in ((1, "first"), (2, "second")):
        fields = ("2026-01-05T09:00:00+08:00", "韦明", "create", "talks", "t1", summary, "dev")
        previous = chain.chain_hash(previous, fields)
        conn.execute(
            "INSERT INTO audit (seq, at, actor, action, table_name, row_id, summary, device_id,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, *fields, previous),
        )
    conn.commit()
    conn.close()

    database = open_database(path)
    try:
        assert database.scalar("SELECT count(*) FROM search_residents") == 0
        assert database.scalar("SELECT count(*) FROM search_rows") == 0
        assert search.pending(database)
        assert audit.verify_chain(database) is None
        audit.record(database, "search", "residents", "", "search “1234” (last four digits)")
        assert [row["seq"] for row in audit.recent(database)] == [3, 2, 1]
        assert audit.verify_chain(database) is None
        with pytest.raises(sqlite3.IntegrityError), database.atomic():
            database.execute("DELETE FROM audit WHERE seq = 1")
        plan = " ".join(
            row[3]
            for row in database.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM residents WHERE substr(mobile, -4) = '5678'"
            )
        )
        assert "residents_mobile_tail" in plan
    finally:
        database.close()


# -- steps through sqlite-utils (every step after 12) -----------------------------------------
STAMP = "2026-01-05T09:00:00+08:00"


def _shape(conn) -> dict:
    """Every table's foreign keys and indexes (name, columns, unique, partial), and every
    trigger, as sqlite-utils reads them."""
    tables = migrations.tables(conn)
    return {
        "foreign_keys": {
            name: sorted(tables.table(name).foreign_keys) for name in tables.table_names()
        },
        "indexes": {
            name: sorted(
                (index.name, tuple(index.columns), index.unique, index.partial)
                for index in tables.table(name).indexes
            )
            for name in tables.table_names()
        },
        "triggers": sorted((t.name, t.table, t.sql) for t in tables.triggers),
    }


def _officer_giving_a_talk(database) -> None:
    with database.atomic():
        for sql, values in (
            ("INSERT INTO officers (id, created_at, updated_at, device_id, name, phone)"
             " VALUES (?, ?, ?, 'd', '韦某', '13800000000')", ("o1", STAMP, STAMP)),
            ("INSERT INTO talks (id, created_at, updated_at, device_id, title, starts_at,"
             " ends_at, organiser_id) VALUES (?, ?, ?, 'd', '反诈宣传', ?, ?, 'o1')",
             ("t1", STAMP, STAMP, STAMP, STAMP)),
            ("INSERT INTO talk_officers (id, created_at, updated_at, device_id, talk_id,"
             " officer_id) VALUES (?, ?, ?, 'd', 't1', 'o1')", ("x1", STAMP, STAMP)),
        ):  # fmt: skip
            database.execute(sql, values)


def test_a_sqlite_utils_step_keeps_foreign_keys_indexes_and_triggers(db):
    """Rebuilding tables others refer to (officers), tables with indexes (talks) and the
    audit log with its append-only triggers, inside a step, on a plain and an encrypted file."""
    _officer_giving_a_talk(db)
    before = _shape(db.conn)
    seen_inside: list[bool] = []

    def step(conn):
        migrations.transform(conn, "officers", rename={"phone": "mobile"})
        migrations.transform(conn, "talks", drop={"co_organisers"})
        migrations.transform(conn, "audit", defaults={"summary": ""})
        migrations.tables(conn)["talks"].create_index(["status", "starts_at"])
        seen_inside.append(conn.in_transaction)  # sqlite-utils committed nothing

    version = migrations.SCHEMA_VERSION + 1
    assert migrations.migrate(db.conn, version, [*migrations.MIGRATIONS, (version, step)]) == [
        version
    ]
    assert seen_inside == [True]
    assert migrations.schema_version(db.conn) == version
    after = _shape(db.conn)
    assert after["foreign_keys"] == before["foreign_keys"]
    assert after["triggers"] == before["triggers"]
    added = ("idx_talks_status_starts_at", ("status", "starts_at"), 0, 0)
    assert after["indexes"] == {
        **before["indexes"],
        "talks": sorted([*before["indexes"]["talks"], added]),
    }
    assert db.query("PRAGMA foreign_key_check") == []
    assert db.scalar("SELECT mobile FROM officers WHERE id = 'o1'") == "13800000000"
    assert db.scalar("SELECT organiser_id FROM talks WHERE id = 't1'") == "o1"
    # The foreign keys still hold, and the audit log is still append-only.
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM officers WHERE id = 'o1'")
    db.execute("INSERT INTO audit (at, actor, action, device_id) VALUES (?, 'x', 'print', 'd')",
               (STAMP,))  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit")
    db.conn.rollback()


def test_a_failing_sqlite_utils_step_is_rolled_back_whole(db):
    _officer_giving_a_talk(db)
    before = _shape(db.conn)
    columns = migrations.tables(db.conn)["officers"].columns_dict

    def broken(conn):
        migrations.transform(conn, "officers", rename={"phone": "mobile"})
        migrations.tables(conn)["officers"].add_column("rank", str)
        raise sqlite3.plain.OperationalError("injected failure")

    version = migrations.SCHEMA_VERSION + 1
    with pytest.raises(sqlite3.OperationalError, match="injected"):
        migrations.migrate(db.conn, version, [*migrations.MIGRATIONS, (version, broken)])
    assert not db.conn.in_transaction
    assert migrations.schema_version(db.conn) == migrations.SCHEMA_VERSION
    assert migrations.tables(db.conn)["officers"].columns_dict == columns
    assert _shape(db.conn) == before
    assert db.scalar("SELECT phone FROM officers WHERE id = 'o1'") == "13800000000"


def test_v15_keeps_saved_briefing_issues_as_the_whole_areas(tmp_path):
    """An issue saved at version 14 is of every laptop's records; a station's issue of the same
    period, area and unit can be saved beside it, and not twice."""
    path = tmp_path / "v14.sqlite3"
    conn = _connect(path)
    migrations.migrate(conn, target=14)
    conn.execute(
        "INSERT INTO briefing_issues (unit, year, number, period_start, period_end, area_id,"
        " issued_on, content, saved_at) VALUES ('凤山县公安局', 2026, 1, '2026-11-01',"
        " '2026-11-30', '', '2026-12-01', '{}', '2026-12-01T09:00:00+08:00')"
    )
    conn.commit()
    migrations.migrate(conn)
    assert conn.execute("SELECT laptops FROM briefing_issues").fetchall() == [("",)]
    station = (
        "INSERT INTO briefing_issues (unit, year, number, period_start, period_end, area_id,"
        " laptops, issued_on, content, saved_at) VALUES ('凤山县公安局', 2026, ?, '2026-11-01',"
        " '2026-11-30', '', 'station:凤城派出所', '2026-12-02', '{}', '2026-12-02T09:00:00+08:00')"
    )
    conn.execute(station, (2,))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(station, (3,))
    conn.close()


def test_v17_adds_the_card_sellers_beside_a_version_16_database(tmp_path):
    """A database at version 16 keeps its residents and gains the card sellers and their
    interviews, whose CHECKs refuse what the catalogue does not know; the residents keep the
    laptop they were entered on (version 9's column), the card sellers carry their own."""
    path = tmp_path / "v16.sqlite3"
    conn = _connect(path)
    migrations.migrate(conn, target=16)
    conn.execute(
        "INSERT INTO residents (id, created_at, updated_at, device_id, name, origin_device)"
        " VALUES ('r1', '2026-11-01T09:00:00+08:00', '2026-11-01T09:00:00+08:00', 'd1', '蓝某',"
        " 'd1')"
    )
    conn.commit()
    assert migrations.migrate(conn, target=17) == [17]
    assert conn.execute("SELECT name FROM residents").fetchall() == [("蓝某",)]
    row = ("c1", "2026-11-02T09:00:00+08:00", "2026-11-02T09:00:00+08:00", "d1", "d1",
           "2026-11-02", "r1", "bank_card", "upper_level")  # fmt: skip
    insert = (
        "INSERT INTO card_sellers (id, created_at, updated_at, device_id, origin_device,"
        " listed_on, resident_id, card_kind, source, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert, (*row, "finished"))
    conn.execute(insert, (*row, "to_verify"))
    assert conn.execute("SELECT card_count, manner FROM card_sellers").fetchall() == [
        (1, "unknown")
    ]
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO card_interviews (id, created_at, updated_at, device_id, card_seller_id,"
            " at, method, result) VALUES ('i1', '', '', 'd1', 'c1', '', 'letter', 'warned')"
        )
    indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"
                                              " AND tbl_name = 'card_sellers'")}  # fmt: skip
    assert {"card_sellers_listed", "card_sellers_area", "card_sellers_restricted"} <= indexes
    conn.close()


def test_v18_numbers_the_family_notices_of_persons_abroad_apart(tmp_path):
    """A database at version 17 gains the family notices' numbers: one a person abroad, one
    number a unit and year, pointing at an entry that exists."""
    conn = _connect(tmp_path / "v17.sqlite3")
    migrations.migrate(conn, target=17)
    conn.commit()
    assert migrations.migrate(conn, target=18) == [18]
    conn.execute("PRAGMA foreign_keys = ON")
    insert = (
        "INSERT INTO return_notice_numbers (case_id, unit, year, number, issued_on)"
        " VALUES (?, '某派出所', 2026, ?, '2026-11-25')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert, ("no-such-entry", 1))


def test_v19_adds_the_fraud_free_tables_and_keeps_the_attachments(tmp_path):
    """A database at version 18 gains the visits, evidence, status steps and criteria, the
    communities' households, and attachments an evidence entry may own — the photos already
    attached stay, with their index."""
    conn = _connect(tmp_path / "v18.sqlite3")
    migrations.migrate(conn, target=18)
    conn.execute(
        "INSERT INTO attachments (id, created_at, updated_at, device_id, owner_table, owner_id,"
        " path, sha256) VALUES ('p1', '', '', 'd1', 'talks', 't1', 'attachments/t1/a.jpg', 'x')"
    )
    conn.commit()
    assert migrations.migrate(conn, target=19) == [19]
    assert conn.execute("SELECT owner_id FROM attachments").fetchall() == [("t1",)]
    conn.execute(
        "INSERT INTO attachments (id, created_at, updated_at, device_id, owner_table, owner_id,"
        " path, sha256) VALUES ('p2', '', '', 'd1', 'fraud_free_evidence', 'e1',"
        " 'attachments/e1/b.jpg', 'y')"
    )
    indexes = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {"attachments_owner", "community_visits_area", "fraud_free_steps_area",
            "warnings_board", "follow_ups_board", "warnings_area_losses"} <= indexes  # fmt: skip
    conn.execute(
        "INSERT INTO areas (id, created_at, updated_at, device_id, level, name, households)"
        " VALUES ('a1', '', '', 'd1', 'community', '坡心村', 320)"
    )
    visit = (
        "INSERT INTO community_visits (id, created_at, updated_at, device_id, area_id,"
        " visited_on, households_visited, households_at_home, app_installed_new, app_already,"
        " call_warnings) VALUES (?, '', '', 'd1', 'a1', '2026-11-20', ?, ?, ?, ?, ?)"
    )
    conn.execute(visit, ("v1", 10, 8, 3, 4, 7))
    for bad in ((5, 6, 0, 0, 0), (5, 5, 3, 3, 0), (5, 5, 1, 1, 3), (-1, 0, 0, 0, 0)):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(visit, ("v2", *bad))
    step = (
        "INSERT INTO fraud_free_steps (id, created_at, updated_at, device_id, area_id, status,"
        " step_on, awarded_by, reason) VALUES ('s1', '', '', 'd1', 'a1', ?, '2026-11-20', ?, ?)"
    )
    for bad in (("awarded", "", ""), ("withdrawn", "", ""), ("closed", "", "")):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(step, bad)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO fraud_free_criteria (key, name_zh, name_en, kind, measure, threshold)"
            " VALUES ('k', '名', 'name', 'computed', 'visit_coverage', 120)"
        )
    conn.close()


def test_v21_gives_every_warning_closed_so_far_no_concerns(tmp_path):
    """A database at version 20 gains the concerns a case was closed despite: none for the
    cases already closed (nobody was asked then)."""
    conn = _connect(tmp_path / "v20.sqlite3")
    migrations.migrate(conn, target=20)
    conn.commit()
    assert migrations.migrate(conn, target=21) == [21]
    columns = {row[1]: row for row in conn.execute("PRAGMA table_info(warnings)")}
    assert columns["closed_despite"][3] == 1 and columns["closed_despite"][4] == "''"


def test_v22_reads_a_periods_warnings_by_month_from_covering_indexes(tmp_path):
    """A database at version 21 keeps its warnings; the groups index takes the response times
    into its key, and the two new indexes lead with the month of receipt, so a month's figures
    search that month's entries, read no row of the table and sort nothing."""
    conn = _connect(tmp_path / "v21.sqlite3")
    migrations.migrate(conn, target=21)
    conn.execute(
        "INSERT INTO areas (id, created_at, updated_at, device_id, level, name)"
        " VALUES ('a1', '', '', 'd1', 'county', '凤山县')"
    )
    conn.execute(
        "INSERT INTO residents (id, created_at, updated_at, device_id, name)"
        " VALUES ('r1', '', '', 'd1', '罗某某')"
    )
    conn.execute(
        "INSERT INTO warnings (id, created_at, updated_at, device_id, source, level, received_at,"
        " resident_id, area_id, first_contact_minutes) VALUES ('w1', '', '', 'd1', 'bank',"
        " 'high', '2026-11-05T09:00:00+08:00', 'r1', 'a1', 12)"
    )
    conn.commit()
    assert migrations.migrate(conn, target=22) == [22]

    def key(index):
        return [row[2] for row in conn.execute(f"PRAGMA index_xinfo({index})") if row[5]]

    assert key("warnings_groups")[:7] == [
        "source", "level", "status", "outcome", "lost_before_warning",
        "first_contact_minutes", "first_visit_minutes",
    ]  # fmt: skip
    assert key("warnings_months")[0] is None  # the month, an expression
    assert key("warnings_minutes")[:3] == [None, "first_contact_minutes", "first_visit_minutes"]
    month = (
        "SELECT source, level, status, outcome, lost_before_warning, count(*),"
        " sum(amount_lost) FROM warnings INDEXED BY warnings_months"
        " WHERE substr(received_at, 1, 7) = '2026-11' AND received_at >= '2026-11-01'"
        " AND received_at < '2026-12-01' AND deleted_at IS NULL AND area_id = 'a1'"
        " GROUP BY source, level, status, outcome, lost_before_warning"
    )
    plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {month}"))
    assert "SEARCH warnings USING COVERING INDEX warnings_months (<expr>=?)" in plan
    assert "TEMP B-TREE" not in plan
    assert conn.execute(month).fetchall() == [("bank", "high", "new", None, 0, 1, None)]
    conn.close()


def test_v23_fills_the_character_indexes_from_the_rows_already_indexed(tmp_path):
    """A database searched at version 22 gains the character indexes with the names, titles
    and venues already indexed, under the same rows, so nothing is built again."""
    conn = _connect(tmp_path / "v22.sqlite3")
    migrations.migrate(conn, target=22)
    conn.execute(
        "INSERT INTO residents (id, created_at, updated_at, device_id, name)"
        " VALUES ('r1', '', '', 'd1', '黄秀英')"
    )
    conn.execute(
        "INSERT INTO talks (id, created_at, updated_at, device_id, title, starts_at, ends_at,"
        " venue) VALUES ('t1', '', '', 'd1', '反诈讲座', '2026-11-05T09:00:00+08:00',"
        " '2026-11-05T10:00:00+08:00', '新建社区')"
    )
    conn.execute("INSERT INTO search_rows (rowid, kind, record_id) VALUES (7, 'residents', 'r1')")
    conn.execute("INSERT INTO search_rows (rowid, kind, record_id) VALUES (9, 'talks', 't1')")
    conn.commit()
    assert migrations.migrate(conn, target=23) == [23]

    def found(table, phrase):
        return conn.execute(f"SELECT rowid FROM {table} WHERE text MATCH ?", (phrase,)).fetchall()

    assert found("search_short_residents", '"秀 英"') == [(7,)]
    assert found("search_short_residents", '"黄 英"') == []
    assert found("search_short_talks", '"社 区"') == [(9,)]
    conn.close()


def test_v24_indexes_the_ledgers_by_their_persons_name_where_search_is_built(tmp_path):
    """A database searched at version 23 gains the ledgers' index with every live record of a
    person abroad or a card seller under its person's name; one never searched gains it empty
    (the next search builds it with the others)."""
    for built in (True, False):
        conn = _connect(tmp_path / f"v23-{built}.sqlite3")
        migrations.migrate(conn, target=23)
        conn.execute(
            "INSERT INTO residents (id, created_at, updated_at, device_id, name)"
            " VALUES ('r1', '', '', 'd1', '韦小明')"
        )
        conn.execute(
            "INSERT INTO card_sellers (id, created_at, updated_at, device_id, listed_on,"
            " resident_id, card_kind, source) VALUES ('c1', '', '', 'd1', '2026-11-02', 'r1',"
            " 'bank_card', 'bank')"
        )
        conn.execute(
            "INSERT INTO search_rows (rowid, kind, record_id) VALUES (4, 'residents', 'r1')"
        )
        if built:
            conn.execute("INSERT INTO meta (key, value) VALUES ('search_seq', '9')")
        conn.commit()
        assert migrations.migrate(conn, target=24) == [24]
        found = conn.execute(
            "SELECT s.kind, s.record_id FROM search_ledgers i JOIN search_rows s"
            " ON s.rowid = i.rowid WHERE i.text MATCH '\"小 明\"'"
        ).fetchall()
        assert found == ([("cards", "c1")] if built else [])
        conn.close()
