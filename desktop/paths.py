"""Facts about where things live, in one place.

Nothing else inspects ``sys.frozen`` or guesses folders: the data folder comes from platformdirs
unless ``--db`` or ``OUTREACH_DESK_DB`` names a database, and resources are found the same way in
the source tree, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from desktop import APP_NAME, ORGANISATION

DB_ENV = "OUTREACH_DESK_DB"
DATA_ENV = "OUTREACH_DESK_DATA"
DB_FILENAME = "outreach-desk.sqlite3"
DEMO_DB_FILENAME = "demo.sqlite3"
HEI_FONT_FILE = "wqy-microhei.ttc"  # the screens' font, and the printouts' full-coverage face


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


@cache  # where the program lies does not change while it runs (asked for every icon)
def resource_dir() -> Path:
    """The folder holding fonts/, i18n/, icons/ and demo/."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"  # wheel: resources/ is installed as desktop.resources
    if (installed / "fonts").is_dir():
        return installed
    return package.parent / "resources"  # source tree or editable install


def font_path(file: str = HEI_FONT_FILE) -> Path:
    """A bundled font (resources/fonts/): the Hei face unless another file is named."""
    return resource_dir() / "fonts" / file


def data_dir() -> Path:
    """The user's data folder; ``OUTREACH_DESK_DATA`` overrides it (tests, portable use)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs  # here: with a folder named, a start never needs it (nor its imports)

    return Path(platformdirs.user_data_dir(APP_NAME, ORGANISATION, roaming=False))


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db`` wins over ``OUTREACH_DESK_DB``, which wins over the data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    return default_db_path()
