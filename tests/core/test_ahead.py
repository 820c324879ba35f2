"""The window's first estimates computed ahead by a helper process (decision_aid/model/ahead.py):
the window gets exactly the numbers it would have computed itself, the helper never outlives the
window, and anything unusual (a refused profile, a failed, silent or slow helper, an answer that
is not an estimate) leaves the model to compute as before."""

import dataclasses
import io
import os
import pickle
import time
from collections.abc import Mapping

import numpy as np
import pytest

from decision_aid.evidence import load_evidence
from decision_aid.model import Estimate, Model
from decision_aid.model import ahead
from decision_aid.model.ahead import estimates_ahead

pytestmark = pytest.mark.skipif(not ahead._worth_forking(), reason="the helper is only used on Linux with two cores")

PROFILES = [
    {"age": "38", "course": "rrms", "edss": 4.0, "prior_dmts": "3"},
    {"age": 52, "course": "spms", "edss": 6.5, "prior_dmts": 2, "mri_activity_past_year": "yes"},
    {"age": 60, "course": "ppms", "edss": 6.0, "prior_dmts": 1, "mri_activity_past_year": "no"},  # no later-cohort curve
    {"age": 45, "course": "spms", "edss": 9.5, "prior_dmts": 4},  # PFS is survival (A16)
]


def assert_same(a, b, where="estimate"):
    """Equal field by field, arrays bit for bit with the same type and the same read-only flag."""
    assert type(a) is type(b), where
    if dataclasses.is_dataclass(a):
        for field in dataclasses.fields(a):
            assert_same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=True), where
        assert a.flags.writeable == b.flags.writeable, where
    elif isinstance(a, Mapping):
        assert list(a) == list(b), where
        for key in a:
            assert_same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{where}[{index}]")
    else:
        assert a == b, where


@pytest.fixture
def fresh_model():
    """A model of its own: the shared one may hold earlier answers, and the helper's copy must be
    compared with a model that computed everything itself."""
    return Model(load_evidence())


@pytest.fixture
def collected(monkeypatch):
    """What each helper sent back, and its process id, as the model collects them."""
    seen = {"answers": [], "pids": []}
    collect = ahead._Helper.collect

    def recording(helper, patience=None):
        seen["pids"].append(helper.pid)
        answers = collect(helper, patience)
        seen["answers"].extend(answers)
        return answers

    monkeypatch.setattr(ahead._Helper, "collect", recording)
    return seen


def gone(pid: int) -> bool:
    """The process was reaped (it is neither running nor a zombie of this process)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("raw", PROFILES)
def test_the_helpers_answers_are_the_numbers_the_window_would_compute(fresh_model, collected, raw):
    reference = Model(load_evidence())
    with estimates_ahead(fresh_model, raw) as started:
        assert started
        profile = fresh_model.validate(raw)
        for horizon in fresh_model.horizons:
            answer = fresh_model.estimate(profile, horizon=horizon)
            assert any(answer is sent for sent in collected["answers"])  # the helper's, not computed here
            assert_same(answer, reference.estimate(reference.validate(raw), horizon=horizon))
    assert len(collected["answers"]) == len(fresh_model.horizons)
    assert gone(collected["pids"][0])


def test_another_request_is_computed_here(fresh_model, collected):
    raw = PROFILES[0]
    with estimates_ahead(fresh_model, raw):
        profile = fresh_model.validate(raw)
        fewer = fresh_model.estimate(profile, horizon=10, draws=1000)
        other = fresh_model.estimate(fresh_model.validate({**raw, "age": "39"}), horizon=10)
    assert fewer.draws == 1000 and other.profile.age == 39
    assert not any(result is sent for result in (fewer, other) for sent in collected["answers"])


def test_a_refused_or_empty_profile_starts_no_helper(fresh_model, monkeypatch):
    def no_fork():
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    with estimates_ahead(fresh_model, {"age": "12", "course": "rrms", "edss": 4.0, "prior_dmts": 3}) as started:
        assert not started
    with estimates_ahead(fresh_model, {}) as started:
        assert not started
    with estimates_ahead(None, PROFILES[0]) as started:  # no model: the evidence failed its checks
        assert not started


def test_a_helper_not_collected_is_stopped_with_the_window(fresh_model, monkeypatch):
    started = []
    start = ahead._start
    monkeypatch.setattr(ahead, "_start", lambda model, raw: started.append(start(model, raw)) or started[-1])
    with estimates_ahead(fresh_model, PROFILES[0]):
        pid = started[0].pid
    assert gone(pid)
    t = time.monotonic()
    result = fresh_model.estimate(fresh_model.validate(PROFILES[0]), horizon=10)  # computed here, no waiting
    assert isinstance(result, Estimate) and time.monotonic() - t < ahead.PATIENCE_SECONDS


def helper_that(behaviour) -> ahead._Helper:
    """A helper process that does ``behaviour(writing_fd)`` instead of computing."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reading)
            behaviour(writing)
        finally:
            os._exit(0)
    os.close(writing)
    return ahead._Helper(pid, reading)


