"""What the sheet says, as blocks for the flow layout (no page positions, no painting of pages).

Every sentence comes from the presentation layer (:mod:`decision_aid.present`), the same words
the window shows; this module only chooses type sizes, groups blocks and escapes text into the
small HTML that Qt's text layout measures. Nothing from a file or a field is ever interpreted:
every text goes through :func:`html.escape`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from .. import palette
from ..present.audience import Audience
from ..present.estimate_view import EraPairView, EstimateView, NoteView, OutcomeCard
from ..present.graphics import LegendEntry
from ..present.sheet_view import SheetView
from .chart import ChartStyle, legend_height, minimum_chart_height, paint_chart_legend, paint_pfs_chart
from .flow import Block, Columns, Framed, Graphic, Text
from .icons import paint_glyph, paint_icon_array


@dataclass(frozen=True)
class TypeScale:
    """Sizes in points on paper (page units are points)."""

    title: float
    heading: float
    body: float
    small: float
    chart: float
    icon: float  # side of an icon array of 100


TYPE = {
    Audience.PATIENT: TypeScale(title=16, heading=12.5, body=11, small=9, chart=9, icon=78),
    Audience.CLINICIAN: TypeScale(title=15, heading=10.5, body=9, small=7.5, chart=8, icon=72),
}


@dataclass(frozen=True)
class Compact:
    """How tightly the first two pages are set: the least compact level whose options and questions
    in brief end on page 2 is chosen by measuring (:func:`.sheet.layout_sheet`). Type sizes of the key
    numbers never change; the briefs lose their second harm and a point of type, the chart gets
    flatter, and the limits of the early-death figures move after the questions."""

    harms: int = 2  # harms in brief per option (AHSCT's pointer to its early deaths not counted)
    brief_size: float = 1.0  # over s.small
    chart_aspect: float = 0.62  # the chart's height over its width
    limits_after: bool = False  # the limits of the early-death figures after the questions
    gap: float = 7.0  # between blocks (the sheet's GAP)
    how: bool = True  # how each option is given, in the options in brief (the appendix always says)
    smaller: float = 0.0  # points off the first pages' body, heading and small type (the last resort)

    def scale(self, s: TypeScale) -> TypeScale:
        if not self.smaller:
            return s
        return replace(s, body=s.body - self.smaller, heading=s.heading - self.smaller,
                       small=s.small - self.smaller / 2, chart=s.chart - self.smaller / 2, icon=s.icon * (s.body - self.smaller) / s.body)


COMPACT_LEVELS = (Compact(), Compact(harms=1, chart_aspect=0.55),
                  Compact(harms=1, brief_size=0.0, chart_aspect=0.5, limits_after=True),
                  Compact(harms=1, brief_size=0.0, chart_aspect=0.5, limits_after=True, smaller=1.0),
                  Compact(harms=1, brief_size=0.0, chart_aspect=0.45, limits_after=True, smaller=1.5, how=False,
                          gap=5.0))


def bullets(items: Sequence[str]) -> str:
    return "<ul style='margin-top:0px; margin-bottom:0px; -qt-list-indent:1'>" + "".join(
        f"<li style='margin-bottom:1px'>{escape(item)}</li>" for item in items) + "</ul>"


def para(text: str, bold: bool = False, italic: bool = False, bottom: float = 2) -> str:
    html = escape(text).replace("\n", "<br>")
    if bold:
        html = f"<b>{html}</b>"
    if italic:
        html = f"<i>{html}</i>"
    return f"<p style='margin:0px 0px {bottom:g}px 0px'>{html}</p>"


def heading(text: str, s: TypeScale, name: str = "") -> Text:
    return Text(f"<p style='margin:0px'><b>{escape(text)}</b></p>", s.heading, name=name, keep_with_next=True)


def rule(width: float = 1.0, name: str = "rule") -> Graphic:
    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setPen(QPen(QColor(palette.TEXT), width))
        painter.drawLine(QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y()))
        painter.restore()
    return Graphic(width + 2, paint, name)


class GlyphLegend:
    """The icon-array legend in the same glyph shapes as the array: entries run along a line and
    wrap to the next when the width runs out; an entry longer than the width (a longer language)
    wraps its own words rather than running into the next column."""

    def __init__(self, entries: Sequence[LegendEntry], color: str, mark, size: float, name: str) -> None:
        self.entries, self.color, self.mark, self.name = tuple(entries), color, mark, name
        self.font = QFont()
        self.font.setPixelSize(max(1, round(size)))
        self.metrics = QFontMetricsF(self.font)
        self.row = self.metrics.height() * 1.2
        self._cells: list[tuple[float, float, LegendEntry]] = []

    def measure(self, width: float) -> float:
        self._cells, x, y, line = [], 0.0, 0.0, self.row
        for entry in self.entries:
            text_width = self.metrics.horizontalAdvance(entry.text) + 2
            if x > 0 and x + self.row + 3 + text_width > width:
                x, y, line = 0.0, y + line, self.row
            text_width = min(text_width, max(1.0, width - x - self.row - 3))
            height = max(self.row, self.metrics.boundingRect(
                QRectF(0, 0, text_width, 1e6), int(Qt.TextFlag.TextWordWrap), entry.text).height())
            self._cells.append((x, y, text_width, height, entry))
            line = max(line, height)
            x += self.row + 3 + text_width + 10
        return y + line

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        for x, y, text_width, height, entry in self._cells:
            cell = QRectF(rect.left() + x, rect.top() + y, self.row, self.row)
            paint_glyph(painter, cell.adjusted(1, 1, -1, -1), entry.glyph, self.color, self.mark)
            painter.setPen(QColor(palette.TEXT))
            painter.drawText(QRectF(cell.right() + 3, cell.top(), text_width, height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap),
                             entry.text)
        painter.restore()


def card_block(card: OutcomeCard, s: TypeScale, width_fraction: float = 1.0, with_legend: bool = True) -> Columns:
    """An outcome: the icon array on the left; heading, both framings, range and legend beside it
    (the legend counts the glyphs of this array's range)."""
    icons = card.icons
    array = Graphic(s.icon, lambda p, r, a=icons: paint_icon_array(p, QRectF(r.left(), r.top(), s.icon, s.icon), a),
                    f"icons_{card.key}")
    words = Text(para(card.heading, bold=True, bottom=1)
                 + para(" ".join((card.headline, card.other_side, card.range_text))), s.body, name=f"text_{card.key}")
    text_blocks: list[Block] = [words]
    if with_legend:
        text_blocks.append(GlyphLegend(card.legend, icons.color, icons.mark, s.small, f"legend_{card.key}"))
    icon_share = min(0.45, (s.icon + 2) / (530 * width_fraction))
    return Columns([(icon_share, [array]), (1 - icon_share, text_blocks)], gap=8, spacing=2,
                   name=f"card_{card.key}")


def notes_text(notes: Sequence[NoteView], s: TypeScale, clinician: bool, name: str) -> Text:
    lines = [_note_line(n, clinician) for n in notes]
    return Text("".join(para("\u26a0 " + line, bottom=1) for line in lines), s.small + 1, name=name)


def _note_line(note: NoteView, clinician: bool) -> str:
    if clinician and note.assumption:
        return f"{note.text} ({note.assumption})"
    return note.text


def header_blocks(sheet: SheetView, s: TypeScale) -> list[Block]:
    right = para(sheet.date)
    if sheet.name:
        right += para(sheet.name_line, bold=True)
    title = Text(f"<p style='margin:0px'><span style='font-size:{s.title:g}px; font-weight:700'>"
                 f"{escape(sheet.title)}</span></p>", s.body, name="title")
    return [
        Columns([(0.72, [title]), (0.28, [Text(right.replace("<p ", "<p align='right' "), s.body, name="date")])],
                gap=8, name="header"),
        Text(para(sheet.subtitle, bottom=0), s.small + 1.5, name="subtitle"),
        Text(para(sheet.versions, bottom=0), s.small, palette.MUTED, name="versions"),
        *([Text(para(sheet.translation_note, italic=True, bottom=0), s.small + 1, name="translation_note")]
          if sheet.translation_note else []),
        rule(1.2),
    ]


def estimate_blocks(sheet: SheetView, s: TypeScale, compact: Compact = Compact()) -> list[Block]:
    """Section 1: the profile, early deaths in two eras, the benefit over years, what qualifies them."""
    view: EstimateView = sheet.estimate
    clinician = view.audience.clinician
    blocks: list[Block] = [
        # EDSS explained at its first use, in the profile (the patient's)
        Text(f"<p style='margin:0px 0px 2px 0px'><b>{escape(sheet.profile_title)}</b> {escape(view.profile)}</p>"
             + para(sheet.treatment, bottom=2)
             + (f"<p style='margin:0px'><i><span style='font-size:{s.small + 1:g}px'>{escape(sheet.terms)}</span>"
                "</i></p>" if sheet.terms else ""), s.body, name="profile"),
        Text(para(view.people_like_you, italic=True, bottom=0), s.small + 1, name="people_like_you"),
    ]
    if view.general_notes:
        html = para(sheet.warnings_heading, bold=True) + "".join(
            para("\u26a0 " + _note_line(n, clinician), bottom=1) for n in view.general_notes)
        blocks.append(Framed(Text(html, s.small + 1.5, name="warnings"), bar=4.0, line=1.0, name="warnings_box"))
    blocks += [
        heading(view.early.heading, s, "early_heading"),
        # One legend of what each glyph means under both eras (as the window's legends do per array,
        # each card's words give its counts), so that the benefit still starts on page 1
        Columns([(0.5, [card_block(card, s, 0.5, with_legend=False)]) for card in view.early.cards], gap=14,
                name="early"),
        GlyphLegend(view.early.legend, view.early.cards[0].icons.color, view.early.cards[0].icons.mark, s.small,
                    "legend_early"),
        Text(para(view.early.risk_line, bold=True, bottom=1), s.body, name="risk_line"),
    ]
    blocks += pair_blocks(view.pfs, s, clinician)
    style = ChartStyle(font_px=s.chart)
    chart = view.chart
    # The chart's title and the year table share the left column (the chart with its legend on the
    # right is the taller one): a title above the chart would leave its height empty under the table
    right: list[Block] = [
        Graphic(0, lambda p, r: paint_pfs_chart(p, r, chart, style), "chart"),
        ChartLegend(chart, style, "chart_legend"),
    ]
    years = Text(year_table(sheet), s.small + 0.5, name="years")
    # Beside the chart only while it fits there: the clinician's three rows per era squeezed its
    # labels until words broke ("estimaci/ón", "De cada 10/0"); then it runs full width below.
    beside = not clinician
    details: list[Block] = [
        Text(para(chart.title, bold=True, bottom=0) + para(chart.marker_label, bottom=0), s.body, name="chart_title"),
        *([years] if beside else [])]
    if view.clinician_details:
        details.append(Text(para(view.details_heading, bold=True, bottom=1) + bullets(view.clinician_details),
                            s.small + 0.5, name="details"))
    blocks.append(_ChartColumns([(0.5, details), (0.5, right)], gap=16, name="benefit", aspect=compact.chart_aspect,
                                minimum=minimum_chart_height(chart, style)))
    if not beside:
        blocks.append(years)
    blocks += pair_blocks(view.survival, s, clinician)
    return blocks


def pair_blocks(pair: EraPairView, s: TypeScale, clinician: bool) -> list[Block]:
    """One outcome in both eras, as the early deaths: the cards side by side (the later one's place
    says why where R6 withholds it), one legend for both, then what is said plainly and the notes."""
    columns = [(0.5, [card_block(card, s, 0.5, with_legend=False)]) for card in pair.cards]
    if pair.withheld:
        columns.append((0.5, [Text(para(pair.withheld_heading, bold=True, bottom=1) + para(pair.withheld), s.body,
                                   name=f"withheld_{pair.key}")]))
    first = pair.cards[0].icons
    blocks: list[Block] = [heading(pair.heading, s, f"{pair.key}_heading"),
                           Columns(columns, gap=14, name=pair.key),
                           GlyphLegend(pair.legend, first.color, first.mark, s.small, f"legend_{pair.key}")]
    if pair.line:
        blocks.append(Text(para(pair.line, bold=True, bottom=1), s.body, name=f"{pair.key}_line"))
    if pair.notes:
        blocks.append(notes_text(pair.notes, s, clinician, f"{pair.key}_notes"))
    return blocks


class ChartLegend:
    """The chart's legend, each entry's words wrapped within its column (measured at the width it gets)."""

    def __init__(self, chart, style: ChartStyle, name: str) -> None:
        self.chart, self.style, self.name = chart, style, name

    def measure(self, width: float) -> float:
        return legend_height(self.chart, self.style, width)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        paint_chart_legend(painter, rect, self.chart, self.style)


class _ChartColumns(Columns):
    """The benefit row: the chart's height follows its column's width (a fixed aspect)."""

    def __init__(self, columns, gap: float, name: str, aspect: float = 0.62, minimum: float = 0.0) -> None:
        super().__init__(columns, gap=gap, name=name)
        self.aspect, self.minimum = aspect, minimum

    def measure(self, width: float) -> float:
        chart = next(b for b in self.columns[1][1] if getattr(b, "name", "") == "chart")
        usable = width - self.gap
        chart.height = max(self.minimum, usable * self.columns[1][0] * self.aspect)
        return super().measure(width)


def year_table(sheet: SheetView) -> str:
    """Both eras year by year, one row each (two for the clinician: percent and interval); a year
    beyond 5 is marked in its cell and the marks are explained under the table."""
    view = sheet.estimate
    cells = "".join(f"<th align='right'>{escape(str(r.year))}</th>" for r in view.years)
    head = f"<tr><th align='left'>{escape(sheet.year_label)}</th>{cells}</tr>"
    body = "".join(f"<tr><td>{escape(row.label)}</td>"
                   + "".join(f"<td align='right'>{escape(cell)}</td>" for cell in row.cells) + "</tr>"
                   for row in sheet.year_table)
    table = (f"<p style='margin:0px 0px 1px 0px'><b>{escape(view.years_heading)}</b></p>"
             f"<table cellspacing='0' cellpadding='1'>{head}{body}</table>")
    return table + "".join(para(mark, bottom=0) for mark in (sheet.extrapolated_mark, sheet.one_cohort_mark) if mark)


def qualifier_blocks(sheet: SheetView, s: TypeScale, compact: Compact = Compact()) -> list[Block]:
    """Warnings for this profile, what the numbers mean, the options and questions in brief, the notes
    box and the small print."""
    view = sheet.estimate
    blocks: list[Block] = []
    limits: list[Block] = []
    if view.early.notes:
        html = para(sheet.limits_heading, bold=True) + "".join(
            para("\u2022 " + _note_line(n, view.audience.clinician), bottom=1) for n in view.early.notes)
        limits.append(Text(html, s.small + 1.5, name="limits"))
    if not compact.limits_after:
        blocks += limits
    size = s.small + (1.0 if compact.limits_after else 1.5)
    means = Text(para(sheet.means_heading, bold=True) + bullets(sheet.means), size, name="means")
    not_mean = Text(para(sheet.not_mean_heading, bold=True) + bullets(sheet.not_mean), size, name="does_not_mean")
    blocks.append(Framed(_Pair(means, not_mean), name="meaning_box"))
    blocks += brief_blocks(sheet, s, compact)
    if compact.limits_after:
        blocks += limits
    notes_html = para(sheet.notes_heading, bold=True) + "".join(
        para(line or " ", bottom=0) for line in sheet.notes.splitlines())
    line_height = s.body * 1.7
    blocks.append(Framed(Text(notes_html, s.body, name="notes"), minimum=line_height * 4 if not sheet.notes else 0,
                         ruled=0 if sheet.notes else line_height, name="notes_box"))
    blocks.append(Text(para(sheet.assumptions_text) + para(sheet.source_text, bottom=0), s.small,
                       name="small_print"))
    return blocks


class _TwoColumns(Columns):
    """Entries in two columns read down, split where the taller column is the shortest (measured)."""

    def __init__(self, entries: Sequence[str], size: float, name: str) -> None:
        super().__init__([], gap=14, spacing=0, name=name)
        self.entries, self.size = tuple(entries), size

    def measure(self, width: float) -> float:
        half = (width - self.gap) / 2
        best = None
        for middle in range(1, len(self.entries) + 1):
            left = Text("".join(self.entries[:middle]), self.size, name=f"{self.name}_left")
            right = Text("".join(self.entries[middle:]), self.size, name=f"{self.name}_right")
            tallest = max(left.measure(half), right.measure(half) if middle < len(self.entries) else 0.0)
            if best is None or tallest < best[0] - 0.5:
                best = (tallest, left, right)
        self.columns = [(0.5, [best[1]]), (0.5, [best[2]])]
        return super().measure(width)


def brief_blocks(sheet: SheetView, s: TypeScale, compact: Compact = Compact()) -> list[Block]:
    """The options and the questions in brief, in two columns of small type (issue 25, item 3: the
    first two pages carry them; the appendices give them in full). Each heading is stacked with its
    columns (kept together, a little closer than the page's gap between blocks)."""
    size = s.small + compact.brief_size
    blocks: list[Block] = []
    if sheet.options_brief:
        entries = [f"<p style='margin:0px 0px 3px 0px'><b>{escape(option.name)}</b>: "
                   + (f"<i>{escape(option.how.rstrip('.'))}</i>. " if compact.how else "")
                   + escape("; ".join(option.harms[:compact.harms + (option.id == "ahsct")])) + "</p>"
                   for option in sheet.options_brief]
        if sheet.options_more:  # in the shorter column's room, not on a line of its own
            entries.append(para(sheet.options_more, italic=True, bottom=0))
        blocks.append(_stack(heading(sheet.options_brief_heading, s, "options_brief_heading"),
                             _TwoColumns(entries, size, "options_brief")))
    if sheet.questions_brief:
        entries = [f"<p style='margin:0px 0px 2px 0px'><b>{escape(topic)}:</b> {escape(text)}</p>"
                   for topic, text in sheet.questions_brief]
        blocks.append(_stack(heading(sheet.questions_brief_heading, s, "questions_brief_heading"),
                             _TwoColumns(entries, size, "questions_brief")))
    return blocks


def _stack(*blocks: Block) -> Columns:
    return Columns([(1.0, list(blocks))], gap=0, spacing=3)


class _Pair:
    """Two text columns inside one frame (what the numbers mean / do not mean)."""

    name = "meaning"

    def __init__(self, left: Text, right: Text) -> None:
        self.left, self.right = left, right
        self._half = 0.0

    def measure(self, width: float) -> float:
        half = (width - 10) / 2
        self._half = half
        return max(self.left.measure(half), self.right.measure(half))

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        self.left.paint(painter, QRectF(rect.left(), rect.top(), self._half, rect.height()))
        self.right.paint(painter, QRectF(rect.left() + self._half + 10, rect.top(), self._half, rect.height()))


