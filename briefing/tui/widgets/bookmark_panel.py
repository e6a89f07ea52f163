"""The open article's bookmark: its tags, note and any conflicting notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from briefing.library.text import reveal_controls

if TYPE_CHECKING:
    from briefing.bookmarks import Bookmark

__all__ = ["BookmarkPanel"]


class BookmarkPanel(Static):
    """Shown only when the open article is bookmarked."""

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

    def show(self, entry: Bookmark | None, missing_note: str = "") -> None:
        if entry is None or entry.deleted:
            self.display = False
            return
        text = Text()
        if missing_note:
            text.append(missing_note + "\n", style="italic")
        if entry.tags:
            text.append("Tags: ", style="bold")
            text.append(", ".join(reveal_controls(t) for t in entry.tags))
            text.append("\n")
        if entry.note:
            text.append(reveal_controls(entry.note))
        else:
            text.append("No note yet: n to write one, t for tags.", style="dim italic")
        for conflict in entry.note_conflicts:
            text.append("\n\nAnother version of the note (from a shared file):\n", style="bold")
            text.append(reveal_controls(conflict), style="italic")
        self.update(text)
        self.border_subtitle = (
            f"{len(entry.note_conflicts)} conflicting note(s) · n to settle"
            if entry.note_conflicts
            else ""
        )
        self.display = True
