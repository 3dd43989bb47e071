"""Languages: Simplified Chinese by default, English on request.

Source strings are English; ``resources/i18n/outreach_desk_zh_CN.ts`` carries the Chinese and is
compiled to ``.qm`` by ``pyside6-lrelease`` (see ``resources/i18n/README.md``). English needs no
catalogue. The GUI installs Qt's translators on the application (``desktop.ui.translations``); the
command line reads the same ``.qm`` catalogue here, without Qt: loading QtCore alone would cost
it several times its own start.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

from desktop.paths import resource_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
CATALOGUE = "outreach_desk"

Translate = Callable[[str, str], str]


def normalise_language(value: str | None) -> str:
    """``zh``, ``zh-CN``, ``zh_CN`` → ``zh_CN``; ``en_US`` → ``en``; unknown → default."""
    text = (value or "").replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def catalogue_path(language: str) -> Path:
    return resource_dir() / "i18n" / f"{CATALOGUE}_{language}.qm"


# The .qm file (Qt's compiled catalogue): a 16-byte magic, then tagged sections. The hashes
# section lists (hash of source text + comment, offset of the message) sorted by hash; a
# message is a run of tags up to its end tag: its translations (UTF-16BE, the first the
# singular), and as much of its comment, source text and context (UTF-8) as lrelease needed
# to tell it from others of the same hash.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_HASHES, _MESSAGES = 0x42, 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


def _elf_hash(data: bytes) -> int:
    """Qt's hash of a message's source text and comment, as lrelease wrote it."""
    value = 0
    for byte in data:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
        value &= ~high & 0xFFFFFFFF
    return value or 1


class QmCatalogue:
    """The translations of one ``.qm`` file, read without Qt."""

    def __init__(self, data: bytes) -> None:
        if data[:16] != QM_MAGIC:
            raise ValueError("not a Qt translation catalogue")
        sections, at = {}, 16
        while at + 5 <= len(data):
            tag, length = data[at], struct.unpack_from(">I", data, at + 1)[0]
            sections[tag] = data[at + 5 : at + 5 + length]
            at += 5 + length
        hashes = sections.get(_HASHES, b"")
        pairs = struct.unpack(f">{len(hashes) // 4}I", hashes[: len(hashes) // 8 * 8])
        self._hashes = pairs[0::2]
        self._offsets = pairs[1::2]
        self._messages = sections.get(_MESSAGES, b"")

    def _message(self, offset: int) -> dict[int, bytes]:
        """The first translation and the texts of the message at ``offset``."""
        data, found, at = self._messages, {}, offset
        while at < len(data):
            tag = data[at]
            at += 1
            if tag == _END:
                break
            if tag == _OBSOLETE1:
                at += 4
                continue
            length = struct.unpack_from(">I", data, at)[0]
            at += 4
            if length == 0xFFFFFFFF:  # a null string
                length = 0
            if tag not in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
                break  # a tag of an older format than lrelease writes today
            found.setdefault(tag, data[at : at + length])
            at += length
        return found

    def translate(self, context: str, text: str, comment: str = "") -> str | None:
        source = text.encode()
        wanted = {_CONTEXT: context.encode(), _SOURCE: source, _COMMENT: comment.encode()}
        key = _elf_hash(source + comment.encode())
        index = bisect_left(self._hashes, key)
        while index < len(self._hashes) and self._hashes[index] == key:
            message = self._message(self._offsets[index])
            index += 1
            if all(message.get(tag, value) == value for tag, value in wanted.items()):
                translation = message.get(_TRANSLATION)
                return translation.decode("utf-16-be") if translation else None
        return None


def translator_for(language: str) -> Translate:
    """A ``translate(context, text)`` function for the command line (no Qt, no application)."""
    language = normalise_language(language)
    path = catalogue_path(language)
    if language == "en" and not path.exists():
        return lambda context, text: text  # English is the source text
    try:
        catalogue = QmCatalogue(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise FileNotFoundError(f"translation catalogue missing or damaged: {path}") from exc

    def translate(context: str, text: str) -> str:
        return catalogue.translate(context, text) or text

    return translate
