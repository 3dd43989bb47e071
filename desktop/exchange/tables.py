"""Reading spreadsheets as they arrive from upper levels: .xlsx, .xls, .xlsb, .ods and .csv (UTF-8
or GBK).

Chinese office files put a title row or two above the header, name columns in several ways and
save CSV as GBK without a BOM. This module turns such a file into a header row and numbered data
rows; what the columns mean is decided by the importer that uses it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from desktop.core.errors import QT_TRANSLATE_NOOP, ImportRejected

HEADER_SEARCH_ROWS = 15
# Cells longer than this are not names or numbers: such a file is refused with a message.
csv.field_size_limit(1 << 20)


@dataclass
class Sheet:
    """The rows of one sheet, row 1 first, each a list of its cells' values.

    A spreadsheet's rows are made one at a time as they are read: calamine holds the sheet's
    cells in its own compact form, and a list of 100,000 rows is never all Python objects at
    once. Every ``iter(sheet)`` reads the rows again from the first.
    """

    read: Callable[[], Iterator[list[Any]]]
    count: int  # rows, from row 1 to the last one holding a cell
    date1904: bool = False

    def __iter__(self) -> Iterator[list[Any]]:
        return self.read()

    def __len__(self) -> int:
        return self.count

    def top(self, count: int) -> list[list[Any]]:
        """The first ``count`` rows."""
        return list(islice(self.read(), count))


@dataclass
class HeaderMatch:
    row_index: int  # 0-based index into Sheet.rows
    columns: dict[str, int]  # field -> column index
    headers: dict[str, str] = field(default_factory=dict)  # field -> header text as in the file
    ignored: list[str] = field(default_factory=list)  # headers we do not store


def decode_csv_bytes(data: bytes) -> str:
    """BOM first, then strict UTF-8, then GB18030 (a superset of GBK) — in that order."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "The file is neither UTF-8 nor GBK text. Save it from Excel as "
                "\u201cCSV UTF-8\u201d or as .xlsx and try again.",
            )
        ) from exc
    # Big5 (traditional characters) decodes as GB18030 too, into private-use characters that
    # no real list contains: refuse it rather than import gibberish.
    if any("\ue000" <= char <= "\uf8ff" for char in text):
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "The file is neither UTF-8 nor GBK text (perhaps Big5). Save it from Excel as "
                "\u201cCSV UTF-8\u201d or as .xlsx and try again.",
            )
        )
    return text


# A list an officer imports has thousands of rows and a few dozen columns. A sheet claiming far
# more is damaged or made to exhaust memory: it is refused before its cells are read.
MAX_ROWS = 1_000_000
MAX_COLUMNS = 200
# Calamine keeps 32 bytes for every cell of the grid, filled or not, and the rows handed on
# need about 8 more: 20 million cells take some 0.8 GB at the peak (measured), a list of a
# million rows by 20 columns; a grid of 200 columns by 999,999 rows would take 8 GB.
MAX_CELLS = 20_000_000
# Every kind of spreadsheet officers receive; python-calamine reads them all.
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
SUFFIXES = (".csv", *SPREADSHEET_SUFFIXES)
_OLE = b"\xd0\xcf\x11\xe0"


