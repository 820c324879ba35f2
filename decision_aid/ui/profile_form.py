"""The patient profile: ten fields, each with a label, a tooltip, an accessible name and room
for a message. The form only collects what was typed; the model decides what is allowed.

Accessibility: a field's accessible name is its visible label, and for a typed number its value
too, as is its label's ("Age (years) 38": Qt gives AT-SPI zero-length text-attribute runs for a
line edit, and Orca 43 then reads "38" as "3" and "3" as nothing; it names a field by its label);
its accessible description is
what the field means (the EDSS or course explanation shown under it), or, while the value is
refused or missing, the refusal in the same words as the message under the field. While a field
is being typed in, its name and description wait until the focus leaves it: a screen reader speaks
every change of the focused field's name and description, and typing "38" said "Not allowed: 3" on
the way (the window announces the outcome once the typing settles). The EDSS is
typed exactly: an editable list whose text is read as typed ("10" is refused, never taken as 1.0;
"0.5" is refused, never taken as 0.0); the arrow keys still step through the allowed values."""

from __future__ import annotations

import re
from typing import Any, Mapping

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from .. import palette
from ..consultation import MAX_PROFILE_TEXT
from ..present import refusals, wording
from ..present.i18n import _
from ..model import FieldError, ProfileLimits
from ..model.profile import CHOICE_FIELDS
from .plain import plain_label
from .style import mute, set_field_style, sized

#: what may be typed in the EDSS field: digits and one decimal separator (the model refuses the rest
#: with the field's message; letters are not typed into a number)
EDSS_TYPING = QRegularExpression(r"\s*[0-9]{0,2}([.,][0-9]{0,2})?\s*")


