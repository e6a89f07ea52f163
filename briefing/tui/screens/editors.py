"""Small modal editors for a bookmark's note and tags."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

__all__ = ["NoteEditor", "TagEditor", "parse_tags"]


# The note and tag editors look alike: one box in the middle of the screen.
# (Each screen's DEFAULT_CSS is scoped to it, so each names itself.)
EDITOR_CSS = """
#editor {
    width: 80%;
    max-width: 100;
    height: 70%;
    border: round $primary;
    background: $surface;
    padding: 0 1;
}
#editor.-short {
    height: auto;
}
#editor .editor-title {
    margin: 0 0 1 0;
}
#editor .editor-hint {
    color: $text-muted;
    margin: 0 0 1 0;
}
#note-text {
    height: 1fr;
}
"""


def parse_tags(text: str) -> list[str]:
    """Tags as typed: separated by commas (spaces inside a tag are kept)."""
    return [t.strip() for t in text.split(",") if t.strip()]


class NoteEditor(ModalScreen[str | None]):
    """Edit a note; ctrl+s saves, escape leaves it as it was."""

    DEFAULT_CSS = "NoteEditor { align: center middle; }" + EDITOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, note: str, conflicts: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.article_title = title
        self.note = note
        self.conflicts = conflicts

    def compose(self) -> ComposeResult:
        with Vertical(id="editor") as box:
            box.border_title = "Note"
            box.border_subtitle = "ctrl+s save · esc cancel"
            yield Static(Text(self.article_title, style="bold"), classes="editor-title")
            if self.conflicts:
                hint = Text(
                    "This note has other versions from shared files. Whatever you save "
                    "here settles them:\n",
                    style="italic",
                )
                for conflict in self.conflicts:
                    hint.append(f"• {conflict}\n")
                yield Static(hint, classes="editor-hint")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class TagEditor(ModalScreen[list[str] | None]):
    """Edit tags as a comma-separated line; enter saves, escape cancels."""

    DEFAULT_CSS = "TagEditor { align: center middle; }" + EDITOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="tags.cancel"),
    ]

    def __init__(self, title: str, tags: tuple[str, ...]) -> None:
        super().__init__()
        self.article_title = title
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="editor", classes="-short") as box:
            box.border_title = "Tags"
            box.border_subtitle = "comma-separated · enter save · esc cancel"
            yield Static(Text(self.article_title, style="bold"), classes="editor-title")
            yield Input(", ".join(self.tags), placeholder="e.g. sco, security", id="tags-text")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