def read_sheet(path: Path) -> Sheet:
    """The first sheet of a spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods), or the rows of a
    .csv."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRejected(QT_TRANSLATE_NOOP("Import", "There is no file at {path}."), path=path)
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in SPREADSHEET_SUFFIXES:
        return _read_spreadsheet(path, suffix)
    raise ImportRejected(
        QT_TRANSLATE_NOOP(
            "Import",
            "Only spreadsheets (.xlsx, .xls, .xlsb, .ods) and .csv files can be imported, not "
            "{suffix}.",
        ),
        suffix=suffix or path.name,
    )


def _read_csv(path: Path) -> Sheet:
    text = decode_csv_bytes(path.read_bytes())
    if "\x00" in text:
        # Python's reader calls a NUL "a field larger than the limit"; the truth helps more.
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "The file holds NUL bytes (\\x00) at line {line}: it is probably not a text "
                "file, or was saved with a wrong encoding. Save it again as \u201cCSV UTF-8\u201d "
                "or as .xlsx and import that.",
            ),
            line=text.count("\n", 0, text.index("\x00")) + 1,
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = []
    try:
        for row in reader:
            if len(rows) == MAX_ROWS or len(row) > MAX_COLUMNS:
                _refuse_size(reader.line_num, len(row))
            rows.append(row)
    except csv.Error as exc:
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "Line {line} of the CSV file cannot be read (a cell is far too long, or "
                "quotes do not match). Check the file in Excel or WPS.",
            ),
            line=reader.line_num,
        ) from exc
    return Sheet(lambda: iter(rows), len(rows))


def _check_size(rows: int, columns: int) -> None:
    """Refuse a sheet reaching row ``rows`` and column ``columns`` (both from 1) if it is too
    big a grid to read."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        _refuse_size(rows, columns)
    if rows * columns > MAX_CELLS:
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "The sheet reaches row {rows} and column {columns}, a grid of {cells} cells; "
                "a list can have at most {max_cells} cells ({max_rows} rows or "
                "{max_columns} columns at most). Copy the list itself into a new workbook "
                "(without empty formatted rows or columns) and import that.",
            ),
            rows=f"{rows:,}",
            columns=f"{columns:,}",
            cells=f"{rows * columns:,}",
            max_cells=f"{MAX_CELLS:,}",
            max_rows=f"{MAX_ROWS:,}",
            max_columns=MAX_COLUMNS,
        )


def _refuse_size(rows: int, columns: int) -> None:
    raise ImportRejected(
        QT_TRANSLATE_NOOP(
            "Import",
            "The sheet reaches row {rows} and column {columns}; a list can have at most "
            "{max_rows} rows and {max_columns} columns. Copy the list itself into a new "
            "workbook (without empty formatted rows or columns) and import that.",
        ),
        rows=f"{rows:,}",
        columns=f"{columns:,}",
        max_rows=f"{MAX_ROWS:,}",
        max_columns=MAX_COLUMNS,
    )


def _read_spreadsheet(path: Path, suffix: str) -> Sheet:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    with path.open("rb") as handle:
        head = handle.read(8)
    date1904 = False
    if head.startswith(b"PK"):
        date1904 = _check_extent(path, suffix)
    elif head.startswith(_OLE):
        try:
            _xls_extent(path.read_bytes())
        except (ValueError, IndexError) as exc:
            # As calamine's own refusal below: a container that is no .xls is most often
            # a workbook Excel encrypted with a password.
            raise (_unreadable(path) if suffix == ".xls" else _password_protected(path)) from exc
    try:
        if head.startswith(_OLE) and suffix != ".xls":
            # An old .xls renamed, or a workbook saved with a password (Excel then encrypts
            # the whole file into such a container): read by its content, not its name.
            with path.open("rb") as handle:
                workbook = CalamineWorkbook.from_filelike(handle)
        else:
            workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise _password_protected(path) from exc
    except (CalamineError, OSError, ValueError) as exc:
        if head.startswith(_OLE) and suffix != ".xls":
            raise _password_protected(path) from exc
        raise _unreadable(path) from exc
    try:
        sheet = workbook.get_sheet_by_index(0)
        start_row = sheet.start[0] if sheet.start else 0
        end_row = sheet.end[0] if sheet.end else -1
        _check_size(end_row + 1, sheet.width)  # an .xls: at most 65,536 × 256 cells
    except CalamineError as exc:
        raise _unreadable(path) from exc
    finally:
        workbook.close()  # the sheet keeps its cells

    def read() -> Iterator[list[Any]]:
        try:
            yield from _values(sheet.iter_rows(), start_row)
        except CalamineError as exc:
            raise _unreadable(path) from exc

    return Sheet(read, end_row + 1, date1904=date1904)


