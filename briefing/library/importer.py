"""Bringing articles into a library folder: copies, or splits of text dumps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
from briefing.library.sources import RICH_SUFFIXES, is_url, read_source
from briefing.library.text import DecodeError, decode_bytes, sanitise
from briefing.library.writer import article_markdown, as_library_reads_it, write_new
from briefing.storage.fsutil import atomic_write_bytes, atomic_write_text, slugify, unique_path

__all__ = ["ImportEvent", "import_articles"]


@dataclass(frozen=True, slots=True)
class ImportEvent:
    """One outcome: ``kind`` is added, exists, skipped, dropped or unsure."""

    kind: str
    source: Path | str  # a file, or an http(s) address
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
    sources: Sequence[str | Path],
    into: Path,
    split: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ImportEvent]:
    """Copy (or split) ``sources`` into the folder ``into``; yield what happened.

    Article files are copied as they are; web pages, feeds and JSON Lines
    (files or http(s) addresses) become Markdown files with front matter.
    Nothing is ever overwritten: an article already in the folder (same id) is
    reported and left alone, and a name already taken gets a numbered suffix.
    """
    rich = [s for s in map(str, sources) if is_url(s) or Path(s).suffix.lower() in RICH_SUFFIXES]
    files = find_article_files([Path(s) for s in map(str, sources) if s not in rich])
    if into.exists() and not into.is_dir():
        raise LibraryError(f"not a folder: {into}")
    into.mkdir(parents=True, exist_ok=True)
    known = _existing_ids(into)
    for source in rich:
        yield from _import_rich(source, into, known, max_bytes)
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


def _import_rich(
    source: str, into: Path, known: dict[str, Path], max_bytes: int
) -> Iterator[ImportEvent]:
    """A web page, feed or JSON Lines source, written as Markdown files."""
    origin: Path | str = source if is_url(source) else Path(source)
    try:
        found = read_source(source, max_bytes)
    except ArticleFormatError as error:
        yield ImportEvent("skipped", origin, f"{origin}: {error}")
        return
    for problem in found.problems:
        # One item of the file, not the file: "skipped a.jsonl, line 2: …".
        yield ImportEvent("skipped", origin, f"{origin}, {problem}")
    for article in found.articles:
        text = article_markdown(article, {"feed": found.feed})
        read_back = as_library_reads_it(text)
        if read_back.id in known:
            yield ImportEvent("exists", origin, read_back.title, known[read_back.id])
            continue
        try:
            target = write_new(into, text, read_back.title)
        except OSError as error:
            yield ImportEvent("skipped", origin, f"{read_back.title!r}: {error.strerror or error}")
            continue
        known[read_back.id] = target
        yield ImportEvent("added", origin, read_back.title, target)
