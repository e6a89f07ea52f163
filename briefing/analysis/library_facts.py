"""The entities across a library, remembered for a library that has not changed.

`briefing facts` over 100,000 articles spends its time on every article, even
when every fact is cached: reading and parsing the file, splitting it into
sentences (to check the cached facts fit), and decoding its facts. Run again
on the same files, the answer is the same; so the entries are kept (in the
user cache, one file per library) with a fingerprint of the library they came
from, and used while the fingerprint holds.

The fingerprint is every article file's name and status (device, inode,
size, modification and status times: a file written in any way, even in place
with its old modification time, changes its status time, which no program
can set), the size limit, the entity kinds, and the code that reads articles
and finds facts. What loading said about the files (those skipped, what was
left out of some, repeated articles) is kept too, so that the user of each
run is told it as before.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefing.library.files import Problem

if TYPE_CHECKING:
    from briefing.analysis.facts.index import EntityEntry
    from briefing.library.model import Article

__all__ = [
    "FileMemo",
    "KnownArticle",
    "LibraryState",
    "Remembered",
    "library_state",
    "recall",
    "remember",
]

# The code whose changes change the answer (besides briefing's version).
_CODE = ("analysis/facts", "analysis/sentences.py", "analysis/derived.py", "library")
_FORMAT = 1  # of the files below


class LibraryState(NamedTuple):
    """A library's files as they are now, and where its entries are kept."""

    fingerprint: str
    file: Path
    head: str  # what the answer depends on besides the files (version, code, limits)
    # Every article file in library order with its status (None: stat failed):
    # a run over a changed library reads this list, not the folders again.
    files: list[tuple[str, tuple[int, ...] | None]]


class Remembered(NamedTuple):
    """What a run over the library found, for a run over the same files."""

    entries: list[EntityEntry]
    problems: list[Problem]  # files skipped
    warnings: list[Problem]  # what loading left out of some files
    duplicates: int  # files repeating an article already read


def library_state(paths: Sequence[Path], max_bytes: int, kinds: Sequence[str]) -> LibraryState:
    """Stat every article file under ``paths`` (LibraryError for a path that
    does not exist, as loading says it)."""
    from briefing import __version__
    from briefing.library.files import scan_article_files
    from briefing.storage.cache import code_version
    from briefing.storage.config import cache_dir
    from briefing.storage.digests import blake2b

    digest = blake2b(digest_size=20)
    head = [__version__, code_version(*_CODE), str(max_bytes), ",".join(sorted(kinds))]
    digest.update("\n".join(head).encode())
    files: list[tuple[str, tuple[int, ...] | None]] = []
    for path, info in scan_article_files(paths):
        digest.update(os.fsencode(path) + b"\0")
        fields = None
        if info is not None:
            fields = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            digest.update(repr(fields).encode())
        digest.update(b"\n")
        files.append((path, fields))
    where = "\n".join(os.path.abspath(p) for p in paths) + "\n" + head[-1]
    name = blake2b(os.fsencode(where), digest_size=10).hexdigest()  # one file per library
    file = cache_dir() / "facts" / f"library-{name}.json"
    return LibraryState(digest.hexdigest(), file, "\n".join(head), files)


