"""Entry point of the frozen program: the same as the ``decision-aid`` command."""

import sys

from decision_aid.cli import main

if __name__ == "__main__":
    sys.exit(main())
