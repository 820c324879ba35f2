"""PyInstaller run-time hook (Linux bundle): use the bundle's font configuration.

Runs before the program. fontconfig and FreeType are not bundled (the system's own must read the
system's own configuration); this only points them at ``fontconfig/fonts.conf`` inside the bundle,
which includes the system configuration and adds the bundled DejaVu Sans. A FONTCONFIG_FILE set
by the user wins.
"""

import os
import sys

if sys.platform.startswith("linux") and not os.environ.get("FONTCONFIG_FILE"):
    _conf = os.path.join(sys._MEIPASS, "fontconfig", "fonts.conf")  # noqa: SLF001 (PyInstaller's folder)
    if os.path.isfile(_conf):
        os.environ["FONTCONFIG_FILE"] = _conf
