"""What the reader shows when a library holds no readable articles."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static

__all__ = ["EmptyLibraryScreen"]


class EmptyLibraryScreen(Screen[None]):
    """A friendly explanation instead of three empty panes."""

    DEFAULT_CSS = """
    #empty-message {
        width: auto;
        max-width: 90;
        border: round $primary;
        padding: 1 3;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="empty.quit"),
    ]

    def __init__(self, where: str, problems: int) -> None:
        super().__init__()
        self.where = where
        self.problems = problems

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("No articles to read yet\n\n", style="bold")
        text.append("briefing looked in ")
        text.append(self.where, style="bold")
        if self.problems:
            text.append(f" and could not read {self.problems} file(s) there (see the notice).")
        else:
            text.append(" and found no .txt or .md files.")
        text.append("\n\nTo add articles:\n\n", style="")
        text.append("  • save articles as .txt (title on the first line) or .md files there,\n")
        text.append("  • or split a text dump of several articles into files:\n")
        text.append("      briefing import --split dump.txt --into articles/\n", style="bold")
        text.append("  • or open another folder:  ")
        text.append("briefing PATH", style="bold")
        with Middle(), Center():
            yield Static(text, id="empty-message")
        yield Footer()
