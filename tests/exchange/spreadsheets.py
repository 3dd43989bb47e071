"""Spreadsheet files for import tests in the formats officers receive besides .xlsx.

An .ods is a zip of XML: it is written here directly, as LibreOffice and WPS write it (rows and
cells may carry "repeated" counts; a sheet ends with a million repeated empty rows).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _cell(value: Any, repeat: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None or value == "":
        return f"<table:table-cell{repeated}/>"
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{repeated} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell{repeated} office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def write_ods(
    path: Path, rows: list[list[Any]], *, repeat_last_row: int = 1, trailing_empty: int = 1048000
) -> Path:
    """An .ods whose first sheet holds ``rows``; the last row is repeated ``repeat_last_row``
    times and the sheet ends with ``trailing_empty`` repeated empty rows."""
    body = []
    for index, row in enumerate(rows):
        repeat = repeat_last_row if index == len(rows) - 1 else 1
        repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
        cells = "".join(_cell(value) for value in row) + _cell(None, 1000)
        body.append(f"<table:table-row{repeated}>{cells}</table:table-row>")
    body.append(
        f'<table:table-row table:number-rows-repeated="{trailing_empty}">'
        f"{_cell(None, 1024)}</table:table-row>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES} '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="Sheet1">{"".join(body)}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path
