"""Field-by-field merging of two copies of a record."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.db.versions import Versions, after_local_edit, merge, stamp_of

FIELDS = ("name", "notes", "deleted_at")


def made(device: str = "A", at: str = "2026-11-01T09:00:00+08:00", **values) -> dict:
    row = {"updated_at": at, "device_id": device, "versions": None, "name": "张三", "notes": ""}
    row.update(deleted_at=None, **values)
    return row


def edited(row: dict, device: str, at: str, **changes) -> dict:
    new = dict(row, **changes, updated_at=at, device_id=device)
    new["versions"] = after_local_edit(row, changes, device)
    return new


def test_a_record_never_changed_is_made_by_its_device_at_its_time():
    versions = Versions.of(made())
    stamp = stamp_of("2026-11-01T09:00:00+08:00")
    assert (versions.creator, versions.first, versions.seen) == ("A", stamp, {"A": stamp})
    assert versions.dot("name") == ("A", stamp)


def test_an_edit_on_one_side_is_taken_and_its_base_kept():
    base = made()
    theirs = edited(base, "B", "2026-11-02T09:00:00+08:00", notes="已回访")
    result = merge(base, theirs, FIELDS)
    assert result.values == {"notes": "已回访"} and result.conflicts == []
    # ...and the other way round nothing changes.
    back = merge(theirs, base, FIELDS)
    assert back.values == {} and back.conflicts == []
    assert json.loads(result.versions) == json.loads(theirs["versions"])


def test_different_fields_changed_on_both_sides_both_stay():
    base = made()
    ours = edited(base, "A", "2026-11-02T09:00:00+08:00", name="张三丰")
    theirs = edited(base, "B", "2026-11-02T10:00:00+08:00", notes="见面劝阻")
    result = merge(ours, theirs, FIELDS)
    assert result.values == {"notes": "见面劝阻"} and result.conflicts == []


def test_the_same_field_changed_on_both_sides_is_a_conflict_the_later_edit_stays():
    base = made()
    ours = edited(base, "A", "2026-11-02T09:00:00+08:00", notes="电话无人接")
    theirs = edited(base, "B", "2026-11-02T10:00:00+08:00", notes="已见面")
    # Edited in that order, so B's stamp is the later one.
    result = merge(ours, theirs, FIELDS)
    assert result.values == {"notes": "已见面"}
    [conflict] = result.conflicts
    assert (conflict.field, conflict.kept, conflict.other) == ("notes", "已见面", "电话无人接")
    assert (conflict.kept_dot[0], conflict.other_dot[0]) == ("B", "A")
    reverse = merge(theirs, ours, FIELDS)
    assert reverse.values == {} and reverse.versions == result.versions
    assert [c.kept for c in reverse.conflicts] == ["已见面"]


def test_the_same_value_reached_on_both_sides_is_no_conflict():
    base = made()
    ours = edited(base, "A", "2026-11-02T09:00:00+08:00", notes="已劝阻")
    theirs = edited(base, "B", "2026-11-02T10:00:00+08:00", notes="已劝阻")
    assert merge(ours, theirs, FIELDS).conflicts == []


def test_an_edit_made_after_seeing_the_other_is_no_conflict():
    base = made()
    theirs = edited(base, "B", "2026-11-02T09:00:00+08:00", notes="一")
    ours = dict(theirs)  # A received B's copy ...
    ours = edited(ours, "A", "2026-11-02T10:00:00+08:00", notes="二")  # ... then edited it
    assert merge(theirs, ours, FIELDS).conflicts == []
    assert merge(theirs, ours, FIELDS).values == {"notes": "二"}


def test_a_stamp_never_goes_back_even_when_the_clock_does(monkeypatch):
    import desktop.db.versions as versions

    row = made()
    monkeypatch.setattr(versions, "now_stamp", lambda: 1_000)  # a clock far in the past
    first = json.loads(after_local_edit(row, ["notes"], "A"))
    assert first["v"]["A"] == stamp_of(row["updated_at"]) + 1


# Any edit history over three devices: merging the copies in any order gives one state.
_EDIT = st.tuples(
    st.sampled_from("ABC"), st.sampled_from(FIELDS), st.sampled_from(["x", "y", None])
)


@settings(max_examples=200, deadline=None)
@given(
    history=st.lists(
        st.one_of(
            _EDIT, st.tuples(st.just("sync"), st.sampled_from("ABC"), st.sampled_from("ABC"))
        ),
        max_size=14,
    ),
    order=st.permutations("ABC"),
)
def test_copies_merge_to_the_same_state_in_any_order(history, order):
    copies = {device: made() for device in "ABC"}
    clock = 0
    for step in history:
        clock += 1
        at = f"2026-11-02T09:{clock // 60:02d}:{clock % 60:02d}+08:00"
        if step[0] == "sync":
            _, source, target = step
            copies[target] = apply(copies[target], copies[source])
        else:
            device, name, value = step
            copies[device] = edited(copies[device], device, at, **{name: value})

    def merged(sequence):
        state = made()
        for device in sequence:
            state = apply(state, copies[device])
        return state

    first = merged(order)
    assert merged(reversed(order)) == first
    assert apply(first, copies[order[0]]) == first  # merging again changes nothing


def apply(local: dict, incoming: dict) -> dict:
    result = merge(local, incoming, FIELDS)
    return dict(
        local, **result.values, versions=result.versions, updated_at=result.updated_at,
        device_id=result.device_id,
    )  # fmt: skip


def test_an_edit_on_a_laptop_whose_clock_is_behind_is_still_the_newest(monkeypatch):
    import desktop.db.versions as versions

    base = made()
    theirs = edited(base, "B", "2026-11-02T09:00:00+08:00", notes="先改")
    mine = dict(theirs)  # A received B's copy, then edits it with a clock an hour behind
    monkeypatch.setattr(versions, "now_stamp", lambda: stamp_of("2026-11-02T08:00:00+08:00"))
    mine = edited(mine, "A", "2026-11-02T08:00:00+08:00", notes="后改")
    assert Versions.of(mine).latest()[1] == "A"
    # Merged anywhere, A's edit and its time stand (not B's, which A had already seen).
    result = merge(theirs, mine, FIELDS)
    assert result.values == {"notes": "后改"}
    assert (result.updated_at, result.device_id) == ("2026-11-02T08:00:00+08:00", "A")
    assert merge(mine, theirs, FIELDS).device_id == "A"
