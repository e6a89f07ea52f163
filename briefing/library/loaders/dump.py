"""Split a multi-article text dump into articles.

A dump is what a search page or a copy-paste session leaves: a headline line,
its body, the next headline, and page debris such as "Viewing results 1 - 6
of 3" in between. Splitting is only ever done on request (`briefing import
--split`): an ordinary file with several paragraphs is one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["DumpPart", "is_debris", "looks_like_headline", "split_dump"]

_DEBRIS = re.compile(
    r"""^(?:
        viewing\ results?\b.*
      | showing\ \d+.*\bof\b.*
      | results?\ \d+\s*(?:-|–|to)\s*\d+.*
      | page\ \d+(?:\ of\ \d+)?
      | (?:previous|next)(?:\ page)?
      | (?:read|see)\ more.*
      | advertisement
      | share(?:\ this(?:\ article)?)?
      | back\ to\ top
      | \d+\ (?:comments?|results?)
    )$""",
    re.I | re.X,
)
_BLANK_RUN = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…:;,][’”\"')\]]*$")
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*")
_MINOR = frozenset(
    """
    a an and as at but by for from in into of on or per than the to via vs with
    """.split()
)
MAX_HEADLINE_CHARS = 200


@dataclass
class DumpPart:
    title: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def is_debris(block: str) -> bool:
    return "\n" not in block and bool(_DEBRIS.match(block.strip()))


def looks_like_headline(block: str) -> bool:
    """One short line, no closing punctuation, and mostly capitalised words."""
    line = block.strip()
    if "\n" in line or not line or len(line) > MAX_HEADLINE_CHARS:
        return False
    if _SENTENCE_END.search(line) and not line.endswith("?"):
        return False
    significant = [w for w in _WORD.findall(line) if w.lower() not in _MINOR]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised / len(significant) >= 0.6


def split_dump(text: str) -> tuple[list[DumpPart], list[str]]:
    """Return the articles found and the debris lines dropped.

    A headline starts an article when a body paragraph follows it; a headline
    followed directly by another headline (or by nothing) is debris.
    """
    blocks = [b.strip() for b in _BLANK_RUN.split(text.strip()) if b.strip()]
    parts: list[DumpPart] = []
    dropped: list[str] = []
    pending: str | None = None
    for block in blocks:
        if is_debris(block):
            dropped.append(block)
            continue
        if looks_like_headline(block):
            if pending is not None:
                dropped.append(pending)
            pending = block
            continue
        if pending is not None:
            parts.append(DumpPart(pending))
            pending = None
        if parts:
            parts[-1].paragraphs.append(block)
        else:
            dropped.append(block)
    if pending is not None:
        dropped.append(pending)
    return parts, dropped
