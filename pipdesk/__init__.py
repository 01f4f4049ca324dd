"""pipdesk: draft, run and close a Performance Improvement Plan, offline."""

__version__ = "0.1.0"
