import pytest

from desktop.core.errors import ValidationError
from desktop.db import password


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_only_a_hash_is_kept_and_the_right_password_opens(db):
    code = password.set_password(db, "fanzha-2026", idle=5)
    stored = db.get_meta(password.META_PASSWORD_HASH)
    assert stored.startswith("$argon2id$") and "fanzha-2026" not in stored
    assert len(code) == 23 and code.count("-") == 3
    assert password.is_set(db) and password.idle_minutes(db) == 5
    gate = password.Gate(db)
    assert gate.try_password("fanzha-2026")
    dumped = "\n".join(str(value) for row in db.query("SELECT * FROM meta") for value in row)
    assert "fanzha-2026" not in dumped and code.replace("-", "") not in dumped


def test_wrong_passwords_are_slowed_down(db):
    password.set_password(db, "fanzha-2026")
    clock = Clock()
    gate = password.Gate(db, clock=clock)
    assert not gate.try_password("123456")
    assert gate.wait_left() == 1.0
    assert not gate.try_password("fanzha-2026")  # even the right one waits its turn
    clock.now += 1.0
    assert not gate.try_password("654321")
    assert gate.wait_left() == 2.0  # each failure doubles the wait
    for _ in range(10):
        clock.now += gate.wait_left()
        gate.try_password("nope")
    assert gate.wait_left() == password.MAX_DELAY
    clock.now += password.MAX_DELAY
    assert gate.try_password("fanzha-2026") and gate.failures == 0


def test_the_recovery_code_opens_when_the_password_is_lost(db):
    code = password.set_password(db, "fanzha-2026")
    gate = password.Gate(db)
    assert gate.try_recovery_code(code.lower().replace("-", " "))


def test_a_short_password_is_refused(db):
    with pytest.raises(ValidationError) as info:
        password.set_password(db, "1234567")
    assert info.value.field == "password"
    assert not password.is_set(db)
    password.set_password(db, "fanzha-2026")
    password.remove_password(db)
    assert not password.is_set(db)


def test_a_new_program_inherits_the_wait_of_the_last_wrong_password(db):
    """The window started again, or the command line, counts on from the same failures."""
    password.set_password(db, "fanzha-2026")
    clock = Clock()
    assert not password.Gate(db, clock=clock).try_password("123456")
    again = password.Gate(path=db.path, clock=clock)  # another program, the same file
    assert again.failures == 1 and again.wait_left() == 1.0
    clock.now += 1.0
    assert not password.Gate(db, clock=clock).try_password("654321")
    assert password.Gate(path=db.path, clock=clock).wait_left() == 2.0
    clock.now += 2.0
    assert password.Gate(db, clock=clock).try_password("fanzha-2026")
    assert not password.attempts_file(db.path).exists()
