"""The centre's signing keys: created at set-up, rotated by an admin, public halves exported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.api.types import PublicKeyInfo
from app.security.signing import SigningKey, load_public_pem, public_pem
from app.services.base import Actor, NotFound, Service, require_role
from app.store.models import KeyRecord

if TYPE_CHECKING:  # only for the annotation: services reach cryptography through app.security
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

PURPOSE = "signing"



def add_signing_key(session: Session, key: SigningKey, sealed: bytes, wall: str) -> None:
    """Store a new active signing key (older ones stay, inactive, so their signatures still verify)."""
    session.execute(update(KeyRecord).where(KeyRecord.purpose == PURPOSE).values(active=False))
    session.add(
        KeyRecord(
            purpose=PURPOSE, key_id=key.fingerprint, salt=public_pem(key.public), kdf={}, wrapped=sealed,
            created_wall=wall, active=True,
        )
    )  # fmt: skip


class KeyService(Service):
    def rotate(self, actor: Actor) -> str:
        require_role(actor, "admin")
        key = SigningKey.generate()
        with self.action(actor, "key.rotate", f"key:{key.fingerprint}", {"fingerprint": key.fingerprint}) as s:
            add_signing_key(s, key, key.seal(self.db.cipher), self.db.wall_now())
        return key.fingerprint

    def signing_key(self) -> SigningKey:
        """The active key, for the export services (never handed to screens)."""
        with self.db.reader() as s:
            row = s.scalar(select(KeyRecord).where(KeyRecord.purpose == PURPOSE, KeyRecord.active))
        if row is None:
            raise NotFound("this centre has no signing key yet")
        return SigningKey.unseal(row.wrapped, self.db.cipher)

    def public_keys(self) -> list[PublicKeyInfo]:
        with self.db.reader() as s:
            rows = s.scalars(select(KeyRecord).where(KeyRecord.purpose == PURPOSE).order_by(KeyRecord.id)).all()
        return [PublicKeyInfo(r.key_id, r.salt, r.active, r.created_wall) for r in rows]

    def public_key(self, fingerprint: str | None = None) -> Ed25519PublicKey:
        for info in reversed(self.public_keys()):
            if (fingerprint is None and info.active) or info.fingerprint == fingerprint:
                return load_public_pem(info.pem)
        raise NotFound("no signing key {key}", key=fingerprint or "(active)")
