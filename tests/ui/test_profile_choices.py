"""The profile's yes / no questions in the window: reached by keyboard, saved with the consultation,
put back when it is opened, and shown as they are when a file holds an answer the program refuses."""

from PySide6.QtCore import Qt

from decision_aid.consultation import Consultation
from decision_aid.model.profile import CHOICE_FIELDS

from helpers import accessible_text, type_profile


def test_each_question_answers_yes_no_or_not_known_by_keyboard(qtbot, window):
    type_profile(qtbot, window, course="spms", edss=6.0, dmts="4")
    form = window.profile_form
    for name in CHOICE_FIELDS:
        combo = form.fields[name]
        assert [combo.itemText(i) for i in range(combo.count())] == ["Not known", "Yes", "No"]
        assert accessible_text(combo) and combo.toolTip()
        assert form.raw()[name] is None  # not known until answered
    form.mri_activity.setFocus()
    qtbot.keyClick(form.mri_activity, Qt.Key.Key_Down)  # Yes
    qtbot.keyClick(form.mri_activity, Qt.Key.Key_Tab)
    assert form.relapses_on_treatment.hasFocus()
    qtbot.keyClick(form.relapses_on_treatment, Qt.Key.Key_Down)
    qtbot.keyClick(form.relapses_on_treatment, Qt.Key.Key_Down)  # No
    qtbot.waitUntil(lambda: window.current_result() is not None
                    and window.current_result().profile.relapses_on_treatment == "no")
    profile = window.current_result().profile
    assert (profile.mri_activity_past_year, profile.high_efficacy_dmt_failed) == ("yes", None)
    saved = window.consultation().profile
    assert (saved["mri_activity_past_year"], saved["relapses_on_treatment"], saved["high_efficacy_dmt_failed"]) == (
        "yes", "no", None)


def test_an_opened_consultation_puts_its_answers_back_and_shows_a_refused_one(qtbot, window, model):
    profile = {"age": 45, "course": "spms", "edss": 6.0, "prior_dmts": 4, "mri_activity_past_year": "no",
               "high_efficacy_dmt_contraindicated": "yes"}
    window.apply_consultation(Consultation.for_model(model, profile))
    form = window.profile_form
    assert form.mri_activity.currentText() == "No" and form.hedmt_contraindicated.currentText() == "Yes"
    assert form.hedmt_failed.currentText() == "Not known"
    qtbot.waitUntil(lambda: window.current_result() is not None)
    window.apply_consultation(Consultation.for_model(model, {**profile, "mri_activity_past_year": "perhaps"}))
    assert form.mri_activity.currentText() == "perhaps"  # shown as given, never quietly "Not known"
    qtbot.waitUntil(lambda: "is not one of the answers" in form.problem("mri_activity_past_year"))
    assert window.current_result() is None
