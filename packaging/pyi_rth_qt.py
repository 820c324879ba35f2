"""PyInstaller run-time hook, in place of PyInstaller's own ``pyi_rth_pyside6`` (see the spec).

PyInstaller's hook imports PySide6.QtCore when the program starts, only to check that Qt finds its
own files (an embedded qt.conf). That costs about 150 ms on every start, also for ``estimate`` and
``--version``, which use no Qt at all (the package imports Qt only where it draws). The PySide6
wheels embed that qt.conf themselves, relative to the package, the first time QtCore is imported,
so only the plug-in path is set here, as PyInstaller's hook sets it. The smoke test and the window
under a real X server check that Qt finds its platform, image and print plug-ins.
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS, "PySide6", *(() if sys.platform.startswith("win") else ("Qt",)), "plugins")  # noqa: SLF001
