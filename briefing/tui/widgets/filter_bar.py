"""The box above the article list: filter titles, or search the whole text.

`f` (or typing in the list) filters by title; `/` searches every article's
full text through the index, ranking the list as you type.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input

from briefing.tui.messages import message

__all__ = ["FilterBar"]

PLACEHOLDERS = {
    False: "Filter titles…  (/ searches all text)",
    True: 'Search all articles…  ("phrase", word*, OR, -word, title:, tag:)',
}


class FilterBar(Input):
    """Type words to keep only matching articles; escape clears."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear", id="filter.clear"),
        Binding("down", "done", "To the list", show=False, id="filter.done"),
    ]

    DEFAULT_CSS = """
    FilterBar {
        margin: 0 0 0 0;
        border: none;
        height: 1;
        background: $boost;
    }
    FilterBar.-searching {
        background: $primary 30%;
    }
    """

    searching: reactive[bool] = reactive(False)

    # Not named Changed: Input posts ``self.Changed`` for its own edits.
    @message
    class Edited(Message):
        """The text in the box changed (a title filter, or a search)."""

        text: str
        search: bool = False

    @message
    class Done(Edited):
        """The user is done typing (enter, down or escape): back to the list."""

    def __init__(self, *, id: str | None = None) -> None:
        # Not select_on_focus: typing in the list puts its first letter here
        # and moves focus; selected, that letter was replaced by the next one.
        super().__init__(
            placeholder=PLACEHOLDERS[False], id=id, compact=True, select_on_focus=False
        )

    def watch_searching(self, searching: bool) -> None:
        self.placeholder = PLACEHOLDERS[searching]
        self.set_class(searching, "-searching")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(event.value, self.searching))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(self.value, self.searching))

    def action_clear_filter(self) -> None:
        searching = self.searching
        with self.prevent(Input.Changed):
            self.value = ""
        self.searching = False
        self.post_message(self.Done("", searching))

    def action_done(self) -> None:
        self.post_message(self.Done(self.value, self.searching))
