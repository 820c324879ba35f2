"""Render packaging/icons/decision-aid.svg to the PNG copies the bundle and the desktop entry use.

Run after changing the SVG, in the development environment (needs PySide6 only):
    QT_QPA_PLATFORM=offscreen python packaging/render_icon.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 (QPainter needs it)
    renderer = QSvgRenderer(str(ICONS / "decision-aid.svg"))
    if not renderer.isValid():
        raise SystemExit("decision-aid.svg is not a valid SVG")
    for size in (48, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"decision-aid-{size}.png"))
        print(f"decision-aid-{size}.png")


if __name__ == "__main__":
    main()
