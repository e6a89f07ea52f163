"""One library sub-folder per feed: its entries as Markdown files, and its state.

The state (``.feed.json``, hidden so that the library never reads it as an
article) holds what makes the next update cheap and exact: the feed's ETag
and Last-Modified for a conditional request, a Retry-After deadline, and
for every entry written its guid, URL, article id, file and text digest.
An entry is new when none of guid, URL and id is known; known with another
digest, it replaces its own file. Files the state does not know (written
by a run that stopped before saving it) are read back from their front
matter, so an interrupted update never leads to duplicates.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.model import Article
from briefing.library.writer import article_markdown, as_library_reads_it
from briefing.storage.fsutil import atomic_write_many, atomic_write_text, slugify

__all__ = ["FeedFolder", "LibraryIndex", "Written"]

STATE_FILE = ".feed.json"


@dataclass
class Known:
    file: str
    digest: str
    id: str
    guid: str | None = None
    url: str | None = None


@dataclass
class State:
    url: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_before: float | None = None
    entries: list[Known] = field(default_factory=list)


class LibraryIndex:
    """What every feed folder of the library holds (from their states): an
    entry that another feed has written already (the same story syndicated
    in two feeds) is not written a second time. Shared by the feeds of one
    update, which write from several threads."""

    def __init__(self, library: Path) -> None:
        self._lock = threading.Lock()
        self._keys: set[str] = set()
        states = sorted(library.glob(f"*/{STATE_FILE}")) if library.is_dir() else []
        for path in states:
            for known in FeedFolder(path.parent).state.entries:
                self._keys.update(_keys(known.guid, known.url, known.id))

    def claim(self, guid: str | None, url: str | None, article_id: str) -> bool:
        """Whether the entry is new to the library (it is then counted as known)."""
        keys = _keys(guid, url, article_id)
        with self._lock:
            if keys & self._keys:
                return False
            self._keys |= keys
            return True


def _keys(guid: str | None, url: str | None, article_id: str) -> set[str]:
    keys = {f"id:{article_id}"}
    if guid:
        keys.add(f"guid:{guid}")
    if url:
        keys.add(f"url:{url}")
    return keys


@dataclass(frozen=True, slots=True)
class Written:
    kind: str  # "new", "updated" or "unchanged"
    path: Path | None
    article: Article | None


class FeedFolder:
    def __init__(self, path: Path, library: LibraryIndex | None = None) -> None:
        self.path = path
        self.library = library
        self.state = self._load()
        self._by_guid: dict[str, Known] = {}
        self._by_url: dict[str, Known] = {}
        self._by_id: dict[str, Known] = {}
        self._indexed = False
        self._pending: dict[Path, bytes] = {}

    def _load(self) -> State:
        try:
            data = json.loads((self.path / STATE_FILE).read_text(encoding="utf-8"))
            entries = [Known(**item) for item in data.pop("entries", [])]
            return State(**data, entries=entries)
        except (OSError, ValueError, TypeError):
            return State()  # none yet, or damaged: the files themselves are the truth

    def save_state(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(asdict(self.state), ensure_ascii=False, indent=1)
        atomic_write_text(self.path / STATE_FILE, text + "\n")

    def _remember(self, known: Known) -> None:
        if known.guid:
            self._by_guid[known.guid] = known
        if known.url:
            self._by_url[known.url] = known
        self._by_id[known.id] = known

    def _index(self) -> None:
        if self._indexed:
            return
        self._indexed = True
        for known in self.state.entries:
            self._remember(known)
        listed = {known.file for known in self.state.entries}
        for path in sorted(self.path.glob("*.md")) if self.path.is_dir() else []:
            if path.name not in listed:
                self._adopt(path)

    def _adopt(self, path: Path) -> None:
        from briefing.library.loaders.markdown import split_front_matter

        try:
            text = path.read_text(encoding="utf-8")
            meta, _ = split_front_matter(text)
            article = as_library_reads_it(text, path)
        except (OSError, UnicodeDecodeError, ArticleFormatError):
            return
        guid = meta.get("guid")
        known = Known(
            path.name, article.digest, article.id, str(guid) if guid else None, article.url
        )
        self.state.entries.append(known)
        self._remember(known)

    def find(self, guid: str | None, url: str | None, article_id: str) -> Known | None:
        self._index()
        return (
            (self._by_guid.get(guid) if guid else None)
            or (self._by_url.get(url) if url else None)
            or self._by_id.get(article_id)
        )

    def write(self, article: Article, extra: dict[str, str | None]) -> Written:
        """Queue an entry's article: a new file, its own file again when its
        text changed, or nothing when the library has it already. Nothing is
        on disk before ``flush``."""
        text = article_markdown(article, extra)
        read_back = as_library_reads_it(text)
        guid = extra.get("guid")
        known = self.find(guid, read_back.url, read_back.id)
        if known is not None:
            target = self.path / known.file
            if known.digest == read_back.digest or not (target in self._pending or target.exists()):
                return Written("unchanged", None, None)  # the same, or removed by the user
            kind = "updated"
            known.digest, known.id = read_back.digest, read_back.id
        elif self.library is not None and not self.library.claim(guid, read_back.url, read_back.id):
            return Written("unchanged", None, None)  # another feed wrote it
        else:
            kind = "new"
            target = self._free_path(read_back.title)
            known = Known(target.name, read_back.digest, read_back.id, guid, read_back.url)
            self.state.entries.append(known)
        self._pending[target] = text.encode("utf-8")
        self._remember(known)
        read_back.path = target
        return Written(kind, target, read_back)

    def _free_path(self, title: str) -> Path:
        stem, number = slugify(title), 1
        while True:
            name = f"{stem}.md" if number == 1 else f"{stem}-{number}.md"
            candidate = self.path / name
            if candidate not in self._pending and not os.path.lexists(candidate):
                return candidate
            number += 1

    def flush(self) -> None:
        """Write the queued files, then the state, each atomically."""
        self.path.mkdir(parents=True, exist_ok=True)
        if self._pending:
            atomic_write_many(self._pending.items())
            self._pending.clear()
        self.save_state()
