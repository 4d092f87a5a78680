"""Search keys from a Chinese name: full pinyin and initials (王建国 → wangjianguo, wjg).

pypinyin is imported on first use only: reading needs no dictionary, only writing does.
Names of Mongolian origin written in Chinese characters (巴特尔) work the same way.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _pinyin():
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style


@lru_cache(maxsize=32_768)  # names repeat (王建国…): a bulk import converts each distinct name once
def search_keys(*names: str | None) -> tuple[str, str]:
    """(full pinyin, initials) of each given name, joined by a space; ASCII kept, lower-case."""
    lazy_pinyin, style = _pinyin()
    full, initials = [], []
    for name in names:
        if not name:
            continue
        syllables = [s.lower() for s in lazy_pinyin(name, errors="ignore") if s.strip()]
        full.append("".join(syllables))
        initials.append("".join(s[0] for s in syllables if s))
    return " ".join(full), " ".join(initials)
