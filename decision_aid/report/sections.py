"""The sheet's later sections as blocks: the options, what the treatment involves, the evidence
around the estimate, and the worksheet; and the overdue notice for page 1.

Every text is the presentation layer's, escaped into the small HTML Qt measures: nothing from a file
or a field is ever interpreted as markup."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from .. import palette
from ..present.comparison_view import ComparisonView
from ..present.drug_options_view import OptionCardView
from ..present.glossary import GlossaryView
from ..present.guidance_view import GuidanceView
from ..present.harms_view import HarmsView
from ..present.options_view import ArmPanel, OptionsView, OutcomeView
from ..present.procedure_view import ProcedureView
from ..present.sheet_view import ContextSection, WorksheetSection
from .flow import Block, Columns, Framed, Graphic, Text
from .icons import paint_icon_array
from .sheet_content import GlyphLegend, TypeScale, bullets, card_block, para


def blocks_for(section, s: TypeScale) -> list[Block]:
    if isinstance(section, ComparisonView):
        return comparison_blocks(section, s)
    if isinstance(section, GlossaryView):
        return glossary_blocks(section, s)
    if isinstance(section, OptionsView):
        return options_blocks(section, s)
    if isinstance(section, HarmsView):
        return harms_blocks(section, s)
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


def notice_blocks(sheet, s: TypeScale) -> list[Block]:
    """Page 1, under the header: the overdue notice, framed with a thick bar (never colour alone)."""
    if not sheet.review.notice:
        return []
    return [Framed(Text(para("\u26a0 " + sheet.review.notice, bold=True, bottom=0), s.body, name="review_notice"),
                   bar=4.0, line=1.0, name="review_notice_box")]


def context_blocks(c: ContextSection, s: TypeScale) -> list[Block]:
    blocks: list[Block] = [section_title(c.title, s, "context_title"), Text(para(c.profile_line), s.body)]
    blocks += guidance_blocks(c.guidance, s)
    studies = c.studies
    blocks += ruled_heading(studies.sheet_heading, s, "studies_heading")
    # One block per row (the same column widths), so a page break falls between rows.
    blocks.append(table_row(studies.sheet_columns, STUDY_COLUMN_WIDTHS, s, header=True, name="studies_header"))
    for index, row in enumerate(studies.sheet_rows):
        blocks.append(table_row(row, STUDY_COLUMN_WIDTHS, s, shade=index % 2 == 1, name=f"studies_row_{index}"))
    blocks.append(Text(para(studies.differ, italic=True), s.small + 1, name="studies_note"))
    blocks += ruled_heading(c.disclosure.heading, s, "disclosure_heading")
    blocks.append(Text("".join(f"<p style='margin:0px 0px 1px 0px'><b>{escape(item.heading)}</b>\u2003"
                               f"{escape(item.text)}</p>" for item in c.disclosure.items), s.small + 1,
                       name="disclosure"))
    return blocks


def guidance_blocks(g: GuidanceView, s: TypeScale) -> list[Block]:
    """Both statements side by side (the newer first), then, for each, the profile beside its criteria
    in one table (meets, does not meet, not known); never a verdict. When no core criterion is met,
    the one sentence that says so opens the section, framed."""
    blocks = ruled_heading(g.heading, s, "guidance_heading")
    if g.core:
        blocks.append(Framed(Text(para(g.core, bottom=0), s.body, name="guidance_core"), bar=4.0, line=1.0,
                             name="guidance_core_box"))
    blocks.append(Text(para(g.intro), s.body, name="guidance_intro"))
    share = 1 / max(1, len(g.statements))
    columns = []
    for statement in g.statements:
        html = para(statement.heading, bold=True, bottom=1) + para(statement.statement) + para(statement.source)
        if statement.checked:
            html += para(statement.checked)
        columns.append((share, [Text(html, s.body, name=f"guidance_{statement.id}")]))
    blocks.append(Columns(columns, gap=14, name="guidance_statements"))
    for index, statement in enumerate(g.statements):
        rows = g.point_rows(index)
        if not rows:
            continue
        blocks.append(Text(para(f"{g.fit_heading}: {statement.heading}", bold=True, bottom=0), s.body,
                           name=f"guidance_fit_heading_{statement.id}", keep_with_next=True))
        blocks.append(table_row(g.columns, GUIDANCE_COLUMN_WIDTHS, s, header=True,
                                name=f"guidance_points_header_{statement.id}", size=s.body - 1))
        for number, row in enumerate(rows):
            blocks.append(table_row(row, GUIDANCE_COLUMN_WIDTHS, s, shade=number % 2 == 1,
                                    name=f"guidance_point_{statement.id}_{number}", size=s.body - 1))
    if g.no_profile:
        blocks.append(Text(para(g.no_profile), s.body, name="guidance_no_profile"))
    blocks.append(Text(para(g.note, italic=True), s.body, name="guidance_note"))
    return blocks


STUDY_COLUMN_WIDTHS = (16, 7, 13, 20, 18, 25)  # percent of the page width (99: the rules take the rest)
HARM_COLUMN_WIDTHS = (20, 30, 11, 19, 19)
PATIENT_HARM_COLUMN_WIDTHS = (27, 35, 14, 24)
GUIDANCE_COLUMN_WIDTHS = (18, 41, 41)


def table_row(cells, widths, s: TypeScale, header: bool = False, shade: bool = False, name: str = "",
              size: float | None = None) -> Text:
    """One row of a ruled table as its own block (a page break falls between rows, never inside one)."""
    tag = "th" if header else "td"
    background = f" bgcolor='{palette.EXTRAPOLATED}'" if shade else ""
    html = "".join(f"<{tag} align='left' width='{w}%'>{escape(cell).replace(chr(10), '<br>')}</{tag}>"
                   for w, cell in zip(widths, cells))
    table = (f"<table border='0.5' cellspacing='0' cellpadding='2' width='100%' "
             f"style='border-collapse: collapse; border-color:{palette.MUTED}'><tr{background}>{html}</tr></table>")
    return Text(table, size or s.small + 1, name=name, keep_with_next=header)


# -- Your options ---------------------------------------------------------------------------------

def options_blocks(o: OptionsView, s: TypeScale) -> list[Block]:
    """AHSCT and drug treatment side by side: one part per study, each outcome with its definition and
    time frame above the numbers and the groups in equal columns."""
    blocks: list[Block] = [section_title(o.heading, s, "options_title")]
    if o.no_profile:
        return blocks + [Text(para(o.no_profile), s.body, name="options_no_profile")]
    blocks.append(Text(para(o.intro), s.body, name="options_intro"))
    if o.choices:
        blocks += ruled_heading(o.choices_heading, s, "options_choices_heading")
        blocks.append(Text(para(o.choices_intro), s.body, name="options_choices_intro"))
        blocks += [option_card_block(card, s) for card in o.choices]
        blocks += ruled_heading(o.studies_heading, s, "options_studies_heading")
    if o.not_known:
        blocks.append(Framed(Text("".join(para(t, bold=True, bottom=1) for t in o.not_known), s.body,
                                  name="options_not_known"), bar=4.0, line=1.0, name="options_not_known_box"))
    blocks.append(Text(bullets(o.notes), s.small + 1.5, name="options_notes"))
    for study in o.studies:
        blocks += ruled_heading(study.title, s, f"option_{study.id}")
        match = ""
        if study.match:
            match = para(("\u25b6 " if study.closer else "\u25b7 " if study.closer is False else "") + study.match,
                         bold=study.closer is True, bottom=1)
        lines = [study.eligibility, study.population, *study.arms, study.arm_drugs, study.follow_up, *study.facts]
        html = para(study.kind, bold=not study.comparable, bottom=1) + match + "".join(
            para(line, bottom=1) for line in lines if line)
        blocks.append(Text(html, s.body, name=f"option_{study.id}_about"))
        for index, outcome in enumerate(study.outcomes):
            blocks += outcome_blocks(outcome, s, f"option_{study.id}_{index}")
        if study.findings:
            blocks.append(Text("".join(para(t, bottom=1) for t in study.findings), s.body,
                               name=f"option_{study.id}_findings"))
        small = ""
        if study.limits:
            small += para(study.limits_heading, bold=True, bottom=0) + bullets(study.limits)
        small += "".join(para(text, italic=text is study.conclusion, bottom=1)
                         for text in (study.conclusion, study.source, study.checked) if text)
        blocks.append(Text(small, s.small + 1, name=f"option_{study.id}_limits"))
    blocks.append(Text(para(o.elsewhere_on_paper or o.elsewhere, italic=True), s.small + 1, name="options_elsewhere"))
    return blocks


def option_card_block(card: OptionCardView, s: TypeScale) -> Block:
    """One option in the same format as the others: its name, then each part under its heading."""
    html = para(card.name, bold=True, bottom=1)
    for heading_text, lines in card.parts:
        if len(lines) == 1:
            html += f"<p style='margin:0px 0px 1px 0px'><b>{escape(heading_text)}:</b> {escape(lines[0])}</p>"
        else:
            html += para(heading_text, bold=True, bottom=0) + bullets(lines)
    small = "".join(para(t, italic=True, bottom=0) for t in (card.source, card.checked) if t)
    # Every option in the same frame and type: equal weight, whatever the option.
    return Framed(Text(html + small, s.body - 0.5, name=f"option_card_{card.id}"), line=0.6,
                  name=f"option_card_{card.id}_box")


def outcome_blocks(outcome: OutcomeView, s: TypeScale, name: str) -> list[Block]:
    blocks: list[Block] = [Text(para(outcome.title, bold=True, bottom=0), s.body, name=f"{name}_title",
                                keep_with_next=True)]
    if outcome.arms:
        share = 1 / len(outcome.arms)
        blocks.append(Columns([(share, [_arm_block(arm, s, share)]) for arm in outcome.arms], gap=14,
                              name=f"{name}_arms"))
    if outcome.legend:
        first = next(a.icons for a in outcome.arms if a.icons is not None)
        blocks.append(GlyphLegend(outcome.legend, first.color, first.mark, s.small, f"{name}_legend"))
    words = "".join(para(text, bottom=1) for text in (outcome.comparison, outcome.hazard_ratio) if text)
    if outcome.checked:
        words += para(outcome.checked, italic=True, bottom=0)
    if words:
        blocks.append(Text(words, s.body, name=f"{name}_words"))
    return blocks


def _arm_block(arm: ArmPanel, s: TypeScale, width_fraction: float) -> Block:
    words = Text(para(arm.label, bold=True, bottom=1) + para(arm.headline, bold=True, bottom=0)
                 + (para(arm.detail, bottom=0) if arm.detail else ""), s.body, name=f"arm_{arm.code}")
    if arm.icons is None:
        return words
    array = arm.icons
    icons = Graphic(s.icon, lambda p, r, a=array: paint_icon_array(p, QRectF(r.left(), r.top(), s.icon, s.icon), a),
                    f"icons_{arm.code}")
    icon_share = min(0.5, (s.icon + 4) / (535 * width_fraction))
    return Columns([(icon_share, [icons]), (1 - icon_share, [words])], gap=8)


# -- What the treatment involves ------------------------------------------------------------------

def harms_blocks(h: HarmsView, s: TypeScale) -> list[Block]:
    blocks: list[Block] = [section_title(h.heading, s, "harms_title")]
    if h.no_profile:
        return blocks + [Text(para(h.no_profile), s.body, name="harms_no_profile")]
    blocks.append(Text(para(h.intro), s.body, name="harms_intro"))
    if h.timeline is not None:
        blocks += timeline_blocks(h.timeline, s)
    blocks += ruled_heading(h.table_heading, s, "harms_table_heading")
    widths = HARM_COLUMN_WIDTHS if len(h.columns) == 5 else PATIENT_HARM_COLUMN_WIDTHS
    blocks.append(table_row(h.columns, widths, s, header=True, name="harms_header", size=s.body - 1.5))
    for row in h.rows:
        how_often = "\n".join(row.how_often) + (f"\n{row.note}" if row.note else "")
        blocks.append(table_row(h.cells(row, how_often), widths, s, shade=row.category == "early_death",
                                name=f"harm_{row.id}", size=s.body - 1.5))
    blocks.append(Text(para(h.footnote, italic=True), s.small + 1, name="harms_footnote"))
    return blocks


def timeline_blocks(t: ProcedureView, s: TypeScale) -> list[Block]:
    """What AHSCT involves, step by step: one block per step, so a page break falls between steps."""
    blocks = ruled_heading(t.heading, s, "timeline_heading")
    blocks.append(Text(para(t.intro), s.body, name="timeline_intro", keep_with_next=True))
    for step in t.steps:
        html = (f"<p style='margin:0px 0px 1px 0px'><b>{step.number}. {escape(step.title)}.</b> "
                f"{escape(step.line())}</p>")
        blocks.append(Text(html + para(step.source, italic=True, bottom=1), s.body - 0.5, name=f"step_{step.id}"))
    blocks.append(Text(para(t.note, italic=True), s.small + 1, name="timeline_note"))
    return blocks


def glossary_blocks(g: GlossaryView, s: TypeScale) -> list[Block]:
    """The words used on the sheet, each explained (the patient's sheet, before the later sections)."""
    html = "".join(f"<p style='margin:0px 0px 2px 0px'><b>{escape(term)}:</b> {escape(text)}</p>"
                   for term, text in g.entries)
    return [section_title(g.heading, s, "glossary_title"), Text(html, s.body, name="glossary")]


def worksheet_blocks(w: WorksheetSection, s: TypeScale) -> list[Block]:
    blocks: list[Block] = [section_title(w.title, s, "worksheet_title"),
                           Text(para(w.profile_line), s.body, name="worksheet_profile")]
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


def comparison_blocks(c: ComparisonView, s: TypeScale) -> list[Block]:
    """What if: the pinned estimate and the current one side by side, in the same format, each
    outcome and era a row (a side without the later cohorts' figure says why, R6)."""
    blocks: list[Block] = [section_title(c.title, s, "comparison_title"),
                           Text(para(c.shared), s.body, name="comparison_shared"),
                           Text(para(c.note, italic=True), s.body, name="comparison_note")]
    labels = [Text(para(side.heading, bold=True), s.heading, name=f"comparison_label_{n}")
              for n, side in enumerate((c.pinned, c.current))]
    blocks.append(Columns([(0.5, [labels[0]]), (0.5, [labels[1]])], gap=14, name="comparison_labels"))
    for index, row in enumerate(c.rows):
        blocks.append(Text(para(row.heading, bold=True, bottom=0), s.body, name=f"comparison_heading_{index}",
                           keep_with_next=True))
        sides = []
        for card, withheld in ((row.pinned, row.pinned_withheld), (row.current, row.current_withheld)):
            sides.append((0.5, [card_block(card, s, 0.5) if card is not None
                                else Text(para(withheld), s.body, name="comparison_withheld")]))
        blocks.append(Columns(sides, gap=14, name=f"comparison_row_{index}"))
    return blocks
