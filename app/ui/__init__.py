"""PySide6 screens. Thin: they render what the services and domain return, nothing more."""
