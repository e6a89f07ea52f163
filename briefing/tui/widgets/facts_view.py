"""The key facts of the open article, grouped by kind.

Choosing a fact shows its sentence in the text (choosing it again steps to
its next mention); `a` narrows the article list to every article that
mentions the same person, organisation or place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.tui.messages import SentenceChosen, message

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact

__all__ = ["FactsView"]


class FactsView(OptionList):
    """People, organisations, places, dates, figures and quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next fact", show=False, id="facts.down"),
        Binding("up,k", "cursor_up", "Previous fact", show=False, id="facts.up"),
        Binding("home,g", "first", "First fact", show=False, id="facts.first"),
        Binding("end,G", "last", "Last fact", show=False, id="facts.last"),
        Binding("enter", "select", "Show in text", show=False, id="facts.select"),
        Binding("a", "articles", "Articles mentioning it", id="facts.articles"),
    ]

    DEFAULT_CSS = """
    FactsView {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text;
        border-subtitle-color: $text-muted;
        background: $surface;
    }
    FactsView:focus {
        border: round $primary;
    }
    FactsView > .option-list--option {
        padding: 0 1;
    }
    """

    @message
    class EntityChosen(Message):
        """Show only the articles that mention this entity (a fact's key)."""

        key: str
        label: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.border_title = "Key facts"
        self._facts: dict[str, Fact] = {}
        self._last: tuple[str, int] | None = None

    def show(self, facts: list[Fact]) -> None:
        # Imported when the first facts are shown, after the reader's first frame.
        from briefing.analysis.facts import group_by_kind
        from briefing.presentation.output import FACT_LABELS, fact_label

        self._facts = {}
        self._last = None
        options: list[Option] = []
        for kind, members in group_by_kind(facts).items():
            options.append(Option(Text(FACT_LABELS[kind], style="bold"), disabled=True))
            for number, fact in enumerate(members):
                option_id = f"{kind}:{number}"
                self._facts[option_id] = fact
                label = Text(fact_label(fact.as_dict()))
                if fact.mentions > 1:
                    label.append(f"  ×{fact.mentions}", style="dim")
                options.append(Option(label, id=option_id))
        if not options:
            options.append(Option(Text("No key facts found.", style="italic"), disabled=True))
        self.set_options(options)
        self.border_subtitle = f"{len(self._facts)} facts" if self._facts else ""

    def show_message(self, message: str) -> None:
        self._facts = {}
        self.set_options([Option(Text(message, style="italic"), disabled=True)])
        self.border_subtitle = ""

    @property
    def current_fact(self) -> Fact | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self._facts.get(option.id or "")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fact = self._facts.get(event.option_id or "")
        if fact is None:
            return
        mentions = fact.sentences or (fact.sentence,)
        # Choosing the same fact again steps through the sentences it is in.
        step = 0
        if self._last is not None and self._last[0] == event.option_id:
            step = (self._last[1] + 1) % len(mentions)
        self._last = (event.option_id or "", step)
        self.post_message(SentenceChosen(mentions[step]))

    def action_articles(self) -> None:
        fact = self.current_fact
        if fact is None:
            return
        from briefing.analysis.facts import ENTITY_KINDS

        if fact.kind not in ENTITY_KINDS:
            self.notify("Only people, organisations and places can filter the list.",
                        severity="warning", timeout=3)  # fmt: skip
            return
        self.post_message(self.EntityChosen(fact.key, fact.text))
