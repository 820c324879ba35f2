"""The terminal the command line writes to: one line per problem on stderr, whatever happens to
the streams (stdlib only, no Qt).

A script may close stdout or stderr, point them at a full disk or a terminal whose encoding cannot
show a curly quote, or stop reading early; the address space may be limited (``ulimit -v``). None of
these is a traceback: a line on stderr when one can be written, and the exit status the README
documents ("Exit statuses") either way.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
from typing import Callable, Iterator

from .present.i18n import _
from .printable import one_line, register_transliteration


def say(message: object) -> None:
    """One line on stderr, whatever the message holds (file names and values are escaped). Never
    on stdout: with stderr closed nothing is written (a ``--json`` reader gets only JSON) and with
    stderr full the line is lost; the exit status says what happened either way."""
    write_stderr(f"decision-aid: {one_line(message)}")


def write_stderr(line: str) -> None:
    """``line`` on stderr if it can be written (see :func:`say`)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, ValueError):
        silence(stream)


def silence(stream) -> None:
    """Send what is left of a stream that cannot be written (full, closed, a reader gone) to the
    null device, so that Python's own flush at exit adds no second error (and no status 120)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def prepare_streams() -> None:
    """What the terminal's encoding cannot show (a curly quote in ISO-8859-1) is written in ASCII,
    never a UnicodeEncodeError half-way through the table."""
    errors = register_transliteration()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors=errors)  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            pass  # closed (None), or not a text stream of the terminal (a test's StringIO)


def short_of_memory(error: BaseException) -> bool:
    """An import that failed because its library could not be mapped into memory (``ulimit -v``),
    not because it is missing."""
    text = str(error)
    return "failed to map segment" in text or "Cannot allocate memory" in text or isinstance(
        error.__cause__ or error.__context__, MemoryError)


#: The least address space (MiB) each command was measured to start and finish with (``ulimit -v``);
#: below it a library fails in its own words, aborts or hangs, so the program says it first.
MIN_ADDRESS_SPACE_MB = {"estimate": 224, "sheet": 384, "window": 448}


def address_space_problem(command: str) -> str | None:
    """One sentence when the address-space limit is below what ``command`` needs, else None."""
    try:
        import resource
    except ImportError:  # Windows: no such limit
        return None
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    need = MIN_ADDRESS_SPACE_MB[command]
    if limit == resource.RLIM_INFINITY or limit >= need * 2 ** 20:
        return None
    return _("not enough memory: this command needs about {need} MB of address space and the limit (ulimit -v) "
             "is {limit} MB", need=need, limit=limit // 2 ** 20)


def flush_stdout() -> bool:
    """Flush the standard output; False (and one line on stderr) if it cannot be written."""
    stream = sys.stdout
    if stream is None:
        return True
    try:
        stream.flush()
    except BrokenPipeError:  # `decision-aid estimate ... | head -1`: the reader had enough
        silence(stream)
    except (OSError, ValueError) as exc:
        say(_("the output could not be written: {reason}", reason=output_failure(exc)))
        silence(stream)
        return False
    return True


def output_failure(exc: BaseException) -> str:
    from .safe_io import os_error_reason

    return os_error_reason(exc) if isinstance(exc, OSError) else _("the output is closed")


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C during the block takes effect when it ends. PySide6 aborts the whole process ("Fatal
    Python error: libshiboken/signature") when its import is interrupted; deferred, Ctrl-C is the
    usual one line and exit status 130 instead."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):  # ignored (nohup), or handled
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


@contextlib.contextmanager
def interrupt_ends_the_command(line: Callable[[], str], status: int) -> Iterator[None]:
    """A Ctrl-C that Python can only report as "Exception ignored in ..." (it came while a callback
    of the import system or a finaliser ran, and the command would go on as if nothing happened)
    ends the command as every other Ctrl-C does: ``line()`` on stderr and ``status``."""
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            say(line())
            os._exit(status)
        previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous
