"""What `pip install .` puts on an officer's laptop: every package and every resource."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = CONFIG["tool"]["setuptools"]


def test_every_package_of_the_source_tree_is_installed():
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "desktop").rglob("__init__.py")
    }
    assert found <= set(SETUPTOOLS["packages"])


def test_every_runtime_resource_is_package_data():
    patterns = SETUPTOOLS["package-data"]["desktop.resources"]
    needed = [
        path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".ts", ".pyc", ".md")
    ]
    assert needed, "resources/ is empty?"
    missing = [name for name in needed if not any(fnmatch(name, p) for p in patterns)]
    assert missing == []


def test_the_entry_point_and_dependencies():
    project = CONFIG["project"]
    assert project["scripts"] == {"outreach-desk": "desktop.cli:main"}
    names = {dep.split(">")[0].split("<")[0].split("=")[0] for dep in project["dependencies"]}
    assert {"PySide6-Essentials", "PySide6-Pdf", "sqlite-utils", "reportlab", "openpyxl"} <= names
    assert "PySide6" not in names  # the meta-package drags in 300 MB we do not use


# Where SQLCipher publishes a wheel (checked with `pip download --platform`): the file is
# encrypted there. LoongArch and 32-bit ARM have none: a password only locks the program.
ENCRYPTING = [
    ("linux", "x86_64"), ("linux", "aarch64"), ("win32", "AMD64"), ("win32", "ARM64"),
    ("darwin", "arm64"), ("darwin", "x86_64"),
]  # fmt: skip
NOT_ENCRYPTING = [("linux", "loongarch64"), ("linux", "armv7l")]


def test_one_sqlcipher_package_on_every_platform_that_has_its_wheel():
    from packaging.requirements import Requirement

    wanted = [Requirement(dep) for dep in CONFIG["project"]["dependencies"]]
    sqlcipher = [req for req in wanted if "sqlcipher" in req.name]
    assert [req.name for req in sqlcipher] == ["sqlcipher3-wheels"]
    (req,) = sqlcipher

    def installs(system: str, machine: str) -> bool:
        return req.marker.evaluate({"sys_platform": system, "platform_machine": machine})

    assert all(installs(*platform) for platform in ENCRYPTING)
    assert not any(installs(*platform) for platform in NOT_ENCRYPTING)
