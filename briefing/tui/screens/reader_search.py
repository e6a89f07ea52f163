"""The reader's box above the list: title filter and full-text search.

A part the reader screen owns. `f` or typing in the list filters by title
(in memory); `/` searches every article through the index, in a worker, when
the typing pauses. Results become the list's mode; the open article's
matches are marked in the text.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer

from briefing.tui.messages import message
from briefing.tui.screens.list_state import ListMode
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from briefing.search import Query, SearchResults
    from briefing.tui.screens.reader import ReaderScreen

__all__ = ["SearchController"]

# A search runs when typing pauses this long.
SEARCH_DELAY = 0.15


class SearchController:
    """The filter box's two uses, and the search results they lead to."""

    @message
    class Done(Message):
        """Results of the search for ``text``; ``error`` if there was none to run."""

        text: str
        results: SearchResults | None
        error: str | None

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.query: Query | None = None
        self.searched_text: str | None = None  # the box's text the list shows results for
        self._timer: Timer | None = None
        self._error_shown = False
        self._saved_names: dict[str, str] = {}  # query -> name, for saved searches

    @property
    def _bar(self) -> FilterBar:
        return self.screen.query_one(FilterBar)

    # The box ---------------------------------------------------------------

    def changed(self, message: FilterBar.Edited) -> None:
        screen = self.screen
        if message.search:
            self._search_changed(message)
            return
        if screen.list_state.kind != "all" or self.query is not None:
            # Filtering titles starts from every article.
            self.query = None
            screen.query_one(ArticleView).set_matches([])
            screen.list_state.set(ListMode())
        screen.query_one(ArticleList).set_filter(message.text)
        if isinstance(message, FilterBar.Done):
            screen.focus_pane("list")

    def _search_changed(self, message: FilterBar.Edited) -> None:
        if self._timer is not None:
            self._timer.stop()
        tags = self.screen.bookmarking.tags_by_article()
        if isinstance(message, FilterBar.Done):
            self.screen.focus_pane("list")
            if not message.text:
                self.screen.show_all()  # escape
            elif self.searched_text != message.text:
                self.search(message.text, tags)  # enter: now
            return
        # Debounced: a search runs when the typing pauses, not per key.
        self._timer = self.screen.set_timer(SEARCH_DELAY, partial(self.search, message.text, tags))

    def typed(self, character: str) -> None:
        """A letter typed in the list: it starts (or goes on with) the title filter."""
        bar = self._bar
        if bar.searching and not bar.value:
            bar.searching = False
        bar.value += character
        bar.cursor_position = len(bar.value)
        bar.focus()

    def open_box(self, searching: bool) -> None:
        """`f` (filter titles) or `/` (search all text): an empty box of that kind."""
        bar = self._bar
        if bar.searching != searching:
            bar.searching = searching
            bar.value = ""
        self.screen.show_pane("list")
        self.screen.set_focus(bar)  # at once (see focus_pane)

    def reset(self) -> None:
        """An empty box, and no search."""
        bar = self._bar
        with bar.prevent(FilterBar.Edited):
            bar.value = ""
        bar.searching = False
        self.screen.query_one(ArticleList).set_filter("")
        self.clear()

    def run_saved(self, name: str, query: str) -> None:
        """Show a saved search: its query in the box, its results in the list."""
        bar = self._bar
        if self._timer is not None:
            self._timer.stop()
        bar.searching = True
        with bar.prevent(FilterBar.Edited):
            bar.value = query
        bar.cursor_position = len(query)
        self._saved_names[query] = name
        self.search(query, self.screen.bookmarking.tags_by_article())
        self.screen.focus_pane("list")

    # Searching -------------------------------------------------------------

    def search(self, text: str, bookmarks: dict[str, tuple[str, ...]] | None) -> None:
        self.screen.run_worker(
            partial(self._run, text, bookmarks), thread=True, exclusive=True, group="search"
        )

    def _run(self, text: str, bookmarks: dict[str, tuple[str, ...]] | None) -> None:
        from briefing.search import SearchIndexError

        catalogue = self.screen.catalogue
        post = self.screen.post_message
        if catalogue is None or not catalogue.index:
            post(self.Done(text, None, "search needs the index, which is off"))
            return
        try:
            results = catalogue.search(text, bookmarks)
        except SearchIndexError as error:
            post(self.Done(text, None, str(error)))
            return
        post(self.Done(text, results, None))

    def done(self, message: Done) -> None:
        bar = self._bar
        if not bar.searching or bar.value != message.text:
            return  # typing went on; a newer search is coming
        self.searched_text = message.text
        results = message.results
        if results is None:
            if not self._error_shown:
                self._error_shown = True
                self.screen.notify(message.error or "search failed", title="Search",
                                   severity="warning", markup=False)  # fmt: skip
            return
        if results.query.is_empty:
            self.clear()
            self.screen.list_state.set(ListMode())
            return
        self.query = results.query
        self.screen.list_state.set(_results_mode(results, self._saved_names.get(message.text)))
        for notice in results.notices:
            self.screen.notify(notice, title="Search", timeout=4, markup=False)
        self.mark_matches()

    def clear(self) -> None:
        self.query = None
        self.searched_text = None
        self.screen.query_one(ArticleView).set_matches([])

    def mark_matches(self) -> None:
        """Highlight the search's matches in the open article."""
        view = self.screen.query_one(ArticleView)
        article = self.screen.current
        if article is None or self.query is None:
            view.set_matches([])
            return
        from briefing.search import match_spans

        view.set_matches(match_spans(self.query, article.body))


def _results_mode(results: SearchResults, name: str | None = None) -> ListMode:
    hits = results.hits
    title = f"{results.total:,} match{'es' if results.total != 1 else ''}"
    if name:
        title = f"{name}: {title}"
    if results.total > len(hits):
        title += f" (best {len(hits):,} listed)"
    empty = "No matches."
    if results.suggestions:
        empty += " Try: " + ", ".join(results.suggestions)
    return ListMode(
        "search",
        tuple(h.entry.id for h in hits),
        title,
        empty,
        {h.entry.id: (h.snippet.text, h.snippet.spans) for h in hits},
        {h.entry.id: h.title_spans for h in hits},
    )
