"""The article list: virtual, so 10,000 articles cost no more than 30.

Each article takes two rows (title; source and size). Only the rows on screen
are rendered, from a small cache; no widget is mounted per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from briefing.tui.messages import message
from briefing.tui.widgets.line_view import LineView, fit_line

__all__ = ["ArticleList", "ListEntry"]

ROWS_PER_ENTRY = 2
# Characters of a search snippet kept before its first match.
SNIPPET_CONTEXT = 12


@dataclass(slots=True)
class ListEntry:
    """What the list shows of an article (the list never sees the article).

    ``meta`` may be given as a function that makes it: only rows that are
    drawn need theirs, and a library of 100,000 lists at once.
    """

    id: str
    title: str
    _meta: str | Callable[[], str]
    read: bool = False
    bookmarked: bool = False
    new: bool = False  # brought by the last feed update, not opened yet
    # Hidden entries (bookmarks of articles we do not have) show only when a
    # caller asks for them by id (set_order).
    hidden: bool = False
    _folded: str | None = None

    @property
    def meta(self) -> str:
        """The line under the title (source, date, author, length)."""
        meta = self._meta
        if not isinstance(meta, str):
            meta = self._meta = meta()
        return meta

    @property
    def folded_title(self) -> str:
        # Worked out when a filter first needs it, not for every entry listed.
        folded = self._folded
        if folded is None:
            folded = self._folded = self.title.casefold()
        return folded


class ArticleList(LineView, can_focus=True):
    """Titles with source and word count; j/k to move, enter to open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "first", "First article", show=False, id="list.first"),
        Binding("end,G", "last", "Last article", show=False, id="list.last"),
        Binding("enter,l", "open", "Open", id="list.open"),
        Binding("escape", "show_all", "Show all articles", show=False, id="list.show_all"),
    ]

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        overflow-x: hidden;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    ArticleList:focus {
        border: round $primary;
    }
    ArticleList > .article-list--title {
        text-style: bold;
        color: $text;
    }
    ArticleList > .article-list--title-read {
        color: $text-muted;
    }
    ArticleList > .article-list--meta {
        color: $text-muted;
    }
    ArticleList > .article-list--marker {
        color: $warning;
    }
    ArticleList > .article-list--new {
        color: $accent;
    }
    ArticleList > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ArticleList > .article-list--match {
        background: $warning 45%;
        color: $text;
    }
    ArticleList > .article-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--title",
        "article-list--title-read",
        "article-list--meta",
        "article-list--cursor",
        "article-list--marker",
        "article-list--new",
        "article-list--empty",
        "article-list--match",
    }

    @message
    class Chosen(Message):
        """The user opened an article from the list (enter or click)."""

        article_id: str

    @message
    class Highlighted(Message):
        """The list's cursor moved to an article."""

        article_id: str

    @message
    class Counted(Message):
        """The number of articles listed changed (a filter, a view, new entries)."""

        count: int

    @message
    class ShowAll(Message):
        """The user wants the whole list back (escape)."""

    @message
    class TypedToFilter(Message):
        """A printable key that no binding uses: start filtering with it."""

        character: str

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: list[ListEntry] = []
        self._visible: list[int] = []
        self._filter = ""
        self._order: list[str] | None = None  # set_order's ids; None: every article
        self.unread_only = False
        self._typing = False  # letters went to the filter box; focus is on its way
        self._by_id: dict[str, int] = {}
        self._cache = self.line_cache(1024)
        self.empty_message = "No articles"
        # Search results: a snippet (text, match spans) and title match spans by id.
        self._snippets: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
        self._title_spans: dict[str, tuple[tuple[int, int], ...]] = {}

    # The data ---------------------------------------------------------------

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    @property
    def current(self) -> ListEntry | None:
        if 0 <= self.cursor < len(self._visible):
            return self._entries[self._visible[self.cursor]]
        return None

    def visible_ids(self) -> list[str]:
        return [self._entries[i].id for i in self._visible]

    def all_ids(self) -> list[str]:
        """Every article's id, in list order (hidden entries left out)."""
        return [e.id for e in self._entries if not e.hidden]

    def set_matches(
        self,
        snippets: dict[str, tuple[str, tuple[tuple[int, int], ...]]],
        title_spans: dict[str, tuple[tuple[int, int], ...]],
    ) -> None:
        """Show search snippets (instead of source and size) and mark matches."""
        self._snippets = snippets
        self._title_spans = title_spans
        self._cache.clear()
        self.refresh()

    def set_marks(self, bookmarked: set[str]) -> None:
        """Mark exactly these articles as bookmarked."""
        for entry in self._entries:
            if not entry.hidden:
                entry.bookmarked = entry.id in bookmarked
        self._cache.clear()
        self.refresh()

    def set_remote(self, entries: list[ListEntry]) -> None:
        """Replace the hidden entries (bookmarks whose articles we do not have)."""
        keep = self.current.id if self.current else None
        self._entries = [e for e in self._entries if not e.hidden] + entries
        self._by_id = {e.id: i for i, e in enumerate(self._entries)}
        self._refilter(keep)

    def set_entries(self, entries: list[ListEntry]) -> None:
        keep = self.current.id if self.current else None
        self._entries = list(entries)
        self._by_id = {e.id: i for i, e in enumerate(self._entries)}
        self._refilter(keep)

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Show the article as read (dimmed) or unread. It stays listed even
        with ``unread_only`` until the list changes: the cursor does not jump."""
        index = self._by_id.get(article_id)
        if index is not None and self._entries[index].read != read:
            self._entries[index].read = read
            if read:
                self._entries[index].new = False
            self._cache.clear()
            self.refresh()

    def set_unread_only(self, unread_only: bool) -> None:
        keep = self.current.id if self.current else None
        self.unread_only = unread_only
        self._refilter(keep)

    def set_filter(self, text: str) -> None:
        keep = self.current.id if self.current else None
        self._filter = text.casefold().strip()
        self._refilter(keep)

    def set_order(self, article_ids: list[str] | None) -> None:
        """Show only these articles in this order (search results); None: all."""
        keep = self.current.id if self.current else None
        self._order = article_ids
        self._refilter(keep, prefer_first=article_ids is not None)

    def select(self, article_id: str) -> bool:
        index = self._by_id.get(article_id)
        if index is None or index not in self._visible:
            return False
        self.cursor = self._visible.index(index)
        return True

    def _refilter(self, keep: str | None, prefer_first: bool = False) -> None:
        if self._order is not None:
            visible = [self._by_id[i] for i in self._order if i in self._by_id]
        else:
            words = self._filter.split()
            if words:
                visible = [
                    i
                    for i, e in enumerate(self._entries)
                    if not e.hidden and all(w in e.folded_title for w in words)
                ]
            else:  # the usual case, and the one a big library must not wait for
                visible = [i for i, e in enumerate(self._entries) if not e.hidden]
        if self.unread_only:
            visible = [i for i in visible if not self._entries[i].read]
        counted = len(visible) != len(self._visible)
        self._visible = visible
        self._after_change(keep, prefer_first)
        if counted:
            self.post_message(self.Counted(len(visible)))

    def _after_change(self, keep: str | None, prefer_first: bool = False) -> None:
        self._cache.clear()
        self.virtual_size = Size(0, len(self._visible) * ROWS_PER_ENTRY)
        position = 0
        if keep is not None and not prefer_first and keep in self._by_id:
            try:
                position = self._visible.index(self._by_id[keep])
            except ValueError:
                position = 0
        self.cursor = min(position, max(0, len(self._visible) - 1))
        self.refresh()

    # Cursor -----------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._visible) - 1)) if self._visible else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._cache.clear()
        self.refresh()
        self._scroll_cursor_into_view()
        entry = self.current
        if entry is not None:
            self.post_message(self.Highlighted(entry.id))

    def _scroll_cursor_into_view(self) -> None:
        region = Region(0, self.cursor * ROWS_PER_ENTRY, self.size.width, ROWS_PER_ENTRY)
        self.scroll_to_region(region, animate=False, force=True)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.size.height // ROWS_PER_ENTRY - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.size.height // ROWS_PER_ENTRY - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._visible) - 1

    def action_open(self) -> None:
        entry = self.current
        if entry is not None:
            self.post_message(self.Chosen(entry.id))

    def on_key(self, event: events.Key) -> None:
        # Type-to-filter: a letter that is not a key of ours starts the filter.
        if not event.is_printable or not event.character or event.character.isspace():
            return
        # A key bound here or on the screen runs its command, unless that
        # command is off in the list (h, backspace: back, from other panes),
        # or the user is already typing a word: keys that arrive before the
        # box has taken focus are its letters ("iraq" must not quit on q).
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.enabled and not self._typing:
            return
        event.stop()
        event.prevent_default()
        self._typing = True
        self.post_message(self.TypedToFilter(event.character))

    def on_blur(self) -> None:
        self._typing = False

    def action_show_all(self) -> None:
        self.post_message(self.ShowAll())

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # the border is not a row
        if offset is None:
            return
        row = (offset.y + int(self.scroll_y)) // ROWS_PER_ENTRY
        if 0 <= row < len(self._visible):
            self.cursor = row
            self.action_open()

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(0, len(self._visible) * ROWS_PER_ENTRY)
        # Smaller (a narrow terminal, the list's tab shown again): the chosen
        # row stays in view. Once the new size is laid out.
        self.call_after_refresh(self._scroll_cursor_into_view)

    # Rendering --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.size.width
        base = self.base_style
        if not self._visible:
            if y == 0:
                empty = base + self._text_style("article-list--empty")
                return fit_line([Segment(f" {self.empty_message}", empty)], width, base)
            return self.blank_line(width)
        position, line = divmod(row, ROWS_PER_ENTRY)
        if position >= len(self._visible):
            return self.blank_line(width)
        selected = position == self.cursor
        key = (position, line, width, selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_entry_line(position, line, width, selected)
            self._cache[key] = strip
        return strip.apply_offsets(scroll_x, row)

    def _mark(self, text: Text, spans: tuple[tuple[int, int], ...]) -> None:
        if spans:
            style = self.get_component_rich_style("article-list--match")
            for start, end in spans:
                text.stylize(style, start, end)

    def _render_entry_line(self, position: int, line: int, width: int, selected: bool) -> Strip:
        entry = self._entries[self._visible[position]]
        base = self.base_style
        if line == 0:
            if entry.bookmarked or not entry.new:
                marker = Text("★ " if entry.bookmarked else "  ")
                marker.stylize(self._text_style("article-list--marker"))
            else:
                marker = Text("● ")
                marker.stylize(self._text_style("article-list--new"))
            title_class = "article-list--title-read" if entry.read else "article-list--title"
            title = Text(entry.title)
            title.stylize(self._text_style(title_class))
            self._mark(title, self._title_spans.get(entry.id, ()))
            text = marker + title
        elif entry.id in self._snippets:
            snippet, spans = self._snippets[entry.id]
            snippet = snippet.replace("\n", " ")
            # A narrow list would cut the snippet before its first match:
            # start shortly before the match instead.
            if spans and spans[0][0] > (width - 4) // 3:
                cut = max(0, spans[0][0] - SNIPPET_CONTEXT)
                snippet = "…" + snippet[cut:]
                spans = tuple((a - cut + 1, b - cut + 1) for a, b in spans)
            text = Text(snippet)
            text.stylize(self._text_style("article-list--meta"))
            self._mark(text, spans)
            text.pad_left(2)
        else:
            text = Text("  " + entry.meta)
            text.stylize(self._text_style("article-list--meta"))
        text.truncate(width - 2, overflow="ellipsis")
        style = base
        if selected:
            cursor = self.get_component_rich_style("article-list--cursor")
            # Without focus the cursor stays visible, but quieter.
            style = base + (cursor if self.has_focus else Style(bgcolor=cursor.bgcolor, dim=True))
            text.stylize(Style(bgcolor=style.bgcolor))
            if self.has_focus:
                text.stylize(Style(color=cursor.color))
        text.stylize_before(style)
        segments = [Segment(" ", style), *text.render(self.app.console)]
        return fit_line(segments, width, style)
