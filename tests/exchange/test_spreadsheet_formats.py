"""Every kind of spreadsheet officers receive is read to its real extent, within bounded memory."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from spreadsheets import write_ods  # tests/exchange/spreadsheets.py

from desktop.core.errors import ImportRejected
from desktop.exchange.importing import import_file
from desktop.exchange.tables import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, read_sheet

DATA = Path(__file__).parent / "data"
HEADER = ["下发时间", "预警来源", "预警等级", "姓名", "手机号码"]


def _rows(count: int) -> list[list]:
    return [[f"2026-11-{day:02d} 09:30", "96110", "高", f"张{day}", 13812345600 + day]
            for day in range(1, count + 1)]  # fmt: skip


def _with_dimension(path: Path, dimension: str) -> Path:
    """The .xlsx at ``path`` with its sheet's ``<dimension>`` tag replaced."""
    copy = path.with_name("copy-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(
                    rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), content
                )
            target.writestr(item, content)
    return copy


def _xlsx(path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


@pytest.mark.parametrize("dimension", ["A1:E2", "A1:XFD1048576"])
def test_rows_are_read_to_the_sheets_real_extent_whatever_its_dimension_tag_says(
    db, tmp_path, dimension
):
    path = _with_dimension(_xlsx(tmp_path / "list.xlsx", [HEADER, *_rows(5)]), dimension)
    report = import_file(db, "warnings", path)
    assert (report.rows_read, report.created) == (5, 5), [e.render() for e in report.errors]


def test_a_cell_at_the_far_corner_of_the_grid_is_refused_with_a_message(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    workbook.active.cell(row=1_048_576, column=16_384, value="x")
    workbook.save(tmp_path / "far.xlsx")
    with pytest.raises(
        ImportRejected, match=f"at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns"
    ):
        read_sheet(tmp_path / "far.xlsx")


def test_too_many_columns_are_refused(tmp_path):
    path = _xlsx(tmp_path / "wide.xlsx", [HEADER, ["x"] * (MAX_COLUMNS + 1)])
    with pytest.raises(ImportRejected, match="column 201"):
        read_sheet(path)
    ods = write_ods(tmp_path / "wide.ods", [HEADER, ["x"] * (MAX_COLUMNS + 1)])
    with pytest.raises(ImportRejected, match="column 201"):
        read_sheet(ods)
    csv = tmp_path / "wide.csv"
    csv.write_text(",".join(HEADER) + "\n" + ",".join(["x"] * (MAX_COLUMNS + 1)) + "\n")
    with pytest.raises(ImportRejected, match="column 201"):
        read_sheet(csv)


def test_a_row_repeated_past_the_limit_in_an_ods_is_refused(tmp_path):
    path = write_ods(tmp_path / "tall.ods", [HEADER, _rows(1)[0]], repeat_last_row=MAX_ROWS + 1)
    with pytest.raises(ImportRejected, match="1,000,002"):
        read_sheet(path)


def _record(kind: int, body: bytes) -> bytes:
    """One BIFF12 record: its type and size as 7-bit groups, then its body."""
    size, header = len(body), bytearray([kind])
    while True:
        header.append((size & 0x7F) | (0x80 if size > 0x7F else 0))
        size >>= 7
        if not size:
            return bytes(header) + body


@pytest.mark.parametrize("text", [0, 3_000_000], ids=["short", "a long string first"])
def test_an_xlsb_sheet_reaching_past_the_limit_is_refused(tmp_path, text):
    # A cell holding a string (type 6) that may span the reader's buffers, then a row header
    # (type 0) for row 2,000,000: what a hostile .xlsb needs to make a reader allocate the
    # whole grid.
    sheet = _record(6, (0).to_bytes(4, "little") + bytes(text))
    sheet += _record(0, (1_999_999).to_bytes(4, "little") + bytes(8))
    path = tmp_path / "far.xlsb"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.bin", sheet)
    with pytest.raises(ImportRejected, match="row 2,000,000"):
        read_sheet(path)
    truncated = tmp_path / "truncated.xlsb"
    with zipfile.ZipFile(truncated, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.bin", sheet[:-20])
    with pytest.raises(ImportRejected, match="not a readable spreadsheet"):
        read_sheet(truncated)  # calamine's own refusal: the extent itself did not fail


def test_an_ods_list_is_imported_with_its_numbers_and_repeated_rows(db, tmp_path):
    rows = [["2026年11月预警名单"], HEADER, *_rows(2)]
    report = import_file(db, "warnings", write_ods(tmp_path / "list.ods", rows))
    assert report.created == 2, [e.render() for e in report.errors]
    mobiles = {row["mobile"] for row in db.query("SELECT mobile FROM residents")}
    assert mobiles == {"13812345601", "13812345602"}
    # A repeated row is as many rows, and reported with their own numbers.
    repeated = write_ods(tmp_path / "repeated.ods", [HEADER, _rows(1)[0]], repeat_last_row=3)
    report = import_file(db, "warnings", repeated, check_only=True)
    assert [(e.row, e.column) for e in report.errors] == [(3, "下发时间"), (4, "下发时间")]


def test_an_18_digit_id_number_stored_as_a_number_is_refused_from_an_ods(db, tmp_path):
    rows = [[*HEADER, "身份证号"], [*_rows(1)[0], 110101199003070000.0]]
    report = import_file(db, "warnings", write_ods(tmp_path / "ids.ods", rows))
    [error] = report.errors
    assert (error.row, error.column) == (2, "身份证号") and not report.written
    assert "format the id number column as text" in error.render().lower()


def test_an_old_xls_list_is_imported(db):
    # data/warnings.xls was written once with xlwt (see data/make_xls.py).
    report = import_file(db, "warnings", DATA / "warnings.xls")
    assert (report.rows_read, report.created) == (2, 2), [e.render() for e in report.errors]
    rows = db.query(
        "SELECT w.reference_number, w.received_at, r.mobile FROM warnings w"
        " JOIN residents r ON r.id = w.resident_id ORDER BY w.reference_number"
    )
    assert [(r[0], r[1][:16], r[2]) for r in rows] == [
        ("YJ101", "2026-11-25T09:30", "13812345678"),
        ("YJ102", "2026-11-26T14:05", "13912345678"),
    ]


def test_dates_of_a_1904_workbook_are_read_as_shown(db, tmp_path):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    workbook = openpyxl.Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["2026-11-20 09:30", "96110", "高", "张三", "13812345601"])
    sheet.append([dt.datetime(2026, 11, 21, 10, 0), "96110", "高", "李四", "13812345602"])
    # A date typed as a bare serial number counts from 1904 in such a workbook.
    serial = (dt.date(2026, 11, 22) - dt.date(1904, 1, 1)).days
    sheet.append([serial, "96110", "高", "王五", "13812345603"])
    workbook.save(tmp_path / "mac.xlsx")
    report = import_file(db, "warnings", tmp_path / "mac.xlsx")
    assert report.created == 3, [e.render() for e in report.errors]
    days = [
        row[0][:10] for row in db.query("SELECT received_at FROM warnings ORDER BY received_at")
    ]
    assert days == ["2026-11-20", "2026-11-21", "2026-11-22"]


def test_a_csv_with_nul_bytes_is_named_as_such(db, tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\n2026-11-01 09:30,96110,\x00\x00,x,1\n")
    with pytest.raises(ImportRejected, match=r"NUL bytes \(\\x00\) at line 2"):
        import_file(db, "warnings", path)


def test_cells_without_references_are_counted_before_the_sheet_is_read(tmp_path):
    # Some writers leave out r="B7": each row and cell then follows the one before it. Read
    # without counting first, this sheet (a row 999,999, then one of 16,384 cells) would ask
    # for 16 billion cells at once and end the program.
    path = _xlsx(tmp_path / "plain.xlsx", [HEADER])
    far = '<row r="999999"><c r="A999999"><v>1</v></c></row>'
    wide = "<row>" + "<c><v>1</v></c>" * 16_384 + "</row>"
    copy = tmp_path / "unnamed.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", (far + wide).encode() + b"</sheetData>")
            target.writestr(item, content)
    with pytest.raises(ImportRejected, match="row 1,000,000 and column 21, a grid of 21,000,000"):
        read_sheet(copy)


def test_an_old_xls_saved_under_a_new_name_is_read_by_its_content(db, tmp_path):
    renamed = tmp_path / "warnings.xlsx"
    renamed.write_bytes((DATA / "warnings.xls").read_bytes())
    assert import_file(db, "warnings", renamed).created == 2


def test_row_numbers_are_the_files_own_below_empty_rows_and_columns(db, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for offset, row in enumerate([HEADER, _rows(1)[0], ["2026-02-30 09:30", *_rows(1)[0][1:]]]):
        for column, value in enumerate(row, start=3):  # from C4: rows 1–3 and A–B are empty
            sheet.cell(row=4 + offset, column=column, value=value)
    workbook.save(tmp_path / "offset.xlsx")
    report = import_file(db, "warnings", tmp_path / "offset.xlsx", check_only=True)
    assert [(error.row, error.column) for error in report.errors] == [(6, "下发时间")]


# Reads a file in a child limited to 2 GB of address space, where the system allows it: a sheet
# that slips past the extent makes calamine abort the child, not the test run.
_CHILD = """
import sys
from pathlib import Path
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
except (ImportError, ValueError):
    pass
from desktop.core.errors import ImportRejected
from desktop.exchange.tables import read_sheet
try:
    read_sheet(Path(sys.argv[1]))
except ImportRejected as exc:
    print(exc.render())
else:
    print("read")
"""


def _read_in_a_child(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout


def _rewritten(path: Path, cells: str, rename: str | None = None) -> Path:
    """A small .xlsx whose sheet ends with the rows ``cells``; moved to ``rename`` (with the
    workbook's relationships and content types pointing there) when given."""
    source_path = _xlsx(path.with_name("source.xlsx"), [HEADER])
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == sheet:
                content = content.replace(b"</sheetData>", cells.encode() + b"</sheetData>")
            if rename and item.filename.endswith((".rels", "[Content_Types].xml")):
                content = content.replace(sheet[3:].encode(), rename[3:].encode())
            name = rename if rename and item.filename == sheet else item.filename
            target.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("cells", "rename"),
    [
        ("<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>", None),
        ("<row><c r='XFD1048576'><v>1</v></c></row>", None),
        ('<row r = "1048576"><c r = "XFD1048576"><v>1</v></c></row>', None),
        ('<row><c r="xfd1048576"><v>1</v></c></row>', None),
        ('<x:row><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', None),
        ('<row><c t="s" r="XFD1048576"><v>0</v></c></row>', None),
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "xl/elsewhere/sheet1.xml"),
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "xl/worksheets/sheet1.XML"),
        ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "xl/elsewhere/sheet1.dat"),
    ],
    ids=[
        "single quotes",
        "single quotes, row without r",
        "spaces around =",
        "lower case",
        "prefixed tags",
        "r after another attribute",
        "sheet moved",
        "sheet renamed .XML",
        "sheet without .xml",
    ],
)
def test_a_far_cell_written_in_any_form_calamine_reads_is_refused(tmp_path, cells, rename):
    path = _rewritten(tmp_path / "far.xlsx", cells, rename)
    assert "reaches row 1,048,576 and column 16,384" in _read_in_a_child(path)


