"""HTML and XML in question texts, made safe: stems, options and feedback of QTI, Moodle XML and GIFT
become plain text (docs/bank-format.md, "HTML in questions").

The decision: ExamDesk keeps and shows plain text, never markup. Paragraphs, line breaks, list items
and table rows become line breaks; scripts, styles, frames, objects and forms are dropped with their
content; an image becomes a media reference (its `src`, when it names a file of the package; a remote
address or a `data:` URL is never loaded and is reported). Text the source escapes (`&lt;a href=...&gt;`)
stays the text it reads as. Nothing here reads files or the network.

Also here: XML parsed with care. xml.etree in Python 3.11 never resolves external entities, and a
document declaring entities of its own (the "billion laughs") is refused before it is parsed; a file
is read only up to MAX_XML bytes. Declared encodings expat cannot decode itself (GBK, GB18030, Big5,
Shift_JIS ...) are decoded by Python's codecs first.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

MAX_XML = 64 * 1024 * 1024  # bytes of one XML file

BLOCK = frozenset({
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote",
    "pre", "hr", "section", "article", "header", "footer", "dl", "dt", "dd", "figure", "figcaption",
})  # fmt: skip
DROPPED = frozenset({"script", "style", "iframe", "object", "embed", "form", "noscript", "template", "head",
                     "title", "applet", "frame", "frameset", "video", "audio", "canvas", "svg"})  # fmt: skip
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_DECLARATION = re.compile(rb"^(\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_EXPAT_ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii", "iso-8859-1", "latin-1",
                              "latin1"})  # fmt: skip


_SPACES = re.compile(r"[ \t\f\v]+")
_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


class XmlError(ValueError):
    """A file that is no XML ExamDesk will parse; the message says why."""


def parse_xml(data: bytes) -> ET.Element:
    """An XML document's root, with every tag and attribute name free of its namespace."""
    if len(data) > MAX_XML:
        raise XmlError(f"larger than {MAX_XML // 2**20} MB")
    text_bytes = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text_bytes = data.decode("utf-16").encode("utf-8")
        text_bytes = re.sub(rb"^<\?xml[^>]*\?>", b"", text_bytes)
    else:
        declared = _DECLARATION.match(data[:200])
        if declared and declared[2].decode("ascii").lower() not in _EXPAT_ENCODINGS:
            codec = declared[2].decode("ascii")
            try:
                decoded = data.decode(codec)
            except (LookupError, UnicodeDecodeError) as exc:
                raise XmlError(f"not text in its declared encoding {codec}: {exc}") from None
            text_bytes = re.sub(r"^\ufeff?<\?xml[^>]*\?>", "", decoded).encode("utf-8")
    if _ENTITY_DECL.search(text_bytes):
        raise XmlError("it declares entities (<!ENTITY ...>), which are refused")
    try:
        root = ET.fromstring(text_bytes)
    except ET.ParseError as exc:
        raise XmlError(f"not well-formed XML: {exc}") from None
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag[:1] == "{":
            element.tag = element.tag.rpartition("}")[2]
        if any(k[:1] == "{" for k in element.attrib):
            element.attrib = {k.rpartition("}")[2]: v for k, v in element.attrib.items()}
    return root


def tidy(text: str) -> str:
    """Spaces within each line collapsed, blank lines and the ends trimmed."""
    # XML and HTML white space only: an ideographic space inside, as in "（\u3000）", stays
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip(" \t") for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images: list[str] = []
        self.dropped = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "object" and dict(attrs).get("data"):
            self.images.append(dict(attrs).get("data") or "")
        if tag in DROPPED:
            self.dropped += 1
        elif tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropped = max(0, self.dropped - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropped:  # a line break in HTML's source is a space; <br> and blocks break lines
            self.parts.append(_BREAKS.sub(" ", data))


def html_text(html: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment, and the `src` of each image in it."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.parts)), parser.images


def element_text(element: ET.Element, skip: frozenset[str] = frozenset(), blank: frozenset[str] = frozenset(),
                 images: list[str] | None = None) -> str:  # fmt: skip
    """Plain text of an XHTML element (QTI's itemBody, a choice): elements named in `skip` are left out,
    those in `blank` become a blank (____); images are added to `images`."""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag in blank:
            parts.append("____")
        elif tag == "object" and e.get("data") and images is not None:
            images.append(e.get("data") or "")  # QTI's way of showing an image or other media: a media file
        elif tag in skip or tag in DROPPED:
            pass
        else:
            if tag == "img" and images is not None:
                images.append(e.get("src") or "")
            if tag in BLOCK:
                parts.append("\n")
            if e.text:
                parts.append(_BREAKS.sub(" ", e.text))
            for child in e:
                walk(child)
            if tag in BLOCK and tag != "br":
                parts.append("\n")
        if e.tail:
            parts.append(_BREAKS.sub(" ", e.tail))

    if element.text:
        parts.append(_BREAKS.sub(" ", element.text))
    for child in element:
        walk(child)
    return tidy("".join(parts))


def local_media(src: str) -> str | None:
    """The package file an image names, or None for a remote address or a data: URL (never loaded)."""
    src = src.strip()
    if not src or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith("//"):
        return None
    src = src.split("?", 1)[0].split("#", 1)[0]
    while src.startswith("./"):
        src = src[2:]
    return src or None
