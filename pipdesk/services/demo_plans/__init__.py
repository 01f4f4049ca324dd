"""The four sample plans (plan format v1), shipped as package data."""