def recall(state: LibraryState) -> Remembered | None:
    """The entries of the same files, if kept; None otherwise (or if the kept
    file is damaged: it is only a cache)."""
    try:
        data = json.loads(state.file.read_bytes())
        if data["format"] != _FORMAT or data["fingerprint"] != state.fingerprint:
            return None
        return Remembered(
            [_entry(item) for item in data["entries"]],
            [Problem(Path(p), r) for p, r in data["problems"]],
            [Problem(Path(p), r) for p, r in data["warnings"]],
            int(data["duplicates"]),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def remember(state: LibraryState, found: Remembered) -> None:
    """Keep what a run found (never fails: without it the next run is slower)."""
    from briefing.storage.fsutil import atomic_write_bytes

    data = {
        "format": _FORMAT,
        "fingerprint": state.fingerprint,
        "entries": [_plain(entry) for entry in found.entries],
        "problems": [[os.fspath(p.path), p.reason] for p in found.problems],
        "warnings": [[os.fspath(p.path), p.reason] for p in found.warnings],
        "duplicates": found.duplicates,
    }
    try:
        state.file.parent.mkdir(parents=True, exist_ok=True)
        # Not durable-critical, but atomic: a reader never sees half a file.
        atomic_write_bytes(state.file, json.dumps(data, separators=(",", ":")).encode())
    except (OSError, UnicodeEncodeError):
        pass


def _plain(entry: EntityEntry) -> list[object]:  # an EntityEntry as JSON values
    articles = [[a.article_id, a.title, a.mentions, a.sentence] for a in entry.articles]
    keys = sorted(entry.keys)
    return [entry.kind, entry.key, entry.text, entry.acronym, entry.role, entry.aliases, keys,
            articles]  # fmt: skip


def _entry(item: list) -> EntityEntry:  # back from _plain
    from briefing.analysis.facts.index import ArticleMention, EntityEntry

    kind, key, text, acronym, role, aliases, keys, articles = item
    mentions = [ArticleMention(str(a), str(t), int(m), int(s)) for a, t, m, s in articles]
    return EntityEntry(kind, key, text, acronym, role, list(aliases), set(keys), mentions)


# A library that changed -------------------------------------------------------
#
# After `briefing update` a few files are new and the rest are as they were:
# reading and parsing every file again was most of a run whose facts were all
# cached (87 s at 100,000 articles). What each file held (or why it was
# skipped) is kept by the file's status, beside the entries; an unchanged file
# gives back its articles' ids, titles, digests and sentence counts, which is
# all the facts of the cache need, and is not read.


class KnownArticle(NamedTuple):
    """An article of an unchanged file, as the last run found it."""

    id: str
    title: str
    digest: str
    sentences: int | None  # None: not counted (it repeated an earlier article)
    notes: tuple[str, ...]
    path: Path


class FileMemo:
    """What loading found in each file, by the file's status (as the
    fingerprint took it): ``load`` gives an unchanged file's articles from
    the last run, and reads the others."""

    def __init__(self, state: LibraryState, max_bytes: int) -> None:
        self.files = [Path(path) for path, _ in state.files]  # in library order
        self._status = {
            os.fspath(path): fields
            for path, (_, fields) in zip(self.files, state.files, strict=True)
        }
        self.file = state.file.with_name(state.file.stem + "-files.json")
        self.head, self.max_bytes = state.head, max_bytes
        self._old: dict[str, object] = {}
        self._new: dict[str, list] = {}
        self._where: dict[str, str] = {}  # article id: the file it was read from
        try:
            data = json.loads(self.file.read_bytes())
            if data["format"] == _FORMAT and data["head"] == self.head:
                self._old = dict(data["files"])
        except (OSError, ValueError, TypeError, KeyError):
            pass  # only a cache: every file is read

    def load(self, path: Path) -> list[Article | KnownArticle]:
        """The file's articles (known ones from the last run); ArticleFormatError
        for a file that is no article, as reading it says."""
        from briefing.library.load import load_article_file
        from briefing.library.loaders import ArticleFormatError, ArticleReadError

        name = os.fspath(path)
        fields = self._status.get(name)
        status = list(fields) if fields is not None else None  # as JSON keeps it
        old = self._old.get(name)
        # Whether we may read a file is not in its status (a user joins a group):
        # asked again, as reading it would.
        if _same(old, status) and os.access(path, os.R_OK):
            known = _known(old[1], path)  # type: ignore[index]
            if known is not None:
                self._new[name] = old  # type: ignore[assignment]
                if isinstance(known, str):
                    raise ArticleFormatError(known)
                return list(known)
        try:
            articles = load_article_file(path, self.max_bytes)
        except ArticleReadError:
            raise  # not kept: it says nothing of the file, and may pass
        except ArticleFormatError as error:
            if status is not None:
                self._new[name] = [status, str(error)]
            raise
        if status is not None:
            self._new[name] = [
                status,
                [[a.id, a.title, a.digest, None, list(a.notes)] for a in articles],
            ]
            for article in articles:  # the first file holding an id is the one listed
                self._where.setdefault(article.id, name)
        return list(articles)

    def counted(self, article: Article) -> None:
        """Note the number of sentences of an article read this run (its
        cached facts are checked against it when it is known next time)."""
        record = self._new.get(self._where.get(article.id, ""))
        if record is not None and not isinstance(record[1], str):
            for item in record[1]:
                if item[0] == article.id and item[2] == article.digest:
                    item[3] = len(article.sentences)

    def forget(self) -> None:
        """Read every file from now on (what was kept proved out of date)."""
        self._old.clear()
        self._new.clear()
        self._where.clear()

    def save(self) -> None:
        """Keep what this run found, for the next (never fails: it is a cache)."""
        from briefing.storage.fsutil import atomic_write_bytes

        data = {"format": _FORMAT, "head": self.head, "files": self._new}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.file, json.dumps(data, separators=(",", ":")).encode())
        except (OSError, UnicodeEncodeError, ValueError):
            pass


def _same(old: object, status: list[int] | None) -> bool:
    """Whether a kept record is of a file with this status (a damaged one is not)."""
    return status is not None and isinstance(old, list) and len(old) == 2 and old[0] == status


def _known(outcome: object, path: Path) -> str | list[KnownArticle] | None:
    """A kept outcome as a reason (the file was skipped) or its articles; None
    if it is not one (a damaged cache: the file is read)."""
    if isinstance(outcome, str):
        return outcome
    try:
        known = [
            KnownArticle(
                str(i), str(t), str(d), None if n is None else int(n), tuple(map(str, notes)), path
            )
            for i, t, d, n, notes in outcome  # type: ignore[attr-defined]
        ]
    except (TypeError, ValueError):
        return None
    return known or None
