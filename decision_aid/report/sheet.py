"""The summary sheet: one layout code path for print, print preview and PDF.

Page units are points (the painter is scaled from device pixels), so the layout is identical on
a 1200 dpi PDF writer and a 600 dpi printer. The content is a flow of measured blocks
(:mod:`.flow`): a block that does not fit moves to the next page and a very long one (notes, a
table) continues across pages, so any valid profile with any allowed name and notes makes a
sheet, and nothing is ever clipped. Every page carries a footer with the page number.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice,
                           QPainter, QPdfWriter, QPen)

from .. import palette
from ..display import draw_offscreen
from ..safe_io import check_output_target, verify_pdf, write_atomically
from ..terminal import interrupts_deferred
from ..model import Estimate
from ..present.i18n import _, use_language
from ..present.sheet_view import SheetView, sheet_view
from .flow import Block, Page, paginate, paint_page
from .options import SheetDoesNotFit, SheetOptions  # noqa: F401 (re-exported: the sheet API)
from .assemble import sheet_blocks
from .sheet_content import COMPACT_LEVELS, TYPE

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_PT = 30.0  # about 10.5 mm: inside what cheap printers can print
GAP = 7.0  # between blocks


def page_layout(paper: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT), QPageLayout.Unit.Point)


def ensure_gui_application() -> QGuiApplication:
    """Text layout needs a QGuiApplication; make an offscreen one if none is running."""
    app = QGuiApplication.instance()
    if app is None:
        draw_offscreen()
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


@dataclass
class SheetLayout:
    """The measured sheet: its pages of placed blocks, the page and the footer."""

    view: SheetView
    pages: list[Page]
    page: QRectF
    content_height: float
    footer_font: QFont
    language: str = "en"
    compact: int = 0  # the index in COMPACT_LEVELS the first two pages needed

    def paint_page(self, painter: QPainter, index: int) -> None:
        paint_page(painter, self.pages[index], QPointF(0, 0), self.content_height)
        self._footer(painter, index)

    def _footer(self, painter: QPainter, index: int) -> None:
        """The running title with the review dates and the page number: wrapped onto as many lines
        as they need, never cut short (a cut date would be a silent lie). A translation's draft note
        is on page 1 only (issue 26), not in every footer."""
        metrics = QFontMetricsF(self.footer_font)
        with use_language(self.language):
            right = self.view.page_label(index + 1, len(self.pages))
        title_box = footer_box(self.view, self.footer_font, self.page)
        painter.save()
        painter.setFont(self.footer_font)
        painter.setPen(QPen(QColor(palette.MUTED), 0.5))
        top = self.content_height + 2
        painter.drawLine(QPointF(0, top), QPointF(self.page.width(), top))
        y = top + 2
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(title_box.translated(0, y), wrap, footer_title(self.view))
        painter.drawText(QRectF(self.page.width() - metrics.horizontalAdvance(right) - 4, y,
                                metrics.horizontalAdvance(right) + 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right)
        painter.restore()


def footer_title(view: SheetView) -> str:
    return view.running_title + (f" \u2014 {view.name}" if view.name else "")


def footer_box(view: SheetView, font: QFont, page: QRectF) -> QRectF:
    """The wrapped box (origin at the footer's top) of the running title, which leaves room on its
    right for the widest page label this sheet could have."""
    metrics = QFontMetricsF(font)
    wrap = int(Qt.TextFlag.TextWordWrap)
    label = view.page_label(999, 999)
    title_width = max(1.0, page.width() - metrics.horizontalAdvance(label) - 12)
    title = metrics.boundingRect(QRectF(0, 0, title_width, 1e6), wrap, footer_title(view))
    return QRectF(0, 0, title_width, max(title.height(), metrics.height()))


def build_view(result: Estimate, options: SheetOptions, model=None) -> SheetView:
    if model is None:
        from ..model import default_model

        model = default_model()
    with use_language(options.language):
        return sheet_view(result, options.audience, model, name=options.name, notes=options.notes,
                          date=options.date or _dt.date.today(), values=dict(options.values),
                          comparison=options.comparison, left_out=options.left_out)


def layout_sheet(result: Estimate, options: SheetOptions, page: QRectF, model=None,
                 extra_blocks: Sequence[Block] = ()) -> SheetLayout:
    """Measure every block and place it on pages of ``page`` (points, origin top-left)."""
    view = build_view(result, options, model)
    font = QFont()
    font.setPixelSize(max(1, round(TYPE[view.estimate.audience].small)))
    with use_language(options.language):
        title_box = footer_box(view, font, page)
    height = page.height() - (title_box.height() + 6)
    # The first two pages carry the key numbers, the options and the questions in brief (issue 25,
    # item 3): the least compact setting that ends the questions on page 2, measured, not guessed
    # (where none does, the sheet keeps its full sizes); the clinician's smaller type is never made smaller
    levels = [c for c in COMPACT_LEVELS if not (c.smaller and view.estimate.audience.clinician)]
    laid = []
    for level, compact in enumerate(levels):
        laid.append(paginate(sheet_blocks(view, extra_blocks, compact), page.width(), height, min(GAP, compact.gap)))
        if any(page_.rect(CORE_END) for page_ in laid[-1][:2]):
            break
    else:
        level = 0
        laid.append(paginate(sheet_blocks(view, extra_blocks), page.width(), height, GAP))
    return SheetLayout(view, laid[-1], page, height, font, options.language, level)


#: The last block of the first two pages' core.
CORE_END = "questions_brief"


def render_sheet(device: QPagedPaintDevice, result: Estimate, options: SheetOptions, model=None,
                 extra_blocks: Sequence[Block] = (), apply_paper: bool = True) -> SheetLayout:
    """Paint the whole sheet on a printer or PDF writer, as many pages as it needs.

    ``apply_paper`` sets the paper size from ``options``; the print dialog path passes False so
    the paper the user chose in the dialog is kept (the layout adapts to the page it gets).
    """
    if apply_paper:
        device.setPageLayout(page_layout(options.paper))
    scale = device.logicalDpiX() / 72.0
    page = QRectF(0, 0, device.width() / scale, device.height() / scale)
    layout = layout_sheet(result, options, page, model, extra_blocks)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting the sheet (is the output writable?)")
    try:
        painter.scale(scale, scale)
        for index in range(len(layout.pages)):
            if index:
                device.newPage()
            layout.paint_page(painter, index)
    finally:
        ended = painter.end()
    if not ended:
        raise OSError("the sheet could not be finished (painting did not end cleanly)")
    return layout


def write_pdf(path: str | os.PathLike, result: Estimate, options: SheetOptions, model=None,
              extra_blocks: Sequence[Block] = (), not_same_as: str | os.PathLike | None = None) -> Path:
    """Write the sheet as a PDF (see :func:`write_pdf_pages`) and return its path."""
    return write_pdf_pages(path, result, options, model, extra_blocks, not_same_as)[0]


def write_pdf_pages(path: str | os.PathLike, result: Estimate, options: SheetOptions, model=None,
                    extra_blocks: Sequence[Block] = (),
                    not_same_as: str | os.PathLike | None = None) -> tuple[Path, int]:
    """Write the sheet as a PDF, whole or not at all (see :mod:`decision_aid.safe_io`).

    The PDF is drawn in memory, so Qt never opens a file by name (a folder whose name is not valid
    UTF-8 is written like any other), then written to a temporary file created 0600 (a sheet may
    carry a name and notes), read back, checked to be complete (``%%EOF`` and the cross-reference
    table are there) and renamed over ``path``. Raises :class:`~decision_aid.safe_io.WriteError`
    (an ``OSError``) with the old file kept. Only a regular file is replaced: a link, folder, pipe
    or device at ``path`` is refused.
    """
    ensure_gui_application()
    from ..context.values import ValuesChoices

    ValuesChoices(dict(options.values))  # unknown answers are refused before any file is touched
    check_output_target(path, not_same_as)  # before the drawing, which takes a while
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    with use_language(options.language):
        writer.setTitle(_("AHSCT decision aid: summary sheet"))
    writer.setCreator("decision-aid")
    with interrupts_deferred():  # Ctrl-C after the drawing (a second), never with the painter half-way
        pages = len(render_sheet(writer, result, options, model=model, extra_blocks=extra_blocks).pages)
        del writer  # finishes the PDF
        buffer.close()
    written = write_atomically(path, bytes(encoded.data()), verify=verify_pdf, not_same_as=not_same_as)
    return written, pages


__all__ = ["SheetOptions", "SheetDoesNotFit", "SheetLayout", "render_sheet", "write_pdf", "page_layout",
           "layout_sheet", "ensure_gui_application", "PAPER_SIZES", "write_pdf_pages"]
