"""The tabs are where they stay from the first paint: on top when they fit, a list at the side
when they do not. They are placed once, when the window is shown: placed while it was being
built (by the 640 px of a widget not yet in a layout), they went to the side and came back on
top at the first resize, and the whole window was laid out twice before its first paint."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTabWidget

from decision_aid.ui.main_window import MainWindow
from decision_aid.ui.responsive import AdaptiveTabWidget
from helpers import unshown_window


class FirstPaint(QObject):
    """Records the tab position when the window's first paint event arrives."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window, self.position = window, None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (self.position is None and event.type() == QEvent.Type.Paint
                and (watched is self.window or self.window.isAncestorOf(watched))):
            self.position = self.window.tabs.tabPosition()
        return False


@pytest.mark.parametrize("size, expected", [((1280, 800), QTabWidget.TabPosition.North),
                                            # the profile above the tabs (narrower than its breakpoint)
                                            # and the tabs still fitting on top: moving the profile
                                            # left the tabs their old 480 px until after the show,
                                            # so they went to the side and came back (issue 23)
                                            ((784, 752), QTabWidget.TabPosition.North),
                                            ((600, 500), QTabWidget.TabPosition.West)])
def test_first_paint_has_the_tabs_where_they_stay(qtbot, tmp_path, monkeypatch, size, expected):
    placed = []
    original = AdaptiveTabWidget.setTabPosition
    monkeypatch.setattr(AdaptiveTabWidget, "setTabPosition",
                        lambda tabs, position: (placed.append((position, tabs.isVisible())), original(tabs, position)))
    window = unshown_window(qtbot, monkeypatch, tmp_path / "w.ini", tmp_path / "autosave.aidconsult.json")
    probe = FirstPaint(window)
    QApplication.instance().installEventFilter(probe)
    try:
        window.resize(*size)
        window.set_profile_fields({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"})
        window.flush()
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(50)
    finally:
        QApplication.instance().removeEventFilter(probe)
    assert probe.position == expected
    assert window.tabs.tabPosition() == expected
    assert placed in ([], [(expected, True)])  # at most once, and only once shown
