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


SCREEN_FORBIDDEN = ("app.services", "app.store", "app.banks", "app.security", "sqlalchemy")


def test_screens_reach_the_services_only_through_the_contract():
    offenders = {}
    for path in [*(REPO / "app" / "ui").rglob("*.py"), *(REPO / "app" / "flows").rglob("*.py")]:
        bad = {n for n in imports_of(path) if any(n == f or n.startswith(f + ".") for f in SCREEN_FORBIDDEN)}
        if bad:
            offenders[str(path.relative_to(REPO))] = sorted(bad)
    assert offenders == {}


def test_only_the_entry_points_open_a_store():
    """Single-station mode: the desktop's entry points open the embedded store as a Server
    (app/api/local.py); every screen gets a Client."""
    opening = {"app.api.local", "app.api.server"}
    users = sorted(str(p.relative_to(REPO)) for p in (REPO / "app" / "ui").rglob("*.py")
                   if imports_of(p) & opening)  # fmt: skip
    assert set(users) <= {"app/ui/main.py", "app/ui/shell.py", "app/ui/entry.py"}, users  # entry: unlock, set up


def test_the_contract_speaks_plain_values():
    """The interfaces and their value types import no services, store, ORM or Qt: a client of
    centre mode needs nothing else to call them."""
    for name in ("contract.py", "types.py", "errors.py", "client.py", "wire.py"):
        bad = [n for n in imports_of(REPO / "app" / "api" / name)
               if n.startswith(("app.services", "app.store", "sqlalchemy", "PySide6"))]  # fmt: skip
        assert bad == [], f"app/api/{name} imports {bad}"


def test_the_unlock_dialog_needs_no_services_to_show():
    """Start-up: the entry dialog paints before SQLAlchemy, the services, reportlab or the demo load
    (bench/startup.py measures the time against a bare PySide6 dialog)."""
    import subprocess
    import sys

    code = ("import sys; import app.ui.main, app.ui.entry; "
            "print(sorted(m for m in ('sqlalchemy', 'reportlab', 'qrcode', 'app.demo', 'app.services.backend', "
            "'app.api.local') if m in sys.modules))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.strip()  # fmt: skip
    assert out == "[]"
