"""The one-page summary sheet: one layout code path for print, print preview and PDF.

Page units are points (the painter is scaled from device pixels), so the layout is identical on
a 1200 dpi PDF writer and a 600 dpi printer. Text is measured with QTextDocument before it is
painted; the spacing shrinks to make everything fit, and if it still does not fit,
:class:`SheetDoesNotFit` is raised: content is never clipped silently.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice, QPainter,
                           QPdfWriter, QPen, QTextDocument)

from .. import palette
from ..safe_io import verify_pdf, write_atomically
from ..model import Estimate
from .chart import ChartStyle, legend_height, paint_chart_legend, paint_pfs_chart
from .decision_page import CONTEXT, WORKSHEET, paint_decision_page
from .icons import Glyph, Mark, paint_glyph, paint_icon_array
from .options import SheetDoesNotFit, SheetOptions  # noqa: F401 (re-exported: the sheet API)
from .sheet_content import PATIENT, TYPE, SheetContent, TypeScale, build_content, bullets
from .text import draw_document, text_document

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_PT = 30.0  # about 10.5 mm: inside what cheap printers can print
GAPS = (11.0, 9.0, 7.0, 5.5, 4.0)  # vertical spacing tried in turn until the page fits
PagePainter = Callable[[QPainter, QRectF], None]


def page_layout(paper: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT), QPageLayout.Unit.Point)


def ensure_gui_application() -> QGuiApplication:
    """Text layout needs a QGuiApplication; make an offscreen one if none is running."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


def render_sheet(device: QPagedPaintDevice, result: Estimate, options: SheetOptions, model=None,
                 extra_pages: Sequence[PagePainter] = (), apply_paper: bool = True) -> None:
    """Paint the sheet on a printer or PDF writer: page 1 (the estimates), page 2 (the evidence
    around them), page 3 (values and questions to fill in), then one page per ``extra_pages`` item.

    ``apply_paper`` sets the paper size from ``options``; the print dialog path passes False so
    the paper the user chose in the dialog is kept (the layout adapts to the page it gets).
    Raises :class:`SheetDoesNotFit` before anything is painted if page 1 would overflow.
    """
    if apply_paper:
        device.setPageLayout(page_layout(options.paper))
    scale = device.logicalDpiX() / 72.0
    page = QRectF(0, 0, device.width() / scale, device.height() / scale)
    plan = layout_sheet(result, options, page, model)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting the sheet (is the output writable?)")
    try:
        painter.scale(scale, scale)
        plan.paint(painter)
        for part in (CONTEXT, WORKSHEET):
            device.newPage()
            paint_decision_page(painter, page, result, result.profile, dict(options.values), options.audience,
                                model=model, part=part)
        for extra in extra_pages:
            device.newPage()
            extra(painter, page)
    finally:
        ended = painter.end()
    if not ended:
        raise OSError("the sheet could not be finished (painting did not end cleanly)")


def layout_sheet(result: Estimate, options: SheetOptions, page: QRectF, model=None) -> "PagePlan":
    """Measure and place page 1 in ``page`` (points, origin at the top-left of the printable area)."""
    if model is None:
        from ..model import default_model

        model = default_model()
    content = build_content(result, options.audience, options.name, options.notes,
                            options.date or _dt.date.today(), model)
    return plan_summary_page(page, content, result, TYPE[options.audience])


def write_pdf(path: str | os.PathLike, result: Estimate, options: SheetOptions, model=None,
              extra_pages: Sequence[PagePainter] = (), not_same_as: str | os.PathLike | None = None) -> Path:
    """Write the sheet as a PDF, whole or not at all (see :mod:`decision_aid.safe_io`).

    The PDF is drawn into a temporary file created 0600 (a sheet may carry a name and notes),
    checked to be complete (painting ended cleanly, ``%%EOF`` and the cross-reference table are
    there), then renamed over ``path``. Raises :class:`SheetDoesNotFit` before anything is
    written, or :class:`~decision_aid.safe_io.WriteError` (an ``OSError``) with the old file kept.
    Only a regular file is replaced: a link, folder, pipe or device at ``path`` is refused.
    """
    ensure_gui_application()

    def produce(temporary: Path) -> None:
        writer = QPdfWriter(str(temporary))
        writer.setTitle("AHSCT decision aid: summary sheet")
        writer.setCreator("decision-aid")
        render_sheet(writer, result, options, model=model, extra_pages=extra_pages)
        del writer  # flushes and closes the file

    return write_atomically(path, produce=produce, verify=verify_pdf, not_same_as=not_same_as)


