"""The context tabs of the window, as a small list of specs: each names its panel and the view it shows.

A panel is imported and built when its tab is first shown, and given a new view (``show_view``)
only while it is visible (:class:`~decision_aid.ui.lazy_tab.LazyTab`), so start-up and each
keystroke stay fast. The views are built by the presentation layer from the window's current
estimate (or none), model and audience; the panels only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable

from ..present.i18n import _


@dataclass(frozen=True)
class TabSpec:
    name: str  # the window's attribute: ``<name>_tab``
    title: str  # with a mnemonic (&)
    tip: str
    panel: str  # "module:Class" under decision_aid.ui
    view: Callable[[Any], Any]  # window -> the view object the panel shows

    def make(self):
        module, name = self.panel.split(":")
        return getattr(import_module(f"decision_aid.ui.{module}"), name)()


def _profile(window):
    result = window.current_result()
    return None if result is None else result.profile


def _studies(window):
    from ..present.studies_view import studies_view

    return studies_view(window.model, window.current_result(), window.audience())


def _options(window):
    from ..present.options_view import options_view

    return options_view(window.model, _profile(window), window.audience(), window.current_result())


def _harms(window):
    from ..present.harms_view import harms_view

    return harms_view(window.model, window.current_result(), window.audience())


def _guidance(window):
    from ..present.guidance_view import guidance_view

    return guidance_view(window.model, _profile(window), window.audience())


def context_tab_specs() -> tuple[TabSpec, ...]:
    """The context tabs in the order shown (after How calculated), in the current language."""
    return (
        TabSpec("options", _("Your op&tions"),
                _("AHSCT and each drug option in the same format, then the studies that compare them for this type of "
                  "MS"),
                "options_panel:OptionsPanel", _options),
        TabSpec("harms", _("Ris&ks"),
                _("What the treatment involves: the steps of AHSCT, then every harm beside both early-death figures"),
                "harms_panel:HarmsPanel", _harms),
        TabSpec("studies", _("Stud&ies"),
                _("Other studies of AHSCT: early deaths and staying free of worsening, beside this estimate"),
                "studies_panel:StudiesPanel", _studies),
        TabSpec("guidance", _("Guidance, &questions"),
                _("Published guidance compared with this profile criterion by criterion, and questions to ask"),
                "guidance_panel:GuidancePanel", _guidance),
    )
