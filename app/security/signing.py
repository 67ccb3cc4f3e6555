"""The centre's Ed25519 signing keys: creation, sealing under the data key, public export.

A key is named by its fingerprint (SHA-256 of the raw 32-byte public key, hex) and, inside QR
payloads, by its key id: the first 8 bytes of that digest (as the EU Digital COVID Certificate
names keys). Rotation adds a key; older keys stay, so older bundles and reports still verify.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.security.envelope import FieldCipher

_SEAL_CONTEXT = b"key_records.signing"


def fingerprint(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def key_id(public: Ed25519PublicKey) -> bytes:
    return bytes.fromhex(fingerprint(public))[:8]


def public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_pem(data: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)

    @staticmethod
    def generate() -> SigningKey:
        return SigningKey(Ed25519PrivateKey.generate())

    def seal(self, cipher: FieldCipher) -> bytes:
        raw = self.private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        return cipher.encrypt(raw, _SEAL_CONTEXT)

    @staticmethod
    def unseal(blob: bytes, cipher: FieldCipher) -> SigningKey:
        return SigningKey(Ed25519PrivateKey.from_private_bytes(cipher.decrypt(blob, _SEAL_CONTEXT)))


def verify_signature(public: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public.verify(signature, message)
    except InvalidSignature:
        return False
    return True
