"""Capture window dumps/PNGs and sheets for one commit's worktree.

Run with PYTHONPATH=/tmp/noedit:<worktree> QT_QPA_PLATFORM=offscreen.
usage: capture.py OUTDIR [window|sheet|both]
"""
from __future__ import annotations

import datetime as _dt
import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(sys.argv[1])
WHAT = sys.argv[2] if len(sys.argv) > 2 else "both"
OUT.mkdir(parents=True, exist_ok=True)

PROFILES = {
    "relapsing": {"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3},
    "progressive": {"age": 50, "course": "spms", "edss": 6.0, "prior_dmts": 2},
}
AUDIENCES = ("patient", "clinician")

import decision_aid  # noqa: E402
import importlib.resources as _res  # noqa: E402

(OUT / "provenance.txt").write_text(
    f"decision_aid: {decision_aid.__file__}\nresources: {_res.files('decision_aid.resources')}\n"
    f"resolved: {Path(str(_res.files('decision_aid.resources'))).resolve()}\n")

TODAY = _dt.date.today()


def normalise(text: str) -> str:
    t = TODAY
    forms = {t.isoformat(), t.strftime("%d %B %Y"), f"{t.day} {t:%B %Y}", f"{t:%B} {t.day}, {t.year}",
             t.strftime("%d/%m/%Y"), t.strftime("%d %b %Y"), f"{t.day} {t:%b %Y}", f"{t:%b} {t.day}, {t.year}"}
    for f in sorted(forms, key=len, reverse=True):
        text = text.replace(f, "<TODAY>")
    text = re.sub(r"/tmp/[^\s'\"]+", "<TMP>", text)
    return text


# ----------------------------------------------------------------------------- sheets

def capture_sheets() -> None:
    sheet_dir = OUT / "sheet"
    sheet_dir.mkdir(exist_ok=True)
    env = dict(os.environ)
    for prof, fields in PROFILES.items():
        for aud in AUDIENCES:
            with tempfile.TemporaryDirectory() as tmp:
                env["DECISION_AID_DATA_DIR"] = tmp
                env["XDG_DATA_HOME"] = tmp
                pdf = Path(tmp) / "sheet.pdf"
                cmd = [sys.executable, "-m", "decision_aid", "sheet", "--age", str(fields["age"]),
                       "--course", fields["course"], "--edss", str(fields["edss"]),
                       "--prior-dmts", str(fields["prior_dmts"]), "--audience", aud, "--horizon", "5",
                       "-o", str(pdf)]
                run = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp)
                stem = f"{prof}-{aud}"
                (sheet_dir / f"{stem}.cli.txt").write_text(
                    normalise(f"rc={run.returncode}\nstdout:\n{run.stdout}\nstderr:\n{run.stderr}"))
                if run.returncode != 0 or not pdf.exists():
                    continue
                (sheet_dir / f"{stem}.pdf").write_bytes(pdf.read_bytes())
                text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                      text=True).stdout
                pages = text.split("\f")
                if pages and not pages[-1].strip():
                    pages = pages[:-1]
                out = []
                for i, page in enumerate(pages, 1):
                    out.append(f"===== page {i} =====")
                    out.extend(line.rstrip() for line in page.splitlines())
                (sheet_dir / f"{stem}.txt").write_text(normalise("\n".join(out) + "\n"))
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                keep = [ln for ln in info.splitlines() if ln.split(":")[0] in
                        ("Title", "Subject", "Author", "Creator", "Producer", "Pages", "Page size", "Keywords")]
                (sheet_dir / f"{stem}.pdfinfo.txt").write_text(normalise("\n".join(keep) + "\n"))
                subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(sheet_dir / stem)], check=True)


# ----------------------------------------------------------------------------- window

