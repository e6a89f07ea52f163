"""The reader's box above the list: title filter and full-text search.

`f` or typing in the list filters by title (in memory); `/` searches every
article through the index, in a worker, when the typing pauses. Results
become the list's mode; the open article's matches are marked in the text.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.timer import Timer

from briefing.tui.messages import FilterChanged
from briefing.tui.screens.listing import ListMode
from briefing.tui.screens.reader_bookmarks import BookmarkingScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from briefing.library.catalogue import Catalogue
    from briefing.search import Query, SearchResults

__all__ = ["SearchingScreen"]

# A search runs when typing pauses this long.
SEARCH_DELAY = 0.15


class SearchDone(Message):
    """Results of the search for ``text``; ``error`` if there was none to run."""

    def __init__(self, text: str, results: SearchResults | None, error: str | None) -> None:
        super().__init__()
        self.text = text
        self.results = results
        self.error = error


class SearchingScreen(BookmarkingScreen):
    catalogue: Catalogue | None
    search_query: Query | None = None
    searched_text: str | None = None  # the box's text the list shows results for
    _search_timer: Timer | None = None
    _search_error_shown = False

    # The box ---------------------------------------------------------------

    @on(FilterChanged)
    def _filter_changed(self, message: FilterChanged) -> None:
        if message.search:
            if self._search_timer is not None:
                self._search_timer.stop()
            if isinstance(message, FilterBar.Done):
                self.focus_pane("list")
                if not message.text:
                    self.show_all()  # escape
                elif self.searched_text != message.text:
                    self._search(message.text, self._bookmark_tags())  # enter: now
                return
            # Debounced: a search runs when the typing pauses, not per key.
            self._search_timer = self.set_timer(
                SEARCH_DELAY, partial(self._search, message.text, self._bookmark_tags())
            )
            return
        if self.list_mode.kind != "all" or self.search_query is not None:
            # Filtering titles starts from every article.
            self.search_query = None
            self.query_one(ArticleView).set_matches([])
            self.list_mode = ListMode()
            self.apply_list_mode()
        self.query_one(ArticleList).set_filter(message.text)
        if isinstance(message, FilterBar.Done):
            self.focus_pane("list")

    @on(ArticleList.TypedToFilter)
    def _typed_to_filter(self, message: ArticleList.TypedToFilter) -> None:
        bar = self.query_one(FilterBar)
        if bar.searching and not bar.value:
            bar.searching = False
        bar.value += message.character
        bar.cursor_position = len(bar.value)
        bar.focus()

    def action_filter(self) -> None:
        bar = self.query_one(FilterBar)
        if bar.searching:
            bar.searching = False
            bar.value = ""
        self.show_pane("list")
        self.call_after_refresh(bar.focus)

    def action_search(self) -> None:
        bar = self.query_one(FilterBar)
        if not bar.searching:
            bar.searching = True
            bar.value = ""
        self.show_pane("list")
        self.call_after_refresh(bar.focus)

    def show_all(self) -> None:
        """Every article again: no search, no narrowing, no filter."""
        bar = self.query_one(FilterBar)
        with bar.prevent(FilterChanged):
            bar.value = ""
        bar.searching = False
        self.query_one(ArticleList).set_filter("")
        self.clear_search()
        self.set_list_mode(ListMode())

    # Searching -------------------------------------------------------------

    def _bookmark_tags(self) -> dict[str, tuple[str, ...]] | None:
        return self.resolution.tags_by_article() if self.resolution is not None else None

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, bookmarks: dict[str, tuple[str, ...]] | None) -> None:
        from briefing.search import SearchIndexError

        catalogue = self.catalogue
        if catalogue is None or not catalogue.index:
            self.post_message(SearchDone(text, None, "search needs the index, which is off"))
            return
        try:
            results = catalogue.search(text, bookmarks)
        except SearchIndexError as error:
            self.post_message(SearchDone(text, None, str(error)))
            return
        self.post_message(SearchDone(text, results, None))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        bar = self.query_one(FilterBar)
        if not bar.searching or bar.value != message.text:
            return  # typing went on; a newer search is coming
        self.searched_text = message.text
        results = message.results
        if results is None:
            if not self._search_error_shown:
                self._search_error_shown = True
                self.notify(message.error or "search failed", title="Search",
                            severity="warning", markup=False)  # fmt: skip
            return
        if results.query.is_empty:
            self.clear_search()
            self.set_list_mode(ListMode())
            return
        self.search_query = results.query
        hits = results.hits
        title = f"{results.total:,} match{'es' if results.total != 1 else ''}"
        if results.total > len(hits):
            title += f" (best {len(hits):,} listed)"
        empty = "No matches."
        if results.suggestions:
            empty += " Try: " + ", ".join(results.suggestions)
        self.set_list_mode(
            ListMode(
                "search",
                tuple(h.entry.id for h in hits),
                title,
                empty,
                {h.entry.id: (h.snippet.text, h.snippet.spans) for h in hits},
                {h.entry.id: h.title_spans for h in hits},
            )
        )
        for notice in results.notices:
            self.notify(notice, title="Search", timeout=4, markup=False)
        self.mark_matches()

    def clear_search(self) -> None:
        self.search_query = None
        self.searched_text = None
        self.query_one(ArticleView).set_matches([])

    def mark_matches(self) -> None:
        """Highlight the search's matches in the open article."""
        view = self.query_one(ArticleView)
        article = self.current
        if article is None or self.search_query is None:
            view.set_matches([])
            return
        from briefing.search import match_spans

        view.set_matches(match_spans(self.search_query, article.body))
