"""Cold start of the program itself: ``decision-aid [profile flags]`` through ``cli.main``.

The arguments are the command line's; QSettings go to the temporary HOME the parent gives.
"""

import sys

from decision_aid.ui.app import application

from first_paint import install

app = application()
probe = install(app)
from decision_aid import cli  # noqa: E402

sys.exit(cli.main(sys.argv[1:]))
