"""What Preferences start from: when an objective counts as met, and how long a closed plan is kept.

Plain constants, apart from the rules that use them (``outcome.py``, ``retention.py``, which
re-export them), so the window's settings are declared without loading those rules.
"""

from __future__ import annotations

#: How many of the last measured values must reach the target for "met" unless Preferences say otherwise.
DEFAULT_SUSTAINED = 2
#: The retention period a new installation starts with: 3 years after a plan closed.
DEFAULT_RETENTION_YEARS = 3
#: The retention periods Preferences offers, in years.
RETENTION_YEARS_RANGE = (1, 25)
