"""Cold start of the program itself: ``decision-aid [profile flags]`` through ``cli.main``.

The console script imports :mod:`decision_aid.cli` and calls ``main()``, which reads the evidence
(for the profile flags' help) before anything imports Qt. The first-paint probe needs Qt, so it is
installed at the last moment before the window command runs, not at the top of this file: that
would import PySide6 first and change the order (and cost) of every later import.

The arguments are the command line's; QSettings go to the temporary HOME the parent gives.
"""

import sys

from decision_aid import cli

window_command = cli.run_window_command


def with_first_paint_probe(args):
    """The window command, with the probe on the application the window will use."""
    from first_paint import install

    from decision_aid.ui.app import application

    global probe
    probe = install(application())
    return window_command(args)


cli.run_window_command = with_first_paint_probe
sys.exit(cli.main(sys.argv[1:]))
