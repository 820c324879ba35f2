"""Helpers shared by the window tests."""

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication


def accessible_text(widget, kind=QAccessible.Text.Name) -> str:
    """What a screen reader is told (the name Qt derives when none is set: a button's text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(kind) if interface is not None else ""


def type_profile(qtbot, win, age="38", course="rrms", edss=4.0, dmts="3"):
    """Fill the four required fields with the keyboard only."""
    form = win.profile_form
    form.age.setFocus()
    qtbot.keyClicks(form.age, age)
    qtbot.keyClick(form.age, Qt.Key.Key_Tab)
    assert form.course.hasFocus()
    for _ in range(form.course.findData(course)):
        qtbot.keyClick(form.course, Qt.Key.Key_Down)
    qtbot.keyClick(form.course, Qt.Key.Key_Tab)
    assert form.edss.hasFocus()
    for _ in range(form.edss.findData(edss)):
        qtbot.keyClick(form.edss, Qt.Key.Key_Down)
    qtbot.keyClick(form.edss, Qt.Key.Key_Tab)
    assert form.prior_dmts.hasFocus()
    qtbot.keyClicks(form.prior_dmts, dmts)
    qtbot.waitUntil(lambda: win.current_result() is not None)


def replace_text(qtbot, edit, text):
    """Select all of a field and type ``text`` over it, key by key, as a person does."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(edit, text)


def when_shown(action):
    """Run ``action(modal)`` on the modal dialog once its event loop is running (a modal dialog
    cannot be answered from the test's own code, which waits inside it)."""
    def run():
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, run)
        else:
            action(modal)
    QTimer.singleShot(0, run)


def plotted_points(curve) -> int:
    """How many points a chart curve draws (none when it was emptied)."""
    x, _y = curve.getData()
    return 0 if x is None else len(x)


def pinned_data(chart) -> tuple[np.ndarray, np.ndarray]:
    """The chart's pinned curve as drawn (years, percent); empty without one."""
    x, y = chart.pinned.getData()
    return (np.asarray([]), np.asarray([])) if x is None else (np.asarray(x), np.asarray(y))


def plotted_values(plot) -> list[tuple[str, float]]:
    """A studies plot's (row label, x value) as drawn: what a test compares with the evidence."""
    return [(plot.points[i].label, float(s.getData()[0][0])) for i, s in enumerate(plot.scatter_items)]


def block_names(layout, page: int) -> list[str]:
    """The names of the blocks laid out on one page of a sheet."""
    return layout.pages[page].names()


def statement_texts(panel) -> list[str]:
    """The guidance panel's statements, as shown."""
    return [column.statement.text() for column in panel.columns]


def fit_lines(panel, statement: int = 0) -> list[str]:
    """What the guidance panel's table shows for one statement (by position): how the profile
    compares, criterion by criterion; none while the table is hidden."""
    table = panel.tables[statement] if statement < len(panel.tables) else None
    if table is None or not table.isVisibleTo(panel):
        return []
    return [table.cell(r, 2) for r in range(table.rowCount())]


def harms_cell(panel, harm_id: str, column: int) -> str:
    """One cell of the harms table, by the harm's id."""
    index = next(i for i, r in enumerate(panel.view.rows) if r.id == harm_id)
    return panel.table.cell(index, column)


def studies_cell(panel, row: int, column: str) -> str:
    """One cell of the studies table, by row index and column code (study, patients, early_deaths, ...)."""
    return panel.table.cell(row, panel.view.column(column))


def card_part(card, index: int) -> str:
    """One part of an option card, as shown."""
    return card.parts[index].text()


def values_summary(panel) -> str:
    """The values panel's summary of the answers, as shown."""
    return panel.summary.text()


def tab_built(tab) -> bool:
    """Whether a lazily built tab has made its panel yet."""
    return tab._panel is not None


def qt_translation_installed() -> bool:
    """Whether Qt's own translation (dialog buttons and the like) is installed."""
    from decision_aid.ui import language

    return bool(language._translators)


def unshown_window(qtbot, monkeypatch, settings_file, autosave_file):
    """The real window, not yet shown, with its own settings file and autosave. Closing it with
    unsaved changes answers "Discard" (a modal question cannot be answered headless); tests of
    that question replace ``consultations.ask_unsaved`` themselves."""
    from PySide6.QtCore import QSettings

    from decision_aid.ui.consultation_dialogs import UnsavedAnswer
    from decision_aid.ui.main_window import MainWindow

    win = MainWindow(settings=QSettings(str(settings_file), QSettings.Format.IniFormat), autosave_path=autosave_file)
    monkeypatch.setattr(win.consultations, "ask_unsaved", lambda: UnsavedAnswer.DISCARD)
    qtbot.addWidget(win)
    return win
