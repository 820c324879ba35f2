"""The ``decision-aid`` command's entry point (and ``python -m decision_aid``'s).

Ctrl-C while the program is still being loaded is one line and exit status 130 too, as it is once
:func:`decision_aid.cli.main` runs (which says it in the person's language); here, before anything
is loaded, the line is English.
"""

from __future__ import annotations

import os
import signal
import sys

EXIT_INTERRUPTED = 130


def run() -> None:
    try:
        from .cli import main
    except KeyboardInterrupt:
        if sys.stderr is not None:
            sys.stderr.write("decision-aid: interrupted; no file was written or replaced\n")
        interrupted()
    status = main()
    if status == EXIT_INTERRUPTED:
        interrupted()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # done: a Ctrl-C now would only break Python's shutdown
    sys.exit(status)


def interrupted() -> None:
    """End with status 130 after a Ctrl-C that was said and cleaned up. Python itself would end the
    process by the signal instead of this status when the Ctrl-C came while a library ran Python
    code of its own (PySide6's set-up, the import system)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(EXIT_INTERRUPTED)
