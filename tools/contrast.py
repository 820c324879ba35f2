"""Measure the WCAG contrast of every text and graphic the window and the sheet draw.

Two kinds of row:

- ``palette``: the ratio computed from the colours in :mod:`decision_aid.palette` (what the code
  asks for);
- ``pixels``: the ratio between colours read back from a rendering (Qt offscreen): the glyphs of
  the icon arrays, the chart's curves and band edges, field borders, placeholder text, the focus
  ring. For a line or a glyph edge the colour taken is the one most different from the background
  among the pixels that occur at least a few times (so antialiasing fringes do not count).

WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for large text and for graphics and component boundaries
(1.4.11). ``python tools/contrast.py`` prints a Markdown table (docs/ACCESSIBILITY.md has it) and
exits 1 if a row fails; ``--json`` prints the rows as JSON.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from decision_aid import palette  # noqa: E402

TEXT, GRAPHIC = 4.5, 3.0
WHITE = "#FFFFFF"
WINDOW = "#EFEFEF"  # the window background (Fusion's default)


def luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour: str, alpha: int, background: str = WHITE) -> str:
    """``colour`` at ``alpha`` (0-255) painted over ``background``."""
    fg = [int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    bg = [int(background.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(b + (f - b) * alpha / 255):02X}" for f, b in zip(fg, bg))


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
    band = over(palette.PERSONAL, palette.BAND_ALPHA)
    rows = [
        Row("Body text", palette.TEXT, WINDOW, TEXT, "palette"),
        Row("Muted text (explanations, optional fields)", palette.MUTED, WINDOW, TEXT, "palette"),
        Row("Warning note text on its tint", palette.TEXT, palette.NOTE_BACKGROUND, TEXT, "palette"),
        Row("Placeholder text in a field", palette.PLACEHOLDER, WHITE, TEXT, "palette"),
        Row("Chart label 'N in 100 at 5 years' (bold, 13 pt)", palette.PERSONAL, WHITE, TEXT, "palette"),
        Row("Chart region label 'after 5 years: extrapolated'", palette.MUTED, palette.EXTRAPOLATED, TEXT, "palette"),
        Row("Field border", palette.FIELD_BORDER, WHITE, GRAPHIC, "palette"),
        Row("Field border against the window", palette.FIELD_BORDER, WINDOW, GRAPHIC, "palette"),
        Row("Refused field border", palette.EARLY_DEATH, WHITE, GRAPHIC, "palette"),
        Row("Focus ring on white", palette.FOCUS, WHITE, GRAPHIC, "palette"),
        Row("Focus ring on the window", palette.FOCUS, WINDOW, GRAPHIC, "palette"),
        Row("Personal curve", palette.PERSONAL, WHITE, GRAPHIC, "palette"),
        Row("Personal curve on the band", palette.PERSONAL, band, GRAPHIC, "palette"),
        Row("Band edges", palette.PERSONAL, WHITE, GRAPHIC, "palette"),
        Row("Average-patient curve", palette.REFERENCE_LINE, WHITE, GRAPHIC, "palette"),
        Row("Average-patient curve on the band", palette.REFERENCE_LINE, band, GRAPHIC, "palette"),
        Row("Relapsing study curve", palette.SKY_LINE, WHITE, GRAPHIC, "palette"),
        Row("Progressive study curve", palette.MUTED, WHITE, GRAPHIC, "palette"),
        Row("Axes and ticks", palette.MUTED, WHITE, GRAPHIC, "palette"),
        Row("Death glyph (fill)", palette.EARLY_DEATH, WHITE, GRAPHIC, "palette"),
        Row("Worsening-free glyph (fill)", palette.STABLE, WHITE, GRAPHIC, "palette"),
        Row("Alive glyph (fill)", palette.PERSONAL, WHITE, GRAPHIC, "palette"),
        Row("White mark on the worsening-free glyph", WHITE, palette.STABLE, GRAPHIC, "palette"),
        Row("White mark on the death glyph", WHITE, palette.EARLY_DEATH, GRAPHIC, "palette"),
        Row("Outline glyph (others)", palette.MUTED, WHITE, GRAPHIC, "palette"),
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
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QVBoxLayout

    app = QApplication.instance() or QApplication([])
    from decision_aid.present.graphics import Glyph, Mark
    from decision_aid.report.icons import paint_glyph
    from decision_aid.ui.style import FIELD_STYLE, apply_accessible_style

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

    host = QWidget()
    host.resize(300, 80)
    layout = QVBoxLayout(host)
    empty, filled = QLineEdit(), QLineEdit()
    empty.setPlaceholderText("optional")
    filled.setText("38")
    for edit in (empty, filled):
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # measured unfocused (no blue ring, no text cursor)
        edit.setStyleSheet(FIELD_STYLE)
        layout.addWidget(edit)
    apply_accessible_style(host)
    host.show()
    app.processEvents()
    picture = empty.grab().toImage()
    h = picture.height()
    rows.append(Row("Field border (rendered)", strongest(picture, WHITE, (0, h // 3, 2, 2 * h // 3), least=2),
                    WHITE, GRAPHIC, "pixels: left edge of a line edit"))
    rows.append(Row("Placeholder text (rendered)", strongest(picture, WHITE, (6, 4, 80, h - 4), least=3), WHITE,
                    TEXT, "pixels: darkest frequent colour of the placeholder"))
    host.close()
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
    observed = t <= view.extrapolated_after
    how = "pixels: the mode, along the curve, of the strongest colour within 1 px (window chart, 10 years)"
    render(False)
    rows = [
        Row("Personal curve (rendered)", colour_along(chart.personal, t[observed], view.estimate[observed]), WHITE,
            GRAPHIC, how),
        Row("Band edge (rendered)", colour_along(chart.band_lower, t, view.lower), WHITE, GRAPHIC, how),
        Row("Average-patient curve (rendered)", colour_along(chart.average, t, view.average), WHITE, GRAPHIC, how),
    ]
    render(True)
    rows.append(Row("Relapsing study curve (rendered)", colour_along(chart.relapsing, t, view.relapsing), WHITE,
                    GRAPHIC, how))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| Element | Foreground | Background | Ratio | Needed | How measured | Result |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row.element} | `{row.foreground}` | `{row.background}` | {row.ratio:.2f}:1 | "
                     f"{row.needed:g}:1 | {row.how} | {'pass' if row.passes else 'FAIL'} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    rows = palette_rows() + rendered_rows()
    if "--json" in argv:
        print(json.dumps([{**asdict(r), "passes": r.passes} for r in rows], indent=1))
    else:
        print(table(rows))
    failed = [r for r in rows if not r.passes]
    print(f"{len(rows) - len(failed)} of {len(rows)} pass", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
