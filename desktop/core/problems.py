"""Collecting every problem of one record, so a form or an imported row reports all at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from desktop.core.errors import ValidationError

T = TypeVar("T")


class Problems:
    """Collects every ValidationError of one record, so a form or a row reports all at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``function(*args, **kwargs)``, or None with its ValidationError kept."""
        try:
            return function(*args, **kwargs)
        except ValidationError as exc:
            self.errors.append(exc)
            return None

    def add_unnamed(self, errors: list[ValidationError]) -> None:
        """Keep those of ``errors`` whose field has no problem yet: a word that fitted no code
        is named once, not again by the gateway's check of the empty value it became."""
        named = {error.field for error in self.errors}
        self.errors += [error for error in errors if error.field not in named]

    def raise_first(self) -> None:
        if self.errors:
            raise self.errors[0]
