"""Every locked dependency of the build has a wheel for each platform we ship to.

    python .ci/wheels.py requirements/build.lock

For each platform, the lock's lines that apply there (their markers evaluated for that
platform, not for this machine: pip itself would evaluate them here) are fetched with
``pip download --only-binary :all: --no-deps`` into a temporary folder, which is removed.
A line without a wheel fails the check: officers' machines cannot compile anything.

pip's ``install --dry-run --report`` would not save the download: with ``--no-deps`` it still
fetches each wheel (pip 26, checked against PyPI), so the plainer command is used.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from packaging.requirements import Requirement

PYTHON = "3.11"
# Platform → (the wheel tags pip may take, the marker values of such a machine).
PLATFORMS = {
    "Windows x86-64": (
        ["win_amd64"],
        {"sys_platform": "win32", "platform_machine": "AMD64", "platform_system": "Windows",
         "os_name": "nt"},
    ),
    # glibc 2.39 is the floor PySide6 6.12's aarch64 wheels set; pip takes only the tags it is
    # given, so every older manylinux one is named too.
    "Linux aarch64 (glibc 2.39)": (
        ["manylinux2014_aarch64"] + [f"manylinux_2_{minor}_aarch64" for minor in range(17, 40)],
        {"sys_platform": "linux", "platform_machine": "aarch64", "platform_system": "Linux",
         "os_name": "posix"},
    ),
}  # fmt: skip


def lines_for(lock: Path, environment: dict[str, str]) -> list[str]:
    """The lock's requirements that apply on a machine with ``environment``, markers gone."""
    found = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(
            {"python_version": PYTHON, "implementation_name": "cpython", **environment}
        ):
            requirement.marker = None
            found.append(str(requirement))
    return found


def main(lock: Path) -> int:
    failed = []
    for name, (tags, environment) in PLATFORMS.items():
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="wheels-") as folder:
            requirements = Path(folder) / "requirements.txt"
            requirements.write_text("\n".join(lines_for(lock, environment)) + "\n")
            platforms = [argument for tag in tags for argument in ("--platform", tag)]
            result = subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                 "--only-binary", ":all:", *platforms, "--python-version", PYTHON,
                 "--implementation", "cp", "-r", str(requirements), "-d", folder],
                capture_output=True, text=True,
            )  # fmt: skip
        seconds = time.monotonic() - started
        if result.returncode:
            failed.append(name)
            errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
            print(f"wheels: {name}: MISSING ({seconds:.1f} s)", *errors, sep="\n  ")
        else:
            print(f"wheels: {name}: every locked dependency has a wheel ({seconds:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
