"""The words of Help: the program's name, the About box and the user guide (Qt-free).

The About box is plain text; the user guide is HTML built here from escaped text (nothing from a
file or a field is put in it unescaped), shown in a browser with links turned off. The list of
keyboard shortcuts is given by the window from its real actions, so it cannot drift.
"""

from __future__ import annotations

from .i18n import N_

PROGRAM_NAME = N_("AHSCT decision aid")
