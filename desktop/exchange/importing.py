"""Importing lists into the database: validate every row, report every bad one, write once.

An import is one user action and one transaction. By default it is all or nothing: a single
bad row means nothing is written and the report lists every problem (row number, column,
reason). With ``skip_bad_rows`` the good rows are written and the bad ones reported. With
``check_only`` nothing is written at all (the GUI's preview).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import QT_TRANSLATE_NOOP, OutreachError, ValidationError
from desktop.exchange.tables import HeaderMatch, cell_text, data_rows, find_header, read_sheet
from desktop.storage import areas as area_store
from desktop.storage import audit
from desktop.storage.database import Database
from desktop.storage.records import insert_record, update_record

Progress = Callable[[int, int], None]

AREA_COLUMNS = {
    "county": ["县(区)", "县区", "区县", "县(市、区)", "县(市区)", "县", "区", "county"],
    "township": ["乡镇(街道)", "乡镇", "街道", "乡镇街道", "镇", "乡", "township"],
    "community": ["村(社区)", "社区", "村", "村社区", "村居", "社区(村)", "村(居)", "community"],
    "code": ["区划代码", "代码", "行政区划代码", "编码", "code"],
}

OFFICER_COLUMNS = {
    "name": ["姓名", "民警姓名", "人员姓名", "name"],
    "badge_number": ["警号", "警员编号", "工号", "编号", "badge number", "badge"],
    "unit": ["单位", "所属单位", "工作单位", "派出所", "所属派出所", "unit", "station"],
    "role": ["身份", "角色", "人员类别", "类别", "人员类型", "role"],
    "phone": ["联系电话", "电话", "手机", "手机号", "手机号码", "phone", "mobile"],
    "area": ["辖区", "所属社区", "责任区", "社区", "area"],
}

_ROLE_WORDS = {
    "民警": "officer",
    "警察": "officer",
    "正式民警": "officer",
    "社区民警": "officer",
    "officer": "officer",
    "辅警": "auxiliary",
    "auxiliary": "auxiliary",
    "网格员": "grid_worker",
    "grid worker": "grid_worker",
    "grid_worker": "grid_worker",
    "": "officer",
}


@dataclass
class RowError:
    row: int  # spreadsheet row number, as the user sees it
    column: str  # header text in the file ("" when the row as a whole is wrong)
    error: OutreachError

    def render(self, translate: Any = None) -> str:
        return self.error.render(translate)


@dataclass
class ImportReport:
    kind: str
    rows_read: int = 0
    good_rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors})


class RowInvalid(Exception):  # noqa: N818 - carries the row's problems, all of them
    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(errors)
        self.errors = errors


def _column_name(header: HeaderMatch, synonyms: dict[str, list[str]], field_name: str) -> str:
    """The column as the file calls it, or its usual Chinese name when the file lacks it."""
    key = "area" if field_name == "area_id" else field_name
    if key in header.headers:
        return header.headers[key]
    return synonyms[key][0] if key in synonyms else key


# -- areas -----------------------------------------------------------------------------------
def _clean_area_row(values: dict[str, Any]) -> dict[str, str]:
    problems = area_store.Problems()
    path = {level: cell_text(values.get(level)) for level in area_store.LEVELS}
    if not path["county"]:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "The county (district) is missing."),
                field="county",
            )
        )
    if path["community"] and not path["township"]:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP("Validation", "A community needs its township in the same row."),
                field="township",
            )
        )
    for level, name in path.items():
        if name:
            problems.check(area_store.clean_name, name, level)
    code = problems.check(area_store.clean_code, cell_text(values.get("code"))) or ""
    if problems.errors:
        raise RowInvalid(problems.errors)
    return {**path, "code": code}


def _write_area_row(database: Database, row: dict[str, str], report: ImportReport) -> None:
    parent_id = None
    deepest = [level for level in area_store.LEVELS if row[level]][-1]
    for level in area_store.LEVELS:
        name = row[level]
        if not name:
            break
        existing = area_store.find_child(database, parent_id, name)
        if existing is None:
            parent_id = insert_record(
                database,
                "areas",
                {
                    "name": name,
                    "level": level,
                    "parent_id": parent_id,
                    "code": row["code"] if level == deepest and row["code"] else None,
                },
                summary=f"import: {name}",
            )
            report.created += 1
        else:
            parent_id = existing
            if level == deepest and row["code"]:
                if update_record(database, "areas", existing, {"code": row["code"]}):
                    report.updated += 1


# -- officers --------------------------------------------------------------------------------
def _area_by_name(database: Database, name: str) -> str:
    rows = database.query(
        "SELECT id FROM areas WHERE name = ? AND deleted_at IS NULL LIMIT 2", (name,)
    )
    if not rows:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Validation", "No area called {value}; add it to the tree first."),
            field="area",
            value=name,
        )
    if len(rows) > 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Validation", "More than one area is called {value}; assign it in the program."
            ),
            field="area",
            value=name,
        )
    return rows[0]["id"]


def _clean_officer_row(database: Database, values: dict[str, Any]) -> dict[str, Any]:
    problems = area_store.Problems()
    role_text = cell_text(values.get("role")).lower()
    if role_text not in _ROLE_WORDS:
        problems.errors.append(
            ValidationError(
                QT_TRANSLATE_NOOP(
                    "Validation", "Unknown role {value}: write 民警, 辅警 or 网格员."
                ),
                field="role",
                value=role_text,
            )
        )
    area_name = cell_text(values.get("area"))
    area_id = problems.check(_area_by_name, database, area_name) if area_name else None
    clean, errors = area_store.check_officer(
        {
            "name": cell_text(values.get("name")),
            "badge_number": cell_text(values.get("badge_number")),
            "unit": cell_text(values.get("unit")),
            "role": _ROLE_WORDS.get(role_text, "officer"),
            "phone": values.get("phone") if cell_text(values.get("phone")) else None,
            "area_id": area_id,
        }
    )
    errors = problems.errors + errors
    if errors:
        raise RowInvalid(errors)
    # Which fields the row really gives: an update must not blank out what the file is silent
    # about (a list with only names and phones keeps each officer's unit, role and area).
    given = {
        ("area_id" if key == "area" else key) for key, value in values.items() if cell_text(value)
    }
    clean["_given"] = given | {"name"}
    return clean


def _write_officer_row(database: Database, row: dict[str, Any], report: ImportReport) -> None:
    given = row.pop("_given")
    existing = None
    if row["badge_number"]:
        existing = database.scalar(
            "SELECT id FROM officers WHERE badge_number = ? AND deleted_at IS NULL",
            (row["badge_number"],),
        )
    elif row["phone"]:
        # Auxiliary officers and grid workers often have no badge: the same name and phone is
        # the same person, so a second list updates them instead of adding them again.
        existing = database.scalar(
            "SELECT id FROM officers WHERE name = ? AND phone = ? AND deleted_at IS NULL",
            (row["name"], row["phone"]),
        )
    if existing:
        changes = {key: value for key, value in row.items() if key in given}
        if update_record(database, "officers", existing, changes, summary=f"import: {row['name']}"):
            report.updated += 1
    else:
        insert_record(database, "officers", row, summary=f"import: {row['name']}")
        report.created += 1


# -- the shared procedure ----------------------------------------------------------------------
_KINDS: dict[str, tuple[dict[str, list[str]], list[str]]] = {
    "areas": (AREA_COLUMNS, ["county"]),
    "officers": (OFFICER_COLUMNS, ["name"]),
}


def import_file(
    database: Database,
    kind: str,
    path: Path | str,
    *,
    skip_bad_rows: bool = False,
    check_only: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read, validate and (unless refused) write one list; returns the report.

    ``progress(done, total)`` is called as rows are processed; an exception raised from it
    cancels the import and nothing is written.
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown import kind {kind}")
    path = Path(path)
    synonyms, required = _KINDS[kind]
    sheet = read_sheet(path)
    header = find_header(sheet, synonyms, required)
    report = ImportReport(kind, ignored_columns=header.ignored)
    rows = list(data_rows(sheet, header))
    report.rows_read = len(rows)
    total = 2 * len(rows)
    clean_rows: list[tuple[int, dict[str, Any]]] = []
    seen: dict[tuple, int] = {}  # an officer's identity -> the row it first appeared in
    for done, (row_number, values) in enumerate(rows, start=1):
        try:
            if kind == "areas":
                clean = _clean_area_row(values)
            else:
                clean = _clean_officer_row(database, values)
                identity = (
                    ("badge", clean["badge_number"])
                    if clean["badge_number"]
                    else ("person", clean["name"], clean["phone"] or "")
                )
                if identity in seen:
                    raise RowInvalid(
                        [
                            ValidationError(
                                QT_TRANSLATE_NOOP(
                                    "Validation", "The same officer is already in row {row}."
                                ),
                                field="badge_number" if clean["badge_number"] else "name",
                                row=seen[identity],
                            )
                        ]
                    )
                seen[identity] = row_number
        except RowInvalid as invalid:
            # Reported in the order of the file's columns, as the officer reads the row.
            def position(error: ValidationError) -> int:
                key = "area" if error.field == "area_id" else error.field
                return header.columns.get(key, len(header.columns))

            for error in sorted(invalid.errors, key=position):
                column = _column_name(header, synonyms, error.field)
                report.errors.append(RowError(row_number, column, error))
        else:
            clean_rows.append((row_number, clean))
        if progress:
            progress(done, total)
    report.good_rows = len(clean_rows)

    if check_only or (report.errors and not skip_bad_rows) or not clean_rows:
        return report

    writer = _write_area_row if kind == "areas" else _write_officer_row
    with database.atomic():
        for done, (_row_number, clean) in enumerate(clean_rows, start=len(rows) + 1):
            writer(database, clean, report)
            if progress:
                progress(done, total)
        audit.record(
            database,
            "import",
            kind,
            "",
            f"{path.name}: {report.good_rows} rows, {report.created} created, "
            f"{report.updated} updated, {report.bad_rows} bad rows skipped",
        )
    report.written = True
    return report
