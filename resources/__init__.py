"""Data files shipped with decision_aid (installed as ``decision_aid.resources``)."""
