"""Bookmarks between people: reading others' files, and what a merge changed.

Three ways files come together, differing only in how they are read:

- ``import``: other people's files. An entry claiming to be yours is
  refused, so a file from someone else cannot touch your bookmarks; those
  that are not just older copies of yours (a file you sent coming back) are
  counted. A version 1 file's entries are the sender's (named, or the file's
  name).
- ``sync``: your own copies from other machines. Everything is taken, so
  your removals and edits travel; a version 1 file's entries are yours.
- ``merge``: files into a new one; a version 1 file's entries are the named
  person's, or the file's name.

Every file read this way has times more than a day ahead clamped to now
(counted), so one bad stamp cannot win every later merge. The merge itself
is ``merge.merge_all``: a union by (article, owner) that keeps its laws.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from briefing.bookmarks.model import Bookmark, Bookmarks, clamp_future, now_utc
from briefing.bookmarks.owners import Owner

__all__ = ["Incoming", "PersonChanges", "changes", "new_conflicts", "read_incoming"]

Mode = Literal["import", "sync", "merge"]


@dataclass(frozen=True)
class Incoming:
    """One file as it will be merged, and what reading it did."""

    path: Path
    bookmarks: Bookmarks
    v1_owner: Owner | None  # set when the file was version 1: whose entries they became
    clamped: int = 0  # entries whose times were in the future
    refused: tuple[Bookmark, ...] = ()  # entries claiming to be yours (import only)

    def claims(self, yours: Bookmarks) -> int:
        """How many refused entries are not older copies of ``yours``."""
        return sum(
            1
            for entry in self.refused
            if (mine := yours.get(entry.article_id)) is None or entry.updated > mine.updated
        )


def read_incoming(
    paths: Iterable[Path],
    mode: Mode,
    me: Owner,
    name: Owner | None = None,
    now: datetime | None = None,
) -> list[Incoming]:
    """Read every file (all are checked before anything is merged); raises
    BookmarkFileError naming the first that cannot be used."""
    from briefing.bookmarks.store import file_owner, read_bookmark_file

    now = now or now_utc()
    result = []
    for path in paths:
        v1_owner = me if mode == "sync" else name or file_owner(path)
        bookmarks = read_bookmark_file(path, v1_owner)
        refused: tuple[Bookmark, ...] = ()
        if mode == "import":
            kept = {k: e for k, e in bookmarks.entries.items() if k[1] != me.id}
            refused = tuple(e for k, e in bookmarks.entries.items() if k[1] == me.id)
            if refused:
                bookmarks = replace(bookmarks, entries=kept)
        bookmarks, clamped = clamp_future(bookmarks, now)
        was_v1 = bookmarks.version == 1 and bool(bookmarks.entries or refused)
        result.append(Incoming(path, bookmarks, v1_owner if was_v1 else None, clamped, refused))
    return result


@dataclass
class PersonChanges:
    """What a merge changed in one person's bookmarks."""

    owner: Owner
    added: list[Bookmark] = field(default_factory=list)
    changed: list[Bookmark] = field(default_factory=list)
    removed: list[Bookmark] = field(default_factory=list)
    # Entries whose note gained a conflict (two versions of this person's note).
    conflicts: list[Bookmark] = field(default_factory=list)
    # (theirs, yours): this person's note and yours on one article differ.
    differing: list[tuple[Bookmark, Bookmark]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.conflicts or self.differing)


def changes(before: Bookmarks, after: Bookmarks) -> list[PersonChanges]:
    """Per person (you first, then by name), what changed from ``before`` to
    ``after``; people with no change are left out."""
    people: dict[str, PersonChanges] = {}
    owners = after.owners()
    for key in sorted(after.entries):
        entry, old = after.entries[key], before.entries.get(key)
        if old is entry or old == entry:
            continue
        person = people.setdefault(key[1], PersonChanges(owners[key[1]]))
        was_live = old is not None and not old.deleted
        if entry.deleted:
            if was_live:
                person.removed.append(entry)
        else:
            (person.changed if was_live else person.added).append(entry)
        if set(entry.note_conflicts) - set(old.note_conflicts if old else ()):
            person.conflicts.append(entry)
        yours = after.get(entry.article_id)
        if (
            key[1] != after.me
            and entry.live
            and entry.note.strip()
            and yours is not None
            and yours.live
            and yours.note.strip()
            and yours.note != entry.note
            and (old is None or old.note != entry.note)
        ):
            person.differing.append((entry, yours))
    return sorted(
        (p for p in people.values() if not p.empty),
        key=lambda p: (p.owner.id != after.me, p.owner.name.casefold(), p.owner.id),
    )


def new_conflicts(inputs: Iterable[Bookmarks], merged: Bookmarks) -> list[Bookmark]:
    """Entries of ``merged`` whose note conflicts none of the inputs had:
    the conflicts this merge found."""
    inputs = list(inputs)
    found = []
    for entry in merged:
        if not entry.note_conflicts:
            continue
        notes = {entry.note, *entry.note_conflicts}
        if not any(
            (seen := source.entries.get(entry.key)) is not None
            and {seen.note, *seen.note_conflicts} >= notes
            for source in inputs
        ):
            found.append(entry)
    return found
