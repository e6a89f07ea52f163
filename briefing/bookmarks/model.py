"""Bookmark records: one entry per article, and the collection of them.

Everything here is plain data with no I/O. A ``Bookmark`` is always in its
normal form (tags unique and sorted, ``note_conflicts`` unique, sorted and
free of the note itself), so two records with the same content compare equal
and encode to the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = [
    "Bookmark",
    "Bookmarks",
    "clean_tag",
    "format_time",
    "note_digest",
    "now_utc",
    "parse_time",
]

# Known fields of an entry, in the order the file writes them.
ENTRY_FIELDS = (
    "article_id",
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

_ONE_MILLISECOND = timedelta(milliseconds=1)


def now_utc() -> datetime:
    """The current time in UTC, to the millisecond (what the file records)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def parse_time(text: str) -> datetime:
    """An ISO 8601 time as an aware UTC datetime; a time without zone is UTC.

    Raises ValueError for anything else.
    """
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


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
        return previous + _ONE_MILLISECOND
    return now


def note_digest(note: str) -> str:
    """A short fingerprint of a note, recorded when an edit replaces it."""
    return hashlib.sha256(note.encode("utf-8")).hexdigest()[:16]


def clean_tag(tag: str) -> str:
    """A tag as stored: surrounding space removed, inner runs of space as one."""
    return " ".join(tag.split())


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

    def __post_init__(self) -> None:
        # Normal form, so that equal content means equal records and files.
        # (Written for speed: it runs for every entry of every file read.)
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
    """A bookmark file's content: entries keyed by article id, plus unknown
    top-level fields. Immutable: every change returns a new collection."""

    entries: Mapping[str, Bookmark] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Bookmark]:
        """Every entry, tombstones included, sorted by article id."""
        return (self.entries[key] for key in sorted(self.entries))

    def get(self, article_id: str) -> Bookmark | None:
        return self.entries.get(article_id)

    def live(self) -> list[Bookmark]:
        """Bookmarks that are not removed, sorted by article id."""
        return [b for b in self if not b.deleted]

    def is_bookmarked(self, article_id: str) -> bool:
        entry = self.entries.get(article_id)
        return entry is not None and not entry.deleted

    def with_entry(self, entry: Bookmark) -> Bookmarks:
        return Bookmarks({**self.entries, entry.article_id: entry}, self.extra)

    def tags_by_article(self) -> dict[str, tuple[str, ...]]:
        """article_id -> tags of every live bookmark (what search filters on)."""
        return {b.article_id: b.tags for b in self.entries.values() if not b.deleted}
