"""Bookmark records: one entry per article and person, and the collection.

Everything here is plain data with no I/O. A ``Bookmark`` is always in its
normal form (tags unique and sorted, ``note_conflicts`` unique, sorted and
free of the note itself, ``source`` never an absolute path), so two records
with the same content compare equal and encode to the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from briefing.bookmarks.owners import NOBODY, Owner
from briefing.storage.digests import sha256_hex

__all__ = [
    "Bookmark",
    "Bookmarks",
    "Key",
    "adopted",
    "clamp_future",
    "clean_tag",
    "format_time",
    "note_digest",
    "now_utc",
    "parse_time",
]

# Known fields of an entry, in the order the file writes them.
ENTRY_FIELDS = (
    "article_id",
    "owner",
    "title",
    "source",
    "url",
    "excerpt",
    "note",
    "note_conflicts",
    "replaced_notes",
    "tags",
    "created",
    "updated",
    "deleted",
)

_SOURCE_SUSPECT = frozenset("/\\~")
_ONE_MILLISECOND = timedelta(milliseconds=1)
_LATEST = datetime.max.replace(tzinfo=UTC)
# How far ahead of this machine's clock a shared file's times may be (clocks
# and time zones differ); anything later is taken as "now" on import, so that
# one bad stamp cannot win every later merge.
FUTURE_SLACK = timedelta(days=1)

# (article id, owner id): one entry per article and person.
Key = tuple[str, str]


def now_utc() -> datetime:
    """The current time in UTC, to the millisecond (what the file records)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def parse_time(text: str) -> datetime:
    """An ISO 8601 time as an aware UTC datetime; a time without zone is UTC.

    Raises ValueError for anything else, including a time that is out of
    range once moved to UTC ("0001-01-01T00:00:00+01:00").
    """
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{text!r} is out of range in UTC") from None


def format_time(value: datetime) -> str:
    """UTC ISO 8601 with a Z, as precise as the value needs (s, ms or µs).

    ``parse_time(format_time(t)) == t`` for every UTC time, so a round trip
    through the file never changes which of two entries is newer.
    """
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    micro = value.microsecond
    spec = "seconds" if micro == 0 else "milliseconds" if micro % 1000 == 0 else "microseconds"
    return value.isoformat(timespec=spec)[:-6] + "Z"  # "+00:00" -> "Z"


def later_than(previous: datetime | None) -> datetime:
    """Now, or a millisecond after ``previous`` if the clock has not moved on.

    Keeps each local edit strictly newer than the one before, so that two
    quick edits of one entry never tie when merged with an older copy.
    """
    now = now_utc()
    if previous is not None and now <= previous:
        # The last moment there is stays the last (no date overflow).
        return previous + _ONE_MILLISECOND if previous < _LATEST - _ONE_MILLISECOND else _LATEST
    return now


def note_digest(note: str) -> str:
    """A short fingerprint of a note, recorded when an edit replaces it."""
    return sha256_hex(note.encode("utf-8"))[:16]


def clean_tag(tag: str) -> str:
    """A tag as stored: surrounding space removed, inner runs of space as one."""
    return " ".join(tag.split())


def shareable_source(source: str | None) -> str | None:
    """``source`` as it may travel: an absolute or home path (another
    machine's folders, a privacy leak and useless to the receiver) becomes
    just the file name."""
    if not source or not _LOCAL_PATH.match(source):
        return source
    name = re.split(r"[\\/]", source.rstrip("\\/"))[-1]
    return name or None


# "/x", "~/x", "~user", "C:\x", "C:/x", "\\server\x", and "../" climbs.
_LOCAL_PATH = re.compile(r"[/\\~]|[A-Za-z]:|\.\.(?:[/\\]|$)")


