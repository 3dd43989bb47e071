"""An open warning's state in words and colours — how long it has waited, what is late and by
how much, where it stands — as the Warnings screen and Today both show it. Kept apart from
the list's model so Today shows them without the warnings store."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.core import catalogue
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.urgency import Lateness
from desktop.ui.labels import catalogue_label, shown_duration

if TYPE_CHECKING:
    from desktop.domain.warnings import QueueItem

# Only the worst late cases are tinted (core.urgency's "far over"); the merely late say so in
# dark red words, so a queue where most are late still shows which are worst.
FAR_OVER_BACKGROUND = QColor("#f6b3b3")
LATE_TEXT = QColor("#a40000")
DAYS_AND_CLOCK = QT_TRANSLATE_NOOP("Warnings", "{days}d {clock}")
LATE_CONTACT = QT_TRANSLATE_NOOP("Warnings", "No contact, {over} over")
LATE_VISIT = QT_TRANSLATE_NOOP("Warnings", "No visit, {over} over")
AT_STATION = QT_TRANSLATE_NOOP("Warnings", "At {station}")
NEW = QT_TRANSLATE_NOOP("Warnings", "New")
IN_PROGRESS = QT_TRANSLATE_NOOP("Warnings", "In progress")


def _(text: str) -> str:
    return QCoreApplication.translate("Warnings", text)


def late_text(late: Lateness) -> str:
    """What is late and by how much, in words ("No contact, 2 h over"); empty when on time."""
    if late.kind is None:
        return ""
    over = shown_duration(late.minutes_over)
    return _(LATE_CONTACT if late.kind == "contact" else LATE_VISIT).format(over=over)


def elapsed(since: datetime, now: datetime) -> str:
    """Hours and minutes waited, e.g. 1:05 (days shown as 2d 3:10, 2天 3:10 in Chinese)."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}"
    return _(DAYS_AND_CLOCK).format(days=days, clock=clock) if days else clock


def open_state_text(item: QueueItem, late: Lateness | None) -> str:
    """Where an open case stands, in words: how far over its limit when late, else whether
    it is with another station, waiting for a recheck, new or in progress."""
    if late is not None and late.kind:
        return late_text(late)
    if item.station:
        return _(AT_STATION).format(station=item.station)
    if item.outcome == "denied_recheck":
        return catalogue_label(catalogue.OUTCOMES, item.outcome)
    return _(NEW) if item.status == "new" else _(IN_PROGRESS)
