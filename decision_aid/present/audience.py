"""Who a view is for: the one definition of "patient" and "clinician"."""

from __future__ import annotations

from enum import Enum


class Audience(str, Enum):
    """Patient: plain words, whole numbers in 100, larger type. Clinician: percentages with 95%
    intervals, hazard ratios and assumption ids. The values are the words saved in files and
    given on the command line."""

    PATIENT = "patient"
    CLINICIAN = "clinician"

    @property
    def clinician(self) -> bool:
        return self is Audience.CLINICIAN

    @classmethod
    def parse(cls, value: "str | Audience") -> "Audience":
        """The audience named by ``value``; ValueError names what is allowed."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(a.value for a in cls)
            raise ValueError(f"audience: {value!r} is not allowed; allowed: {allowed}") from None


AUDIENCES = tuple(a.value for a in Audience)
