"""``python -m decision_aid``: the same as the ``decision-aid`` command."""

from .command import run

run()
