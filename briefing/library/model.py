"""The article model shared by every part of briefing."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from briefing.library.text import count_words
from briefing.storage.digests import sha256_hex

__all__ = ["Article", "Listed", "Sentence", "Summary", "article_id"]


def _normalise_for_id(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def article_id(title: str, body: str) -> str:
    """A short, stable id from the article's text alone.

    The same title and body give the same id on every machine, whatever the
    file is called or whether it is plain text or Markdown; whitespace and
    case differences do not count.
    """
    text = f"{_normalise_for_id(title)}\n{_normalise_for_id(body)}"
    return sha256_hex(text.encode())[:12]


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
    # What the loader could not use and left out, one line each ("front
    # matter published: cannot read '2024-02-30'; left unknown"): warnings.
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.title, self.body)

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p.strip())

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        # Imported when first needed: the splitter's patterns cost 1-2 ms at every
        # start of `bookmarks add` and the reader, which need no sentences.
        from briefing.analysis.sentences import sentence_spans

        result: list[Sentence] = []
        offset = 0
        # Blank blocks (three or more newlines in a row) should not leave gaps
        # in paragraph numbers: only the paragraphs that hold sentences count.
        number = 0
        for block in self.body.split("\n\n"):
            before = len(result)
            for start, end in sentence_spans(block, offset):
                result.append(Sentence(len(result), self.body[start:end], number, start, end))
            number += len(result) > before
            offset += len(block) + 2
        return tuple(result)

    @property
    def sentence_spans(self) -> list[int]:
        """The sentences as flat numbers, (start, end, paragraph) each: what a
        cache keeps of them (see ``reuse_sentences``)."""
        return [n for s in self.sentences for n in (s.start, s.end, s.paragraph)]

    def reuse_sentences(self, spans: Sequence[int]) -> bool:
        """Take ``sentence_spans`` kept from this exact text as the sentences,
        instead of splitting it again (about seven times slower). False, and
        nothing taken, if they cannot be this text's (out of order, out of
        the body, not numbers: a damaged cache)."""
        if "sentences" in self.__dict__:
            return True
        starts, ends, paragraphs = spans[0::3], spans[1::3], spans[2::3]
        if len(spans) % 3 or not all(type(n) is int for n in spans):
            return False
        end, paragraph = 0, 0
        for s, e, p in zip(starts, ends, paragraphs, strict=True):
            if not (end <= s < e and paragraph <= p <= paragraph + 1):
                return False
            end, paragraph = e, p
        if end > len(self.body) or (paragraphs and paragraphs[0] != 0):
            return False
        body = self.body
        texts = [body[s:e] for s, e in zip(starts, ends, strict=True)]
        # Stored where the cached property keeps its value: ``sentences``
        # then answers with these.
        self.__dict__["sentences"] = tuple(
            map(Sentence, range(len(texts)), texts, paragraphs, starts, ends)
        )
        return True

    @cached_property
    def digest(self) -> str:
        """A hash of the exact text. Unlike ``id`` it changes when only
        whitespace or case does, which moves sentence boundaries: what is
        derived from the sentences (summaries, facts) is keyed by it too."""
        return sha256_hex(f"{self.title}\n{self.body}".encode())[:16]

    @cached_property
    def words(self) -> int:
        return count_words(self.body)

    def opening(self, end: int) -> Article:
        """The article's first sentences, up to character ``end`` of the body
        (a sentence's end), as an article with the same id: its sentences are
        the whole article's first ones, numbered alike. For bounding the work
        on a very long article."""
        return Article(title=self.title, body=self.body[:end], path=self.path, id=self.id)

    @property
    def display_source(self) -> str:
        """What to show as the article's origin: its source, else its file name."""
        if self.source:
            return self.source
        if self.path is None:
            return ""
        from briefing.library.files import path_text

        return path_text(self.path.name)


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


@dataclass(frozen=True, slots=True)
class Summary:
    """An extractive summary: indices into ``Article.sentences``, in document order."""

    algorithm: str
    indices: tuple[int, ...]
    note: str | None = None
