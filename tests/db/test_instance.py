import os
import subprocess
import sys

import pytest

from desktop.db.instance import InstanceLock, in_use
from desktop.db.opening import open_database


def test_one_program_at_a_time_per_database(tmp_path):
    path = tmp_path / "station.sqlite3"
    first = InstanceLock(path)
    assert first.acquire() and in_use(path)
    assert not InstanceLock(path).acquire()
    other = InstanceLock(tmp_path / "other.sqlite3")
    assert other.acquire()  # another database is free
    other.release()
    first.release()
    assert not in_use(path)


def _program(tmp_path, path, *command: str) -> subprocess.CompletedProcess:
    """The program on ``path`` as a process of its own: its window, or ``command``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTREACH_DESK_EXIT_WHEN_IDLE": "1",
           "OUTREACH_DESK_DATA": str(tmp_path / "data")}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(path), "--lang", "en", *command],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def test_a_second_launch_opens_nothing_and_says_why(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    held = InstanceLock(path)
    assert held.acquire()
    done = _program(tmp_path, path)
    assert done.returncode == 1 and "already open in Outreach Desk" in done.stderr
    restore = _program(tmp_path, path, "restore")
    assert restore.returncode == 1 and "Close Outreach Desk first" in restore.stderr
    held.release()
    done = _program(tmp_path, path)
    assert done.returncode == 0, done.stderr


def test_a_killed_program_leaves_no_lock_behind(tmp_path):
    path = tmp_path / "station.sqlite3"
    code = (
        "import sys, time; from pathlib import Path; from desktop.db.instance import "
        "InstanceLock; lock = InstanceLock(Path(sys.argv[1])); assert lock.acquire(); "
        "print('held', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE,
                             text=True)  # fmt: skip
    assert child.stdout.readline().strip() == "held"
    assert in_use(path)
    child.kill()
    child.wait()
    child.stdout.close()
    assert not in_use(path)


def test_a_symbolic_link_to_the_database_meets_the_same_lock(tmp_path):
    path = tmp_path / "station.sqlite3"
    path.write_bytes(b"")
    link = tmp_path / "shortcut.sqlite3"
    link.symlink_to(path)
    first = InstanceLock(path)
    assert first.acquire()
    try:
        assert not InstanceLock(link).acquire()  # the same file, whatever it is called
        assert in_use(link)
    finally:
        first.release()
    again = InstanceLock(link)
    assert again.acquire()
    again.release()


def test_only_the_mark_this_program_made_is_removed_at_close(tmp_path):
    from desktop.db import instance

    path = tmp_path / "station.sqlite3"
    instance.mark_open(path)
    instance.mark_closed(path)
    assert not instance.was_left_open(path)
    # A program that stopped without closing (another process) left its mark: a window that
    # never made one (a screenshot) must not take it away from the next start's check.
    instance.marker_path(path).write_text("4194305 2026-12-01T08:00:00+08:00\n")
    instance.mark_closed(path)
    assert instance.was_left_open(path)
    instance.mark_closed(path, only_ours=False)  # the file itself was moved aside
    assert not instance.was_left_open(path)


def test_a_mark_with_our_process_number_but_not_our_words_is_another_programs(tmp_path):
    """The system may give this process the number of a program that crashed earlier."""
    from desktop.db import instance

    path = tmp_path / "station.sqlite3"
    instance.marker_path(path).write_text(f"{os.getpid()} 2026-12-01T08:00:00+08:00\n")
    instance.mark_closed(path)
    assert instance.was_left_open(path)


def test_a_mark_that_is_a_link_is_never_written_through_and_counts_as_left_open(tmp_path):
    from desktop.db import instance

    path = tmp_path / "station.sqlite3"
    elsewhere = tmp_path / "officers.csv"
    elsewhere.write_text("姓名,手机号\n")
    marker = instance.marker_path(path)
    marker.symlink_to(tmp_path / "nothing-there")
    assert instance.was_left_open(path)  # a link to nothing as well
    marker.unlink()
    marker.symlink_to(elsewhere)
    instance.mark_open(path)
    assert elsewhere.read_text() == "姓名,手机号\n" and not marker.is_symlink()
    instance.mark_closed(path)
    assert not instance.was_left_open(path)


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_folder_or_pipe_in_the_mark_s_place_is_named_and_the_window_opens_nothing(tmp_path, kind):
    """A folder or a pipe where the mark goes is no program's mark (nothing to check the whole
    file for), and a database opened without its mark would go unchecked after a crash: the
    start names it and opens nothing, without a traceback, and never waits on the pipe for
    a reader (it hung before)."""
    from desktop.core.errors import DatabaseError
    from desktop.db import instance

    path = tmp_path / "station.sqlite3"
    open_database(path).close()
    marker = instance.marker_path(path)
    if kind == "folder":
        marker.mkdir()
    elif hasattr(os, "mkfifo"):
        os.mkfifo(marker)
    else:
        pytest.skip("no named pipes in folders here")
    assert not instance.was_left_open(path)
    with pytest.raises(DatabaseError) as refused:
        instance.mark_open(path)
    assert str(marker) in refused.value.render()
    done = _program(tmp_path, path)  # within its 60 seconds
    assert done.returncode == 1, done.stderr
    assert f"Cannot write {marker}" in done.stderr
    assert "Traceback" not in done.stderr
    assert marker.is_dir() if kind == "folder" else marker.is_fifo()  # left for the officer