def _unique_sorted(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One bookmarked article, or the tombstone of one (``deleted``).

    ``note_conflicts`` holds notes written elsewhere that lost to ``note`` in a
    merge; ``replaced_notes`` the fingerprints of notes a user has edited away
    (so that an old copy of one is not mistaken for a conflict). ``extra``
    holds fields this version does not know, written back unchanged.
    """

    article_id: str
    title: str
    created: datetime
    updated: datetime
    source: str | None = None
    url: str | None = None
    excerpt: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    deleted: bool = False
    note_conflicts: tuple[str, ...] = ()
    replaced_notes: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    owner: Owner = NOBODY

    def __post_init__(self) -> None:
        # Normal form, so that equal content means equal records and files.
        # (Written for speed: it runs for every entry of every file read.)
        source = self.source
        if source and (source[0] in _SOURCE_SUSPECT or ":" in source[:3] or ".." in source):
            object.__setattr__(self, "source", shareable_source(source))
        tags = self.tags
        if tags:
            cleaned = _unique_sorted(t for t in (clean_tag(t) for t in tags) if t)
            if cleaned != tags:
                object.__setattr__(self, "tags", cleaned)
        if self.replaced_notes:
            object.__setattr__(self, "replaced_notes", _unique_sorted(self.replaced_notes))
        if self.note_conflicts:
            replaced = set(self.replaced_notes)
            conflicts = _unique_sorted(
                n
                for n in self.note_conflicts
                if n and n != self.note and note_digest(n) not in replaced
            )
            object.__setattr__(self, "note_conflicts", conflicts)
        if self.created > self.updated:
            object.__setattr__(self, "created", self.updated)

    @property
    def live(self) -> bool:
        return not self.deleted

    @property
    def key(self) -> Key:
        return (self.article_id, self.owner.id)

    # -- edits: each returns a new record, newer than this one ------------

    def with_note(self, note: str, when: datetime | None = None) -> Bookmark:
        """Set the note; the old note and any conflicting ones count as replaced.

        Writing a note is how a user settles a conflict, so the notes they had
        in front of them are recorded as replaced and not brought back by an
        older copy of the file.
        """
        if note == self.note and not self.note_conflicts:
            return self
        gone = {n for n in (self.note, *self.note_conflicts) if n and n != note}
        return replace(
            self,
            note=note,
            note_conflicts=(),
            replaced_notes=self.replaced_notes + tuple(note_digest(n) for n in gone),
            updated=when or later_than(self.updated),
        )

    def with_tags(self, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Bookmark:
        drop = {clean_tag(t) for t in remove}
        tags = _unique_sorted(
            t for t in (clean_tag(t) for t in (*self.tags, *add)) if t and t not in drop
        )
        if tags == self.tags:
            return self
        return replace(self, tags=tags, updated=later_than(self.updated))

    def removed(self) -> Bookmark:
        """The tombstone: kept (with its note and tags) so the removal travels."""
        if self.deleted:
            return self
        return replace(self, deleted=True, updated=later_than(self.updated))

    def restored(self) -> Bookmark:
        if not self.deleted:
            return self
        return replace(self, deleted=False, updated=later_than(self.updated))


@dataclass(frozen=True)
class Bookmarks:
    """A bookmark file's content: entries keyed by (article id, owner id),
    plus unknown top-level fields. Immutable: every change returns a new
    collection.

    ``me`` is the id of the person whose file this is (set by whoever read
    it): ``get``, ``live``, ``is_bookmarked`` and ``tags_by_article`` are
    about that person's bookmarks; iteration covers everyone's.
    """

    entries: Mapping[Key, Bookmark] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    me: str = field(default="", compare=False)
    # The format version the content was read from (None: not read).
    version: int | None = field(default=None, compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Bookmark]:
        """Every entry, tombstones and everyone's included, in file order
        (by article id, then owner id)."""
        return (self.entries[key] for key in sorted(self.entries))

    def get(self, article_id: str, owner_id: str | None = None) -> Bookmark | None:
        """The entry of ``owner_id`` (default: yours) for the article."""
        return self.entries.get((article_id, self.me if owner_id is None else owner_id))

    def yours(self) -> list[Bookmark]:
        """Your entries, tombstones included, sorted by article id."""
        return self.of(self.me)

    def of(self, owner_id: str) -> list[Bookmark]:
        """One person's entries, tombstones included, sorted by article id."""
        return [self.entries[k] for k in sorted(k for k in self.entries if k[1] == owner_id)]

    def live(self) -> list[Bookmark]:
        """Your bookmarks that are not removed, sorted by article id."""
        return [b for b in self.yours() if not b.deleted]

    def others(self) -> list[Bookmark]:
        """Everyone else's live bookmarks, in file order."""
        return [b for b in self if not b.deleted and b.owner.id != self.me]

    def others_on(self, article_id: str) -> list[Bookmark]:
        """Other people's live bookmarks of one article."""
        return [
            b
            for (aid, owner), b in self.entries.items()
            if aid == article_id and owner != self.me and not b.deleted
        ]

    def owners(self) -> dict[str, Owner]:
        """Everyone with an entry: id -> owner as their newest entry names them."""
        newest: dict[str, Bookmark] = {}
        for entry in self.entries.values():
            seen = newest.get(entry.owner.id)
            if seen is None or (entry.updated, entry.owner.name) > (seen.updated, seen.owner.name):
                newest[entry.owner.id] = entry
        return {owner_id: entry.owner for owner_id, entry in newest.items()}

    def is_bookmarked(self, article_id: str) -> bool:
        entry = self.get(article_id)
        return entry is not None and not entry.deleted

    def with_entry(self, entry: Bookmark) -> Bookmarks:
        return replace(self, entries={**self.entries, entry.key: entry})

    def tags_by_article(self) -> dict[str, tuple[str, ...]]:
        """article_id -> tags of each of your live bookmarks (what search
        filters on)."""
        return {
            aid: b.tags
            for (aid, owner), b in self.entries.items()
            if owner == self.me and not b.deleted
        }


def adopted(theirs: Bookmark, owner: Owner) -> Bookmark:
    """A removed bookmark of ``owner``'s describing the article ``theirs``
    does (title, source, address, excerpt), without their note or tags:
    what bringing it back makes yours."""
    when = now_utc()
    return Bookmark(
        article_id=theirs.article_id,
        title=theirs.title,
        source=theirs.source,
        url=theirs.url,
        excerpt=theirs.excerpt,
        created=when,
        updated=when,
        deleted=True,
        owner=owner,
    )


def clamp_future(bookmarks: Bookmarks, now: datetime) -> tuple[Bookmarks, int]:
    """Times more than ``FUTURE_SLACK`` after ``now`` set to ``now``, and how
    many entries that changed (for a file from elsewhere, before merging)."""
    limit = now + FUTURE_SLACK
    changed = {
        key: replace(entry, updated=now, created=min(entry.created, now))
        for key, entry in bookmarks.entries.items()
        if entry.updated > limit
    }
    if not changed:
        return bookmarks, 0
    return replace(bookmarks, entries={**bookmarks.entries, **changed}), len(changed)