def test_a_grid_of_too_many_cells_is_refused_though_rows_and_columns_are_within_limits(
    tmp_path,
):
    # 200 columns by 999,999 rows: 200 million cells, 6.4 GB for calamine.
    path = _rewritten(tmp_path / "grid.xlsx", '<row r="999999"><c r="GR999999"><v>1</v></c></row>')
    assert f"a grid of 199,999,800 cells; a list can have at most {MAX_CELLS:,} cells" in (
        _read_in_a_child(path)
    )
    ods = write_ods(tmp_path / "grid.ods", [HEADER, ["x"] * MAX_COLUMNS], repeat_last_row=200_000)
    assert "a grid of 40,000,200 cells" in _read_in_a_child(ods)


def test_a_grid_of_as_many_cells_as_allowed_is_read(tmp_path):
    rows = MAX_CELLS // MAX_COLUMNS
    path = _rewritten(tmp_path / "edge.xlsx", f'<row r="{rows}"><c r="GR{rows}"><v>1</v></c></row>')
    assert _read_in_a_child(path) == "read\n"


def test_an_xlsb_sheet_is_measured_wherever_the_workbook_points(tmp_path):
    sheet = _record(0, (1_999_999).to_bytes(4, "little") + bytes(8))
    path = tmp_path / "moved.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/_rels/workbook.bin.rels",
            "<Relationships><Relationship Id='rId1' Target='worksheets/sheet1.dat'/>"
            "</Relationships>",
        )
        archive.writestr("xl/worksheets/sheet1.dat", sheet)
    with pytest.raises(ImportRejected, match="row 2,000,000"):
        read_sheet(path)


