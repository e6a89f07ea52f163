"""The filter box above the article list: narrows the list by title as you type."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import Input

from briefing.tui.messages import FilterChanged

__all__ = ["FilterBar"]


class FilterBar(Input):
    """Type words to keep only articles whose title has them all."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear filter", id="filter.clear"),
        Binding("down", "done", "To the list", show=False, id="filter.done"),
    ]

    class Done(FilterChanged):
        """The user is done typing (enter, down or escape): back to the list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Filter titles…", id=id, compact=True)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(FilterChanged(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(self.value))

    def action_clear_filter(self) -> None:
        self.value = ""
        self.post_message(self.Done(""))

    def action_done(self) -> None:
        self.post_message(self.Done(self.value))
