"""Plain text: the first non-empty line is the title, the rest the body."""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.model import Article

__all__ = ["clean_body", "parse_plaintext", "title_from_path"]

# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 300
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_TERMINAL = re.compile(r"[.!?:;…][’”\"')\]]*$")


def title_from_path(path: Path | None) -> str:
    if path is None:
        return "Untitled"
    # A name's bytes that are not UTF-8 become "�" (the title is text, not a path).
    name = os.fsencode(path.stem).decode("utf-8", errors="replace")
    stem = re.sub(r"[-_]+", " ", name).strip()
    return stem[:1].upper() + stem[1:] if stem else "Untitled"


def _unwrap(paragraph: str) -> str:
    """Join a hard-wrapped paragraph's lines; keep lines that are one sentence each.

    Line breaks are sentence boundaries, which is right for a file with a
    sentence or an item per line and wrong for text wrapped at 72 columns.
    A paragraph counts as wrapped when its lines (but the last) are of similar,
    terminal-like width and most of them stop mid-sentence.
    """
    lines = paragraph.split("\n")
    if len(lines) < 2:
        return paragraph
    body = lines[:-1]
    widths = [len(line) for line in body]
    widest = max(widths)
    if widest > 100 or min(widths) < 0.5 * widest:
        return paragraph
    open_ended = sum(1 for line in body if not _TERMINAL.search(line.rstrip()))
    if open_ended * 2 < len(body):
        return paragraph
    return " ".join(line.strip() for line in lines)


def clean_body(text: str) -> str:
    """Normalise a body: trailing spaces off, one blank line between paragraphs,
    hard-wrapped paragraphs unwrapped. Text inside a line is kept verbatim."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    paragraphs = [p.strip("\n") for p in _BLANK_RUN.split(text.strip("\n"))]
    return "\n\n".join(_unwrap(p) for p in paragraphs if p.strip())


def _looks_like_a_dump(first_line: str, text: str) -> bool:
    """A search page or copy-paste dump: page debris as its first line, or
    debris between what split into two or more articles."""
    from briefing.library.loaders.dump import is_debris, split_dump

    if is_debris(first_line):
        return True
    # Most files have no debris line at all: only those are split to count.
    if not any(is_debris(block) for block in _BLANK_RUN.split(text) if len(block) < 80):
        return False
    return len(split_dump(text).parts) >= 2


def parse_plaintext(text: str, path: Path | None = None) -> list[Article]:
    stripped = text.strip()
    if not stripped:
        raise ArticleFormatError("empty file")
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if _looks_like_a_dump(first, stripped):
        name = str(path) if path else "FILE"
        raise ArticleFormatError(
            f"looks like several articles in one file (it starts {first!r}); "
            f"split it with: briefing import --split {name} --into articles/"
        )
    if len(first) > MAX_TITLE_CHARS or not rest.strip():
        # No headline line: the whole file is the body, the file name the title.
        title, body = title_from_path(path), clean_body(stripped)
    else:
        title, body = first, clean_body(rest)
    return [Article(title=title, body=body, path=path)]
