"""The consultation's state, without Qt: what was entered, for whom, and what the model says.

The window (and anything else that shows a consultation) subscribes to a session and displays
it, the way napari's Qt views follow its ViewerModel: the session owns the raw profile as typed,
the audience, the horizon, the values answers, the notes and the name, and the current estimate
or the refusal that hides every number. It never draws and never composes a sentence.

Changes are announced to subscribers by topic:

- ``"estimate"`` the estimate was recomputed (``session.result`` is the new one, or None with
  ``session.refusal`` saying which fields were refused or missing);
- ``"audience"`` the view changed (same numbers, other words);
- ``"contents"`` something a saved consultation keeps was edited (for unsaved-changes prompts);
- ``"comparison"`` an estimate was pinned for "what if", or the pin was removed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Mapping

from .consultation import Consultation
from .model import Estimate, FieldError, Model, ProfileError
from .present.audience import Audience

Listener = Callable[[], None]
TOPICS = ("estimate", "audience", "contents", "comparison")


class ConsultationSession:
    """One consultation. ``model`` may be None when the evidence failed its checks: then no
    estimate can ever be made and ``problem`` says why."""

    def __init__(self, model: Model | None, audience: Audience | str = Audience.CLINICIAN,
                 horizon: int | None = None, problem: str | None = None, sheet_language: str = "en") -> None:
        self.model = model
        self.problem = problem
        self.audience = Audience.parse(audience)
        horizons = model.horizons if model is not None else (5,)
        self.horizon = horizon if horizon in horizons else horizons[0]
        self.raw: dict[str, Any] = {}
        self.values: dict[str, str] = {}
        self.notes = ""
        self.name: str | None = None
        self.sheet_language = sheet_language  # the patient's language for the sheet (not the window's)
        self.sheet_audience = Audience.PATIENT  # the sheet's version, chosen on its own (never the view)
        self.sheet_left_out: tuple[str, ...] = ()  # the sheet's appendices left out (all included by default)
        self.result: Estimate | None = None
        self.refusal: tuple[FieldError, ...] = ()
        self.stale = False  # the profile changed since the last estimate
        self.pinned: Estimate | None = None  # "what if": the estimate pinned for comparison
        self._listeners: dict[str, list[Listener]] = defaultdict(list)

    # -- subscriptions ------------------------------------------------------------------------------

    def subscribe(self, topic: str, listener: Listener) -> None:
        if topic not in TOPICS:
            raise ValueError(f"topic: {topic!r} is not one of {', '.join(TOPICS)}")
        self._listeners[topic].append(listener)

    def _announce(self, *topics: str) -> None:
        for topic in topics:
            for listener in list(self._listeners[topic]):
                listener()

    # -- edits ----------------------------------------------------------------------------------------

    def set_profile(self, raw: Mapping[str, Any]) -> None:
        """The profile as typed. The shown estimate is withdrawn at once (``result`` is None);
        :meth:`recompute` makes the new one (the window defers it until the edits settle)."""
        raw = dict(raw)
        if raw == self.raw and not self.stale:
            return
        self.raw = raw
        self.result = None
        self.stale = True
        self._announce("contents")

    def set_audience(self, audience: Audience | str) -> None:
        audience = Audience.parse(audience)
        if audience is self.audience:
            return
        self.audience = audience
        self._announce("audience", "contents")

    def set_horizon(self, horizon: int) -> None:
        horizons = self.model.horizons if self.model is not None else ()
        if horizon not in horizons:
            raise ValueError(f"horizon: {horizon!r} is not allowed; allowed: {', '.join(map(str, horizons))} years")
        if horizon == self.horizon:
            return
        self.horizon = horizon
        self.result = None
        self.stale = True
        self._announce("contents")

    def set_values(self, values: Mapping[str, str]) -> None:
        from .context.values import ValuesChoices

        checked = dict(ValuesChoices(values))
        if checked != self.values:
            self.values = checked
            self._announce("contents")

    def set_notes(self, notes: str) -> None:
        if notes != self.notes:
            self.notes = notes
            self._announce("contents")

    def set_name(self, name: str | None) -> None:
        name = name or None
        if name != self.name:
            self.name = name
            self._announce("contents")

    def set_sheet_language(self, language: str) -> None:
        if language != self.sheet_language:
            self.sheet_language = language
            self._announce("contents")

    def set_sheet_audience(self, audience: Audience | str) -> None:
        audience = Audience.parse(audience)
        if audience is not self.sheet_audience:
            self.sheet_audience = audience
            self._announce("contents")

    def set_sheet_left_out(self, left_out: tuple[str, ...]) -> None:
        """The appendices the clinician leaves out of the sheet (saved with the consultation)."""
        left_out = tuple(left_out)
        if left_out != self.sheet_left_out:
            self.sheet_left_out = left_out
            self._announce("contents")

    # -- the estimate ---------------------------------------------------------------------------------

    def recompute(self) -> None:
        """Validate the profile and estimate, or record the refusal; announce either way."""
        self.result, self.refusal = None, ()
        if self.model is not None:
            try:
                profile = self.model.validate(self.raw)
            except ProfileError as exc:
                self.refusal = exc.errors
            else:
                self.result = self.model.estimate(profile, horizon=self.horizon)
        self.stale = False
        self._announce("estimate")

    # -- what if -------------------------------------------------------------------------------------

    def pin(self) -> bool:
        """Pin the current estimate to compare the next profiles with; False when there is none."""
        if self.result is None:
            return False
        self.pinned = self.result
        self._announce("comparison")
        return True

    def unpin(self) -> None:
        if self.pinned is not None:
            self.pinned = None
            self._announce("comparison")

    # -- saving and opening ---------------------------------------------------------------------------

    def to_consultation(self, with_name: bool = True) -> Consultation:
        """Everything entered, stamped with the model's versions (the name only when asked)."""
        return Consultation.for_model(
            self.model, self.raw, audience=self.audience.value, horizon=self.horizon, notes=self.notes,
            values=dict(self.values), patient_name=self.name if with_name else None,
            sheet_language=self.sheet_language, sheet_audience=self.sheet_audience.value,
            sheet_left_out=self.sheet_left_out)

    def apply(self, consultation: Consultation) -> None:
        """Show a saved (already checked) consultation; fields it leaves out become blank."""
        self.audience = Audience.parse(consultation.audience)
        if self.model is not None and consultation.horizon in self.model.horizons:
            self.horizon = consultation.horizon
        self.raw = {k: v for k, v in consultation.profile.items()}
        self.values = dict(consultation.values)
        self.notes = consultation.notes
        self.name = consultation.patient_name
        self.sheet_language = consultation.sheet_language
        self.sheet_audience = Audience.parse(consultation.sheet_audience)
        self.sheet_left_out = consultation.sheet_left_out
        self.result, self.stale = None, True
        self.unpin()  # another consultation: a pin from this one would compare two patients
        self._announce("audience", "contents")
        self.recompute()
