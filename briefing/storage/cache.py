"""A cache of work derived from articles: summaries, key facts and the terms
that story grouping weighs.

Keyed by article id and by a fingerprint of the code that did the work, so a
second start does nothing twice and a new version of the code never serves
stale results. The cache is disposable: if the file is damaged, unreadable or
from another schema it is deleted and rebuilt, and if even that fails the
cache simply stays off. Nothing here may ever stop the user reading.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING

from briefing.storage.digests import sha256_hex

if TYPE_CHECKING:
    import sqlite3

    from briefing.analysis.facts import Fact
    from briefing.analysis.stories.terms import Counts

__all__ = ["DerivedCache", "code_version"]

SCHEMA = 3
# Versions whose tables are a subset of this one's: opened, the missing tables are
# added (2 had no terms or sentences tables).
_UPGRADABLE = (0, 2)
_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_version(*parts: str) -> str:
    """A fingerprint of the named source files or folders under briefing/.

    A folder counts with every file below it (code and word lists alike).
    """
    chunks = [str(SCHEMA).encode()]
    for part in parts:
        target = _PACKAGE / part
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                chunks.append(path.relative_to(_PACKAGE).as_posix().encode())
                chunks.append(path.read_bytes())
    return sha256_hex(*chunks)[:16]


FACTS_CODE = ("analysis/facts", "analysis/sentences.py", "library/model.py", "library/text.py")
TERMS_CODE = ("analysis/stories/terms.py", "analysis/rank.py", "library/text.py")
SENTENCES_CODE = ("analysis/sentences.py", "library/model.py", "library/text.py")
SUMMARY_CODE = (
    "analysis/summarize.py",
    "analysis/rank.py",
    "analysis/choose.py",
    "analysis/readable.py",
    "analysis/summary_weights.py",
    "analysis/facts/quotes.py",
    "analysis/sentences.py",
    "library/model.py",
    "library/text.py",
)


class DerivedCache:
    """Summaries and facts by article id, in one SQLite file (thread-safe)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from briefing.storage.config import cache_dir

            path = cache_dir() / "derived.sqlite3"
        self.path = path
        self._local = threading.local()
        self._disabled = False
        self._lock = threading.Lock()

    # Connection -------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        import sqlite3  # on first use: start-up does not wait for it

        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version not in (*_UPGRADABLE, SCHEMA):
            raise sqlite3.DatabaseError(f"cache schema {version}, expected {SCHEMA}")
        if version == SCHEMA:
            # Made before: no write on opening (two write transactions cost a
            # one-shot command such as `bookmarks add` more than its query).
            return connection
        connection.executescript(
            """
            CREATE TABLE IF NOT EXISTS facts (
                article_id TEXT NOT NULL,
                code TEXT NOT NULL,
                digest TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (article_id, code)
            );
            CREATE TABLE IF NOT EXISTS summaries (
                article_id TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                count INTEGER NOT NULL,
                code TEXT NOT NULL,
                digest TEXT NOT NULL,
                indices TEXT NOT NULL,
                note TEXT,
                PRIMARY KEY (article_id, algorithm, count, code)
            );
            CREATE TABLE IF NOT EXISTS terms (
                article_id TEXT NOT NULL,
                code TEXT NOT NULL,
                digest TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (article_id, code)
            );
            CREATE TABLE IF NOT EXISTS sentences (
                article_id TEXT NOT NULL,
                code TEXT NOT NULL,
                digest TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (article_id, code)
            );
            """
        )
        connection.execute(f"PRAGMA user_version={SCHEMA}")
        return connection

    def _connection(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        import sqlite3

        try:
            connection = self._open()
        except (sqlite3.Error, OSError):
            # Damaged or foreign: start again from an empty file, once.
            with self._lock, contextlib.suppress(OSError):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            try:
                connection = self._open()
            except (sqlite3.Error, OSError):
                self._disabled = True
                return None
        self._local.connection = connection
        return connection

    def _write(self, sql: str, rows: Sequence[tuple]) -> None:
        import sqlite3

        connection = self._connection()
        if connection is None:
            return
        with contextlib.suppress(sqlite3.Error), connection:
            connection.executemany(sql, rows)

    def _query(self, sql: str, parameters: tuple) -> list[tuple]:
        import sqlite3

        connection = self._connection()
        if connection is None:
            return []
        try:
            return connection.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            return []

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # Facts ------------------------------------------------------------------

    def facts(
        self, wanted: Iterable[tuple[str, str | None]], kinds: Collection[str] | None = None
    ) -> dict[str, list[Fact]]:
        """Cached facts for whichever of these (article id, digest) pairs have them.

        Results are keyed by article id. With a digest, only facts of exactly
        that text count (sentence numbers must fit); with None, the latest
        facts of the article do (enough to know which entities it names).
        With ``kinds``, only the facts of those kinds are read (the others
        are most of them: a digest wants only people, organisations, places).
        """
        from briefing.analysis.facts import Fact

        digests = dict(wanted)
        ids = list(digests)
        code = code_version(*FACTS_CODE)
        found: dict[str, list[Fact]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT article_id, digest, data FROM facts WHERE code = ? "
                f"AND article_id IN ({marks})",
                (code, *chunk),
            )
            for article_id, digest, data in rows:
                if digests.get(article_id, "") not in (None, digest):
                    continue
                with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):
                    items = json.loads(data)
                    if kinds is not None:
                        items = [item for item in items if item[0] in kinds]
                    found[article_id] = [_fact_from_json(item, Fact) for item in items]
        return found

    def put_facts(self, facts: dict[str, tuple[str, list[Fact]]]) -> None:
        """Store facts by article id: (digest of the text, facts)."""
        code = code_version(*FACTS_CODE)
        rows = [
            (article_id, code, digest, json.dumps([_fact_to_json(f) for f in items]))
            for article_id, (digest, items) in facts.items()
        ]
        if rows:
            self._write("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?)", rows)

    # Terms (story grouping) -------------------------------------------------

    def _by_digest(
        self, table: str, code: str, wanted: Iterable[tuple[str, str]]
    ) -> Iterator[tuple[str, str, str]]:
        """(article id, digest, data) of the rows of ``table`` (terms or
        sentences) for these (article id, digest) pairs, digests matching."""
        pairs = set(wanted)
        ids = list(dict.fromkeys(article_id for article_id, _digest in pairs))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._query(
                f"SELECT article_id, digest, data FROM {table} WHERE code = ? "
                f"AND article_id IN ({','.join('?' * len(chunk))})",
                (code, *chunk),
            )
            yield from (row for row in rows if (row[0], row[1]) in pairs)

    def terms(self, wanted: Iterable[tuple[str, str]]) -> dict[str, Counts]:
        """Cached terms and counts for whichever (article id, digest) pairs have them."""
        found: dict[str, Counts] = {}
        code = code_version(*TERMS_CODE)
        for article_id, _digest, data in self._by_digest("terms", code, wanted):
            with contextlib.suppress(ValueError, TypeError):
                terms, counts = json.loads(data)
                if _is_counts(terms, counts):
                    # One string per distinct term, not one per article
                    # naming it: 140 MB less at 10,000 articles.
                    found[article_id] = list(map(intern, terms)), counts
        return found

    def _put_by_digest(
        self, table: str, code: str, items: Mapping[str, tuple[str, object]]
    ) -> None:
        """Store JSON data in ``table`` by article id: (digest of the text, data)."""
        rows = [
            (article_id, code, digest, json.dumps(data, separators=(",", ":")))
            for article_id, (digest, data) in items.items()
        ]
        if rows:
            self._write(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?)", rows)

    def put_terms(self, terms: dict[str, tuple[str, Counts]]) -> None:
        """Store terms and counts by article id: (digest of the text, them)."""
        self._put_by_digest("terms", code_version(*TERMS_CODE), terms)

    # Sentences (story summaries) -------------------------------------------

    def sentences(self, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
        """Cached sentence spans (flat start, end, paragraph; see
        ``Article.sentence_spans``) by (article id, digest), for those that have them."""
        found: dict[tuple[str, str], list[int]] = {}
        code = code_version(*SENTENCES_CODE)
        for article_id, digest, data in self._by_digest("sentences", code, wanted):
            with contextlib.suppress(ValueError, TypeError):
                spans = json.loads(data)
                if isinstance(spans, list):
                    found[article_id, digest] = spans
        return found

    def put_sentences(self, spans: dict[str, tuple[str, list[int]]]) -> None:
        """Store sentence spans by article id: (digest of the text, spans)."""
        self._put_by_digest("sentences", code_version(*SENTENCES_CODE), spans)

    # Summaries --------------------------------------------------------------

    def summary(
        self, article_id: str, digest: str, algorithm: str, count: int
    ) -> tuple[tuple[int, ...], str | None] | None:
        code = code_version(*SUMMARY_CODE)
        rows = self._query(
            "SELECT indices, note FROM summaries WHERE article_id = ? AND algorithm = ? "
            "AND count = ? AND code = ? AND digest = ?",
            (article_id, algorithm, count, code, digest),
        )
        if not rows:
            return None
        indices, note = rows[0]
        try:
            found = json.loads(indices)
        except (ValueError, TypeError):
            return None
        # A row is trusted only in the shape put_summary writes: a changed or
        # damaged one (no sentences, repeats, disorder) is worked out again.
        if not _is_summary(found, count) or not isinstance(note, str | None):
            return None
        return tuple(found), note

    def put_summary(
        self,
        article_id: str,
        digest: str,
        algorithm: str,
        count: int,
        indices: Sequence[int],
        note: str | None,
    ) -> None:
        code = code_version(*SUMMARY_CODE)
        self._write(
            "INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article_id, algorithm, count, code, digest, json.dumps(list(indices)), note)],
        )


_FACT_FIELDS = (
    "kind", "text", "sentence", "key", "mentions", "sentences",
    "aliases", "role", "acronym", "speaker", "speaker_key",
)  # fmt: skip


def _fact_to_json(fact: Fact) -> list[object]:
    return [getattr(fact, name) for name in _FACT_FIELDS]


def _is_summary(indices: object, count: int) -> bool:
    return (
        isinstance(indices, list)
        and 0 < len(indices) <= count
        and all(type(i) is int and i >= 0 for i in indices)
        and all(a < b for a, b in itertools.pairwise(indices))
    )


def _is_counts(terms: object, counts: object) -> bool:
    """Terms (strings) and as many counts (positive numbers), as put_terms writes them."""
    return (
        isinstance(terms, list)
        and isinstance(counts, list)
        and len(terms) == len(counts)
        and set(map(type, terms)) <= {str}
        and set(map(type, counts)) <= {int, float}
        and min(counts, default=1) > 0
    )


def _is_index_list(value: object) -> bool:
    return isinstance(value, list) and all(type(i) is int and i >= 0 for i in value)


_FACT_KINDS = (
    "person",
    "organisation",
    "place",
    "date",
    "figure",
    "quote",
)  # a tuple: any value can be looked up

# Each field of a stored fact and what it must be; anything else is a changed
# or damaged row (ValueError: the article's facts are worked out again).
_FACT_CHECKS = {
    "kind": lambda v: v in _FACT_KINDS,
    "text": lambda v: isinstance(v, str) and bool(v),
    "sentence": lambda v: type(v) is int and v >= 0,
    "key": lambda v: isinstance(v, str) and bool(v),
    "mentions": lambda v: type(v) is int and v >= 1,
    "sentences": _is_index_list,
    "aliases": lambda v: isinstance(v, list) and all(isinstance(a, str) for a in v),
    "role": lambda v: v is None or isinstance(v, str),
    "acronym": lambda v: v is None or isinstance(v, str),
    "speaker": lambda v: v is None or isinstance(v, str),
    "speaker_key": lambda v: v is None or isinstance(v, str),
}


def _fact_from_json(values: list[object], fact_type: type[Fact]) -> Fact:
    # A library-wide `facts` run decodes every article's facts (150,000 at
    # 10,000 articles): the usual case, a sound row, is checked in one
    # expression; the per-field checks run only to name what is wrong.
    (kind, text, sentence, key, mentions, sentences, aliases, role, acronym, speaker,
     speaker_key) = values  # fmt: skip  # (ValueError if there are more or fewer)
    if not (
        kind in _FACT_KINDS
        and type(text) is str
        and text
        and type(sentence) is int
        and sentence >= 0
        and type(key) is str
        and key
        and type(mentions) is int
        and mentions >= 1
        and _is_index_list(sentences)
        and type(aliases) is list
        and all(type(a) is str for a in aliases)
        and (role is None or type(role) is str)
        and (acronym is None or type(acronym) is str)
        and (speaker is None or type(speaker) is str)
        and (speaker_key is None or type(speaker_key) is str)
    ):
        for name, value in zip(_FACT_FIELDS, values, strict=True):
            if not _FACT_CHECKS[name](value):
                raise ValueError(f"bad cached fact field {name}")
        raise ValueError("bad cached fact")  # (the two checks disagree: never)
    return fact_type(kind, text, sentence, key, mentions, tuple(sentences), tuple(aliases),  # type: ignore[arg-type]
                     role, acronym, speaker, speaker_key)  # fmt: skip
