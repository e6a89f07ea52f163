"""How `briefing bookmarks` shows bookmarks: plain text, JSON and Rich.

Bookmark files come from other people, so every field is untrusted: control
characters are shown as visible escapes (``reveal_controls``) and Rich only
ever gets ``Text`` objects, so "[bold]" in a note prints as those characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from briefing.library.text import reveal_controls

if TYPE_CHECKING:
    from rich.console import RenderableType

    from briefing.bookmarks import Bookmark, Bookmarks, Resolution

__all__ = ["import_report", "list_json", "list_plain", "list_rich", "one_line"]


def one_line(text: str) -> str:
    """Visible control characters, and any run of spaces or newlines as one space."""
    return " ".join(reveal_controls(text).split())


def _lines(text: str) -> list[str]:
    return [reveal_controls(line).rstrip() for line in text.strip().split("\n")]


def _where(entry: Bookmark, resolution: Resolution) -> str | None:
    from briefing.bookmarks.articles import source_for

    article = resolution.article_for(entry)
    if article is None:
        return None
    return reveal_controls(source_for(article.path) or f"article {article.id}")


def list_json(entries: Iterable[Bookmark], resolution: Resolution) -> str:
    """``{"bookmarks": [...]}``: each entry as the file has it, plus where it
    is in the local library (``in_library``, ``path``, ``matched_by``)."""
    from briefing.bookmarks.articles import source_for
    from briefing.bookmarks.codec import entry_dict

    items: list[dict[str, Any]] = []
    for entry in entries:
        item = entry_dict(entry)
        article = resolution.article_for(entry)
        item["in_library"] = article is not None
        item["path"] = source_for(article.path) if article else None
        item["matched_by"] = resolution.matched_by.get(entry.article_id)
        items.append(item)
    return json.dumps({"bookmarks": items}, ensure_ascii=False, indent=2) + "\n"


def list_plain(entries: Iterable[Bookmark], resolution: Resolution) -> str:
    blocks = []
    for entry in entries:
        head = f"{entry.article_id}  {one_line(entry.title) or '(untitled)'}"
        if entry.tags:
            head += "  [" + ", ".join(one_line(t) for t in entry.tags) + "]"
        if entry.deleted:
            head += "  (removed)"
        lines = [head]
        note = _lines(entry.note) if entry.note.strip() else []
        if note:
            lines.append(f"    note: {note[0]}")
            lines += [f"          {line}" for line in note[1:]]
        for other in entry.note_conflicts:
            lines.append(f"    conflicting note: {one_line(other)}")
        where = _where(entry, resolution)
        if where is None:
            lines.append("    not in your library")
            if entry.excerpt:
                lines.append(f"    {one_line(entry.excerpt)}")
        else:
            lines.append(f"    {where}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n" if blocks else "no bookmarks\n"


def list_rich(entries: Iterable[Bookmark], resolution: Resolution) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = []
    for entry in entries:
        head = Text()
        head.append(one_line(entry.title) or "(untitled)", style="bold")
        head.append(f"  {entry.article_id}", style="dim")
        for tag in entry.tags:
            head.append("  ")
            head.append(f"#{one_line(tag)}", style="cyan")
        if entry.deleted:
            head.append("  removed", style="red")
        out.append(head)
        if entry.note.strip():
            out.append(Text("  " + "\n  ".join(_lines(entry.note)), style="italic"))
        for other in entry.note_conflicts:
            line = Text("  conflicting note: ", style="yellow")
            line.append(one_line(other))
            out.append(line)
        where = _where(entry, resolution)
        if where is None:
            line = Text("  not in your library", style="magenta")
            if entry.excerpt:
                line.append(" · " + one_line(entry.excerpt), style="dim")
            out.append(line)
        else:
            out.append(Text(f"  {where}", style="dim"))
    if not out:
        out.append(Text("no bookmarks", style="dim"))
    return out


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number != 1 else ''}"


def import_report(before: Bookmarks, after: Bookmarks, resolution: Resolution) -> str:
    """What an import changed: added, removed and updated bookmarks, and any
    new note conflicts with both notes shown."""
    added, removed, updated, conflicts = [], [], [], []
    for entry in after:
        old = before.get(entry.article_id)
        if old == entry:
            continue
        was_live = old is not None and not old.deleted
        if entry.deleted:
            if was_live:
                removed.append(entry)
        elif not was_live:
            added.append(entry)
        else:
            updated.append(entry)
        known = set(old.note_conflicts) if old else set()
        if set(entry.note_conflicts) - known:
            conflicts.append(entry)
    lines = []
    for word, group in (("added", added), ("removed", removed), ("updated", updated)):
        for entry in group:
            lines.append(f"{word:<8} {entry.article_id}  {one_line(entry.title) or '(untitled)'}")
    summary = (
        f"{_count(len(added), 'bookmark')} added, {len(removed)} removed, {len(updated)} updated"
    )
    missing = sum(1 for e in added if resolution.article_for(e) is None)
    if missing:
        summary += f"; {missing} of the added not in your library (see `briefing bookmarks list`)"
    lines.append(summary)
    for entry in conflicts:
        lines.append(f"note conflict on {entry.article_id}  {one_line(entry.title)}:")
        lines.append(f"    kept as the note (newer): {one_line(entry.note) or '(empty)'}")
        for other in entry.note_conflicts:
            lines.append(f"    also kept: {one_line(other)}")
    if conflicts:
        lines.append(
            "settle a conflict with `briefing bookmarks note ID TEXT`; until then both notes stay"
        )
    return "\n".join(lines) + "\n"
