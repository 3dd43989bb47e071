"""Keep the translation catalogue in step with the code.

    python tools/i18n.py update    # collect strings into resources/i18n/*.ts, then compile .qm
    python tools/i18n.py compile   # only compile .ts → .qm

Translators edit ``resources/i18n/outreach_desk_zh_CN.ts`` (Qt Linguist, or any editor);
tests/test_translations.py fails while an entry is unfinished, obsolete or not compiled.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["zh_CN", "en"]
# English is the source language: its catalogue holds only the plural forms
# ("%n day(s) overdue" → "1 day overdue" / "2 days overdue").
PLURAL_ONLY = {"en"}


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def ts_path(language: str) -> Path:
    return I18N / f"outreach_desk_{language}.ts"


def update(ts_files: list[Path] | None = None) -> None:
    """Run lupdate over the package into each catalogue, dropping strings no longer used."""
    for ts in ts_files or [ts_path(lang) for lang in LANGUAGES]:
        plural_only = any(ts.name.endswith(f"_{lang}.ts") for lang in PLURAL_ONLY)
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                *(["-pluralonly", "-target-language", "en"] if plural_only else []),
                "-locations",
                "none",
                *sources(),
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )


def compile_catalogue(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
    )


def compile_all() -> None:
    for language in LANGUAGES:
        ts = ts_path(language)
        compile_catalogue(ts, ts.with_suffix(".qm"))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        update()
        compile_all()
    elif command == "compile":
        compile_all()
    else:
        raise SystemExit(__doc__)
