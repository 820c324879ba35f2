"""Profile validation and personal estimates (NumPy only; no Qt)."""

from .engine import Model, default_model, fit_weibull
from .profile import FieldError, Profile, ProfileError, ProfileLimits, RequestError
from .result import Assumption, Curve, Estimate, Interval, Note, ReferenceCurves, SourceLabel

__all__ = [
    "Assumption", "Curve", "Estimate", "FieldError", "Interval", "Model", "Note", "Profile",
    "ProfileError", "ProfileLimits", "RequestError", "ReferenceCurves", "SourceLabel", "default_model", "fit_weibull",
]
