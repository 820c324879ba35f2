"""The window's first estimates, computed ahead by a helper process while the window loads.

Why: started with a profile, the window's first estimate costs 60 to 90 ms in a fresh process
(mostly the draws that MODEL.md's intervals need once per process), and loading Qt and pyqtgraph
keeps one core busy for about 600 ms before the window asks for it. A helper forked just before
Qt is loaded computes that estimate at every horizon the window may show on another core
meanwhile, and sends the answers back through a pipe; the model answers the window's first
identical request with them (:meth:`Model.expect_answers`). They are the model's own numbers,
computed by the same code on a copy of the same process: identical to what the window would
compute (tests/core/test_ahead.py). Nothing about them is written anywhere.

The helper is forked before Qt is loaded, when no thread of Qt's can hold a lock the helper
would then find locked for ever (OpenBLAS's own fork handler stops NumPy's BLAS threads before
the fork; they start again when next needed). Only Linux forks: Windows has no ``fork``, and on macOS the system's libraries are
not safe to use in a forked child. Whenever this cannot help or goes wrong, the window computes
as before: a refused profile, another system, a single core, a helper that fails, is killed or
takes longer than :data:`PATIENCE_SECONDS`, or an answer that is not made only of the model's
result types, NumPy arrays and read-only mappings (:class:`_ResultsOnly`).
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import select
import signal
import sys
import time
import types
from typing import Any, Iterator, Mapping

from .engine import Model
from .profile import ProfileError
from .result import Estimate

__all__ = ["PATIENCE_SECONDS", "estimates_ahead"]

#: How long the window waits at its first estimate for a helper that has not finished (it needs
#: about 0.1 s of one core; a helper that takes longer is stopped and the window computes).
PATIENCE_SECONDS = 3.0


@contextlib.contextmanager
def estimates_ahead(model: Model | None, raw: Mapping[str, Any]) -> Iterator[bool]:
    """While the ``with`` block runs (the window), ``model`` answers its first requests for ``raw``'s
    profile from a helper started here; yields whether one was started. On leaving, a helper not yet
    collected is stopped and the expectation withdrawn, so nothing outlives the window."""
    helper = _start(model, raw) if model is not None and raw else None
    if helper is not None:
        model.expect_answers(helper.collect)
    try:
        yield helper is not None
    finally:
        if helper is not None:
            model.expect_answers(None)
            helper.stop()


def _start(model: Model, raw: Mapping[str, Any]) -> _Helper | None:
    if not _worth_forking():
        return None
    try:
        profile = model.validate(raw)
    except ProfileError:
        return None  # the window shows the refusal; there is nothing to compute
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:
        _be_the_helper(model, profile, reading, writing)
    os.close(writing)
    return _Helper(pid, reading)


def _worth_forking() -> bool:
    """Linux, and a second core to compute on."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and len(os.sched_getaffinity(0)) >= 2


def _be_the_helper(model: Model, profile, reading: int, writing: int) -> None:
    """The helper's whole life: compute, send, and leave at once, without the parent's clean-up
    (``os._exit``: no exit handlers, no flushing of the parent's buffered output)."""
    status = 1
    try:
        os.close(reading)
        _silence_output()
        answers = tuple(model.estimate(profile, horizon=horizon) for horizon in model.horizons)
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(_dumps(answers))
        status = 0
    finally:
        os._exit(status)  # also after an exception or an interrupt: never back into the caller


def _silence_output() -> None:
    """The helper says nothing: the window's process speaks for both."""
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.close(quiet)


class _Helper:
    """The parent's end: the helper's process and the pipe its answers come through."""

    def __init__(self, pid: int, reading: int) -> None:
        self.pid = pid
        self.reading: int | None = reading

    def collect(self, patience: float | None = None) -> tuple[Estimate, ...]:
        """The helper's answers, or ``()`` when they did not come whole within ``patience`` seconds."""
        deadline = time.monotonic() + (PATIENCE_SECONDS if patience is None else patience)
        try:
            data = self._read_until_closed(deadline)
        except (OSError, ValueError):  # e.g. a descriptor select() cannot watch: the window computes
            data = None
        finished = self.stop(deadline)
        if data is None or not finished:
            return ()
        try:
            answers = _ResultsOnly(io.BytesIO(data)).load()
        except Exception:  # noqa: BLE001 (any unreadable answer: the window computes instead)
            return ()
        if not isinstance(answers, tuple) or not all(isinstance(answer, Estimate) for answer in answers):
            return ()
        return answers

    def _read_until_closed(self, deadline: float) -> bytes | None:
        if self.reading is None:
            return None
        chunks = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.reading], [], [], remaining)[0]:
                return None
            chunk = os.read(self.reading, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def stop(self, deadline: float | None = None) -> bool:
        """Close the pipe and reap the helper, waiting for it until ``deadline`` (by default not
        at all) and then stopping it; True when it ended by itself and reported success."""
        if self.reading is not None:
            os.close(self.reading)
            self.reading = None
        if self.pid is None:
            return False
        pid, self.pid = self.pid, None
        with contextlib.suppress(ChildProcessError, ProcessLookupError):
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    return os.waitstatus_to_exitcode(status) == 0
                if deadline is None or time.monotonic() >= deadline:
                    break
                time.sleep(0.001)  # it has closed the pipe: its exit is a moment away
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        return False


# -- the answers through the pipe ------------------------------------------------------------------


def _read_only_mapping(items: dict) -> types.MappingProxyType:
    """The results' read-only mappings, rebuilt as such (``pickle`` has no form for them)."""
    return types.MappingProxyType(items)


def _dumps(answers: tuple[Estimate, ...]) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)  # 5: arrays come back read-only, as they were made
    pickler.dispatch_table = {types.MappingProxyType: lambda mapping: (_read_only_mapping, (dict(mapping),))}
    pickler.dump(answers)
    return buffer.getvalue()


class _ResultsOnly(pickle.Unpickler):
    """Only the model's result types, NumPy arrays and the read-only mappings may be built: the
    answers come from this program's own helper, and nothing else is accepted even so."""

    ALLOWED = {
        "decision_aid.model.result": {"Assumption", "Curve", "Era", "Estimate", "EvidenceRef", "Interval", "Note",
                                      "RecentReferenceCurves", "ReferenceCurves", "SourceLabel"},
        "decision_aid.model.profile": {"Profile"},
        __name__: {"_read_only_mapping"},
        "numpy": {"dtype"},
        "numpy._core.numeric": {"_frombuffer"},
        "numpy.core.numeric": {"_frombuffer"},
        "numpy._core.multiarray": {"scalar"},
        "numpy.core.multiarray": {"scalar"},
    }

    def find_class(self, module: str, name: str) -> Any:
        if name not in self.ALLOWED.get(module, ()):
            raise pickle.UnpicklingError(f"not an estimate's part: {module}.{name}")
        return super().find_class(module, name)
