"""Measure the WCAG contrast of every text and graphic the window and the sheet draw, in the
light, dark and high-contrast system palettes.

Three kinds of row:

- ``paper``: the ratio computed from the fixed colours in :mod:`decision_aid.palette` (the sheet,
  and the window's chart and icon arrays, which keep their own white background);
- ``pixels``: colours read back from a rendering (Qt offscreen) of the glyphs and the chart's curves.
  For a line or a glyph edge the colour taken is the one most different from the background
  among the pixels that occur at least a few times (so antialiasing fringes do not count);
- per system palette (``PALETTES``: light, a dark one like Adwaita-dark, black/white/yellow high
  contrast): the colours the window chooses (:func:`decision_aid.ui.style.screen_colours`), then
  every tab of the window rendered and measured from its pixels (:func:`measure_tabs`): every
  text (labels, buttons, check boxes, tabs, fields, table cells and headings, text views) against
  its own background, and the non-text parts (check box and radio outlines, field borders, the
  selected toolbar buttons, the focus ring, a table's current cell) against what is around them.

WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for graphics and component boundaries (1.4.11).
``python tools/contrast.py`` prints Markdown tables (docs/ACCESSIBILITY.md has them) and exits 1
if a row fails; ``--json`` prints the rows as JSON; ``--screens DIR`` also saves every tab of
every palette as a PNG, to look at.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decision_aid import palette  # noqa: E402
from decision_aid.palette import contrast as ratio  # noqa: E402

TEXT, GRAPHIC = palette.TEXT_CONTRAST, palette.GRAPHIC_CONTRAST
WHITE = palette.PAPER
WINDOW = "#EFEFEF"  # the light window background (Fusion's default)

#: The three system palettes checked (colour roles of QPalette, active and inactive groups): Qt's
#: Fusion light palette, a dark one like GNOME's Adwaita-dark, and a black, white and yellow high
#: contrast one (the roles a high-contrast theme sets). Every other role is Qt's for that base.
PALETTES: dict[str, dict[str, str]] = {
    "light": {},
    "dark": {"Window": "#353535", "WindowText": "#EEEEEC", "Base": "#2D2D2D", "AlternateBase": "#353535",
             "Text": "#FFFFFF", "Button": "#353535", "ButtonText": "#EEEEEC", "Highlight": "#15539E",
             "HighlightedText": "#FFFFFF", "PlaceholderText": "#919190", "ToolTipBase": "#353535",
             "ToolTipText": "#FFFFFF", "Light": "#4A4A4A", "Midlight": "#404040", "Mid": "#2A2A2A",
             "Dark": "#1E1E1E", "Shadow": "#000000", "Link": "#3584E4", "BrightText": "#FFFFFF"},
    "high-contrast": {"Window": "#000000", "WindowText": "#FFFFFF", "Base": "#000000", "AlternateBase": "#000000",
                      "Text": "#FFFFFF", "Button": "#000000", "ButtonText": "#FFFFFF", "Highlight": "#FFFF00",
                      "HighlightedText": "#000000", "PlaceholderText": "#FFFFFF", "ToolTipBase": "#000000",
                      "ToolTipText": "#FFFFFF", "Light": "#FFFFFF", "Midlight": "#FFFFFF", "Mid": "#FFFFFF",
                      "Dark": "#FFFFFF", "Shadow": "#FFFFFF", "Link": "#FFFF00", "BrightText": "#FFFF00"},
}


def qt_palette(name: str):
    """The system palette ``name`` of :data:`PALETTES` as a QPalette (Fusion's for "light")."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    colours = QStyleFactory.create("Fusion").standardPalette()
    for role, value in PALETTES[name].items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            colours.setColor(group, getattr(QPalette.ColorRole, role), QColor(value))
    return colours


def over(colour: str, alpha: int, background: str = WHITE) -> str:
    """``colour`` at ``alpha`` (0-255) painted over ``background``."""
    return palette.mix(background, colour, alpha / 255)


@dataclass
class Row:
    element: str
    foreground: str
    background: str
    needed: float
    how: str
    ratio: float = 0.0

    def __post_init__(self) -> None:
        self.ratio = round(ratio(self.foreground, self.background), 2)

    @property
    def passes(self) -> bool:
        return self.ratio >= self.needed


def palette_rows() -> list[Row]:
    """The fixed colours: the sheet (paper), the chart and icon arrays on their white, the notes."""
    band = over(palette.PERSONAL, palette.BAND_ALPHA)
    rows = [
        Row("Sheet text", palette.TEXT, WHITE, TEXT, "paper"),
        Row("Sheet muted text", palette.MUTED, WHITE, TEXT, "paper"),
        Row("Warning note text on its tint", palette.TEXT, palette.NOTE_BACKGROUND, TEXT, "paper"),
        Row("Framed box text on its shade", palette.TEXT, palette.SHADE, TEXT, "paper"),
        Row("Chart label 'N in 100 at 5 years' (bold, 13 pt)", palette.PERSONAL, WHITE, TEXT, "paper"),
        Row("Chart region label 'after 5 years: extrapolated'", palette.MUTED, palette.EXTRAPOLATED, TEXT, "paper"),
        Row("Personal curve", palette.PERSONAL, WHITE, GRAPHIC, "paper"),
        Row("Personal curve on the band", palette.PERSONAL, band, GRAPHIC, "paper"),
        Row("Band edges", palette.PERSONAL, WHITE, GRAPHIC, "paper"),
        Row("Average-patient curve", palette.REFERENCE_LINE, WHITE, GRAPHIC, "paper"),
        Row("Average-patient curve on the band", palette.REFERENCE_LINE, band, GRAPHIC, "paper"),
        Row("Relapsing study curve", palette.SKY_LINE, WHITE, GRAPHIC, "paper"),
        Row("Progressive study curve", palette.MUTED, WHITE, GRAPHIC, "paper"),
        Row("Axes and ticks", palette.MUTED, WHITE, GRAPHIC, "paper"),
        Row("Death glyph (fill)", palette.EARLY_DEATH, WHITE, GRAPHIC, "paper"),
        Row("Worsening-free glyph (fill)", palette.STABLE, WHITE, GRAPHIC, "paper"),
        Row("Alive glyph (fill)", palette.PERSONAL, WHITE, GRAPHIC, "paper"),
        Row("White mark on the worsening-free glyph", WHITE, palette.STABLE, GRAPHIC, "paper"),
        Row("White mark on the death glyph", WHITE, palette.EARLY_DEATH, GRAPHIC, "paper"),
        Row("Outline glyph (others)", palette.MUTED, WHITE, GRAPHIC, "paper"),
    ]
    return rows


# -- rendered pixels --------------------------------------------------------------------------------

def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02X}" for c in rgb)


