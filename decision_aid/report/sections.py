"""The sheet's later sections as blocks: the evidence around the estimate, and the worksheet."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from .. import palette
from ..present.graphics import IconArray, Mark
from ..present.guidance_view import GuidanceView
from ..present.sheet_view import ContextSection, WorksheetSection
from .flow import Block, Columns, Graphic, Text
from .icons import paint_icon_array
from .sheet_content import TypeScale, bullets, para


def blocks_for(section, s: TypeScale) -> list[Block]:
    if isinstance(section, ContextSection):
        return context_blocks(section, s)
    if isinstance(section, WorksheetSection):
        return worksheet_blocks(section, s)
    raise TypeError(f"no blocks for {type(section).__name__}")


def section_title(text: str, s: TypeScale, name: str) -> Text:
    style = f"font-weight:700;font-size:{s.title:g}px"
    return Text(f"<p style='margin:0px'><span style='{style}'>{escape(text)}</span></p>", s.body, name=name)


def ruled_heading(text: str, s: TypeScale, name: str) -> list[Block]:
    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setPen(QPen(QColor(palette.MUTED), 0.6))
        painter.drawLine(QPointF(rect.left(), rect.bottom() - 1), QPointF(rect.right(), rect.bottom() - 1))
        painter.restore()
    return [Graphic(s.body * 0.6, paint, f"{name}_rule", keep_with_next=True),
            Text(para(text, bold=True, bottom=0), s.heading, name=name, keep_with_next=True)]


def context_blocks(c: ContextSection, s: TypeScale) -> list[Block]:
    blocks: list[Block] = [section_title(c.title, s, "context_title"), Text(para(c.profile_line), s.body)]
    blocks += ruled_heading(c.trial_heading, s, "trial_heading")
    blocks.append(Text(para(c.trial_intro), s.body, name="trial_intro"))
    if c.arms:
        blocks.append(Columns([(0.5, [_arm(arm, s)]) for arm in c.arms], gap=14, name="trial_arms"))
        blocks.append(Text(para(c.trial_details), s.body, name="trial_details"))
    blocks += guidance_blocks(c.guidance, s)
    studies = c.studies
    blocks += ruled_heading(studies.sheet_heading, s, "studies_heading")
    # One block per row (the same column widths), so a page break falls between rows.
    blocks.append(_table_row(studies.sheet_columns, s, header=True, name="studies_header"))
    for index, row in enumerate(studies.sheet_rows):
        blocks.append(_table_row(row, s, shade=index % 2 == 1, name=f"studies_row_{index}"))
    blocks.append(Text(para(studies.differ, italic=True), s.small + 1, name="studies_note"))
    return blocks


def guidance_blocks(g: GuidanceView, s: TypeScale) -> list[Block]:
    """Both statements, newest first, each with the profile beside it point by point; never a verdict."""
    blocks = ruled_heading(g.heading, s, "guidance_heading")
    for statement in g.statements:
        html = para(statement.heading, bold=True, bottom=1) + para(statement.statement) + para(statement.source)
        if statement.points:
            html += para(g.fit_heading, italic=True, bottom=1) + bullets([p.text for p in statement.points])
        if statement.checked:
            html += para(statement.checked)
        blocks.append(Text(html, s.body, name=f"guidance_{statement.id}"))
    if g.no_profile:
        blocks.append(Text(para(g.no_profile), s.body, name="guidance_no_profile"))
    blocks.append(Text(para(g.note, italic=True), s.body, name="guidance_note"))
    return blocks


STUDY_COLUMN_WIDTHS = (18, 8, 16, 26, 32)  # percent of the page width


def _table_row(cells, s: TypeScale, header: bool = False, shade: bool = False, name: str = "") -> Text:
    tag = "th" if header else "td"
    background = f" bgcolor='{palette.EXTRAPOLATED}'" if shade else ""
    html = "".join(f"<{tag} align='left' width='{w}%'>{escape(cell)}</{tag}>"
                   for w, cell in zip(STUDY_COLUMN_WIDTHS, cells))
    table = (f"<table border='0.5' cellspacing='0' cellpadding='2' width='100%' "
             f"style='border-collapse: collapse; border-color:{palette.MUTED}'><tr{background}>{html}</tr></table>")
    return Text(table, s.small + 1, name=name, keep_with_next=header)


def _arm(arm, s: TypeScale) -> Columns:
    array = IconArray(arm.count, arm.count, palette.REFERENCE, Mark.DOWN)
    icons = Graphic(s.icon, lambda p, r, a=array: paint_icon_array(p, QRectF(r.left(), r.top(), s.icon, s.icon), a),
                    "trial_icons")
    words = Text(para(arm.label, bold=True) + para(arm.caption), s.body)
    share = (s.icon + 4) / 250
    return Columns([(share, [icons]), (1 - share, [words])], gap=8)


def worksheet_blocks(w: WorksheetSection, s: TypeScale) -> list[Block]:
    blocks: list[Block] = [section_title(w.title, s, "worksheet_title")]
    blocks += ruled_heading(w.values_heading, s, "values_heading")
    if w.answers:
        blocks.append(Text("".join(para(answer, bottom=1) for answer in w.answers), s.body, name="answers"))
    if w.unanswered:
        blocks.append(Text(para(w.tick_intro, italic=True), s.body, name="tick_intro"))
        for index, question in enumerate(w.unanswered):
            options = "".join(f"<p style='margin:0px 0px 1px 12px'>\u2610\u2002{escape(choice)}</p>"
                              for choice in question.choices)
            blocks.append(Text(para(question.prompt, bold=True, bottom=1) + options, s.body,
                               name=f"tick_question_{index}"))
    blocks += ruled_heading(w.questions_heading, s, "questions_heading")
    for index, (topic, text) in enumerate(w.questions, start=1):
        blocks.append(Text(f"<p style='margin:0px'>{index}. <b>{escape(topic)}:</b> {escape(text)}</p>", s.body,
                           name=f"question_{index}", keep_with_next=True))
        blocks.append(writing_lines(2, s.body * 1.9, f"lines_{index}"))
    return blocks


def writing_lines(count: int, spacing: float, name: str) -> Graphic:
    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setPen(QPen(QColor(palette.MUTED), 0.5))
        for n in range(1, count + 1):
            y = rect.top() + spacing * n
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.restore()
    return Graphic(spacing * count + 2, paint, name)
