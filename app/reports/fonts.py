"""A CJK font for PDFs: an installed TrueType font is embedded (subset), so reports look the
same on every viewer; without one, reportlab's STSong-Light (not embedded) still gives real text."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

# (path, index in a .ttc collection): TrueType outlines only (reportlab cannot embed CFF/OTF)
CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # Debian: fonts-wqy-zenhei
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),  # Microsoft YaHei
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
)
FALLBACK = "STSong-Light"


@cache
def report_font() -> tuple[str, bool]:
    """(font name registered with reportlab, whether it is embedded)."""
    override = os.environ.get("EXAMDESK_PDF_FONT")
    options = [(override, 0)] if override else []
    for path, index in [*options, *CANDIDATES]:
        if path and Path(path).is_file():
            try:
                pdfmetrics.registerFont(TTFont("ExamDeskCJK", path, subfontIndex=index))
            except Exception:  # a font reportlab cannot read: try the next one
                continue
            return "ExamDeskCJK", True
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return FALLBACK, False
