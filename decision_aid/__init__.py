"""Shared decision-making aid for AHSCT in multiple sclerosis."""

# The single source of the version (pyproject reads it). Not importlib.metadata: that pulls in
# email.utils and with it the socket module, and the package imports nothing network-related.
__version__ = "0.2.0"
