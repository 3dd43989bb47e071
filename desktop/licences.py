"""What the program is made of, under which licences, and where their texts are.

The About dialog lists these; the one-folder build copies each distribution's licence files
into ``licences/`` beside the program (build.spec), so a laptop without Python still carries
every text. Qt-free, so the build and the tests read the same list.
"""

from __future__ import annotations

import importlib.metadata as metadata
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.paths import is_frozen, resource_dir


@dataclass(frozen=True)
class Component:
    name: str  # as people know it
    distribution: str | None  # the Python distribution that carries it, if any
    licence: str
    texts: tuple[str, ...] = ()  # files under resources/ with the licence's text
    version: str = ""  # of a component no distribution names (the fonts)
    use: str = ""  # what the program uses it for, to translate in the "AboutDialog" context


# The fonts first: they travel inside every PDF the program prints (desktop/reports/fonts.py).
COMPONENTS: tuple[Component, ...] = (
    Component("WenQuanYi Micro Hei (文泉驿微米黑) font", None,
              "Apache-2.0 (or GPL-3.0-or-later with font exception)",
              ("fonts/LICENSE-wqy-microhei.txt", "fonts/LICENSE-Apache-2.0.txt"), "0.2.0-beta",
              QT_TRANSLATE_NOOP("AboutDialog", "the screens, and printed headings and tables (Hei)")),
    Component("AR PL SungtiL GB (文鼎PL报宋) font", None, "Arphic-1999 (Arphic Public License)",
              ("fonts/ARPHICPL.TXT",), "2.11",
              QT_TRANSLATE_NOOP("AboutDialog", "printed body text (Song, also for FangSong)")),
    Component("AR PL KaitiM GB (文鼎PL中楷) font", None, "Arphic-1999 (Arphic Public License)",
              ("fonts/ARPHICPL.TXT",), "2.11",
              QT_TRANSLATE_NOOP("AboutDialog", "printed subheadings (Kai)")),
    Component("WenKai Supplement font, cut from LXGW WenKai (霞鹜文楷)", None, "OFL-1.1",
              ("fonts/LICENSE-wenkai-supplement.txt",), "1.250",
              QT_TRANSLATE_NOOP("AboutDialog", "rare characters of names the other fonts lack")),
    Component("Qt 6 / PySide6", "PySide6-Essentials", "LGPL-3.0-only",
              ("licences/LGPL-3.0.txt", "licences/GPL-3.0.txt")),
    Component("Qt PDF / PySide6-Pdf", "PySide6-Pdf", "LGPL-3.0-only",
              ("licences/LGPL-3.0.txt",)),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only", ("licences/LGPL-3.0.txt",)),
    Component("ICU (in Qt)", None, "Unicode-3.0"),
    Component("PDFium (in Qt PDF)", None, "BSD-3-Clause"),
    Component("Python", None, "PSF-2.0"),
    Component("SQLite", None, "Public domain"),
    Component("OpenSSL", None, "Apache-2.0"),
    Component("libffi", None, "MIT"),
    Component("GCC runtime (libstdc++, libgcc)", None, "GPL-3.0 with GCC Runtime Library Exception"),
    Component("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    Component("ReportLab", "reportlab", "BSD-3-Clause"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("et-xmlfile", "et-xmlfile", "MIT"),
    Component("python-docx", "python-docx", "MIT"),
    Component("lxml", "lxml", "BSD-3-Clause"),
    Component("libxml2, libxslt, zlib, libiconv (in lxml)", None,
              "MIT; MIT; Zlib; LGPL-2.1-or-later"),
    Component("python-calamine", "python-calamine", "MIT"),
    Component("calamine and its Rust crates (in python-calamine)", None,
              "MIT or Apache-2.0; Zlib; BSD-3-Clause; Unicode-3.0 (listed in its SBOM)"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("icalendar", "icalendar", "BSD-2-Clause"),
    Component("python-dateutil", "python-dateutil", "BSD-3-Clause"),
    Component("argon2-cffi", "argon2-cffi", "MIT"),
    Component("argon2-cffi-bindings", "argon2-cffi-bindings", "MIT"),
    Component("cffi", "cffi", "MIT-0"),
    Component("SQLCipher (sqlcipher3)", "sqlcipher3-wheels", "MIT; SQLCipher BSD-3-Clause"),
    Component("Pillow", "pillow", "MIT-CMU"),
    Component("click", "click", "BSD-3-Clause"),
    Component("sqlite-fts4", "sqlite-fts4", "Apache-2.0"),
    Component("pluggy", "pluggy", "MIT"),
    Component("charset-normalizer", "charset-normalizer", "MIT"),
    Component("typing-extensions", "typing-extensions", "PSF-2.0"),
    Component("tzdata", "tzdata", "Apache-2.0"),
)  # fmt: skip

BUNDLED_LICENCES = "licences"  # the build's folder of distributions' licence files


def _installed(component: Component) -> tuple[str, str] | None:
    """(distribution name, version) under which this system has the component, if it has it."""
    if component.distribution is None:
        return None
    try:
        return component.distribution, metadata.version(component.distribution)
    except metadata.PackageNotFoundError:
        return None


def installed_distribution(component: Component) -> str | None:
    found = _installed(component)
    return found[0] if found else None


def installed_version(component: Component) -> str | None:
    found = _installed(component)
    return found[1] if found else None


def shown_components() -> list[Component]:
    """The components this installation carries: those of other systems are left out
    (tzdata is Windows' time-zone data; Linux has its own)."""
    return [c for c in COMPONENTS if c.distribution is None or installed_distribution(c)]


def python_licence_file() -> Path | None:
    """Python's own LICENSE.txt: in the standard library where Python is installed, in the
    build's licences/Python/ folder when frozen."""
    import sysconfig

    if is_frozen():
        path = bundled_folder() / "Python" / "LICENSE.txt"
    else:
        path = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    return path if path.is_file() else None


def distribution_licence_files(distribution: str) -> list[Path]:
    """The licence files an installed distribution ships (in its dist-info), if any."""
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        return []
    found = []
    for file in files:
        upper = file.name.upper()
        if ".dist-info" in str(file) and any(k in upper for k in ("LICEN", "COPYING", "NOTICE")):
            path = Path(file.locate())
            if path.is_file():
                found.append(path)
    return found


def bundled_folder() -> Path:
    """Where the one-folder build keeps the distributions' licence files."""
    return resource_dir().parent / BUNDLED_LICENCES


def _read_text(path: Path) -> str:
    """Licence files come in UTF-8, Latin-1, or both: the font's copyright file has its
    Chinese name in UTF-8 and a © in Latin-1. Each line is read in the one it is in."""

    def line_text(line: bytes) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            return line.decode("latin-1")

    return "".join(line_text(line) for line in path.read_bytes().splitlines(keepends=True))


def licence_texts(component: Component) -> list[tuple[str, str]]:
    """(file name, text) for each licence text of ``component`` this installation has."""
    texts: list[tuple[str, str]] = []
    for relative in component.texts:
        path = resource_dir() / relative
        if path.is_file():
            texts.append((path.name, _read_text(path)))
    if component.name == "Python" and python_licence_file() is not None:
        texts.append(("LICENSE.txt", _read_text(python_licence_file())))
    name = installed_distribution(component)
    if name is not None:
        if is_frozen():
            folder = bundled_folder() / name
            paths = sorted(folder.glob("*")) if folder.is_dir() else []
        else:
            paths = distribution_licence_files(name)
        for path in paths:
            texts.append((path.name, _read_text(path)))
    return texts
