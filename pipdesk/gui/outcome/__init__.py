"""outcome."""