def _values(rows: Iterator[list[Any]], start_row: int) -> Iterator[list[Any]]:
    """Calamine's rows as the importers read cells, from row 1."""
    first = next(rows, None)
    if first is None:
        return
    # Rows above the first filled one are left out by some versions of calamine (0.9 gives
    # them, empty): row numbers stay the file's own either way.
    if start_row and any(cell != "" for cell in first):
        yield from ([] for _ in range(start_row))
    for cells in chain((first,), rows):
        # The same values as openpyxl gives: whole numbers as int (calamine says 1.0), empty
        # cells as None.
        yield [
            None if cell == "" else int(cell) if type(cell) is float and cell.is_integer() else cell
            for cell in cells
        ]


def _password_protected(path: Path) -> ImportRejected:
    return ImportRejected(
        QT_TRANSLATE_NOOP(
            "Import",
            "{path} is protected with a password. Open it in Excel or WPS, remove the "
            "password, save it and import again.",
        ),
        path=path.name,
    )


def _unreadable(path: Path) -> ImportRejected:
    return ImportRejected(
        QT_TRANSLATE_NOOP(
            "Import",
            "{path} is not a readable spreadsheet. Open it in Excel or WPS, save it again and "
            "import that.",
        ),
        path=path.name,
    )


def _check_extent(path: Path, suffix: str) -> bool:
    """Refuse a zipped workbook whose sheets reach absurd rows, columns or cells, reading the
    sheets as a stream (their cells are not kept); returns whether it counts dates from 1904.

    Calamine makes room for every cell between A1 and the farthest one before it reads any:
    a 5 KB file with one cell in XFD1048576 would ask for hundreds of gigabytes and end the
    program. The extent is the cells' own positions, not the ``<dimension>`` tag, which lies.
    Calamine finds a sheet wherever the workbook's relationships point, under any name in any
    case: every member that could be a sheet is measured, not only the usual names.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if suffix == ".ods":
                if "content.xml" in names:
                    with archive.open("content.xml") as stream:
                        _ods_extent(stream)
                return False
            if suffix == ".xlsb":
                for name in _xlsb_sheets(archive, names):
                    with archive.open(name) as stream:
                        _xlsb_extent(stream)
                return False
            for name in names:
                # A sheet is read only from its <sheetData>: a member without those bytes
                # (shared strings, styles, pictures) holds no cells calamine would place.
                if _holds(archive, name, b"sheetData"):
                    with archive.open(name) as stream:
                        near = _near_extent(stream)
                    if not near:
                        with archive.open(name) as stream:
                            _xml_extent(stream)
            if "xl/workbook.xml" in names:
                with archive.open("xl/workbook.xml") as stream:
                    return re.search(rb"date1904=\"(1|true)\"", stream.read(1 << 20)) is not None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError) as exc:
        raise _unreadable(path) from exc
    return False


def _holds(archive: zipfile.ZipFile, name: str, marker: bytes) -> bool:
    tail = b""
    with archive.open(name) as stream:
        while chunk := stream.read(1 << 20):
            if marker in tail + chunk[: len(marker)] or marker in chunk:
                return True
            tail = chunk[-len(marker) :]
    return False


def _xlsb_sheets(archive: zipfile.ZipFile, names: list[str]) -> set[str]:
    """The members calamine may read as .xlsb sheets: "xl/" + each target the workbook's
    relationships name, and every .bin member in a folder of sheets."""
    folders = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/")
    sheets = {
        name for name in names if name.lower().startswith(folders) and name.lower().endswith(".bin")
    }
    if "xl/_rels/workbook.bin.rels" in names:
        relationships = archive.read("xl/_rels/workbook.bin.rels")
        for match in re.finditer(rb"Target\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", relationships):
            target = "xl/" + (match.group(1) or match.group(2)).decode("utf-8", "replace")
            # Calamine takes only these as sheets (and reads the target as it stands).
            if target.split("/")[1:2] in (["worksheets"], ["chartsheets"], ["dialogsheets"]):
                if target in names:
                    sheets.add(target)
    return sheets


_REFERENCE = re.compile(r"([A-Za-z]*)([0-9]*)")


def _position(reference: str) -> tuple[int, int] | None:
    """(row, column), both from 1, of a reference such as "B7" or "b7" (column 0 without
    letters); None where calamine would refuse the reference itself."""
    match = _REFERENCE.fullmatch(reference)
    if match is None or not match.group(2):
        return None
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)), column


# A reference as Excel writes it: in double quotes, upper case, a column up to GR (200), a row
# up to 999,999 (a row's own reference has no letters).
_NEAR = rb'"(?:[A-Z]|[A-F][A-Z]|G[A-R])?[1-9][0-9]{0,5}"'
# Whatever calamine could read as a cell's place otherwise: a c or row tag not starting with
# such an r, a prefixed one, or an attribute r (after a space or a quote) in other quotes,
# spacing or case, or out of that range. Separate searches that each start with one known
# character: a single alternation takes ten times longer.
_ODD = [
    re.compile(rb"<(?:c|row)(?:[>/]|\s(?!r=\"))"),
    re.compile(rb":(?:c|row)[\s/>]"),
]
_ODD_R = re.compile(rb"r(?:\s|=(?!" + _NEAR + rb"))")
_TWO_LETTERS = re.compile(rb'r="[A-G][A-Z][1-9]')
_TWO_LETTERS_FROM = [re.compile(b'r="' + bytes([letter]) + rb"[A-Z][1-9]") for letter in b"GFEDCB"]
_SIX_DIGITS = re.compile(rb'r="[A-Z]{1,2}[1-9][0-9]{5}"')
_SIX_DIGITS_FROM = [
    re.compile(rb'r="[A-Z]{1,2}' + bytes([digit]) + rb'[0-9]{5}"') for digit in b"98765432"
]
_OVERLAP = 64  # longer than any match above and what it looks ahead at


def _near_extent(stream: IO[bytes]) -> bool:
    """Whether a sheet written as Excel writes it stays within the limits, told by a few
    searches in C per megabyte; False where a cell may be placed otherwise or the grid may
    be too big, for ``_xml_extent`` to measure exactly (that takes seconds, not tenths, for
    a list of 100,000 rows)."""
    rows = columns = 0
    buffer = b""
    while True:
        chunk = stream.read(1 << 20)
        buffer = buffer[-_OVERLAP - 1 :] + chunk  # and the byte before, for _ODD_R
        # A match near the end may lack what follows: the next buffer looks at it again.
        end = len(buffer) - (_OVERLAP if chunk else 0)
        for pattern in _ODD:
            tag = pattern.search(buffer)
            if tag and tag.start() < end:
                return False
        for odd in _ODD_R.finditer(buffer, 1):
            if odd.start() < end and buffer[odd.start() - 1] in b" \t\r\n\"'":
                return False
        if not chunk:
            return True
        # Every cell is named by such a reference: the largest ones bound the grid.
        if _TWO_LETTERS.search(buffer):  # the farthest column's first letter: G … B, else A
            first = next((i for i, p in enumerate(_TWO_LETTERS_FROM) if p.search(buffer)), 6)
            columns = max(columns, min(MAX_COLUMNS, (8 - first) * 26))
        columns = max(columns, 26)
        if _SIX_DIGITS.search(buffer):  # the farthest row's first digit: 9 … 2, else 1
            first = next((i for i, p in enumerate(_SIX_DIGITS_FROM) if p.search(buffer)), 8)
            rows = max(rows, (10 - first) * 100_000 - 1)
        rows = max(rows, 99_999)
        if rows * columns > MAX_CELLS:
            return False


def _xml_extent(stream: IO[bytes]) -> None:
    """The farthest row and column of an .xlsx sheet's cells, placed as calamine places them:
    by the cell's ``r`` (in any quotes, spacing or case), else after the cell before it in a
    row numbered by its own ``r`` or following the row before; tags may carry a prefix."""

    state = {"row": 0, "column": 0, "rows": 0, "columns": 0}  # row and column from 0

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if local == "row":
            position = _position(attributes.get("r", ""))
            if position:
                state["row"] = position[0] - 1
        elif local == "c":
            position = _position(attributes.get("r", ""))
            if position and position[1]:
                row, column = position[0] - 1, position[1] - 1
            else:
                row, column = state["row"], state["column"]
            state["column"] = column + 1
            state["rows"] = max(state["rows"], row + 1)
            state["columns"] = max(state["columns"], column + 1)
            _check_size(state["rows"], state["columns"])

    def end(name: str) -> None:
        if name.rpartition(":")[2] == "row":
            state["row"] += 1
            state["column"] = 0

    # Without namespace processing: a prefix nobody declared is read as calamine reads it.
    _parse(stream, start, end, None, "not a worksheet")


def _xlsb_extent(stream: IO[bytes]) -> None:
    """The farthest row and column of an .xlsb sheet (BIFF12 records: a row header, then a
    record per cell starting with its column), read a megabyte at a time."""
    rows = columns = 0
    data, position = b"", 0
    while True:
        if len(data) - position < 10:  # a record's header (at most 6 bytes) and 4 of its own
            data, position = data[position:] + stream.read(1 << 20), 0
        header = _record_header(data, position)
        if header is None:  # the end of the sheet (or of a truncated one)
            return
        kind, size, position = header
        if size >= 4 and position + 4 <= len(data):
            number = int.from_bytes(data[position : position + 4], "little") + 1
            if kind == 0:  # BrtRowHdr: the row's 0-based index
                rows = max(rows, number)
            elif 1 <= kind <= 11:  # BrtCellBlank … BrtFmlaError: the cell's column
                columns = max(columns, number)
        _check_size(rows, columns)
        position += size
        while position > len(data):  # a long record (a string, a formula): skip its rest
            position -= len(data)
            data = stream.read(min(position, 1 << 20)) if position else b""
            if not data:
                return


def _record_header(data: bytes, position: int) -> tuple[int, int, int] | None:
    """(record type, record size, position of its data), or None where the data end."""
    values = []
    for widths in ((0, 7), (0, 7, 14, 21)):  # a type of up to 2 bytes, a size of up to 4
        value = 0
        for shift in widths:
            if position >= len(data):
                return None
            byte = data[position]
            position += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        values.append(value)
    return values[0], values[1], position


def _ods_extent(stream: IO[bytes]) -> None:
    """The farthest filled row and column of an .ods file's first table: rows and cells may be
    "repeated" a million times; only repeats that hold something count."""

    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
    state = {"depth": 0, "row": 0, "repeat": 1, "column": 0, "filled": 0, "rows": 0, "columns": 0}
    cell: dict[str, Any] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == table + "table":
            state["depth"] += 1
        elif state["depth"] != 1:
            return
        elif name == table + "table-row":
            state["repeat"] = int(attributes.get(table + "number-rows-repeated", "1"))
            state["column"] = state["filled"] = 0
        elif name in (table + "table-cell", table + "covered-table-cell"):
            cell["repeat"] = int(attributes.get(table + "number-columns-repeated", "1"))
            cell["filled"] = (office + "value-type") in attributes
        elif cell:
            cell["filled"] = True  # a paragraph of text inside the cell

    def end(name: str) -> None:
        if name == table + "table":
            state["depth"] -= 1
            if state["depth"] == 0:
                state["depth"] = 2  # only the first table is imported
        elif state["depth"] != 1:
            return
        elif name in (table + "table-cell", table + "covered-table-cell"):
            state["column"] += cell["repeat"]
            if cell["filled"]:
                state["filled"] = state["column"]
            cell.clear()
        elif name == table + "table-row":
            state["row"] += state["repeat"]
            if state["filled"]:
                state["rows"] = state["row"]
                state["columns"] = max(state["columns"], state["filled"])
            _check_size(state["rows"], state["columns"])

    _parse(stream, start, end, " ", "not an OpenDocument spreadsheet")


def _parse(stream: IO[bytes], start, end, namespace_separator: str | None, what: str) -> None:
    """Stream ``stream``'s XML through ``start`` and ``end`` (tags and attributes only: the
    cells' text is never kept); a ValueError saying ``what`` when it is not well formed."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=namespace_separator)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.ParseFile(stream)
    except expat.ExpatError as exc:
        raise ValueError(what) from exc


