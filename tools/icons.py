"""Make the Windows icon (resources/icons/outreach-desk.ico) from the program's SVG icon.

    python tools/icons.py

The .ico holds PNG images at the sizes Windows asks for (16 to 256 px), each drawn from the
SVG, so the taskbar and Explorer show a sharp icon at every screen scale. Run it after the
SVG changes and commit the result (tests/test_build.py draws it again and compares).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "outreach-desk.svg"
ICO = SVG.with_suffix(".ico")
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def png_at(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes() -> bytes:
    """An ICO file: a header, one directory entry per size, then the PNG images."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    images = [png_at(size) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in zip(SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    ICO.write_bytes(ico_bytes())
    print(f"wrote {ICO.relative_to(ROOT)} ({ICO.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
