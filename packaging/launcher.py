"""Entry point of the frozen program: the same as the ``decision-aid`` command."""

from decision_aid.command import run

if __name__ == "__main__":
    run()