# The records calamine places a cell by (a row and a column as the first two numbers), and
# MULRK (several numbers in a row; the last column ends the record).
_XLS_CELLS = {0x0006, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD}
_ENDS = 0xFFFFFFFA  # sector numbers from here on end a chain or mark free sectors


def _xls_extent(data: bytes) -> None:
    """Refuse an old .xls whose sheets reach too far, before calamine reads it: calamine
    reads every sheet at once, makes room for the cells its DIMENSIONS record claims (4
    billion rows fit in it) and places cells at columns up to 65,536, though the format stops
    at 256."""
    stream = _ole_stream(data)
    if stream is None:  # no workbook inside (a protected .xlsx): calamine says what it is
        return
    starts, position = set(), 0
    while position + 4 <= len(stream):
        kind = int.from_bytes(stream[position : position + 2], "little")
        size = int.from_bytes(stream[position + 2 : position + 4], "little")
        record = stream[position + 4 : position + 4 + size]
        if kind == 0x002F:  # FILEPASS: the rest is encrypted, calamine asks for the password
            return
        if kind == 0x0085 and size >= 4:  # BOUNDSHEET: where a sheet's records begin
            starts.add(int.from_bytes(record[:4], "little"))
        _xls_record_extent(kind, record)
        position += 4 + size
    # A sheet may begin where the records counted above do not: read from there as well.
    for start in sorted(starts):
        position = start
        while position + 4 <= len(stream):
            kind = int.from_bytes(stream[position : position + 2], "little")
            size = int.from_bytes(stream[position + 2 : position + 4], "little")
            _xls_record_extent(kind, stream[position + 4 : position + 4 + size])
            if kind == 0x000A:  # EOF of the sheet
                break
            position += 4 + size


