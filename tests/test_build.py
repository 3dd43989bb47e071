"""The one-folder build (build.spec) that officers unzip and run: it builds here, stays small,
carries every resource and licence, leaves out what the program does not use, and its own
executable passes the self-test."""

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT_BYTES = 160_000_000  # the 160 MB, counted in bytes as a zip tool would
WINDOWS = sys.platform == "win32"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="install the test extra: pip install -e '.[test]'")
    work = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(work / "dist"), "--workpath", str(work / "work"),
         str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "dist" / "outreach-desk"


def _executable(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if WINDOWS else name)


def _files(bundle: Path):
    return [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


pytestmark = pytest.mark.slow


def test_the_folder_stays_under_160_mb(bundle):
    size = sum(path.stat().st_size for path in _files(bundle))
    print(f"bundle: {size / 1e6:.1f} MB in {len(_files(bundle))} files")
    assert size <= LIMIT_BYTES


def test_the_built_program_passes_its_self_test(bundle, tmp_path):
    executable = _executable(bundle, "outreach-desk-cli" if WINDOWS else "outreach-desk")
    env = {**os.environ, "OUTREACH_DESK_DATA": str(tmp_path / "data")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen itself
    result = subprocess.run(
        [str(executable), "--lang", "en", "check", "--self-test"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    marks = [line.split()[0] for line in result.stdout.splitlines() if line[:4].strip()]
    assert marks[:4] == ["OK"] * 4 and marks[4] in ("OK", "SKIP"), result.stdout
    assert str(bundle) in result.stdout  # the resources came from the bundle, not the tree
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


def test_the_built_program_speaks_chinese_and_knows_its_version(bundle, tmp_path):
    from desktop import __version__

    executable = _executable(bundle, "outreach-desk-cli" if WINDOWS else "outreach-desk")
    env = {**os.environ, "OUTREACH_DESK_DATA": str(tmp_path / "data")}
    version = subprocess.run([str(executable), "--version"], capture_output=True, text=True,
                             timeout=60, env=env)  # fmt: skip
    assert version.returncode == 0 and __version__ in version.stdout
    missing = subprocess.run(
        [str(executable), "--lang", "zh_CN", "--db", str(tmp_path / "none.sqlite3"), "check"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert missing.returncode == 1 and "找不到数据库" in missing.stderr, missing.stderr


def test_resources_and_licences_are_inside(bundle):
    names = {path.relative_to(bundle).as_posix() for path in _files(bundle)}
    inside = "_internal/"
    for needed in ("resources/fonts/wqy-microhei.ttc", "resources/fonts/LICENSE-wqy-microhei.txt",
                   "resources/fonts/gbsn00lp.ttf", "resources/fonts/gkai00mp.ttf",
                   "resources/fonts/ARPHICPL.TXT", "resources/fonts/wenkai-supplement.ttf",
                   "resources/fonts/LICENSE-wenkai-supplement.txt",
                   "resources/i18n/outreach_desk_zh_CN.qm", "resources/icons/outreach-desk.svg",
                   "resources/handouts/common.toml", "resources/demo/hechi.json",
                   "resources/licences/LGPL-3.0.txt", "licences/reportlab/LICENSE",
                   "licences/openpyxl/LICENCE.rst", "licences/sqlite-utils/LICENSE",
                   "licences/Python/LICENSE.txt"):  # fmt: skip
        assert inside + needed in names, needed
    assert not [name for name in names if name.endswith((".ts", ".py"))]  # sources stay out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform is Linux's")
def test_the_xcb_libraries_not_every_desktop_has_travel_with_the_program(bundle):
    """Qt 6.5+ will not start on X11 without libxcb-cursor, which some desktops lack."""
    top = {path.name for path in (bundle / "_internal").iterdir()}
    for library in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                    "libxcb-image.so.0", "libxcb-render-util.so.0", "libxkbcommon-x11.so.0"):  # fmt: skip
        assert library in top, f"{library}: install it before building (see .ci/run)"
    assert "libX11.so.6" not in top and "libcups.so.2" not in top  # the desktop's own


def test_unused_qt_parts_are_left_out(bundle):
    names = {path.relative_to(bundle).as_posix() for path in _files(bundle)}
    plugins = sorted(name.split("plugins/", 1)[1] for name in names if "/plugins/" in name)
    kinds = {plugin.split("/", 1)[0] for plugin in plugins}
    assert {"platforms", "imageformats", "iconengines", "printsupport"} <= kinds
    assert not kinds & {
        "tls",
        "networkinformation",
        "platformthemes",
        "qmltooling",
        "designer",
        "sqldrivers",
        "wayland-shell-integration",
        "egldeviceintegrations",
    }
    assert any("qsvg" in plugin for plugin in plugins)  # the icons are SVG
    assert any("qoffscreen" in plugin for plugin in plugins)  # the self-test needs it
    for photo in ("qjpeg", "qgif", "qwebp"):  # talk photos are shown as thumbnails
        assert any(photo in plugin for plugin in plugins), photo
    assert not any("PIL/_webp" in name or "Qt6Quick" in name or "Qt6Qml" in name for name in names)
    translations = [name for name in names if name.endswith(".qm") and "/translations/" in name]
    assert [name.rsplit("/", 1)[1] for name in translations] == ["qtbase_zh_CN.qm"]


def test_the_windows_icon_holds_every_size_drawn_from_the_svg(qapp):
    sys.path.insert(0, str(ROOT / "tools"))
    import icons

    data = (ROOT / "resources" / "icons" / "outreach-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.SIZES))
    for index, size in enumerate(icons.SIZES):
        width, height, _colours, _r, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (width or 256, height or 256, bits) == (size, size, 32)
        png = data[offset : offset + length]
        assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (size, size)
    # Drawn again from the SVG it is the same picture: the committed .ico is the SVG's (after a
    # change to the SVG: run `python tools/icons.py` and commit). Pixels, not bytes: Qt's PNG
    # writer and SVG renderer differ between machines in ways no one can see.
    from PySide6.QtGui import QImage

    for index, size in enumerate(icons.SIZES):
        _w, _h, _c, _r, _p, _b, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        committed = QImage.fromData(data[offset : offset + length], "PNG")
        fresh = QImage.fromData(icons.png_at(size), "PNG")
        assert not committed.isNull() and (committed.width(), committed.height()) == (size, size)
        assert _largest_channel_difference(committed, fresh) <= 24, f"{size} px: run tools/icons.py"


def _largest_channel_difference(a, b) -> int:
    """The largest difference of one colour or alpha channel between two pictures of one size,
    after the 1 % of pixels that differ most (anti-aliased edges) are set aside."""
    from PySide6.QtGui import QImage

    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    assert a.size() == b.size()
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    worst = sorted(max(abs(pa[i + k] - pb[i + k]) for k in range(4)) for i in range(0, len(pa), 4))
    return worst[int(len(worst) * 0.99) - 1] if len(worst) > 100 else worst[-1]


def test_the_windows_version_resource_names_the_program():
    """PyInstaller evaluates the text with its VSVersionInfo classes (importable only on
    Windows); the same names recorded here show the text is well formed and says what
    Explorer should show."""
    sys.path.insert(0, str(ROOT / "tools"))
    import winversion

    from desktop import APP_NAME, APP_NAME_ZH, ORGANISATION, __version__

    text = winversion.version_info_text(
        version=__version__, name=APP_NAME_ZH, exe="outreach-desk", company=ORGANISATION,
        description=f"{APP_NAME_ZH} {APP_NAME}",
    )  # fmt: skip

    def recorder(kind):
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")  # fmt: skip
    info = eval(text, {name: recorder(name) for name in names})  # noqa: S307 - our own text
    table = info["kids"][0]["args"][0][0]
    strings = dict(entry["args"] for entry in table["args"][1])
    assert table["args"][0] == "080404b0"  # Simplified Chinese, Unicode
    assert strings["ProductName"] == "反诈工作台" and strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "outreach-desk.exe"
    assert info["ffi"]["filevers"] == winversion.version_numbers(__version__)
    assert len(info["ffi"]["filevers"]) == 4
