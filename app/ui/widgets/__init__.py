"""Widgets shared by every role's screens."""
