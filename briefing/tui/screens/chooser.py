"""A small list to choose one thing from: a saved search, a bookmark tag."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

__all__ = ["Choice", "ChooserScreen"]

# (id, label, detail): the label and detail are shown as plain text.
Choice = tuple[str, str, str]


class ChooserScreen(ModalScreen[str | None]):
    """Choose with enter (or a click); escape leaves without a choice."""

    DEFAULT_CSS = """
    ChooserScreen {
        align: center middle;
    }
    #choices {
        width: 70%;
        max-width: 80;
        height: auto;
        max-height: 80%;
        border: round $primary;
        background: $surface;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close", id="chooser.close"),
        Binding("j", "cursor_down", "Down", show=False, id="chooser.down"),
        Binding("k", "cursor_up", "Up", show=False, id="chooser.up"),
    ]

    def __init__(self, title: str, choices: list[Choice], empty: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.empty = empty
        self.hint = hint

    def compose(self) -> ComposeResult:
        options = []
        for choice_id, label, detail in self.choices:
            prompt = Text(label)
            if detail:
                prompt.append(f"  {detail}", style="dim")
            options.append(Option(prompt, id=choice_id))
        if not options:
            options.append(Option(Text(self.empty, style="italic"), disabled=True))
        choices = OptionList(*options, id="choices", markup=False)
        choices.border_title = self.title_text
        choices.border_subtitle = self.hint or "enter choose · esc close"
        yield choices

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
