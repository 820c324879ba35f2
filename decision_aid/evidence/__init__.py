"""Evidence files: loading, checksums and validation (no Qt)."""

from .loader import EvidenceError, EvidenceSet, Figure, Source, default_directory, load_evidence

__all__ = ["EvidenceError", "EvidenceSet", "Figure", "Source", "default_directory", "load_evidence"]