def _pixels(image, region=None) -> Counter:
    from PySide6.QtGui import QColor

    x0, y0, x1, y1 = region or (0, 0, image.width(), image.height())
    counts: Counter = Counter()
    for y in range(max(0, y0), min(image.height(), y1)):
        for x in range(max(0, x0), min(image.width(), x1)):
            colour = QColor(image.pixel(x, y))
            counts[(colour.red(), colour.green(), colour.blue())] += 1
    return counts


def strongest(image, background: str, region=None, least: int = 4) -> str:
    """The colour most different from ``background`` among those drawn at least ``least`` times."""
    counts = _pixels(image, region)
    candidates = [c for c, n in counts.items() if n >= least] or list(counts)
    return max((_hex(c) for c in candidates), key=lambda c: ratio(c, background))


def rendered_rows() -> list[Row]:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from decision_aid.present.graphics import Glyph, Mark
    from decision_aid.report.icons import paint_glyph

    rows: list[Row] = []
    for colour, name in ((palette.EARLY_DEATH, "death"), (palette.STABLE, "worsening-free"),
                         (palette.PERSONAL, "alive")):
        for glyph, what in ((Glyph.OUTCOME, "solid"), (Glyph.UNCERTAIN, "half-filled (range)")):
            image = QImage(64, 64, QImage.Format.Format_RGB32)
            image.fill(QColor(WHITE))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_glyph(painter, QRectF(4, 4, 56, 56), glyph, colour, Mark.CROSS)
            painter.end()
            rows.append(Row(f"{name.capitalize()} glyph, {what}: edge", strongest(image, WHITE), WHITE, GRAPHIC,
                            "pixels: glyph at 56 px on white"))
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(WHITE))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_glyph(painter, QRectF(4, 4, 56, 56), Glyph.OTHER, palette.STABLE, Mark.TICK)
    painter.end()
    rows.append(Row("Outline glyph: edge", strongest(image, WHITE), WHITE, GRAPHIC, "pixels: glyph at 56 px on white"))

    rows += _chart_rows(app)
    return rows


