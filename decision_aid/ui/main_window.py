"""The consultation window: profile on the left; chart, icon arrays and explanations on the right.

The window never computes a risk: it asks the model for an :class:`Estimate` and displays it.
Any edit invalidates the displayed result at once (``current_result()`` is None); the new
estimate, or the refusal that hides every number, follows on a zero-delay single-shot timer so
that bursts of edits (typing, filling a profile) are computed and painted once.
"""

from __future__ import annotations

import platform
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Mapping

from PySide6.QtCore import QByteArray, QEvent, QPoint, QSettings, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QMainWindow, QMenu, QMessageBox, QSizePolicy,
    QVBoxLayout, QWidget,
)

from .. import palette
from ..present import refusals
from ..evidence import EvidenceError
from ..model import Estimate, Model, default_model
from ..present.estimate_view import EstimateView, estimate_view, estimates_shown
from ..present.i18n import _, current_language
from ..present.wording import PROGRAM_NAME
from .actions import make_action, plain_text
from .form_undo import FormUndo
from .record_copy import RecordCopy
from .announce import LiveRegion, SettledAnnouncer, announce
from .comparison_panel import ComparisonPanel
from .outcomes_panel import NotesList, OutcomesPanel, body_label, heading_label
from .pfs_chart import PfsChart
from .plain import plain_label, plain_message_box
from .profile_form import ProfileForm
from .language import language_menu
from .responsive import AdaptiveTabWidget, PageStack, SideAndPage, ToolRow, current_only
from .style import (FocusRing, install_accessible_style, make_reading, refresh_colours, screen_colours, sized,
                    style_fields)
from .year_table import YearTable
from .settings import WindowSettings
from ..consultation import Consultation
from ..session import ConsultationSession
from .consultation_controller import ConsultationController
from .context_tabs import context_tab_specs
from .review_banner import ReviewBanner
from ..present.review_view import review_view
from .lazy_tab import LazyTab
from .sheet_actions import SheetActions
from .sheet_panel import SheetPanel

if TYPE_CHECKING:
    from .method_panel import MethodPanel

