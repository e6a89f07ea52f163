"""The summary: numbered sentences; choosing one scrolls the text to it; `x` shows
why each one was chosen (the default algorithm's scores, as `briefing summary --explain`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.tui.messages import SentenceChosen

if TYPE_CHECKING:
    from briefing.library.model import Article, Summary

__all__ = ["SummaryView"]


class SummaryView(OptionList):
    """The extractive summary of the open article, in document order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next sentence", show=False, id="summary.down"),
        Binding("up,k", "cursor_up", "Previous sentence", show=False, id="summary.up"),
        Binding("home,g", "first", "First sentence", show=False, id="summary.first"),
        Binding("end,G", "last", "Last sentence", show=False, id="summary.last"),
        Binding("enter", "select", "Show in text", show=False, id="summary.select"),
        Binding("x", "toggle_explain", "Why these sentences", id="summary.explain"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.border_title = "Summary"
        self.explaining = False
        self._shown: tuple[Article, Summary, str] | None = None

    def action_toggle_explain(self) -> None:
        self.explaining = not self.explaining
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, article: Article, summary: Summary, length_label: str) -> None:
        self._shown = (article, summary, length_label)
        highlighted = self.highlighted
        reasons, extra = self._reasons(article, summary)
        options = []
        for number, index in enumerate(summary.indices, 1):
            prompt = Text.assemble((f"{number}. ", "bold"), article.sentences[index].text)
            if index in reasons:
                prompt.append("\n" + reasons[index], style="dim")
            options.append(Option(prompt, id=str(index)))
        if summary.note:
            options.append(Option(Text(summary.note, style="italic dim"), disabled=True))
        options += [Option(Text(line, style="dim italic"), disabled=True) for line in extra]
        self.set_options(options)
        if highlighted is not None and highlighted < len(summary.indices):
            self.highlighted = highlighted
        self.border_subtitle = f"{summary.algorithm} · {length_label}"

    def _reasons(self, article: Article, summary: Summary) -> tuple[dict[int, str], list[str]]:
        """With explanations on: a line per chosen sentence, and lines for what was skipped."""
        if not self.explaining:
            return {}, []
        # Imported on first use: the reader's first frame does not wait for them.
        from briefing.analysis.summarize import EXPLAINED, Length, explain
        from briefing.presentation.output import reason_line, skipped_lines
        from briefing.presentation.report import explanation_record

        if summary.algorithm not in EXPLAINED:
            return {}, [f"{summary.algorithm} does not explain its choices"]
        # A few milliseconds: worked out here rather than cached, so the reasons are
        # always those for exactly these sentences.
        again, explanation = explain(article, Length(len(summary.indices)))
        if again.indices != summary.indices:
            return {}, ["no explanation: the summary was made by another version"]
        reasons = {e["index"]: reason_line(e) for e in explanation["sentences"]}
        lines = skipped_lines({"explanation": explanation_record(article, explanation)})
        return reasons, (["Skipped:", *lines] if lines else [])

    def show_message(self, message: str) -> None:
        self._shown = None
        self.set_options([Option(Text(message, style="italic"), disabled=True)])
        self.border_subtitle = ""

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(SentenceChosen(int(event.option_id)))