def _chart_rows(app) -> list[Row]:
    """Sample the window's chart: the pixel colours along each curve, against white."""
    from PySide6.QtCore import QPointF

    from decision_aid.model import default_model
    from decision_aid.present.estimate_view import estimate_view
    from decision_aid.ui.pfs_chart import PfsChart

    model = default_model()
    result = model.estimate(model.validate({"age": 38, "course": "rrms", "edss": 4.0, "prior_dmts": 3}), horizon=10)
    view = estimate_view(result, "clinician", model).chart
    chart = PfsChart()
    chart.resize(700, 460)
    chart.show()

    def render(relapsing: bool) -> None:
        nonlocal image
        chart.set_view(view, relapsing, False)  # the band and the personal curve alone when measuring them
        for _ in range(5):
            app.processEvents()
        image = chart.plot.grab().toImage()

    image = None
    vb = chart.plot_item.vb

    def colour_along(item, times, values) -> str:
        dpr = image.devicePixelRatio()
        samples = []
        for t, v in zip(times[::6], values[::6]):
            point = chart.plot.mapFromScene(vb.mapViewToScene(QPointF(float(t), 100 * float(v))))
            x, y = int(point.x() * dpr), int(point.y() * dpr)
            samples.append(strongest(image, WHITE, (x - 1, y - 1, x + 2, y + 2), least=1))
        counts = Counter(samples)
        return counts.most_common(1)[0][0]

    t = view.times
    study, recent = view.study, view.recent
    observed = t <= study.changes_after
    how = "pixels: the mode, along the curve, of the strongest colour within 1 px (window chart, 10 years)"
    render(False)
    rows = [
        Row("Personal curve, the study (rendered)", colour_along(chart.personal, t[observed], study.estimate[observed]),
            WHITE, GRAPHIC, how),
        Row("Band edge, the study (rendered)", colour_along(chart.band_lower, t, study.lower), WHITE, GRAPHIC, how),
    ]
    if recent is not None:  # dashed: the mode along it is the dashes' colour
        rows += [
            Row("Personal curve, later cohorts (rendered)",
                colour_along(chart.recent, t[observed], recent.estimate[observed]), WHITE, GRAPHIC, how),
            Row("Band edge, later cohorts (rendered)", colour_along(chart.recent_band_lower, t, recent.lower), WHITE,
                GRAPHIC, how),
        ]
    # The study's average patient is no longer drawn (issue 23): nothing to measure for it.
    render(True)
    relapsing = view.reference("relapsing")
    rows.append(Row("Relapsing study curve (rendered)", colour_along(chart.relapsing, t, relapsing.values), WHITE,
                    GRAPHIC, how))
    return rows


# -- the window, per system palette ---------------------------------------------------------------------

def chosen_rows(name: str) -> list[Row]:
    """The colours the window chooses for the system palette ``name``, against what they touch."""
    from decision_aid.ui.style import screen_colours

    c = screen_colours(qt_palette(name))
    how = f"{name}: chosen (ui/style.py)"
    return [
        Row(f"{name}: text on the window", c.text, c.window, TEXT, how),
        Row(f"{name}: muted text on the window", c.muted, c.window, TEXT, how),
        Row(f"{name}: field text on its background", c.field_text, c.base, TEXT, how),
        Row(f"{name}: placeholder in a field", c.placeholder, c.base, TEXT, how),
        Row(f"{name}: table text on a shaded row", c.field_text, c.shade, TEXT, how),
        Row(f"{name}: text on the current cell or a checked tool button", c.on_selected, c.selected, TEXT, how),
        *(Row(f"{name}: {what} against the {ground}", colour, background, GRAPHIC, how)
          for what, colour in (("field border", c.border), ("check box and radio outline", c.border),
                               ("focus ring", c.focus), ("refused field border", c.refused),
                               ("current cell, checked tool button", c.selected))
          for ground, background in (("window", c.window), ("field or table", c.base))),
    ]


