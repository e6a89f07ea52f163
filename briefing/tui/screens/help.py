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

# Narrower than this, the help shows each binding's id under its description.
STACKED_BELOW = 90


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
        width: 100%;
        margin: 0 1;
        max-width: 110;
        height: 85%;
        border: round $primary;
        background: $surface;
        padding: 1 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False, id="help.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="help.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="help.page_up"),
    ]

    def __init__(self, sections: Sequence[tuple[str, list[tuple[str, str, str]]]]) -> None:
        super().__init__()
        self.sections = sections
        self._stacked: bool | None = None  # (none yet: set at the first resize)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "escape to close · remap by id in config.toml [keymap]"
            yield Static(id="help-table")

    def on_resize(self) -> None:
        # The ids are what config.toml's [keymap] takes: never cut. Where three
        # columns do not fit, each id goes under its description.
        stacked = self.size.width < STACKED_BELOW
        if stacked != self._stacked:
            self._stacked = stacked
            self.query_one("#help-table", Static).update(self._table(stacked))

    def _table(self, stacked: bool) -> Table:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("what", ratio=1)
        if not stacked:
            table.add_column("id", style="dim", no_wrap=True)
        blanks = ("",) if stacked else ("", "")  # (a cell too many makes a column)
        for title, rows in self.sections:
            if not rows:
                continue
            table.add_row(Text(title, style="bold underline"), *blanks)
            for keys, description, binding_id in rows:
                if stacked:
                    what = Text(description)
                    what.append(f"\n{binding_id}", style="dim")
                    table.add_row(Text(keys), what)
                else:
                    table.add_row(Text(keys), Text(description), Text(binding_id))
            table.add_row("", *blanks)
        return table

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        # From the target, not the position: keys held down add up.
        body.scroll_to(y=body.scroll_target_y + lines, animate=False)

    def action_page(self, pages: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        self.action_scroll(pages * max(1, body.scrollable_content_region.height - 1))

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
