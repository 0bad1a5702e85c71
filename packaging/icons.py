"""The program's icon at every size a desktop asks for, drawn from resources/icons/integrationsplan.svg with Qt:
PNGs for the freedesktop icon theme (hicolor) and a Windows .ico holding several sizes (PNG-compressed entries,
which Windows reads since Vista), so that the one SVG stays the only source."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "integrationsplan.svg"
THEME_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG data of the icon at each size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is no SVG Qt can draw")
    drawn = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        drawn[size] = bytes(data.data())
    return drawn


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico file of the PNG images: a header, one directory entry each (256 is written as 0), the images."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, images = b"", b""
    offset = len(header) + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def write(folder: Path, app_id: str) -> Path:
    """The hicolor theme under `folder` (share/icons/hicolor/…/apps/<app_id>.png and the SVG) and
    `folder`/integrationsplan.ico; returns the .ico."""
    pngs = render(tuple(sorted(set(THEME_SIZES) | set(ICO_SIZES))))
    for size in THEME_SIZES:
        target = folder / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = folder / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    icon = folder / "integrationsplan.ico"
    icon.write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    return icon
