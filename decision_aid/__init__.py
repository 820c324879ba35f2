"""Shared decision-making aid for AHSCT in multiple sclerosis."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("decision-aid")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
