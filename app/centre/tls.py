"""The centre's own certificate authority: stations trust it and nothing else.

`examdesk centre init` creates a CA (ECDSA P-256) and a server certificate for the names and
addresses the centre is reached at; both private keys are stored encrypted under the centre
passphrase. A station learns the CA at enrolment and checks it against the fingerprint shown
beside the one-time code on the admin's screen, so a machine in the middle cannot pose as the
centre even during enrolment (see docs/centre.md, "Enrolling a station").
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.errors import UserFacingError
from app.security import codes

CA_YEARS = 10
SECRET_LENGTH = codes.ENROLMENT_SECRET_LENGTH
SERVER_YEARS = 3
FINGERPRINT_CHARS = 10  # characters of app/security/codes.py: 50 bits shown beside the code, checked by the station
CA_FILE, CA_KEY_FILE, SERVER_FILE, SERVER_KEY_FILE = "ca.pem", "ca-key.pem", "server.pem", "server-key.pem"


class TlsError(UserFacingError):
    code = "tls"


@dataclass(frozen=True)
class CentreTls:
    folder: Path

    @property
    def ca_pem(self) -> bytes:
        return (self.folder / CA_FILE).read_bytes()

    @property
    def certfile(self) -> Path:
        return self.folder / SERVER_FILE

    @property
    def keyfile(self) -> Path:
        return self.folder / SERVER_KEY_FILE

    def exists(self) -> bool:
        return all((self.folder / f).is_file() for f in (CA_FILE, CA_KEY_FILE, SERVER_FILE, SERVER_KEY_FILE))


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ExamDesk centre"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])  # fmt: skip


def _encrypted(passphrase: str) -> serialization.KeySerializationEncryption:
    return serialization.BestAvailableEncryption(passphrase.encode())


def create(folder: Path, centre_code: str, hosts: list[str], passphrase: str) -> CentreTls:
    """A new CA and a server certificate for `hosts` (names and IP addresses) in `folder`."""
    if not hosts:
        raise TlsError("name at least one host name or address the stations use to reach the centre")
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC) - timedelta(minutes=5)  # a station clock a little behind still accepts it
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(f"ExamDesk centre CA {centre_code}")
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now)
        .not_valid_after(now + timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    server_key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in dict.fromkeys(hosts):
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    server = (
        x509.CertificateBuilder().subject_name(_name(hosts[0])).issuer_name(ca_name)
        .public_key(server_key.public_key()).serial_number(x509.random_serial_number()).not_valid_before(now)
        .not_valid_after(now + timedelta(days=365 * SERVER_YEARS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    pem = serialization.Encoding.PEM
    pkcs8 = serialization.PrivateFormat.PKCS8
    (folder / CA_FILE).write_bytes(ca.public_bytes(pem))
    (folder / CA_KEY_FILE).write_bytes(ca_key.private_bytes(pem, pkcs8, _encrypted(passphrase)))
    (folder / SERVER_FILE).write_bytes(server.public_bytes(pem) + ca.public_bytes(pem))
    (folder / SERVER_KEY_FILE).write_bytes(server_key.private_bytes(pem, pkcs8, _encrypted(passphrase)))
    return CentreTls(folder)


def fingerprint(ca_pem: bytes) -> str:
    """The CA's SHA-256 fingerprint in base32, as much of it as the admin's screen shows."""
    try:
        cert = x509.load_pem_x509_certificate(ca_pem)
    except ValueError:
        raise TlsError("the centre's CA certificate cannot be read") from None
    return codes.code_of_digest(cert.fingerprint(hashes.SHA256()), FINGERPRINT_CHARS)


def display_code(secret: str, ca_pem: bytes) -> str:
    """What the admin reads out: the one-time secret, then the CA fingerprint the PC must find."""
    return codes.grouped(secret + fingerprint(ca_pem))


def split_code(typed: str) -> tuple[str, str]:
    """(secret, fingerprint) of a typed display code."""
    cleaned = codes.normalise(typed)
    if len(cleaned) != SECRET_LENGTH + FINGERPRINT_CHARS:
        raise TlsError("an enrolment code has {n} characters (groups of 5); this one has {got}",
                       n=SECRET_LENGTH + FINGERPRINT_CHARS, got=len(cleaned))  # fmt: skip
    return cleaned[:SECRET_LENGTH], cleaned[SECRET_LENGTH:]


