"""Profile validation and personal estimates (NumPy only; no Qt)."""

from .engine import Model, default_model
from .profile import FieldError, Profile, ProfileError, ProfileLimits, RequestError
from .result import (
    Assumption, Curve, Era, Estimate, Interval, Note, RecentReferenceCurves, ReferenceCurves, SourceLabel,
)

__all__ = [
    "Assumption", "Curve", "Era", "Estimate", "FieldError", "Interval", "Model", "Note", "Profile", "ProfileError",
    "ProfileLimits", "RecentReferenceCurves", "RequestError", "ReferenceCurves", "SourceLabel", "default_model",
]
