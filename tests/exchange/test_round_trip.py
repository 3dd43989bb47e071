"""Whatever the program writes into its workbook it reads back: the warnings and talks lists of
a revealed export, imported into an empty database with the same areas, give the same records
(in every field the lists carry)."""

from __future__ import annotations

from datetime import timedelta

import openpyxl
import pytest

from desktop.core import clock
from desktop.core.catalogue import WARNING_STATUSES
from desktop.core.entities import Talk
from desktop.db.opening import open_database
from desktop.domain import areas, statistics, talks, warnings
from desktop.exchange.importing import import_file
from desktop.exchange.workbook import export_workbook

NOW = clock.now().replace(second=0, microsecond=0) - timedelta(days=3)


def _areas(database) -> dict[str, str]:
    """Two townships, each with a 东门社区: village names repeat across a county."""
    county = areas.add_area(database, name="平安县", level="county")
    town = areas.add_area(database, name="城关镇", level="township", parent_id=county)
    other = areas.add_area(database, name="河西镇", level="township", parent_id=county)
    found = {
        name: areas.add_area(database, name=name, level="community", parent_id=town)
        for name in ("东门社区", "西门村")
    }
    found["河西镇东门社区"] = areas.add_area(
        database, name="东门社区", level="community", parent_id=other
    )
    return found


def _warnings(database):
    return sorted(
        tuple(row)
        for row in database.query(
            "SELECT coalesce(w.reference_number, ''), substr(w.received_at, 1, 16), w.source, w.level,"
            " w.fraud_type, r.name, r.mobile, r.address, coalesce(p.name || '/' || a.name, '')"
            " FROM warnings w JOIN residents r ON r.id = w.resident_id"
            " LEFT JOIN areas a ON a.id = w.area_id LEFT JOIN areas p ON p.id = a.parent_id"
        )
    )


def _talks(database):
    return sorted(
        tuple(row)
        for row in database.query(
            "SELECT t.title, t.venue, substr(t.starts_at, 1, 16), substr(t.ends_at, 1, 16),"
            " t.status, coalesce(p.name || '/' || a.name, '') FROM talks t"
            " LEFT JOIN areas a ON a.id = t.area_id LEFT JOIN areas p ON p.id = a.parent_id"
        )
    )


def test_the_exported_lists_import_back_as_the_same_records(tmp_path):
    source = open_database(tmp_path / "source.sqlite3")
    ids = _areas(source)
    people = [("王秀英", "13800138000", "东门社区", "YJ-1", "platform", "high", "investment"),
              ("赵建国", "13900139000", "西门村", "YJ-2", "bank", "medium", "brushing"),
              ("李四", "13700137000", "河西镇东门社区", None, "hotline_96110", "low", "")]  # fmt: skip
    for number, (name, mobile, area, reference, origin, level, fraud) in enumerate(people):
        warnings.intake(
            source,
            {"name": name, "mobile": mobile, "address": f"中山路{number + 1}号",
             "source": origin, "level": level, "received_at": NOW + timedelta(hours=number),
             "area_id": ids[area], "reference_number": reference, "fraud_type": fraud},
            now=NOW + timedelta(days=1),
        )  # fmt: skip
    for number, (title, area) in enumerate(
        [("老年人防诈骗讲座", "东门社区"), ("校园反诈", "河西镇东门社区")]
    ):
        talks.save_talk(
            source,
            Talk(title=title, starts_at=NOW + timedelta(days=number, hours=1),
                 ends_at=NOW + timedelta(days=number, hours=2, minutes=30),
                 venue=f"活动室{number}", area_id=ids[area]),
        )  # fmt: skip
    out = tmp_path / "figures.xlsx"
    period = statistics.Period(NOW.date() - timedelta(days=1), clock.today())
    export_workbook(source, period, out, full=True, reason="核对名单")
    workbook = openpyxl.load_workbook(out)
    # the workbook names a status as the screens and the catalogue do
    statuses = [row[5] for row in workbook["预警明细"].iter_rows(min_row=2, values_only=True)]
    assert statuses and set(statuses) == {WARNING_STATUSES["new"].zh}
    for title in ("预警明细", "宣传活动明细"):  # each list as its own file, as an officer would
        single = openpyxl.load_workbook(out)  # its cells as written: dates, amounts, formats
        for other in single.sheetnames:
            if other != title:
                del single[other]
        single.save(tmp_path / f"{title}.xlsx")

    target = open_database(tmp_path / "target.sqlite3")
    _areas(target)
    for kind, title in (("warnings", "预警明细"), ("talks", "宣传活动明细")):
        report = import_file(target, kind, tmp_path / f"{title}.xlsx")
        assert report.written and report.errors == [], [e.render() for e in report.errors]
        assert report.ignored_columns == (
            ["状态", "处置结果", "保护资金（元）", "被骗金额（元）", "止付金额（元）",
             "首次联系用时（分钟）", "见面用时（分钟）"]
            if kind == "warnings" else ["参加人数", "发放资料（份）"]
        )  # fmt: skip
    assert _warnings(target) == _warnings(source)
    assert _talks(target) == _talks(source)
    source.close()
    target.close()


@pytest.mark.parametrize(
    "area_header", ["辖区", "所属辖区", "所属社区", "社区", "村（社区）", "乡镇"]
)
@pytest.mark.parametrize("type_header", ["诈骗类型", "疑似诈骗类型", "案件类型", "涉诈类型"])
def test_area_and_fraud_type_columns_are_known_by_their_usual_names(
    tmp_path, area_header, type_header
):
    database = open_database(tmp_path / "names.sqlite3")
    ids = _areas(database)
    place = "城关镇" if area_header == "乡镇" else "西门村"
    workbook = openpyxl.Workbook()
    workbook.active.append(["下发时间", "预警来源", "预警等级", "姓名", "手机号码", area_header,
                            type_header])  # fmt: skip
    workbook.active.append([NOW.strftime("%Y-%m-%d %H:%M"), "96110", "高", "王五", "13600136000",
                            place, "刷单返利"])  # fmt: skip
    workbook.save(tmp_path / "list.xlsx")
    report = import_file(database, "warnings", tmp_path / "list.xlsx")
    assert report.written and report.ignored_columns == []
    row = database.query("SELECT area_id, fraud_type FROM warnings")[0]
    town = database.scalar("SELECT id FROM areas WHERE name = '城关镇'")
    assert (row["area_id"], row["fraud_type"]) == (ids.get(place, town), "brushing")
    database.close()


def test_a_name_two_villages_share_is_refused_with_both_and_how_to_write_it(tmp_path):
    database = open_database(tmp_path / "twins.sqlite3")
    ids = _areas(database)
    workbook = openpyxl.Workbook()
    workbook.active.append(["下发时间", "预警来源", "预警等级", "姓名", "手机号码", "村（社区）"])
    for place in ("东门社区", "河西镇 / 东门社区"):
        workbook.active.append([NOW.strftime("%Y-%m-%d %H:%M"), "96110", "高", "王五",
                                "13600136000", place])  # fmt: skip
    workbook.save(tmp_path / "list.xlsx")
    report = import_file(database, "warnings", tmp_path / "list.xlsx", skip_bad_rows=True)
    assert [error.row for error in report.errors] == [2]
    message = report.errors[0].error.english()
    assert "城关镇 / 东门社区" in message and "河西镇 / 东门社区" in message
    assert database.scalar("SELECT area_id FROM warnings") == ids["河西镇东门社区"]
    database.close()
