"""A small flow layout for printed pages: blocks stacked down the page, carried on to the next
page when they do not fit, so a sheet is never refused and nothing is ever clipped.

Units are points (the painter is scaled from device pixels). A block is measured at the page's
width before anything is painted; a block that does not fit in what is left of a page moves to
the next one, and a text block taller than a whole page is split across pages by Qt's own text
pagination (lines and table rows are never cut in half).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol, Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextDocument

from .. import palette
from .text import text_document

Painter = Callable[[QPainter, QRectF], None]


class Block(Protocol):
    def measure(self, width: float) -> float:
        """The height at ``width``."""

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the whole block into ``rect`` (its measured height)."""


@dataclass
class Text:
    """Rich text (HTML built from plain text that was escaped) at one type size."""

    html: str
    size: float
    color: str = palette.TEXT
    style: str = ""
    name: str = ""
    keep_with_next: bool = False  # a heading moves to the next page with what it introduces
    document: QTextDocument | None = field(default=None, init=False, repr=False)

    def measure(self, width: float) -> float:
        self.document = text_document(self.html, width, self.size, self.color, self.style)
        self.too_wide = max(0.0, self.document.size().width() - width)  # tests require 0
        return self.document.size().height()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.translate(rect.topLeft())
        self.document.drawContents(painter)
        painter.restore()

    def pages(self, page_height: float) -> list[float]:
        """Heights of the parts when the text is split into pages of ``page_height``."""
        document = self.document
        document.setPageSize(QSizeF(document.textWidth(), page_height))
        count = document.pageCount()
        end = document.documentLayout().blockBoundingRect(document.lastBlock()).bottom()
        return [page_height] * (count - 1) + [max(0.0, end - page_height * (count - 1))]

    def paint_part(self, painter: QPainter, rect: QRectF, index: int, page_height: float) -> None:
        top = index * page_height
        painter.save()
        painter.translate(rect.left(), rect.top() - top)
        clip = QRectF(0, top, rect.width(), page_height)
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self.document.documentLayout().draw(painter, context)
        painter.restore()


@dataclass
class Graphic:
    """A drawing of fixed height (an icon array, the chart, writing lines)."""

    height: float
    painter: Painter
    name: str = ""
    keep_with_next: bool = False

    def measure(self, width: float) -> float:
        return self.height

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        self.painter(painter, rect)


@dataclass
class Spacer:
    height: float

    def measure(self, width: float) -> float:
        return self.height

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        pass


@dataclass
class PageBreak:
    """Start the next block on a new page (a new section of the sheet), unless the current page
    is filled less than ``unless_below`` (a section that spilled over shares the page)."""

    unless_below: float = 0.0

    def measure(self, width: float) -> float:
        return 0.0

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        pass


@dataclass
class Columns:
    """Blocks side by side, each column a stack; kept together on one page."""

    columns: Sequence[tuple[float, Sequence[Block]]]  # (width fraction, blocks)
    gap: float = 12.0
    spacing: float = 4.0
    name: str = ""
    _placed: list[tuple[Block, QRectF]] = field(default_factory=list, init=False, repr=False)

    def measure(self, width: float) -> float:
        usable = width - self.gap * (len(self.columns) - 1)
        self._placed, x, bottom = [], 0.0, 0.0
        for fraction, blocks in self.columns:
            column_width = usable * fraction
            y = 0.0
            for block in blocks:
                height = block.measure(column_width)
                self._placed.append((block, QRectF(x, y, column_width, height)))
                y += height + self.spacing
            bottom = max(bottom, y - self.spacing if blocks else 0.0)
            x += column_width + self.gap
        return bottom

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        for block, placed in self._placed:
            block.paint(painter, placed.translated(rect.topLeft()))

    def children(self) -> list[tuple[Block, QRectF]]:
        return list(self._placed)


