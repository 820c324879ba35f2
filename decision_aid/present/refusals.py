"""The words for a refused profile, horizon or number of draws: made here once, from the model's codes.

The model refuses with codes and numbers (:class:`~decision_aid.model.FieldError`: field, value,
rule, limits; :class:`~decision_aid.model.RequestError` for a horizon or a number of draws). This
module turns them into what a person reads: the calm message that replaces the window's numbers,
the mark under a field, and the command line's one-line refusal (which names the flag, or for a
saved file the field). Every sentence goes through gettext, whole, with named placeholders.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..model.profile import CHOICE_FIELDS
from ..printable import one_line
from .i18n import N_, _
from . import wording
from .wording import COURSE_NAMES, FIELD_LABELS, number

#: The command line's refusal, per rule: ``{name}`` is the flag or the file's field.
_LINES = {
    "missing": N_("{name} is required; allowed: {allowed}"),
    "not_a_number": N_("{name}: '{value}' is not a plain decimal number; allowed: {allowed}"),
    "not_whole": N_("{name}: '{value}' is not a whole number; allowed: {allowed}"),
    "out_of_range": N_("{name}: '{value}' is outside the allowed range; allowed: {allowed}"),
    "not_a_step": N_("{name}: '{value}' is not a step of the scale; allowed: {allowed}"),
    "unknown_course": N_("{name}: '{value}' is not a type of MS this program knows; allowed: {allowed}"),
    "unknown_field": N_("{name} is not a profile field; the fields are: {allowed}"),
    "not_offered": N_("{name}: '{value}' is not offered; allowed: {allowed}"),
    "not_a_choice": N_("{name}: '{value}' is not one of the answers; allowed: {allowed}"),
}

#: The mark under a field of the window's form, per rule.
_MARKS = {
    "missing": N_("* Needed. Allowed: {allowed}."),
    "not_a_number": N_("\u26a0 Not allowed: {value} is not a plain number. Allowed: {allowed}."),
    "not_whole": N_("\u26a0 Not allowed: {value} is not a whole number. Allowed: {allowed}."),
    "out_of_range": N_("\u26a0 Not allowed: {value} is outside the range. Allowed: {allowed}."),
    "not_a_step": N_("\u26a0 Not allowed: {value} is not a step of the scale. Allowed: {allowed}."),
    "unknown_course": N_("\u26a0 Not allowed: {value} is not a type of MS this program knows. Allowed: {allowed}."),
    "unknown_field": N_("\u26a0 Not allowed: this is not a profile field. Allowed: {allowed}."),
    "not_a_choice": N_("\u26a0 Not allowed: {value} is not one of the answers. Allowed: {allowed}."),
}


def shown_value(value: Any) -> str:
    """A refused value as given, on one printable line (escapes shown, never obeyed)."""
    return one_line("" if value is None else value)


def allowed_text(error) -> str:
    """What is allowed for the refused field (or horizon, or draws), in words, from its limits."""
    limits: Mapping[str, Any] = error.limits
    field = error.field
    low, high = number(limits.get("min", 0)), number(limits.get("max", 0))
    if field == "age":
        text = _("age {low} to {high} years", low=low, high=high)
    elif field == "course":
        text = _(", ").join(_("{code} ({name})", code=code, name=_(COURSE_NAMES[code])) if code in COURSE_NAMES
                            else code for code in limits.get("courses", ()))
    elif field == "edss":
        text = _("EDSS {scale} (10 means death and is not an input)",
                 scale=wording.edss_scale(limits.get("values", ())))
    elif field == "prior_dmts":
        text = _("a whole number of previous disease-modifying therapies, {low} to {high}", low=low, high=high)
    elif field == "relapses_past_year":
        text = _("a whole number of relapses in the past 12 months, {low} to {high}", low=low, high=high)
    elif field == "disease_duration_years":
        text = _("years since diagnosis, {low} to {high}", low=low, high=high)
    elif field in CHOICE_FIELDS:
        text = _(" or ").join(limits.get("values", ()))  # the codes a file or a flag holds: "yes or no"
    elif field == "horizon":
        text = _("{values} years", values=_(" or ").join(number(v) for v in limits.get("values", ())))
    elif field == "draws":
        text = _("a whole number {low} to {high}", low=low, high=high)
    elif "fields" in limits:
        text = _(", ").join(limits["fields"])
    else:
        text = _("{low} to {high}", low=low, high=high)
    if limits.get("optional"):
        text = _("{allowed}, or empty", allowed=text)
    return text


def field_label(field: str) -> str:
    """The field as the window names it ("EDSS score")."""
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else one_line(field)


def refusal_line(errors: Sequence, flags: Mapping[str, str] | None = None, source: object | None = None) -> str:
    """The command line's refusal: one line naming each refused field by its flag (``flags``) or,
    for a saved file (``source``, its path), by the file's field, with the value and what is
    allowed."""
    def name(field: str) -> str:
        if flags is not None and field in flags:
            return flags[field]
        return _("profile field '{field}'", field=one_line(field))

    line = _("; ").join(_(_LINES.get(e.rule, _LINES["out_of_range"]), name=name(e.field),
                          value=shown_value(e.value), allowed=allowed_text(e)) for e in errors)
    return _("{source}: {refusal}", source=one_line(source), refusal=line) if source is not None else line


def request_refusal(error, name: str | None = None) -> str:
    """A horizon or number of draws the model does not offer, as one line (``name``: the flag)."""
    return _(_LINES.get(error.rule, _LINES["out_of_range"]), name=name or error.field,
             value=shown_value(error.value), allowed=allowed_text(error))


def field_mark(error) -> str:
    """The words under a refused or missing field of the form (a sign and words, not colour alone).
    A missing type of MS is chosen from the list: its words name no command-line code."""
    if error.field == "course" and error.missing:
        return _("* Needed: choose the type of MS from the list.")
    return _(_MARKS.get(error.rule, _MARKS["out_of_range"]), value=shown_value(error.value),
             allowed=allowed_text(error))


def problem_message(errors: Sequence) -> str:
    """One calm sentence replacing the results while the profile is incomplete or refused."""
    missing = [field_label(e.field) for e in errors if e.missing]
    refused = [e for e in errors if not e.missing]
    if refused:
        first = refused[0]
        # Not "(allowed: ...)": an allowed text may end in its own bracket (the courses' names, the EDSS
        # scale's note), which read as "...input))".
        return _("Check the {field}: {value} is not allowed. Allowed: {allowed}. Estimates appear when every "
                 "value is allowed.", field=field_label(first.field), value=shown_value(first.value),
                 allowed=allowed_text(first))
    if len(missing) > 1:
        listed = _("{items} and {last}", items=_(", ").join(missing[:-1]), last=missing[-1])
    else:
        listed = missing[0]
    return _("Enter the {fields} to see estimates.", fields=listed)

