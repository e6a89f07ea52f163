"""Bringing the index up to date with the files, reading only what changed.

Which files to look at is ``briefing.search.scan``'s job: unchanged folders
are not listed again, and in a large library only new and replaced files
are stat'ed. A file is unchanged when its inode, size and modification time
(to the nanosecond) are those recorded when it was read; it is not opened
again. Files that could not be read are remembered with their reason, and
tried again when their status time changes too (a `chmod` that makes one
readable).

Changed and new files are read outside any lock (by worker processes when
there are many, ``briefing.search.reading``), then written in batches of
short transactions, each re-checking the rows it replaces, so that two
processes refreshing one index at once neither duplicate nor lose work, and
an interrupted refresh keeps what it finished: the next one reads only the
rest. The folders' state is recorded last, once every file in them is in.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from briefing.library.dates import parse_when
from briefing.search.database import AUTOMERGE, Database, writing
from briefing.search.reading import Prepared, Result, join_tags, read_files, split_tags
from briefing.search.results import Problem, RefreshResult
from briefing.search.scan import FULL_CHECK_FILES, FolderState, Scan, StoredUnder, scan

__all__ = ["Progress", "join_tags", "refresh", "split_tags"]

# progress(done, total): files read so far, of those that need reading.
Progress = Callable[[int, int], object]
# In a large library, files rewritten in place are found by a stat of every
# file (see briefing.search.scan): done by the first refresh after this long.
FULL_CHECK_SECONDS = 3600
BULK_FILES = 1_000  # from this many files to read on, _bulk's settings
# Files per transaction: what an interruption can lose, and how often the
# reader's list can grow during a first index. In a bulk refresh (_bulk) a
# batch is larger: each becomes one FTS5 segment, and fewer, larger segments
# mean less merging (writing 100,000 generated articles, with BULK_AUTOMERGE:
# 38-39 -> 31-32 CPU-seconds); a thousand files is about half a second's work.
BATCH = 200
BULK_BATCH = 1_000

Stat = os.stat_result | None
_UNNAMEABLE = "the file name is not valid UTF-8; rename it to search it"


class _Row(NamedTuple):
    size: int
    mtime_ns: int
    ctime_ns: int
    max_bytes: int
    problem: str | None
    ino: int


def _fresh(row: _Row | None, stat: Stat, max_bytes: int) -> bool:
    if row is None or stat is None:
        return False
    if row.size != stat.st_size or row.mtime_ns != stat.st_mtime_ns or row.ino != stat.st_ino:
        return False
    if row.problem is not None and row.ctime_ns != stat.st_ctime_ns:
        return False
    # A new size limit matters only to files on different sides of the two limits.
    return (stat.st_size <= row.max_bytes) == (stat.st_size <= max_bytes)


def _rows(connection: sqlite3.Connection, paths: Sequence[str]) -> dict[str, _Row]:
    cursor = connection.execute(
        "SELECT path, size, mtime_ns, ctime_ns, max_bytes, problem, ino FROM files"
        " WHERE path IN (SELECT value FROM json_each(?))",
        (json.dumps(paths),),
    )
    return {path: _Row(*rest) for path, *rest in cursor}


def _stored_under(connection: sqlite3.Connection) -> StoredUnder:
    def under(folder: str, deep: bool = False) -> dict[str, int]:
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        after = prefix[:-1] + chr(ord(os.sep) + 1)  # every path starting with prefix sorts below
        rows = connection.execute(
            "SELECT path, ino FROM files WHERE path >= ? AND path < ?", (prefix, after)
        )
        if deep:
            return dict(rows)
        start = len(prefix)
        return {path: ino for path, ino in rows if path.find(os.sep, start) < 0}

    return under


def _forget_path(connection: sqlite3.Connection, path: str) -> set[str]:
    rows = connection.execute("SELECT rowid, id FROM docs WHERE path = ?", (path,)).fetchall()
    connection.executemany("DELETE FROM fts WHERE rowid = ?", [(rowid,) for rowid, _ in rows])
    connection.execute("DELETE FROM docs WHERE path = ?", (path,))
    return {article_id for _, article_id in rows}


def _path_key(path: str) -> list[str]:
    return path.split(os.sep)


def _mark_duplicates(connection: sqlite3.Connection, ids: set[str]) -> None:
    """Of several files with the same article, the first (in path order) is the one shown."""
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
    to_read: list[tuple[str, Stat]]
    stored: dict[str, _Row]  # the index's rows of the files looked at
    problems: list[Problem]  # unchanged files that could not be read last time


def _plan(connection: sqlite3.Connection, found: Scan, max_bytes: int) -> _Plan:
    files = list(found.files)
    looked_at = {path for path, _ in files}
    gone = set(found.removed)
    # Files that could not be read are looked at every time (there are few).
    for (path,) in connection.execute("SELECT path FROM files WHERE problem IS NOT NULL"):
        if path not in looked_at and path not in gone:
            try:
                files.append((path, os.stat(path)))
            except OSError:
                files.append((path, None))
    stored = _rows(connection, [path for path, _ in files])
    to_read = []
    problems = []
    for path, stat in files:
        row = stored.get(path)
        if _fresh(row, stat, max_bytes):
            if row is not None and row.problem is not None:
                problems.append(Problem(Path(path), row.problem))
        else:
            to_read.append((path, stat))
    return _Plan(to_read, stored, problems)


class _Tally:
    def __init__(self) -> None:
        self.added = self.changed = self.skipped = 0
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []


def _document_rows(
    rowid: int, path: str, articles: list[Prepared], modified_ns: int
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    docs: list[tuple[object, ...]] = []
    fts: list[tuple[object, ...]] = []
    for ordinal, a in enumerate(articles):
        published = parse_when(a.published)
        # Whole seconds, rounded down (as the question is): never later than the time.
        moment = math.floor(published.timestamp()) if published else modified_ns // 10**9
        docs.append((rowid, path, ordinal, a.id, a.title, a.source, a.url, a.published,
                     a.author, a.tags, a.folded_tags, a.words, moment))  # fmt: skip
        fts.append((rowid, a.title, a.body, a.source_text))
        rowid += 1
    return docs, fts


def _write_batch(
    connection: sqlite3.Connection,
    loaded: list[tuple[str, Stat, Result]],
    plan: _Plan,
    max_bytes: int,
    tally: _Tally,
) -> None:
    """One transaction: the batch's files replace what the index had of them."""
    current = _rows(connection, [path for path, _, _ in loaded])
    touched: set[str] = set()
    rowid = connection.execute("SELECT coalesce(max(rowid), 0) + 1 FROM docs").fetchone()[0]
    docs: list[tuple[object, ...]] = []
    fts: list[tuple[object, ...]] = []
    files: list[tuple[object, ...]] = []
    for path, stat, result in loaded:
        if _fresh(current.get(path), stat, max_bytes):
            tally.skipped += 1  # another process stored this very version meanwhile
            continue
        if path in plan.stored:
            tally.changed += 1
        else:
            tally.added += 1
        if path in current:
            touched |= _forget_path(connection, path)
        problem = result if isinstance(result, str) else None
        if isinstance(result, str):
            tally.problems.append(Problem(Path(path), result))
        else:
            modified_ns = stat.st_mtime_ns if stat is not None else 0
            new_docs, new_fts = _document_rows(rowid, path, result, modified_ns)
            docs += new_docs
            fts += new_fts
            rowid += len(new_docs)
            touched.update(article.id for article in result)
            tally.warnings += [Problem(Path(path), note) for a in result for note in a.notes]
        if stat is None:
            connection.execute("DELETE FROM files WHERE path = ?", (path,))
        else:
            files.append((path, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns,
                          max_bytes, problem, stat.st_ino))  # fmt: skip
    connection.executemany(
        "INSERT INTO docs(rowid, path, ordinal, id, title, source, url, published, author,"
        " tags, folded_tags, words, moment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        docs,
    )
    connection.executemany("INSERT INTO fts(rowid, title, body, source) VALUES (?, ?, ?, ?)", fts)
    connection.executemany(
        "INSERT OR REPLACE INTO files(path, size, mtime_ns, ctime_ns, max_bytes, problem, ino)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        files,
    )
    _mark_duplicates(connection, touched)