@pytest.mark.parametrize(
    ("record", "offset", "values", "message"),
    [
        # DIMENSIONS claiming 4 billion rows by 65,535 columns: calamine makes room for them all.
        (b"\x00\x02\x0e\x00", 4, (0).to_bytes(4, "little") + (0xFFFFFFF0).to_bytes(4, "little")
         + (0).to_bytes(2, "little") + (0xFFFF).to_bytes(2, "little"), "row 4,294,967,280"),
        # A cell in column 65,536, past the format's 256 that calamine does not enforce.
        (b"\xfd\x00\x0a\x00", 4, (65535).to_bytes(2, "little") + (65535).to_bytes(2, "little"),
         "row 65,536 and column 65,536"),
    ],
    ids=["dimensions", "cell"],
)  # fmt: skip
def test_an_old_xls_reaching_past_what_its_format_allows_is_refused(
    tmp_path, record, offset, values, message
):
    data = bytearray((DATA / "warnings.xls").read_bytes())
    at = data.index(record) + offset
    data[at : at + len(values)] = values
    path = tmp_path / "far.xls"
    path.write_bytes(bytes(data))
    assert message in _read_in_a_child(path)


# -- the same list in every format a writer exists for here --------------------------------------
LIST_HEADER = ["预警编号", "下发时间", "预警来源", "预警等级", "姓名", "手机号码", "身份证号",
               "住址", "诈骗类型", "涉案金额"]  # fmt: skip


