"""Subject access export in the window: a dialog asking whose records and where to save, and its command."""
