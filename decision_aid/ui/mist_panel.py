"""The randomised comparison (MIST): two icon arrays for a matching profile, or why none applies.

The arrays show the trial's published counts scaled to 100 (``MistComparison.hsct_in_hundred`` /
``dmt_in_hundred``) and the words under them give the counts as published ("3 of 55").
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from .. import palette
from ..present import wording
from ..context import MistComparison, mist_comparison, mist_not_applicable, mist_source
from ..model import Model, Profile, default_model
from ..report.icons import IconArray, Mark, paint_icon_array
from .context_common import body_points, check_audience, set_font_size, text_label

_UNSET = object()
PROGRESSED_COLOR = palette.REFERENCE  # orange; the arrow mark and the legend carry the meaning too


class IconArrayWidget(QWidget):
    """A 10 x 10 icon array drawn with the shared painter."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.array: IconArray | None = None
        self.setAccessibleName(name)
        self.setMinimumSize(QSize(180, 180))

    def set_array(self, array: IconArray | None, description: str) -> None:
        self.array = array
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.array is None:
            return
        painter = QPainter(self)
        side = min(self.width(), self.height())
        paint_icon_array(painter, QRectF((self.width() - side) / 2, 0, side, side), self.array)
        painter.end()


def progressed_array(count: int) -> IconArray:
    return IconArray(count=count, upper=count, color=PROGRESSED_COLOR, mark=Mark.DOWN)


class MistPanel(QWidget):
    """The MIST trial for a matching profile; a plain sentence otherwise."""

    def __init__(self, model: Model | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model or default_model()
        self.profile: Profile | None = None
        self.audience = "patient"
        self.comparison: MistComparison | None = None
        self.setAccessibleName("Randomised trial comparison")
        source = mist_source(self.model)
        layout = QVBoxLayout(self)
        self.heading = text_label("HSCT compared with drug treatment in a randomised trial",
                                  "Randomised trial heading", palette.HEADING, bold=True)
        self.intro = text_label("", "Does the randomised trial apply")
        self.arrays = QWidget()
        grid = QGridLayout(self.arrays)
        self.hsct_array = IconArrayWidget("Icon array: people who progressed after HSCT, of 100")
        self.dmt_array = IconArrayWidget("Icon array: people who progressed on a disease-modifying therapy, of 100")
        self.hsct_caption = text_label("", "Progressed after HSCT")
        self.dmt_caption = text_label("", "Progressed on a disease-modifying therapy")
        grid.addWidget(self.hsct_array, 0, 0)
        grid.addWidget(self.dmt_array, 0, 1)
        grid.addWidget(self.hsct_caption, 1, 0)
        grid.addWidget(self.dmt_caption, 1, 1)
        self.legend = text_label(
            "Each figure is one person in 100. Filled, with a downward arrow: their MS progressed. Outline: it did not.",
            "Icon array legend", palette.SMALL)
        self.details = text_label("", "Trial results in words")
        self.citation = text_label(source.full_citation, "Trial citation", palette.SMALL)
        for widget in (self.heading, self.intro, self.arrays, self.legend, self.details, self.citation):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_profile(None, self.audience)

    def show_profile(self, profile: Profile | None, audience: str | None = None) -> None:
        """Show the comparison for ``profile`` (None: no valid profile yet) in the audience's words."""
        if audience is not None:
            self.audience = check_audience(audience)
        self.profile = profile
        self.comparison = None if profile is None else mist_comparison(self.model, profile)
        self._refresh()

    def show(self, profile: Profile | None | object = _UNSET, audience: str | None = None) -> None:  # type: ignore[override]
        """``show(profile, audience)`` as the window calls it; ``show()`` alone only shows the widget."""
        if profile is not _UNSET:
            self.show_profile(profile, audience)  # type: ignore[arg-type]
        elif audience is not None:
            self.set_audience(audience)
        super().show()

    def set_audience(self, audience: str) -> None:
        self.audience = check_audience(audience)
        self._refresh()

    def _refresh(self) -> None:
        for label in (self.intro, self.details, self.hsct_caption, self.dmt_caption):
            set_font_size(label, body_points(self.audience))
        comparison = self.comparison
        has_arrays = comparison is not None
        self.arrays.setVisible(has_arrays)
        self.legend.setVisible(has_arrays)
        self.details.setVisible(has_arrays)
        if self.profile is None:
            self.intro.setText("Enter a valid profile to see whether the randomised trial covers it.")
            self.hsct_array.set_array(None, "")
            self.dmt_array.set_array(None, "")
            return
        if comparison is None:
            self.intro.setText(mist_not_applicable(self.model, self.profile))
            self.hsct_array.set_array(None, "")
            self.dmt_array.set_array(None, "")
            return
        sentences = comparison.sentences(self.audience)
        self.intro.setText(sentences[0])
        self.hsct_array.set_array(progressed_array(comparison.hsct_in_hundred), self._caption("hsct"))
        self.dmt_array.set_array(progressed_array(comparison.dmt_in_hundred), self._caption("dmt"))
        self.hsct_caption.setText(self._caption("hsct"))
        self.dmt_caption.setText(self._caption("dmt"))
        self.details.setText(" ".join(x for x in sentences[1:] if x != comparison.counts_sentence))

    def _caption(self, arm: str) -> str:
        c = self.comparison
        if arm == "hsct":
            k, n, share, where = c.hsct_progressed, c.hsct_patients, c.hsct_share, "After HSCT"
        else:
            k, n, share, where = c.dmt_progressed, c.dmt_patients, c.dmt_share, "On a disease-modifying therapy"
        return (f"{where}: {wording.count_phrase(share)} progressed "
                f"({wording.of_phrase(k, n)} people, over a median of {wording.years_phrase(c.follow_up_years)})")
