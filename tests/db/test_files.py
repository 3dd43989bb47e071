import os

import pytest

from desktop.db import files


def test_a_file_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "db.sqlite3.key"
    files.write_whole(target, "第一版")
    assert target.read_text(encoding="utf-8") == "第一版"

    def killed(*_args):
        raise OSError("the disk went away")

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(OSError):
        files.write_whole(target, "第二版")
    assert target.read_text(encoding="utf-8") == "第一版"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]  # no half-made copy left


def test_only_what_nothing_has_touched_for_a_while_goes(tmp_path):
    old, new = tmp_path / "old.part", tmp_path / "new.part"
    for path in (old, new):
        path.write_bytes(b"x")
    os.utime(old, (1_000, 1_000))
    now = old.stat().st_mtime + 600
    assert files.remove_if_untouched(old, now, 600) and not old.exists()
    assert not files.remove_if_untouched(new, new.stat().st_mtime + 1, 600) and new.exists()
    assert not files.remove_if_untouched(tmp_path / "gone.part", now, 600)
