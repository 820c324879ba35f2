"""A page stack switched while its window is hidden lays the page out once, when the window is
shown, at the width it then has (issue 23, cold start): Qt lays a page out as the stack shows it,
and before the window's first show that was at the size the page was built with, work the show
then did again at the real width."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from decision_aid.ui.plain import PlainLabel, plain_label
from decision_aid.ui.responsive import PageStack

WORDS = "Alive without disability worsening at 5 years: about 63 in 100 people like you. " * 4


def stacked_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    stack = PageStack("testStack")
    QVBoxLayout(window).addWidget(stack)
    pages = []
    for text in ("No estimate yet.", WORDS):
        page = QWidget()
        label = plain_label(text)
        label.setWordWrap(True)
        QVBoxLayout(page).addWidget(label)
        stack.add_page(page)
        pages.append((page, label))
    return window, stack, pages


def test_a_hidden_switch_waits_for_the_show_and_the_show_lays_the_page_out(qtbot, monkeypatch):
    window, stack, pages = stacked_window(qtbot)
    asked = []
    original = PlainLabel.heightForWidth
    monkeypatch.setattr(PlainLabel, "heightForWidth", lambda label, width: (asked.append(width), original(label, width))[1])
    stack.setCurrentIndex(1)
    assert asked == []  # nothing laid out while hidden
    assert stack.currentIndex() == 1 and stack.page(1) is pages[1][0]
    assert stack.currentWidget().layout().isEnabled()  # the layout waits, it is not left off

    window.resize(420, 600)
    window.show()
    qtbot.waitExposed(window)
    page, label = pages[1]
    qtbot.waitUntil(lambda: page.width() == stack.width())
    assert label.isVisible() and not pages[0][1].isVisible()
    assert label.width() > 0 and label.height() >= label.heightForWidth(label.width())  # the wrapped text fits


def test_a_shown_window_switches_at_once(qtbot):
    window, stack, pages = stacked_window(qtbot)
    window.resize(420, 600)
    window.show()
    qtbot.waitExposed(window)
    stack.setCurrentIndex(1)
    page, label = pages[1]
    assert page.isVisible() and label.isVisible()
    assert page.width() == stack.width()  # laid out in the switch, as Qt's own stack does
