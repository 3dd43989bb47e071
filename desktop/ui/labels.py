"""Display names of fields, actions and the catalogue's codes, translated when shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from desktop.core import clock, formats
from desktop.core.catalogue import RECORD_KINDS
from desktop.core.errors import QT_TRANSLATE_NOOP

_CONTEXT = "Labels"

FIELDS = {
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "code": QT_TRANSLATE_NOOP("Labels", "Code"),
    "level": QT_TRANSLATE_NOOP("Labels", "Level"),
    "parent": QT_TRANSLATE_NOOP("Labels", "Belongs to"),
    "badge_number": QT_TRANSLATE_NOOP("Labels", "Badge number"),
    "role": QT_TRANSLATE_NOOP("Labels", "Role"),
    "unit": QT_TRANSLATE_NOOP("Labels", "Unit"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "area": QT_TRANSLATE_NOOP("Labels", "Area"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "contact_name": QT_TRANSLATE_NOOP("Labels", "Contact person"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
}


def label(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    text = table.get(key)
    return QCoreApplication.translate(_CONTEXT, text) if text else key


def catalogue_label(entries: dict, code: str | None) -> str:
    """A catalogue entry (fraud type, audience, venue kind, status) in the UI's language."""
    if not code:
        return ""
    entry = entries.get(code)
    return QCoreApplication.translate("Catalogue", entry.en) if entry else code


def escaped(value: object) -> str:
    """A value as rich text (a details panel, a rich tooltip) shows it, letter for letter.

    Every record's text, code and masked value goes through here before it joins HTML: a name
    or an unknown code from an import or a package may hold markup (an image from a file, a
    huge font), and Qt's rich text would obey it.
    """
    import html  # here: its table of entities is not needed to show the window

    return html.escape(str(value))


def ui_is_chinese() -> bool:
    app = QCoreApplication.instance()
    translations = getattr(app, "_outreach_translations", None)
    return translations is not None and translations.language.startswith("zh")


def shown_date(value) -> str:
    """A date (or the day of a moment) as the screen shows it: 2026年10月7日 / 7 Oct 2026."""
    return formats.format_date(value, chinese=ui_is_chinese())


def shown_datetime(value, *, seconds: bool = False) -> str:
    """A moment as the screen shows it: 2026年10月7日 14:30 / 7 Oct 2026 14:30."""
    return formats.format_datetime(value, chinese=ui_is_chinese(), seconds=seconds)


def shown_day_time(value) -> str:
    """A moment in a list where the year goes without saying: 10月7日 14:30 / 7 Oct 14:30."""
    return formats.format_day_time(value, chinese=ui_is_chinese())


def shown_month_day(value) -> str:
    """10月7日 / 7 Oct."""
    return formats.format_month_day(value, chinese=ui_is_chinese())


def shown_day(value) -> str:
    """A day in a narrow list: this year's without the year (10月7日 / 7 Oct), another year's
    whole (2025年10月7日 / 7 Oct 2025)."""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return shown_month_day(day) if day.year == clock.today().year else shown_date(day)


def shown_date_range(first, last) -> str:
    """2026年10月5日—10月11日 / 5–11 Oct 2026."""
    return formats.format_date_range(first, last, chinese=ui_is_chinese())


def shown_month(value) -> str:
    """2026年10月 / Oct 2026."""
    return formats.format_month(value, chinese=ui_is_chinese())


def shown_duration(minutes: int) -> str:
    """1天3小时 / 1 d 3 h, 2小时 / 2 h, 45分钟 / 45 min."""
    return formats.format_duration(minutes, chinese=ui_is_chinese())


def shown_money(fen: int | None) -> str:
    """An amount in fen as the screen shows it: 3,500元, 5.20万元 / ¥3,500, ¥52,000."""
    return formats.format_money_fen(fen, chinese=ui_is_chinese())


def figure_text(key: str, value) -> str:
    """A figure's value as the screen shows it, with units in the UI's language."""
    from desktop.core.figures import BY_KEY, format_value

    return format_value(BY_KEY[key], value, chinese=ui_is_chinese())


def figure_name(key: str) -> str:
    from desktop.core.figures import BY_KEY

    return QCoreApplication.translate("Figures", BY_KEY[key].name)


def figure_definition(key: str) -> str:
    from desktop.core.figures import BY_KEY

    return QCoreApplication.translate("Figures", BY_KEY[key].definition)


def record_kind(table: str) -> str:
    """A table as the exchange screens name it ("Warnings")."""
    return catalogue_label(RECORD_KINDS, table)


