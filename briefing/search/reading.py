"""Reading article files into the rows the index stores, in worker processes
when there are many.

Reading a file (decode, sanitise, parse, count words, make the id) costs
about as much as storing it in FTS5; on a first index of 10,000 files the two
were 40 % and 50 % of the time (cProfile). So when many files need reading,
other processes read and parse them while this one writes SQLite, and the
two overlap. Workers are started with "spawn": the reader calls this from a
thread, and forking a process that has threads can deadlock.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.search.tokenizer import tokens_many

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from briefing.library.model import Article

__all__ = [
    "POOL_MIN_FILES",
    "Prepared",
    "Result",
    "join_tags",
    "read_chunk",
    "read_files",
    "split_tags",
]

# Fewer files than this are read in this process: starting a worker (a new
# interpreter importing the loaders) costs about 0.2 s.
POOL_MIN_FILES = 1_000
CHUNK = 50  # files per task sent to a worker
# The workers run a little below the process that writes the index: with two
# workers and the writer on two cores, the writer (the slower stage) waited
# for a core a third of the time. 100,000 generated articles, alternated runs:
# 43-49 -> 41-46 s. In the reader it also keeps the interface ahead of them.
WORKER_NICE = 4
TAG_SEPARATOR = "\x1f"  # tags are sanitised text, so never contain it


class Prepared(NamedTuple):
    """One article as the index stores it."""

    id: str
    title: str
    source: str | None
    url: str | None
    published: str | None
    author: str | None
    tags: str
    folded_tags: str
    words: int
    body: str
    source_text: str  # what `source:` searches
    notes: tuple[str, ...] = ()  # what loading left out (Article.notes), reported once


# A file's articles, or the reason it could not be read.
Result = list[Prepared] | str


def join_tags(tags: Sequence[str]) -> str:
    return TAG_SEPARATOR.join(tags)


def split_tags(joined: str) -> tuple[str, ...]:
    return tuple(joined.split(TAG_SEPARATOR)) if joined else ()


def _source_text(article: Article) -> str:
    """What `source:` searches: the publication and the address's host."""
    from urllib.parse import urlsplit

    host = urlsplit(article.url).hostname if article.url else None
    return " ".join(part for part in (article.source, host) if part)


def _prepare(article: Article, folded: list[str]) -> Prepared:
    return Prepared(
        article.id,
        article.title,
        article.source,
        article.url,
        article.published,
        article.author,
        join_tags(article.tags),
        join_tags(folded),
        article.words,
        article.body,
        _source_text(article),
        tuple(article.notes),
    )


def _load(path: str, max_bytes: int) -> list[Article] | str:
    # The loaders are imported only when a file must be read: a run with
    # nothing changed never pays for them.
    from briefing.library.load import load_article_file
    from briefing.library.loaders import ArticleFormatError

    try:
        return load_article_file(Path(path), max_bytes)
    except ArticleFormatError as error:
        return str(error)


def read_chunk(paths: Sequence[str], max_bytes: int) -> list[Result]:
    """What reading each file gave: its articles as rows, or why it could not be read.

    The tags of all the files are folded by one call to the tokenizer (a
    call costs a few SQLite statements, whatever it folds).
    """
    loaded = [_load(path, max_bytes) for path in paths]
    tags = [tag for item in loaded if not isinstance(item, str) for a in item for tag in a.tags]
    folded = iter([" ".join(words) for words in tokens_many(tags)] if tags else [])
    return [
        item
        if isinstance(item, str)
        else [_prepare(a, [next(folded) for _ in a.tags]) for a in item]
        for item in loaded
    ]


def read_files(
    paths: Sequence[str], max_bytes: int, ahead: int = 0
) -> Generator[tuple[str, Result], None, None]:
    """Each path with what reading it gave, in order.

    Many files are read by worker processes, a few chunks per worker and
    ``ahead`` files more ahead of the consumer (so that they read on while it
    works on what it took), and memory holds only the articles in flight. If
    the workers cannot run (a main script without the ``if __name__ == "__main__"``
    guard that "spawn" needs, no free process slots…), the rest is read in
    this process.
    """
    from briefing.storage.processes import cpu_count, spawn_pool

    workers = cpu_count()
    done = 0
    if len(paths) >= POOL_MIN_FILES and workers >= 2:
        from concurrent.futures.process import BrokenProcessPool

        try:
            pool = spawn_pool(workers, nice=WORKER_NICE)
            try:
                chunks_ahead = 4 * workers + -(-ahead // CHUNK)
                for item in _pooled(pool, paths, max_bytes, chunks_ahead):
                    yield item
                    done += 1
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        except (BrokenProcessPool, OSError, ValueError):
            pass
    for start in range(done, len(paths), CHUNK):
        chunk = paths[start : start + CHUNK]
        yield from zip(chunk, read_chunk(chunk, max_bytes), strict=True)


def _pooled(
    pool: ProcessPoolExecutor, paths: Sequence[str], max_bytes: int, ahead: int
) -> Iterator[tuple[str, Result]]:
    chunks = (paths[start : start + CHUNK] for start in range(0, len(paths), CHUNK))
    pending: deque[tuple[Sequence[str], Future[list[Result]]]] = deque()
    for chunk in chunks:
        pending.append((chunk, pool.submit(read_chunk, chunk, max_bytes)))
        if len(pending) >= ahead:
            chunk, future = pending.popleft()
            yield from zip(chunk, future.result(), strict=True)
    for chunk, future in pending:
        yield from zip(chunk, future.result(), strict=True)
