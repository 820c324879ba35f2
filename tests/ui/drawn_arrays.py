"""Reading icon arrays back from what was drawn: the window's pixels and the sheet's PDF paths.

Neither reader asks the program what it meant to draw: the window's array is read from the widget's
own grab (two points of each person's body: solid people are coloured on both sides, "possible"
ones on the left half only, the others on neither), the sheet's from the PDF's vector paths (a
person filled with a colour and outlined is solid, an outline over a half-filled person is
"possible", a white person with a grey outline is one of the others).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PySide6.QtGui import QColor

SIDE = 10  # people a row, rows an array


@dataclass(frozen=True)
class Drawn:
    """What an array shows, in reading order: "S" solid, "P" possible, "E" empty (outline)."""

    kinds: str

    @property
    def counts(self) -> tuple[int, int, int]:
        return self.kinds.count("S"), self.kinds.count("P"), self.kinds.count("E")

    @property
    def in_order(self) -> bool:
        """Solid first, then possible, then empty (left to right, top to bottom)."""
        return self.kinds == "".join(sorted(self.kinds, key="SPE".index))


def _near(pixel: QColor, color: QColor, tolerance: int = 40) -> bool:
    return max(abs(pixel.red() - color.red()), abs(pixel.green() - color.green()),
               abs(pixel.blue() - color.blue())) <= tolerance


def _filled(image, x: float, y: float, color: QColor) -> bool:
    """Whether the 3 x 3 pixels round (x, y) are mostly the fill colour rather than white (edges and
    the white mark, antialiased, are neither and are not counted)."""
    white = QColor("white")
    fill = blank = 0
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            pixel = image.pixelColor(int(x) + dx, int(y) + dy)
            fill += _near(pixel, color)
            blank += _near(pixel, white, 20)
    return fill > blank


def read_widget(widget, color: str) -> Drawn:
    """The array as the widget paints it (its grab, at the widget's own size; ``color`` is the
    outcome's fill, to tell it from white)."""
    from decision_aid.ui.icon_array_widget import array_box

    image = widget.grab().toImage()  # device pixels: the glyphs' geometry scales with them
    ratio = image.width() / widget.width()
    box = array_box(min(widget.width(), widget.height()))  # inside the paper's border
    cell = box.width() * ratio / SIDE
    size = cell * 0.88  # the glyph's box inside its cell (report/icons.py leaves 6% each side)
    fill = QColor(color)
    kinds = []
    for index in range(SIDE * SIDE):
        row, column = divmod(index, SIDE)
        cx = box.x() * ratio + (column + 0.5) * cell
        top = box.y() * ratio + (row + 0.5) * cell - size / 2
        y = top + 0.72 * size  # the body's middle: beside the mark, clear of the rounded corners
        left, right = (_filled(image, cx + dx * size, y, fill) for dx in (-0.2, 0.2))
        kinds.append("S" if left and right else "P" if left else "E" if not right else "?")
    return Drawn("".join(kinds))


def _colour(getter, obj) -> tuple[int, int, int] | None:
    r, g, b, a = raw.c_uint(), raw.c_uint(), raw.c_uint(), raw.c_uint()
    return (r.value, g.value, b.value) if getter(obj, r, g, b, a) and a.value else None


def read_pdf_page(path, index: int = 0) -> list[Drawn]:
    """Every 10 x 10 array on the page, in reading order (top to bottom, then left to right)."""
    document = pdfium.PdfDocument(str(path))
    try:
        people = []  # (left, top, width, height, kind) of each person's whole outline
        for obj in document[index].get_objects(max_depth=8):
            if obj.type != raw.FPDF_PAGEOBJ_PATH:
                continue
            mode, stroked = raw.c_int(), raw.FPDF_BOOL()
            raw.FPDFPath_GetDrawMode(obj, mode, stroked)
            fill = _colour(raw.FPDFPageObj_GetFillColor, obj) if mode.value else None
            stroke = _colour(raw.FPDFPageObj_GetStrokeColor, obj) if stroked.value else None
            if stroke is None or stroke == (255, 255, 255):
                continue  # a white mark, a half fill or a white underlay: not a person's outline
            left, bottom, right, top = obj.get_bounds()
            if fill is None:
                kind = "P"
            elif fill == (255, 255, 255):
                kind = "E"
            else:
                kind = "S"
            people.append((left, top, right - left, top - bottom, kind))
    finally:
        document.close()
    return _arrays(people)


def _arrays(people) -> list[Drawn]:
    """Group outlines of one size into arrays of 100 (a legend's glyphs are another size)."""
    sizes = Counter((round(w, 1), round(h, 1)) for _x, _y, w, h, _k in people)
    arrays = []
    for size, number in sizes.items():
        if number < SIDE * SIDE:
            continue
        same = sorted((p for p in people if (round(p[2], 1), round(p[3], 1)) == size), key=lambda p: (-p[1], p[0]))
        pitch = max(size) * 2
        groups: list[list] = []
        for person in same:
            for group in groups:
                if any(abs(person[0] - o[0]) < pitch and abs(person[1] - o[1]) < pitch for o in group):
                    group.append(person)
                    break
            else:
                groups.append([person])
        arrays += groups
    for group in arrays:
        assert len(group) == SIDE * SIDE, f"an array of {len(group)} people"
    arrays.sort(key=lambda g: (-round(max(p[1] for p in g)), min(p[0] for p in g)))
    return [Drawn("".join(p[4] for p in sorted(g, key=lambda p: (-round(p[1], 1), p[0])))) for g in arrays]
