"""Shared test set-up: Qt runs offscreen so the suite needs no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from decision_aid.model import default_model  # noqa: E402


@pytest.fixture(scope="session")
def model():
    return default_model()


@pytest.fixture
def profile_fields():
    return {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}
