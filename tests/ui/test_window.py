"""The consultation window as a person uses it: typing, choosing, switching views, hovering."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QImage

from decision_aid import __version__
from decision_aid.present import refusals, wording
from decision_aid.evidence import load_evidence
from decision_aid.evidence.loader import default_directory
from decision_aid.model import Model, ProfileError
from decision_aid.ui.main_window import MainWindow
from helpers import accessible_text, plotted_points, replace_text, type_profile  # noqa: F401  (fixtures: settings_path, window in conftest)

def shows_estimates(win) -> bool:
    return win.results_stack.currentIndex() == 1 and win.results_page.isVisible() and win.chart.isVisible()


def test_blank_start_asks_for_the_profile_and_shows_no_numbers(window):
    assert window.current_result() is None
    assert not shows_estimates(window)
    assert window.message.isVisible() and window.message.text().startswith("Enter the age")
    for name in ("age", "course", "edss", "prior_dmts"):
        error = window.profile_form.errors[name]
        assert error.isVisible() and "Needed" in error.text()
    assert not window.profile_form.errors["relapses_past_year"].isVisible()
    assert plotted_points(window.chart.personal) == 0


def test_typed_profile_shows_the_model_numbers(qtbot, window, model):
    type_profile(qtbot, window)
    expected = model.estimate(model.validate({"age": "38", "course": "rrms", "edss": 4.0, "prior_dmts": "3"}))
    assert window.current_result().as_dict() == expected.as_dict()
    assert shows_estimates(window)
    outcomes = window.outcomes
    assert outcomes.early.headline.text() == wording.early_death_sentence(expected.early_mortality, 100)
    assert outcomes.early_recent.headline.text() == wording.early_death_sentence(expected.early_mortality_recent, 100)
    assert outcomes.early.heading.text() == "Treated 1995 to 2006 (the study)"
    assert outcomes.early_recent.heading.text() == "UK centres, treated 2002 to 2023"
    assert outcomes.risk_line.text() == ("This figure takes into account your EDSS, not your age, type of MS or previous "
                                         "treatments. Early risk was higher in older people.")  # MODEL.md O2
    assert outcomes.five_years.headline.text() == wording.pfs_sentence(expected.pfs_5y, 5)
    assert outcomes.five_years.other_side.text() == wording.pfs_other_side(expected.pfs_5y, 5)
    assert wording.range_phrase(expected.early_mortality) in outcomes.early.range.text()
    assert wording.range_phrase(expected.early_mortality_recent) in outcomes.early_recent.range.text()
    assert wording.survival_sentence(expected.overall_survival_5y, 5) in outcomes.survival.text()
    assert outcomes.early.icons.array().upper == wording.end_in_hundred(expected.early_mortality.upper)
    assert outcomes.early_recent.icons.array().upper == wording.end_in_hundred(expected.early_mortality_recent.upper)
    assert outcomes.early.icons.size() == outcomes.early_recent.icons.size()  # equal weight
    assert outcomes.early.headline.font() == outcomes.early_recent.headline.font()
    assert outcomes.five_years.icons.array().lower == wording.end_in_hundred(expected.pfs_5y.lower)
    # the picture's words are its name (a keyboard stop a screen reader reaches)
    assert f"at least {wording.end_in_hundred(expected.pfs_5y.lower)} " in outcomes.five_years.icons.accessibleName()
    assert window.profile_form.edss_help.text().endswith(wording.EDSS_MEANINGS[4.0])
    assert window.profile_form.course_help.text() == wording.COURSE_EXPLANATIONS["rrms"]


def test_an_edit_invalidates_before_the_new_estimate(qtbot, window, model):
    type_profile(qtbot, window)
    seen = []
    window.result_changed.connect(seen.append)
    replace_text(qtbot, window.profile_form.age, "52")
    window.flush()
    assert window.current_result().profile.age == 52.0
    window.profile_form.age.insert("1")  # 521: refused
    assert window.current_result() is None  # invalid at once, before the timer runs
    window.flush()
    assert window.current_result() is None and not shows_estimates(window)
    assert seen[-1] is None and any(r is not None and r.profile.age == 52.0 for r in seen)


@pytest.mark.parametrize("field, text", [
    ("age", "15"), ("age", "80"), ("age", "old"), ("age", ""),
    ("prior_dmts", "16"), ("prior_dmts", "1.5"), ("prior_dmts", ""),
    ("relapses_past_year", "21"), ("disease_duration_years", "70"),
])
def test_each_refused_text_value_hides_estimates_and_marks_its_field(qtbot, window, model, field, text):
    type_profile(qtbot, window)
    form = window.profile_form
    replace_text(qtbot, form.fields[field], text)
    window.flush()
    raw = form.raw()
    with pytest.raises(ProfileError) as refused:
        model.validate(raw)
    (problem,) = refused.value.errors
    assert window.current_result() is None and not shows_estimates(window)
    error = form.errors[field]
    assert error.isVisible() and refusals.allowed_text(problem) in error.text()
    assert ("Needed" if problem.missing else "Not allowed") in error.text()
    assert form.labels[field].text().endswith("*" if problem.missing else "\u26a0")
    assert window.message.isVisible() and wording.FIELD_LABELS[field] in window.message.text()
    assert plotted_points(window.chart.personal) == 0


@pytest.mark.parametrize("field", ["course", "edss"])
def test_a_missing_choice_hides_estimates(qtbot, window, field):
    type_profile(qtbot, window)
    combo = window.profile_form.fields[field]
    combo.setFocus()
    if combo.isEditable():  # the EDSS is typed: empty it
        combo.lineEdit().selectAll()
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Backspace)
    else:
        qtbot.keyClick(combo, Qt.Key.Key_Home)
    window.flush()
    assert window.current_result() is None and not shows_estimates(window)
    assert "Needed" in window.profile_form.errors[field].text()
    assert wording.FIELD_LABELS[field] in window.message.text()


def test_clear_profile_restores_a_blank_profile(qtbot, window):
    type_profile(qtbot, window)
    qtbot.mouseClick(window.profile_form.clear_button, Qt.MouseButton.LeftButton)
    window.flush()
    assert window.current_result() is None and not shows_estimates(window)
    assert all(v in (None, "") for v in window.profile_form.raw().values())


def test_chart_plots_the_result_curve_band_and_reference(qtbot, window):
    type_profile(qtbot, window)
    result, chart = window.current_result(), window.chart
    curve = result.pfs
    x, y = chart.personal.getData()
    np.testing.assert_allclose(x, curve.times)
    np.testing.assert_allclose(y, 100 * curve.estimate)
    lower, upper = chart.band.curves
    np.testing.assert_allclose(lower.getData()[1], 100 * curve.lower)
    np.testing.assert_allclose(upper.getData()[1], 100 * curve.upper)
    recent = result.pfs_recent  # the later cohorts' personal curve and band, beside the study's
    np.testing.assert_allclose(chart.recent.getData()[1], 100 * recent.estimate)
    lower, upper = chart.recent_band.curves
    np.testing.assert_allclose(lower.getData()[1], 100 * recent.lower)
    np.testing.assert_allclose(upper.getData()[1], 100 * recent.upper)
    assert chart.recent.opts["pen"].style() != chart.personal.opts["pen"].style()  # not by colour alone
    # no group reference line by default (issue 23): the average patient read as "without AHSCT"
    assert plotted_points(chart.average) == 0 and plotted_points(chart.relapsing) == 0
    window.reference_actions["relapsing"].trigger()  # View > Study curve: relapsing MS
    np.testing.assert_allclose(chart.relapsing.getData()[1], 100 * result.reference.relapsing)
    assert chart.relapsing.opts["pen"].style() not in (chart.personal.opts["pen"].style(),
                                                       chart.recent.opts["pen"].style())
    marker = chart.marker_label.textItem.toPlainText()
    for interval in (result.pfs_5y, recent.at(5)):
        assert wording.in_hundred_label(interval.estimate) in marker


def test_horizon_switch_changes_axis_and_extrapolation_marking(qtbot, window, model):
    type_profile(qtbot, window)
    chart = window.chart
    assert not chart.region.isVisible() and plotted_points(chart.extrapolated) == 0
    assert chart.plot_item.viewRange()[0][1] < 6
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)  # Alt+0: 10 years
    qtbot.waitUntil(lambda: window.current_result() is not None and window.current_result().horizon_years == 10)
    result = window.current_result()
    assert result.as_dict() == model.estimate(result.profile, horizon=10).as_dict()
    assert chart.plot_item.viewRange()[0][1] >= 10
    assert chart.region.isVisible() and chart.region.getRegion() == (5.0, 10.0)
    assert chart.region_label.isVisible() and chart.region_label.textItem.toPlainText() == (
        "after 5 years: the study's curve is extrapolated; the later cohorts' rests on one cohort")
    beyond = result.pfs.times >= 5.0
    for tail, curve, style in ((chart.extrapolated, result.pfs, Qt.PenStyle.DotLine),
                               (chart.recent_tail, result.pfs_recent, Qt.PenStyle.DashDotLine)):
        x, y = tail.getData()
        assert x.min() == 5.0 and x.max() == 10.0
        np.testing.assert_allclose(y, 100 * curve.estimate[beyond])
        assert tail.opts["pen"].style() == style
    assert chart.personal.getData()[0].max() == 5.0 and chart.recent.getData()[0].max() == 5.0
    assert any("extrapolation" in t for t in window.outcomes.pfs_notes.texts())


def test_audience_switch_changes_words_and_hides_hazard_ratios(qtbot, window):
    type_profile(qtbot, window)
    result = window.current_result()
    window.set_audience("patient")
    assert "Hazard ratio" not in window.method_panel.toPlainText()
    assert wording.range_phrase(result.pfs_5y) in window.outcomes.five_years.range.text()
    assert "%" not in window.outcomes.early.range.text()
    assert window.outcomes.early.headline.font().pointSize() >= 14
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: clinician view
    assert window.audience() == "clinician"
    assert window.current_result() is result  # same result, other words
    assert wording.interval_percent(result.early_mortality) in window.outcomes.early.range.text()
    outcomes = window.outcomes  # each percentage says which outcome it is
    assert outcomes.early.range.text().startswith(f"Death within {result.early_mortality_days} days: ")
    assert outcomes.five_years.range.text() == (
        f"Progression-free survival at 5 years: {wording.interval_percent(result.pfs_5y)}")
    assert (f"Overall survival at 5 years: {wording.interval_percent(result.overall_survival_5y)}\n"
            in outcomes.survival.text())  # the study's era, then the later one
    text = window.method_panel.toPlainText()
    assert "Hazard ratio 1.03" in text and "A1" in text
    assert f"{result.hazard_multiplier:.2f}" in window.outcomes.details.text()
    assert window.outcomes.details.text().startswith("Hazard ratios (primary source)\n")
    assert window.outcomes.details.isVisible()
    window.set_audience("patient")
    assert not window.outcomes.details.isVisible()


def test_keyboard_alone_reaches_fields_in_reading_order_and_mnemonics(qtbot, window):
    form = window.profile_form
    order = [form.age, form.course, form.edss, form.prior_dmts, form.relapses, form.duration, form.mri_activity,
             form.relapses_on_treatment, form.hedmt_failed, form.hedmt_contraindicated, form.clear_button]
    form.age.setFocus()
    for current, following in zip(order, order[1:]):
        assert current.hasFocus()
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    assert form.clear_button.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # E&DSS score (Alt+E: the Edit menu)
    assert form.edss.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert form.age.hasFocus()
    qtbot.keyClicks(form.age, "40")
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Clear profile
    qtbot.waitUntil(lambda: form.age.text() == "")  # a mnemonic "animates" the click
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert window.audience() == "patient"
    for widget in order:
        assert accessible_text(widget) and widget.toolTip()


def test_settings_keep_view_and_geometry_but_not_the_profile(qtbot, window, settings_path):
    type_profile(qtbot, window)
    window.set_audience("clinician")
    window.set_horizon(10)
    window.reference_actions["progressive"].trigger()
    window.resize(760, 560)  # within the offscreen screen (800 x 600), which restoreGeometry clamps to
    size = (window.width(), window.height())
    window.close()
    stored = QSettings(settings_path, QSettings.Format.IniFormat)
    assert not any(k for k in stored.allKeys() if "age" in k.lower() or "profile" in k.lower() or "edss" in k.lower())
    again = MainWindow(settings=stored)
    qtbot.addWidget(again)
    assert again.audience() == "clinician" and again.horizon() == 10
    assert again.reference_actions["progressive"].isChecked()
    assert (again.width(), again.height()) == size == (760, 560)
    assert again.current_result() is None and again.profile_form.age.text() == ""


def test_hovering_shows_the_value_at_that_time(qtbot, window):
    type_profile(qtbot, window)
    chart, result = window.chart, window.current_result()
    vb = chart.plot_item.vb
    qtbot.waitUntil(lambda: not chart.legend.geometry().intersects(chart.plot.geometry()))  # laid out
    window.resize(1280, 2400)  # the chart follows the key numbers: in view without scrolling
    qtbot.waitUntil(lambda: chart.plot.visibleRegion().boundingRect().size() == chart.plot.size())
    middle = sum(vb.viewRange()[1]) / 2  # the y range follows the curves shown
    view_point = chart.plot.mapFromScene(vb.mapViewToScene(QPointF(3.5, middle)))
    qtbot.mouseMove(chart.plot.viewport(), view_point)
    qtbot.waitUntil(lambda: chart.hover_label.isVisible())
    years_under_mouse = vb.mapSceneToView(chart.plot.mapToScene(view_point)).x()  # whole pixels
    index = int(np.argmin(np.abs(result.pfs.times - years_under_mouse)))
    years = float(result.pfs.times[index])
    assert abs(years - 3.5) < 0.1
    shown = chart.readout.text()
    assert chart.hover_label.textItem.toPlainText() == shown
    assert shown.startswith(f"{years:.1f} years: ")  # both eras, each named, in the patient's words
    study, later = shown.split("; ")
    assert study.endswith(wording.era_value_text(result.pfs.at(years), False)) and "the study" in study
    assert later.endswith(wording.era_value_text(result.pfs_recent.at(years), False)) and "Later" in later


def test_evidence_failure_shows_which_file_and_no_numbers(qtbot, tmp_path, settings_path):
    broken = tmp_path / "evidence"
    shutil.copytree(default_directory(), broken)
    path = broken / "muraro2017.json"
    path.write_text(path.read_text().replace('"value": 0.46', '"value": 0.56'))
    win = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat),
                     load_model=lambda: Model(load_evidence(broken)))
    qtbot.addWidget(win)
    win.show()
    assert win.model is None and win.current_result() is None
    assert "muraro2017.json" in win.message.text() and "checksum" in win.message.text()
    assert not win.profile_form.isEnabled() and not shows_estimates(win)
    assert "muraro2017.json" in win.method_panel.toPlainText()
    assert "%" not in win.method_panel.toPlainText()
    # Nothing can be printed, opened or saved without checked evidence.
    assert not any(a.isEnabled() for a in win.sheet_actions.actions + win.consultations.actions)


def test_about_names_program_model_evidence_and_citation(window, model):
    text = window.about_text()
    assert __version__ in text and model.version in text and model.evidence.version in text
    assert "Muraro PA" in text


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, timeout=120)


def test_screenshot_command_writes_a_non_blank_png(tmp_path):
    out = tmp_path / "window.png"
    done = run_cli("--screenshot", str(out), "--age", "60", "--course", "spms", "--edss", "8.5",
                   "--prior-dmts", "2", "--audience", "clinician", "--horizon", "10")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20


def test_screenshot_of_a_refused_profile_writes_nothing(tmp_path):
    out = tmp_path / "window.png"
    done = run_cli("--screenshot", str(out), "--age", "80", "--course", "rrms", "--edss", "4.0", "--prior-dmts", "3")
    assert done.returncode == 2 and not out.exists()
    assert len(done.stderr.strip().splitlines()) == 1 and "--age" in done.stderr and "Traceback" not in done.stderr
