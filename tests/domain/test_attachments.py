import hashlib

import pytest

from desktop.core.errors import ValidationError
from desktop.db import sqlite as sqlite3  # the driver the program uses
from desktop.db.database import new_id
from desktop.domain import attachments

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "现场照片.png"
    path.write_bytes(PNG)
    return path


def test_a_photo_is_copied_hashed_and_recorded(db, photo):
    talk_id = new_id()
    attachment_id = attachments.add_attachment(db, "talks", talk_id, photo, kind="signin_photo")
    [record] = attachments.list_attachments(db, "talks", talk_id)
    assert record["id"] == attachment_id and record["kind"] == "signin_photo"
    stored = attachments.absolute_path(db, record)
    assert stored.read_bytes() == PNG
    assert record["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert stored.parent == db.path.parent / "attachments" / talk_id


def test_the_same_photo_twice_is_stored_once(db, photo):
    talk_id = new_id()
    first = attachments.add_attachment(db, "talks", talk_id, photo)
    assert attachments.add_attachment(db, "talks", talk_id, photo) == first
    assert len(list((db.path.parent / "attachments" / talk_id).iterdir())) == 1


@pytest.mark.parametrize("content", [b"%PDF-1.4 not a photo", b"", b"hello world, plain text"])
def test_a_file_that_is_not_a_picture_is_refused(db, tmp_path, content):
    path = tmp_path / "notes.jpg"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        attachments.add_attachment(db, "talks", new_id(), path)
    assert info.value.field == "photo" and "not a photo" in str(info.value)
    assert db.scalar("SELECT count(*) FROM attachments") == 0


def test_a_failed_record_leaves_no_file(db, photo):
    talk_id = new_id()
    with pytest.raises(sqlite3.IntegrityError):
        attachments.add_attachment(db, "nowhere", talk_id, photo)  # CHECK on owner_table fails
    assert list((db.path.parent / "attachments" / talk_id).iterdir()) == []


def test_image_type_recognises_phone_photos():
    assert attachments.image_type(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 4) == "heic"
    assert attachments.image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert attachments.image_type(b"\xff\xd8\xff\xe0") == "jpg"
    assert attachments.image_type(b"GIF89a") == "gif"


@pytest.mark.parametrize(
    "path",
    [
        "../../backups/x",
        "attachments/../backups/x.png",
        "/etc/passwd",
        "C:\\x",
        "attachments\\t\\x.png",
        "attachments/t/C:x.png",
        "attachments//x.png",
        "attachments/t/.hidden",
        "backups/2099/backup-2099-01-01.sqlite3",
        "attachments/t/x\x1b.png",
        "attachments/t/" + "x" * 300 + ".png",
        "",
        None,
        b"attachments/t/x.png",
    ],
)
def test_a_path_that_could_leave_the_attachments_folder_is_refused(tmp_path, path):
    with pytest.raises(ValidationError) as info:
        attachments.checked_path(path, tmp_path)
    assert info.value.field == "path"


def test_a_stored_path_is_accepted_as_written(db, photo):
    talk_id = new_id()
    attachments.add_attachment(db, "talks", talk_id, photo)
    [record] = attachments.list_attachments(db, "talks", talk_id)
    assert attachments.checked_path(record["path"], db.path.parent) == record["path"]


def test_a_record_folder_that_is_a_link_out_of_the_attachments_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "data" / "attachments").mkdir(parents=True)
    (tmp_path / "data" / "attachments" / "t").symlink_to(elsewhere, target_is_directory=True)
    stored = f"attachments/t/{'a' * 32}.png"
    assert attachments.checked_path(stored) == stored
    with pytest.raises(ValidationError):
        attachments.checked_path(stored, tmp_path / "data")


def test_a_photo_for_a_record_id_that_leads_elsewhere_is_not_copied(db, photo, tmp_path):
    with pytest.raises(ValidationError):
        attachments.add_attachment(db, "talks", "../../outside", photo)
    assert not (db.path.parent.parent / "outside").exists()
    assert list((db.path.parent / "attachments").iterdir()) == []
    assert db.scalar("SELECT count(*) FROM attachments") == 0


def test_a_stored_path_leading_out_of_the_folder_is_never_read(db, tmp_path):
    """A record merged before packages were checked may name any file: it is not opened."""
    secret = db.path.parent / "secret.txt"
    secret.write_text("not a photo")
    for path in ("attachments/../secret.txt", "../secret.txt", str(secret)):
        with pytest.raises(ValidationError):
            attachments.absolute_path(db, {"path": path})


def test_photos_no_record_names_are_removed_once_old(db, photo, caplog):
    import os
    import time

    talk_id = new_id()
    attachments.add_attachment(db, "talks", talk_id, photo)
    [kept] = (db.path.parent / "attachments" / talk_id).iterdir()
    folder = db.path.parent / "attachments" / new_id()  # a merge killed before its commit
    folder.mkdir()
    orphan = folder / ("ab" * 16 + ".jpg")
    half = folder / ("cd" * 16 + ".png.part")
    young = folder / ("ef" * 16 + ".jpg")  # a merge writing now
    strangers = [folder / "notes.txt", folder / ("ab" * 16 + ".pdf")]
    for path in (orphan, half, young, *strangers):
        path.write_bytes(PNG)
    old = time.time() - attachments.ORPHANED_AFTER_S - 60
    for path in (kept, orphan, half, *strangers):
        os.utime(path, (old, old))
    with caplog.at_level("WARNING"):
        assert sorted(attachments.remove_orphans(db)) == sorted([orphan, half])
    assert kept.exists() and young.exists() and all(path.exists() for path in strangers)
    assert str(orphan) in caplog.text
