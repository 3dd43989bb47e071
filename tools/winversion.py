"""The version resource of the Windows executables (Explorer › Properties › Details).

build.spec writes one with ``version_info_text`` for each executable when it builds on Windows.
PyInstaller evaluates the text with its VSVersionInfo classes, which import only on Windows;
tests/test_build.py evaluates it with stand-ins that record the same calls.
"""

from __future__ import annotations

import re


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0): Windows wants four numbers."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_info_text(*, version: str, name: str, exe: str, company: str, description: str) -> str:
    """PyInstaller's VSVersionInfo, in Simplified Chinese (0804) with the Unicode code page."""
    numbers = version_numbers(version)
    fields = {
        "CompanyName": company,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe,
        "OriginalFilename": f"{exe}.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    strings = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in fields.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
        {strings}])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