DEFAULT_SIZE = (1280, 800)
MINIMUM_SIZE = (480, 320)  # fits 200% scaling on a 1024 x 700 screen (512 x 350): everything scrolls in one area
MESSAGE_PAGE, RESULTS_PAGE = 0, 1
ESTIMATE_TAB, METHOD_TAB = 0, 1  # the first two tabs; the others follow them
CHART_PLOT_HEIGHT = 430  # px: the plot at the height it had beside the numbers at 1280 x 800
PROFILE_WIDTH = 290  # beside the tabs: at 1280 px the eight tabs still fit along the top
PROFILE_BESIDE = 900  # px: from this window width the profile stays in place beside the tabs


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
        self._note_stops: tuple[QWidget, ...] = ()  # the note and comparison widgets now in the Tab order
        self._group_labels: dict[QActionGroup, str] = {}  # a toolbar group's label, said with its buttons
        self._shown_page: QWidget | None = None  # the tab shown before the current one
        self._guide = None  # the user guide window, made when first asked for
        self._following_focus = False  # connected to the application's focus changes while shown
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(lambda: self.session.recompute())

        # The application's style before the first widget: installed after them, it re-polished the
        # whole window (about 15 ms of each start, every label's height computed again).
        install_accessible_style()
        self.sheet_actions = SheetActions(self, self._result_for_sheet, self._sheet_options)
        self.consultations = ConsultationController(self, model, autosave_path=autosave_path)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._follow_focus(True)
        self._build_edit_menu()
        style_fields(self)  # the fields' borders (panels built later get them when first shown)
        self.focus_ring = FocusRing(self)
        self.focus_ring.setParent(self.centralWidget())
        self.setMinimumSize(*MINIMUM_SIZE)
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        self._apply_audience_actions()
        self.session.subscribe("estimate", self._estimate_changed)
        self.session.subscribe("audience", self._audience_changed)
        self.session.subscribe("contents", self.changed.emit)
        self.session.subscribe("comparison", self._comparison_changed)
        self.session.recompute()
        self.profile_form.age.setFocus(Qt.FocusReason.OtherFocusReason)  # focus starts on Age

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
            action = make_action(self, text, lambda _on, a=audience: self._switch_audience(a), key, tip,
                                 checkable=True)
            self.audience_group.addAction(action)
            self.audience_actions[audience] = action
        self.horizon_group = QActionGroup(self)
        self.horizon_actions: dict[int, QAction] = {}
        for horizon in (self.model.horizons if self.model else ()):
            key = horizon_key(horizon)
            text = mnemonic_before_last(_("{years} years", years=horizon), str(horizon))
            tip = (_("Show the curve to {years} years", years=horizon) if horizon <= 5 else
                   _("Show the curve to {years} years (beyond 5 years it is an extrapolation)", years=horizon))
            action = make_action(self, text, lambda _on, h=horizon: self._switch_horizon(h), f"Alt+{key}", tip,
                                 checkable=True)
            self.horizon_group.addAction(action)
            self.horizon_actions[horizon] = action
        self.reference_actions: dict[str, QAction] = {}
        for name, text, tip in (
                ("relapsing", _("Study curve: &relapsing MS"),
                 _("Show the study's average curve for relapsing MS on the chart (dash-dot line), for comparison")),
                ("progressive", _("Study curve: pro&gressive MS"),
                 _("Show the study's average curve for progressive MS on the chart (dotted line), for comparison"))):
            action = make_action(self, text, tip=tip, checkable=True, checked=self.settings.show_reference(name))
            action.toggled.connect(lambda on, n=name: self._reference_toggled(n, on))
            self.reference_actions[name] = action
        self.compare_action = make_action(
            self, _("&Compare with\u2026"), self._compare_toggled, "Ctrl+K",
            _("What if: keep this estimate, then change the profile (age, EDSS, treatments) to see both side "
              "by side; uncheck to stop comparing"), checkable=True, name="compareAction")
        self.compare_action.setEnabled(False)  # nothing to pin until there is an estimate
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
        self.view_menu.addActions([*self.reference_actions.values(), self.compare_action])
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
        """A wrapping row of named buttons at the top (never an unnamed overflow button); each
        group's label ("Show for:", "Horizon:") is part of its buttons' descriptions."""
        self.toolbar = ToolRow(_("Main toolbar"))
        show_for = self.toolbar.addWidget(plain_label(_("Show for:")))
        for action in self.audience_actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        horizon = self.toolbar.addWidget(plain_label(_("Horizon:")))
        for action in self.horizon_actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.sheet_actions.print_action)
        groups = [(show_for, self.audience_actions.values()), (horizon, self.horizon_actions.values()),
                  (None, [self.sheet_actions.print_action])]
        self._group_labels.update({self.audience_group: show_for.text(), self.horizon_group: horizon.text()})
        for label, actions in groups:
            for action in actions:
                button = self.toolbar.widgetForAction(action)
                _describe_button(button, action, label)
                action.changed.connect(lambda b=button, a=action, g=label: _describe_button(b, a, g))

    def _build_central(self) -> None:
        """One scroll area holds everything under the toolbar: the profile beside the tabs when the
        window is wide, above them when it is narrow (zoomed or small screens)."""
        self._build_profile()
        self._build_results()
        self._build_chart()
        self._build_estimate_page()
        self._build_tabs()
        self._build_scrolling_page()
        self._set_focus_order()
        self.live_region = LiveRegion(self)
        self.announcer = SettledAnnouncer(self)
        # The status bar's confirmations (copied, saved, PDF written) are said as they are shown.
        self.statusBar().messageChanged.connect(lambda text: announce(self, text) if text else None)

    def _build_profile(self) -> None:
        self.profile_form = ProfileForm(self.model.limits if self.model else None)
        self.profile_form.edited.connect(self._on_edited)
        self.profile_form.setMinimumWidth(260)
        self.profile_form.setMaximumWidth(self._profile_width())  # beside the tabs; full width when above them
        # As tall as the column: its help texts wrap to its width (aligned to the top, it had the
        # height of its widest layout and cut them off with a large system font); a stretch at its
        # end keeps the fields at the top.
        self.profile_form.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _build_results(self) -> None:
        """The numbers in decision order (early cost, then 5 years), or the one calm message that
        says why there are none (its accessible name is that message, read as it is shown)."""
        self.results_stack = PageStack("resultsStack")
        self.message = plain_label()
        self.message.setObjectName("resultsMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        make_reading(self.message)
        self.message.setFont(sized(self.message.font(), palette.HEADING))
        self.message.setMargin(24)
        self.results_stack.add_page(self.message)
        self.results_page = QWidget()
        self.results_page.setObjectName("resultsPage")
        layout = QVBoxLayout(self.results_page)
        layout.setContentsMargins(8, 4, 4, 4)
        # When the profile meets none of the guidance's core criteria: one calm sentence above the numbers.
        self.guidance_core = body_label("guidanceCore")
        # its text in the system's colour (a fixed #222222 was 1.3:1 on a dark window), its rule 3:1
        self.guidance_core.setStyleSheet(f"border-left: 3px solid {screen_colours().border}; padding-left: 6px;")
        self.guidance_core.hide()
        layout.addWidget(self.guidance_core)
        self.general_notes = NotesList("generalNotes")
        layout.addWidget(self.general_notes)
        self.comparison = ComparisonPanel()  # what if: shown only while an estimate is pinned
        layout.addWidget(self.comparison)
        self.outcomes = OutcomesPanel()
        layout.addWidget(self.outcomes, 1)
        for notes in (self.general_notes, self.outcomes.early_notes, self.outcomes.pfs_notes):
            notes.assumption_activated.connect(self.show_assumption)
        self.results_stack.add_page(self.results_page)
        self.results_stack.setMinimumWidth(300)

    def _build_chart(self) -> None:
        """The curve over the years, the curves to compare, and every year's value as a table;
        blank (no axes, no numbers) without a result."""
        chart_page = QWidget()
        chart_page.setObjectName("chartPage")
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(4, 4, 8, 0)
        title = heading_label(_("Alive without disability worsening over the years"), "chartTitle")
        chart_layout.addWidget(title)
        self.chart = PfsChart()
        # A constant height: stretched with the column beside it, the chart was resized (and pyqtgraph
        # re-ranged every axis) on most keystrokes, as the sentences beside it changed length.
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chart.plot.setFixedHeight(CHART_PLOT_HEIGHT)
        chart_layout.addWidget(self.chart, 0)
        chart_layout.addWidget(self._build_compare_button())
        self.years_heading = heading_label("", "yearsHeading")
        chart_layout.addWidget(self.years_heading)
        self.years_table = YearTable()
        chart_layout.addWidget(self.years_table)
        chart_layout.addStretch(0)
        self.chart_stack = PageStack("chartStack")
        blank = QWidget()
        blank.setObjectName("chartBlank")
        self.chart_stack.add_page(blank)
        self.chart_stack.add_page(chart_page)

    def _build_compare_button(self) -> QCheckBox:
        """What if: the Compare with... action as a box under the chart, checked while an estimate
        is pinned (no mnemonic of its own: its shortcut works from anywhere, and the letters are
        taken on this tab). The study's group curves are shown from View (Study curve: ...)."""
        action = self.compare_action
        box = QCheckBox(_("Pin to compare"))
        box.setObjectName("compareButton")
        box.setFont(_control_font(box))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{action.toolTip()} ({plain_text(action)}\u2026, {shortcut})"
        box.setToolTip(tip)
        box.setAccessibleDescription(tip)
        box.setEnabled(action.isEnabled())
        box.clicked.connect(lambda _on: action.trigger())
        action.toggled.connect(box.setChecked)
        action.changed.connect(lambda: box.setEnabled(action.isEnabled()))
        self.compare_button = box
        return box

    def _build_estimate_page(self) -> None:
        """The estimate tab: the numbers, then the chart. Beside the numbers, the chart left them a
        third of the width, and the third key number fell below the first screen (issue 25 item 4)."""
        self.estimate_page = QWidget()
        self.estimate_page.setObjectName("estimatePage")
        column = QVBoxLayout(self.estimate_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.results_stack)
        column.addWidget(self.chart_stack)

    def _build_tabs(self) -> None:
        """The estimate and everything that explains or frames it, one tab each; tabs along the
        top while they fit, else a vertical list (never hidden behind scroll arrows)."""
        self.tabs = AdaptiveTabWidget()
        self.tabs.setObjectName("tabs")
        # The tab list is the stop, not an unnamed frame round it. Nor is the frame a stop through its
        # focus proxy, the tab list: Tab treats it as one where it stands in the focus chain, and from
        # the Sheet tab's last button Tab went back to the tab list (round the page, never out of it).
        self.tabs.setFocusProxy(None)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(current_only(self.estimate_page), _("Your esti&mate"))
        self.method_tab = LazyTab(self._make_method, self._update_method)
        self.tabs.addTab(current_only(self.method_tab), _("Ho&w calculated"))
        self.tabs.setTabToolTip(ESTIMATE_TAB, _("The estimate for this profile: numbers, pictures and the chart"))
        self.tabs.setTabToolTip(METHOD_TAB, _("How was this calculated? The study, its figures and the assumptions"))
        self.sheet_panel = SheetPanel()
        self.sheet_panel.set_paper(self.settings.paper())
        self.sheet_panel.paper_combo.currentIndexChanged.connect(
            lambda: self.settings.set_paper(self.sheet_panel.paper()))
        self.sheet_panel.add_action_buttons(self.sheet_actions.actions)
        self.sheet_panel.changed.connect(self._sheet_edited)
        self.result_changed.connect(lambda _result: self.sheet_actions.refresh())
        self.context_tabs: list[LazyTab] = []
        for spec in context_tab_specs() if self.model is not None else ():
            tab = LazyTab(spec.make, lambda panel, view=spec.view: panel.show_view(view(self)))
            setattr(self, f"{spec.name}_tab", tab)
            self.add_tab(tab, spec.title, spec.tip)
            self.context_tabs.append(tab)
        self.values_tab = LazyTab(self._make_values, self._update_values)
        self.add_tab(self.values_tab, _("Va&lues"), _("What matters to you: a short exercise, printed on the sheet"))
        self.add_tab(self.sheet_panel, _("&Sheet"), _("The summary sheet: name, notes, paper, language, print and PDF"))
        # Panels are built on first view: their fields get the accessible borders when shown.
        self.tabs.currentChanged.connect(lambda _i: style_fields(self.tabs.currentWidget()))
        self._shown_page = self.tabs.currentWidget()
        self.tabs.currentChanged.connect(self._page_opened)

    def _arrange_profile(self) -> None:
        """Beside the tabs the profile keeps its column's width; above them, the page's. Moved, its
        fields are put back in the reading order of the Tab key."""
        beside = self.main_page.side_by_side()
        width = self._profile_width()
        self.profile_form.setMaximumWidth(width if beside else 16777215)
        if beside:
            self.main_page.set_side_width(width)
        self._set_focus_order()

    def _profile_width(self) -> int:
        """Beside the tabs: 290 px, or what its widest field needs with a large system font."""
        return max(PROFILE_WIDTH, self.profile_form.minimumSizeHint().width())

    def _build_scrolling_page(self) -> None:
        """The toolbar row on top, then the profile beside the scrolling tabs: it stays in place
        while the results scroll (it has its own scroll bar only if taller than the window). In a
        narrow window it moves above the tabs, into the one scroll area."""
        self.main_page = SideAndPage(self.profile_form, self.tabs, breakpoint=PROFILE_BESIDE,
                                     arranged=self._arrange_profile)
        self.scroll = self.main_page.scroll
        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolbar)
        self.review_banner = ReviewBanner()  # the overdue-review notice (if any) above all it qualifies
        if self.model is not None:
            self.review_banner.show_view(review_view(self.model.evidence))
        column.addWidget(self.review_banner)
        column.addWidget(self.main_page, 1)
        self.setCentralWidget(central)
        self._arrange_profile()

    def _set_focus_order(self) -> None:
        order = self.focus_order()
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def focus_order(self) -> list[QWidget]:
        """Tab follows the reading order: profile, the results, the chart's controls and its table,
        the tab list, then the shown tab's own controls; round the circle, the toolbar buttons come
        before Age (focus starts on Age)."""
        outcomes = self.outcomes
        return [
            *self.toolbar.buttons(), *self.profile_form.focus_order(), self.message, self.guidance_core,
            *self.general_notes.stops(),
            *self.comparison.stops(),
            *outcomes.key_numbers.stops()[:2], outcomes.risk_line, *outcomes.key_numbers.stops()[2:],
            outcomes.early_heading, *_card_stops(outcomes.early), *_card_stops(outcomes.early_recent),
            *outcomes.early_notes.stops(), *_card_stops(outcomes.five_years), *_card_stops(outcomes.five_years_recent),
            outcomes.pfs_line, *outcomes.pfs_notes.stops(), outcomes.survival, outcomes.details, outcomes.people_like_you,
            self.chart.plot, self.compare_button, self.years_table, self.tabs.tabBar(),
            # the Sheet tab is built now (the other tabs when first shown, after the tab list): its
            # buttons, made after the rest, came after the toolbar in the Tab order
            *[w for w in self.sheet_panel.findChildren(QWidget)
              if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is self],  # not a list's popup
        ]

    def _page_opened(self, _index: int) -> None:
        """A page opens at its top. Reached from inside a page (Alt and a tab's letter), the keyboard
        goes to its first item: Qt gave it the page's container (an unnamed stop) or the item
        focused there last time (the page then opened scrolled to its middle). From the tab list,
        the profile or the toolbar, the focus stays where it is."""
        page, before = self.tabs.currentWidget(), self._shown_page
        self._shown_page = page
        scroll_bar = self.scroll.verticalScrollBar()
        top = self.tabs.mapTo(self.scroll.widget(), QPoint(0, 0)).y()
        if scroll_bar.value() > top:
            scroll_bar.setValue(top)
        if page is not None and _within(QApplication.focusWidget(), page, before):
            # A page built now is shown on the next turn of the event loop (Qt shows new children then).
            QTimer.singleShot(0, self, lambda: self._focus_first(page, before))

    def _focus_first(self, page: QWidget, before: QWidget | None) -> None:
        focus = QApplication.focusWidget()
        if page is not self.tabs.currentWidget() or not _within(focus, page, before):
            return  # the focus went elsewhere meanwhile (or the page was left again)
        first = self.first_stop(page)
        if first is not None and first is not focus:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            # Qt first gave the focus back to the item last focused on this page (far down), and
            # keeping the new focus in view then stopped 16 px above the first item: the page's top
            # instead, while the first item shows there
            self._back_to_top(first)

    def _back_to_top(self, first: QWidget) -> None:
        scroll_bar = self.scroll.verticalScrollBar()
        top = self.tabs.mapTo(self.scroll.widget(), QPoint(0, 0)).y()
        bottom = first.mapTo(self.scroll.widget(), QPoint(0, first.height())).y()
        if first.hasFocus() and scroll_bar.value() > top and bottom - top <= self.scroll.viewport().height():
            scroll_bar.setValue(top)

    def first_stop(self, page: QWidget) -> QWidget | None:
        """The first widget Tab reaches in ``page`` from the tab list."""
        bar = self.tabs.tabBar()
        widget = bar.nextInFocusChain()
        while widget is not bar:
            if page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                return widget
            widget = widget.nextInFocusChain()
        return None

    def _keep_focus_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Whatever the keyboard reaches is scrolled into view (zoomed windows scroll)."""
        area = self.main_page.scroll_for(new) if new is not None else None
        if area is not None:
            area.ensureWidgetVisible(new, 16, 16)
            # Again once laid out: a page that just grew (an estimate shown) has its scroll range
            # only then, and the first call stopped at the old end.
            QTimer.singleShot(0, new, lambda: area.ensureWidgetVisible(new, 16, 16) if new.hasFocus() else None)

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
        """Add a panel as a tab. The window's one scroll area scrolls it: the tab adds no scroll
        area of its own, and a read-only text view in it grows to its text (see responsive.py)."""
        index = self.tabs.addTab(current_only(panel), title)
        self.tabs.setTabToolTip(index, tip)

    def show_assumption(self, assumption: str) -> None:
        """Follow an assumption link: show How calculated with that assumption selected and in view."""
        self.tabs.setCurrentIndex(METHOD_TAB)
        panel = self.method_panel
        found = panel.show_assumption(assumption)
        panel.setFocus(Qt.FocusReason.OtherFocusReason)
        if found:
            rect = panel.cursorRect()
            self.scroll.ensureVisible(*_centre_in(self.scroll.widget(), panel, rect), 40, 80)

    # The context tabs are imported and built on first view, and updated only while visible
    # (see LazyTab): start-up and each keystroke stay fast.

    def _make_method(self) -> MethodPanel:
        from .method_panel import MethodPanel

        return MethodPanel()

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
        return replace(self.sheet_panel.options(),  # its own version, never the window's view
                       values=tuple(self.session.values.items()), comparison=self.session.pinned)

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
        self.sheet_panel.set_contents(consultation.patient_name, consultation.notes, consultation.sheet_language,
                                      consultation.sheet_audience, consultation.sheet_left_out)
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
        if self._guide is None:
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
        for widget in (self.results_page, self.tabs, self.chart_stack):
            widget.setFont(sized(widget.font(), size))
        self.tabs.tabBar().setFont(_control_font(self.tabs.tabBar()))  # the tab names stay one size

    def _reference_toggled(self, name: str, shown: bool) -> None:
        self.settings.set_show_reference(name, shown)
        self._show(self.session.result)

    def _compare_toggled(self, on: bool) -> None:
        """Compare with...: checked pins the estimate on screen, unchecked removes the pin."""
        if on:
            self.flush()  # pin what the profile says now, not an estimate still being computed
            if not self.session.pin():
                self.compare_action.setChecked(False)
        else:
            self.session.unpin()

    def _switch_audience(self, audience: str) -> None:
        """View > Patient or Clinician view (Alt+P, Alt+N): switched, and said (focus stays put)."""
        self.set_audience(audience)
        announce(self, self._switched(self.audience_actions[audience]))

    def _switch_horizon(self, horizon: int) -> None:
        self.set_horizon(horizon)
        announce(self, self._switched(self.horizon_actions[horizon]))

    def _switched(self, action: QAction) -> str:
        """What a toolbar button says when chosen: its group's label and its own ("Horizon: 10 years")."""
        return f"{self._group_labels[action.actionGroup()]} {plain_text(action)}"

    def _comparison_changed(self) -> None:
        self.compare_action.setChecked(self.session.pinned is not None)
        self._refresh_compare_action()
        self._show(self.session.result)
        # What if: said when pinned (the comparison's title) and when removed.
        announce(self, self.comparison.view.title if self.comparison.view is not None
                 else _("No longer comparing: the pinned estimate was removed."))

    def _refresh_compare_action(self) -> None:
        """Enabled while there is an estimate to pin, or a pin to remove."""
        self.compare_action.setEnabled(self.session.result is not None or self.session.pinned is not None)

    def _on_edited(self) -> None:
        """Withdraw the estimate at once (the session forgets it), then compute once the edits settle.

        The widgets are not emptied here: the zero-delay timer runs in the same turn of the event
        loop, before any repaint, and either shows the new estimate or hides every number.
        Emptying them first made Qt lay out and paint the window twice per keystroke (the
        "repaint" benchmark: about twice the 16 ms budget)."""
        self.session.set_profile(self.profile_form.raw())
        self.announcer.edited()  # still typing: what is announced waits until the edits settle
        self._pending.start()

    def _sheet_edited(self) -> None:
        self.session.set_notes(self.sheet_panel.notes())
        self.session.set_name(self.sheet_panel.name())
        self.session.set_sheet_language(self.sheet_panel.language())
        self.session.set_sheet_audience(self.sheet_panel.audience())
        self.session.set_sheet_left_out(self.sheet_panel.left_out())
        self.sheet_actions.set_version(self.sheet_panel.audience())

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
        self._refresh_compare_action()
        self.result_changed.emit(session.result)
        self._announce_estimate()

    def _announce_estimate(self) -> None:
        """Once the edits settle: the refusal in the field's own words, or that estimates are
        shown (with the main numbers), or that they were withdrawn."""
        session, form = self.session, self.profile_form
        if self.model is None:
            self.announcer.set_message(self.message.text())
            return
        refused = [e for e in session.refusal if not e.missing]
        if refused:
            field = refused[0].field
            label = form.labels[field].text().replace("&", "").removesuffix(" \u26a0")
            self.announcer.set_message(_("{field}: {problem} Estimates are hidden.", field=label,
                                         problem=form.problem(field)), assertive=True)
        elif session.result is None:
            self.announcer.set_message(self.message.text())
        elif self.view is not None:
            shown = estimates_shown(self.view)
            # The EDSS's meaning, shown under it, waits with its description while it is typed in: said here.
            meaning = form.meaning("edss") if form.last_edited == "edss" else ""
            self.announcer.set_message(f"{meaning} {shown}" if meaning else shown)

    def _show(self, result: Estimate | None) -> None:
        if result is None:
            self.view = None
            self.chart.clear()
            self.comparison.show_view(None)  # no stale numbers: the comparison goes with the estimate
            self.outcomes.clear()
            self.general_notes.set_notes([], False)
            self.guidance_core.clear()
            self.guidance_core.hide()
            self.years_table.clear_rows()
            self.results_stack.setCurrentIndex(MESSAGE_PAGE)
            self.chart_stack.setCurrentIndex(MESSAGE_PAGE)
        else:
            self.view = estimate_view(result, self.session.audience, self.model)
            self.chart.set_view(self.view.chart, self.reference_actions["relapsing"].isChecked(),
                                self.reference_actions["progressive"].isChecked())
            self.outcomes.show_view(self.view)
            self._show_comparison(result)
            self.general_notes.set_notes(self.view.general_notes, self.view.audience.clinician)
            from ..present.guidance_core import core_sentence  # loaded at the first estimate

            core = core_sentence(self.model, result.profile, self.session.audience)
            self.guidance_core.setText(core)
            self.guidance_core.setVisible(bool(core))
            self.years_heading.setText(self.view.years_heading)
            self.years_table.show_rows(self.view.years_heading, self.view.years, self.view.years_recent,
                                       self.view.era_names)
            self.results_stack.setCurrentIndex(RESULTS_PAGE)
            self.chart_stack.setCurrentIndex(RESULTS_PAGE)
        for tab in (self.method_tab, *self.context_tabs):
            tab.invalidate()
        self.values_tab.invalidate()
        stops = tuple(self.general_notes.stops() + self.comparison.stops() + self.outcomes.early_notes.stops()
                      + self.outcomes.pfs_notes.stops())
        if stops != self._note_stops:  # new note or comparison widgets: keep them in reading order
            self._note_stops = stops
            self._set_focus_order()

    def _show_comparison(self, result: Estimate) -> None:
        """What if: the pinned estimate on the chart and beside the current one, or neither."""
        pinned = self.session.pinned
        view = None
        if pinned is not None:
            from ..present.comparison_view import comparison_view  # what if: loaded at the first pin

            view = comparison_view(pinned, result, self.session.audience)
        self.comparison.show_view(view)
        self.chart.set_pinned(view.curve if view is not None else None)

    def _follow_focus(self, follow: bool) -> None:
        """Whatever the keyboard reaches is scrolled into view while the window is open. The
        application's focus signal is shared by every window: connected from construction (before
        the focus ring's, which then finds the widget scrolled into view), disconnected on close."""
        if follow != self._following_focus:
            signal = QApplication.instance().focusChanged
            signal.connect(self._keep_focus_in_view) if follow else signal.disconnect(self._keep_focus_in_view)
            self._following_focus = follow

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._follow_focus(True)  # again, after a close

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """The system's palette changed (a dark or high-contrast theme chosen while running): the
        colours chosen from it are chosen again."""
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "focus_ring"):
            refresh_colours(self)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if not self.consultations.maybe_save():
            event.ignore()
            return
        self.consultations.close_cleanly()
        self._follow_focus(False)
        self.settings.set_geometry(QByteArray(self.saveGeometry()))
        self.settings.sync()
        super().closeEvent(event)