def capture_window() -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QTextDocument
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox,
                                   QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QMainWindow,
                                   QMenu, QPlainTextEdit, QStatusBar, QTabBar, QTabWidget, QTextEdit,
                                   QToolBar, QWidget)
    import pyqtgraph as pg

    try:
        from decision_aid.ui.app import application
        app = application()
    except Exception:  # noqa: BLE001
        app = QApplication.instance() or QApplication([])
    from decision_aid.ui.main_window import MainWindow
    import inspect
    (OUT / "provenance.txt").open("a").write(
        f"main_window: {inspect.getsourcefile(MainWindow)}\n"
        f"MainWindow.__init__{inspect.signature(MainWindow.__init__)}\n")

    from PySide6 import QtGui as _QtGui

    def plain(text: str, fmt=None) -> str:
        rich = (fmt == Qt.TextFormat.RichText or
                (fmt in (None, Qt.TextFormat.AutoText) and _QtGui.Qt.mightBeRichText(text)))
        if rich:
            doc = QTextDocument()
            doc.setHtml(text)
            text = doc.toPlainText()
        return text.replace("\u2029", "\n").replace("\u2028", "\n")

    def one(text: str) -> str:
        return " | ".join(s.strip() for s in text.split("\n") if s.strip())

    def r1(v):
        try:
            return f"{round(float(v), 1):g}"
        except Exception:  # noqa: BLE001
            return str(v)

    def dump_plot_item(pi, lines, raw):
        title = pi.titleLabel.text if pi.titleLabel is not None else ""
        if title:
            lines.append(f"plot.title: {one(plain(title))}")
        for name in ("top", "left", "bottom", "right"):
            ax = pi.getAxis(name)
            if ax is not None and ax.isVisible():
                label = ax.labelText or ""
                if ax.labelUnits:
                    label += f" ({ax.labelUnits})"
                if label or ax.label.isVisible():
                    lines.append(f"plot.axis[{name}]: {one(plain(label))}")
                ticks = ax._tickLevels if getattr(ax, "_tickLevels", None) else None
                if ticks:
                    raw.append(f"plot.axis[{name}].ticks: {ticks}")
        vr = pi.vb.viewRange()
        lines.append(f"plot.range: x={[r1(v) for v in vr[0]]} y={[r1(v) for v in vr[1]]}")
        if pi.legend is not None:
            for sample, label in pi.legend.items:
                lines.append(f"plot.legend: {one(plain(label.text))}")
        for item in pi.items:
            if not item.isVisible():
                continue
            kind = type(item).__name__
            if isinstance(item, (pg.PlotDataItem, pg.PlotCurveItem)):  # the chart's lines are curves since d9b1954
                x, y = item.getData()
                if x is None or len(x) == 0:
                    continue
                pts = " ".join(f"{r1(a)},{r1(b)}" for a, b in zip(x, y))
                lines.append(f"plot.curve name={item.name()!r} n={len(x)}: {pts}")
            elif isinstance(item, pg.ScatterPlotItem):
                x, y = item.getData()
                if len(x):
                    pts = " ".join(f"{r1(a)},{r1(b)}" for a, b in zip(x, y))
                    lines.append(f"plot.scatter name={item.name()!r}: {pts}")
            elif isinstance(item, pg.TextItem):
                t = item.textItem.toPlainText()
                if t.strip():
                    lines.append(f"plot.text: {one(t)}")
            elif isinstance(item, pg.InfiniteLine):
                lines.append(f"plot.vline/hline angle={item.angle:g}: {r1(item.value())}")
            elif isinstance(item, pg.LinearRegionItem):
                lines.append(f"plot.region: {[r1(v) for v in item.getRegion()]}")
            elif isinstance(item, pg.ErrorBarItem):
                o = item.opts
                xs = o.get("x")
                ys = o.get("y")
                if xs is not None:
                    def arr(v):
                        return "-" if v is None else " ".join(r1(a) for a in (v if hasattr(v, "__len__") else [v]))
                    lines.append(f"plot.errorbar x=[{arr(xs)}] y=[{arr(ys)}] left=[{arr(o.get('left'))}] "
                                 f"right=[{arr(o.get('right'))}] top=[{arr(o.get('top'))}] "
                                 f"bottom=[{arr(o.get('bottom'))}]")
            elif isinstance(item, pg.FillBetweenItem):
                lines.append("plot.fillbetween")
            else:
                lines.append(f"plot.item {kind}")
        # text items anywhere in the scene that are not plot items
        for ax_name in ("left", "bottom"):
            ax = pi.getAxis(ax_name)
            try:
                levels = ax.tickValues(*ax.range, ax.geometry().width() if ax_name == "bottom" else
                                       ax.geometry().height())
                strings = []
                for _spacing, values in levels:
                    strings.extend(ax.tickStrings(values, ax.autoSIPrefixScale, _spacing))
                raw.append(f"plot.axis[{ax_name}].tickstrings: {strings}")
            except Exception:  # noqa: BLE001
                pass

    TEXT_CLASSES = (QLabel, QAbstractButton, QGroupBox, QAbstractItemView, QLineEdit, QAbstractSpinBox,
                    QComboBox, QTextEdit, QPlainTextEdit, QTabBar, QAbstractSlider)

    def dump_widget(w, lines, raw, depth=0):
        """Depth-first in child order; visible widgets only."""
        if not w.isVisible():
            return
        from PySide6.QtWidgets import QHeaderView
        from PySide6.QtWidgets import QScrollBar
        if isinstance(w, (QHeaderView, QScrollBar)):
            return
        cls = type(w).__name__
        acc = w.accessibleName()
        desc = w.accessibleDescription()
        if acc or desc:
            raw.append(f"{'  ' * depth}[{cls}] accessible: {acc!r} / {desc!r}")
        tip = w.toolTip()
        if tip:
            raw.append(f"{'  ' * depth}[{cls}] tooltip: {one(plain(tip))}")
        if isinstance(w, QLabel):
            if w.pixmap() is not None and not w.pixmap().isNull():
                lines.append(f"label.pixmap {w.pixmap().width()}x{w.pixmap().height()}")
            t = w.text()
            if t.strip():
                lines.append(f"label: {one(plain(t, w.textFormat()))}")
                raw.append(f"{'  ' * depth}[{cls}] label-raw: {t!r}")
        elif isinstance(w, QAbstractButton):
            state = ""
            if w.isCheckable():
                state = " [x]" if w.isChecked() else " [ ]"
            t = w.text()
            if t.strip() or state:
                lines.append(f"button{state}: {one(t)}{'' if w.isEnabled() else ' (disabled)'}")
        elif isinstance(w, QGroupBox):
            if w.title():
                lines.append(f"group: {one(w.title())}")
        elif isinstance(w, QComboBox):
            items = [w.itemText(i) for i in range(w.count())]
            lines.append(f"combo: {w.currentText()!r} of {items}")
        elif isinstance(w, QLineEdit):
            if w.isReadOnly() or True:
                lines.append(f"lineedit: {w.text()!r}" + (f" placeholder={w.placeholderText()!r}"
                                                          if w.placeholderText() else ""))
        elif isinstance(w, QAbstractSpinBox):
            lines.append(f"spinbox: {w.text()!r}")
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            t = w.toPlainText()
            lines.append("textedit:")
            lines.extend("    " + ln.rstrip() for ln in t.splitlines() if ln.strip())
            if w.placeholderText():
                lines.append(f"textedit.placeholder: {w.placeholderText()!r}")
        elif isinstance(w, QAbstractItemView):
            m = w.model()
            if m is not None:
                cols, rows = m.columnCount(), m.rowCount()
                hh = [m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in range(cols)]
                vh = [m.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) for r in range(rows)]
                show_h = getattr(w, "horizontalHeader", None)
                show_v = getattr(w, "verticalHeader", None)
                lines.append(f"table {rows}x{cols}")
                if show_h is None or w.horizontalHeader().isVisible():
                    lines.append(f"  header: {[one(str(h)) if h is not None else '' for h in hh]}")
                if show_v is not None and w.verticalHeader().isVisible():
                    lines.append(f"  vheader: {[one(str(h)) if h is not None else '' for h in vh]}")

                def walk(parent, depth_):
                    for r in range(m.rowCount(parent)):
                        cells = []
                        for c in range(m.columnCount(parent)):
                            idx = m.index(r, c, parent)
                            if hasattr(w, "isColumnHidden") and w.isColumnHidden(c):
                                continue
                            d = m.data(idx, Qt.ItemDataRole.DisplayRole)
                            cells.append(one(str(d)) if d is not None else "")
                        if hasattr(w, "isRowHidden") and not hasattr(w, "isColumnHidden"):
                            pass
                        lines.append(f"  {'  ' * depth_}row: {cells}")
                        first = m.index(r, 0, parent)
                        if first.isValid() and m.rowCount(first) > 0 and depth_ < 4:
                            walk(first, depth_ + 1)
                from PySide6.QtCore import QModelIndex
                walk(QModelIndex(), 0)
        elif isinstance(w, QAbstractSlider):
            lines.append(f"slider: {w.value()}")
        elif isinstance(w, pg.GraphicsView):
            lines.append(f"plotwidget [{acc!r}]")
            items = [it for it in w.scene().items() if isinstance(it, pg.PlotItem) and it.isVisible()]
            items.sort(key=lambda it: (round(it.scenePos().y()), round(it.scenePos().x())))
            for pi in items:
                dump_plot_item(pi, lines, raw)
            for it in w.scene().items():
                if isinstance(it, pg.LabelItem) and it.isVisible() and it.text and not isinstance(
                        it.parentItem(), pg.PlotItem):
                    pass
        elif isinstance(w, QTabWidget):
            lines.append(f"tabs: {[w.tabText(i) for i in range(w.count())]} current={w.currentIndex()}")
        elif isinstance(w, QStatusBar):
            if w.currentMessage():
                lines.append(f"status: {w.currentMessage()}")
        elif type(w).__module__.split(".")[0] != "PySide6" and not w.findChildren(QWidget) and (acc or desc):
            # a custom-painted leaf widget (icon arrays, line samples, ...)
            lines.append(f"custom[{cls}]: {one(acc)}" + (f" / {one(desc)}" if desc else ""))
        if isinstance(w, pg.GraphicsView):
            return
        for child in w.children():
            if isinstance(child, QWidget) and not child.isWindow():
                if isinstance(child, QTabBar) and isinstance(w, QTabWidget):
                    continue
                dump_widget(child, lines, raw, depth + 1)

    def dump_menus(win):
        lines = [f"window.title: {win.windowTitle()}"]

        def walk_menu(menu, depth):
            for a in menu.actions():
                if a.isSeparator():
                    lines.append(f"{'  ' * depth}----")
                    continue
                sc = a.shortcut().toString()
                chk = ("[x] " if a.isChecked() else "[ ] ") if a.isCheckable() else ""
                lines.append(f"{'  ' * depth}{chk}{a.text()}" + (f"   <{sc}>" if sc else "")
                             + ("" if a.isEnabled() else " (disabled)") + ("" if a.isVisible() else " (hidden)"))
                if a.menu() is not None:
                    walk_menu(a.menu(), depth + 1)
        lines.append("[menubar]")
        walk_menu(win.menuBar(), 0)
        for tb in win.findChildren(QToolBar):
            lines.append(f"[toolbar {tb.windowTitle()!r} visible={tb.isVisible()}]")
            for a in tb.actions():
                if a.isSeparator():
                    lines.append("  ----")
                elif a.isVisible():
                    w = tb.widgetForAction(a)
                    lines.append(f"  {a.text()}" + (f" [{type(w).__name__}]" if w is not None else ""))
        return lines

    def settle(win, n=6):
        for _ in range(n):
            QApplication.processEvents()
            if hasattr(win, "flush"):
                win.flush()
            QTest.qWait(30)

    win_dir = OUT / "window"
    win_dir.mkdir(exist_ok=True)
    for prof, fields in PROFILES.items():
        for aud in AUDIENCES:
            with tempfile.TemporaryDirectory() as tmp:
                os.environ["DECISION_AID_DATA_DIR"] = tmp
                os.environ["XDG_DATA_HOME"] = tmp
                settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
                kwargs = {"settings": settings}
                if "autosave_path" in inspect.signature(MainWindow.__init__).parameters:
                    kwargs["autosave_path"] = Path(tmp) / "autosave.aidconsult.json"
                win = MainWindow(**kwargs)
                win.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
                win.resize(1280, 900)
                win.show()
                settle(win)
                win.set_audience(aud)
                settle(win)
                win.set_profile_fields(fields)
                settle(win)
                win.resize(1280, 900)
                settle(win)
                stem = f"{prof}-{aud}"
                tabs = win.findChild(QTabWidget, "tabs") or win.findChildren(QTabWidget)[0]
                shell_lines = dump_menus(win)
                shell_lines.append(f"window.size: {win.width()}x{win.height()}")
                shell_lines.append(f"[tabs] {[tabs.tabText(i) for i in range(tabs.count())]}")
                for i in range(tabs.count()):
                    tabs.setCurrentIndex(i)
                    settle(win, 8)
                    title = tabs.tabText(i)
                    safe = re.sub(r"[^A-Za-z0-9]+", "_", title.replace("&", "")).strip("_")
                    name = f"{stem}.tab{i:02d}-{safe}"
                    win.grab().save(str(win_dir / f"{name}.png"))
                    lines = [f"== tab {i}: {title}"]
                    raw = []
                    dump_widget(tabs.currentWidget(), lines, raw)
                    (win_dir / f"{name}.txt").write_text(normalise("\n".join(lines) + "\n"))
                    (win_dir / f"{name}.raw.txt").write_text(normalise("\n".join(raw) + "\n"))
                    # everything outside the tab pages (profile form, toolbar, status bar)
                    outside, oraw = [], []
                    page_widgets = {tabs.widget(k) for k in range(tabs.count())}

                    def dump_outside(w, depth=0):
                        if w in page_widgets or not w.isVisible():
                            return
                        if w is tabs:
                            outside.append(f"tabbar: {[tabs.tabText(k) for k in range(tabs.count())]}")
                            for c in w.children():
                                if isinstance(c, QWidget) and c not in page_widgets and not isinstance(c, QTabBar):
                                    # stacked widget holding pages
                                    for cc in c.children():
                                        if isinstance(cc, QWidget) and cc not in page_widgets:
                                            dump_widget(cc, outside, oraw, depth + 1)
                            return
                        if isinstance(w, (QMenu,)):
                            return
                        if type(w) is QWidget or not isinstance(w, TEXT_CLASSES + (QTabWidget, pg.GraphicsView)):
                            # container: recurse via own children but use dump_widget for leaves
                            if w.isVisible():
                                acc = w.accessibleName()
                                if (type(w).__module__.split(".")[0] != "PySide6" and not w.findChildren(QWidget)
                                        and acc):
                                    outside.append(f"custom[{type(w).__name__}]: {one(acc)}")
                                if isinstance(w, QStatusBar) and w.currentMessage():
                                    outside.append(f"status: {w.currentMessage()}")
                                for c in w.children():
                                    if isinstance(c, QWidget) and not c.isWindow():
                                        dump_outside(c, depth + 1)
                        else:
                            dump_widget(w, outside, oraw, depth)
                    for c in win.children():
                        if isinstance(c, QWidget) and not c.isWindow() and not isinstance(c, QMenu):
                            dump_outside(c)
                    if i == 0:
                        first_outside = outside
                        (win_dir / f"{stem}.shell.txt").write_text(
                            normalise("\n".join(shell_lines + ["[outside the tab pages, tab 0 current]"]
                                                + outside) + "\n"))
                    elif outside != first_outside:
                        (win_dir / f"{name}.outside.txt").write_text(normalise("\n".join(outside) + "\n"))
                win.hide()
                if hasattr(win, "setWindowModified"):
                    win.setWindowModified(False)
                win.deleteLater()
                settle(win, 2) if False else QApplication.processEvents()


if WHAT in ("both", "window"):
    capture_window()
if WHAT in ("both", "sheet"):
    capture_sheets()
print("done", OUT)
