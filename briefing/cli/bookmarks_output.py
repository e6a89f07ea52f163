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
    from briefing.bookmarks.owners import Owner
    from briefing.bookmarks.sharing import Incoming, PersonChanges

__all__ = [
    "changes_report",
    "incoming_notes",
    "list_json",
    "list_plain",
    "list_rich",
    "merge_report",
    "one_line",
]


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


def _whose(entry: Bookmark, me: str) -> str:
    """How a note is labelled: "note" for yours, "Bea's note" for others'."""
    if entry.owner.id == me:
        return "note"
    return f"{one_line(entry.owner.name or entry.owner.id)}'s note"


def _person_heading(owner: Owner, me: str) -> str:
    if owner.id == me:
        return f"yours ({one_line(owner.label)})"
    return one_line(owner.label)


def _by_person(entries: Iterable[Bookmark], me: str) -> list[tuple[Owner, list[Bookmark]]]:
    """Entries grouped by owner: yours first, then by name."""
    groups: dict[str, list[Bookmark]] = {}
    for entry in entries:
        groups.setdefault(entry.owner.id, []).append(entry)
    order = sorted(groups, key=lambda i: (i != me, groups[i][0].owner.name.casefold(), i))
    return [(groups[i][-1].owner, groups[i]) for i in order]


def list_json(entries: Iterable[Bookmark], resolution: Resolution, me: str) -> str:
    """``{"bookmarks": [...]}``: each entry as the file has it, plus whether it
    is yours (``mine``) and where it is in the local library (``in_library``,
    ``path``, ``matched_by``)."""
    from briefing.bookmarks.articles import source_for
    from briefing.bookmarks.codec import entry_dict

    items: list[dict[str, Any]] = []
    for entry in entries:
        item = entry_dict(entry)
        article = resolution.article_for(entry)
        item["mine"] = entry.owner.id == me
        item["in_library"] = article is not None
        item["path"] = source_for(article.path) if article else None
        item["matched_by"] = resolution.matched_by.get(entry.article_id)
        items.append(item)
    return json.dumps({"bookmarks": items}, ensure_ascii=False, indent=2) + "\n"


def _plain_entry(entry: Bookmark, resolution: Resolution, me: str, indent: str) -> str:
    head = f"{indent}{entry.article_id}  {one_line(entry.title) or '(untitled)'}"
    if entry.tags:
        head += "  [" + ", ".join(one_line(t) for t in entry.tags) + "]"
    if entry.deleted:
        head += "  (removed)"
    lines = [head]
    pad = indent + "    "
    note = _lines(entry.note) if entry.note.strip() else []
    if note:
        label = f"{_whose(entry, me)}: "
        lines.append(f"{pad}{label}{note[0]}")
        lines += [f"{pad}{' ' * len(label)}{line}" for line in note[1:]]
    for other in entry.note_conflicts:
        lines.append(f"{pad}conflicting note: {one_line(other)}")
    where = _where(entry, resolution)
    if where is None:
        lines.append(f"{pad}not in your library")
        if entry.excerpt:
            lines.append(f"{pad}{one_line(entry.excerpt)}")
    else:
        lines.append(f"{pad}{where}")
    return "\n".join(lines)


def list_plain(entries: Iterable[Bookmark], resolution: Resolution, me: str) -> str:
    """One block per bookmark; grouped under each person's name when the
    list holds anyone else's."""
    entries = list(entries)
    if not entries:
        return "no bookmarks\n"
    groups = _by_person(entries, me)
    if len(groups) == 1 and groups[0][0].id == me:
        return "\n".join(_plain_entry(e, resolution, me, "") for e in entries) + "\n"
    blocks = []
    for owner, group in groups:
        blocks.append(_person_heading(owner, me) + ":")
        blocks += [_plain_entry(e, resolution, me, "  ") for e in group]
    return "\n".join(blocks) + "\n"


def _rich_entry(entry: Bookmark, resolution: Resolution, me: str) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = []
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
        note = Text("  ")
        if entry.owner.id != me:
            note.append(f"{_whose(entry, me)}: ", style="bold")
        note.append("\n  ".join(_lines(entry.note)), style="italic")
        out.append(note)
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
    return out


def list_rich(entries: Iterable[Bookmark], resolution: Resolution, me: str) -> list[RenderableType]:
    from rich.text import Text

    entries = list(entries)
    groups = _by_person(entries, me)
    headed = not (len(groups) == 1 and groups[0][0].id == me)
    out: list[RenderableType] = []
    for owner, group in groups:
        if headed:
            out.append(Text(_person_heading(owner, me), style="bold underline"))
        for entry in group:
            out += _rich_entry(entry, resolution, me)
    if not out:
        out.append(Text("no bookmarks", style="dim"))
    return out


def _count(number: int, word: str, plural: str | None = None) -> str:
    return f"{number:,} {word if number == 1 else plural or word + 's'}"


