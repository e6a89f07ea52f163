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

__all__ = ["LibraryState", "Remembered", "library_state", "recall", "remember"]

# The code whose changes change the answer (besides briefing's version).
_CODE = ("analysis/facts", "analysis/sentences.py", "analysis/derived.py", "library")
_FORMAT = 1  # of the file below


class LibraryState(NamedTuple):
    """A library's files as they are now, and where its entries are kept."""

    fingerprint: str
    file: Path


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
    for path, info in scan_article_files(paths):
        digest.update(os.fsencode(path) + b"\0")
        if info is not None:
            fields = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            digest.update(repr(fields).encode())
        digest.update(b"\n")
    where = "\n".join(os.path.abspath(p) for p in paths) + "\n" + head[-1]
    name = blake2b(os.fsencode(where), digest_size=10).hexdigest()  # one file per library
    return LibraryState(digest.hexdigest(), cache_dir() / "facts" / f"library-{name}.json")


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