# The fields a merge conflict may name, as officers call them; others show their stored name.
RECORD_FIELDS = {
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile"),
    "id_number": QT_TRANSLATE_NOOP("Labels", "ID number"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "area_id": QT_TRANSLATE_NOOP("Labels", "Area"),
    "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "level": QT_TRANSLATE_NOOP("Labels", "Level"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "outcome": QT_TRANSLATE_NOOP("Labels", "Outcome"),
    "fraud_type": QT_TRANSLATE_NOOP("Labels", "Suspected fraud"),
    "officer_id": QT_TRANSLATE_NOOP("Labels", "Officer"),
    "station": QT_TRANSLATE_NOOP("Labels", "Station"),
    "reference_number": QT_TRANSLATE_NOOP("Labels", "Reference number"),
    "amount_at_risk": QT_TRANSLATE_NOOP("Labels", "Amount at risk"),
    "amount_protected": QT_TRANSLATE_NOOP("Labels", "Amount protected"),
    "amount_lost": QT_TRANSLATE_NOOP("Labels", "Amount lost"),
    "title": QT_TRANSLATE_NOOP("Labels", "Title"),
    "venue": QT_TRANSLATE_NOOP("Labels", "Venue"),
    "starts_at": QT_TRANSLATE_NOOP("Labels", "Starts"),
    "ends_at": QT_TRANSLATE_NOOP("Labels", "Ends"),
    "actual_headcount": QT_TRANSLATE_NOOP("Labels", "Headcount"),
    "result": QT_TRANSLATE_NOOP("Labels", "Result"),
    "deleted_at": QT_TRANSLATE_NOOP("Labels", "Retired"),
    # Officers' and partners' fields, named as the Areas & people screen names them.
    **{
        key: FIELDS[key]
        for key in ("phone", "badge_number", "unit", "role", "code", "kind", "contact_name")
    },  # fmt: skip
    "parent_id": FIELDS["parent"],
    "audience": QT_TRANSLATE_NOOP("Labels", "Audience"),
    "topics": QT_TRANSLATE_NOOP("Labels", "Topics"),
    "venue_kind": QT_TRANSLATE_NOOP("Labels", "Venue kind"),
    "partner": QT_TRANSLATE_NOOP("Labels", "Partner"),
    "co_organisers": QT_TRANSLATE_NOOP("Labels", "Co-organisers"),
    "organiser_id": QT_TRANSLATE_NOOP("Labels", "Organiser"),
    "expected_headcount": QT_TRANSLATE_NOOP("Labels", "Expected headcount"),
    "handouts_given": QT_TRANSLATE_NOOP("Labels", "Handouts given"),
    "source": QT_TRANSLATE_NOOP("Labels", "Source"),
    "received_at": QT_TRANSLATE_NOOP("Labels", "Received"),
    "signed_at": QT_TRANSLATE_NOOP("Labels", "Signed for"),
    "closed_at": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "resident_id": QT_TRANSLATE_NOOP("Labels", "Resident"),
    "stop_payment_amount": QT_TRANSLATE_NOOP("Labels", "Stop-payment amount"),
    "method": QT_TRANSLATE_NOOP("Labels", "Way of contact"),
    "at": QT_TRANSLATE_NOOP("Labels", "Time"),
    "due_on": QT_TRANSLATE_NOOP("Labels", "Due"),
    "done_at": QT_TRANSLATE_NOOP("Labels", "Done"),
    "count": QT_TRANSLATE_NOOP("Labels", "Count"),
    "on_date": QT_TRANSLATE_NOOP("Labels", "Date"),
    "caption": QT_TRANSLATE_NOOP("Labels", "Caption"),
}


def list_separator() -> str:
    """Between the items of a list in running text: 、 in Chinese, a comma in English."""
    return "、" if ui_is_chinese() else ", "


def clause_separator() -> str:
    """Between reasons or clauses: ； in Chinese, a semicolon in English."""
    return "；" if ui_is_chinese() else "; "


def sentences(*texts: str) -> str:
    """Sentences run on in one message: Chinese sets the next right after its 。, English after
    a space."""
    return ("" if ui_is_chinese() else " ").join(text for text in texts if text)


def record_field(field: str) -> str:
    text = RECORD_FIELDS.get(field)
    return QCoreApplication.translate(_CONTEXT, text) if text else field


# What an audit entry records as done (desktop/db/audit.py ACTIONS), as officers say it.
AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Labels", "Created"),
    "update": QT_TRANSLATE_NOOP("Labels", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Labels", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("Labels", "Restored"),
    "print": QT_TRANSLATE_NOOP("Labels", "Printed"),
    "export": QT_TRANSLATE_NOOP("Labels", "Exported"),
    "reveal": QT_TRANSLATE_NOOP("Labels", "Shown in full"),
    "merge": QT_TRANSLATE_NOOP("Labels", "Merged"),
    "import": QT_TRANSLATE_NOOP("Labels", "Imported"),
    "settings": QT_TRANSLATE_NOOP("Labels", "Settings"),
    "search": QT_TRANSLATE_NOOP("Labels", "Searched"),
}

# Tables an audit entry may name besides the records of the exchange screens (record_kind).
AUDIT_TABLES = {
    "meta": QT_TRANSLATE_NOOP("Labels", "Settings"),
}


def audit_action(code: str | None) -> str:
    """An audit entry's action in the UI's language; a code not known shows as stored."""
    return label(AUDIT_ACTIONS, code)


def audit_table(table: str | None) -> str:
    """The table an audit entry names, as the exchange screens name it ("Warnings")."""
    if not table:
        return ""
    return label(AUDIT_TABLES, table) if table in AUDIT_TABLES else record_kind(table)
