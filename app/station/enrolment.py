"""A PC becomes a station of the centre once: `examdesk station enrol` (or the screen's dialog).

The technician types the centre's address and the code the admin's screen shows. The code is the
one-time secret followed by the fingerprint of the centre's CA: the PC fetches the CA, refuses it
unless its fingerprint matches, and only then sends the secret over TLS verified by that CA. What
it receives (its station token) and the centre's addresses and CA go into station.json, readable
by this PC's user only; the station trusts that CA and nothing else from then on.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.api.client import Client
from app.api.errors import ApiError, Unreachable
from app.api.https import Https, trust_only
from app.centre import tls
from app.centre.addresses import host_of
from app.errors import UserFacingError
from app.station.audit_head import HeadKeeper
from app.station.journal import Journal

STATION_FILE = "station.json"


class EnrolmentRefused(UserFacingError):
    code = "enrolment_refused"


@dataclass(frozen=True)
class StationConfig:
    station: str
    addresses: list[str]
    ca_pem: bytes
    token: str
    journal_key: bytes  # seals this PC's journal of answers (app/station/journal.py)
    folder: Path | None = field(default=None, compare=False)  # where it was read from: the audit head is kept there

    @staticmethod
    def path(folder: Path) -> Path:
        return folder / STATION_FILE

    @classmethod
    def exists(cls, folder: Path) -> bool:
        return cls.path(folder).is_file()

    @classmethod
    def read(cls, folder: Path) -> StationConfig:
        path = cls.path(folder)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(str(data["station"]), [str(a) for a in data["addresses"]], data["ca_pem"].encode("ascii"),
                       str(data["token"]), base64.b64decode(data["journal_key"], validate=True), folder)  # fmt: skip
        except FileNotFoundError:
            raise EnrolmentRefused("this PC is not enrolled with a centre ({path} is missing): enrol it first",
                                   path=str(path)) from None  # fmt: skip
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise EnrolmentRefused("{path}: not a station enrolment ({problem}); enrol this PC again",
                                   path=str(path), problem=str(exc)) from None  # fmt: skip

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        path = self.path(folder)
        text = json.dumps({"station": self.station, "addresses": self.addresses,
                           "ca_pem": self.ca_pem.decode("ascii"), "token": self.token,
                           "journal_key": base64.b64encode(self.journal_key).decode("ascii")}, indent=2)  # fmt: skip
        fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # its token is a secret
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(path.with_suffix(".tmp"), path)

    def transport(self) -> Https:
        """HTTPS to the centre; with the station folder known, the centre's audit head is kept there
        (app/station/audit_head.py) and presented with every call."""
        heads = None if self.folder is None else HeadKeeper(self.folder, tls.fingerprint(self.ca_pem))
        return Https(self.addresses, self.ca_pem, self.token, heads=heads)

    def client(self) -> Client:
        return Client(self.transport(), self.station)

    def journal(self, folder: Path) -> Journal:
        """This PC's journal of answers in `folder` (one window at a time may hold it)."""
        return Journal(folder, self.journal_key, self.station)


def enrol(address: str, code: str, station: str, folder: Path) -> StationConfig:
    """Enrol this PC as `station` of the centre at `address` with the admin's `code`; saved in `folder`."""
    host_of(address)  # refused unless https://HOST[:PORT]
    secret, expected = tls.split_code(code)
    base = address.rstrip("/")
    try:  # the CA itself is checked by its fingerprint, not by TLS (the PC does not know it yet)
        ca_pem = httpx.get(f"{base}/ca.pem", verify=False, timeout=10).content
    except httpx.HTTPError as exc:
        raise Unreachable(f"{base}: {exc}") from None
    if tls.fingerprint(ca_pem) != expected:
        raise EnrolmentRefused("the centre at {address} is not the one the code belongs to (its certificate's "
                               "fingerprint differs): do not enrol; tell the admin", address=base)  # fmt: skip
    try:
        reply = httpx.post(f"{base}/enrol", json={"code": secret, "station": station}, verify=trust_only(ca_pem),
                           timeout=10)  # fmt: skip
    except httpx.HTTPError as exc:
        raise Unreachable(f"{base}: {exc}") from None
    data = reply.json()
    if "error" in data:
        raise ApiError.from_json(data["error"])
    config = StationConfig(station, list(data["addresses"]) or [base], ca_pem, data["station_token"],
                           base64.b64decode(data["journal_key"]), folder)  # fmt: skip
    config.write(folder)
    return config
