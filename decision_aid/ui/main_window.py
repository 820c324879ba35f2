"""The consultation window: profile on the left; chart, icon arrays and explanations on the right.

The window never computes a risk: it asks the model for an :class:`Estimate` and displays it.
Any edit invalidates the displayed result at once (``current_result()`` is None); the new
estimate, or the refusal that hides every number, follows on a zero-delay single-shot timer so
that bursts of edits (typing, filling a profile) are computed and painted once.
"""

from __future__ import annotations

import datetime as _dt
import platform
from dataclasses import replace
from typing import Any, Callable, Mapping

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QMainWindow, QMenu, QMessageBox, QScrollArea, QSplitter, QStackedWidget,
    QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from .. import palette
from ..present import refusals
from ..evidence import EvidenceError
from ..model import Estimate, Model, ProfileError, default_model
from ..present.estimate_view import EstimateView, estimate_view
from ..present.i18n import _, current_language
from ..present.help_text import PROGRAM_NAME
from .actions import make_action, plain_text
from .form_undo import FormUndo
from .record_copy import RecordCopy
from .method_panel import MethodPanel
from .outcomes_panel import NotesList, OutcomesPanel
from .pfs_chart import PfsChart
from .plain import plain_label, plain_message_box
from .profile_form import ProfileForm
from .language import language_menu
from .settings import WindowSettings
from ..consultation import Consultation
from ..session import ConsultationSession
from .consultation_controller import ConsultationController
from .context_tabs import context_tab_specs
from .review_banner import ReviewBanner
from ..present.about_view import review_view
from .lazy_tab import LazyTab
from .sheet_actions import SheetActions
from .sheet_panel import SheetPanel

DEFAULT_SIZE = (1280, 800)
MINIMUM_SIZE = (1024, 700)
MESSAGE_PAGE, RESULTS_PAGE = 0, 1


