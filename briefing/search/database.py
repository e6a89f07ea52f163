"""The index's SQLite file: where it lives, its schema, connections, self-repair.

One file per library (the set of folders and files searched), in the user
cache dir. The articles are the source of truth, so a file that is damaged,
of an older schema or written by another version of briefing is deleted and
made anew, silently. Several threads and processes may use one file at once:
WAL lets readers go on while a writer writes, writers wait for each other
(busy timeout), and a file lock keeps two processes from rebuilding the same
file at the same moment.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from briefing import __version__
from briefing.search.tokenizer import TOKENIZE
from briefing.storage.digests import blake2b

__all__ = [
    "AUTOMERGE",
    "SCHEMA_VERSION",
    "Database",
    "SearchIndexError",
    "blake2b",
    "default_cache_dir",
    "index_file",
    "is_damage",
    "user_error",
    "writing",
]

SCHEMA_VERSION = 3  # 2: files.ino, folders, a prefix index for two letters only; 3: docs.moment
BUSY_SECONDS = 60.0
# Index files of libraries not opened for this long are removed when a new
# one is made, so that the cache does not grow without end.
STALE_SECONDS = 90 * 24 * 3600

# A prefix index for two-letter prefixes makes "ha*" (as a search-as-you-type
# box sends it) fast; longer prefixes are fast enough without. A three-letter
# index as well made a first index 1.5x slower for little gain (10,000
# generated articles: FTS5 inserts 1,930/s with '2 3', 2,840/s with '2', in CPU
# time; "ha*" 19 vs 24 ms, "har*" 9 vs 10 ms, "con*" 20 vs 41 ms, ranked top 20).
# FTS5 merges its segments 8 at a time rather than 4: less merging while a
# large library is indexed (writing 4,000 generated articles, with _bulk's
# settings: 2,900 -> 3,240 per CPU-second), a few more segments to read.
AUTOMERGE = 8
# BM25 weights per column (title, body, source): a word in the title says more
# about what an article is about than the same word in its body.
SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files(
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    max_bytes INTEGER NOT NULL,
    problem TEXT,
    ino INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE folders(
    path TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX files_with_problems ON files(path) WHERE problem IS NOT NULL;
CREATE TABLE docs(
    rowid INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    url TEXT,
    published TEXT,
    author TEXT,
    tags TEXT NOT NULL,
    folded_tags TEXT NOT NULL,
    words INTEGER NOT NULL,
    dup INTEGER NOT NULL DEFAULT 0,
    -- When the article is from, in seconds since 1970: published, else the
    -- file's modification time (what `digest --since` asks the index for).
    moment INTEGER NOT NULL
);
CREATE INDEX docs_by_path ON docs(path);
CREATE INDEX docs_by_id ON docs(id);
CREATE INDEX docs_duplicates ON docs(rowid) WHERE dup;
CREATE INDEX docs_by_moment ON docs(moment) WHERE NOT dup;
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, source, tokenize='{TOKENIZE}', prefix='2'
);
INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');
INSERT INTO fts(fts, rank) VALUES ('automerge', {AUTOMERGE});
"""

# SQLite primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _CORRUPT, _NOTADB = 5, 6, 11, 26
_CANTOPEN, _READONLY, _FULL, _IOERR = 14, 8, 13, 10


class SearchIndexError(Exception):
    """The index cannot be used (busy, unwritable, disk full): one line for the user."""


def default_cache_dir() -> Path:
    """The user cache folder of briefing (platformdirs' rule), plus "search"."""
    from briefing.storage.config import cache_dir

    return cache_dir() / "search"


def index_file(roots: Sequence[Path], cache_dir: Path) -> Path:
    """The index file for a library: named by its resolved folders and files."""
    key = "\n".join(sorted(os.fspath(root) for root in roots))
    digest = blake2b(key.encode("utf-8", "surrogateescape"), digest_size=10).hexdigest()
    return cache_dir / f"library-{digest}.sqlite3"


def _code(error: sqlite3.Error) -> int:
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def is_damage(error: sqlite3.Error) -> bool:
    """The file is not a usable index: corrupt, not a database, or not our schema."""
    if _code(error) in (_CORRUPT, _NOTADB):
        return True
    message = str(error)
    return message.startswith(("no such table", "no such column", "no such module"))