def _within(focus: QWidget | None, *pages: QWidget | None) -> bool:
    """True if there is no focus, or it is on one of ``pages`` or inside one."""
    return focus is None or any(page is not None and (page is focus or page.isAncestorOf(focus)) for page in pages)


def _card_stops(column) -> list[QWidget]:
    """An outcome card's keyboard stops in reading order: its picture, then its sentences."""
    return [column.icons, column.headline, column.other_side, column.range]


def _describe_button(button: QWidget, action: QAction, group: QWidget | None) -> None:
    """A toolbar button's name is its action's words (the sheet's name its version), its
    description the group's label and the action's tip (why it is greyed out, when it is)."""
    button.setAccessibleName(plain_text(action))
    tip = action.toolTip().replace("&", "")
    button.setAccessibleDescription(f"{group.text()} {tip}" if group is not None else tip)


def _centre_in(content: QWidget, child: QWidget, rect) -> tuple[int, int]:
    """The centre of ``rect`` (in ``child``'s viewport) in ``content``'s coordinates."""
    viewport = getattr(child, "viewport", lambda: child)()
    point = viewport.mapTo(content, rect.center())
    return point.x(), point.y()


def _control_font(widget: QWidget):
    """Controls keep the clinician size in both views; only the reading text grows."""
    return sized(widget.font(), palette.BODY)


def horizon_key(horizon: int) -> str:
    """The digit that chooses a horizon with Alt: its last (Alt+5, Alt+0 for 10 years), the one
    digit in which the offered horizons differ."""
    return str(horizon)[-1]


def mnemonic_before_last(text: str, number: str) -> str:
    """``text`` (a translated sentence that contains ``number``) with the mnemonic on the number's
    last digit ("1&0 years"); unchanged if a translation spells the number otherwise."""
    at = text.find(number)
    if at < 0:
        return text
    last = at + len(number) - 1
    return f"{text[:last]}&{text[last:]}"