def test_a_silent_helper_is_stopped_after_the_wait_and_nothing_is_taken():
    helper = helper_that(lambda fd: time.sleep(30))
    pid = helper.pid
    t = time.monotonic()
    assert helper.collect(patience=0.3) == ()
    assert time.monotonic() - t < 5 and gone(pid)


def test_an_answer_that_is_not_an_estimate_is_not_taken():
    class Sneaky:
        def __reduce__(self):
            return (os.system, ("true",))

    for payload in (pickle.dumps(Sneaky()), b"not a pickle", pickle.dumps({"estimate": 1}), b""):
        helper = helper_that(lambda fd, payload=payload: os.write(fd, payload))
        assert helper.collect(patience=5) == ()
    with pytest.raises(pickle.UnpicklingError, match="os|posix"):
        ahead._ResultsOnly(io.BytesIO(pickle.dumps(Sneaky()))).load()


def test_a_helper_that_failed_sends_nothing_and_the_model_computes(fresh_model, monkeypatch):
    def failing(*args, **kwargs):
        raise MemoryError("the helper ran out of memory")

    with monkeypatch.context() as patched:
        patched.setattr(Model, "estimate", failing)  # in the helper only: it is forked inside the block
        helper = ahead._start(fresh_model, PROFILES[0])
    assert helper.collect(patience=5) == ()
    fresh_model.expect_answers(lambda: ())
    assert fresh_model.estimate(fresh_model.validate(PROFILES[0]), horizon=10).horizon_years == 10


def test_answers_from_other_evidence_are_not_taken(fresh_model):
    reference = Model(load_evidence())
    profile = reference.validate(PROFILES[0])
    answer = reference.estimate(profile, horizon=10)
    stale = dataclasses.replace(answer, evidence_checksum="0" * 64)
    fresh_model.expect_answers(lambda: (stale,))
    result = fresh_model.estimate(fresh_model.validate(PROFILES[0]), horizon=10)
    assert result is not stale
    assert_same(result, answer)


def cache_sizes(model):
    return len(model._draw_cache), len(model._matrix_cache)


def test_prepare_makes_what_the_next_estimates_share_and_changes_no_number(fresh_model):
    """The window prepares the model after its first paint (its first estimate may have come from
    the helper): the next estimate of a profile of the same group and EDSS level, and with
    ``prepare()`` of any profile, then makes nothing new, and the numbers are those of a model that
    was never prepared."""
    reference = Model(load_evidence())
    fresh_model.prepare(fresh_model.validate(PROFILES[0]))
    prepared = cache_sizes(fresh_model)
    assert prepared[0] == 1 and prepared[1] >= 3
    older = {**PROFILES[0], "age": "49", "prior_dmts": "1"}
    result = fresh_model.estimate(fresh_model.validate(older), horizon=10)
    assert cache_sizes(fresh_model) == prepared
    assert_same(result, reference.estimate(reference.validate(older), horizon=10))

    everything = Model(load_evidence())
    everything.prepare()
    prepared = cache_sizes(everything)
    for raw in PROFILES:  # both groups, both EDSS levels
        for horizon in everything.horizons:
            assert_same(everything.estimate(everything.validate(raw), horizon=horizon),
                        reference.estimate(reference.validate(raw), horizon=horizon))
    assert cache_sizes(everything) == prepared