def user_error(error: sqlite3.Error, path: Path) -> SearchIndexError | None:
    """A one-line explanation for errors the user can act on, else None."""
    code = _code(error)
    if code in (_BUSY, _LOCKED):
        return SearchIndexError(
            "the search index is busy (another briefing is updating it); try again"
        )
    if code in (_CANTOPEN, _READONLY):
        return SearchIndexError(f"cannot write the search index {path}: {error}")
    if code in (_FULL, _IOERR):
        return SearchIndexError(f"cannot write the search index {path}: {error}")
    return None


@contextlib.contextmanager
def writing(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction; it waits for other writers (busy timeout)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


class _PerThread(threading.local):
    connection: sqlite3.Connection | None = None
    generation: int = -1


class Database:
    """The index file, with one connection per thread (opened on first use).

    ``generation`` changes when the file is made anew; each thread then
    reopens its connection the next time it asks for one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.generation = 0
        self._local = _PerThread()
        self._lock = threading.RLock()
        self._connections: list[sqlite3.Connection] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SearchIndexError(
                f"cannot create the search index folder {path.parent}: {error.strerror}"
            ) from None
        try:
            if not self._healthy(self.connection()):
                self.rebuild()
            else:
                with contextlib.suppress(OSError):
                    os.utime(path)  # in use: not stale
        except sqlite3.Error as error:
            raise user_error(error, path) or error from None

    def connection(self) -> sqlite3.Connection:
        local = self._local
        if local.connection is not None and local.generation == self.generation:
            return local.connection
        if local.connection is not None:
            self._forget(local.connection)
        connection = sqlite3.connect(
            self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        with contextlib.suppress(sqlite3.DatabaseError):  # a damaged file says so later
            connection.execute("PRAGMA synchronous = NORMAL")  # durable enough with WAL
        local.connection, local.generation = connection, self.generation
        with self._lock:
            self._connections.append(connection)
        return connection

    def _forget(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            if connection in self._connections:
                self._connections.remove(connection)
        connection.close()

    def _retire(self) -> None:
        """Have every thread open a new connection next time.

        Only this thread's connection is closed here: another thread may be in
        the middle of a statement on its own (which goes on, on the old file).
        """
        with self._lock:
            self.generation += 1
        if self._local.connection is not None:
            self._forget(self._local.connection)
            self._local.connection = None

    def close(self) -> None:
        """Close every thread's connection (when no thread uses the index any more)."""
        with self._lock:
            connections, self._connections = self._connections, []
            self.generation += 1
        for connection in connections:
            connection.close()

    def meta(self, key: str) -> str | None:
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _healthy(connection: sqlite3.Connection) -> bool:
        try:
            rows = dict(connection.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as error:
            if is_damage(error) or "no such table" in str(error):
                return False
            raise
        return rows.get("schema") == str(SCHEMA_VERSION) and rows.get("briefing") == __version__

    def rebuild(self, damaged: bool = False) -> None:
        """Make the file anew, empty (the next refresh fills it).

        With ``damaged``, the current file failed in use and goes even if it
        looks healthy, unless another process has replaced it meanwhile.
        """
        from filelock import FileLock, Timeout  # only paid for when a file is made

        try:
            before = os.stat(self.path).st_ino
        except OSError:
            before = None
        with self._lock:
            try:
                with FileLock(f"{self.path}.lock", timeout=BUSY_SECONDS):
                    self._retire()
                    self._remake(before, damaged)
            except Timeout:
                raise SearchIndexError(
                    "the search index is busy (another briefing is rebuilding it); try again"
                ) from None

    def _remake(self, before: int | None, damaged: bool) -> None:
        try:
            now = os.stat(self.path).st_ino
        except OSError:
            now = None
        replaced = now is not None and now != before
        if (replaced or not damaged) and now is not None and self._healthy(self.connection()):
            return  # someone else made it anew while we waited for the lock
        self._retire()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{self.path}{suffix}")
        _remove_stale(self.path.parent)
        connection = self.connection()
        connection.execute("PRAGMA journal_mode = WAL")
        _create(connection)


def _create(connection: sqlite3.Connection) -> None:
    statements = [s.strip() for s in SCHEMA.split(";") if s.strip()]
    with writing(connection):
        for statement in statements:
            connection.execute(statement)
        connection.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?)",
            [("schema", str(SCHEMA_VERSION)), ("briefing", __version__)],
        )


def _remove_stale(folder: Path) -> None:
    cutoff = time.time() - STALE_SECONDS
    for path in folder.glob("library-*.sqlite3"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(f"{path}{suffix}")