@dataclass
class Measured:
    """One text or non-text part of a tab, measured from its pixels."""

    palette: str
    tab: str
    kind: str  # "text" or "non-text"
    element: str
    foreground: str
    background: str
    ratio: float = 0.0
    needed: float = field(init=False)

    def __post_init__(self) -> None:
        self.ratio = round(ratio(self.foreground, self.background), 2)
        self.needed = TEXT if self.kind == "text" else GRAPHIC

    @property
    def passes(self) -> bool:
        return self.ratio >= self.needed


def pixels_of(image):
    """A QImage as an (height, width, 3) array of RGB bytes."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).copy()  # the image's memory goes with it


def _colours(pixels) -> tuple[list[str], list[int]]:
    import numpy as np

    flat = pixels.reshape(-1, 3).astype(np.uint32)
    if not len(flat):
        return [], []
    values, counts = np.unique(flat[:, 0] << 16 | flat[:, 1] << 8 | flat[:, 2], return_counts=True)
    return [f"#{int(v):06X}" for v in values], [int(n) for n in counts]


def ground_and_mark(pixels, least: int = 3) -> tuple[str, str] | None:
    """(the most frequent colour, the frequent colour most different from it) of a region: a
    text's background and its letters (antialiasing fringes are rarer than the letters' cores)."""
    colours, counts = _colours(pixels)
    if not colours:
        return None
    ground = colours[counts.index(max(counts))]
    # A thin glyph ("3" at 9 pt) may have no colour drawn 3 times but the background: then every
    # colour counts (a fringe lies between the letter's colour and the background: never stronger).
    frequent = [c for c, n in zip(colours, counts) if n >= least and c != ground] or colours
    return ground, max(frequent, key=lambda c: ratio(c, ground))


def strongest_against(pixels, ground: str, least: int = 2) -> str:
    colours, counts = _colours(pixels)
    frequent = [c for c, n in zip(colours, counts) if n >= least] or colours
    return max(frequent, key=lambda c: ratio(c, ground))


def _short(text: str) -> str:
    text = " ".join(text.replace("&", "").split())
    return text if len(text) <= 40 else text[:39] + "\u2026"


class TabMeasurer:
    """Measures one shown window's current tab (and its toolbar) from rendered pixels."""

    def __init__(self, window, name: str) -> None:
        self.window, self.name = window, name

    def measure(self, tab: str) -> list[Measured]:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        for _ in range(5):
            app.processEvents()
        page = self.window.scroll.widget()
        self.images = {page: pixels_of(page.grab().toImage()), self.window: pixels_of(self.window.grab().toImage())}
        self.tab, self.found = tab, []
        for widget in self._shown():
            self._text(widget)
            self._non_text(widget)
        self._focus_and_current_cell()
        return self.found

    # where a widget is drawn ----------------------------------------------------------------------
    def _shown(self):
        from PySide6.QtWidgets import QWidget

        page = self.window.scroll.widget()
        for widget in self.window.findChildren(QWidget):
            if widget.isVisible() and widget.isEnabled() and widget.width() > 2 and widget.height() > 2 \
                    and not self._inside_plot(widget) and (page.isAncestorOf(widget) or self._outside_page(widget)):
                yield widget

    def _inside_plot(self, widget) -> bool:
        import pyqtgraph as pg

        while widget is not None:
            if isinstance(widget, pg.GraphicsView):
                return True
            widget = widget.parentWidget()
        return False

    def _outside_page(self, widget) -> bool:
        """The toolbar, the review banner, the menu and status bars (drawn in the window)."""
        scroll = self.window.scroll
        return not scroll.isAncestorOf(widget) and widget is not scroll and widget.objectName() != "focusRing"

    def _region(self, widget, rect):
        """The pixels of ``rect`` (in ``widget``'s coordinates) and the image they come from."""
        from PySide6.QtCore import QPoint

        page = self.window.scroll.widget()
        host = page if page.isAncestorOf(widget) else self.window
        origin = widget.mapTo(host, QPoint(0, 0))
        image = self.images[host]
        x0, y0 = max(0, origin.x() + rect.x()), max(0, origin.y() + rect.y())
        x1 = min(image.shape[1], origin.x() + rect.x() + rect.width())
        y1 = min(image.shape[0], origin.y() + rect.y() + rect.height())
        return image[y0:y1, x0:x1], (host, x0, y0, x1, y1)

    def _add(self, kind: str, element: str, pair: tuple[str, str] | None) -> None:
        if pair is not None and pair[0] != pair[1] or kind == "text" and pair is not None:
            self.found.append(Measured(self.name, self.tab, kind, element, pair[1], pair[0]))

    # text ----------------------------------------------------------------------------------------
    def _text(self, widget) -> None:
        from PySide6.QtWidgets import (
            QAbstractButton, QCheckBox, QComboBox, QHeaderView, QLabel, QLineEdit, QMenuBar, QRadioButton, QStyle,
            QStyleOptionButton, QTabBar, QTableWidget, QTextEdit,
        )

        name = type(widget).__name__
        if isinstance(widget, QLabel) and widget.text().strip():
            self._text_in(widget, widget.contentsRect(), f"{name} '{_short(widget.text())}'")
        elif isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
            option = QStyleOptionButton()
            widget.initStyleOption(option) if hasattr(widget, "initStyleOption") else option.initFrom(widget)
            element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(widget, QCheckBox)
                       else QStyle.SubElement.SE_RadioButtonContents)
            self._text_in(widget, widget.style().subElementRect(element, option, widget),
                          f"{name} '{_short(widget.text())}'")
        elif isinstance(widget, QAbstractButton) and widget.text():
            self._text_in(widget, widget.rect().adjusted(3, 3, -3, -3), f"{name} '{_short(widget.text())}'")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                self._text_in(widget, widget.tabRect(index).adjusted(4, 4, -4, -4),
                              f"tab '{_short(widget.tabText(index))}'")
        elif isinstance(widget, QLineEdit) and (widget.text() or widget.placeholderText()):
            what = "field text" if widget.text() else "placeholder"
            self._text_in(widget, widget.rect().adjusted(4, 4, -4, -4),
                          f"{what} '{_short(widget.text() or widget.placeholderText())}'")
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            self._text_in(widget, widget.rect().adjusted(4, 4, -22, -4), f"list '{_short(widget.currentText())}'")
        elif isinstance(widget, QTableWidget):
            self._table_text(widget)
        elif isinstance(widget, QHeaderView) and isinstance(widget.parentWidget(), QTableWidget):
            table = widget.parentWidget()
            for column in range(table.columnCount()):
                left = widget.sectionViewportPosition(column)
                rect = widget.rect().adjusted(left + 3, 3, 0, -3)
                rect.setWidth(widget.sectionSize(column) - 6)
                heading = table.horizontalHeaderItem(column)
                self._text_in(widget, rect, f"table heading '{_short(heading.text() if heading else '')}'")
        elif isinstance(widget, QTextEdit) and widget.toPlainText().strip():
            viewport = widget.viewport()
            self._text_in(viewport, viewport.rect(), f"{name} '{_short(widget.toPlainText())}'")
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                self._text_in(widget, widget.actionGeometry(action).adjusted(2, 2, -2, -2),
                              f"menu '{_short(action.text())}'")

    def _text_in(self, widget, rect, element: str, least: int = 3) -> None:
        pixels, _where = self._region(widget, rect)
        if pixels.size:
            self._add("text", element, ground_and_mark(pixels, least))

    def _table_text(self, table) -> None:
        viewport = table.viewport()
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and item.text().strip():
                    rect = table.visualItemRect(item).adjusted(3, 3, -3, -3)
                    self._text_in(viewport, rect, f"cell '{_short(item.text())}'")

    # non-text ------------------------------------------------------------------------------------
    def _non_text(self, widget) -> None:
        from PySide6.QtCore import QRect
        from PySide6.QtWidgets import (
            QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QRadioButton, QStyle, QStyleOptionButton, QToolButton,
        )

        name = type(widget).__name__
        if isinstance(widget, (QCheckBox, QRadioButton)):
            option = QStyleOptionButton()
            option.initFrom(widget)
            element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(widget, QCheckBox)
                       else QStyle.SubElement.SE_RadioButtonIndicator)
            box = widget.style().subElementRect(element, option, widget)
            around, _where = self._region(widget, widget.rect())
            ground = ground_and_mark(around)
            edge, _ = self._region(widget, QRect(box.x(), box.y() + box.height() // 3, 3, box.height() // 3))
            if ground is not None and edge.size:
                self._add("non-text", f"{name} outline '{_short(widget.text())}'",
                          (ground[0], strongest_against(edge, ground[0], least=1)))
        elif isinstance(widget, (QLineEdit, QComboBox, QPlainTextEdit)) and not isinstance(widget.parentWidget(),
                                                                                             QComboBox):
            edge, (host, x0, y0, _x1, y1) = self._region(widget, QRect(0, widget.height() // 3, 3, widget.height() // 3))
            image = self.images[host]
            outside = image[y0:y1, max(0, x0 - 4):max(0, x0 - 1)]
            if edge.size and outside.size:
                ground = ground_and_mark(outside)[0]
                self._add("non-text", f"field border {name} '{_short(widget.accessibleName())}'",
                          (ground, strongest_against(edge, ground, least=1)))
        elif isinstance(widget, QToolButton) and widget.isChecked():
            inside, (host, x0, y0, _x1, y1) = self._region(widget, widget.rect().adjusted(2, 2, -2, -2))
            image = self.images[host]
            outside = image[y0:y1, max(0, x0 - 6):max(0, x0 - 3)]
            if inside.size and outside.size:
                self._add("non-text", f"checked tool button '{_short(widget.text())}'",
                          (ground_and_mark(outside)[0], ground_and_mark(inside)[0]))

    def _focus_and_current_cell(self) -> None:
        """The focus ring round the tab list, and a table's current cell (the first table, if any)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QTableWidget

        app = QApplication.instance()
        ring = self.window.focus_ring
        self.window.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
        for _ in range(5):
            app.processEvents()
        self._ring("focus ring round the tab list")
        tables = [t for t in self.window.scroll.widget().findChildren(QTableWidget)
                  if t.isVisible() and t.rowCount()]
        if tables:
            table = tables[0]
            table.setFocus(Qt.FocusReason.TabFocusReason)
            table.setCurrentCell(0, 0)
            for _ in range(5):
                app.processEvents()
            self._ring(f"focus ring round '{_short(table.accessibleName())}'")
            image = pixels_of(self.window.grab().toImage())
            rect = table.visualItemRect(table.item(0, 0))
            origin = table.viewport().mapTo(self.window, rect.topLeft())
            cell = image[origin.y() + 3:origin.y() + rect.height() - 3, origin.x() + 3:origin.x() + rect.width() - 3]
            base = ground_and_mark(image[origin.y() + rect.height() + 3:origin.y() + rect.height() + 6,
                                         origin.x() + 3:origin.x() + rect.width() - 3]) if table.rowCount() > 1 else None
            marked = ground_and_mark(cell)
            if marked is not None:
                self._add("text", "current cell text", marked)
                if base is not None:
                    self._add("non-text", "current cell against the other cells", (base[0], marked[0]))
        self.window.profile_form.age.setFocus()
        del ring

    def _ring(self, element: str) -> None:
        ring = self.window.focus_ring
        if not ring.isVisible():
            self.found.append(Measured(self.name, self.tab, "non-text", element + " (not shown)", "#000000", "#000000"))
            return
        image = pixels_of(self.window.grab().toImage())
        origin = ring.mapTo(self.window, ring.rect().topLeft())
        pixels = image[origin.y():origin.y() + ring.height(), origin.x():origin.x() + ring.width()]
        left_edge = pixels[ring.height() // 3: 2 * ring.height() // 3, 0:3]
        outside = image[origin.y() + ring.height() // 3:origin.y() + 2 * ring.height() // 3,
                        max(0, origin.x() - 4):max(0, origin.x() - 1)]
        if left_edge.size and outside.size:
            ground = ground_and_mark(outside)[0]
            self._add("non-text", element, (ground, strongest_against(left_edge, ground, least=1)))


def measure_tabs(name: str, screens: Path | None = None, audience: str = "patient") -> list[Measured]:
    """Every tab of a window shown in the system palette ``name``, measured from its pixels (the
    application's palette is restored afterwards)."""
    import tempfile

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    before = app.palette()
    app.setPalette(qt_palette(name))
    try:
        from decision_aid.ui.main_window import MainWindow

        with tempfile.TemporaryDirectory() as scratch:
            window = MainWindow(settings=QSettings(str(Path(scratch) / "contrast.ini"), QSettings.Format.IniFormat))
            try:
                window.set_profile_fields({"age": "38", "course": "rrms", "edss": "4.0", "prior_dmts": "3"})
                window.set_audience(audience)
                window.set_horizon(10)
                window.resize(1280, 800)
                window.show()
                window.flush()
                found = []
                measurer = TabMeasurer(window, name)
                for index in range(window.tabs.count()):
                    window.tabs.setCurrentIndex(index)
                    for _ in range(10):
                        app.processEvents()
                    tab = window.tabs.tabText(index).replace("&", "")
                    if screens is not None:
                        screens.mkdir(parents=True, exist_ok=True)
                        window.grab().save(str(screens / f"{name}-{index}-window.png"))
                        window.scroll.widget().grab().save(str(screens / f"{name}-{index}-page.png"))
                    found += measurer.measure(tab)
            finally:
                window.consultations.dirty = False
                window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                window.close()
                app.processEvents()
    finally:
        app.setPalette(before)
    return found


def worst_by_tab(found: list[Measured]) -> list[tuple[str, str, Measured | None, Measured | None]]:
    """(palette, tab, the worst text, the worst non-text) in the order measured."""
    order: dict[tuple[str, str], list[Measured]] = {}
    for item in found:
        order.setdefault((item.palette, item.tab), []).append(item)
    rows = []
    for (name, tab), items in order.items():
        text = [i for i in items if i.kind == "text"]
        other = [i for i in items if i.kind != "text"]
        rows.append((name, tab, min(text, key=lambda i: i.ratio, default=None),
                     min(other, key=lambda i: i.ratio, default=None)))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| Element | Foreground | Background | Ratio | Needed | How measured | Result |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row.element} | `{row.foreground}` | `{row.background}` | {row.ratio:.2f}:1 | "
                     f"{row.needed:g}:1 | {row.how} | {'pass' if row.passes else 'FAIL'} |")
    return "\n".join(lines)


def tab_table(found: list[Measured]) -> str:
    lines = ["| Palette | Tab | Worst text | Ratio | Worst non-text | Ratio | Result |", "|---|---|---|---|---|---|---|"]
    for name, tab, text, other in worst_by_tab(found):
        ok = all(i is None or i.passes for i in (text, other))
        lines.append(f"| {name} | {tab} | {text.element if text else '-'} (`{text.foreground if text else ''}` on "
                     f"`{text.background if text else ''}`) | {text.ratio if text else 0:.2f}:1 | "
                     f"{other.element if other else '-'} | {other.ratio if other else 0:.2f}:1 | "
                     f"{'pass' if ok else 'FAIL'} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    screens = Path(argv[argv.index("--screens") + 1]) if "--screens" in argv else None
    rows = palette_rows() + rendered_rows() + [row for name in PALETTES for row in chosen_rows(name)]
    found = [item for name in PALETTES for item in measure_tabs(name, screens)]
    if "--json" in argv:
        print(json.dumps({"rows": [{**asdict(r), "passes": r.passes} for r in rows],
                          "tabs": [{**asdict(i), "passes": i.passes} for i in found]}, indent=1))
    else:
        print(table(rows))
        print()
        print(tab_table(found))
    failed = [r for r in rows if not r.passes] + [i for i in found if not i.passes]
    for item in failed:
        print(f"FAIL: {item}", file=sys.stderr)
    print(f"{len(rows) + len(found) - len(failed)} of {len(rows) + len(found)} pass", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
