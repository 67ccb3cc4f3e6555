"""Persistence: SQLAlchemy models, encrypted column types, migrations, the audit chain."""
