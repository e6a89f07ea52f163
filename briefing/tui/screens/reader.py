"""The reader: article list | full text | summary, side by side.

The screen coordinates: it owns the library, answers the widgets' messages,
and runs the slow work (loading files, summarising) in thread workers so that
no keypress ever waits for it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Static, Tab, Tabs

from briefing.catalogue import Catalogue
from briefing.library import LibraryError, Problem
from briefing.model import Article, Summary
from briefing.summarize import ALGORITHMS, Length
from briefing.tui.keys import keys_label
from briefing.tui.messages import (
    ArticleChosen,
    ArticleHighlighted,
    EntityChosen,
    FilterChanged,
    SentenceChosen,
)
from briefing.tui.screens.reader_bookmarks import BookmarkingScreen
from briefing.tui.widgets.article_list import ArticleList, ListEntry
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.bookmark_panel import BookmarkPanel
from briefing.tui.widgets.facts_view import FactsView
from briefing.tui.widgets.filter_bar import FilterBar
from briefing.tui.widgets.summary_view import SummaryView

if TYPE_CHECKING:
    from briefing.facts import Fact
    from briefing.search import Entry, Query, SearchResults
    from briefing.tui.app import BriefingApp

__all__ = ["ReaderScreen"]

NARROW_WIDTH = 100
MAX_SENTENCES = 30
# Libraries up to this many files are brought up to date before the first frame.
SMALL_LIBRARY = 200
# While a big library is read, the list is refreshed this often.
PROGRESS_SECONDS = 1.0
# Search runs when typing pauses this long.
SEARCH_DELAY = 0.15


class SearchDone(Message):
    """Results of the full-text search for ``text`` (None: no index to search)."""

    def __init__(self, text: str, results: SearchResults | None) -> None:
        super().__init__()
        self.text = text
        self.results = results


class LibraryProgress(Message):
    """The refresh worker is reading files: what is listed so far."""

    def __init__(self, done: int, total: int, entries: list[Entry]) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.entries = entries


class LibraryRefreshed(Message):
    """The library is up to date."""

    def __init__(self, entries: list[Entry], problems: tuple[tuple[Path, str], ...]) -> None:
        super().__init__()
        self.entries = entries
        self.problems = problems


class SummaryReady(Message):
    def __init__(
        self, article_id: str, summary: Summary, length_label: str, facts: list[Fact] | None
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.summary = summary
        self.length_label = length_label
        self.facts = facts


class EntityArticles(Message):
    """The ids of the articles that mention an entity (worked out in a worker)."""

    def __init__(self, label: str, article_ids: list[str], facts: dict[str, list[Fact]]) -> None:
        super().__init__()
        self.label = label
        self.article_ids = article_ids
        self.facts = facts


def meta_text(article: Article | Entry) -> str:
    """Source, date, author and length; the file name only when nothing better is known."""
    parts = [article.source, article.published, article.author, f"{article.words:,} words"]
    if not article.source and article.path is not None:
        parts.append(article.path.name)
    return " · ".join(p for p in parts if p)


class ReaderScreen(BookmarkingScreen):
    """Three panes: the list, the text, and the summary with key facts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, id="reader.next_pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False,
                id="reader.previous_pane"),
        Binding("s", "next_algorithm", "Summarizer", id="reader.next_algorithm"),
        Binding("S", "previous_algorithm", "Previous summarizer", show=False,
                id="reader.previous_algorithm"),
        Binding("plus,equals_sign", "longer", "Longer", key_display="+", id="reader.longer"),
        Binding("minus", "shorter", "Shorter", key_display="-", id="reader.shorter"),
        Binding("slash", "search", "Search", key_display="/", id="reader.search"),
        Binding("f", "filter", "Filter", show=False, id="reader.filter"),
        Binding("b", "toggle_bookmark", "Bookmark", id="reader.bookmark"),
        Binding("n", "edit_note", "Note", show=False, id="reader.note"),
        Binding("t", "edit_tags", "Tags", show=False, id="reader.tags"),
        Binding("B", "bookmarks_only", "Bookmarks only", show=False, id="reader.bookmarks_only"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="reader.help"),
    ]  # fmt: skip

    algorithm: reactive[str] = reactive("default", init=False)
    sentences: reactive[int] = reactive(3, init=False)
    narrow: reactive[bool] = reactive(False, init=False)
    pane: reactive[str] = reactive("list", init=False)

    def __init__(self, paths: list[Path], algorithm: str = "default", sentences: int = 3) -> None:
        super().__init__()
        self.paths = paths
        self.catalogue: Catalogue | None = None
        self.entries: dict[str, Entry] = {}
        self.articles: dict[str, Article] = {}  # the ones opened so far
        self.problems: list[Problem] = []
        self.current: Article | None = None
        self.facts: dict[str, list[Fact]] = {}
        self.narrowed = False
        self.loaded = False
        self.search_query: Query | None = None
        self.searched_text: str | None = None  # the box's text the list now shows results for
        self._search_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        if algorithm not in ALGORITHMS:
            algorithm = "default"
        self.set_reactive(ReaderScreen.algorithm, algorithm)
        self.set_reactive(ReaderScreen.sentences, max(1, min(sentences, MAX_SENTENCES)))

    @property
    def briefing_app(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    # Layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The panes are the screen's own children (no wrapping containers):
        # every container costs a full repaint of its area in the first frame.
        yield Static(self._title_text(), id="title-bar")
        with Vertical(id="list-pane", classes="pane"):
            yield FilterBar(id="filter")
            yield ArticleList(id="articles")
        yield ArticleView(id="text-pane", classes="pane")
        with Vertical(id="side-pane", classes="pane"):
            yield SummaryView(id="summary")
            yield BookmarkPanel(id="bookmark")
            yield FactsView(id="facts")
        yield Footer()

    def _title_text(self, status: str = "") -> Text:
        where = ", ".join(str(p) for p in self.paths)
        text = Text.assemble(("briefing", "bold"), "  ", (where, "dim"))
        if status:
            text.append(f"  ·  {status}", style="dim")
        return text

    def on_mount(self) -> None:
        self.query_one(ArticleList).empty_message = "Loading articles…"
        self.query_one(SummaryView).show_message("Open an article to see its summary.")
        self.query_one(FactsView).show_message("Key facts appear here.")
        self.query_one(ArticleList).focus()
        self._start_loading()

    def on_resize(self) -> None:
        self.narrow = self.size.width < NARROW_WIDTH

    def watch_narrow(self, narrow: bool) -> None:
        if narrow and not self.query(Tabs):
            # Tabs are only needed on narrow terminals; wide ones never pay for them.
            tabs = Tabs(
                Tab("Articles", id="tab-list"),
                Tab("Text", id="tab-text"),
                Tab("Summary", id="tab-side"),
                id="pane-tabs",
                active=f"tab-{self.pane}",
            )
            self.mount(tabs, after=self.query_one("#title-bar"))
        self.set_class(narrow, "-narrow")
        self._show_pane(self.pane)

    def watch_pane(self, pane: str) -> None:
        self._show_pane(pane)

    def _show_pane(self, pane: str) -> None:
        for name in ("list", "text", "side"):
            self.query_one(f"#{name}-pane").set_class(name == pane, "-current")
        for tabs in self.query(Tabs):
            if tabs.is_mounted and tabs.active != f"tab-{pane}":
                tabs.active = f"tab-{pane}"

    # Loading ----------------------------------------------------------------

    def _start_loading(self) -> None:
        """List what the index knows at once; bring it up to date after.

        A small library is brought up to date before the first frame (a few
        files at most to read); a big one is listed from the index as it was,
        then refreshed in a worker that shows its progress.
        """
        catalogue = Catalogue(self.paths, self.briefing_app.max_bytes)
        try:
            catalogue.open()
        except LibraryError as error:
            self._show_entries([], ((Path("."), str(error)),), done=True)
            return
        self.catalogue = catalogue
        if catalogue.index_error:
            self.notify(f"{catalogue.index_error}\nReading the files directly; search is off.",
                        title="No search index", severity="warning", markup=False)  # fmt: skip
        if catalogue.is_small(SMALL_LIBRARY):
            refreshed = catalogue.refresh()
            self._show_entries(catalogue.entries(), refreshed.problems, done=True)
            return
        known = catalogue.entries()
        if known:
            self._show_entries(known, (), done=False)
        # After the first frame: a worker and the first paint would otherwise
        # take turns at the interpreter lock and both finish later.
        self.call_after_refresh(self._refresh_library)

    @work(thread=True, exclusive=True, group="library")
    def _refresh_library(self) -> None:
        catalogue = self.catalogue
        assert catalogue is not None
        shown = time.monotonic()

        def progress(done: int, total: int) -> None:
            nonlocal shown
            if time.monotonic() - shown >= PROGRESS_SECONDS:
                shown = time.monotonic()
                self.post_message(LibraryProgress(done, total, catalogue.entries()))

        refreshed = catalogue.refresh(progress)
        self.post_message(LibraryRefreshed(catalogue.entries(), refreshed.problems))

    @on(LibraryProgress)
    def _library_progress(self, message: LibraryProgress) -> None:
        self._show_entries(message.entries, (), done=False)
        status = f"reading {message.done:,} of {message.total:,} new or changed files…"
        self.query_one("#title-bar", Static).update(self._title_text(status))

    @on(LibraryRefreshed)
    def _library_refreshed(self, message: LibraryRefreshed) -> None:
        self._show_entries(message.entries, message.problems, done=True)

    def _show_entries(
        self, entries: list[Entry], problems: tuple[tuple[Path, str], ...], done: bool
    ) -> None:
        article_list = self.query_one(ArticleList)
        read = self.briefing_app.read_state
        self.entries = {e.id: e for e in entries}
        article_list.set_entries(
            [ListEntry(e.id, e.title, meta_text(e), read=e.id in read) for e in entries]
        )
        if self.bookmarks is not None:
            self.apply_bookmarks()
        if not done:
            return
        self.loaded = True
        count = len(entries)
        self.query_one("#title-bar", Static).update(
            self._title_text(f"{count:,} article{'s' if count != 1 else ''}")
        )
        article_list.empty_message = "No articles match."
        self.problems = [Problem(path, reason) for path, reason in problems]
        if self.problems:
            self._report_problems()
        if not entries:
            self.briefing_app.show_empty_library(len(self.problems))
            return
        if self.bookmark_store is None:
            self.start_bookmarks(self.briefing_app.bookmarks_path)
        if self.current is None and article_list.current is not None:
            # After the first frame: the list should not wait for the article.
            self.call_after_refresh(self._open, article_list.current.id, False)

    def _report_problems(self) -> None:
        shown = "\n".join(str(p) for p in self.problems[:6])
        more = f"\n…and {len(self.problems) - 6} more" if len(self.problems) > 6 else ""
        self.notify(
            f"{shown}{more}",
            title=f"{len(self.problems)} file(s) could not be read",
            severity="warning",
            timeout=12,
            markup=False,
        )

    # Opening articles -------------------------------------------------------

    @on(ArticleHighlighted)
    def _highlighted(self, message: ArticleHighlighted) -> None:
        # Moving through the list previews each article, after a short pause
        # so that holding j does not summarise every article it passes.
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(0.12, partial(self._open, message.article_id, False))

    @on(ArticleChosen)
    def _chosen(self, message: ArticleChosen) -> None:
        self._open(message.article_id, focus=True)

    def open_article(self, article_id: str) -> None:
        """Open an article by id (used by the command palette)."""
        self.query_one(ArticleList).select(article_id)
        self._open(article_id, focus=True)

    def article(self, article_id: str) -> Article | None:
        """The whole article (read from the index the first time it is asked for)."""
        article = self.articles.get(article_id)
        if article is None and self.catalogue is not None and article_id in self.entries:
            article = self.catalogue.article(article_id)
            if article is not None:
                self.articles[article_id] = article
        return article

    def _open(self, article_id: str, focus: bool = False) -> None:
        article = self.article(article_id) or self.remote_article(article_id)
        if article is None:
            return
        if self.current is None or self.current.id != article.id:
            self.current = article
            self.query_one(ArticleView).show(article, meta_text(article))
            self.query_one(SummaryView).show_message("Summarising…")
            if article.id in self.facts:
                self.query_one(FactsView).show(self.facts[article.id])
            else:
                self.query_one(FactsView).show_message("Finding key facts…")
            self._summarize(article, self.algorithm, self.sentences)
            self.show_bookmark_panel()
            self._mark_matches()
        if focus:
            self.briefing_app.mark_read(article.id)
            self.query_one(ArticleList).update_entry(article.id, read=True)
            self._focus_pane("text")

    def _length(self, sentences: int) -> Length:
        return Length(sentences=sentences)

    @work(thread=True, exclusive=True, group="summary")
    def _summarize(self, article: Article, algorithm: str, sentences: int) -> None:
        from briefing.analysis import cached_summary, facts_for

        cache = self.briefing_app.derived
        summary = cached_summary(article, algorithm, self._length(sentences), cache)
        label = f"{sentences} sentence{'s' if sentences != 1 else ''}"
        facts = None if article.id in self.facts else facts_for([article], cache)[article.id]
        self.post_message(SummaryReady(article.id, summary, label, facts))

    @on(SummaryReady)
    def _summary_ready(self, message: SummaryReady) -> None:
        if message.facts is not None:
            self.facts[message.article_id] = message.facts
        article = self.current
        if article is None or article.id != message.article_id:
            return  # the user has moved on
        self.query_one(SummaryView).show(article, message.summary, message.length_label)
        self.query_one(ArticleView).set_summary(message.summary.indices)
        if message.facts is not None:
            self.query_one(FactsView).show(message.facts)

    # Entities ---------------------------------------------------------------

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        self.notify(f"Finding the articles that mention {message.label}…", timeout=2,
                    markup=False)  # fmt: skip
        self._find_entity(message.key, message.label, list(self.entries.values()))

    @work(thread=True, exclusive=True, group="entities")
    def _find_entity(self, key: str, label: str, entries: list[Entry]) -> None:
        from briefing.analysis import facts_for
        from briefing.facts import build_index

        cache = self.briefing_app.derived
        known = dict(self.facts)
        # By id alone: which entities an article names survives a reflow.
        known.update(cache.facts((e.id, None) for e in entries if e.id not in known))
        missing = [e.id for e in entries if e.id not in known]
        if missing and self.catalogue is not None:
            # Facts not worked out before: the articles are read from the index.
            articles = [a for i in missing if (a := self.catalogue.article(i)) is not None]
            known.update(facts_for(articles, cache))
        index = build_index(entries, facts_of=lambda a: known.get(a.id, []))
        self.post_message(EntityArticles(label, index.article_ids(key), known))

    @on(EntityArticles)
    def _entity_articles(self, message: EntityArticles) -> None:
        self.facts.update(message.facts)
        article_list = self.query_one(ArticleList)
        article_list.set_order(message.article_ids)
        count = len(message.article_ids)
        article_list.border_title = f"{count} mention {message.label} · esc: all"
        self.narrowed = True
        self.bookmarks_only = False
        self._focus_pane("list")

    @on(ArticleList.ShowAll)
    def _show_all(self) -> None:
        article_list = self.query_one(ArticleList)
        if self.bookmarks_only:
            self.action_bookmarks_only()
        elif self.narrowed:
            self.narrowed = False
            article_list.border_title = ""
            article_list.set_order(None)
        elif self.query_one(FilterBar).value:
            self.query_one(FilterBar).value = ""

    @on(SentenceChosen)
    def _sentence_chosen(self, message: SentenceChosen) -> None:
        self.query_one(ArticleView).scroll_to_sentence(message.index)

    # Filter -----------------------------------------------------------------

    @on(FilterChanged)
    def _filter_changed(self, message: FilterChanged) -> None:
        if message.search:
            # Debounced: a search runs when the typing pauses, not per key.
            if self._search_timer is not None:
                self._search_timer.stop()
            self._search_timer = self.set_timer(
                SEARCH_DELAY, partial(self._search, message.text, self._bookmark_tags())
            )
        else:
            if self.search_query is not None and not message.text:
                self._clear_search()
            self.query_one(ArticleList).set_filter(message.text)
        if isinstance(message, FilterBar.Done):
            if not message.text:
                self._clear_search()
                self.query_one(ArticleList).set_filter("")
            self._focus_pane("list")

    def _bookmark_tags(self) -> dict[str, tuple[str, ...]] | None:
        return self.resolution.tags_by_article() if self.resolution is not None else None

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, bookmarks: dict[str, tuple[str, ...]] | None) -> None:
        catalogue = self.catalogue
        results = catalogue.search(text, bookmarks) if catalogue is not None else None
        self.post_message(SearchDone(text, results))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        bar = self.query_one(FilterBar)
        if not bar.searching or bar.value != message.text:
            return  # typing went on; a newer search is coming
        self.searched_text = message.text
        article_list = self.query_one(ArticleList)
        results = message.results
        if results is None:
            self.notify("Search needs the index, which could not be opened.", severity="warning")
            return
        if results.query.is_empty:
            self._clear_search()
            return
        self.search_query = results.query
        hits = results.hits
        article_list.set_order([h.entry.id for h in hits])
        article_list.set_matches(
            {h.entry.id: (h.snippet.text, h.snippet.spans) for h in hits},
            {h.entry.id: h.title_spans for h in hits},
        )
        found = f"{results.total:,} match{'es' if results.total != 1 else ''}"
        if results.total > len(hits):
            found += f" (best {len(hits):,} listed)"
        article_list.border_title = found
        empty = "No matches."
        if results.suggestions:
            empty += " Try: " + ", ".join(results.suggestions)
        article_list.empty_message = empty
        for notice in results.notices:
            self.notify(notice, title="Search", timeout=4, markup=False)
        self._mark_matches()

    def _clear_search(self) -> None:
        if self.search_query is None:
            return
        self.search_query = None
        article_list = self.query_one(ArticleList)
        article_list.set_matches({}, {})
        article_list.border_title = ""
        article_list.empty_message = "No articles match."
        article_list.set_order(None)
        self.query_one(ArticleView).set_matches([])

    def _mark_matches(self) -> None:
        """Highlight the search's matches in the open article."""
        view = self.query_one(ArticleView)
        article = self.current
        if article is None or self.search_query is None:
            view.set_matches([])
            return
        from briefing.search import match_spans

        view.set_matches(match_spans(self.search_query, article.body))

    def action_search(self) -> None:
        bar = self.query_one(FilterBar)
        if not bar.searching:
            bar.searching = True
            bar.value = ""
            self.query_one(ArticleList).set_filter("")
        self.pane = "list"
        self.call_after_refresh(bar.focus)

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
            self._clear_search()
        self.pane = "list"
        self.call_after_refresh(bar.focus)

    # Summary controls -------------------------------------------------------

    def _resummarize(self) -> None:
        if self.current is not None:
            self._summarize(self.current, self.algorithm, self.sentences)

    def _step_algorithm(self, step: int) -> None:
        names = list(ALGORITHMS)
        # The summary pane's subtitle names the algorithm; no toast needed.
        self.algorithm = names[(names.index(self.algorithm) + step) % len(names)]

    def action_next_algorithm(self) -> None:
        self._step_algorithm(1)

    def action_previous_algorithm(self) -> None:
        self._step_algorithm(-1)

    def action_longer(self) -> None:
        self.sentences = min(MAX_SENTENCES, self.sentences + 1)

    def action_shorter(self) -> None:
        self.sentences = max(1, self.sentences - 1)

    def watch_algorithm(self) -> None:
        self._resummarize()

    def watch_sentences(self) -> None:
        self._resummarize()

    # Panes and focus --------------------------------------------------------

    def _pane_widgets(self) -> list[Widget]:
        return [
            self.query_one(ArticleList),
            self.query_one(ArticleView),
            self.query_one(SummaryView),
            self.query_one(FactsView),
        ]

    def _pane_of(self, widget: Widget | None) -> str | None:
        for name in ("list", "text", "side"):
            pane = self.query_one(f"#{name}-pane")
            node = widget
            while node is not None:
                if node is pane:
                    return name
                node = node.parent  # type: ignore[assignment]
        return None

    def _focus_pane(self, name: str) -> None:
        target = {"list": ArticleList, "text": ArticleView, "side": SummaryView}[name]
        self.pane = name
        # A pane hidden in the narrow layout can take focus only once shown.
        self.call_after_refresh(self.query_one(target).focus)

    def _cycle(self, step: int) -> None:
        widgets = self._pane_widgets()
        focused = self.focused
        position = widgets.index(focused) if focused in widgets else -1
        if position < 0:
            name = self._pane_of(focused) or "list"
            position = ["list", "text", "side"].index(name)
        target = widgets[(position + step) % len(widgets)]
        self.pane = self._pane_of(target) or "list"
        self.call_after_refresh(target.focus)

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def on_descendant_focus(self) -> None:
        name = self._pane_of(self.focused)
        if name is not None and name != self.pane:
            self.pane = name

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        name = (event.tab.id or "tab-list").removeprefix("tab-")
        if name != self.pane:
            self._focus_pane(name)

    # Help and the command palette ------------------------------------------

    def help_sections(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        from briefing.tui.screens.help import binding_rows

        keymap = self.briefing_app.keymap_overrides
        display = self.app.get_key_display
        return [
            ("Anywhere", binding_rows(self.app.BINDINGS, keymap, display)
             + binding_rows(self.BINDINGS, keymap, display)),
            ("Article list", binding_rows(ArticleList.BINDINGS, keymap, display)),
            ("Filter box", binding_rows(FilterBar.BINDINGS, keymap, display)),
            ("Article text", binding_rows(ArticleView.BINDINGS, keymap, display)),
            ("Summary", binding_rows(SummaryView.BINDINGS, keymap, display)),
            ("Key facts", binding_rows(FactsView.BINDINGS, keymap, display)),
        ]  # fmt: skip

    def action_help(self) -> None:
        # Imported on first use: start-up should not pay for the help screen.
        from briefing.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_sections()))

    def palette_commands(self) -> Iterator[SystemCommand]:
        """Every described action of this screen and its panes, for ctrl+p."""
        owners: list[tuple[Widget, list[BindingType]]] = [
            (self, self.BINDINGS),
            (self.query_one(ArticleList), ArticleList.BINDINGS),
            (self.query_one(ArticleView), ArticleView.BINDINGS),
            (self.query_one(FactsView), FactsView.BINDINGS),
        ]
        for owner, bindings in owners:
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.action in ("next_pane", "previous_pane"):
                    continue
                keys = keys_label(binding, self.briefing_app.keymap_overrides,
                                  self.app.get_key_display)  # fmt: skip
                yield SystemCommand(
                    binding.description,
                    escape(f"Key: {keys}"),
                    partial(owner.run_action, binding.action),
                )
