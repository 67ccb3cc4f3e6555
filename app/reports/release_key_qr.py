"""The release key of a sealed package as a QR code (docs/packages.md): the exam owner prints it
(a PNG, or an A4 PDF sheet for the sealed envelope, with the key in letters too); at the centre the
admin types the key or reads it from a photo or scan of that sheet.

The QR code holds `EXDKEY1:<package id>:<the 30 characters of the key>` in upper case, so it is
all QR "alphanumeric" characters (a small, sturdy code) and names the package it opens.

Reading a QR code from an image uses the system's ZBar library (libzbar, through ctypes): where it
is missing the admin is told so and types the key instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
from datetime import UTC, datetime
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_Q

from app.errors import UserFacingError
from app.security import sealed_package as sp
from app.security.codes import normalise

PREFIX = "EXDKEY1:"


class NoScanner(UserFacingError):
    """This computer has no QR reader (libzbar)."""

    code = "no_qr_reader"


class NotAnImage(UserFacingError):
    """The file is not an image that can be read."""

    code = "not_an_image"


class NoKeyFound(UserFacingError):
    """No QR code of a release key in the image."""

    code = "no_release_key_qr"


def payload(package_id: str, release_key: str) -> str:
    """What the QR code holds: the package's id and its release key (checked, without dashes)."""
    sp.parse_release_key(release_key)  # a mistyped key is never printed
    return f"{PREFIX}{package_id.upper()}:{normalise(release_key)}"


def parse_payload(text: str) -> tuple[str, str]:
    """(package id, release key as text) of a QR code's text; UserFacingError if it is not one."""
    text = text.strip()
    parts = text.split(":")
    if not text.upper().startswith(PREFIX) or len(parts) != 3 or len(parts[1]) != 32:
        raise NoKeyFound("the QR code is not the release key of a sealed package (it should begin EXDKEY1:)")
    return parts[1].lower(), sp.release_key_text(sp.parse_release_key(parts[2]))


def _matrix(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=4)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def png(package_id: str, release_key: str, module_pixels: int = 8) -> bytes:
    """The QR code as a black-on-white PNG, with its quiet zone."""
    from PIL import Image

    matrix = _matrix(payload(package_id, release_key))
    size = len(matrix)
    image = Image.new("1", (size, size), 1)
    image.putdata([0 if dark else 1 for row in matrix for dark in row])
    image = image.resize((size * module_pixels, size * module_pixels), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sheet_pdf(header: sp.Header, digest: str, release_key: str) -> bytes:
    """An A4 page to print and seal in an envelope: the session, the package, its start time, its
    SHA-256, the release key in letters, and the QR code of it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from app.reports.fonts import report_font

    font, _embedded = report_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(f"释放密钥 {header.session_code}")
    _width, height = A4
    left, y = 25 * mm, height - 30 * mm
    pdf.setFont(font, 18)
    pdf.drawString(left, y, "密封试卷包释放密钥 Release key of a sealed exam package")
    pdf.setFont(font, 11)
    lines = [
        f"场次 Session: {header.session_code}",
        f"试卷包 Package: {header.package_id}  (version {header.version})",
        f"开启时间 Opens at: {header.not_before.astimezone(UTC).isoformat(timespec='minutes')} (UTC)",
        f"SHA-256: {digest}",
        f"打印时间 Printed: {datetime.now(UTC).isoformat(timespec='minutes')} (UTC)",
    ]
    for line in lines:
        y -= 8 * mm
        pdf.drawString(left, y, line)
    y -= 14 * mm
    pdf.setFont("Courier-Bold", 20)
    pdf.drawString(left, y, release_key)
    matrix = _matrix(payload(header.package_id, release_key))
    module = 70 * mm / len(matrix)
    top = y - 10 * mm
    pdf.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(left + c * module, top - (r + 1) * module, module, module, stroke=0, fill=1)
    pdf.setFont(font, 10)
    pdf.drawString(left, top - 70 * mm - 8 * mm, "开考时间前请勿拆封。Keep sealed until the start time.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def write(path: Path, header: sp.Header, digest: str, release_key: str) -> None:
    """The key's QR code at `path`: a PDF sheet for *.pdf, a PNG otherwise."""
    data = sheet_pdf(header, digest, release_key) if path.suffix.lower() == ".pdf" else png(header.package_id,
                                                                                            release_key)  # fmt: skip
    path.write_bytes(data)


# -- reading the code from an image ----------------------------------------------------------------


def _zbar() -> ctypes.CDLL:
    name = ctypes.util.find_library("zbar") or "libzbar.so.0"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        raise NoScanner("this computer cannot read QR codes from images (the ZBar library, libzbar, is not "
                              "installed): type the release key instead") from None  # fmt: skip
    lib.zbar_image_scanner_create.restype = ctypes.c_void_p
    lib.zbar_image_create.restype = ctypes.c_void_p
    lib.zbar_image_first_symbol.restype = ctypes.c_void_p
    lib.zbar_image_first_symbol.argtypes = [ctypes.c_void_p]
    lib.zbar_symbol_next.restype = ctypes.c_void_p
    lib.zbar_symbol_next.argtypes = [ctypes.c_void_p]
    lib.zbar_symbol_get_data.restype = ctypes.c_char_p
    lib.zbar_symbol_get_data.argtypes = [ctypes.c_void_p]
    lib.zbar_image_scanner_set_config.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.zbar_image_set_format.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    lib.zbar_image_set_size.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint]
    lib.zbar_image_set_data.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    lib.zbar_scan_image.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.zbar_image_destroy.argtypes = [ctypes.c_void_p]
    lib.zbar_image_scanner_destroy.argtypes = [ctypes.c_void_p]
    return lib


def _codes_in(gray: bytes, width: int, height: int) -> list[str]:
    lib = _zbar()
    scanner = lib.zbar_image_scanner_create()
    lib.zbar_image_scanner_set_config(scanner, 0, 0, 1)  # every symbology, ZBAR_CFG_ENABLE
    image = lib.zbar_image_create()
    buffer = ctypes.create_string_buffer(gray, len(gray))
    try:
        lib.zbar_image_set_format(image, int.from_bytes(b"Y800", "little"))  # 8-bit grey
        lib.zbar_image_set_size(image, width, height)
        lib.zbar_image_set_data(image, buffer, len(gray), None)
        lib.zbar_scan_image(scanner, image)
        found, symbol = [], lib.zbar_image_first_symbol(image)
        while symbol:
            found.append((lib.zbar_symbol_get_data(symbol) or b"").decode("utf-8", "replace"))
            symbol = lib.zbar_symbol_next(symbol)
        return found
    finally:
        lib.zbar_image_destroy(image)
        lib.zbar_image_scanner_destroy(scanner)


def scan(path: Path) -> tuple[str, str]:
    """(package id, release key) read from the QR code in an image file (PNG, JPEG...: a photo or
    scan of the key sheet); UserFacingError naming the file if there is none, or it is not a key."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            gray = image.convert("L")
    except (OSError, UnidentifiedImageError):
        raise NotAnImage(f"{path.name} is not an image this computer can read (PNG or JPEG)") from None
    codes = [c for c in _codes_in(gray.tobytes(), gray.width, gray.height) if c.upper().startswith(PREFIX)]
    if not codes:
        raise NoKeyFound(f"{path.name}: no QR code of a release key found in the image")
    return parse_payload(codes[0])
