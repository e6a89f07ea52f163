"""The summary: numbered sentences; choosing one scrolls the text to it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.library.model import Article, Summary
from briefing.tui.messages import SentenceChosen

__all__ = ["SummaryView"]


class SummaryView(OptionList):
    """The extractive summary of the open article, in document order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next sentence", show=False, id="summary.down"),
        Binding("up,k", "cursor_up", "Previous sentence", show=False, id="summary.up"),
        Binding("enter", "select", "Show in text", show=False, id="summary.select"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.border_title = "Summary"

    def show(self, article: Article, summary: Summary, length_label: str) -> None:
        highlighted = self.highlighted
        options = []
        for number, index in enumerate(summary.indices, 1):
            prompt = Text.assemble((f"{number}. ", "bold"), article.sentences[index].text)
            options.append(Option(prompt, id=str(index)))
        if summary.note:
            options.append(Option(Text(summary.note, style="italic dim"), disabled=True))
        self.set_options(options)
        if highlighted is not None and highlighted < len(summary.indices):
            self.highlighted = highlighted
        self.border_subtitle = f"{summary.algorithm} · {length_label}"

    def show_message(self, message: str) -> None:
        self.set_options([Option(Text(message, style="italic"), disabled=True)])
        self.border_subtitle = ""

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(SentenceChosen(int(event.option_id)))
