"""A centre's address as stations are given it: https://HOST[:PORT]."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.errors import UserFacingError

DEFAULT_PORT = 8443


def host_of(address: str) -> tuple[str, int]:
    """("10.0.0.5", 8443) of "https://10.0.0.5:8443"; the address must be https."""
    parts = urlsplit(address.strip())
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        port = 0
    if parts.scheme != "https" or not parts.hostname or not port:
        raise UserFacingError("{address}: a centre address is https://HOST[:PORT]", address=address)
    return parts.hostname, port
