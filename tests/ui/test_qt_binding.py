"""Guard against a Qt binding that corrupts Python's reference count of None.

PySide6 6.12.0 releases a reference to None on every call of a C++ method that returns
nothing; on Python 3.11 the program then aborts ("deallocating None") after a few thousand
painter calls or at exit. pyproject.toml excludes that release; this test catches a binding
with the same defect however it was installed.
"""

import gc
import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_qt_calls_keep_the_reference_count_of_none(qapp):
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    gc.collect()
    gc.disable()  # a collection during the loop frees objects holding None and skews the count
    try:
        before = sys.getrefcount(None)
        for _ in range(200):
            painter.setPen(QColor("black"))
            painter.drawLine(QPointF(0, 0), QPointF(4, 4))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    painter.end()
    assert before - after < 50, f"None lost {before - after} references in 400 calls"
