"""Staff passwords: Argon2id hashes (argon2-cffi's defaults), verified in constant time."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.errors import Message

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> Message | None:
    if len(password) < 8:
        return Message("at least 8 characters")
    if password.isdigit() or password.isalpha():
        return Message("mix letters with digits or symbols")
    return None
