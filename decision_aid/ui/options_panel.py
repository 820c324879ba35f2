""""Your options": lays out an :class:`~decision_aid.present.options_view.OptionsView`.

First the options side by side in the same format (AHSCT and each drug option: what it is, how it
is given, what it did in its main study, its main harms), one equal card each. Then the studies
that compare AHSCT with drug treatment for the profile's type of MS: one card per study, and in
each card one box per outcome with its definition and time frame right above the numbers, and the
groups in equal columns (the same icon array size, colour, mark and type for both). What is not
known is said first, in a framed box, as plainly as what is known.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import palette
from ..present.drug_options_view import OptionCardView
from ..present.i18n import _
from ..present.options_view import ArmPanel, OptionStudyView, OptionsView, OutcomeView
from .context_common import body_points, set_font_size, set_text, text_label
from .icon_array_widget import IconArrayWidget, IconLegend

ARRAY_SIDE = 160  # pixels: the same for every group (as the estimate's arrays)


def _bullets(items) -> str:
    return "\n".join(f"\u2022 {item}" for item in items)


class ArmColumn:
    """One group's figure in one column: its name, the icon array (where the source gives people),
    the number and what it counts. Each part sits in a row shared by the groups, so the arrays and
    the numbers line up whatever the length of the names."""

    def __init__(self, arm: ArmPanel, points: int, rows: list[QHBoxLayout]) -> None:
        self.arm = arm
        self.label = text_label(arm.label, _("Group"), points, bold=True)
        self.icons: IconArrayWidget | None = None
        if arm.icons is not None:
            self.icons = IconArrayWidget()
            self.icons.setFixedSize(ARRAY_SIDE, ARRAY_SIDE)
            self.icons.set_array(arm.icons, arm.text_alternative)
            self.icons.setAccessibleName(arm.label)
        self.headline = text_label(arm.headline, arm.text_alternative, points + 2, bold=True)
        self.detail = text_label(arm.detail, _("Detail"), points)
        icons_cell = QWidget()
        icons_layout = QHBoxLayout(icons_cell)
        icons_layout.setContentsMargins(0, 0, 0, 0)
        if self.icons is not None:
            icons_layout.addWidget(self.icons)
        icons_layout.addStretch(1)
        # An empty detail keeps its place: the other group's detail stays in its own column.
        for row, widget in zip(rows, (self.label, icons_cell, self.headline, self.detail)):
            row.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)  # equal columns: equal weight
        # The same for every group of an outcome. Only hidden, never shown, here: a widget shown
        # before it has a parent opens as a window of its own (its layout gives it one later).
        if self.icons is None:
            icons_cell.hide()


class OutcomeBox(QFrame):
    """One outcome: what was measured and when, the groups side by side, the comparison in words."""

    def __init__(self, outcome: OutcomeView, points: int) -> None:
        super().__init__()
        self.outcome = outcome
        self.setObjectName("optionOutcome")
        self.setStyleSheet(f"QFrame#optionOutcome {{ border-top: 1px solid {palette.BAND}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        self.title = text_label(outcome.title, _("What was measured"), points, bold=True)
        layout.addWidget(self.title)
        self.arms: list[ArmColumn] = []
        if outcome.arms:
            rows = []
            for _part in range(4):  # names, arrays, numbers, details
                row = QHBoxLayout()
                row.setSpacing(24)
                rows.append(row)
                layout.addLayout(row)
            self.arms = [ArmColumn(arm, points, rows) for arm in outcome.arms]
        self.legend: IconLegend | None = None
        if outcome.legend:
            first = next(a.icons for a in outcome.arms if a.icons is not None)
            self.legend = IconLegend()
            self.legend.set_entries(outcome.legend, first.color, first.mark)
            layout.addWidget(self.legend)
        self.comparison = text_label(outcome.comparison, _("The comparison in words"), points)
        self.hazard_ratio = text_label(outcome.hazard_ratio, _("Hazard ratio"), palette.SMALL)
        self.checked = text_label(outcome.checked, _("Checked against"), palette.SMALL)
        for label, text in ((self.comparison, outcome.comparison), (self.hazard_ratio, outcome.hazard_ratio),
                            (self.checked, outcome.checked)):
            set_text(label, text)
            layout.addWidget(label)


class OptionCard(QFrame):
    """One option in the same format as every other: its name, then each part under its heading."""

    def __init__(self, card: OptionCardView, points: int) -> None:
        super().__init__()
        self.card = card
        self.setObjectName("optionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#optionCard {{ border: 1px solid {palette.BAND}; border-radius: 4px; }}")
        self.setAccessibleName(card.name)
        layout = QVBoxLayout(self)
        self.title = text_label(card.name, _("Option"), palette.HEADING, bold=True)
        layout.addWidget(self.title)
        self.parts: list[QLabel] = []
        for heading, lines in card.parts:
            layout.addWidget(text_label(heading, heading, points, bold=True))
            label = text_label(_bullets(lines) if len(lines) > 1 else lines[0], heading, points)
            layout.addWidget(label)
            self.parts.append(label)
        self.source = text_label(card.source, _("Source"), palette.SMALL)
        self.checked = text_label(card.checked, _("Checked against"), palette.SMALL)
        for label in (self.source, self.checked):
            set_text(label, label.text())
            layout.addWidget(label)

    def part_text(self, index: int) -> str:
        return self.parts[index].text()


class StudyCard(QFrame):
    """One study: what kind of study, who took part, for how long, each outcome, its limits."""

    def __init__(self, study: OptionStudyView, points: int) -> None:
        super().__init__()
        self.study = study
        self.setObjectName("optionStudy")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#optionStudy {{ border: 1px solid {palette.BAND}; border-radius: 4px; }}")
        self.setAccessibleName(study.title)
        layout = QVBoxLayout(self)
        self.title = text_label(study.title, _("Study"), palette.HEADING, bold=True)
        self.kind = text_label(study.kind, _("Kind of study"), points, bold=not study.comparable)
        marker = {True: "\u25b6 ", False: "\u25b7 "}.get(study.closer, "")
        self.match = text_label(marker + study.match if study.match else "", _("How this study relates to you"),
                                points, bold=study.closer is True)
        self.eligibility = text_label(study.eligibility, _("Entry criteria of the trial"), points)
        self.population = text_label(study.population, _("Who took part"), points)
        self.arm_lines = text_label("\n".join(study.arms), _("Groups compared"), points)
        self.follow_up = text_label(study.follow_up, _("Follow-up"), points)
        self.facts = text_label("\n".join(study.facts), _("About the people in the study"), points)
        self.arm_drugs = text_label(study.arm_drugs, _("Drugs given"), points)
        for label, text in ((self.title, study.title), (self.kind, study.kind), (self.match, study.match),
                            (self.eligibility, study.eligibility), (self.population, study.population),
                            (self.arm_lines, "\n".join(study.arms)), (self.arm_drugs, study.arm_drugs),
                            (self.follow_up, study.follow_up), (self.facts, "\n".join(study.facts))):
            set_text(label, label.text() if text else "")
            layout.addWidget(label)
        self.outcomes = [OutcomeBox(outcome, points) for outcome in study.outcomes]
        for box in self.outcomes:
            layout.addWidget(box)
        self.findings = text_label(_bullets(study.findings), _("Other results"), points)
        set_text(self.findings, self.findings.text() if study.findings else "")
        layout.addWidget(self.findings)
        self.limits_heading = text_label(study.limits_heading if study.limits else "", study.limits_heading,
                                         points, bold=True)
        self.limits = text_label(_bullets(study.limits), study.limits_heading, points)
        self.conclusion = text_label(study.conclusion, _("The authors' conclusion"), points)
        self.source = text_label(study.source, _("Source"), palette.SMALL)
        self.checked = text_label(study.checked, _("Checked against"), palette.SMALL)
        for label in (self.limits_heading, self.limits, self.conclusion, self.source, self.checked):
            set_text(label, label.text())
            layout.addWidget(label)


class OptionsPanel(QWidget):
    """The "Your options" tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: OptionsView | None = None
        layout = QVBoxLayout(self)
        self.heading = text_label(name=_("Your options heading"), points=palette.HEADING, bold=True)
        self.intro = text_label(name=_("About this comparison"))
        self.not_known = text_label(name=_("What is not known"), bold=True)
        self.not_known.setStyleSheet(f"color: {palette.TEXT}; background: #F2F2F2; border-left: 4px solid "
                                     f"{palette.TEXT}; padding: 6px;")
        self.notes = text_label(name=_("Notes on these studies"))
        self.choices_heading = text_label(name=_("The options side by side, heading"), points=palette.HEADING,
                                          bold=True)
        self.choices_intro = text_label(name=_("About the options side by side"))
        self.choices_box = QWidget()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.choices_layout.setContentsMargins(0, 0, 0, 0)
        self.choices_layout.setSpacing(12)
        self.option_cards: list[OptionCard] = []
        self.studies_heading = text_label(name=_("The studies, heading"), points=palette.HEADING, bold=True)
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(12)
        self.cards: list[StudyCard] = []
        self.elsewhere = text_label(name=_("Where the figures for AHSCT come from"), points=palette.SMALL)
        self.no_profile = text_label(name=_("Your options"))
        for widget in (self.heading, self.intro, self.no_profile, self.choices_heading, self.choices_intro,
                       self.choices_box, self.studies_heading, self.not_known, self.notes, self.cards_box,
                       self.elsewhere):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_view(self, view: OptionsView) -> None:
        for layout, cards in ((self.cards_layout, self.cards), (self.choices_layout, self.option_cards)):
            for card in cards:
                layout.removeWidget(card)
                card.hide()  # at once: deleteLater waits for the event loop
                card.deleteLater()
        self.cards, self.option_cards = [], []
        self.view = view
        set_text(self.no_profile, view.no_profile)
        points = body_points(view.audience)
        self.setAccessibleName(view.heading)
        set_text(self.heading, view.heading)
        set_text(self.intro, view.intro)
        set_text(self.not_known, "\n".join(view.not_known))
        set_text(self.notes, _bullets(view.notes))
        set_text(self.elsewhere, view.elsewhere)
        set_text(self.choices_heading, view.choices_heading)
        set_text(self.choices_intro, view.choices_intro)
        set_text(self.studies_heading, view.studies_heading if view.studies else "")
        for label in (self.intro, self.not_known, self.notes, self.choices_intro):
            set_font_size(label, points, bold=label is self.not_known)
        for choice in view.choices:
            card = OptionCard(choice, points)
            self.choices_layout.addWidget(card)
            self.option_cards.append(card)
        for study in view.studies:
            card = StudyCard(study, points)
            self.cards_layout.addWidget(card)
            self.cards.append(card)

    def card(self, study_id: str) -> StudyCard:
        return next(c for c in self.cards if c.study.id == study_id)

    def option_card(self, option_id: str) -> OptionCard:
        return next(c for c in self.option_cards if c.card.id == option_id)
