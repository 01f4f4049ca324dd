"""Qt item models over the store and the domain: read-only, reset through ``set_rows``."""
