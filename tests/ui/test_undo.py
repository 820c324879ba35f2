"""Undo and redo of the profile form, as a neurologist uses them: keys, menu texts, exact text back."""

from PySide6.QtCore import Qt

from helpers import type_profile


def ctrl_z(qtbot, widget, shift=False):
    modifiers = Qt.KeyboardModifier.ControlModifier | (Qt.KeyboardModifier.ShiftModifier if shift else
                                                       Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Z, modifiers)


def test_typing_in_a_field_is_one_step_and_undo_restores_the_exact_text(qtbot, window):
    form, undo, redo = window.profile_form, window.form_undo.undo_action, window.form_undo.redo_action
    assert not undo.isEnabled() and not redo.isEnabled()  # a fresh window has nothing to undo
    form.age.setFocus()
    qtbot.keyClicks(form.age, "38.25")
    qtbot.keyClick(form.age, Qt.Key.Key_Tab)  # leaves the field: the next field is another step
    form.prior_dmts.setFocus()
    qtbot.keyClicks(form.prior_dmts, "03")
    assert window.form_undo.stack.count() == 2
    assert undo.isEnabled() and undo.text() == "&Undo the change to the number of previous treatments"
    ctrl_z(qtbot, form.prior_dmts)  # Ctrl+Z in a field runs the window's undo, not the field's own
    assert form.prior_dmts.text() == "" and form.age.text() == "38.25"
    assert undo.text() == "&Undo the change to the age"
    ctrl_z(qtbot, form.prior_dmts)
    assert form.age.text() == ""
    assert not undo.isEnabled() and redo.text() == "&Redo the change to the age"
    ctrl_z(qtbot, form.prior_dmts, shift=True)
    assert form.age.text() == "38.25"  # exactly as typed, not 38.2 or 38
    redo.trigger()
    assert form.prior_dmts.text() == "03"
    window.flush()
    assert window.session.raw["prior_dmts"] == "03"  # the session follows what undo put back


def test_a_refused_value_comes_back_refused_and_marked(qtbot, window):
    form = window.profile_form
    type_profile(qtbot, window)
    window.flush()
    assert window.current_result() is not None
    form.age.setFocus()
    form.age.selectAll()
    qtbot.keyClicks(form.age, "80")
    window.flush()
    assert window.current_result() is None
    window.form_undo.undo_action.trigger()
    window.flush()
    assert form.age.text() == "38" and window.current_result() is not None
    window.form_undo.redo_action.trigger()
    window.flush()
    assert form.age.text() == "80" and window.current_result() is None
    assert "Not allowed" in form.errors["age"].text()


def test_clear_profile_is_one_step_and_keeps_name_notes_and_answers(qtbot, window):
    form = window.profile_form
    type_profile(qtbot, window)
    window.set_values({"early_risk": "small"})
    window.sheet_panel.name_edit.setText("J. R.")
    window.sheet_panel.notes_edit.setPlainText("Discuss in May")
    steps = window.form_undo.stack.count()
    qtbot.keyClick(form.clear_button, Qt.Key.Key_Space)
    assert form.raw()["age"] == "" and form.raw()["course"] is None
    assert window.sheet_panel.name() == "J. R." and window.sheet_panel.notes() == "Discuss in May"
    assert window.values() == {"early_risk": "small"}
    assert window.form_undo.stack.count() == steps + 1
    assert window.form_undo.undo_action.text() == "&Undo the change to the whole profile"
    window.form_undo.undo_action.trigger()
    assert form.raw()["age"] == "38" and form.raw()["course"] == "rrms" and form.raw()["edss"] == 4.0


def test_new_consultation_starts_over_and_forgets_the_history(qtbot, window, monkeypatch):
    from decision_aid.ui.consultation_dialogs import UnsavedAnswer

    asked = []
    monkeypatch.setattr(window.consultations, "ask_unsaved", lambda: asked.append(1) or UnsavedAnswer.DISCARD)
    type_profile(qtbot, window)
    window.sheet_panel.name_edit.setText("J. R.")
    window.sheet_panel.notes_edit.setPlainText("Discuss in May")
    window.set_values({"early_risk": "small", "disability": "most"})
    assert window.values()
    window.consultations.new_action.trigger()
    assert asked == [1]  # unsaved changes: asked first
    assert window.profile_form.raw()["age"] == "" and window.sheet_panel.name() is None
    assert window.sheet_panel.notes() == "" and window.values() == {}
    assert not window.form_undo.undo_action.isEnabled()  # a new consultation is not an edit of the last
    assert window.windowTitle().startswith("New consultation")


def test_the_edit_menu_holds_undo_and_redo_with_their_keys(window):
    texts = [a.text() for a in window.edit_menu.actions()]
    assert texts[:2] == ["&Undo", "&Redo"]
    assert window.form_undo.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.form_undo.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar.index("&Edit") == bar.index("&File") + 1  # Alt+E (the EDSS field is Alt+D)