# -- layout ------------------------------------------------------------------------------------

@dataclass
class Placed:
    """Something measured and positioned on the page; ``paint`` draws it."""

    rect: QRectF
    paint: Callable[[QPainter], None]
    name: str


@dataclass
class PagePlan:
    items: list[Placed]
    page: QRectF
    gap: float

    def paint(self, painter: QPainter) -> None:
        for item in self.items:
            item.paint(painter)

    def rect(self, name: str) -> QRectF:
        return next(item.rect for item in self.items if item.name == name)


def plan_summary_page(page: QRectF, content: SheetContent, result: Estimate, scale: TypeScale) -> PagePlan:
    """Try ever tighter spacing until page 1 fits; raise :class:`SheetDoesNotFit` otherwise."""
    shortfall = 0.0
    for gap in GAPS:
        plan = _plan(page, content, result, scale, gap)
        if isinstance(plan, PagePlan):
            return plan
        shortfall = plan
    raise SheetDoesNotFit(f"the summary needs {shortfall:.0f} pt more than one page; shorten the notes")


def _doc_item(name: str, document: QTextDocument, left: float, top: float) -> Placed:
    size = document.size()
    return Placed(QRectF(left, top, size.width(), size.height()),
                  lambda p, d=document, pt=QPointF(left, top): draw_document(p, d, pt), name)


