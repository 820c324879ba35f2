"""The JSON object of ``decision-aid estimate --json``: the model's numbers (MODEL.md), with the
words for each warning and limit added here (the model itself speaks in codes)."""

from __future__ import annotations

from typing import Any

from ..model import Estimate
from .notes import note_text


def estimate_json(result: Estimate) -> dict[str, Any]:
    data = result.as_dict()
    for key, notes in (("warnings", result.warnings), ("caveats", result.caveats)):
        data[key] = [{**note.as_dict(), "text": note_text(note)} for note in notes]
    return data
