"""The Qt-free consultation session: what it holds, what it announces, and when."""

import pytest

from decision_aid.consultation import Consultation
from decision_aid.present.audience import Audience
from decision_aid.session import ConsultationSession

PROFILE = {"age": "38", "course": "rrms", "edss": 4.0, "prior_dmts": "3"}


def recording(session):
    heard = []
    for topic in ("estimate", "audience", "contents", "comparison"):
        session.subscribe(topic, lambda t=topic: heard.append(t))
    return heard


def test_an_edit_withdraws_the_estimate_at_once_and_recompute_brings_the_new_one(model):
    session = ConsultationSession(model, "patient", 5)
    heard = recording(session)
    session.set_profile(PROFILE)
    assert session.result is None and session.stale and heard == ["contents"]
    session.recompute()
    assert heard == ["contents", "estimate"]
    assert session.result.as_dict() == model.estimate(model.validate(PROFILE)).as_dict()
    session.set_profile({**PROFILE, "age": "39"})
    assert session.result is None


def test_a_refused_field_is_named_and_no_estimate_is_kept(model):
    session = ConsultationSession(model)
    session.set_profile({**PROFILE, "age": "200"})
    session.recompute()
    assert session.result is None and [e.field for e in session.refusal] == ["age"]


def test_audience_changes_words_not_numbers(model):
    session = ConsultationSession(model, "clinician")
    session.set_profile(PROFILE)
    session.recompute()
    result = session.result
    heard = recording(session)
    session.set_audience("patient")
    assert session.audience is Audience.PATIENT and session.result is result
    assert heard == ["audience", "contents"]
    session.set_audience(Audience.PATIENT)
    assert heard == ["audience", "contents"]  # no change, no announcement
    with pytest.raises(ValueError):
        session.set_audience("family")


def test_horizon_is_checked_and_needs_a_new_estimate(model):
    session = ConsultationSession(model, horizon=5)
    session.set_profile(PROFILE)
    session.recompute()
    session.set_horizon(10)
    assert session.result is None and session.stale
    session.recompute()
    assert session.result.horizon_years == 10
    with pytest.raises(ValueError):
        session.set_horizon(7)


def test_saving_and_applying_round_trip_everything_entered(model):
    session = ConsultationSession(model)
    session.set_profile({**PROFILE, "relapses_past_year": "2"})
    session.set_audience("patient")
    session.set_horizon(10)
    session.set_values({"fertility": "maybe"})
    session.set_notes("Discuss in May")
    session.set_name("J. D.")
    saved = session.to_consultation()
    assert saved.patient_name == "J. D." and session.to_consultation(with_name=False).patient_name is None
    other = ConsultationSession(model)
    heard = recording(other)
    other.apply(saved)
    assert (other.raw, other.audience, other.horizon, other.values, other.notes, other.name) == (
        dict(saved.profile), Audience.PATIENT, 10, {"fertility": "maybe"}, "Discuss in May", "J. D.")
    assert other.result is not None and "estimate" in heard


def test_unknown_values_answers_are_refused(model):
    from decision_aid.context.values import ValuesError

    with pytest.raises(ValuesError):
        ConsultationSession(model).set_values({"fertility": "perhaps"})


def test_without_checked_evidence_there_is_never_an_estimate():
    session = ConsultationSession(None, problem="Evidence file x.json: checksum mismatch")
    session.set_profile(PROFILE)
    session.recompute()
    assert session.result is None and session.problem.startswith("Evidence")


def test_the_session_module_needs_no_qt():
    import subprocess
    import sys

    code = "import sys, decision_aid.session; assert not any(m.startswith('PySide6') for m in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_applying_a_consultation_with_a_horizon_the_model_lacks_keeps_the_current_one(model):
    session = ConsultationSession(model, horizon=5)
    session.apply(Consultation(profile=PROFILE, horizon=7))
    assert session.horizon == 5


def test_what_if_pins_an_estimate_and_compares_it_with_the_next_profile(model):
    from decision_aid.present.comparison_view import comparison_view

    session = ConsultationSession(model, "patient", 5)
    heard = recording(session)
    assert session.pin() is False  # nothing to pin yet
    session.set_profile(PROFILE)
    session.recompute()
    assert session.pin() is True and heard[-1] == "comparison"
    pinned = session.pinned
    session.set_profile({**PROFILE, "age": "45", "edss": 6.5})
    session.recompute()
    view = comparison_view(session.pinned, session.result, session.audience)
    assert session.pinned is pinned
    assert view.pinned.label == "Age 38; EDSS 4.0" and view.current.label == "Age 45; EDSS 6.5"
    assert "Age 38; EDSS 4.0" in view.title and "Age 45; EDSS 6.5" in view.title
    assert [card.key for card in view.current.early] == ["early_study", "early_recent"]  # both eras, always
    assert [card.key for card in view.current.pfs] == ["pfs_study", "pfs_recent"]  # both eras (relapsing MS)
    assert view.pinned.pfs[0].icons != view.current.pfs[0].icons
    assert [row.key for row in view.rows] == ["early_study", "early_recent", "pfs_study", "pfs_recent",
                                              "survival_study", "survival_recent"]
    session.apply(Consultation(profile=PROFILE))
    assert session.pinned is None  # another consultation drops the pin
