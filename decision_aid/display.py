"""Drawing without a screen: the sheet and ``--screenshot`` need no display (stdlib only, no Qt).

Qt picks its platform (a display server, or none) once, when the first application object is made.
Made on the platform of a display that cannot be reached (a stale ``DISPLAY`` over ssh, none at
all), Qt aborts with a page of diagnostics; a PDF or a screenshot never needs one.
"""

from __future__ import annotations

import os
import sys

PLATFORM_VARIABLE = "QT_QPA_PLATFORM"


def draw_offscreen() -> None:
    """Choose Qt's offscreen platform for what is drawn from now on, unless an application is
    already running (then its platform stays: the window's own print and PDF). Called before the
    sheet or a screenshot makes its application, whatever display the environment names.

    Qt's own warnings are silenced too (unless ``QT_LOGGING_RULES`` is set): a command that draws
    says what went wrong in its one line ("the window could not be rendered", "no font can draw"),
    and Qt's diagnostics beside it ("QPainter::restore: Unbalanced save/restore" when memory runs
    short, "OpenType support missing" for a script no font has) only made it several."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        return
    os.environ[PLATFORM_VARIABLE] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "*=false")
