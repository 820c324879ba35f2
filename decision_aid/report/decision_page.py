"""Sheet page 2, "Your options in context": the randomised comparison (or why none applies), the
guidance fit, the other studies, the patient's values and questions to ask, with room to write.

``paint_decision_page`` is a page painter for ``render_sheet(..., extra_pages=[...])``: it works in
whatever units the painter uses, sizing type from the width of ``page_rect`` (about 1 unit = 1 pt
on an A4 page with 2 cm margins), and shrinks the type until the page fits. Every figure comes
from :mod:`decision_aid.context`, :mod:`decision_aid.decision_support` or the :class:`Estimate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from .. import palette, wording
from ..context import (
    STUDIES_DIFFER, guidance_fit, mist_comparison, mist_not_applicable, study_rows,
)
from ..decision_support import VALUES_QUESTIONS, ValuesChoices, questions_to_ask, values_summary
from ..model import Estimate, Model, Profile, default_model
from .icons import IconArray, Mark, paint_icon_array
from .options import SheetDoesNotFit
from .text import draw_document, text_document

REFERENCE_WIDTH = 523.0  # A4 width in points less 2 x 2.5 cm margins: 1 unit = 1 pt there
BODY_SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # tried in turn until the page fits
TITLE = "Your options in context"
BOX = "\u2610"  # ballot box: a tick box to mark by hand


CONTEXT, WORKSHEET = "context", "worksheet"  # page 2: the evidence around the estimate; page 3: to fill in
PAGE_TITLES = {CONTEXT: TITLE, WORKSHEET: "What matters to you, and questions to ask"}


def paint_decision_page(painter: QPainter, page_rect: QRectF, result: Estimate | None,
                        profile_context: Profile | None, values_choices: Mapping[str, str] | None,
                        audience: str, model: Model | None = None, part: str = CONTEXT) -> None:
    """Paint one decision-support page into ``page_rect``: ``part`` CONTEXT (the randomised
    comparison, the guidance and the other studies) or WORKSHEET (the values answers and the
    questions to ask, with space to write).

    ``profile_context`` is the validated profile (its optional relapses and disease duration are
    used here only); when None, ``result.profile`` is used. ``values_choices`` maps question id to
    choice id (checked; unknown ids raise ``ValuesError``); empty or None prints blank tick boxes.
    Raises :class:`SheetDoesNotFit` rather than clip: nothing is cut off silently.
    """
    model = model or default_model()
    profile = profile_context if profile_context is not None else (result.profile if result else None)
    choices = ValuesChoices(values_choices or {})
    unit = page_rect.width() / REFERENCE_WIDTH
    for body in BODY_SIZES:
        page = _DecisionPage(model, page_rect, result, profile, choices, audience, body * unit, part)
        bottom = page.layout(dry_run=True)
        if bottom > page_rect.bottom() and body == BODY_SIZES[-1]:
            raise SheetDoesNotFit(f"the {part} page needs {bottom - page_rect.bottom():.0f} pt more than the "
                                  "page has even at the smallest type")
        if bottom <= page_rect.bottom():
            # Spare space goes to the writing lines under the questions.
            if part == WORKSHEET:
                page.spare_per_question = max(0.0, page_rect.bottom() - bottom) / len(questions_to_ask(model))
            painter.save()
            page.painter = painter
            page.layout(dry_run=False)
            painter.restore()
            return


class _DecisionPage:
    def __init__(self, model: Model, rect: QRectF, result: Estimate | None, profile: Profile | None,
                 choices: ValuesChoices, audience: str, body: float, part: str = CONTEXT) -> None:
        self.model, self.rect, self.result, self.profile = model, rect, result, profile
        self.part = part
        self.choices, self.audience, self.body = choices, audience, body
        self.clinician = audience == "clinician"
        self.painter: QPainter | None = None
        self.gap = body * 0.9
        self.spare_per_question = 0.0

    # -- drawing primitives (measure only when dry_run) ----------------------------------------
    def _doc(self, html: str, size: float, width: float | None = None) -> QTextDocument:
        return text_document(
            html, width if width is not None else self.rect.width(), size,
            style=(f"h2 {{ font-size: {round(self.body * 1.3)}px; margin: 0; }} "
                   f"td, th {{ padding: {self.body * 0.2:.1f}px; }} th {{ text-align: left; }}"))

    def _text(self, html: str, y: float, size: float | None = None, x: float | None = None,
              width: float | None = None) -> float:
        document = self._doc(html, size or self.body, width)
        if not self.dry_run:
            draw_document(self.painter, document, QPointF(self.rect.left() if x is None else x, y))
        return y + document.size().height()

    def _heading(self, text: str, y: float) -> float:
        y += self.gap
        if not self.dry_run:
            pen = QPen(QColor(palette.MUTED), max(0.5, self.body * 0.06))
            self.painter.setPen(pen)
            self.painter.drawLine(QPointF(self.rect.left(), y), QPointF(self.rect.right(), y))
        return self._text(f"<b>{escape(text)}</b>", y + self.body * 0.3, self.body * 1.25)

    # -- the page ----------------------------------------------------------------------------
    def layout(self, dry_run: bool) -> float:
        self.dry_run = dry_run
        y = self.rect.top()
        y = self._text(f"<b>{escape(PAGE_TITLES[self.part])}</b>", y, self.body * 1.8)
        if self.profile is None:
            y = self._text("No valid profile: enter one to see this page.", y)
            return y
        y = self._text(escape("Profile: " + wording.profile_sentence(self.profile)), y)
        if self.part == WORKSHEET:
            return self._questions(self._values(y))
        return self._studies(self._guidance(self._mist(y)))

    def _mist(self, y: float) -> float:
        comparison = mist_comparison(self.model, self.profile)
        y = self._heading("A randomised comparison: HSCT or a disease-modifying therapy (DMT)", y)
        if comparison is None:
            return self._text(escape(mist_not_applicable(self.model, self.profile)), y)
        sentences = comparison.sentences(self.audience)
        y = self._text(escape(sentences[0]), y)
        side = self.body * 10
        half = self.rect.width() / 2
        arms = (
            ("After HSCT", comparison.hsct_in_hundred, comparison.hsct_progressed, comparison.hsct_patients,
             comparison.hsct_share),
            ("On a DMT", comparison.dmt_in_hundred, comparison.dmt_progressed, comparison.dmt_patients,
             comparison.dmt_share),
        )
        bottom = y
        for i, (where, count, k, n, share) in enumerate(arms):
            x = self.rect.left() + i * half
            if not self.dry_run:
                array = IconArray(count=count, upper=count, color=palette.REFERENCE, mark=Mark.DOWN)
                paint_icon_array(self.painter, QRectF(x, y + self.body * 0.4, side, side), array)
            caption = (f"<b>{where}:</b> {wording.count_phrase(share)} progressed "
                       f"({wording.of_phrase(k, n)} people)")
            text_x = x + side + self.body
            bottom = max(bottom, self._text(caption, y + self.body * 0.4, x=text_x, width=half - side - self.body * 2),
                         y + self.body * 0.4 + side)
        y = bottom
        details = [s for s in sentences[1:] if s != comparison.counts_sentence]
        legend = "Each figure is one person in 100; filled, with a downward arrow: their MS progressed."
        return self._text(escape(" ".join([comparison.follow_up_sentence, *details, legend])), y)

    def _guidance(self, y: float) -> float:
        fit = guidance_fit(self.model, self.profile)
        y = self._heading("What the guidance says", y)
        source = fit.citation if self.clinician else fit.short_name
        bullets = "".join(f"<li>{escape(p.text)}</li>" for p in fit.points)
        html = (f"{escape(fit.statement)} <i>({escape(source)})</i>"
                f"<ul style='margin-top:2px; margin-bottom:2px'>{bullets}</ul><i>{escape(fit.note)}</i>")
        return self._text(html, y)

    def _studies(self, y: float) -> float:
        y = self._heading("Other studies (not part of your estimate)", y)
        rows = study_rows(self.model)
        head = "".join(f"<th>{h}</th>" for h in ("Study", "Patients", "Relapsing MS", "Early deaths",
                                                  "Progression-free / worsening-free"))
        body = []
        if self.result is not None:
            years = min(self.model.horizons)  # the study's follow-up
            em, pfs = self.result.early_mortality, self.result.pfs_at[years]
            if self.clinician:
                em_text, pfs_text = wording.interval_percent(em), f"{wording.interval_percent(pfs)} at {years} years"
            else:
                em_text = f"{wording.count_phrase(em.estimate)} ({wording.range_phrase(em)})"
                pfs_text = f"{wording.count_phrase(pfs.estimate)} at {years} years ({wording.range_phrase(pfs)})"
            body.append(f"<tr><td><b>You (personal estimate)</b></td><td></td><td></td>"
                        f"<td><b>{escape(em_text)}</b>, within {self.result.early_mortality_days} days</td>"
                        f"<td><b>{escape(pfs_text)}</b></td></tr>")
        for n, row in enumerate(rows):
            shade = f" bgcolor='{palette.EXTRAPOLATED}'" if n % 2 == 0 else ""
            body.append(
                f"<tr{shade}><td>{escape(row.label)}{' (basis of your estimate)' if row.is_primary else ''}</td>"
                f"<td>{row.patients:g}</td><td>{escape(row.relapsing_text)}</td>"
                f"<td>{escape(row.early_mortality_words(self.audience))}</td>"
                f"<td>{escape(row.outcomes_words(self.audience, self.model.data_horizon))}</td></tr>")
        table = (f"<table border='0.5' cellspacing='0' width='100%' "
                 f"style='border-collapse: collapse; border-color:{palette.MUTED}'>"
                 f"<tr>{head}</tr>{''.join(body)}</table>")
        y = self._text(table, y, self.body * 0.92)
        return self._text(f"<i>{escape(STUDIES_DIFFER)}</i>", y + self.body * 0.3, self.body * 0.92)

    def _values(self, y: float) -> float:
        y = self._heading("What matters to you", y)
        parts = []
        if self.choices:
            parts.append("<br>".join(escape(s) for s in values_summary(self.choices)))
        unanswered = [q for q in VALUES_QUESTIONS if q.id not in self.choices]
        if unanswered:
            intro = "Tick the answer closest to how you feel:" if not self.choices else "Not answered yet; tick one:"
            items = "".join(
                f"<p style='margin:0'><b>{escape(q.prompt)}</b><br>"
                + " &nbsp; ".join(f"{BOX}&nbsp;{escape(c.label)}" for c in q.choices) + "</p>"
                for q in unanswered)
            parts.append(f"<i>{intro}</i>{items}")
        return self._text("<br>".join(parts), y)

    def _questions(self, y: float) -> float:
        y = self._heading("Questions to ask (with space for the answers)", y)
        questions = questions_to_ask(self.model)
        line_gap = self.body * 1.9
        for i, question in enumerate(questions, start=1):
            y = self._text(f"{i}. <b>{escape(question.topic)}:</b> {escape(question.text)}", y, self.body * 0.95)
            space = line_gap + (0.0 if self.dry_run else self.spare_per_question * 0.95)
            lines = max(1, int(space // line_gap))
            for n in range(1, lines + 1):
                line_y = y + space * n / lines
                if not self.dry_run:
                    self.painter.setPen(QPen(QColor(palette.MUTED), max(0.4, self.body * 0.04)))
                    self.painter.drawLine(QPointF(self.rect.left(), line_y), QPointF(self.rect.right(), line_y))
            y += space + self.body * 0.3
        return y