def _finish(
    connection: sqlite3.Connection, found: Scan, stored_folders: dict[str, FolderState]
) -> int:
    """Drop the files that are gone, record the folders; the number of files indexed."""
    touched: set[str] = set()
    for path in found.removed:
        touched |= _forget_path(connection, path)
        connection.execute("DELETE FROM files WHERE path = ?", (path,))
    _mark_duplicates(connection, touched)
    if found.folders != stored_folders:
        connection.execute("DELETE FROM folders")
        connection.executemany(
            "INSERT INTO folders(path, mtime_ns, ino) VALUES (?, ?, ?)",
            [(path, *state) for path, state in found.folders.items()],
        )
    count: int = connection.execute("SELECT count(*) FROM files").fetchone()[0]
    connection.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('files', ?)", (str(count),))
    return count


# FTS5 writes what a transaction added as a new segment once it holds this
# much (the default is 1 MB). A batch of articles holds more than that, so it
# was written as several small segments, all of which FTS5 then merges: a
# larger limit makes one segment a batch. Writing 100,000 generated articles:
# 36 -> 30 CPU-seconds. The memory is only what a batch adds.
PENDING_BYTES = 32 << 20
# During a bulk refresh FTS5 merges segments 16 at a time rather than 8 (the
# schema's AUTOMERGE, restored afterwards): each article's terms are merged
# into fewer levels on the way to one large segment.
BULK_AUTOMERGE = 16


