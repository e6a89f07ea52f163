"""Bringing the index up to date with the files, reading only what changed.

A file is unchanged when its size and modification time (to the nanosecond)
are those recorded when it was read; it is not opened again. Files that
could not be read are remembered with their reason, and tried again when
their status time changes too (a `chmod` that makes one readable). A digest
of every file's stat lets a run with nothing changed stop after the stats
and one lookup.

Changed and new files are read outside any lock, then written in batches of
short transactions, each re-checking the rows it replaces, so that two
processes refreshing one index at once neither duplicate nor lose work, and
an interrupted refresh keeps what it finished.
"""

from __future__ import annotations

import os
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.search.database import Database, blake2b, writing
from briefing.search.results import Problem, RefreshResult
from briefing.search.tokenizer import tokens_many

if TYPE_CHECKING:
    from briefing.library.model import Article

__all__ = ["Progress", "join_tags", "refresh", "split_tags"]

# progress(done, total): files read so far, of those that need reading.
Progress = Callable[[int, int], object]
BATCH = 200
TAG_SEPARATOR = "\x1f"  # tags are sanitised text, so never contain it


class _Row(NamedTuple):
    size: int
    mtime_ns: int
    ctime_ns: int
    max_bytes: int
    problem: str | None


def _fresh(row: _Row | None, stat: os.stat_result | None, max_bytes: int) -> bool:
    if row is None or stat is None:
        return False
    if row.size != stat.st_size or row.mtime_ns != stat.st_mtime_ns:
        return False
    if row.problem is not None and row.ctime_ns != stat.st_ctime_ns:
        return False
    # A new size limit matters only to files on different sides of the two limits.
    return (stat.st_size <= row.max_bytes) == (stat.st_size <= max_bytes)


def _fingerprint(
    files: Sequence[tuple[str, os.stat_result | None]], problems: Iterable[str], max_bytes: int
) -> str:
    """A digest of every file's path and stat (status time too for problem files).

    Empty when a stat failed: such a file has no row to be remembered by.
    """
    if any(stat is None for _, stat in files):
        return ""
    stats: list[os.stat_result] = [stat for _, stat in files]  # type: ignore[misc]
    digest = blake2b(digest_size=20)
    digest.update("\0".join(path for path, _ in files).encode("utf-8", "surrogateescape"))
    numbers = array("q", [max_bytes])
    numbers.extend([stat.st_size for stat in stats])
    numbers.extend([stat.st_mtime_ns for stat in stats])
    retry = set(problems)
    if retry:
        pairs = zip(files, stats, strict=True)
        numbers.extend([stat.st_ctime_ns for (path, _), stat in pairs if path in retry])
    digest.update(numbers.tobytes())
    return digest.hexdigest()


def _rows(connection: sqlite3.Connection, paths: Sequence[str] | None = None) -> dict[str, _Row]:
    import json

    sql = "SELECT path, size, mtime_ns, ctime_ns, max_bytes, problem FROM files"
    if paths is None:
        cursor = connection.execute(sql)
    else:
        cursor = connection.execute(
            sql + " WHERE path IN (SELECT value FROM json_each(?))", (json.dumps(paths),)
        )
    return {path: _Row(*rest) for path, *rest in cursor}


def _read(path: str, max_bytes: int) -> list[Article] | str:
    # The loaders are imported only when a file must be read: a run with
    # nothing changed never pays for them.
    from briefing.library.load import load_article_file
    from briefing.library.loaders import ArticleFormatError

    try:
        return load_article_file(Path(path), max_bytes)
    except ArticleFormatError as error:
        return str(error)


def _source_text(article: Article) -> str:
    """What `source:` searches: the publication and the address's host."""
    from urllib.parse import urlsplit

    host = urlsplit(article.url).hostname if article.url else None
    return " ".join(part for part in (article.source, host) if part)


def _forget_path(connection: sqlite3.Connection, path: str) -> set[str]:
    rows = connection.execute("SELECT rowid, id FROM docs WHERE path = ?", (path,)).fetchall()
    for rowid, _ in rows:
        connection.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
    connection.execute("DELETE FROM docs WHERE path = ?", (path,))
    return {article_id for _, article_id in rows}


def join_tags(tags: Iterable[str]) -> str:
    return TAG_SEPARATOR.join(tags)


def split_tags(joined: str) -> tuple[str, ...]:
    return tuple(joined.split(TAG_SEPARATOR)) if joined else ()


def _store(connection: sqlite3.Connection, path: str, articles: list[Article]) -> set[str]:
    for ordinal, article in enumerate(articles):
        folded = [" ".join(words) for words in tokens_many(article.tags)] if article.tags else []
        cursor = connection.execute(
            "INSERT INTO docs(path, ordinal, id, title, source, url, published, author, tags,"
            " folded_tags, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                path,
                ordinal,
                article.id,
                article.title,
                article.source,
                article.url,
                article.published,
                article.author,
                join_tags(article.tags),
                join_tags(folded),
                article.words,
            ),
        )
        connection.execute(
            "INSERT INTO fts(rowid, title, body, source) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, article.title, article.body, _source_text(article)),
        )
    return {article.id for article in articles}


