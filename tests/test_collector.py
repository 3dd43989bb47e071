"""The collector is paused only where the program's own process starts, and always settles."""

from __future__ import annotations

import gc

import pytest

from desktop import collector


@pytest.fixture
def collecting():
    assert gc.isenabled()
    yield
    gc.enable()
    collector._paused_at_start = False


def test_pause_and_settle_freeze_what_the_start_made(collecting):
    frozen = gc.get_freeze_count()
    collector.pause()
    assert not gc.isenabled()
    kept = [[n] for n in range(1000)]  # long-lived and tracked
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(kept)
    gc.unfreeze()


def test_settle_without_pause_leaves_the_collector_alone(collecting):
    frozen = gc.get_freeze_count()
    collector.settle()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_pause_inside_a_paused_start_leaves_it_paused(collecting):
    collector.pause()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the start settles it, not the block
    collector.settle()
    assert gc.isenabled()
    gc.unfreeze()


def test_a_paused_block_restores_the_collector_when_it_fails(collecting):
    with pytest.raises(ZeroDivisionError), collector.paused():
        raise ZeroDivisionError
    assert gc.isenabled()
    gc.unfreeze()


def test_the_command_line_called_with_arguments_never_pauses(collecting, capsys):
    from desktop.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    assert gc.isenabled() and not collector._paused_at_start
