"""Errors a user can understand, separate from bugs.

An ``OutreachError`` carries an English message template, its parameters and a translation
context. The template is marked with ``QT_TRANSLATE_NOOP`` so Qt's lupdate collects it; the
layer that shows the message (the GUI or the command line) translates and formats it. This
keeps the core free of Qt while every message still reaches the officer in Chinese.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


class OutreachError(Exception):
    """An expected failure caused by input or environment; shown to the user, never a crash."""

    context = "Errors"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return self.template.format(**self.params)

    def render(self, translate: Any = None) -> str:
        """The message, translated with ``translate(context, text)`` when one is given."""
        template = translate(self.context, self.template) if translate else self.template
        params = {
            key: (value.render(translate) if isinstance(value, OutreachError) else value)
            for key, value in self.params.items()
        }
        return template.format(**params)


class ValidationError(OutreachError):
    """A value that cannot be accepted as it is; ``field`` names what was being read."""

    context = "Validation"

    def __init__(self, template: str, *, field: str = "", **params: Any) -> None:
        self.field = field
        super().__init__(template, **params)


class DatabaseError(OutreachError):
    """The database cannot be opened or written for a reason outside the program."""

    context = "Database"


class DatabaseDamaged(DatabaseError):
    """SQLite found the database file damaged (malformed, or no longer a database), whenever
    that happens: at open or in any later statement. The program's one damage path sets the
    file aside unchanged and offers (or names) the newest good backup; ``reason`` is SQLite's
    own words, for whoever repairs the file."""

    def __init__(self, template: str, *, path: str, reason: str = "", **params: Any) -> None:
        self.path = path
        self.reason = reason
        super().__init__(template, path=path, **params)


class ImportRejected(OutreachError):
    """An import that wrote nothing because of bad rows (the report lists them)."""

    context = "Import"


class PackageRefused(OutreachError):
    """An exchange package that cannot be merged (nothing was written) or made."""

    context = "Exchange"


def unknown_value(value: Any, *, field: str) -> ValidationError:
    """The error for a value outside its list (a level, a status, a fraud type …)."""
    return ValidationError(
        QT_TRANSLATE_NOOP("Validation", "Unknown value {value}."), field=field, value=value
    )


def required_text(value: str | None, template: str, field: str) -> str:
    """``value`` without surrounding spaces; ValidationError(``template``) when nothing is left."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(template, field=field)
    return text
