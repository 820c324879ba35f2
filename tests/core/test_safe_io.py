"""Files are written whole or not at all, only to regular files, and only regular files are read:
the attacks of issue #12 (full disk, read-only file and folder, symlinks, FIFOs, devices, a
killed save) as tests. Those that draw a sheet or open the window (Qt) are in
tests/ui/test_safe_io_qt.py."""

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from decision_aid.safe_io import (
    TEMP_PREFIX, TEMP_SUFFIX, ReadError, WriteError, check_output_target, read_regular_file, remove_stale_temporaries,
    verify_pdf, write_atomically,
)

from shared import cli, one_line, temporaries, run_with_timeout


# --- writing ------------------------------------------------------------------------------------

def test_write_is_whole_owner_only_and_leaves_no_temporary(tmp_path):
    old_umask = os.umask(0)
    try:
        path = write_atomically(tmp_path / "a.json", b"new")
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert temporaries(tmp_path) == []


def test_a_failure_before_the_rename_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    with pytest.raises(WriteError, match="the disk is full; nothing was replaced"):
        write_atomically(path, b"new")
    assert path.read_bytes() == b"old" and temporaries(tmp_path) == []


def test_a_pdf_that_is_not_complete_is_not_put_in_place(tmp_path):
    path = tmp_path / "s.pdf"
    path.write_bytes(b"old")

    def truncated(temporary):
        temporary.write_bytes(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n")  # no xref, no %%EOF: cut short

    with pytest.raises(WriteError, match="incomplete"):
        write_atomically(path, produce=truncated, verify=verify_pdf)
    assert path.read_bytes() == b"old" and temporaries(tmp_path) == []


@pytest.mark.parametrize("kind", ["symlink", "directory", "fifo", "device", "read-only", "input file"])
def test_only_a_regular_writable_file_is_replaced(tmp_path, kind):
    target = tmp_path / "out.pdf"
    real = tmp_path / "real.pdf"
    real.write_bytes(b"precious")
    source = None
    if kind == "symlink":
        target.symlink_to(real)
    elif kind == "directory":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target = Path("/dev/null")
    elif kind == "read-only":
        target = real
        real.chmod(0o444)
    else:
        target = source = real
    with pytest.raises(WriteError) as caught:
        write_atomically(target, b"new", not_same_as=source)
    assert "\n" not in str(caught.value)
    assert real.read_bytes() == b"precious" and temporaries(tmp_path) == []


def test_the_output_folder_must_exist(tmp_path):
    with pytest.raises(WriteError, match="does not exist"):
        check_output_target(tmp_path / "missing" / "x.pdf")


# --- the command line against a real full disk, a read-only file and a read-only folder ---------

@pytest.mark.parametrize("kind", ["symlink", "directory", "fifo", "device", "input"])
def test_sheet_output_must_be_a_regular_file(tmp_path, kind, model):
    from decision_aid.consultation import Consultation, save_consultation

    saved = save_consultation(tmp_path / "visit.aidconsult.json",
                              Consultation.for_model(model, {"age": "38", "course": "rrms", "edss": "4.0",
                                                             "prior_dmts": "3"}))
    before = saved.read_bytes()
    real = tmp_path / "real.pdf"
    real.write_bytes(b"precious")
    target = {"symlink": tmp_path / "link.pdf", "directory": tmp_path / "dir.pdf", "fifo": tmp_path / "fifo.pdf",
              "device": Path("/dev/null"), "input": saved}[kind]
    if kind == "symlink":
        target.symlink_to(real)
    elif kind == "directory":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    done = cli("sheet", "-o", str(target), "--profile", str(saved), timeout=60)
    assert done.returncode == 2 and "-o:" in one_line(done)
    assert real.read_bytes() == b"precious" and saved.read_bytes() == before
    assert temporaries(tmp_path) == []


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "directory", "device", "symlink to /dev/zero", "socket"])
def test_only_regular_files_are_read_and_nothing_hangs(tmp_path, kind):
    path = tmp_path / "visit.aidconsult.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "device":
        path = Path("/dev/zero")
    elif kind == "symlink to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        import socket

        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    outcome = run_with_timeout(lambda: read_regular_file(path, 1000))
    assert isinstance(outcome.get("error"), ReadError), outcome
    assert "not a file" in str(outcome["error"])


def test_the_size_cap_is_checked_before_reading(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 2001)
    with pytest.raises(ReadError, match="2001 bytes"):
        read_regular_file(path, 2000)
    assert read_regular_file(path, 2001) == b"x" * 2001


# --- a killed save ------------------------------------------------------------------------------


def test_temporaries_left_by_a_killed_save_are_removed_and_nothing_else(tmp_path):
    old = time.time() - 3600
    ours = tmp_path / f"{TEMP_PREFIX}{'a' * 16}{TEMP_SUFFIX}"
    young = tmp_path / f"{TEMP_PREFIX}{'b' * 16}{TEMP_SUFFIX}"
    similar = tmp_path / f"{TEMP_PREFIX}notours{TEMP_SUFFIX}"
    link = tmp_path / f"{TEMP_PREFIX}{'c' * 16}{TEMP_SUFFIX}"
    folder = tmp_path / f"{TEMP_PREFIX}{'d' * 16}{TEMP_SUFFIX}"
    keep = tmp_path / "visit.aidconsult.json"
    for path in (ours, young, similar, keep):
        path.write_bytes(b"Jane Roe")
    link.symlink_to(keep)
    folder.mkdir()
    for path in (ours, similar, keep, folder):
        os.utime(path, (old, old))
    os.utime(link, (old, old), follow_symlinks=False)
    assert remove_stale_temporaries(tmp_path) == 1
    assert not ours.exists()
    assert young.exists() and similar.exists() and keep.exists() and link.is_symlink() and folder.is_dir()


def dead_process_id() -> int:
    """The id of a process that has exited (and been reaped), so no process has it for now."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_temporary_is_named_with_its_writers_process_id(tmp_path):
    seen = []
    write_atomically(tmp_path / "a.pdf", produce=lambda temporary: (seen.append(temporary.name),
                                                                     temporary.write_bytes(b"x")))
    (name,) = seen
    assert name.startswith(f"{TEMP_PREFIX}{os.getpid()}-") and name.endswith(TEMP_SUFFIX)
    assert len(name) == len(f"{TEMP_PREFIX}{os.getpid()}-") + 16 + len(TEMP_SUFFIX)


def test_a_fresh_temporary_of_a_process_that_is_gone_is_removed_at_once(tmp_path):
    """A save killed a moment ago (kill -9 during an autosave) leaves no temporary at the next start;
    a fresh one of a live process (this one, or another, such as process 1) is a save in progress."""
    dead = tmp_path / f"{TEMP_PREFIX}{dead_process_id()}-{'a' * 16}{TEMP_SUFFIX}"
    mine = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-{'b' * 16}{TEMP_SUFFIX}"
    alive = tmp_path / f"{TEMP_PREFIX}1-{'c' * 16}{TEMP_SUFFIX}"
    unnamed = tmp_path / f"{TEMP_PREFIX}{'d' * 16}{TEMP_SUFFIX}"  # made before the process id was in the name
    for path in (dead, mine, alive, unnamed):
        path.write_bytes(b"Jane Roe")
    assert remove_stale_temporaries(tmp_path) == 1
    assert not dead.exists() and mine.exists() and alive.exists() and unnamed.exists()
    old = time.time() - 3600
    for path in (mine, alive, unnamed):
        os.utime(path, (old, old))
    assert remove_stale_temporaries(tmp_path) == 3  # a minute old: whoever wrote it, it was left behind
