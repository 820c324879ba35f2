"""What Orca says: run the window with the Orca screen reader under Xvfb and read Orca's debug log.

    python tools/orca_check.py [--log orca-debug.log] [--keep DIR]

Starts Xvfb, a D-Bus session bus and the AT-SPI bus (tools/at_session.py), then Orca (with no
speech synthesiser: Orca writes every utterance to its debug log as ``SPEECH OUTPUT: '...'``)
and the window. With the keyboard only (xdotool) it types a profile (age 38 typed key by key,
relapsing-remitting, EDSS 4.0, 3 previous DMTs; each field once Orca has said it), then saves the sheet as a PDF (Ctrl+Shift+E, a
file name, Enter). Every step waits for what Orca says, never for a fixed time. Checked:

- the estimate update is spoken ("Estimates shown. ...") once the typing settles;
- typing "38" never says a refusal of "3" on the way;
- the save confirmation ("Saved the sheet to ...") is spoken;
- Age is read with its value ("Age (years) 38"), not as "3".

Exit 0 when all hold, 1 otherwise (each failed check printed), 2 when a Debian package is missing
(xvfb at-spi2-core dbus-x11 python3-pyatspi xdotool orca). Needs no sound device: there is no
synthesiser, the log is the record. Only one Orca may run per user (Orca refuses a second; this
script never replaces one).

Under heavy load Orca 43 sometimes stops taking events from its queue: they are queued, never
dequeued, and its main loop waits with no work scheduled (seen with gdb; the window goes on, and
Qt logs ``keyEventError NoReply`` for the keys it forwards). When the awaited speech has not come
and Orca's log has been silent for ``QUIET_S`` (40 s), the run is repeated, up to ``--attempts`` times, and each
such attempt is reported (a window that says nothing looks the same: it fails every attempt).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from at_session import SYSTEM_PYTHON, Session, missing_tools, wait_for  # noqa: E402

SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*)'(?: ?\{'established.*)?$", re.MULTILINE)  # the words, not Orca's flags
#: Orca's log silent this long while speech is awaited: Orca has stopped. Longer than D-Bus's
#: default 25 s timeout: after the file dialog closes Orca works through the events of its
#: destroyed widgets (0.8 s each under load), and its log was once silent for more than 20 s
#: there before the save confirmation was reached.
QUIET_S = 40
#: Orca as /usr/bin/orca starts it, its debug log flushed line by line (Orca buffers it, so a
#: waiting script would see what was said only when Orca exits)
ORCA = """
import runpy, sys
sys.modules["speechd"] = None  # no synthesiser to start: Orca says everything to its log alone
from orca import debug
write = debug.println
def println(*args, **kwargs):
    write(*args, **kwargs)
    if debug.debugFile:
        debug.debugFile.flush()
