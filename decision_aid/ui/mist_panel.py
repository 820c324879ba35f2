"""The randomised comparison (MIST): lays out a :class:`~decision_aid.present.trial_view.TrialView`:
two icon arrays for a matching profile, or why the trial does not apply.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from .. import palette
from ..present.trial_view import TrialView
from ..present.i18n import _
from .context_common import body_points, set_font_size, text_label
from .icon_array_widget import IconArrayWidget


class MistPanel(QWidget):
    """The MIST trial for a matching profile; a plain sentence otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: TrialView | None = None
        layout = QVBoxLayout(self)
        self.heading = text_label(name=_("Randomised trial heading"), points=palette.HEADING, bold=True)
        self.intro = text_label(name=_("Does the randomised trial apply"))
        self.arrays = QWidget()
        grid = QGridLayout(self.arrays)
        self.hsct_array, self.dmt_array = IconArrayWidget(), IconArrayWidget()
        self.hsct_caption, self.dmt_caption = text_label(), text_label()
        for column, (array, caption) in enumerate(((self.hsct_array, self.hsct_caption),
                                                   (self.dmt_array, self.dmt_caption))):
            array.setFixedSize(200, 200)
            grid.addWidget(array, 0, column)
            grid.addWidget(caption, 1, column)
        self.legend = text_label(name=_("Icon array legend"), points=palette.SMALL)
        self.details = text_label(name=_("Trial results in words"))
        self.citation = text_label(name=_("Trial citation"), points=palette.SMALL)
        for widget in (self.heading, self.intro, self.arrays, self.legend, self.details, self.citation):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_view(self, view: TrialView) -> None:
        self.view = view
        self.setAccessibleName(view.heading)
        for label in (self.intro, self.details, self.hsct_caption, self.dmt_caption):
            set_font_size(label, body_points(view.audience))
        self.heading.setText(view.heading)
        self.intro.setText(view.intro)
        shown = bool(view.arms)
        for widget in (self.arrays, self.legend, self.details):
            widget.setVisible(shown)
        for index, (array, caption) in enumerate(((self.hsct_array, self.hsct_caption),
                                                  (self.dmt_array, self.dmt_caption))):
            arm = view.arms[index] if shown else None
            array.set_array(arm.icons if arm else None, arm.caption if arm else "")
            array.setAccessibleName(arm.name if arm else "")
            caption.setText(arm.caption if arm else "")
            caption.setAccessibleName(arm.label if arm else "")
        self.legend.setText(view.legend)
        self.details.setText(view.details)
        self.citation.setText(view.citation)