def _same_list() -> list[list]:
    """A list as county centres send it: moments as date cells, mobiles as numbers, amounts as
    numbers or text with 万, empty cells; the last rows name people of earlier rows."""
    from desktop.core.validate import id_number_check_digit

    # Within the last months, as the high-risk rule counts them (two warnings in twelve months).
    start = dt.datetime.combine(dt.date.today() - dt.timedelta(days=60), dt.time(8))
    rows = []
    for n in range(40):
        person = n % 32
        first17 = f"45120219{60 + person}0{1 + person % 9}1{person % 10}{person:03d}"
        rows.append(
            [f"YJ2026{n:04d}", start + dt.timedelta(days=n % 28, hours=n % 12, minutes=n % 60),
             ["国家反诈中心", "96110", "银行", "运营商"][n % 4], ["高", "中", "低"][n % 3],
             f"韦某{person}", 13800000000 + person, first17 + id_number_check_digit(first17),
             f"金城江区新建社区{n}号" if n % 5 else None, ["刷单返利", "冒充客服", None][n % 3],
             [None, "5万", 12000, 3.5][n % 4]]
        )  # fmt: skip
    return rows


def _xls_by_xlwt(path: Path, rows: list[list]) -> Path:
    """An Excel 97-2003 workbook (BIFF8) as xlwt writes it, the way old systems export."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("预警名单")
    moment = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm")
    sheet.write(0, 0, "2026年11月预警名单")
    for column, name in enumerate(LIST_HEADER):
        sheet.write(1, column, name)
    for index, row in enumerate(rows, start=2):
        for column, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write(index, column, value, moment)
            elif value is not None:
                sheet.write(index, column, value)
    book.save(str(path))
    return path


def _ods_by_odfpy(path: Path, rows: list[list]) -> Path:
    """An OpenDocument spreadsheet as odfpy writes it: typed cells (date, float, string)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="预警名单")

    def cell(value) -> TableCell:
        if value is None:
            return TableCell()
        if isinstance(value, dt.datetime):
            made = TableCell(valuetype="date", datevalue=value.isoformat())
        elif isinstance(value, int | float):
            made = TableCell(valuetype="float", value=value)
        else:
            made = TableCell(valuetype="string")
        made.addElement(P(text=str(value)))
        return made

    for row in [["2026年11月预警名单"], LIST_HEADER, *rows]:
        line = TableRow()
        for value in row:
            line.addElement(cell(value))
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _stored(database) -> list[tuple]:
    """What an import stored of each warning and its resident, without ids and stamps."""
    return [
        tuple(row)
        for row in database.query(
            "SELECT w.reference_number, w.received_at, w.source, w.level, w.fraud_type,"
            " w.amount_at_risk, w.notes, w.status, r.name, r.mobile, r.id_number, r.address,"
            " r.tags, (SELECT count(*) FROM warnings o WHERE o.resident_id = r.id)"
            " FROM warnings w JOIN residents r ON r.id = w.resident_id"
            " ORDER BY w.reference_number"
        )
    ]


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_the_same_list_imports_alike_from_xlsx_xls_and_ods(db, tmp_path, suffix):
    from desktop.db.opening import open_database

    rows = _same_list()
    workbook = openpyxl.Workbook()
    workbook.active.append(["2026年11月预警名单"])
    workbook.active.append(LIST_HEADER)
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "list.xlsx")
    report = import_file(db, "warnings", tmp_path / "list.xlsx")
    assert (report.rows_read, report.created) == (40, 40), [e.render() for e in report.errors]

    write = _xls_by_xlwt if suffix == ".xls" else _ods_by_odfpy
    path = write(tmp_path / f"list{suffix}", rows)
    if suffix == ".xls":
        assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # an OLE container, not a zip
    other = open_database(tmp_path / "other.sqlite3")
    try:
        report = import_file(other, "warnings", path)
        assert (report.rows_read, report.created) == (40, 40), [e.render() for e in report.errors]
        stored = _stored(other)
    finally:
        other.close()
    assert stored == _stored(db)
    # The people of the last rows were linked, twice warned and so high-risk, in both.
    assert sum(1 for row in stored if row[-1] == 2 and "high_risk" in row[-2]) == 16