class ProfileForm(QWidget):
    """Emits ``edited`` whenever any field changes (typing, choosing, clearing)."""

    edited = Signal()

    def __init__(self, limits: ProfileLimits | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileForm")
        self._setting = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        heading = plain_label(_("Patient profile"))
        heading.setObjectName("profileHeading")
        heading.setFont(sized(heading.font(), palette.HEADING, bold=True))
        layout.addWidget(heading)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._about: dict[str, str] = {}  # what each field means: its description while not refused
        self._problems: dict[str, str] = {}  # the refusal shown under each refused or missing field
        self._given_edss: tuple[str, Any] | None = None  # (shown text, value) set from a file or a flag
        self._held: dict[str, tuple[str, str]] = {}  # (name, description) waiting until the field loses focus
        self.last_edited: str | None = None  # the field changed last (its meaning is said with the outcome)
        lim = limits

        number = wording.number
        self.age = self._line_edit(
            form, "age", _("&Age (years)"),
            _("{low} to {high}", low=number(lim.age_min), high=number(lim.age_max)) if lim else "",
            _("Age in years at transplant; decimals allowed ({low} to {high}). The study mostly included people aged "
              "{studied_low} to {studied_high}.", low=number(lim.age_min), high=number(lim.age_max),
              studied_low=number(lim.studied_age_min), studied_high=number(lim.studied_age_max))
            if lim else _("Age in years at transplant; decimals allowed."),
        )
        self.course = self._combo(form, "course", _("MS c&ourse"), _("Type of multiple sclerosis"),
                                  [(_(wording.COURSE_LABELS[c]), c) for c in (lim.courses if lim else ())],
                                  _("Choose the type of MS"))
        self.course_help = self._help_label(form, "courseHelp")
        self.course.currentIndexChanged.connect(self._update_help)
        self.edss = self._combo(form, "edss", _("E&DSS score"),
                                _("Expanded Disability Status Scale: {scale} (0 is a normal examination). Type the "
                                  "score or use the arrow keys",
                                  scale=wording.edss_scale(lim.edss_values) if lim else "?"),
                                [(wording.number(v, 1), v) for v in (lim.edss_values if lim else ())], "")
        self._make_typed(self.edss)
        self.edss_help = self._help_label(form, "edssHelp")
        self.edss.currentIndexChanged.connect(self._update_help)
        self.edss.editTextChanged.connect(self._update_help)
        self.prior_dmts = self._line_edit(
            form, "prior_dmts", _("Previo&us DMTs"), _("{low} to {high}", low=0, high=lim.prior_dmts_max) if lim else "",
            _("Number of disease-modifying therapies used before transplant, a whole number"),
        )
        optional = plain_label(_("Optional. Not part of the personal numbers; in progressive MS, relapses and MRI "
                                 "activity decide whether the later centres' results apply:"))
        optional.setWordWrap(True)
        mute(optional)
        form.addRow(optional)
        self.relapses = self._line_edit(
            form, "relapses_past_year", _("&Relapses, past year"), _("optional"),
            _("Relapses in the past 12 months, a whole number; optional. In progressive MS it decides whether the "
              "later centres' results apply; it is also compared with the trial and the guidance"),
        )
        self.duration = self._line_edit(
            form, "disease_duration_years", _("&Years since diagnosis"), _("optional"),
            _("Years since diagnosis; optional, not used in the estimate"),
        )
        # The four yes / no answers are numbered: their mnemonics are the digits 1 to 4 (the letters
        # of their words are taken by the menus, views, tabs and the fields above).
        not_known = _("Not known")
        answers = [(_("Yes"), "yes"), (_("No"), "no")]
        self.mri_activity = self._combo(
            form, "mri_activity_past_year", _("&1. New MRI activity, past year"),
            _("New or enlarging T2 lesions, or gadolinium-enhancing lesions, on MRI in the past 12 months; optional. "
              "In progressive MS it decides whether the later centres' results apply"), answers, not_known)
        self.relapses_on_treatment = self._combo(
            form, "relapses_on_treatment", _("&2. Relapses while on a DMT"),
            _("The relapses of the past year happened while on a disease-modifying therapy; optional, compared with "
              "the trial and the guidance"), answers, not_known)
        self.hedmt_failed = self._combo(
            form, "high_efficacy_dmt_failed", _("&3. High-efficacy DMT failed"),
            _("MS stayed active despite at least 6 months on a high-efficacy disease-modifying therapy; optional, "
              "compared with the guidance"), answers, not_known)
        self.hedmt_contraindicated = self._combo(
            form, "high_efficacy_dmt_contraindicated", _("&4. High-efficacy DMT contraindicated"),
            _("High-efficacy disease-modifying therapies cannot be used; optional, compared with the guidance"),
            answers, not_known)
        self.clear_button = QPushButton(_("&Clear profile"))
        self.clear_button.setToolTip(_("Empty the profile fields (Edit > Undo brings them back). The name, notes "
                                       "and values answers stay: File > New consultation starts over."))
        self.clear_button.setAccessibleDescription(self.clear_button.toolTip())
        self.clear_button.clicked.connect(self.clear)
        layout.addSpacing(8)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        order = self.focus_order()
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self._update_help()
        if limits is None:
            self.setEnabled(False)

    # -- building ------------------------------------------------------------------------

    def _add(self, form: QFormLayout, name: str, text: str, widget: QWidget, tip: str) -> None:
        label = plain_label(text)
        label.setBuddy(widget)
        widget.setToolTip(tip)
        widget.setAccessibleName(text.replace("&", ""))
        widget.setAccessibleDescription(tip)
        widget.setObjectName(name)
        form.addRow(label, widget)
        error = plain_label()
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        error.setVisible(False)
        form.addRow(error)
        self.fields[name], self.errors[name], self.labels[name] = widget, error, label
        self._about[name] = tip
        widget.installEventFilter(self)  # focus leaving a typed field gives it its held description

    def _line_edit(self, form, name, text, placeholder, tip) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(MAX_PROFILE_TEXT)  # what a saved consultation may hold, so every draft can be saved
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(False)
        edit.textChanged.connect(self._changed)
        self._add(form, name, text, edit, tip)
        return edit

    def _combo(self, form, name, text, tip, items, blank) -> QComboBox:
        combo = QComboBox()
        combo.addItem(blank, None)
        for label, data in items:
            combo.addItem(label, data)
        combo.currentIndexChanged.connect(self._changed)
        self._add(form, name, text, combo, tip)
        return combo

    def _make_typed(self, combo: QComboBox) -> None:
        """Typing goes into the field as typed: no completion that turns "10" into "1.0", no new
        list entries; an exact match selects that entry, so the arrow keys step on from it."""
        combo.currentIndexChanged.disconnect(self._changed)  # the edit text changes with it: one signal
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setCompleter(None)
        edit = combo.lineEdit()
        edit.setValidator(QRegularExpressionValidator(EDSS_TYPING, edit))
        edit.setMaxLength(MAX_PROFILE_TEXT)
        edit.setPlaceholderText(_("type or choose, e.g. 4.0"))
        edit.installEventFilter(self)
        edit.setAccessibleName(self.labels["edss"].text().replace("&", "") if "edss" in self.labels else "")
        combo.editTextChanged.connect(self._typed)

    def _typed(self, text: str) -> None:
        combo = self.edss
        index = combo.findText(text.strip(), Qt.MatchFlag.MatchExactly)
        if index > 0 and index != combo.currentIndex():
            combo.blockSignals(True)  # the text stays as typed; one edited signal follows below
            combo.setCurrentIndex(index)
            combo.setEditText(text)
            combo.blockSignals(False)
        self._changed()

    def _help_label(self, form: QFormLayout, name: str) -> QLabel:
        label = plain_label()
        label.setObjectName(name)
        label.setWordWrap(True)
        mute(label)
        form.addRow(label)
        return label

    # -- behaviour -----------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        if not self._setting:
            sender = self.sender()
            self.last_edited = next((name for name, field in self.fields.items()
                                     if sender is not None and sender in (field, _line_edit(field))), self.last_edited)
            self.edited.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut:
            for name, field in self.fields.items():
                if name in self._held and watched in (field, _line_edit(field)):
                    # After the next field has the focus (and the screen reader has heard so): a change
                    # to the field being left is then not spoken.
                    QTimer.singleShot(0, self, lambda n=name: self._release(n))
        return False

    def _release(self, name: str) -> None:
        if name in self._held and not self.typing_in(name):
            self._expose(name, *self._held.pop(name))

    def typing_in(self, name: str) -> bool:
        """True while ``name`` is a typed field (a number, the EDSS) that has the keyboard focus."""
        field = self.fields[name]
        edit = _line_edit(field)
        return edit is not None and (field.hasFocus() or edit.hasFocus())

    def description(self, name: str) -> str:
        """The field's accessible description, or the one it gets when the focus leaves it."""
        return self._held[name][1] if name in self._held else self.fields[name].accessibleDescription()

    def spoken_name(self, name: str) -> str:
        """The field's accessible name, or the one it gets when the focus leaves it."""
        return self._held[name][0] if name in self._held else self.fields[name].accessibleName()

    def meaning(self, name: str | None) -> str:
        """What the value of ``name`` means, as shown under it (the course, the EDSS), else ""."""
        label = {"course": self.course_help, "edss": self.edss_help}.get(name)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def _update_help(self, *_args: Any) -> None:
        course = self.course.currentData()
        self.course_help.setText(_(wording.COURSE_EXPLANATIONS[course]) if course in wording.COURSE_EXPLANATIONS else "")
        self.course_help.setVisible(course in wording.COURSE_EXPLANATIONS)
        edss = self.edss_value()
        number = _edss_number(edss)
        meaning = wording.EDSS_MEANINGS.get(number) if number is not None else None
        self.edss_help.setText(_("EDSS {score}: {meaning}", score=wording.number(number, 1), meaning=_(meaning))
                               if meaning else "")
        self.edss_help.setVisible(meaning is not None)
        self._describe("course")
        self._describe("edss")

    def _describe(self, name: str) -> None:
        """The field's accessible description: the refusal while refused, else what it means
        (the explanation shown under it, linked to it here), else its tooltip."""
        widget = self.fields.get(name)
        if widget is None:
            return
        help_label = {"course": getattr(self, "course_help", None), "edss": getattr(self, "edss_help", None)}.get(name)
        meaning = help_label.text() if help_label is not None and help_label.text() else ""
        text = self._problems.get(name) or meaning or self._about.get(name, "")
        label = self.labels[name]
        value = widget.text().strip() if isinstance(widget, QLineEdit) else ""
        shown = label.text().replace("&", "")
        spoken = f"{shown} {value}" if value else shown.removesuffix(" \u26a0").removesuffix(" *")
        if label.accessibleName() != (spoken if value else ""):
            label.setAccessibleName(spoken if value else "")  # a label's name change is not spoken
        if self.typing_in(name):
            self._held[name] = (spoken, text)
        else:
            self._held.pop(name, None)
            self._expose(name, spoken, text)

    def _expose(self, name: str, spoken: str, text: str) -> None:
        widget = self.fields[name]
        if widget.accessibleName() != spoken:
            widget.setAccessibleName(spoken)
        widget.setAccessibleDescription(text)
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget.lineEdit().setAccessibleDescription(text)

    def focus_order(self) -> list[QWidget]:
        """The fields and the button in reading order (the window links them into its Tab order)."""
        return [self.age, self.course, self.edss, self.prior_dmts, self.relapses, self.duration, self.mri_activity,
                self.relapses_on_treatment, self.hedmt_failed, self.hedmt_contraindicated, self.clear_button]

    def edss_value(self) -> Any:
        """The EDSS as entered: the value given by a file or a flag while its text is unchanged,
        the chosen entry's number, the typed text (the model reads or refuses it), or None."""
        text = self.edss.currentText()
        if self._given_edss is not None and text == self._given_edss[0]:
            return self._given_edss[1]
        if not text.strip():
            return None
        index = self.edss.findText(text.strip(), Qt.MatchFlag.MatchExactly)
        return self.edss.itemData(index) if index > 0 else text

    def problem(self, name: str) -> str:
        """The refusal (or "needed") message shown under ``name``, or ""."""
        return self._problems.get(name, "")

    def raw(self) -> dict[str, Any]:
        """The values as entered, for ``model.validate`` (blank text means missing)."""
        return {
            "age": self.age.text(),
            "course": self.course.currentData(),
            "edss": self.edss_value(),
            "prior_dmts": self.prior_dmts.text(),
            "relapses_past_year": self.relapses.text(),
            "disease_duration_years": self.duration.text(),
            **{name: self.fields[name].currentData() for name in CHOICE_FIELDS},
        }

    def set_fields(self, values: Mapping[str, Any]) -> None:
        """Fill fields programmatically (one ``edited`` signal); unknown keys raise KeyError.

        Values are shown exactly as given (38.25 stays 38.25). A choice the lists do not hold (an
        EDSS of 0.5 or a course typed on the command line) is shown as given in an extra entry, so
        the model marks it as not allowed instead of the field quietly becoming empty."""
        self._setting = True
        try:
            for name, value in values.items():
                widget = self.fields[name]
                if isinstance(widget, QLineEdit):
                    widget.setText(_as_text(value))
                elif widget is self.edss:
                    index = 0 if value is None else widget.findData(_combo_value(name, value))
                    widget.setCurrentIndex(max(index, 0))
                    text = _as_text(value) if index < 0 else widget.itemText(index)
                    widget.setEditText(text)
                    self._given_edss = (text, value) if index < 0 and value is not None else None
                else:
                    _remove_extra_items(widget)
                    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2 ** 53:
                        value = str(value)  # Qt cannot hold it as a number; the model refuses it either way
                    index = 0 if value is None else widget.findData(_combo_value(name, value))
                    if value is not None and index < 0:
                        widget.addItem(_as_text(value), value)
                        widget.setItemData(widget.count() - 1, True, EXTRA_ITEM_ROLE)
                        index = widget.count() - 1
                    widget.setCurrentIndex(max(index, 0))
        finally:
            self._setting = False
        self._update_help()
        self.edited.emit()

    def clear(self) -> None:
        self.set_fields({name: None for name in self.fields})
        self.age.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_errors(self, errors: tuple[FieldError, ...]) -> None:
        """Mark each rejected or missing field with a visible sign and words, not colour alone; the
        same words become the field's accessible description."""
        by_field = {e.field: e for e in errors}
        self._problems = {}
        for name, widget in self.fields.items():
            label, error = self.labels[name], self.errors[name]
            problem = by_field.get(name)
            base = label.text().removesuffix(" \u26a0").removesuffix(" *")
            if problem is None:
                error.setVisible(False)
                error.setText("")
                set_field_style(widget)
                label.setText(base)
                self._describe(name)
                continue
            text = refusals.field_mark(problem)
            mute(error, problem.missing)
            _restyle(error, "" if problem.missing else "font-weight: bold;")
            set_field_style(widget, refused=not problem.missing)
            mark = " *" if problem.missing else " \u26a0"
            label.setText(base + mark)
            error.setText(text)
            error.setVisible(True)
            self._problems[name] = text
            self._describe(name)


EXTRA_ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # marks an entry added for a value the list does not hold


def _as_text(value: Any) -> str:
    """A value from a file or a flag as it was written (repr keeps every digit of a float)."""
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def _edss_number(value: Any) -> float | None:
    """The EDSS as a number for its explanation (plain decimal text or a number), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,2}([.,][0-9]{1,2})?", value.strip()):
        return float(value.strip().replace(",", "."))
    return None


def _line_edit(field: QWidget) -> QLineEdit | None:
    """The text a field is typed into: the field itself, an editable list's editor, or None."""
    if isinstance(field, QLineEdit):
        return field
    return field.lineEdit() if isinstance(field, QComboBox) else None


def _remove_extra_items(combo: QComboBox) -> None:
    for index in reversed(range(combo.count())):
        if combo.itemData(index, EXTRA_ITEM_ROLE):
            combo.removeItem(index)


def _combo_value(name: str, value: Any) -> Any:
    """The list entry's data for ``value``, read as the model reads it (plain digits only), or
    ``value`` itself when no entry can hold it."""
    if name == "edss":
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            text = value.strip()
            return float(text) if text.isascii() and re.fullmatch(r"[0-9]{1,2}(\.[0-9]{1,15})?", text) else value
        if isinstance(value, (int, float)) and abs(value) < 100:
            return float(value)
        return value
    return str(value).strip().lower() if isinstance(value, str) else value


def _restyle(widget: QWidget, style: str) -> None:
    """Set a style sheet only when it changes: setting one re-polishes the widget, and every field
    was re-polished on every keystroke (about 2 ms of each)."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)
