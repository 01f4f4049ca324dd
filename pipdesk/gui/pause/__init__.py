"""Pausing and resuming a plan: its commands and dialogs."""
