"""Layering: the core (domain) imports no Qt, no SQL and does no I/O; screens hold no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

FORBIDDEN_IN_DOMAIN = ("PySide6", "sqlalchemy", "yaml", "app.banks", "app.ui", "app.cli", "os", "pathlib", "io")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_is_pure():
    offenders = {}
    for path in sorted((REPO / "app" / "domain").glob("*.py")):
        bad = {n for n in imports_of(path) if any(n == f or n.startswith(f + ".") for f in FORBIDDEN_IN_DOMAIN)}
        if bad:
            offenders[path.name] = sorted(bad)
        source = path.read_text(encoding="utf-8")
        assert "open(" not in source, f"{path.name} does I/O"
    assert offenders == {}


def test_the_core_does_not_import_qt():
    for folder in ("banks", "security", "store", "services"):
        for path in (REPO / "app" / folder).rglob("*.py"):
            assert not any(n.startswith("PySide6") for n in imports_of(path)), path
    assert not any(n.startswith("PySide6") for n in imports_of(REPO / "app" / "cli.py"))


def test_screens_hold_no_sql_and_no_crypto():
    forbidden = ("sqlalchemy", "app.store", "app.security", "cryptography", "argon2")
    for path in (REPO / "app" / "ui").rglob("*.py"):
        bad = [n for n in imports_of(path) if any(n == f or n.startswith(f + ".") for f in forbidden)]
        assert bad == [], f"{path.name} imports {bad}"


def test_security_knows_nothing_of_the_database():
    for path in (REPO / "app" / "security").glob("*.py"):
        assert not any(n.startswith(("sqlalchemy", "app.store", "app.services")) for n in imports_of(path)), path