# A report lists at most this many bookmarks of one kind per person (an
# import of 10,000 entries should not scroll away what matters).
MAX_LISTED = 20


def _title(entry: Bookmark) -> str:
    return f"{entry.article_id}  {one_line(entry.title) or '(untitled)'}"


def _person_lines(person: PersonChanges, me: str, resolution: Resolution) -> list[str]:
    mine = person.owner.id == me
    who = "you" if mine else one_line(person.owner.name or person.owner.id)
    counts = [
        _count(len(group), f"{word} bookmark") if group else ""
        for word, group in (
            ("new", person.added),
            ("changed", person.changed),
            ("removed", person.removed),
        )
    ]
    head = "your bookmarks" if mine else f"from {one_line(person.owner.label)}"
    lines = [f"{head}: " + (", ".join(c for c in counts if c) or "no change to the bookmarks")]
    for word, group in (
        ("added", person.added),
        ("changed", person.changed),
        ("removed", person.removed),
    ):
        for entry in group[:MAX_LISTED]:
            lines.append(f"    {word:<8} {_title(entry)}")
        if len(group) > MAX_LISTED:
            lines.append(f"    … and {len(group) - MAX_LISTED:,} more {word}")
    missing = sum(1 for e in person.added if resolution.article_for(e) is None)
    if missing:
        lines.append(
            f"    {missing:,} of the new bookmarks are of articles not in your library "
            "(see `briefing bookmarks list --all`)"
        )
    for theirs, yours in person.differing:
        lines.append(f"    {who}'s note and yours differ on {_title(theirs)}: both kept")
        lines.append(f"        yours: {one_line(yours.note)}")
        lines.append(f"        {who}'s: {one_line(theirs.note)}")
    whose = "your" if mine else f"{who}'s"
    for entry in person.conflicts:
        lines += _conflict_lines(entry, whose)
    return lines


def _conflict_lines(entry: Bookmark, whose: str) -> list[str]:
    return [
        f"    two versions of {whose} note differ on {_title(entry)}: both kept",
        f"        the newer (shown as the note): {one_line(entry.note) or '(empty)'}",
        *(f"        also kept: {one_line(other)}" for other in entry.note_conflicts),
    ]


def changes_report(people: list[PersonChanges], me: str, resolution: Resolution) -> str:
    """What an import or sync changed, person by person, in plain words."""
    if not people:
        return "nothing changed: you had all of it already\n"
    lines: list[str] = []
    for person in people:
        lines += _person_lines(person, me, resolution)
    if any(p.conflicts and p.owner.id == me for p in people):
        lines.append(
            "settle a conflict of your notes with `briefing bookmarks note ID TEXT`; "
            "until then both stay"
        )
    return "\n".join(lines) + "\n"


def merge_report(merged: Bookmarks, conflicts: list[Bookmark]) -> str:
    """What a merge made: each person's bookmarks and removals, and the note
    conflicts the merge found."""
    lines = []
    for owner, group in _by_person(merged, ""):
        live = sum(1 for e in group if e.live)
        removed = len(group) - live
        text = f"{one_line(owner.label)}: {_count(live, 'bookmark')}"
        if removed:
            text += f" and {_count(removed, 'removed bookmark')}"
        lines.append(text)
        for entry in (c for c in conflicts if c.owner.id == owner.id):
            whose = f"{one_line(owner.name or owner.id)}'s"
            lines += _conflict_lines(entry, whose)
    return "\n".join(lines) + "\n" if lines else "no bookmarks\n"


def incoming_notes(incoming: list[Incoming], me: Owner | None, yours: Bookmarks | None) -> str:
    """What reading the files did: version 1 owners given, entries refused
    (``yours``: your bookmarks, of which older copies are not worth a word),
    times clamped."""
    lines = []
    for item in incoming:
        name = reveal_controls(str(item.path))
        if item.v1_owner is not None:
            mine = me is not None and item.v1_owner.id == me.id
            whose = "yours" if mine else f"{one_line(item.v1_owner.name)}'s"
            hint = "" if mine else " (name its owner with --from NAME)"
            lines.append(f"{name} is a version 1 file: its bookmarks were taken as {whose}{hint}")
        claims = item.claims(yours) if yours is not None else len(item.refused)
        if claims:
            assert me is not None
            lines.append(
                f"{name}: {_count(claims, 'entry', 'entries')} claimed to be yours "
                f"({one_line(me.id)}) and {'was' if claims == 1 else 'were'} not "
                "imported: a file from someone else cannot change your bookmarks "
                "(for copies of your own file, use `briefing bookmarks sync`)"
            )
        if item.clamped:
            lines.append(
                f"{name}: {_count(item.clamped, 'entry', 'entries')} had a time more than a day "
                "in the future; set to now"
            )
    return "\n".join(lines) + "\n" if lines else ""
