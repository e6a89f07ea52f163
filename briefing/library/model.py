"""The article model shared by every part of briefing."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from briefing.analysis.sentences import sentence_spans
from briefing.library.text import count_words

__all__ = ["Article", "Listed", "Sentence", "Summary", "article_id"]


def _normalise_for_id(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def article_id(title: str, body: str) -> str:
    """A short, stable id from the article's text alone.

    The same title and body give the same id on every machine, whatever the
    file is called or whether it is plain text or Markdown; whitespace and
    case differences do not count.
    """
    digest = hashlib.sha256(f"{_normalise_for_id(title)}\n{_normalise_for_id(body)}".encode())
    return digest.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's body: an exact slice ``body[start:end]``."""

    index: int
    text: str
    paragraph: int
    start: int
    end: int


@dataclass(eq=False)
class Article:
    """An article: title, body text and whatever metadata its file gave."""

    title: str
    body: str
    path: Path | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.title, self.body)

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p.strip())

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        result: list[Sentence] = []
        offset = 0
        for number, block in enumerate(self.body.split("\n\n")):
            for start, end in sentence_spans(block, offset):
                result.append(Sentence(len(result), self.body[start:end], number, start, end))
            offset += len(block) + 2
        return _renumber_paragraphs(result)

    @cached_property
    def digest(self) -> str:
        """A hash of the exact text. Unlike ``id`` it changes when only
        whitespace or case does, which moves sentence boundaries: what is
        derived from the sentences (summaries, facts) is keyed by it too."""
        return hashlib.sha256(f"{self.title}\n{self.body}".encode()).hexdigest()[:16]

    @cached_property
    def words(self) -> int:
        return count_words(self.body)

    @property
    def display_source(self) -> str:
        """What to show as the article's origin: its source, else its file name."""
        if self.source:
            return self.source
        return self.path.name if self.path else ""


class Listed(Protocol):
    """Something the article list shows: a whole ``Article``, or the search
    index's ``Entry`` of one (no file read). Matching bookmarks and listing
    needs no more than this, so a list of 10,000 never loads an article."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def path(self) -> Path | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def words(self) -> int: ...
    @property
    def display_source(self) -> str: ...


def _renumber_paragraphs(sentences: list[Sentence]) -> tuple[Sentence, ...]:
    # Blank blocks (three or more newlines in a row) should not leave gaps in
    # paragraph numbers, so number only the paragraphs that hold sentences.
    numbers: dict[int, int] = {}
    out = []
    for s in sentences:
        number = numbers.setdefault(s.paragraph, len(numbers))
        out.append(Sentence(s.index, s.text, number, s.start, s.end))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Summary:
    """An extractive summary: indices into ``Article.sentences``, in document order."""

    algorithm: str
    indices: tuple[int, ...]
    note: str | None = None
