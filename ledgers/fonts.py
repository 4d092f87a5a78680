"""The CJK font every PDF uses: the bundled TrueType WenQuanYi Micro Hei, embedded (subset) in each file.

    from ledgers.fonts import FONT, register_fonts
    register_fonts()          # idempotent; then use FONT in styles

Never reportlab's built-in CID fonts (STSong-Light …): those are not embedded, so a PC without
Chinese fonts would show boxes, and pdftotext may not give the names back.
"""
from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from models.errors import DomainError
from models.resources import resource_path

FONT = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")


class FontMissing(DomainError):
    code = "font_missing"


@cache
def register_fonts() -> str:
    path = resource_path(*FONT_FILE)
    if not path.exists():
        raise FontMissing(f"缺少字体文件 {path}，无法生成PDF。请重新安装本程序。", path=str(path))
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    # the font has no bold/italic faces: map them to the regular one so <b> in a Paragraph still works
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return FONT


def text_width(text: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, FONT, size)
