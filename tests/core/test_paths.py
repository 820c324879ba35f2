"""The per-user data folder follows each platform's convention and can be redirected."""

from pathlib import Path

import pytest

from decision_aid import paths


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in ("DECISION_AID_DATA_DIR", "XDG_DATA_HOME", "APPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    return monkeypatch


def test_linux_uses_xdg_data_home_or_local_share(clean_env, tmp_path):
    clean_env.setattr(paths.sys, "platform", "linux")
    assert paths.data_dir() == tmp_path / "home" / ".local" / "share" / "decision-aid"
    clean_env.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "decision-aid"
    clean_env.setenv("XDG_DATA_HOME", "relative/dir")  # invalid per the XDG spec: ignored
    assert paths.data_dir() == tmp_path / "home" / ".local" / "share" / "decision-aid"


def test_windows_and_macos_folders(clean_env, tmp_path):
    clean_env.setattr(paths.sys, "platform", "win32")
    clean_env.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.data_dir() == tmp_path / "Roaming" / "decision-aid"
    clean_env.setattr(paths.sys, "platform", "darwin")
    assert paths.data_dir() == tmp_path / "home" / "Library" / "Application Support" / "decision-aid"


def test_override_and_owner_only_creation(clean_env, tmp_path):
    clean_env.setenv("DECISION_AID_DATA_DIR", str(tmp_path / "mine"))
    folder = paths.ensure_data_dir()
    assert folder == tmp_path / "mine" and (folder.stat().st_mode & 0o077) == 0
    assert paths.new_autosave_path().parent == folder and paths.crash_log_path().parent == folder
    assert paths.new_autosave_path() != paths.new_autosave_path()  # one per window