debug.println = println
sys.argv[0] = "/usr/bin/orca"
runpy.run_path("/usr/bin/orca", run_name="__main__")
"""


class OrcaRun:
    """The session, Orca and the window; :meth:`said` is everything Orca has said so far."""

    def __init__(self, log: Path) -> None:
        self.session = Session(1280, 800)
        try:
            self._start(log)
        except BaseException:
            self.session.close()
            raise

    def _start(self, log: Path) -> None:
        self.log = log
        prefs = self.session.dir / "orca"
        prefs.mkdir()
        self.orca = self.session.start([SYSTEM_PYTHON, "-c", ORCA, "--user-prefs", str(prefs), "--debug-file", str(log),
                                        "--disable", "braille", "--disable", "main-window",
                                        "--disable", "splash-window"])
        wait_for(lambda: log.exists() and "ORCA: Starting ATSPI registry" in self.text() or self.orca.poll() is not None,
                 "Orca's start", timeout=60)
        if self.orca.poll() is not None:
            raise RuntimeError("Orca did not start (is another Orca running for this user?)")
        self.program = self.session.start_program()
        window = self.session.xdotool("search", "--sync", "--onlyvisible", "--pid", str(self.program.pid)).split()[-1]
        self.session.xdotool("windowfocus", "--sync", window)
        wait_for(lambda: "Age (years)" in "\n".join(self.said()), "Orca saying the focused Age field", timeout=60)

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def said(self) -> list[str]:
        return SPOKEN.findall(self.text())

    def keys(self, *keys: str) -> None:
        self.session.xdotool("key", "--delay", "60", *keys)

    def type(self, text: str, delay_ms: int = 150) -> None:
        self.session.xdotool("type", "--delay", str(delay_ms), text)

    def wait_said(self, pattern: str, after: int, what: str, timeout: float = 90.0) -> str:
        """The first utterance after the ``after``-th that matches ``pattern``."""
        found: list[str] = []

        def heard() -> bool:
            found[:] = [s for s in self.said()[after:] if re.search(pattern, s)]
            return bool(found)

        size = [self.log.stat().st_size, time.monotonic()]

        def stalled() -> bool:
            """Nothing new in Orca's log for ``QUIET_S`` while waiting for speech (Orca logs every key and
            event it gets: silence means it stopped, or the window said nothing)."""
            now = self.log.stat().st_size
            if now != size[0]:
                size[:] = [now, time.monotonic()]
            return time.monotonic() - size[1] > QUIET_S

        try:
            wait_for(lambda: heard() or stalled(), what, timeout=timeout)
        except RuntimeError:
            pass
        if not found:
            raise Stalled(f"{what}: not said, Orca's log silent for {QUIET_S} s") if stalled() else \
                RuntimeError(f"{what}: not said")
        return found[0]

    def close(self) -> None:
        self.session.close()


class Stalled(RuntimeError):
    """Orca wrote nothing to its log while a check waited for speech."""


def run(log: Path) -> list[str]:
    """The checks that failed (empty: all passed); what Orca said is in ``log``. Raises
    :class:`Stalled` if Orca stopped handling events."""
    problems: list[str] = []
    orca = OrcaRun(log)
    try:
        start = len(orca.said())
        # Each field is typed once Orca has said it, as a person listening does: keys sent faster
        # than a loaded machine's Orca takes them fill its queue past 50 events, and Orca then
        # drops every "showing" event not on the focus, the estimate's notification among them.
        orca.type("38")
        for keys, heard in ((("Tab",), r"MS course"), (("Down",), r"Relapsing-remitting|Attacks \(relapses\)"), (("Tab",), r"EDSS")):
            said = len(orca.said())
            orca.keys(*keys)
            orca.wait_said(heard, said, f"{heard} said")
        orca.type("4.0")
        said = len(orca.said())
        orca.keys("Tab")
        orca.wait_said(r"Previous DMTs", said, "Previous DMTs said")
        orca.type("3")
        shown = orca.wait_said(r"Estimates shown", start, "the estimate update spoken")
        print(f"spoken: {shown}")
        typed = orca.said()[start:]
        early = [s for s in typed if re.search(r"Not allowed: 3\b", s)]
        if early:
            problems.append(f"a refusal of '3' was spoken while typing 38: {early}")
        orca.keys("shift+Tab", "shift+Tab", "shift+Tab")  # back to Age: read with its value
        age = orca.wait_said(r"Age \(years\)", len(typed) + start, "Age read again")
        print(f"spoken: {age}")
        if "38" not in age:
            problems.append(f"Age was read without its value 38: {age!r}")
        before = len(orca.said())
        target = orca.session.dir / "home" / "orca-check.pdf"  # the dialog opens in the home folder
        orca.keys("ctrl+shift+e")
        orca.wait_said(r"Save summary sheet as PDF", before, "the save dialog")
        orca.keys("ctrl+a")
        orca.type(target.name, delay_ms=40)
        orca.keys("Return")
        saved = orca.wait_said(r"Saved the sheet to", before, "the save confirmation spoken", timeout=240)
        print(f"spoken: {saved}")
        wait_for(target.exists, "the PDF written")
    except Stalled:
        raise
    except RuntimeError as problem:
        problems.append(str(problem))
    finally:
        orca.close()
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", default="orca-debug.log", help="where Orca's debug log is written")
    parser.add_argument("--attempts", type=int, default=3, help="runs when Orca stalls (see above)")
    args = parser.parse_args(argv)
    missing = missing_tools() + (["orca"] if shutil.which("orca") is None else [])
    if missing:
        print(f"missing: {', '.join(missing)} (Debian: apt-get install xvfb at-spi2-core dbus-x11 "
              "python3-pyatspi xdotool orca)", file=sys.stderr)
        return 2
    log = Path(args.log).resolve()
    started = time.monotonic()
    for attempt in range(1, args.attempts + 1):
        log.unlink(missing_ok=True)
        try:
            problems = run(log)
            break
        except Stalled as stall:
            print(f"attempt {attempt}: {stall}")
            problems = [str(stall)]
    print(f"{len(SPOKEN.findall(log.read_text(encoding='utf-8', errors='replace')))} utterances in "
          f"{time.monotonic() - started:.0f} s; Orca's log: {log}")
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
