"""The full text of the open article, with summary sentences highlighted.

We lay the text out ourselves (``wrapping.wrap_offsets``) so that we know on
which line every sentence starts: the summary and the key facts can then
scroll straight to a sentence, and highlights are exact character ranges.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.strip import Strip

from briefing.library.model import Article
from briefing.tui.messages import SentenceChosen
from briefing.tui.widgets.line_view import LineView, fit_line
from briefing.tui.wrapping import wrap_offsets

__all__ = ["ArticleView"]

MARGIN = 2


# Named tuples, not frozen dataclasses: as immutable, and a quarter of a
# millisecond each cheaper to declare at the reader's start.
class _Block(NamedTuple):
    text: str
    component: str  # the component class that styles the whole block
    body_offset: int | None = None  # where the block starts in article.body


class _Line(NamedTuple):
    block: int
    start: int
    end: int


class ArticleView(LineView, can_focus=True):
    """Scrollable article text; ] and [ jump between summary sentences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="text.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="text.up"),
        Binding("pagedown,space,ctrl+f", "page_down", "Page down", show=False,
                id="text.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="text.page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="text.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="text.bottom"),
        Binding("right_square_bracket", "next_highlight", "Next summary sentence",
                id="text.next_highlight"),
        Binding("left_square_bracket", "previous_highlight", "Previous summary sentence",
                show=False, id="text.previous_highlight"),
        Binding("n", "next_match", "Next match", id="text.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="text.previous_match"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        overflow-x: hidden;
        border: round $panel-lighten-2;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    ArticleView:focus {
        border: round $primary;
    }
    ArticleView > .article-view--title {
        text-style: bold;
        color: $text;
    }
    ArticleView > .article-view--meta {
        color: $text-muted;
    }
    ArticleView > .article-view--body {
        color: $text;
    }
    ArticleView > .article-view--summary {
        background: $primary 25%;
    }
    ArticleView > .article-view--current {
        background: $accent 45%;
        text-style: bold;
    }
    ArticleView > .article-view--match {
        background: $warning 60%;
        color: $text;
    }
    ArticleView > .article-view--match-current {
        background: $error 70%;
        color: $text;
        text-style: bold;
    }
    ArticleView > .article-view--placeholder {
        color: $text-muted;
        text-style: italic;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--body",
        "article-view--summary",
        "article-view--current",
        "article-view--match",
        "article-view--match-current",
        "article-view--placeholder",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.summary: tuple[int, ...] = ()
        self.current_sentence: int | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_position = -1
        self.current_match: tuple[int, int] | None = None
        self.placeholder = "Choose an article from the list."
        self._blocks: list[_Block] = []
        self._lines: list[_Line] = []
        self._layout_width = -1
        self._cache = self.line_cache(512)

    # What to show -----------------------------------------------------------

    def show(self, article: Article | None, meta: str = "") -> None:
        """Show an article from the top (or the placeholder when None)."""
        self.article = article
        self.summary = ()
        self.current_sentence = None
        self.matches = []
        self.match_position = -1
        self.current_match = None
        self._blocks = []
        if article is not None:
            self._blocks.append(_Block(article.title.replace("\t", " "), "article-view--title"))
            if meta:
                self._blocks.append(_Block(meta.replace("\t", " "), "article-view--meta"))
            offset = 0
            for paragraph in article.body.split("\n\n"):
                if paragraph.strip():
                    # A tab is zero cells to Rich but moves a terminal's cursor:
                    # show it as a space (same length, so offsets still hold).
                    text = paragraph.replace("\t", " ")
                    self._blocks.append(_Block(text, "article-view--body", offset))
                offset += len(paragraph) + 2
        self._relayout(force=True)
        self.scroll_to(0, 0, animate=False)

    def set_summary(self, indices: tuple[int, ...]) -> None:
        self.summary = indices
        if self.current_sentence not in indices:
            self.current_sentence = None
        self._restyle()

    def set_matches(self, spans: list[tuple[int, int]]) -> None:
        """Character ranges of body text to mark (search matches)."""
        self.matches = sorted(spans)
        self.match_position = -1
        self._restyle()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # n/N belong to search matches only while there are some; otherwise the
        # keys fall through to the reader (where n edits the bookmark's note).
        if action in ("next_match", "previous_match"):
            return bool(self.matches)
        return True

    def _step_match(self, step: int) -> None:
        if not self.matches:
            raise SkipAction()
        self.match_position = (self.match_position + step) % len(self.matches)
        start, _end = self.matches[self.match_position]
        self.current_match = self.matches[self.match_position]
        self._restyle()
        self.scroll_to_offset(start)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def scroll_to_sentence(self, index: int, *, mark: bool = True) -> None:
        if self.article is None or not 0 <= index < len(self.article.sentences):
            return
        if mark:
            self.current_sentence = index
            self._restyle()
        sentence = self.article.sentences[index]
        first = self.line_of_offset(sentence.start)
        last = self.line_of_offset(max(sentence.start, sentence.end - 1))
        if first is None or last is None:
            return
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if first < top or last >= top + height:
            # Off screen (or cut): bring it near the top, with a little context.
            self.scroll_to(y=max(0, first - 2), animate=False)

    def scroll_to_offset(self, offset: int) -> None:
        line = self.line_of_offset(offset)
        if line is not None:
            region = Region(0, line, self.size.width, 1)
            self.scroll_to_region(region, animate=False, center=True)

    # Layout -----------------------------------------------------------------

    def line_of_offset(self, body_offset: int) -> int | None:
        """The screen line (in content coordinates) showing body[body_offset]."""
        for number, line in enumerate(self._lines):
            block = self._blocks[line.block]
            if block.body_offset is None:
                continue
            start = block.body_offset + line.start
            end = block.body_offset + line.end
            if start <= body_offset <= end:
                return number
        return None

    def _relayout(self, force: bool = False) -> None:
        width = max(10, self.scrollable_content_region.width - 2 * MARGIN)
        if width == self._layout_width and not force:
            return
        self._layout_width = width
        lines: list[_Line] = []
        for number, block in enumerate(self._blocks):
            if number > 0 and block.component == "article-view--body":
                lines.append(_Line(-1, 0, 0))  # a blank line between paragraphs
            for start, end in wrap_offsets(block.text, width):
                lines.append(_Line(number, start, end))
        self._lines = lines
        self.virtual_size = Size(self.scrollable_content_region.width, len(lines) + 1)
        self._cache.clear()
        self.refresh()

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    # Keys -------------------------------------------------------------------

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def _step_highlight(self, forward: bool) -> None:
        """Go to the next (or previous) summary sentence, wrapping around."""
        if self.article is None or not self.summary:
            return
        ordered = list(self.summary) if forward else list(reversed(self.summary))
        current = self.current_sentence
        if current is None:
            target = ordered[0]
        else:
            ahead = [i for i in ordered if (i > current if forward else i < current)]
            target = ahead[0] if ahead else ordered[0]
        self.post_message(SentenceChosen(target))

    def action_next_highlight(self) -> None:
        self._step_highlight(forward=True)

    def action_previous_highlight(self) -> None:
        self._step_highlight(forward=False)

    def on_click(self, event: events.Click) -> None:
        """Clicking a sentence selects it (and its fact or summary entry)."""
        offset = event.get_content_offset(self)  # the border is not text
        if self.article is None or offset is None:
            return
        number = offset.y + int(self.scroll_y)
        if not 0 <= number < len(self._lines):
            return
        line = self._lines[number]
        if line.block < 0:
            return
        block = self._blocks[line.block]
        if block.body_offset is None:
            return
        position = block.body_offset + line.start + max(0, offset.x - MARGIN)
        for sentence in self.article.sentences:
            if sentence.start <= position <= sentence.end:
                self.post_message(SentenceChosen(sentence.index))
                return

    # Rendering --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.size.width
        base = self.base_style
        if self.article is None:
            if y == 1:
                placeholder = self.get_component_rich_style("article-view--placeholder")
                segments = [Segment(" " * MARGIN + self.placeholder, base + placeholder)]
                return fit_line(segments, width, base)
            return self.blank_line(width)
        if number >= len(self._lines):
            return self.blank_line(width)
        key = (number, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_text_line(self._lines[number], width)
            self._cache[key] = strip
        return strip.apply_offsets(scroll_x, number)

    def _render_text_line(self, line: _Line, width: int) -> Strip:
        base = self.base_style
        if line.block < 0:
            return self.blank_line(width)
        block = self._blocks[line.block]
        text = Text(block.text[line.start : line.end])
        text.stylize(self._text_style(block.component))
        if block.body_offset is not None:
            self._stylize_body(text, block.body_offset + line.start, block.body_offset + line.end)
        text.stylize_before(base)
        segments = [Segment(" " * MARGIN, base), *text.render(self.app.console)]
        return fit_line(segments, width, base)

    def _stylize_body(self, text: Text, start: int, end: int) -> None:
        """Apply summary, current-sentence and match styles to body[start:end]."""
        assert self.article is not None
        sentences = self.article.sentences

        def paint(a: int, b: int, style: Style) -> None:
            a, b = max(a, start), min(b, end)
            if a < b:
                text.stylize(style, a - start, b - start)

        summary_style = self.get_component_rich_style("article-view--summary")
        for index in self.summary:
            paint(sentences[index].start, sentences[index].end, summary_style)
        if self.current_sentence is not None:
            sentence = sentences[self.current_sentence]
            paint(sentence.start, sentence.end, self.get_component_rich_style(
                "article-view--current"))  # fmt: skip
        if self.matches:
            match_style = self.get_component_rich_style("article-view--match")
            for a, b in self.matches:
                if b > start and a < end:
                    paint(a, b, match_style)
            if self.current_match is not None:
                a, b = self.current_match
                paint(a, b, self.get_component_rich_style("article-view--match-current"))