def _plan(page: QRectF, c: SheetContent, result: Estimate, s: TypeScale, gap: float) -> PagePlan | float:
    """The placed items, or by how many points the page is too short."""
    items: list[Placed] = []
    width = page.width()
    patient = s is TYPE[PATIENT]

    # Header: title with the date (and name) on the right, subtitle, versions in small type, a rule.
    from html import escape
    right_html = f"<p align='right' style='margin:0px'>{c.date_line}</p>"
    if c.name:
        right_html += f"<p align='right' style='margin:0px'>For: <b>{escape(c.name)}</b></p>"
    right_w = width * 0.22
    right = text_document(right_html, right_w, s.body)
    title = text_document(
        f"<p style='margin:0px'><span style='font-size:{s.title:g}px; font-weight:700'>{c.title}</span></p>",
        width - right_w - 8, s.body)
    items.append(_doc_item("title", title, 0, 0))
    items.append(_doc_item("date", right, width - right_w, 0))
    y = max(title.size().height(), right.size().height()) + 1
    subtitle = text_document(f"<p style='margin:0px'>{c.subtitle}</p>", width, s.small + 2)
    items.append(_doc_item("subtitle", subtitle, 0, y))
    y += subtitle.size().height() + 1
    versions = text_document(f"<p style='margin:0px'>{c.versions_line}</p>", width, s.small, palette.MUTED)
    items.append(_doc_item("versions", versions, 0, y))
    y += versions.size().height() + 3
    rule_y = y
    items.append(Placed(QRectF(0, rule_y, width, 1), lambda p: _rule(p, rule_y, width, 1.2), "rule"))
    y += gap

    # The profile across the page, then two columns.
    profile = text_document(c.profile_html, width, s.body)
    items.append(_doc_item("profile", profile, 0, y))
    y += profile.size().height() + gap
    column_gap = 16.0
    left_w = width * 0.5
    right_x = left_w + column_gap
    right_w = width - right_x
    top = y
    icon = 68.0 if patient else 62.0
    for index, key in enumerate(c.key_numbers):
        text = text_document(key.html, left_w - icon - 8, s.body)
        row_h = max(icon, text.size().height())
        box = QRectF(0, y, icon, icon)
        items.append(Placed(box, lambda p, b=box, a=key.array: paint_icon_array(p, b, a), f"icons{index}"))
        items.append(_doc_item(f"key{index}", text, icon + 8, y))
        y += row_h + gap * 0.8
    legend_rect = QRectF(0, y, icon_legend_width(c, s.small), s.small * 1.7)
    items.append(Placed(legend_rect, lambda p, r=legend_rect: _icon_legend(p, r, c, s.small), "icon_legend"))
    y = legend_rect.bottom() + gap
    if c.hazard_html:
        hazards = text_document(c.hazard_html, left_w, s.small + 0.5)
        items.append(_doc_item("hazard_ratios", hazards, 0, y))
        y += hazards.size().height()
    left_bottom = y

    y = top
    chart_title = text_document(
        f"<p style='margin:0px'><span style='font-size:{s.heading:g}px; font-weight:600'>{c.chart_title}</span></p>",
        right_w, s.body)
    items.append(_doc_item("chart_title", chart_title, right_x, y))
    y += chart_title.size().height() + 2
    style = ChartStyle(font_px=s.chart, patient=patient)
    chart = QRectF(right_x, y, right_w, right_w * (0.64 if patient else 0.6))
    items.append(Placed(chart, lambda p, r=chart: paint_pfs_chart(p, r, result, style), "chart"))
    y = chart.bottom() + 4
    legend = QRectF(right_x, y, right_w, legend_height(result, style))
    items.append(Placed(legend, lambda p, r=legend: paint_chart_legend(p, r, result, style), "chart_legend"))
    y = legend.bottom() + gap * 0.6
    if c.chart_note_html:
        note = text_document(c.chart_note_html, right_w, s.small + 0.5)
        items.append(_doc_item("chart_note", note, right_x, y))
        y += note.size().height()
    y = max(left_bottom, y) + gap

    # Warnings that apply to this profile (marked), then the limits that always hold.
    pad, bar = 5.0, 4.0
    html = ""
    if c.warnings:
        html += ("<p style='margin:0px 0px 2px 0px'><b>Please note (applies to this profile)</b></p>"
                 + "".join(f"<p style='margin:0px 0px 1px 0px'>\u26a0 {w}</p>" for w in c.warnings))
    html += (f"<p style='margin:{3 if c.warnings else 0}px 0px 1px 0px'><b>Limits of these numbers</b></p>"
             + bullets(c.caveats))
    warn = text_document(html, width - 2 * pad - bar - 4, s.small + (1.5 if patient else 1))
    box = QRectF(0, y, width, warn.size().height() + 2 * pad)
    items.append(Placed(box, lambda p, b=box, w=bar: _warning_box(p, b, w), "warnings_box"))
    items.append(_doc_item("warnings", warn, bar + 4 + pad, y + pad))
    y = box.bottom() + gap

    # What the numbers mean / do not mean, side by side in one ruled box.
    pad = 5.0
    half = (width - 3 * pad - 10) / 2
    means = text_document(c.means_html, half, s.small + (1.5 if patient else 1))
    not_mean = text_document(c.does_not_mean_html, half, s.small + (1.5 if patient else 1))
    box_h = max(means.size().height(), not_mean.size().height()) + 2 * pad
    box = QRectF(0, y, width, box_h)
    items.append(Placed(box, lambda p, b=box: _box(p, b, 0.8), "meaning_box"))
    items.append(_doc_item("means", means, pad, y + pad))
    items.append(_doc_item("does_not_mean", not_mean, pad * 2 + half + 10, y + pad))
    y = box.bottom() + gap

    # Small print goes at the bottom; the notes box takes what is left.
    small = text_document(c.small_print_html, width, s.small, palette.TEXT)
    small_top = page.height() - small.size().height()
    notes_html = "<p style='margin:0px 0px 2px 0px'><b>Notes</b></p>"
    if c.notes.strip():
        notes_html += "".join(f"<p style='margin:0px'>{escape(line) or '&nbsp;'}</p>"
                              for line in c.notes.strip().splitlines())
    notes = text_document(notes_html, width - 2 * pad, s.body)
    line_h = s.body * 1.7
    minimum = notes.size().height() + 2 * pad + (0 if c.notes.strip() else 2 * line_h)
    available = small_top - gap - y
    if available < minimum:
        return minimum - available
    notes_box = QRectF(0, y, width, available)
    ruled = not c.notes.strip()
    items.append(Placed(notes_box, lambda p, b=notes_box, top=notes.size().height(): _notes_box(
        p, b, top + pad, line_h, ruled), "notes_box"))
    items.append(_doc_item("notes", notes, pad, y + pad))
    items.append(_doc_item("small_print", small, 0, small_top))
    too_wide = max(item.rect.right() for item in items) - width
    if too_wide > 0.5:
        raise SheetDoesNotFit(f"the summary is {too_wide:.0f} pt too wide for the page")
    return PagePlan(items, page, gap)


