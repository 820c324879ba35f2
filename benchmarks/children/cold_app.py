"""Cold start of the program itself: ``decision-aid [profile flags]`` through ``cli.main``.

The console script imports :mod:`decision_aid.cli` and calls ``main()``, which reads the evidence
(for the profile flags' help) before anything imports Qt; the window command then builds the
model (NumPy) and checks the profile flags, and only then opens the window, which imports Qt.

The first-paint probe needs Qt, so it is installed at the last moment: where the window command
opens the window (``cli._open_window``), after the model and the profile, not when the command
starts. Installed earlier, it would import PySide6 before NumPy and the model, which the program
never does; PySide6 reads the source of every module imported after it (``shibokensupport``'s
feature check, ``inspect.getsource``), so that order alone added about 35 ms of reading NumPy's
and the model's sources to what was measured (BENCHMARKS.md, "What was changed (cold start, this
evening)", the probe's order).

The arguments are the command line's; QSettings go to the temporary HOME the parent gives.
"""

import sys

from decision_aid import cli

open_window = cli._open_window


def with_first_paint_probe(args, raw, consultation):
    """The window's opening, with the probe on the application the window will use."""
    from first_paint import install

    from decision_aid.ui.app import application

    global probe
    probe = install(application())
    return open_window(args, raw, consultation)


cli._open_window = with_first_paint_probe
sys.exit(cli.main(sys.argv[1:]))
