"""Exchange packages: what goes in, what a merge does, and every package that is refused."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from datetime import datetime

import pytest
from tampering import rewrite_audit, tamper_audit  # tests/tampering.py

from desktop.core.catalogue import RECORD_TABLES
from desktop.core.errors import PackageRefused, ValidationError
from desktop.db import chain, migrations, records
from desktop.db.opening import open_database
from desktop.db.versions import Versions
from desktop.domain import card_sellers, community_visits, fraud_free, sync, warnings
from desktop.domain import partners as partner_store
from desktop.exchange import packages

KEY = packages.format_exchange_key(bytes(range(32)))  # the key the laptops fixture sets
NOW = datetime.fromisoformat("2026-11-20T09:00:00+08:00")


def state(database) -> dict[str, list[tuple]]:
    """Everything the exchange must carry, table by table (not this database's bookkeeping)."""
    result = {}
    for table in RECORD_TABLES:
        columns = [
            row[1]
            for row in database.execute(f"PRAGMA table_info({table})")
            if row[1] != "change_seq"
        ]
        rows = database.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
        # A record never changed nor sent has its versions implied; spell them out to compare.
        result[table] = [
            tuple(dict(row, versions=Versions.of(dict(row)).dump()).values()) for row in rows
        ]
    return result


def send(source, target, tmp_path, name="p.odpkg", **options):
    path = tmp_path / name
    packages.export_package(source, path, **options)
    return packages.merge_package(target, path)


def test_a_package_carries_what_changed_since_the_last_one_to_the_same_destination(
    laptops, tmp_path
):
    made, ids = laptops
    a = made["a"]
    first = packages.export_package(a, tmp_path / "1.odpkg")
    assert first.manifest["everything"] and first.manifest["counts"]["warnings"] == 2
    assert first.manifest["device_id"] == a.device_id
    records.update_record(a, "warnings", ids["warning0"], {"notes": "电话占线，上门"})
    second = packages.export_package(a, tmp_path / "2.odpkg")
    assert second.manifest["counts"]["warnings"] == 1
    assert sum(second.manifest["counts"].values()) == 1
    # Another destination has had nothing yet: it gets everything.
    other = packages.export_package(a, tmp_path / "3.odpkg", destination="派出所")
    assert other.manifest["counts"]["warnings"] == 2
    again = packages.export_package(a, tmp_path / "4.odpkg", everything=True)
    assert again.manifest["counts"] == first.manifest["counts"]
    assert not (tmp_path / "4.odpkg.part").exists()


def test_merging_brings_records_changes_and_tombstones_in_one_audited_transaction(
    laptops, tmp_path
):
    made, ids = laptops
    a, county = made["a"], made["county"]
    send(a, county, tmp_path, "0.odpkg")
    contact = warnings.record_contact(
        a,
        ids["warning0"],
        method="phone",
        result="busy",
        at=NOW.replace(minute=5),
        now=NOW.replace(minute=6),
    )
    records.update_record(a, "residents", ids["resident1"], {"address": "东门路8号"})
    records.retire_record(a, "talks", ids["talk"])
    result = send(a, county, tmp_path, "1.odpkg")
    assert result.committed
    counts = result.report.counts
    assert counts["contacts"].added == 1
    assert counts["residents"].changed == 1 and counts["talks"].deleted == 1
    assert county.scalar("SELECT deleted_at FROM talks WHERE id = ?", (ids["talk"],)) is not None
    # The county works out the warning's summary of its attempts for itself.
    row = county.execute(
        "SELECT contact_count, first_contact_minutes FROM warnings WHERE id = ?", (ids["warning0"],)
    ).fetchone()
    assert tuple(row) == (1, 5)
    assert county.scalar("SELECT count(*) FROM contacts WHERE id = ?", (contact,)) == 1
    assert county.scalar("SELECT count(*) FROM audit WHERE action = 'merge'") == 2
    assert state(county) == state(a)


def test_the_same_field_changed_on_two_laptops_is_listed_as_a_conflict(laptops, tmp_path):
    made, ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    records.update_record(a, "warnings", ids["warning1"], {"notes": "家属说已报警"})
    records.update_record(b, "warnings", ids["warning1"], {"notes": "本人称没有转账"})
    send(a, county, tmp_path, "a.odpkg")
    from_b = _export(b, tmp_path / "b.odpkg")
    preview = packages.merge_package(county, from_b, preview=True)
    assert not preview.committed and len(preview.report.conflicts) == 1
    assert sync.count_open_conflicts(county) == 0  # a preview writes nothing
    assert packages.merge_package(county, from_b).committed
    [conflict] = sync.open_conflicts(county)
    assert conflict["field"] == "notes" and conflict["row_id"] == ids["warning1"]
    kept, other = json.loads(conflict["kept_value"]), json.loads(conflict["other_value"])
    assert {kept, other} == {"家属说已报警", "本人称没有转账"}
    assert county.scalar("SELECT notes FROM warnings WHERE id = ?", (ids["warning1"],)) == kept
    # A person takes the other value: an edit on the county's side, which wins everywhere.
    sync.resolve_conflict(county, conflict["seq"], take_other=True)
    assert county.scalar("SELECT notes FROM warnings WHERE id = ?", (ids["warning1"],)) == other
    assert sync.count_open_conflicts(county) == 0
    send(county, a, tmp_path, "back.odpkg", destination="a")
    assert a.scalar("SELECT notes FROM warnings WHERE id = ?", (ids["warning1"],)) == other
    with pytest.raises(ValidationError, match="already been decided"):
        sync.resolve_conflict(county, conflict["seq"], take_other=False)


def _export(database, path):
    packages.export_package(database, path)
    return path


def test_merging_the_same_package_twice_changes_nothing(laptops, tmp_path):
    made, ids = laptops
    a, county = made["a"], made["county"]
    records.update_record(a, "residents", ids["resident0"], {"address": "西门街1号"})
    path = _export(a, tmp_path / "a.odpkg")
    packages.merge_package(county, path)
    before = state(county)
    audit_rows = county.scalar("SELECT count(*) FROM audit")
    second = packages.merge_package(county, path)
    assert second.already_merged_at is not None and not second.committed
    assert state(county) == before and county.scalar("SELECT count(*) FROM audit") == audit_rows


def test_a_full_package_after_the_incremental_ones_changes_nothing(laptops, tmp_path):
    made, ids = laptops
    a, county = made["a"], made["county"]
    send(a, county, tmp_path, "1.odpkg")
    records.update_record(a, "warnings", ids["warning0"], {"notes": "已劝阻"})
    send(a, county, tmp_path, "2.odpkg")
    before = state(county)
    result = send(a, county, tmp_path, "3.odpkg", everything=True)
    assert result.committed and not result.report.conflicts
    assert all(c.added == c.changed == c.deleted == 0 for c in result.report.counts.values())
    assert state(county) == before


def test_the_county_knows_each_laptop_and_the_residents_it_held(laptops, tmp_path):
    made, ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    a.set_meta("station_name", "城关派出所")
    warnings.intake(
        b, {"name": "孙丽", "mobile": "13700137000", "source": "bank", "level": "medium",
            "received_at": NOW}, now=NOW,
    )  # fmt: skip
    send(a, county, tmp_path, "a.odpkg")
    send(b, county, tmp_path, "b.odpkg")
    devices = {row["device_id"]: row for row in sync.list_devices(county)}
    assert set(devices) == {a.device_id, b.device_id}
    assert devices[a.device_id]["station"] == "城关派出所" and devices[a.device_id]["packages"] == 1
    assert sync.count_held(county, b.device_id) == 3
    assert len(sync.residents_held_by(county, b.device_id, limit=2)) == 2  # a screen's page
    held_by_b = {row["name"] for row in sync.residents_held_by(county, b.device_id)}
    assert held_by_b == {"王秀英", "赵建国", "孙丽"}
    assert {row["name"] for row in sync.residents_held_by(county, a.device_id)} == {
        "王秀英",
        "赵建国",
    }


def test_photos_travel_with_their_records(laptops, tmp_path):
    from desktop.domain import attachments

    made, ids = laptops
    a, county = made["a"], made["county"]
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    attachment = attachments.add_attachment(a, "talks", ids["talk"], picture)
    result = send(a, county, tmp_path, "a.odpkg")
    assert result.files_written == 1
    row = records.get_record(county, "attachments", attachment)
    assert attachments.absolute_path(county, row).read_bytes() == picture.read_bytes()


# -- refused packages: nothing is written ---------------------------------------------------


def _refused(county, path, words):
    before = state(county)
    audit_rows = county.scalar("SELECT count(*) FROM audit")
    with pytest.raises(PackageRefused) as caught:
        packages.merge_package(county, path)
    assert words in str(caught.value)
    assert state(county) == before and county.scalar("SELECT count(*) FROM audit") == audit_rows
    return caught.value


def _plain_package(made, tmp_path):
    path = _export(made["a"], tmp_path / "a.odpkg")
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    return path


def _reseal(path, **changes):
    conn = sqlite3.connect(path)
    manifest = {name: json.loads(value) for name, value in conn.execute("SELECT * FROM manifest")}
    manifest.pop("seal")
    manifest.update(changes)
    seal = packages._seal(packages.parse_exchange_key(KEY), manifest)
    for name, value in [*manifest.items(), ("seal", seal)]:
        conn.execute("UPDATE manifest SET value = ? WHERE key = ?", (json.dumps(value), name))
    conn.commit()
    conn.close()


def test_a_package_whose_content_was_changed_is_refused(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE warnings SET amount_lost = 500000")
    conn.commit()
    conn.close()
    _refused(made["county"], path, "does not match its hash")


def test_a_package_with_a_broken_seal_is_refused(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("""UPDATE manifest SET value = '"别的派出所"' WHERE key = 'station'""")
    conn.commit()
    conn.close()
    _refused(made["county"], path, "seal")


def test_a_package_sealed_with_another_countys_key_is_refused(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    packages.set_exchange_key(made["county"], packages.new_exchange_key())
    _refused(made["county"], path, "another county's key")


def test_a_package_from_a_newer_schema_is_refused(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    _reseal(path, schema_version=migrations.SCHEMA_VERSION + 1)
    _refused(made["county"], path, "newer version")


def test_a_package_marked_with_a_schema_before_data_versions_still_merges(laptops, tmp_path):
    """Laptops of schema 22 to 26 before data versions wrote their schema into the package."""
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    _reseal(path, schema_version=migrations.SCHEMA_VERSION)
    assert packages.merge_package(made["county"], path).manifest["schema_version"] == (
        migrations.SCHEMA_VERSION
    )


def test_a_package_names_the_version_of_its_records_not_of_the_indexes(laptops, tmp_path):
    """A laptop whose program has newer indexes only (schema steps 22 to 26) sends packages
    that the laptops of schema 21 to 25 still merge: they refuse a package whose version is
    above their own schema's."""
    made, _ids = laptops
    manifest = packages.export_package(made["a"], tmp_path / "a.odpkg").manifest
    assert manifest["schema_version"] == migrations.data_version() == 21
    assert packages.merge_package(made["county"], tmp_path / "a.odpkg").manifest == manifest


def test_a_damaged_package_is_refused(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page + 8, 2 * page + 200):  # a b-tree page's cell area
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    _refused(made["county"], path, "damaged")


def test_files_that_are_not_packages_are_refused(laptops, tmp_path):
    made, _ids = laptops
    database_file = tmp_path / "b" / "outreach.sqlite3"
    _refused(made["county"], database_file, "not an exchange package")
    text = tmp_path / "notes.odpkg"
    text.write_text("not a package", encoding="utf-8")
    _refused(made["county"], text, "another county's")  # read as an encrypted file
    _refused(made["county"], tmp_path, "Cannot read")  # a folder
    _refused(made["county"], tmp_path / "missing.odpkg", "Cannot read")


def test_a_laptop_does_not_merge_its_own_package(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    _refused(made["a"], path, "made on this laptop")


def test_a_package_that_needs_an_earlier_one_is_refused_and_says_so(laptops, tmp_path):
    made, ids = laptops
    a = made["a"]
    packages.export_package(a, tmp_path / "never-merged.odpkg")  # lost on the way
    new_officer = records.insert_record(a, "officers", {"name": "周辅警", "role": "auxiliary"})
    records.update_record(a, "warnings", ids["warning0"], {"officer_id": new_officer})
    warnings.record_contact(
        a, ids["warning0"], method="phone", result="busy", now=NOW.replace(minute=9)
    )
    fresh = open_database(tmp_path / "fresh-county.sqlite3")
    packages.set_exchange_key(fresh, KEY)
    path = _export(a, tmp_path / "second.odpkg")
    error = _refused(fresh, path, "never received")
    assert "warnings" in str(error) or "contacts" in str(error)
    # A reference that points nowhere is named, found through the table's foreign keys.
    assert "warnings.resident_id → residents " in str(error)
    assert fresh.scalar("SELECT count(*) FROM officers WHERE id = ?", (new_officer,)) == 0
    fresh.close()


def test_the_incoming_file_is_opened_read_only(laptops, tmp_path):
    made, ids = laptops
    folder = tmp_path / "stick"
    folder.mkdir()
    path = _export(made["a"], folder / "a.odpkg")
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)  # a write-protected stick
    try:
        result = packages.merge_package(made["county"], path)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert result.committed
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["a.odpkg"]  # no journal, no lock file


def test_export_needs_the_county_key(laptops, tmp_path):
    made, _ids = laptops
    made["a"].set_meta("exchange_key", None)
    with pytest.raises(PackageRefused, match="no exchange key"):
        packages.export_package(made["a"], tmp_path / "a.odpkg")
    assert not list(tmp_path.glob("a.odpkg*"))


def test_exchange_keys_are_checked_and_written_for_people():
    key = packages.new_exchange_key()
    assert len(key.replace("-", "")) == 52 and key.count("-") == 12
    assert packages.parse_exchange_key(
        key.lower().replace("-", " ")
    ) == packages.parse_exchange_key(key)
    for wrong in ("", "ABCD-EFGH", key[:-1] + "1", key + "AAAA"):
        with pytest.raises(ValidationError):
            packages.parse_exchange_key(wrong)


def test_a_laptop_with_a_password_sends_an_encrypted_package(db, tmp_path):
    """``db`` runs plain and encrypted: the package follows the laptop."""
    from desktop.db import keys
    from desktop.domain import areas

    packages.set_exchange_key(db, KEY)
    areas.add_area(db, name="平安县", level="county")
    path = _export(db, tmp_path / "p.odpkg")
    encrypted = keys.is_encrypted(db.path)
    assert path.read_bytes().startswith(b"SQLite format 3\x00") is not encrypted
    if encrypted:
        assert "平安县".encode() not in path.read_bytes()
    county = open_database(tmp_path / "county.sqlite3")
    packages.set_exchange_key(county, KEY)
    result = packages.merge_package(county, path)
    assert result.manifest["encrypted"] is encrypted and result.report.counts["areas"].added == 1
    county.close()
    shutil.rmtree(tmp_path / "attachments", ignore_errors=True)


def test_areas_merge_parents_first_however_many_and_in_whatever_id_order(laptops, tmp_path):
    made, ids = laptops
    a, county = made["a"], made["county"]
    county_id = a.scalar("SELECT id FROM areas WHERE level = 'county'")
    # A township whose id sorts after its 450 communities: the package lists the children first.
    town = records.insert_record(
        a, "areas", {"id": "ffffffff-0000-4000-8000-000000000000", "name": "新镇",
                     "level": "township", "parent_id": county_id},
    )  # fmt: skip
    for number in range(450):
        records.insert_record(
            a, "areas", {"id": f"00000000-0000-4000-8000-{number:012d}", "name": f"新村{number}",
                         "level": "community", "parent_id": town},
        )  # fmt: skip
    # An existing community moves under the new township in the same package.
    records.update_record(a, "areas", ids["area"], {"parent_id": town})
    result = send(a, county, tmp_path, "areas.odpkg")
    assert result.report.counts["areas"].added == 451
    assert county.scalar("SELECT parent_id FROM areas WHERE id = ?", (ids["area"],)) == town


def test_writing_a_package_leaves_the_database_free_to_save(laptops, tmp_path):
    from desktop.domain import areas

    made, _ids = laptops
    a = made["a"]
    other = open_database(a.path)  # the window's connection while the worker exports
    other.conn.execute("PRAGMA busy_timeout = 200")
    saved = []

    def progress(done, total):
        if not saved:
            saved.append(areas.add_area(other, name="新县", level="county"))

    packages.export_package(a, tmp_path / "p.odpkg", progress=progress)
    other.close()
    assert saved  # written during the export, no "database is locked"
    # ... and it goes in the next package, not lost between the two.
    second = packages.export_package(a, tmp_path / "q.odpkg")
    assert second.manifest["counts"]["areas"] == 1


def test_export_never_replaces_a_database_or_another_file(laptops, tmp_path):
    made, _ids = laptops
    a = made["a"]
    before = a.path.read_bytes()
    for target in (a.path, tmp_path / "notes.txt", tmp_path):
        if target.suffix == ".txt":
            target.write_text("会议记录", encoding="utf-8")
        with pytest.raises(PackageRefused):
            packages.export_package(a, target)
    assert a.path.read_bytes() == before and (tmp_path / "notes.txt").exists()
    first = _export(a, tmp_path / "p.odpkg")
    assert packages.export_package(a, first, everything=True).records > 0  # a package: replaced


def test_equal_content_from_two_laptops_or_two_days_is_two_packages(laptops, tmp_path):
    made, _ids = laptops
    a, b, county = made["a"], made["b"], made["county"]
    send(a, county, tmp_path, "a0.odpkg")
    send(b, county, tmp_path, "b0.odpkg")
    # Nothing changed on either laptop: two empty packages, each still telling its laptop's date.
    empty_a = send(a, county, tmp_path, "a1.odpkg")
    empty_b = send(b, county, tmp_path, "b1.odpkg")
    assert empty_a.committed and empty_b.committed
    devices = {row["device_id"]: row for row in sync.list_devices(county)}
    assert devices[a.device_id]["packages"] == devices[b.device_id]["packages"] == 2


def test_a_copy_of_a_database_in_another_place_edits_under_its_own_device_id(laptops, tmp_path):
    made, _ids = laptops
    a = made["a"]
    copy = tmp_path / "copy" / "outreach.sqlite3"
    copy.parent.mkdir()
    a.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file as a person would copy it, closed
    shutil.copyfile(a.path, copy)
    other = open_database(copy)
    assert other.device_id != a.device_id
    assert a.device_id in other.get_meta("device_ids_before")
    other.close()


def test_records_the_database_cannot_accept_refuse_the_whole_package(
    laptops, tmp_path, monkeypatch
):
    from desktop.domain import residents

    made, _ids = laptops
    a, county = made["a"], made["county"]
    resident = residents.add_resident(a, {"name": "覃某某", "mobile": "13600136000"})
    columns = sync.travelling_columns

    def without_names(database, table):  # as an older program might have written it
        found = columns(database, table)
        return tuple(c for c in found if c != "name") if table == "residents" else found

    monkeypatch.setattr(sync, "travelling_columns", without_names)
    path = _export(a, tmp_path / "old.odpkg")
    monkeypatch.setattr(sync, "travelling_columns", columns)
    error = _refused(county, path, "cannot be empty")
    assert f"The residents record {resident} cannot be accepted (name)" in str(error)


def test_a_laptop_whose_audit_log_was_cut_after_a_package_is_named_at_the_county(laptops, tmp_path):
    from desktop.db.opening import check_database

    made, _ids = laptops
    a, county = made["a"], made["county"]
    a.set_meta("station_name", "城关派出所")
    packages.set_exchange_key(a, KEY)  # one more entry the county hears of
    first = send(a, county, tmp_path, "1.odpkg")
    assert first.audit_findings == [] and first.manifest["audit_head"]["count"] > 3
    sent = first.manifest["audit_head"]
    path = a.path
    a.close()
    tamper_audit(path, f"DELETE FROM audit WHERE seq > {sent['seq'] - 2}")
    # The laptop's own check finds it against what it sent, as well as against its note.
    assert (
        f"The audit log is shorter than the package sent to the county on"
        f" {first.manifest['created_at'][:16].replace('T', ' ')} records: it reached entry"
        f" {sent['seq']} then, it ends at entry {sent['seq'] - 2} now."
    ) in [str(problem) for problem in check_database(path)]
    made["a"] = a = open_database(path)
    second = send(a, county, tmp_path, "2.odpkg")
    assert second.committed
    expected = (
        f"The audit log of laptop 城关派出所 / {a.device_id} is shorter than its package of"
        f" {first.manifest['created_at'][:16].replace('T', ' ')} showed: {sent['count']} entries"
        f" (to entry {sent['seq']}) then, {sent['count'] - 2} entries (to entry"
        f" {sent['seq'] - 2}) in the package of"
        f" {second.manifest['created_at'][:16].replace('T', ' ')}."
    )
    assert [str(message) for message in second.audit_messages()] == [expected]
    assert [str(problem) for problem in check_database(county.path)] == [expected]
    assert expected in county.scalar("SELECT summary FROM audit ORDER BY seq DESC LIMIT 1")


def test_a_laptop_whose_audit_log_was_rewritten_after_a_package_is_named_at_the_county(
    laptops, tmp_path
):

    made, _ids = laptops
    a, county = made["a"], made["county"]
    a.set_meta("station_name", "城关派出所")
    first = send(a, county, tmp_path, "1.odpkg")
    sent = first.manifest["audit_head"]
    path = a.path
    a.close()
    conn = sqlite3.connect(path)
    rewrite_audit(conn, "UPDATE audit SET summary = 'nothing happened' WHERE seq = 2")
    conn.close()
    chain.anchor_file(path).unlink()
    made["a"] = a = open_database(path)
    second = send(a, county, tmp_path, "2.odpkg")
    assert [str(message) for message in second.audit_messages()] == [
        f"The audit log of laptop 城关派出所 / {a.device_id} was rewritten: entry {sent['seq']} is"
        f" not the one its package of {first.manifest['created_at'][:16].replace('T', ' ')}"
        f" showed (found in the package of {second.manifest['created_at'][:16].replace('T', ' ')})."
    ]


def test_packages_from_a_laptop_whose_log_grew_honestly_find_nothing(laptops, tmp_path):
    made, ids = laptops
    a, county = made["a"], made["county"]
    send(a, county, tmp_path, "1.odpkg")
    records.update_record(a, "warnings", ids["warning0"], {"notes": "电话占线，上门"})
    assert send(a, county, tmp_path, "2.odpkg").audit_findings == []
    assert send(a, county, tmp_path, "3.odpkg").audit_findings == []


# -- what the seal covers ---------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


def _files_in(folder) -> set[str]:
    """The files of a laptop's folder, its database files aside."""
    return {
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith("outreach.sqlite3")
    }


def _everything(made, ids, tmp_path):
    """A package from laptop a holding records of every table and a photo."""
    from desktop.domain import attachments, return_cases

    a = made["a"]
    picture = tmp_path / "photo.png"
    picture.write_bytes(PNG)
    attachments.add_attachment(a, "talks", ids["talk"], picture)
    partner_store.add_partner(a, {"name": "城关小学", "kind": "school"})
    records.insert_record(
        a, "talk_officers", {"talk_id": ids["talk"], "officer_id": ids["officer"]}
    )
    warnings.record_contact(
        a, ids["warning0"], method="phone", result="busy", at=NOW.replace(minute=5),
        now=NOW.replace(minute=6),
    )  # fmt: skip
    records.insert_record(a, "follow_ups", {"warning_id": ids["warning0"], "due_on": "2026-11-27"})
    records.insert_record(
        a, "transfers", {"warning_id": ids["warning0"], "at": NOW.isoformat(), "reason": "辖区调整"}
    )
    records.insert_record(a, "campaigns", {"on_date": "2026-11-20", "kind": "sms", "count": 100})
    abroad = return_cases.list_person(
        a, {"name": "覃某某", "mobile": "13600136000", "location": "laos",
            "lead_source": "upper_level", "category": "high_risk"}, today=NOW.date(),
    )  # fmt: skip
    return_cases.record_contact(
        a, abroad, party="family", method="phone", result="reached", at=NOW, now=NOW
    )
    card_seller = card_sellers.add_card_seller(
        a, {"card_kind": "bank_card", "source": "bank", "listed_on": "2026-11-20"},
        resident_id=ids["resident0"], today=NOW.date(),
    )  # fmt: skip
    card_sellers.record_interview(
        a, card_seller, method="summoned", result="warned", at=NOW.replace(minute=10),
        now=NOW.replace(minute=11),
    )  # fmt: skip
    community_visits.add_visit(
        a, {"area_id": ids["area"], "visited_on": "2026-11-20", "households_visited": 12},
        today=NOW.date(),
    )  # fmt: skip
    fraud_free.add_evidence(a, ids["area"], "publicity_board", True, today=NOW.date())
    fraud_free.record_status(a, ids["area"], "creating", "2026-11-01", today=NOW.date())
    return _export(a, tmp_path / "everything.odpkg")


def _altered(value):
    """Another value of the same kind (a manifest's values are JSON)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, dict):
        return {**value, "x": 1}
    return (value or "") + "x"


def test_every_value_a_merge_reads_is_sealed(laptops, tmp_path):
    """Each column of each table of a package (records, photos, manifest) changed on its own,
    one at a time: every change breaks the seal, and nothing is merged."""
    made, ids = laptops
    county = made["county"]
    path = _everything(made, ids, tmp_path)
    conn = sqlite3.connect(path)
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert set(tables) == {*RECORD_TABLES, "files", "manifest"}
    changes = []
    for table in tables:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        rowids = [row[0] for row in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
        assert rowids, f"the package holds no {table}"
        for rowid in rowids if table == "manifest" else rowids[:1]:
            changes += [(table, column, rowid) for column in columns]
    conn.close()
    files_before = _files_in(county.path.parent)
    for number, (table, column, rowid) in enumerate(changes):
        altered = tmp_path / f"altered-{number}.odpkg"
        shutil.copyfile(path, altered)
        conn = sqlite3.connect(altered)
        (value,) = conn.execute(
            f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,)
        ).fetchone()
        if table == "manifest" and column == "value":
            value = json.dumps(_altered(json.loads(value)))
        elif isinstance(value, bytes):
            value = bytes([value[0] ^ 1]) + value[1:]
        else:
            value = _altered(value)
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rowid))
        conn.commit()
        conn.close()
        error = _refused(county, altered, "")
        assert "seal" in str(error) or "does not match its hash" in str(error), (table, column)
    assert _files_in(county.path.parent) == files_before


def test_a_photos_path_changed_in_a_sealed_package_breaks_the_seal(laptops, tmp_path):
    made, ids = laptops
    path = _everything(made, ids, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE files SET path = 'backups/2099/backup-2099-01-01.sqlite3'")
    conn.commit()
    conn.close()
    _refused(made["county"], path, "does not match its hash")
    assert not (made["county"].path.parent / "backups").exists()


def test_a_package_from_the_earlier_format_is_refused_and_says_why(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    _reseal(path, format=1)
    _refused(made["county"], path, "older version of the program")


def test_a_manifest_holding_what_no_laptop_writes_is_refused(laptops, tmp_path):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    _reseal(path, station="城关\x1b[2J派出所")
    error = _refused(made["county"], path, "manifest")
    assert "(station:" in str(error) and "control character" in str(error)


# -- packages a hostile laptop makes: sealed with the program's own code --------------------


def _by_hand(database, table, record_id, **values):
    """What a laptop whose database was edited outside the program holds."""
    assignments = ", ".join(f"{name} = ?" for name in values)
    database.execute("PRAGMA ignore_check_constraints = ON")
    with database.atomic():
        database.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), record_id)
        )
    database.execute("PRAGMA ignore_check_constraints = OFF")


def _new_record(database, table, ids, tmp_path):
    from desktop.domain import attachments, residents

    if table == "warnings":
        return warnings.intake(
            database,
            {"name": "覃某某", "mobile": "13600136000", "source": "bank", "level": "high",
             "received_at": NOW},
            now=NOW,
        )  # fmt: skip
    if table == "contacts":  # an attempt on a new case: read while the case merges
        return warnings.record_contact(
            database, _new_record(database, "warnings", ids, tmp_path), method="phone",
            result="busy", at=NOW.replace(minute=5), now=NOW.replace(minute=6),
        )  # fmt: skip
    if table == "residents":
        return residents.add_resident(database, {"name": "覃某某", "mobile": "13600136000"})
    if table == "talks":
        return ids["talk"]
    picture = tmp_path / "photo.png"
    picture.write_bytes(PNG)
    return attachments.add_attachment(database, "talks", ids["talk"], picture)


HOSTILE = {  # what a form or an import refuses, and the words of the refusal
    "a 200 MB note": ("warnings", "notes", lambda: "x" * (200 * 2**20), "characters long"),
    "a note with ESC": ("contacts", "notes", lambda: "已劝阻\x1b[2J", "control character"),
    "a name with CR-LF": ("residents", "name", lambda: "王秀英\r\n赵建国", "line break"),
    "a path up and out": ("attachments", "path", lambda: "../../backups/x", "attachments folder"),
    "an absolute path": ("attachments", "path", lambda: "/etc/passwd", "attachments folder"),
    "a drive letter": ("attachments", "path", lambda: "C:\\x", "attachments folder"),
    "a backup's place": (
        "attachments", "path", lambda: "backups/2099/backup-2099-01-01.sqlite3",
        "attachments folder",
    ),
    "an unknown level": ("warnings", "level", lambda: "extreme", "Unknown value"),
    "a moment that is not one": ("warnings", "received_at", lambda: "昨天下午", "date and time"),
    "a moment without its offset": (
        "warnings", "received_at", lambda: "2026-11-20T09:00:00", "offset from UTC",
    ),
    "an attempt at no moment": ("contacts", "at", lambda: "刚才", "date and time"),
    "a loss over a trillion yuan": ("warnings", "amount_lost", lambda: 10**15, "one trillion"),
    "a loss in words": ("warnings", "amount_lost", lambda: "很多", "whole number"),
    "tags that are not texts": ("residents", "tags", lambda: '[1, {"a": 2}]', "list of texts"),
    "versions no laptop writes": ("residents", "versions", lambda: '{"c": 1}', "history of edits"),
    "a headcount no talk has": ("talks", "actual_headcount", lambda: 2**63 - 1, "from 0 to"),
    "a topic holding ESC": ("talks", "topics", lambda: '["\\u001b[2J"]', "list of texts"),
    "an audience no list has": ("talks", "audience", lambda: '["<img src=x>"]', "list of texts"),
    "handouts past any count": (
        "talks", "handouts_by_kind", lambda: '{"investment": 100000000000000000000000000000}',
        "table of",
    ),
    "handouts of no kind": ("talks", "handouts_by_kind", lambda: '{"\\u202e": 1}', "table of"),
    "a fraud type no list has": ("warnings", "fraud_type", lambda: "<img src=x>", "Unknown value"),
    "a moment in the year 9999": (
        "warnings", "received_at", lambda: "9999-12-31T23:59:00-12:00", "1900 to 2100",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_sealed_package_holding_what_no_form_accepts_is_refused_naming_it(
    laptops, tmp_path, case
):
    made, ids = laptops
    a, county = made["a"], made["county"]
    table, field, value, words = HOSTILE[case]
    record = _new_record(a, table, ids, tmp_path)
    value = value()
    _by_hand(a, table, record, **{field: value})
    if field == "path" and not value.startswith(("/", "..")):
        # The photo is there too, so the package carries it under that path.
        (a.path.parent / value).parent.mkdir(parents=True, exist_ok=True)
        (a.path.parent / value).write_bytes(PNG)
    path = _export(a, tmp_path / "hostile.odpkg")
    files_before = _files_in(county.path.parent)
    error = _refused(county, path, words)
    assert f"The {table} record {record} cannot be accepted ({field})" in str(error)
    assert "Nothing was merged" in str(error)
    assert _files_in(county.path.parent) == files_before


def _rehash(path):
    """Seal a package again after changing it, with the program's own sealing code (as anyone
    holding the program and the county's key could)."""
    conn = sqlite3.connect(path)
    manifest = {name: json.loads(value) for name, value in conn.execute("SELECT * FROM manifest")}
    columns = {
        table: tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
        for table in RECORD_TABLES
    }
    package = packages.Package(path, manifest, conn, columns)
    manifest["content_hash"], manifest["counts"] = packages._content_hash(
        package, manifest["device_id"], manifest["created_at"]
    )
    conn.close()
    _reseal(path, content_hash=manifest["content_hash"], counts=manifest["counts"])


def test_a_photo_no_record_attaches_there_is_not_written(laptops, tmp_path):
    made, ids = laptops
    county = made["county"]
    path = _everything(made, ids, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE files SET path = ?", (f"attachments/{ids['talk']}/{'0' * 32}.png",))
    conn.commit()
    conn.close()
    _rehash(path)
    files_before = _files_in(county.path.parent)
    _refused(county, path, "No record of the package attaches it there")
    assert _files_in(county.path.parent) == files_before


def _photo_moved(made, ids, tmp_path, relative, data=PNG):
    """A package whose photo record and file both say ``relative`` (edited by hand, sealed by
    the program's own code), the file holding ``data``."""
    from desktop.domain import attachments

    a = made["a"]
    picture = tmp_path / "photo.png"
    picture.write_bytes(PNG)
    record = attachments.add_attachment(a, "talks", ids["talk"], picture)
    _by_hand(a, "attachments", record, path=relative)
    (a.path.parent / relative).parent.mkdir(parents=True, exist_ok=True)
    (a.path.parent / relative).write_bytes(data)
    return _export(a, tmp_path / "moved.odpkg")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("run.bat", "not a file inside the attachments folder"),  # a program, not a photo
        (f"{'0' * 32}.exe", "not a file inside the attachments folder"),
    ],
)
def test_only_a_picture_named_as_the_program_names_them_is_written(laptops, tmp_path, name, words):
    made, ids = laptops
    county = made["county"]
    relative = f"attachments/{ids['talk']}/{name}"
    path = _photo_moved(made, ids, tmp_path, relative, b"@echo pwned")
    files_before = _files_in(county.path.parent)
    _refused(county, path, words)
    assert _files_in(county.path.parent) == files_before


@pytest.mark.parametrize(
    ("owner", "name", "words"),
    [
        ("warning0", f"{'1' * 32}.png", "attaches it there"),  # another record's folder
        ("talk", f"{'2' * 32}.jpg", "not the picture it says"),  # PNG bytes under a JPEG's name
    ],
)
def test_a_photo_goes_only_into_its_own_records_folder_and_is_what_it_says(
    laptops, tmp_path, owner, name, words
):
    made, ids = laptops
    county = made["county"]
    files_before = _files_in(county.path.parent)
    _refused(county, _photo_moved(made, ids, tmp_path, f"attachments/{ids[owner]}/{name}"), words)
    assert _files_in(county.path.parent) == files_before


def test_a_photo_larger_than_an_attachment_may_be_is_refused_unread(laptops, tmp_path, monkeypatch):
    from desktop.domain import attachments

    made, ids = laptops
    path = _everything(made, ids, tmp_path)
    monkeypatch.setattr(attachments, "MAX_BYTES", len(PNG) - 1)
    _refused(made["county"], path, "larger than 50 MB")


def test_a_package_larger_than_a_package_may_be_is_refused_unopened(laptops, tmp_path, monkeypatch):
    made, _ids = laptops
    path = _plain_package(made, tmp_path)
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", path.stat().st_size - 1)
    _refused(made["county"], path, "a package holds at most")


def test_an_area_placed_where_no_form_would_put_it_is_refused(laptops, tmp_path):
    """An area under itself (a loop every walk of the tree would go round for ever)."""
    from desktop.domain import areas

    made, _ids = laptops
    a, county = made["a"], made["county"]
    town = areas.add_area(a, name="三岔镇", level="county")
    _by_hand(a, "areas", town, level="township", parent_id=town)
    path = _export(a, tmp_path / "loop.odpkg")
    before = county.scalar("SELECT count(*) FROM areas")
    error = _refused(county, path, "A township belongs to a county")
    assert f"The areas record {town} cannot be accepted (parent_id)" in str(error)
    assert county.scalar("SELECT count(*) FROM areas") == before


def test_briefing_issues_stay_with_the_unit_that_numbered_them(laptops, tmp_path):
    """An issue's number counts what its unit put out: no package carries it, saving one is
    no change to send, and a merge leaves the county's own issues as they are."""
    from datetime import date

    from desktop.domain.statistics import Period
    from desktop.reports.briefing_issue import BriefingIssue, Paragraph, Section
    from desktop.reports.briefing_store import save_issue, saved_issue

    made, _ids = laptops
    a, county = made["a"], made["county"]
    november = Period.month(2026, 11)

    def issue(unit: str) -> BriefingIssue:
        opening = Section("opening", "", (Paragraph("2026年11月，全辖区接收预警2条。"),))
        return BriefingIssue(name="反诈工作简报", year=0, number=0, unit=unit,
                             issued_on=date(2026, 12, 1), title="11月反诈工作情况",
                             sections=(opening,))  # fmt: skip

    save_issue(county, november, None, issue("县局"), today=date(2026, 12, 1))
    send(a, county, tmp_path, "0.odpkg")
    save_issue(a, november, None, issue("城关派出所"), today=date(2026, 12, 2))
    second = packages.export_package(a, tmp_path / "1.odpkg")
    assert sum(second.manifest["counts"].values()) == 0
    assert "briefing_issues" not in second.manifest["counts"]
    packages.merge_package(county, tmp_path / "1.odpkg")
    assert saved_issue(county, "城关派出所", november, None) is None
    assert saved_issue(county, "县局", november, None).number == 1
    assert saved_issue(a, "城关派出所", november, None).number == 1
