"""Split a multi-article text dump into articles.

A dump is what a search page or a copy-paste session leaves: a headline line,
its body, the next headline, and page debris such as "Viewing results 1 - 6
of 3" in between. Splitting is only ever done on request (`briefing import
--split`): an ordinary file with several paragraphs is one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["DumpPart", "DumpSplit", "is_debris", "looks_like_headline", "split_dump"]

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
# A sentence-case headline ("Harbour council rejects ferry plan", the style of
# the BBC, Reuters and the Guardian) is known by its shape alone: a short
# line that does not end a sentence. BBC headlines run 3 to 10 words.
MAX_SENTENCE_CASE_WORDS = 14
_OPENING = re.compile(r"[\w“‘\"'(\[]")


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
    """One line without closing punctuation, starting with a capital: mostly
    capitalised words (Title Case), or short (sentence case)."""
    line = block.strip()
    if "\n" in line or not line or len(line) > MAX_HEADLINE_CHARS:
        return False
    if _SENTENCE_END.search(line) and not line.endswith("?"):
        return False
    if not _OPENING.match(line) or line[0].islower():
        return False
    significant = [w for w in _WORD.findall(line) if w.lower() not in _MINOR]
    if not significant or not any(w[0].isupper() for w in significant):
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    if capitalised / len(significant) >= 0.6:
        return True
    return len(line.split()) <= MAX_SENTENCE_CASE_WORDS


class DumpSplit(NamedTuple):
    parts: list[DumpPart]
    dropped: list[str]  # debris lines and headlines with no body
    orphans: int  # body paragraphs before the first headline (dropped, counted)


def split_dump(text: str) -> DumpSplit:
    """The articles found, the debris lines dropped and the orphan count.

    A headline starts an article when a body paragraph follows it; a headline
    followed directly by another headline (or by nothing) stays in the article
    before it as a paragraph (a list), or is debris before the first. Body
    paragraphs before the first headline are dropped too: ``orphans`` counts
    them, so that a caller can say so once rather than per paragraph.
    """
    blocks = [b.strip() for b in _BLANK_RUN.split(text.strip()) if b.strip()]
    parts: list[DumpPart] = []
    dropped: list[str] = []
    orphans = 0
    pending: str | None = None
    for block in blocks:
        if is_debris(block):
            dropped.append(block)
            continue
        if looks_like_headline(block):
            if pending is not None:
                # Two headline-like lines in a row: inside an article that is
                # a list (fixtures, cast lists), kept as its text; before any
                # article it is debris.
                (parts[-1].paragraphs if parts else dropped).append(pending)
            pending = block
            continue
        if pending is not None:
            parts.append(DumpPart(pending))
            pending = None
        if parts:
            parts[-1].paragraphs.append(block)
        else:
            orphans += 1
    if pending is not None:
        dropped.append(pending)
    return DumpSplit(parts, dropped, orphans)
