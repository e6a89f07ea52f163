"""The open article's bookmark: its tags, note and any conflicting notes,
and under them other people's notes and tags on the same article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from briefing.library.text import reveal_controls

if TYPE_CHECKING:
    from briefing.bookmarks import Bookmark

__all__ = ["BookmarkPanel"]


class BookmarkPanel(Static):
    """Shown only when the open article is bookmarked (by you or others)."""

    DEFAULT_CSS = """
    BookmarkPanel {
        height: auto;
        max-height: 12;
        border: round $warning 60%;
        border-title-color: $warning;
        border-subtitle-color: $error;
        padding: 0 1;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "★ Bookmarked"
        self.display = False

    def show(
        self, entry: Bookmark | None, missing_note: str = "", others: Sequence[Bookmark] = ()
    ) -> None:
        """Your live bookmark ``entry`` (None: you have none) and ``others``'
        bookmarks of the same article."""
        if entry is not None and entry.deleted:
            entry = None
        if entry is None and not others:
            self.display = False
            return
        text = Text()
        if missing_note:
            text.append(missing_note + "\n", style="italic")
        if entry is not None:
            self._yours(text, entry)
        else:
            text.append("Not bookmarked by you: b makes it yours.", style="dim italic")
        for other in others:
            text.append("\n\n")
            text.append(reveal_controls(other.owner.name or other.owner.id) + ": ", style="bold")
            text.append(reveal_controls(other.note) if other.note else "(no note)")
            if other.tags:
                text.append("  #" + " #".join(reveal_controls(t) for t in other.tags), style="dim")
        self.update(text)
        self.border_title = "★ Bookmarked" if entry is not None else "Bookmarked by others"
        conflicts = len(entry.note_conflicts) if entry is not None else 0
        self.border_subtitle = f"{conflicts} conflicting note(s) · n to settle" if conflicts else ""
        self.display = True

    def _yours(self, text: Text, entry: Bookmark) -> None:
        if entry.tags:
            text.append("Tags: ", style="bold")
            text.append(", ".join(reveal_controls(t) for t in entry.tags))
            text.append("\n")
        if entry.note:
            text.append(reveal_controls(entry.note))
        else:
            text.append("No note yet: n to write one, t for tags.", style="dim italic")
        for conflict in entry.note_conflicts:
            text.append("\n\nAnother version of your note (from a copy):\n", style="bold")
            text.append(reveal_controls(conflict), style="italic")
