"""The help screen, generated from the bindings so that it can never drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui.keys import KeyDisplay, keys_label

__all__ = ["HelpScreen", "binding_rows"]


def binding_rows(
    bindings: Iterable[BindingType], keymap: dict[str, str], display: KeyDisplay
) -> list[tuple[str, str, str]]:
    """(keys, description, id) for each described binding."""
    return [
        (keys_label(binding, keymap, display), binding.description, binding.id or "")
        for binding in bindings
        if isinstance(binding, Binding) and binding.description
    ]


class HelpScreen(ModalScreen[None]):
    """Every key the reader knows, by the part of the screen it works in."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    #help-body {
        width: 90%;
        max-width: 110;
        height: 85%;
        border: round $primary;
        background: $surface;
        padding: 1 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: Sequence[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("keys", style="bold", no_wrap=True, ratio=1)
        table.add_column("what", ratio=3)
        table.add_column("id", style="dim", no_wrap=True, ratio=2)
        for title, rows in self.sections:
            if not rows:
                continue
            table.add_row(Text(title, style="bold underline"), "", "")
            for keys, description, binding_id in rows:
                table.add_row(Text(keys), Text(description), Text(binding_id))
            table.add_row("", "", "")
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "escape to close · remap by id in config.toml [keymap]"
            yield Static(table)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