def _path_key(path: str) -> list[str]:
    return path.split(os.sep)


def _mark_duplicates(connection: sqlite3.Connection, ids: set[str]) -> None:
    """Of several files with the same article, the first (in path order) is the one shown."""
    import json

    if not ids:
        return
    rows = connection.execute(
        "SELECT rowid, id, path, ordinal, dup FROM docs"
        " WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),),
    ).fetchall()
    by_id: dict[str, list[tuple[int, str, int, int]]] = {}
    for rowid, article_id, path, ordinal, dup in rows:
        by_id.setdefault(article_id, []).append((rowid, path, ordinal, dup))
    updates = []
    for copies in by_id.values():
        copies.sort(key=lambda c: (_path_key(c[1]), c[2]))
        for position, (rowid, _, _, dup) in enumerate(copies):
            wanted = 1 if position else 0
            if dup != wanted:
                updates.append((wanted, rowid))
    connection.executemany("UPDATE docs SET dup = ? WHERE rowid = ?", updates)


class _Plan(NamedTuple):
    to_read: list[tuple[str, os.stat_result | None]]
    removed: list[str]
    unchanged: int
    problems: list[Problem]


def _plan(
    files: list[tuple[str, os.stat_result | None]], stored: dict[str, _Row], max_bytes: int
) -> _Plan:
    to_read = []
    problems = []
    unchanged = 0
    for path, stat in files:
        row = stored.get(path)
        if _fresh(row, stat, max_bytes):
            unchanged += 1
            if row is not None and row.problem is not None:
                problems.append(Problem(Path(path), row.problem))
        else:
            to_read.append((path, stat))
    on_disk = {path for path, _ in files}
    removed = [path for path in stored if path not in on_disk]
    return _Plan(to_read, removed, unchanged, problems)


def refresh(
    database: Database,
    roots: Sequence[Path],
    max_bytes: int,
    progress: Progress | None = None,
) -> RefreshResult:
    from briefing.library.files import scan_article_files

    files = scan_article_files(roots)
    connection = database.connection()
    known_problems = [
        path for (path,) in connection.execute("SELECT path FROM files WHERE problem IS NOT NULL")
    ]
    fingerprint = _fingerprint(files, known_problems, max_bytes)
    if fingerprint and database.meta("fingerprint") == fingerprint:
        rows = connection.execute("SELECT path, problem FROM files WHERE problem IS NOT NULL")
        known = tuple(Problem(Path(path), reason) for path, reason in rows)
        return RefreshResult(0, 0, 0, len(files), known)

    stored = _rows(connection)
    plan = _plan(files, stored, max_bytes)
    problems = list(plan.problems)
    touched: set[str] = set()
    total = len(plan.to_read)
    added = changed = skipped = 0
    if progress is not None and total:
        progress(0, total)
    for start in range(0, total, BATCH):
        batch = plan.to_read[start : start + BATCH]
        loaded = [(path, stat, _read(path, max_bytes)) for path, stat in batch]
        with writing(connection):
            current = _rows(connection, [path for path, _, _ in loaded])
            for path, stat, result in loaded:
                if _fresh(current.get(path), stat, max_bytes):
                    skipped += 1  # another process stored this very version meanwhile
                    continue
                if path in stored:
                    changed += 1
                else:
                    added += 1
                touched |= _forget_path(connection, path)
                problem = result if isinstance(result, str) else None
                if problem is None:
                    assert not isinstance(result, str)
                    touched |= _store(connection, path, result)
                else:
                    problems.append(Problem(Path(path), problem))
                if stat is None:
                    connection.execute("DELETE FROM files WHERE path = ?", (path,))
                    continue
                connection.execute(
                    "INSERT OR REPLACE INTO files(path, size, mtime_ns, ctime_ns, max_bytes,"
                    " problem) VALUES (?, ?, ?, ?, ?, ?)",
                    (path, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, max_bytes, problem),
                )
        if progress is not None:
            progress(min(start + BATCH, total), total)
    with writing(connection):
        for path in plan.removed:
            touched |= _forget_path(connection, path)
            connection.execute("DELETE FROM files WHERE path = ?", (path,))
        _mark_duplicates(connection, touched)
        problem_paths = [str(p.path) for p in problems]
        connection.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('fingerprint', ?)",
            (_fingerprint(files, problem_paths, max_bytes),),
        )
    problems.sort(key=lambda p: _path_key(str(p.path)))
    return RefreshResult(
        added=added,
        changed=changed,
        removed=len(plan.removed),
        unchanged=plan.unchanged + skipped,
        problems=tuple(problems),
    )
