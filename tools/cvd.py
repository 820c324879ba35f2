"""Colour-vision-deficiency and grey-scale versions of a PNG, side by side, for looking at.

``python tools/cvd.py in.png out.png`` writes one image: the original, then protanopia,
deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, severity 1.0, applied in linear
RGB) and grey scale (WCAG relative luminance). Reads and writes PNG with Qt; the maths is NumPy.
"""

from __future__ import annotations

import os
import sys

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def to_linear(srgb: np.ndarray) -> np.ndarray:
    c = srgb / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    c = np.clip(linear, 0.0, 1.0)
    return np.round(255.0 * np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)).astype(np.uint8)


def simulate(rgb: np.ndarray, kind: str) -> np.ndarray:
    """``rgb`` (H x W x 3, uint8) as seen with ``kind`` (a MACHADO key, or "grey")."""
    linear = to_linear(rgb.astype(np.float64))
    if kind == "grey":
        y = linear @ np.array([0.2126, 0.7152, 0.0722])
        return to_srgb(np.repeat(y[..., None], 3, axis=2))
    return to_srgb(linear @ MACHADO[kind].T)


def read_png(path: str) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage(path).convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return data[:, :width * 3].reshape(height, width, 3).copy()


def write_png(rgb: np.ndarray, path: str) -> None:
    from PySide6.QtGui import QImage

    rgb = np.ascontiguousarray(rgb)
    height, width, _ = rgb.shape
    QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy().save(path)


def panel(rgb: np.ndarray, columns: int = 3) -> np.ndarray:
    """The original and the four simulations in a grid (``columns`` wide), white between."""
    views = [rgb] + [simulate(rgb, kind) for kind in (*MACHADO, "grey")]
    height, width, _ = rgb.shape
    rows = -(-len(views) // columns)
    out = np.full((rows * (height + 8), columns * (width + 8), 3), 255, dtype=np.uint8)
    for index, view in enumerate(views):
        r, c = divmod(index, columns)
        out[r * (height + 8):r * (height + 8) + height, c * (width + 8):c * (width + 8) + width] = view
    return out


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    source, target = argv[0], argv[1]
    write_png(panel(read_png(source), columns=int(argv[2]) if len(argv) > 2 else 3), target)
    print(f"{target}: original, {', '.join(MACHADO)}, grey")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
