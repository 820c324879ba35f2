"""Screenshots for the accessibility review: the window at a scale factor on a given screen, both
views, what is on screen and the whole scrolled page.

    QT_SCALE_FACTOR=2 python tools/a11y_screens.py OUT_DIR --screen 1280x800

The window fills the screen (logical size = screen / scale). Writes ``<view>-window.png`` (what
the screen shows) and ``<view>-page.png`` (the one scroll area's whole content, i.e. everything
reachable by scrolling), for a typical profile with the 10-year horizon, plus ``tabs.txt`` (where
the tabs are and whether any is cut off). Offscreen: no display needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DECISION_AID_DATA_DIR", tempfile.mkdtemp(prefix="decision-aid-screens-"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--screen", default="1280x800")
    parser.add_argument("--profile", default="38,rrms,4.0,3")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from decision_aid.ui.main_window import MainWindow

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    width, height = (int(v) for v in args.screen.split("x"))
    logical = (round(width / scale), round(height / scale))
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
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(out / f"{audience}-window.png"))
        if not os.environ.get("SKIP_PAGE"): window.scroll.widget().grab().save(str(out / f"{audience}-page.png"))
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
