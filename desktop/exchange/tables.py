"""Reading spreadsheets as they arrive from upper levels: .xlsx and .csv (UTF-8 or GBK).

Chinese office files put a title row or two above the header, name columns in several ways and
save CSV as GBK without a BOM. This module turns such a file into a header row and numbered data
rows; what the columns mean is decided by the importer that uses it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import QT_TRANSLATE_NOOP, ImportRejected

HEADER_SEARCH_ROWS = 15
# Cells longer than this are not names or numbers: such a file is refused with a message.
csv.field_size_limit(1 << 20)


@dataclass
class Sheet:
    """The cells of one sheet; ``rows[i]`` is spreadsheet row ``i + 1``."""

    rows: list[list[Any]]
    date1904: bool = False


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


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an .xlsx, or the rows of a .csv."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRejected(QT_TRANSLATE_NOOP("Import", "There is no file at {path}."), path=path)
    if suffix == ".csv":
        text = decode_csv_bytes(path.read_bytes())
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text), dialect)
        try:
            return Sheet([list(row) for row in reader])
        except csv.Error as exc:
            raise ImportRejected(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Line {line} of the CSV file cannot be read (a cell is far too long, or "
                    "quotes do not match). Check the file in Excel or WPS.",
                ),
                line=reader.line_num,
            ) from exc
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".xls":
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "Old Excel files (.xls) cannot be read. Open it in Excel or WPS and save it as "
                ".xlsx.",
            )
        )
    raise ImportRejected(
        QT_TRANSLATE_NOOP("Import", "Only .xlsx and .csv files can be imported, not {suffix}."),
        suffix=suffix or path.name,
    )


def _read_xlsx(path: Path) -> Sheet:
    import zipfile

    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # An OLE container: a workbook saved with a password (Excel encrypts the whole file),
        # or an old .xls renamed to .xlsx.
        raise ImportRejected(
            QT_TRANSLATE_NOOP(
                "Import",
                "{path} is protected with a password, or is an old .xls file. Open it in Excel "
                "or WPS, remove the password, save it as .xlsx and import again.",
            ),
            path=path.name,
        )
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRejected(
            QT_TRANSLATE_NOOP("Import", "{path} is not a readable Excel file."), path=path.name
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        return Sheet(rows, date1904=workbook.epoch == CALENDAR_MAC_1904)
    finally:
        workbook.close()


_PUNCTUATION = str.maketrans({"（": "(", "）": ")", "：": "", ":": "", "*": "", "＊": ""})


def normalise_header(text: Any) -> str:
    """Header text compared loosely: no spaces, half-width brackets, no marks of 'required'."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", str(text)).translate(_PUNCTUATION).lower()


def find_header(
    sheet: Sheet, synonyms: Mapping[str, Iterable[str]], required: Iterable[str]
) -> HeaderMatch:
    """The first row (of the top few) whose cells name every required field."""
    lookup = {normalise_header(name): key for key, names in synonyms.items() for name in names}
    required = list(required)
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
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
        if all(key in columns for key in required):
            return HeaderMatch(index, columns, headers, ignored)
    expected = "、".join(next(iter(synonyms[key])) for key in required)
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


def data_rows(sheet: Sheet, header: HeaderMatch) -> Iterable[tuple[int, dict[str, Any]]]:
    """(spreadsheet row number, field -> raw value) for each non-empty row under the header."""
    for index in range(header.row_index + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if not any(cell_text(cell) for cell in row):
            continue
        values = {
            key: (row[column] if column < len(row) else None)
            for key, column in header.columns.items()
        }
        yield index + 1, values
