"""Text written into files that spreadsheet programs open: never taken for a formula.

A CSV file has no cell types: Excel and WPS read a field that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (``=HYPERLINK(…)`` links away, ``=cmd|…`` runs a program), and a leading tab
or carriage return hides such a start. Following OWASP's advice on CSV injection, such a field
is written with a leading apostrophe, which the spreadsheet shows as plain text. Workbooks need
no such mark: there a text cell is typed as text (``exchange.workbook.SheetCells``).
"""

from __future__ import annotations

from typing import Any

# The full-width signs too: WPS and Excel with a Chinese input method read ＝SUM(…) as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def csv_field(value: Any) -> Any:
    """``value`` as a CSV writer should get it: text that could start a formula is marked as
    text with a leading apostrophe; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: Any) -> list[Any]:
    """A whole row through ``csv_field``: every CSV the program writes goes through here."""
    return [csv_field(value) for value in values]
