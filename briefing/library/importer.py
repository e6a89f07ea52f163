"""Bringing articles into a library folder: copies, or splits of text dumps."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.library.load import (
    DEFAULT_MAX_BYTES,
    LibraryError,
    Problem,
    find_article_files,
    load_article_file,
    load_library,
    read_article_bytes,
)
from briefing.library.loaders import ArticleFormatError
from briefing.library.loaders.dump import split_dump
from briefing.library.model import Article
from briefing.library.sniff import unsupported_format
from briefing.library.text import DecodeError, decode_bytes, sanitise
from briefing.storage.fsutil import atomic_write_bytes, atomic_write_text, slugify, unique_path

__all__ = ["ImportEvent", "import_articles"]


@dataclass(frozen=True, slots=True)
class ImportEvent:
    """One outcome: ``kind`` is added, exists, skipped, dropped or unsure."""

    kind: str
    source: Path
    detail: str
    target: Path | None = None


def _existing_ids(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    library = load_library([folder])
    return {a.id: a.path for a in library.articles if a.path is not None}


def _read_text(path: Path, max_bytes: int) -> str:
    data = read_article_bytes(path, max_bytes)
    kind = unsupported_format(data)
    if kind is not None:
        raise ArticleFormatError(f"unsupported format ({kind})")
    try:
        return sanitise(decode_bytes(data))
    except DecodeError as error:
        raise ArticleFormatError(str(error)) from None


def _orphans_note(count: int) -> str:
    return (
        f"{count} paragraph{'s' if count != 1 else ''} before the first headline "
        "left out (no headline to file them under)"
    )


def article_file_text(article: Article) -> str:
    """The plain-text file form of an article: title line, blank line, body."""
    return f"{article.title}\n\n{article.body}\n"


def import_articles(
    sources: list[Path],
    into: Path,
    split: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ImportEvent]:
    """Copy (or split) ``sources`` into the folder ``into``; yield what happened.

    Nothing is ever overwritten: an article already in the folder (same id) is
    reported and left alone, and a name already taken gets a numbered suffix.
    """
    files = find_article_files(sources)
    if into.exists() and not into.is_dir():
        raise LibraryError(f"not a folder: {into}")
    into.mkdir(parents=True, exist_ok=True)
    known = _existing_ids(into)
    for path in files:
        try:
            if split:
                parts, dropped, orphans = split_dump(_read_text(path, max_bytes))
                if not parts:
                    # Said once: listing every paragraph as "not an article"
                    # buried the one line that mattered.
                    raise ArticleFormatError(
                        "no headline followed by a body was found (a headline is a short "
                        "line without a full stop, with its paragraphs after it)"
                    )
                for line in dropped:
                    yield ImportEvent("dropped", path, line)
                if orphans:
                    yield ImportEvent("unsure", path, _orphans_note(orphans))
                articles = [Article(title=p.title, body=p.body) for p in parts]
            else:
                articles = load_article_file(path, max_bytes)
        except (ArticleFormatError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            yield ImportEvent("skipped", path, str(Problem(path, reason or "unreadable")))
            continue
        for article in articles:
            if article.id in known:
                yield ImportEvent("exists", path, article.title, known[article.id])
                continue
            if split:
                target = unique_path(into, slugify(article.title), ".txt")
                atomic_write_text(target, article_file_text(article))
            else:
                target = unique_path(into, path.stem, path.suffix or ".txt")
                atomic_write_bytes(target, path.read_bytes())
            known[article.id] = target
            yield ImportEvent("added", path, article.title, target)