class MainWindow(QMainWindow):
    """``result_changed`` carries the displayed :class:`Estimate`, or None when none is shown."""

    result_changed = Signal(object)
    changed = Signal()  # anything a saved consultation keeps was edited

    def __init__(self, model: Model | None = None, settings: QSettings | None = None,
                 load_model: Callable[[], Model] = default_model, parent: QWidget | None = None,
                 autosave_path=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_(PROGRAM_NAME))
        self.settings = WindowSettings(settings)
        self.evidence_problem: str | None = None
        if model is None:
            try:
                model = load_model()
            except EvidenceError as exc:
                self.evidence_problem = _(
                    "No estimates can be shown: {problem}. The program shows numbers only from checked evidence "
                    "files; restore the original files to continue.", problem=str(exc))
        self.model = model
        self.session = ConsultationSession(model, self.settings.audience(),
                                           self.settings.horizon(model.horizons if model else (5,)),
                                           problem=self.evidence_problem, sheet_language=current_language())
        self.view: EstimateView | None = None  # what the estimate tab shows, built once per result
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(lambda: self.session.recompute())

        self.sheet_actions = SheetActions(self, self._result_for_sheet, self._sheet_options)
        self.consultations = ConsultationController(self, model, autosave_path=autosave_path)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._build_edit_menu()
        self.setMinimumSize(*MINIMUM_SIZE)
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        self._apply_audience_actions()
        self.session.subscribe("estimate", self._estimate_changed)
        self.session.subscribe("audience", self._audience_changed)
        self.session.subscribe("contents", self.changed.emit)
        self.session.recompute()

    # -- construction ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.quit_action = make_action(self, _("&Quit"), self.close, QKeySequence.StandardKey.Quit,
                                       _("Close the window (asks first about unsaved changes)"))
        self.audience_group = QActionGroup(self)
        self.audience_actions: dict[str, QAction] = {}
        for audience, text, key, tip in (
            ("patient", _("&Patient view"), "Alt+P", _("Plain words and whole numbers out of 100, for the patient")),
            ("clinician", _("Cli&nician view"), "Alt+N",
             _("Percentages with 95% intervals, hazard ratios, assumption ids")),
        ):
            action = make_action(self, text, lambda _on, a=audience: self.set_audience(a), key, tip, checkable=True)
            self.audience_group.addAction(action)
            self.audience_actions[audience] = action
        self.horizon_group = QActionGroup(self)
        self.horizon_actions: dict[int, QAction] = {}
        for horizon in (self.model.horizons if self.model else ()):
            key = str(horizon)[-1]
            text = _("{years} years", years=f"{str(horizon)[:-1]}&{key}")  # the last digit is the mnemonic
            tip = (_("Show the curve to {years} years", years=horizon) if horizon <= 5 else
                   _("Show the curve to {years} years (beyond 5 years it is an extrapolation)", years=horizon))
            action = make_action(self, text, lambda _on, h=horizon: self.set_horizon(h), f"Alt+{key}", tip,
                                 checkable=True)
            self.horizon_group.addAction(action)
            self.horizon_actions[horizon] = action
        self.about_action = make_action(self, _("&About"), self.show_about,
                                        tip=_("Versions, licence, how to cite, where to report a problem"))
        self.guide_action = make_action(self, _("&User guide"), self.show_guide, QKeySequence.StandardKey.HelpContents,
                                        _("How to read each view, what the numbers mean, and the keyboard "
                                          "shortcuts (offline)"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        for action in self.consultations.actions:
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        for action in self.sheet_actions.actions:
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu(_("&View"))
        for action in self.audience_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.horizon_menu = self.view_menu.addMenu(_("&Horizon"))
        for action in self.horizon_actions.values():
            self.horizon_menu.addAction(action)
        self.view_menu.addSeparator()
        self.reference_actions: dict[str, QAction] = {}
        for name, text, tip in (
                ("relapsing", _("Study curve: relapsing MS"),
                 _("Show the study's average curve for relapsing MS on the chart, for comparison")),
                ("progressive", _("Study curve: progressive MS"),
                 _("Show the study's average curve for progressive MS on the chart, for comparison"))):
            action = make_action(self, text, tip=tip, checkable=True, checked=self.settings.show_reference(name))
            action.toggled.connect(lambda on, n=name: self._reference_toggled(n, on))
            self.view_menu.addAction(action)
            self.reference_actions[name] = action
        self.view_menu.addSeparator()
        self.language_menu = language_menu(self, self.settings)  # the sheet's language: on the Sheet tab
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu(_("&Help"))
        self.help_menu.addActions([self.guide_action, self.about_action])

    def _build_edit_menu(self) -> None:
        """Edit: undo and redo of the profile form (needs the form, so it is built after it)."""
        self.form_undo = FormUndo(self.profile_form, self)
        self.edit_menu = QMenu(_("&Edit"), self)
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.edit_menu)
        self.edit_menu.addActions([self.form_undo.undo_action, self.form_undo.redo_action])
        self.edit_menu.addSeparator()
        self.record_copy = RecordCopy(self, self._result_for_sheet, lambda: self.session.name)
        self.result_changed.connect(lambda _result: self.record_copy.refresh())
        self.edit_menu.addAction(self.record_copy.action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(_("Main toolbar"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.toolbar.addWidget(plain_label(" " + _("Show for:") + " "))
        for action in self.audience_actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(plain_label(" " + _("Horizon:") + " "))
        for action in self.horizon_actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.sheet_actions.print_action)
        for action in list(self.audience_actions.values()) + list(self.horizon_actions.values()) + [
                self.sheet_actions.print_action]:
            button = self.toolbar.widgetForAction(action)
            button.setAccessibleName(plain_text(action))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _build_central(self) -> None:
        self.profile_form = ProfileForm(self.model.limits if self.model else None)
        self.profile_form.edited.connect(self._on_edited)
        left = QScrollArea()
        left.setObjectName("profileScroll")
        left.setWidgetResizable(True)
        left.setWidget(self.profile_form)
        left.setMinimumWidth(260)
        left.setFrameShape(QScrollArea.Shape.NoFrame)

        self.results_stack = QStackedWidget()
        self.results_stack.setObjectName("resultsStack")
        self.message = plain_label()
        self.message.setObjectName("resultsMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(_("Estimates are hidden"))
        font = self.message.font()
        font.setPointSize(palette.HEADING)
        self.message.setFont(font)
        self.message.setMargin(24)
        self.message.setStyleSheet(f"color: {palette.TEXT};")
        self.results_stack.addWidget(self.message)

        # Outcomes column: the numbers in decision order (early cost, then 5 years).
        results = QWidget()
        results.setObjectName("resultsPage")
        layout = QVBoxLayout(results)
        layout.setContentsMargins(8, 4, 4, 4)
        self.general_notes = NotesList("generalNotes")
        layout.addWidget(self.general_notes)
        self.outcomes = OutcomesPanel()
        layout.addWidget(self.outcomes, 1)
        self.outcomes_scroll = QScrollArea()
        self.outcomes_scroll.setObjectName("outcomesScroll")
        self.outcomes_scroll.setWidgetResizable(True)
        self.outcomes_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.outcomes_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outcomes_scroll.setWidget(results)
        self.results_stack.addWidget(self.outcomes_scroll)
        self.results_stack.setMinimumWidth(300)

        # Chart column: the curve over the years; blank (no axes, no numbers) without a result.
        chart_page = QWidget()
        chart_page.setObjectName("chartPage")
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(4, 4, 8, 0)
        title = plain_label(_("Alive without disability worsening over the years"))
        title_font = title.font()
        title_font.setPointSize(palette.HEADING)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setWordWrap(True)
        chart_layout.addWidget(title)
        self.chart = PfsChart()
        chart_layout.addWidget(self.chart, 1)
        compare = QHBoxLayout()
        compare_label = plain_label(_("Compare:"))
        compare_label.setFont(_control_font(compare_label))
        compare.addWidget(compare_label)
        self.reference_boxes: dict[str, QCheckBox] = {}
        for name, text, tip, accessible in (
                ("relapsing", _("Relapsing &group"), _("Show the study's average curve for relapsing MS (dashed "
                                                       "differently)"), _("Show study curve for relapsing MS")),
                ("progressive", _("Progressive gro&up"), _("Show the study's average curve for progressive MS "
                                                          "(dashed differently)"),
                 _("Show study curve for progressive MS"))):
            box = QCheckBox(text)
            box.setObjectName(f"{name}Reference")
            box.setFont(_control_font(box))
            box.setToolTip(tip)
            box.setAccessibleName(accessible)
            box.setChecked(self.reference_actions[name].isChecked())
            box.toggled.connect(self.reference_actions[name].setChecked)
            self.reference_actions[name].toggled.connect(box.setChecked)
            compare.addWidget(box)
            self.reference_boxes[name] = box
        compare.addStretch(1)
        chart_layout.addLayout(compare)
        self.chart_stack = QStackedWidget()
        self.chart_stack.setObjectName("chartStack")
        blank = QWidget()
        blank.setObjectName("chartBlank")
        self.chart_stack.addWidget(blank)
        self.chart_stack.addWidget(chart_page)

        # The estimate and everything that explains or frames it share one tab widget, so each
        # explanation gets the whole right-hand side instead of a strip under the chart.
        estimate_page = QSplitter(Qt.Orientation.Horizontal)
        estimate_page.setObjectName("estimateSplitter")
        estimate_page.addWidget(self.results_stack)
        estimate_page.addWidget(self.chart_stack)
        estimate_page.setStretchFactor(0, 2)
        estimate_page.setStretchFactor(1, 3)
        estimate_page.setSizes([430, 560])
        estimate_page.setChildrenCollapsible(False)
        self.estimate_page = estimate_page
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(estimate_page, _("Your esti&mate"))
        self.method_tab = LazyTab(MethodPanel, self._update_method)
        self.tabs.addTab(self.method_tab, _("Ho&w calculated"))
        self.tabs.setTabToolTip(0, _("The estimate for this profile: numbers, pictures and the chart"))
        self.tabs.setTabToolTip(1, _("How was this calculated? The study, its figures and the assumptions"))
        self.sheet_panel = SheetPanel()
        self.sheet_panel.set_paper(self.settings.paper())
        self.sheet_panel.paper_combo.currentIndexChanged.connect(
            lambda: self.settings.set_paper(self.sheet_panel.paper()))
        self.sheet_panel.add_action_buttons(self.sheet_actions.actions)
        self.sheet_panel.changed.connect(self._sheet_edited)
        self.result_changed.connect(lambda _result: self.sheet_actions.refresh())
        self.context_tabs: list[LazyTab] = []
        # Every tab stays in view (UI.md: none hidden behind arrows): in a narrow window the names are
        # shortened with an ellipsis, and each keeps its full name as tooltip and accessible name.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        for spec in context_tab_specs() if self.model is not None else ():
            tab = LazyTab(spec.make, lambda panel, view=spec.view: panel.show_view(view(self)))
            setattr(self, f"{spec.name}_tab", tab)
            self.add_tab(tab, spec.title, spec.tip)
            self.context_tabs.append(tab)
        self.values_tab = LazyTab(self._make_values, self._update_values)
        self.add_tab(self.values_tab, _("Va&lues"), _("What matters to you: a short exercise, printed on the sheet"))
        self.add_tab(self.sheet_panel, _("&Sheet"), _("The summary sheet: name, notes, paper, language, print and PDF"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 990])
        splitter.setChildrenCollapsible(False)
        central = QWidget()  # the overdue-review notice (if any) above everything it qualifies
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.review_banner = ReviewBanner()
        if self.model is not None:
            self.review_banner.show_view(review_view(self.model.evidence))
        column.addWidget(self.review_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.main_splitter = splitter
        QWidget.setTabOrder(self.profile_form.clear_button, self.reference_boxes["relapsing"])
        QWidget.setTabOrder(self.reference_boxes["relapsing"], self.reference_boxes["progressive"])
        QWidget.setTabOrder(self.reference_boxes["progressive"], self.tabs)

    # -- public API (for other views: printing, saving, more tabs) --------------------------

    def current_result(self) -> Estimate | None:
        """The estimate on screen, or None while the profile is incomplete, refused or changing."""
        return self.session.result

    def audience(self) -> str:
        return self.session.audience

    def horizon(self) -> int:
        return self.session.horizon

    def set_profile_fields(self, values: Mapping[str, Any]) -> None:
        self.profile_form.set_fields(values)

    def set_audience(self, audience: str) -> None:
        self.session.set_audience(audience)  # raises for an unknown audience

    def set_horizon(self, horizon: int) -> None:
        self.session.set_horizon(horizon)  # raises for a horizon the model does not offer
        self.settings.set_horizon(horizon)
        self._apply_audience_actions()
        self._pending.start()

    def flush(self) -> None:
        """Compute a pending estimate now (for tests, screenshots and printing)."""
        if self._pending.isActive():
            self._pending.stop()
            self.session.recompute()

    def add_tab(self, panel: QWidget, title: str, tip: str = "") -> None:
        """Add a panel as a tab; it scrolls rather than being squashed when the tab area is short."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(panel)
        index = self.tabs.addTab(scroll, title)
        self.tabs.setTabToolTip(index, tip)

    # The context tabs are imported and built on first view, and updated only while visible
    # (see LazyTab): start-up and each keystroke stay fast.

    def _update_method(self, panel: MethodPanel) -> None:
        panel.show_method(self.model, self.session.result, self.session.audience == "clinician", self.evidence_problem)

    @property
    def method_panel(self) -> MethodPanel:
        """The "How calculated" panel, up to date (built and filled on first use)."""
        return self.method_tab.panel

    def _make_values(self):
        from .values_panel import ValuesPanel

        panel = ValuesPanel()
        panel.choices_changed.connect(self._values_chosen)
        return panel

    def _update_values(self, panel) -> None:
        from ..present.worksheet_view import worksheet_view

        panel.show_view(worksheet_view(self.model, self.session.values, self.session.audience))  # not a new answer

    def _values_chosen(self, choices) -> None:
        self.session.set_values(choices)

    @property
    def values_panel(self):
        """The "What matters to you" panel (built on first use)."""
        return self.values_tab.panel

    def values(self) -> dict[str, str]:
        return dict(self.session.values)

    def set_values(self, values: Mapping[str, str]) -> None:
        """Answers from a saved consultation (checked by the file loader)."""
        self.session.set_values(values)
        self.values_tab.invalidate()

    def _result_for_sheet(self) -> Estimate | None:
        self.flush()
        return self.session.result

    def _sheet_options(self):
        return replace(self.sheet_panel.options(self.session.audience),
                       values=tuple(self.session.values.items()))

    def consultation(self) -> Consultation:
        """Everything entered, as a consultation to save (the name is kept out of autosaves)."""
        return self.session.to_consultation()

    def apply_consultation(self, consultation: Consultation) -> None:
        """Show a saved (already checked) consultation; fields it leaves out become blank."""
        self._pending.stop()
        self.session.apply(consultation)
        self.settings.set_horizon(self.session.horizon)
        self.profile_form.set_fields({name: consultation.profile.get(name) for name in self.profile_form.fields})
        self.form_undo.reset()  # another consultation: its profile is not an edit of the one before
        self.sheet_panel.set_contents(consultation.patient_name, consultation.notes, consultation.sheet_language)
        self.values_tab.invalidate()
        self._apply_audience_actions()
        self.flush()

    def about_text(self) -> str:
        """Plain text (shown as text, never as HTML: the evidence problem can quote a file): the program,
        model and evidence, the review dates, the disclosure, licence, how to cite, Qt and Python."""
        from ..present.about_view import about_view

        return about_view(self.model, self.evidence_problem, qt_version=qVersion(),
                          python_version=platform.python_version()).text

    def about_box(self) -> QMessageBox:
        return plain_message_box(QMessageBox.Icon.Information, _("About the decision aid"), self.about_text(),
                                 parent=self)

    def show_about(self) -> None:
        self.about_box().exec()

    def user_guide(self):
        """The guide window (made once; its shortcut list is read from the real actions)."""
        if getattr(self, "_guide", None) is None:
            from .help_window import UserGuide, guide_shortcuts

            actions = [a for menu in (self.file_menu, self.edit_menu, self.view_menu, self.horizon_menu,
                                      self.help_menu) for a in menu.actions()]
            from ..present.help_text import GuideFacts

            facts = GuideFacts.from_model(self.model) if self.model is not None else None
            self._guide = UserGuide(guide_shortcuts(actions, [self.profile_form.clear_button]), facts, self)
        return self._guide

    def show_guide(self) -> None:
        guide = self.user_guide()
        guide.show()
        guide.activateWindow()

    # -- behaviour -------------------------------------------------------------------------

    def _apply_audience_actions(self) -> None:
        self.audience_actions[self.session.audience].setChecked(True)
        if self.session.horizon in self.horizon_actions:
            self.horizon_actions[self.session.horizon].setChecked(True)
        size = palette.PATIENT_BODY if self.session.audience == "patient" else palette.BODY
        for widget in (self.results_stack.widget(RESULTS_PAGE), self.tabs, self.chart_stack):
            font = widget.font()
            font.setPointSize(size)
            widget.setFont(font)
        self.tabs.tabBar().setFont(_control_font(self.tabs.tabBar()))  # the tab names stay one size

    def _reference_toggled(self, name: str, shown: bool) -> None:
        self.settings.set_show_reference(name, shown)
        self._show(self.session.result)

    def _on_edited(self) -> None:
        """Withdraw the estimate at once (the session forgets it), then compute once the edits settle.

        The widgets are not emptied here: the zero-delay timer runs in the same turn of the event
        loop, before any repaint, and either shows the new estimate or hides every number.
        Emptying them first made Qt lay out and paint the window twice per keystroke (the
        "repaint" benchmark: about twice the 16 ms budget)."""
        self.session.set_profile(self.profile_form.raw())
        self._pending.start()

    def _sheet_edited(self) -> None:
        self.session.set_notes(self.sheet_panel.notes())
        self.session.set_name(self.sheet_panel.name())
        self.session.set_sheet_language(self.sheet_panel.language())

    def _audience_changed(self) -> None:
        self.settings.set_audience(self.session.audience.value)
        self._apply_audience_actions()
        self._show(self.session.result)  # same result, other words: nothing to recompute

    def _estimate_changed(self) -> None:
        session = self.session
        self.profile_form.show_errors(session.refusal)
        if self.model is None:
            self.message.setText(self.evidence_problem or "")
        elif session.refusal:
            self.message.setText(refusals.problem_message(session.refusal))
        self._show(session.result)
        self.result_changed.emit(session.result)

    def _show(self, result: Estimate | None) -> None:
        if result is None:
            self.view = None
            self.chart.clear()
            self.outcomes.clear()
            self.general_notes.set_notes([], False)
            self.results_stack.setCurrentIndex(MESSAGE_PAGE)
            self.chart_stack.setCurrentIndex(MESSAGE_PAGE)
        else:
            self.view = estimate_view(result, self.session.audience, self.model)
            self.chart.set_view(self.view.chart, self.reference_actions["relapsing"].isChecked(),
                                self.reference_actions["progressive"].isChecked())
            self.outcomes.show_view(self.view)
            self.general_notes.set_notes(self.view.general_notes, self.view.audience.clinician)
            self.results_stack.setCurrentIndex(RESULTS_PAGE)
            self.chart_stack.setCurrentIndex(RESULTS_PAGE)
        for tab in (self.method_tab, *self.context_tabs):
            tab.invalidate()
        self.values_tab.invalidate()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if not self.consultations.maybe_save():
            event.ignore()
            return
        self.consultations.close_cleanly()
        self.settings.set_geometry(QByteArray(self.saveGeometry()))
        self.settings.sync()
        super().closeEvent(event)


def _control_font(widget: QWidget):
    """Controls keep the clinician size in both views; only the reading text grows."""
    font = widget.font()
    font.setPointSize(palette.BODY)
    return font