def _xls_record_extent(kind: int, record: bytes) -> None:
    def number(offset: int, width: int = 2) -> int:
        return int.from_bytes(record[offset : offset + width], "little")

    if kind == 0x0200 and len(record) in (10, 14):
        # DIMENSIONS: room is made for its grid (rows and columns counted as calamine does,
        # wrapping at 2³²). Only its size counts: blank formatted cells widen it in real
        # files, and calamine leaves them out of the sheet.
        wide = 4 if len(record) == 14 else 2
        first_row, last_row = number(0, wide), number(wide, wide)
        first_column, last_column = number(2 * wide), number(2 * wide + 2)
        if last_row >= 1 and last_column >= 1:
            rows = (last_row - 1 - first_row + 1) % (1 << 32)
            columns = (last_column - 1 - first_column + 1) % (1 << 32)
            if rows * columns > MAX_CELLS:
                _check_size(rows, columns)
    elif kind in _XLS_CELLS and len(record) >= 4:
        _check_size(number(0) + 1, number(2) + 1)
    elif kind == 0x00BD and len(record) >= 6:
        _check_size(number(0) + 1, max(number(len(record) - 2), number(2)) + 1)


def _ole_stream(data: bytes) -> bytes | None:
    """The "Workbook" (or older "Book") stream of an OLE compound file, or None."""

    def number(offset: int) -> int:
        return int.from_bytes(data[offset : offset + 4], "little")

    shift = int.from_bytes(data[0x1E:0x20], "little")
    mini_shift = int.from_bytes(data[0x20:0x22], "little")
    if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
        raise ValueError("not an OLE compound file")
    size = 1 << shift

    def sector(number_: int) -> bytes:
        return data[(number_ + 1) * size : (number_ + 2) * size]

    fat_sectors = [number(0x4C + 4 * i) for i in range(109)]
    next_difat, seen = number(0x44), 0
    while next_difat < _ENDS and seen <= len(data) // size:
        block = sector(next_difat)
        entries = [int.from_bytes(block[i : i + 4], "little") for i in range(0, size, 4)]
        fat_sectors += entries[:-1]
        next_difat, seen = entries[-1], seen + 1
    fat = b"".join(sector(n) for n in fat_sectors[: number(0x2C)] if n < _ENDS)

    def chain(first: int, table: bytes, read: Any) -> bytes:
        parts, current = [], first
        while current < _ENDS and len(parts) <= len(table) // 4:
            parts.append(read(current))
            if 4 * current + 4 > len(table):
                break
            current = int.from_bytes(table[4 * current : 4 * current + 4], "little")
        return b"".join(parts)

    directory = chain(number(0x30), fat, sector)
    mini_fat = chain(number(0x3C), fat, sector)
    mini_stream = chain(int.from_bytes(directory[0x74:0x78], "little"), fat, sector)
    mini = 1 << mini_shift
    for offset in range(0, len(directory) - 127, 128):
        entry = directory[offset : offset + 128]
        length = int.from_bytes(entry[0x40:0x42], "little")
        name = entry[: max(0, length - 2)].decode("utf-16-le", "replace").lower()
        if entry[0x42] == 2 and name in ("workbook", "book"):
            first = int.from_bytes(entry[0x74:0x78], "little")
            stream_size = int.from_bytes(entry[0x78:0x7C], "little")
            if stream_size < number(0x38):
                stream = chain(first, mini_fat, lambda n: mini_stream[n * mini : (n + 1) * mini])
            else:
                stream = chain(first, fat, sector)
            return stream[:stream_size]
    return None


