"""Finding, reading and identifying articles on disk."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.library.files import (
    DEFAULT_MAX_BYTES,
    LibraryError,
    Problem,
    bundled_articles_dir,
    default_paths,
    scan_article_files,
)
from briefing.library.loaders import ArticleFormatError, parse_file_text
from briefing.library.model import Article
from briefing.library.text import DecodeError, decode_bytes, sanitise

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Library",
    "LibraryError",
    "Problem",
    "bundled_articles_dir",
    "default_paths",
    "find_article_files",
    "load_article_file",
    "load_library",
]


@dataclass
class Library:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def find(self, key: str) -> Article:
        """The article whose id is ``key`` or starts with it (unambiguously)."""
        key = key.strip().lower()
        if not key:
            raise LibraryError("an article id cannot be empty")
        exact = [a for a in self.articles if a.id == key]
        if exact:
            return exact[0]
        matches = [a for a in self.articles if a.id.startswith(key)]
        if not matches:
            raise LibraryError(f"no article with id {key!r}")
        if len(matches) > 1:
            ids = ", ".join(a.id for a in matches[:5])
            raise LibraryError(f"id {key!r} is ambiguous: it starts {ids}")
        return matches[0]


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


def load_article_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read one file into its articles; raise ArticleFormatError with a reason."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleFormatError(
                f"too large ({size / 1_048_576:.1f} MB; the limit is "
                f"{max_bytes / 1_048_576:.1f} MB)"
            )
        if size == 0:
            raise ArticleFormatError("empty file")
        data = path.read_bytes()
    except OSError as error:
        raise ArticleFormatError(error.strerror or str(error)) from None
    try:
        text = sanitise(decode_bytes(data))
    except DecodeError as error:
        raise ArticleFormatError(str(error)) from None
    if not text.strip():
        raise ArticleFormatError("no text (only blank lines)")
    return [_clean(article) for article in parse_file_text(text, path)]


def load_library(paths: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Library:
    """Load every article under ``paths``; bad files become Problems, not errors.

    Two files with the same text are one article: the first one found is kept.
    """
    library = Library()
    ids: set[str] = set()
    for path in find_article_files(paths):
        try:
            articles = load_article_file(path, max_bytes)
        except ArticleFormatError as error:
            library.problems.append(Problem(path, str(error)))
            continue
        for article in articles:
            if article.id not in ids:
                ids.add(article.id)
                library.articles.append(article)
    return library
