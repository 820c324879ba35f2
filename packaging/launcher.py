"""Entry point of the frozen program: the same as the ``decision-aid`` command.

The start script (packaging/start-decision-aid) checks the system libraries Qt needs before
Python starts. Should one it does not know of still be missing, Qt's import fails here: that is
said in the same plain words (and exit status 1), never as a Python traceback.
"""

import re
import sys

MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def run(main) -> int:
    try:
        return main()  # decision_aid.command.run: ends with sys.exit, whatever the outcome
    except ImportError as error:
        found = MISSING.search(str(error))
        if found is None:
            raise
        sys.stderr.write(
            f"The AHSCT decision aid cannot start: this computer lacks a system library that it needs: "
            f"{found.group(1)}.\n\nAsk whoever looks after this computer to install the package that provides "
            f"it, then start the program again. Nothing was changed on this computer.\n")
        return 1


if __name__ == "__main__":
    from decision_aid.command import run as command

    sys.exit(run(command))
