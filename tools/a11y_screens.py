"""Screenshots for the accessibility review: the window at a scale factor on a given screen, both
views, every tab, what is on screen and the whole scrolled page.

    QT_SCALE_FACTOR=1.25 python tools/a11y_screens.py OUT_DIR --screen 1366x768 [--font-size 18]
        [--palette dark] [--all-tabs]

The window fills the screen's area less the desktop's panels and the window's frame
(``--reserved``, 70 px by default; logical size = that / scale). Writes ``<view>-window.png`` (what
the screen shows) and ``<view>-page.png`` (the one scroll area's whole content, i.e. everything
reachable by scrolling) for the estimate tab, or ``<view>-<tab>-window.png`` and ``-page.png``
for every tab with ``--all-tabs``, for a typical profile with the 10-year horizon, plus
``tabs.txt`` (where the tabs are, whether any is cut off, and any page wider than the window: a
sideways scroll). ``--font-size`` sets the system font's size (points), ``--palette`` one of
tools/contrast.py's system palettes. Offscreen: no display needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DECISION_AID_DATA_DIR", tempfile.mkdtemp(prefix="decision-aid-screens-"))


def settle(app, seconds: float = 0.5) -> None:
    """Let a page finish its layout (a tab is built on first view and laid out over several turns
    of the event loop, some on timers): a fixed number of turns caught a forest plot still at the
    width of an earlier layout, wider than its page."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--screen", default="1280x800")
    parser.add_argument("--profile", default="38,rrms,4.0,3")
    parser.add_argument("--reserved", type=int, default=70, help="screen pixels taken by panels and the frame")
    parser.add_argument("--font-size", type=float, help="the system font's size in points")
    parser.add_argument("--palette", help="light, dark or high-contrast (tools/contrast.py)")
    parser.add_argument("--all-tabs", action="store_true")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    if args.font_size:
        font = app.font()
        font.setPointSizeF(args.font_size)
        app.setFont(font)
    if args.palette:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from contrast import qt_palette

        app.setPalette(qt_palette(args.palette))
    from decision_aid.ui.main_window import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    width, height = (int(v) for v in args.screen.split("x"))
    logical = (round(width / scale), round((height - args.reserved) / scale))
    age, course, edss, dmts = args.profile.split(",")
    notes = []
    for audience in ("patient", "clinician"):
        window = MainWindow(settings=QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
        window.set_profile_fields({"age": age, "course": course, "edss": edss, "prior_dmts": dmts})
        window.set_audience(audience)
        window.set_horizon(10)
        window.resize(*logical)
        window.show()
        window.flush()
        settle(app)
        for index in range(window.tabs.count()) if args.all_tabs else (0,):
            window.tabs.setCurrentIndex(index)
            settle(app)
            name = f"{audience}-{index}" if args.all_tabs else audience
            window.grab().save(str(out / f"{name}-window.png"))
            if not os.environ.get("SKIP_PAGE"):
                window.scroll.widget().grab().save(str(out / f"{name}-page.png"))
            sideways = window.scroll.widget().width() - window.scroll.viewport().width()
            if sideways > 0:
                notes.append(f"{audience}: {window.tabs.tabText(index).replace('&', '')} scrolls sideways by {sideways} px")
        window.tabs.setCurrentIndex(0)
        bar = window.tabs.tabBar()
        notes.append(f"{audience}: window {window.width()}x{window.height()} logical (minimum "
                     f"{window.minimumWidth()}x{window.minimumHeight()}), page "
                     f"{window.scroll.widget().width()}x{window.scroll.widget().height()}, viewport "
                     f"{window.scroll.viewport().width()}x{window.scroll.viewport().height()}, tabs "
                     f"{window.tabs.tabPosition().name}, profile "
                     f"{'beside' if window.main_page.side_by_side() else 'above'} the tabs, estimate "
                     f"{'beside' if window.estimate_page.side_by_side() else 'above'} the chart; tab rects: "
                     + ", ".join(f"{bar.tabText(i).replace('&', '')} {bar.tabRect(i).getRect()}"
                                 for i in range(bar.count())))
        window.consultations.dirty = False  # nothing to save: closing asks nothing
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.close()
        app.processEvents()
    (out / "tabs.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