@contextlib.contextmanager
def _bulk(connection: sqlite3.Connection, files: int) -> Iterator[None]:
    """Settings for writing many files: a larger page cache, fewer WAL checkpoints
    (FTS5 merges rewrite the same pages again and again) and larger FTS5
    segments. Writing 4,000 generated articles: 2,680 -> 2,900 per CPU-second
    for the first two; back to the defaults afterwards, so a long-lived reader
    does not keep 64 MB of cache per thread. (The segment size is stored in
    the index; it only matters to writes as large as a batch.)"""
    if files < BULK_FILES:
        yield
        return
    connection.execute("PRAGMA cache_size = -65536")
    connection.execute("PRAGMA wal_autocheckpoint = 10000")
    with writing(connection):
        connection.execute("INSERT INTO fts(fts, rank) VALUES ('hashsize', ?)", (PENDING_BYTES,))
        connection.execute("INSERT INTO fts(fts, rank) VALUES ('automerge', ?)", (BULK_AUTOMERGE,))
    try:
        yield
    finally:
        with writing(connection):
            connection.execute("INSERT INTO fts(fts, rank) VALUES ('automerge', ?)", (AUTOMERGE,))
        connection.execute("PRAGMA cache_size = -2000")
        connection.execute("PRAGMA wal_autocheckpoint = 1000")


def _read_in_batches(
    connection: sqlite3.Connection, plan: _Plan, max_bytes: int, progress: Progress | None
) -> _Tally:
    tally = _Tally()
    total = len(plan.to_read)
    if progress is not None and total:
        progress(0, total)
    size = BULK_BATCH if total >= BULK_FILES else BATCH
    # The workers read the next batch while this process writes one: with
    # less read ahead than a batch, reading and writing took turns (100,000
    # generated articles, quiet machine, A/B alternated: 1,910 -> 2,220 articles/s
    # on the wall clock, medians of 3 and 4 runs).
    reading = read_files([path for path, _ in plan.to_read], max_bytes, ahead=size)
    with contextlib.closing(reading), _bulk(connection, total):
        for start in range(0, total, size):
            batch = plan.to_read[start : start + size]
            results = islice(reading, len(batch))
            loaded = [
                (p, stat, result) for (p, stat), (_, result) in zip(batch, results, strict=True)
            ]
            with writing(connection):
                _write_batch(connection, loaded, plan, max_bytes, tally)
            if progress is not None:
                progress(start + len(batch), total)
    return tally


def refresh(
    database: Database,
    roots: Sequence[Path],
    max_bytes: int,
    progress: Progress | None = None,
    full: bool = False,
) -> RefreshResult:
    """See ``SearchIndex.refresh``; ``full`` stats every file (see ``scan``)."""
    connection = database.connection()
    stored_folders = {
        path: FolderState(mtime_ns, ino)
        for path, mtime_ns, ino in connection.execute("SELECT path, mtime_ns, ino FROM folders")
    }
    known = database.meta("files")
    large = known is not None and int(known) > FULL_CHECK_FILES
    full = full or not large or _full_check_due(database)
    roots_text = [os.fspath(root) for root in roots]
    found, unnamed = _nameable(scan(roots_text, stored_folders, _stored_under(connection), full))
    plan = _plan(connection, found, max_bytes)
    plan.problems.extend(unnamed)
    if not plan.to_read and not found.removed and found.folders == stored_folders:
        if full and large:
            with writing(connection):
                _checked_in_full(connection)
        unchanged = int(known) if known is not None else 0
        return RefreshResult(0, 0, 0, unchanged + len(unnamed), _sorted(plan.problems))
    tally = _read_in_batches(connection, plan, max_bytes, progress)
    with writing(connection):
        count = _finish(connection, found, stored_folders)
        if full and large:
            _checked_in_full(connection)
    return RefreshResult(
        added=tally.added,
        changed=tally.changed,
        removed=len(found.removed),
        unchanged=max(0, count - tally.added - tally.changed) + len(unnamed),
        problems=_sorted(plan.problems + tally.problems),
        warnings=tuple(tally.warnings),
    )


def _encodable(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _nameable(found: Scan) -> tuple[Scan, list[Problem]]:
    """The scan without the files whose names SQLite cannot store, and a problem for each.

    A name with bytes that are not UTF-8 cannot be a TEXT key: that file is
    named and skipped, and the rest are searched. (Its folder, if equally
    unnameable, is simply not recorded, so it is listed again next time.)
    """
    files = [(path, stat) for path, stat in found.files if _encodable(path)]
    if len(files) == len(found.files) and all(map(_encodable, found.folders)):
        return found, []
    bad = [Problem(Path(path), _UNNAMEABLE) for path, _ in found.files if not _encodable(path)]
    folders = {path: state for path, state in found.folders.items() if _encodable(path)}
    return found._replace(files=files, folders=folders), bad


def _full_check_due(database: Database) -> bool:
    last = database.meta("full_check")
    return last is None or time.time() - float(last) > FULL_CHECK_SECONDS


def _checked_in_full(connection: sqlite3.Connection) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('full_check', ?)", (str(time.time()),)
    )


def _sorted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: _path_key(str(p.path))))