_PUNCTUATION = str.maketrans({"（": "(", "）": ")", "：": "", ":": "", "*": "", "＊": ""})


def normalise_header(text: Any) -> str:
    """Header text compared loosely: no spaces, half-width brackets, no marks of 'required'."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", str(text)).translate(_PUNCTUATION).lower()


def find_header(
    sheet: Sheet,
    synonyms: Mapping[str, Iterable[str]],
    required: Iterable[str | tuple[str, ...]],
) -> HeaderMatch:
    """The first row (of the top few) whose cells name every required field; a tuple among
    the required fields is satisfied by any one of them."""
    lookup = {normalise_header(name): key for key, names in synonyms.items() for name in names}
    required = [(need,) if isinstance(need, str) else need for need in required]
    # The row naming most of the required fields (one at least): the header, short of some.
    closest: tuple[int, int, list[tuple[str, ...]]] | None = None
    for index, row in enumerate(sheet.top(HEADER_SEARCH_ROWS)):
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        ignored: list[str] = []
        for column, cell in enumerate(row):
            key = lookup.get(normalise_header(cell))
            if key is not None and key not in columns:
                columns[key] = column
                headers[key] = str(cell).strip()
            elif normalise_header(cell):
                ignored.append(str(cell).strip())
        missing = [need for need in required if not any(key in columns for key in need)]
        if not missing:
            return HeaderMatch(index, columns, headers, ignored)
        named = len(required) - len(missing)
        if named and (closest is None or named > closest[0]):
            closest = (named, index, missing)

    def named_as_usual(needs: list[tuple[str, ...]]) -> str:  # by each one's first name
        return "、".join(next(iter(synonyms[need[0]])) for need in needs)

    expected = named_as_usual(required)
    if closest is not None:
        _named, index, missing = closest
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "Row {row} is the header, but it has no column for: {missing}. The file needs "
                "at least these columns: {columns}.",
            ),
            row=index + 1,
            missing=named_as_usual(missing),
            columns=expected,
        )
    raise ImportRejected(
        QT_TRANSLATE_NOOP(
            "Import",
            "No header row found in the first {rows} rows. The file needs at least these "
            "columns: {columns}.",
        ),
        rows=HEADER_SEARCH_ROWS,
        columns=expected,
    )


def cell_text(value: Any) -> str:
    """A cell as trimmed text; whole-number floats lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def data_rows(sheet: Sheet, header: HeaderMatch) -> Iterator[tuple[int, dict[str, Any]]]:
    """(spreadsheet row number, field -> raw value) for each non-empty row under the header,
    read as they are asked for."""
    columns = list(header.columns.items())
    first = header.row_index + 1
    for number, row in enumerate(islice(sheet, first, None), start=first + 1):
        # ``cell_text(cell)`` is empty only for None and blank text: asked without a call.
        if not any(
            cell is not None and (cell.__class__ is not str or cell.strip()) for cell in row
        ):
            continue
        width = len(row)
        yield number, {key: (row[column] if column < width else None) for key, column in columns}
