"""Shared test set-up for tests/core and tests/ui. Imports no Qt (nor anything that imports it):
tests/core runs where PySide6 is not installed. The Qt fixtures are in tests/ui/conftest.py."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real user's data folder (autosave, crash log) from a test.
os.environ["DECISION_AID_DATA_DIR"] = tempfile.mkdtemp(prefix="decision-aid-test-data-")
# Nor the real home and configuration folders: Qt's settings (ours and QtProject.conf, which a file
# dialog writes), caches and recent-file lists go to a scratch home for the whole session. Set
# before Qt is imported: Qt reads these folders once.
TEST_HOME = tempfile.mkdtemp(prefix="decision-aid-test-home-")
os.environ["HOME"] = TEST_HOME
for variable, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                         ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
    os.environ[variable] = os.path.join(TEST_HOME, folder)

import pytest  # noqa: E402

from decision_aid.model import default_model  # noqa: E402


@pytest.fixture(autouse=True)
def _language_restored():
    """Every test starts in the language the session started in and leaves it so: a test that
    changes the process's language (a command run in process, View > Language) cannot change the
    words a later test reads, whatever the order (pytest-randomly shuffles it)."""
    from decision_aid.present import i18n

    before = list(i18n._active)
    yield
    i18n._active[:] = before


@pytest.fixture
def evidence_copy(tmp_path):
    """A copy of the shipped evidence folder, to change (``shared.rewrite``) and load."""
    import shutil

    from decision_aid.evidence import default_directory

    target = tmp_path / "evidence"
    shutil.copytree(default_directory(), target)
    return target


@pytest.fixture(scope="session")
def model():
    return default_model()


@pytest.fixture
def profile_fields():
    return {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}
