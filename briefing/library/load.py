"""Finding, reading and identifying articles on disk."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from briefing.library.files import (
    DEFAULT_MAX_BYTES,
    LibraryError,
    Problem,
    bundled_articles_dir,
    default_paths,
    scan_article_files,
)
from briefing.library.loaders import ArticleFormatError, ArticleReadError, parse_file_text
from briefing.library.model import Article
from briefing.library.sniff import WEB_KINDS, unsupported_format
from briefing.library.text import DecodeError, decode_bytes, has_words, sanitise

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Library",
    "LibraryError",
    "Loaded",
    "Problem",
    "ambiguous_id",
    "articles_from_bytes",
    "bundled_articles_dir",
    "default_paths",
    "find_article_files",
    "iter_library",
    "iter_loaded",
    "load_article_file",
    "load_library",
    "match_id",
    "read_article_bytes",
]


@dataclass
class Library:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Files that loaded, but with something left out (Article.notes).
    warnings: list[Problem] = field(default_factory=list)
    # Files whose article (the same text) was already read from another file.
    duplicates: int = 0

    def find(self, key: str) -> Article:
        """The article whose id is ``key`` or starts with it (unambiguously)."""
        wanted = match_id(key, [a.id for a in self.articles])
        return next(a for a in self.articles if a.id == wanted)


def match_id(key: str, ids: Sequence[str]) -> str:
    """The one of ``ids`` that is ``key`` or starts with it (unambiguously);
    LibraryError saying why not. ``ids`` may hold only those that start with
    ``key``: the library's, or an index's answer for the prefix."""
    key = key.strip().lower()
    if not key:
        raise LibraryError("an article id cannot be empty")
    if key in ids:
        return key
    matches = sorted({i for i in ids if i.startswith(key)})
    if not matches:
        raise LibraryError(f"no article with id {key!r}")
    if len(matches) > 1:
        raise LibraryError(ambiguous_id(key, matches))
    return matches[0]


def ambiguous_id(key: str, matches: Sequence[str], shown: int = 5) -> str:
    """Why ``key`` names no one article: the first ids it starts, and how many more."""
    more = f" and {len(matches) - shown} more" if len(matches) > shown else ""
    return f"id {key!r} is ambiguous: it starts {', '.join(matches[:shown])}{more}"


def find_article_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders (recursively) into article files, in a stable order.

    A path that does not exist raises LibraryError; files named directly are
    taken whatever their ending, files inside folders only by known endings.
    """
    return [Path(path) for path, _ in scan_article_files(paths)]


def _clean(article: Article) -> Article:
    # Metadata can smuggle control characters in through YAML escapes ("\e"),
    # so every text field is sanitised, not only the file's raw bytes.
    def one_line(value: str | None) -> str | None:
        if value is None:
            return None
        return " ".join(sanitise(value).split()) or None

    title = one_line(article.title) or "Untitled"
    return dataclasses.replace(
        article,
        title=title,
        source=one_line(article.source),
        url=one_line(article.url),
        published=one_line(article.published),
        author=one_line(article.author),
        tags=tuple(t for t in (one_line(t) for t in article.tags) if t),
        # The body is already clean; only a changed title changes the id.
        id=article.id if title == article.title else "",
    )


def read_article_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an article file; ArticleFormatError (with the reason) when
    it is not a regular file, is empty, too large or cannot be read.

    Opened without blocking and checked on the open file: a FIFO or a device
    named like an article would otherwise hang the command for good.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ArticleReadError(error.strerror or str(error)) from None
    with os.fdopen(descriptor, "rb") as file:
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise ArticleFormatError("not a regular file")
            if info.st_size > max_bytes:
                raise ArticleFormatError(
                    f"too large ({info.st_size / 1_048_576:.1f} MB; the limit is "
                    f"{max_bytes / 1_048_576:.1f} MB)"
                )
            if info.st_size == 0:
                raise ArticleFormatError("empty file")
            # Asking for no more than the file holds: read(n) sets n bytes
            # aside first, and the limit may be huge (--max-size 1e308).
            return file.read(min(max_bytes, info.st_size) + 1)[:max_bytes]
        except OSError as error:
            raise ArticleReadError(error.strerror or str(error)) from None


def load_article_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read one file into its articles; raise ArticleFormatError with a reason."""
    return articles_from_bytes(read_article_bytes(path, max_bytes), path)


def articles_from_bytes(data: bytes, path: Path) -> list[Article]:
    """A file's bytes as its articles (the loader chosen by the path's ending);
    ArticleFormatError, with the reason, for anything that is not one."""
    kind = unsupported_format(data)
    if kind in WEB_KINDS:
        # A saved page or feed, whatever its name: the web loaders read it
        # (imported only now: trafilatura and feedparser are heavy).
        from briefing.library.sources import articles_from_markup

        return [_clean(article) for article in articles_from_markup(data, kind, path)]
    if kind is not None:
        raise ArticleFormatError(f"unsupported format ({kind})")
    try:
        text = sanitise(decode_bytes(data))
    except DecodeError as error:
        raise ArticleFormatError(str(error)) from None
    if not text.strip():
        raise ArticleFormatError("no text (only blank lines)")
    articles = [_clean(article) for article in parse_file_text(text, path)]
    # Bytes that only decode by luck (random data, read as some legacy code
    # page) leave punctuation and no words: not an article.
    # (Only whether there is a word: counting them all took a quarter of
    # loading, and most commands never show the count.)
    articles = [article for article in articles if has_words(article.body)]
    if not articles:
        raise ArticleFormatError("no words in the text (binary, or an unknown encoding)")
    return articles


def load_library(paths: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Library:
    """Load every article under ``paths``; bad files become Problems, not errors.

    Two files with the same text are one article: the first one found is kept.
    """
    library = Library()
    library.articles.extend(iter_library(find_article_files(paths), max_bytes, library))
    return library


def iter_library(
    files: Sequence[Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    library: Library | None = None,
    file_done: Callable[[], object] | None = None,
) -> Iterator[Article]:
    """``load_library`` one article at a time, for work over a library too
    large to hold (memory then holds one file's articles): ``library``
    gathers the problems, warnings and duplicates (its ``articles`` are left
    alone); ``file_done`` is called after each file."""
    return iter_loaded(files, partial(load_article_file, max_bytes=max_bytes), library, file_done)


class Loaded(Protocol):
    """What the library's rules need of an article: its id and its loader's notes."""

    @property
    def id(self) -> str: ...
    @property
    def notes(self) -> tuple[str, ...]: ...


L = TypeVar("L", bound=Loaded)


def iter_loaded(
    files: Sequence[Path],
    load: Callable[[Path], Sequence[L]],
    library: Library | None = None,
    file_done: Callable[[], object] | None = None,
) -> Iterator[L]:
    """``iter_library`` with another way to read a file (``load``: its
    articles, or ArticleFormatError): `briefing facts` recalls what an
    unchanged file held instead of reading it again. The library's rules
    (problems, warnings, the first of equal articles) are the same."""
    library = library if library is not None else Library()
    ids: set[str] = set()
    for path in files:
        try:
            articles: Sequence[L] = load(path)
        except ArticleFormatError as error:
            library.problems.append(Problem(path, str(error)))
            articles = []
        for article in articles:
            library.warnings.extend(Problem(path, note) for note in article.notes)
            if article.id not in ids:
                ids.add(article.id)
                yield article
            else:
                library.duplicates += 1
        if file_done is not None:
            file_done()
