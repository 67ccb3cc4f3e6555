"""The demo centre's passphrase and staff passwords (documented in the README; a real centre chooses
its own). Apart from app/demo.py so the start-up can show the hint without loading the services."""

from __future__ import annotations

DEMO_PASSPHRASE = "examdesk-demo-2026"
DEMO_PASSWORDS = {"admin": "admin-demo-1", "proctor": "proctor-demo-1", "examiner": "examiner-demo-1"}
