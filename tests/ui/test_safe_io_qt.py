"""Safe writing and reading where the sheet or the window is involved (Qt): a full disk, a read-only
target, a killed write, a FIFO opened from the window. The Qt-free checks are in tests/core/test_safe_io.py."""

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decision_aid.safe_io import (
    TEMP_PREFIX, TEMP_SUFFIX, verify_pdf,
)

from shared import cli, one_line, temporaries, run_with_timeout

FLAGS = ["--age", "38", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3"]


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str):
    """A tmpfs of ``size`` mounted at ``where`` (root only); skips when mounting is not permitted."""
    where.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command: a real full disk cannot be made here")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not permitted here ({done.stderr.strip()}): the full disk is "
                    "tested only through the simulated failures")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path) -> None:
    """Fill the file system holding ``folder`` to the last byte."""
    for name, block in (("filler", 4096), ("filler-tail", 1)):  # big blocks, then the last bytes
        with open(folder / name, "wb", buffering=0) as stream:
            try:
                while stream.write(b"\0" * block):
                    pass
            except OSError as exc:
                assert exc.errno == errno.ENOSPC


# --- writing ------------------------------------------------------------------------------------


def test_sheet_on_a_full_disk_keeps_the_previous_pdf(tmp_path):
    with small_tmpfs(tmp_path / "disk", "400k") as disk:  # a sheet is about 220 kB
        target = disk / "summary.pdf"
        first = cli("sheet", "-o", str(target), *FLAGS)
        assert first.returncode == 0, first.stderr
        previous = target.read_bytes()
        verify_pdf(target)
        fill(disk)
        filler = disk / "filler"
        for free in (0, 40_000):  # no byte free, then room for part of a sheet
            os.truncate(filler, max(0, filler.stat().st_size - free))
            done = cli("sheet", "-o", str(target), *FLAGS, "--audience", "clinician", "--notes", "Discuss in May")
            if done.returncode == 0:  # it fitted after all: then it must be a complete PDF
                verify_pdf(target)
                previous = target.read_bytes()
            else:
                assert done.returncode == 1
                line = one_line(done)
                assert "summary.pdf" in line and "disk is full" in line and "nothing was replaced" in line
                assert target.read_bytes() == previous
            assert temporaries(disk) == []


def test_window_save_as_pdf_on_a_full_disk_says_so_and_keeps_the_old_file(tmp_path, qtbot, model, monkeypatch):
    from decision_aid.report.options import SheetOptions
    from decision_aid.ui.sheet_actions import SheetActions
    from PySide6.QtWidgets import QWidget

    with small_tmpfs(tmp_path / "disk", "400k") as disk:  # a sheet is about 220 kB
        target = disk / "summary.pdf"
        target.write_bytes(b"previous sheet")
        fill(disk)
        parent = QWidget()
        qtbot.addWidget(parent)
        result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}))
        actions = SheetActions(parent, lambda: result, lambda: SheetOptions(audience="patient", notes="n" * 500))
        warnings = []
        monkeypatch.setattr(actions, "_ask_path", lambda suggested: str(target))
        monkeypatch.setattr(actions, "_confirm_overwrite", lambda path: True)
        monkeypatch.setattr(actions, "_warn", lambda title, text: warnings.append((title, text)))
        assert actions.save_pdf() is None
        assert target.read_bytes() == b"previous sheet" and temporaries(disk) == []
        assert warnings and "disk is full" in warnings[0][1]


def test_sheet_refuses_a_read_only_file_and_folder(tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"previous sheet")
    target.chmod(0o444)
    done = cli("sheet", "-o", str(target), *FLAGS)
    assert done.returncode == 2 and "read-only" in one_line(done)
    assert target.read_bytes() == b"previous sheet"
    # A read-only folder: a read-only mount where root ignores permission bits, else chmod.
    if os.geteuid() == 0:
        with small_tmpfs(tmp_path / "ro", "1m") as folder:
            (folder / "old.pdf").write_bytes(b"previous sheet")
            remount = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
            if remount.returncode != 0:
                pytest.skip(f"cannot remount read-only: {remount.stderr.strip()}")
            done = cli("sheet", "-o", str(folder / "old.pdf"), *FLAGS)
            assert done.returncode == 2 and "read-only" in one_line(done)
            assert (folder / "old.pdf").read_bytes() == b"previous sheet"
            done = cli("sheet", "-o", str(folder / "new.pdf"), *FLAGS)
            assert done.returncode == 1 and "read-only" in one_line(done)
            assert sorted(p.name for p in folder.iterdir()) == ["old.pdf"]
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        (folder / "old.pdf").write_bytes(b"previous sheet")
        folder.chmod(0o555)
        try:
            done = cli("sheet", "-o", str(folder / "old.pdf"), *FLAGS)
        finally:
            folder.chmod(0o755)
        assert done.returncode == 1 and "permission denied" in one_line(done)


def test_cli_and_window_open_refuse_a_fifo_without_hanging(tmp_path, qtbot, model, monkeypatch):
    fifo = tmp_path / "visit.aidconsult.json"
    os.mkfifo(fifo)
    for command in (["estimate", "--profile", str(fifo)], ["sheet", "-o", str(tmp_path / "s.pdf"), "--profile", str(fifo)]):
        done = cli(*command, timeout=30)
        assert done.returncode == 2 and "pipe" in one_line(done)
    from decision_aid.ui import consultation_dialogs

    shown = []
    monkeypatch.setattr(consultation_dialogs, "show_file_error", lambda *args, **kwargs: shown.append(args))
    outcome = run_with_timeout(lambda: consultation_dialogs.open_consultation(None, fifo, model))
    assert outcome.get("value") is None and shown and "pipe" in shown[0][2]


# --- a killed save ------------------------------------------------------------------------------

def test_a_killed_sheet_write_leaves_the_old_pdf_and_the_next_write_removes_a_leftover(tmp_path):
    """kill -9 while the PDF is being drawn (in memory): the old PDF stays and nothing is left in
    the folder; a temporary left by a kill while it was being written is removed by the next sheet."""
    target = tmp_path / "s.pdf"
    target.write_bytes(b"previous sheet")
    script = (
        "import sys, time, os\n"
        "from decision_aid.report import sheet\n"
        "real = sheet.render_sheet\n"
        "def slow(*a, **k):\n"
        "    real(*a, **k); print('drawn', flush=True); time.sleep(60)\n"
        "sheet.render_sheet = slow\n"
        "from decision_aid.cli import main\n"
        f"main(['sheet', '-o', {str(target)!r}, *{FLAGS!r}])\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "drawn"
    finally:
        process.kill()
        process.wait(timeout=30)
    assert target.read_bytes() == b"previous sheet"
    assert temporaries(tmp_path) == []
    left = tmp_path / f"{TEMP_PREFIX}{'0' * 16}{TEMP_SUFFIX}"  # as a kill during the write would leave it
    left.write_bytes(b"%PDF-1.4 half")
    old = time.time() - 3600
    os.utime(left, (old, old))
    done = cli("sheet", "-o", str(target), *FLAGS)
    assert done.returncode == 0, done.stderr
    verify_pdf(target)
    assert temporaries(tmp_path) == []
