"""Merging bookmark collections without losing anything.

The merge is a join: commutative, associative and idempotent, so people can
exchange files in any order, any number of times, and all end up with the
same bookmarks. Per article id:

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
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

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
            entry.extra,
        ],
        ensure_ascii=False,
        sort_keys=True,
    )


def _newer(a: Bookmark, b: Bookmark) -> tuple[Bookmark, Bookmark]:
    """(winner, loser) by ``updated``, ties broken by content."""
    if a.updated != b.updated:
        return (a, b) if a.updated > b.updated else (b, a)
    return (a, b) if _tie_key(a) >= _tie_key(b) else (b, a)


def merge_entries(a: Bookmark, b: Bookmark) -> Bookmark:
    """Join two versions of one article's bookmark."""
    if a == b:
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
        created=min(a.created, b.created),
        updated=winner.updated,
        tags=a.tags + b.tags,
        note_conflicts=(loser.note, *a.note_conflicts, *b.note_conflicts),
        replaced_notes=a.replaced_notes + b.replaced_notes,
    )


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def merge(a: Bookmarks, b: Bookmarks) -> Bookmarks:
    """Join two collections: the union of their entries, each pair joined.

    Unknown top-level fields are kept from both; when both have one with
    different values, the greater value in canonical JSON order is kept
    (arbitrary, but the same whichever file is merged into which).
    """
    if len(a.entries) < len(b.entries):
        a, b = b, a
    entries = dict(a.entries)
    for key, entry in b.entries.items():
        mine = entries.get(key)
        entries[key] = entry if mine is None else merge_entries(mine, entry)
    extra = dict(a.extra)
    for key, value in b.extra.items():
        if key not in extra or _canonical(value) > _canonical(extra[key]):
            extra[key] = value
    return Bookmarks(entries, extra)


def merge_all(collections: Iterable[Bookmarks]) -> Bookmarks:
    result = Bookmarks()
    for collection in collections:
        result = merge(result, collection)
    return result