# -- painters -------------------------------------------------------------------------------------

def _rule(painter: QPainter, y: float, width: float, thickness: float) -> None:
    painter.setPen(QPen(QColor(palette.TEXT), thickness))
    painter.drawLine(QPointF(0, y), QPointF(width, y))


def _box(painter: QPainter, rect: QRectF, thickness: float) -> None:
    painter.save()
    painter.setPen(QPen(QColor(palette.MUTED), thickness))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.restore()


def _warning_box(painter: QPainter, rect: QRectF, bar: float) -> None:
    painter.save()
    painter.setPen(QPen(QColor(palette.TEXT), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.fillRect(QRectF(rect.left(), rect.top(), bar, rect.height()), QColor(palette.TEXT))
    painter.restore()


def _notes_box(painter: QPainter, rect: QRectF, first_line: float, line_h: float, ruled: bool) -> None:
    _box(painter, rect, 0.8)
    if not ruled:
        return
    painter.save()
    painter.setPen(QPen(QColor(palette.BAND), 0.6))
    y = rect.top() + first_line + line_h
    while y < rect.bottom() - line_h * 0.4:
        painter.drawLine(QPointF(rect.left() + 6, y), QPointF(rect.right() - 6, y))
        y += line_h
    painter.restore()


def _icon_legend(painter: QPainter, rect: QRectF, content: SheetContent, size: float) -> None:
    """One row: glyph, words, glyph, words... in the same shapes as the arrays."""
    kinds = {"outcome": Glyph.OUTCOME, "uncertain": Glyph.UNCERTAIN, "other": Glyph.OTHER}
    font = QFont()
    font.setPixelSize(max(1, round(size)))
    metrics = QFontMetricsF(font)
    cell_size = rect.height()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    x = rect.left()
    for kind, words in content.legend:
        cell = QRectF(x, rect.top(), cell_size, cell_size)
        paint_glyph(painter, cell.adjusted(1, 1, -1, -1), kinds[kind], palette.MUTED, Mark.TICK)
        painter.setFont(font)
        painter.setPen(QColor(palette.TEXT))
        text_w = metrics.horizontalAdvance(words) + 2
        painter.drawText(QRectF(cell.right() + 3, cell.top(), text_w, cell_size), Qt.AlignmentFlag.AlignVCenter, words)
        x = cell.right() + 3 + text_w + 10
    painter.restore()


def icon_legend_width(content: SheetContent, size: float) -> float:
    font = QFont()
    font.setPixelSize(max(1, round(size)))
    metrics = QFontMetricsF(font)
    return sum(size * 1.7 + 3 + metrics.horizontalAdvance(words) + 2 + 10 for _, words in content.legend) - 10


__all__ = ["SheetOptions", "SheetDoesNotFit", "render_sheet", "write_pdf", "page_layout", "layout_sheet",
           "plan_summary_page", "ensure_gui_application", "PAPER_SIZES"]
