"""Merging bookmark collections without losing anything.

The merge is a join: commutative, associative and idempotent, so people can
exchange files in any order, any number of times, and all end up with the
same bookmarks. It is a union by (article id, owner): entries of different
people never touch each other. Per article id and owner:

- the entry with the newer ``updated`` wins the single-valued fields (title,
  source, url, excerpt, note, deleted, unknown fields). Equal times are
  settled by comparing the competing values themselves, so the choice does
  not depend on which file came first;
- ``created`` is the earliest, tags are the union;
- every non-empty note of either side that is not the winner's note stays in
  ``note_conflicts``, unless some side recorded it as replaced by an edit
  (``replaced_notes``, itself a union). Because the result depends only on
  the set of notes seen, the set of replaced fingerprints and the winner,
  merging in any grouping gives the same conflicts.

Unknown fields are compared by their JSON text, not their Python value: 1
and 1.0 are equal in Python but not the same bytes in the file, and the
result must be byte-for-byte the same whichever side is which.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from briefing.bookmarks.codec import extra_text
from briefing.bookmarks.model import Bookmark, Bookmarks

__all__ = ["merge", "merge_all", "merge_entries"]


def _tie_key(entry: Bookmark) -> str:
    # Every single-valued field the winner contributes: if these are equal the
    # two candidates give the same result, so either may win.
    return json.dumps(
        [
            entry.title,
            entry.source,
            entry.url,
            entry.excerpt,
            entry.note,
            entry.deleted,
            entry.owner.name,
            extra_text(entry.extra),
        ],
        ensure_ascii=False,
    )


def _newer(a: Bookmark, b: Bookmark) -> tuple[Bookmark, Bookmark]:
    """(winner, loser) by ``updated``, ties broken by content."""
    if a.updated != b.updated:
        return (a, b) if a.updated > b.updated else (b, a)
    return (a, b) if _tie_key(a) >= _tie_key(b) else (b, a)


def merge_entries(a: Bookmark, b: Bookmark) -> Bookmark:
    """Join two versions of one article's bookmark."""
    if a == b and (a.extra is b.extra or extra_text(a.extra) == extra_text(b.extra)):
        return a
    winner, loser = _newer(a, b)
    # Bookmark's normal form drops the winner's own note, empty notes and
    # replaced ones from the conflicts.
    return Bookmark(
        article_id=winner.article_id,
        title=winner.title,
        source=winner.source,
        url=winner.url,
        excerpt=winner.excerpt,
        note=winner.note,
        deleted=winner.deleted,
        extra=winner.extra,
        owner=winner.owner,
        created=min(a.created, b.created),
        updated=winner.updated,
        tags=a.tags + b.tags,
        note_conflicts=(loser.note, *a.note_conflicts, *b.note_conflicts),
        replaced_notes=a.replaced_notes + b.replaced_notes,
    )


def _canonical(value: Any) -> str:
    return extra_text({"": value})


def merge(a: Bookmarks, b: Bookmarks) -> Bookmarks:
    """Join two collections: the union of their entries (by article id and
    owner), each pair joined. The result is ``a``'s person's (``me``).

    Unknown top-level fields are kept from both; when both have one with
    different values, the greater value in canonical JSON order is kept
    (arbitrary, but the same whichever file is merged into which).
    """
    me = a.me or b.me
    if len(a.entries) < len(b.entries):
        a, b = b, a
    entries = dict(a.entries)
    for key, entry in b.entries.items():
        mine = entries.get(key)
        entries[key] = entry if mine is None else merge_entries(mine, entry)
    extra = dict(a.extra)
    for name, value in b.extra.items():
        if name not in extra or _canonical(value) > _canonical(extra[name]):
            extra[name] = value
    return Bookmarks(entries, extra, me=me)


def merge_all(collections: Iterable[Bookmarks]) -> Bookmarks:
    result = Bookmarks()
    for collection in collections:
        result = merge(result, collection)
    return result
