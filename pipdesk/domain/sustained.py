"""The outcome rule's default N: how many of the last measured values must reach the target for "met".

Apart from :mod:`pipdesk.domain.outcome`, which uses it, so that the command line's help can quote it
without loading the plan models (#21).
"""

#: How many of the last measured values must reach the target for "met" unless Preferences say otherwise.
DEFAULT_SUSTAINED = 2
