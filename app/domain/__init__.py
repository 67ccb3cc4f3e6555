"""Pure exam rules: standards, items, blueprints, paper assembly, scoring, staffing.

Nothing here imports Qt, SQLAlchemy or does I/O; tests exercise it without a QApplication.
"""