@dataclass
class Framed:
    """A text block inside a ruled frame (optionally with a thick left bar); when it is taller
    than a page it continues on the next page inside a frame of its own."""

    inner: Block  # a Text block may be split across pages; any other block stays whole
    padding: float = 5.0
    bar: float = 0.0
    line: float = 0.8
    minimum: float = 0.0  # e.g. room to write in an empty notes box
    ruled: float = 0.0  # distance between writing lines drawn below the text (0: none)
    name: str = ""

    def _inset(self) -> float:
        return self.padding * 2 + self.bar + (4 if self.bar else 0)

    def measure(self, width: float) -> float:
        return max(self.minimum, self.inner.measure(width - self._inset()) + 2 * self.padding)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        self._frame(painter, rect)
        self.inner.paint(painter, self._content(rect))
        if self.ruled:
            self._rules(painter, rect, self.inner.measure(rect.width() - self._inset()))

    def pages(self, page_height: float) -> list[float]:
        if not isinstance(self.inner, Text):
            raise TypeError(f"{self.name or 'a framed block'} is taller than a page and cannot be split")
        return [h + 2 * self.padding for h in self.inner.pages(page_height - 2 * self.padding)]

    def paint_part(self, painter: QPainter, rect: QRectF, index: int, page_height: float) -> None:
        self._frame(painter, rect)
        self.inner.paint_part(painter, self._content(rect), index, page_height - 2 * self.padding)

    def _content(self, rect: QRectF) -> QRectF:
        left = self.padding + self.bar + (4 if self.bar else 0)
        return QRectF(rect.left() + left, rect.top() + self.padding, rect.width() - self._inset(),
                      rect.height() - 2 * self.padding)

    def _frame(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setPen(QPen(QColor(palette.TEXT if self.bar else palette.MUTED), self.line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if self.bar:
            painter.fillRect(QRectF(rect.left(), rect.top(), self.bar, rect.height()), QColor(palette.TEXT))
        painter.restore()

    def _rules(self, painter: QPainter, rect: QRectF, text_height: float) -> None:
        painter.save()
        painter.setPen(QPen(QColor(palette.BAND), 0.6))
        y = rect.top() + self.padding + text_height + self.ruled
        while y < rect.bottom() - self.ruled * 0.4:
            painter.drawLine(QPointF(rect.left() + 6, y), QPointF(rect.right() - 6, y))
            y += self.ruled
        painter.restore()


@dataclass
class Placed:
    block: Block
    rect: QRectF
    part: int | None = None  # which page-sized part of a split block, or None for the whole


@dataclass
class Page:
    items: list[Placed] = field(default_factory=list)
    overflow: float = 0.0  # how far an unsplittable block runs past the page (tests require 0)

    def names(self) -> list[str]:
        return [name for name, _ in self.named()]

    def named(self) -> list[tuple[str, QRectF]]:
        """Every named block on the page with its rectangle, inside columns too (for tests)."""
        found: list[tuple[str, QRectF]] = []

        def visit(block, rect: QRectF) -> None:
            if getattr(block, "name", ""):
                found.append((block.name, rect))
            for child, placed in getattr(block, "children", lambda: [])():
                visit(child, placed.translated(rect.topLeft()))

        for item in self.items:
            visit(item.block, item.rect)
        return found

    def blocks(self) -> list[Block]:
        """Every block on the page, inside columns and frames too."""
        found: list[Block] = []

        def visit(block) -> None:
            found.append(block)
            for child, _ in getattr(block, "children", lambda: [])():
                visit(child)
            if isinstance(block, Framed):
                visit(block.inner)

        for item in self.items:
            visit(item.block)
        return found

    def rect(self, name: str) -> QRectF | None:
        return next((r for n, r in self.named() if n == name), None)


def paginate(blocks: Sequence[Block], width: float, height: float, gap: float) -> list[Page]:
    """Place ``blocks`` on pages of ``width`` x ``height``; never clips, never refuses."""
    pages = [Page()]
    y = 0.0
    heights = [0.0 if isinstance(b, PageBreak) else b.measure(width) for b in blocks]
    for index, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            if pages[-1].items and y > height * block.unless_below:
                pages.append(Page())
                y = 0.0
            continue
        measured = heights[index]
        needed = measured + _kept_with(blocks, heights, index, gap)
        if y > 0 and y + needed > height:
            pages.append(Page())
            y = 0.0
        if measured <= height or not hasattr(block, "pages"):
            pages[-1].items.append(Placed(block, QRectF(0, y, width, measured)))
            pages[-1].overflow = max(pages[-1].overflow, y + measured - height)
            y += measured + gap
            continue
        parts = block.pages(height)
        for index, part in enumerate(parts):
            if index:
                pages.append(Page())
            pages[-1].items.append(Placed(block, QRectF(0, 0, width, part), index))
        y = parts[-1] + gap
    return pages


def _kept_with(blocks: Sequence[Block], heights: Sequence[float], index: int, gap: float) -> float:
    """The height of what must follow a keep-with-next block on the same page (its next block,
    or the first page-sized part of it)."""
    extra = 0.0
    while getattr(blocks[index], "keep_with_next", False) and index + 1 < len(blocks):
        index += 1
        extra += gap + min(heights[index], 0.25 * sum(heights))
    return extra


def paint_page(painter: QPainter, page: Page, origin: QPointF, page_height: float) -> None:
    for placed in page.items:
        rect = placed.rect.translated(origin)
        if placed.part is None:
            placed.block.paint(painter, rect)
        else:
            placed.block.paint_part(painter, rect, placed.part, page_height)
