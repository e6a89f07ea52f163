"""The reader: article list | full text | summary, side by side.

The screen coordinates: it owns the library, answers the widgets' messages,
and runs the slow work (loading files, summarising) in thread workers so that
no keypress ever waits for it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Static, Tab, Tabs

from briefing.analysis.summarize import ALGORITHMS, Length
from briefing.library.catalogue import Catalogue
from briefing.library.load import LibraryError, Problem
from briefing.library.model import Article, Listed, Summary
from briefing.tui.keys import keys_label
from briefing.tui.messages import SentenceChosen
from briefing.tui.screens.list_state import ListMode, ListState
from briefing.tui.screens.reader_bookmarks import BookmarksController, SharedArticle
from briefing.tui.screens.reader_search import SearchController
from briefing.tui.widgets.article_list import ArticleList, ListEntry
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.bookmark_panel import BookmarkPanel
from briefing.tui.widgets.facts_view import FactsView
from briefing.tui.widgets.filter_bar import FilterBar
from briefing.tui.widgets.summary_view import SummaryView

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact
    from briefing.search import Entry
    from briefing.tui.app import BriefingApp

__all__ = ["ReaderScreen"]

NARROW_WIDTH = 100
MAX_SENTENCES = 30
# While a big library is read, the list is refreshed this often.
PROGRESS_SECONDS = 1.0
# Whole articles kept in memory (the list itself needs none).
OPEN_ARTICLES = 64


def length_label(sentences: int) -> str:
    return f"{sentences} sentence{'s' if sentences != 1 else ''}"


def meta_text(article: Listed) -> str:
    """Source, date, author and length; the file name only when nothing better is known."""
    parts = [article.source, article.published, article.author, f"{article.words:,} words"]
    if not article.source and article.path is not None:
        parts.append(article.path.name)
    return " · ".join(p for p in parts if p)


class ReaderScreen(Screen[None]):
    """Three panes: the list, the text, and the summary with key facts.

    Built from parts it owns: ``list_state`` (what the list shows),
    ``bookmarking`` (bookmarks) and ``searching`` (the filter box and search).
    The screen routes the widgets' messages to them.
    """

    @dataclass
    class LibraryProgress(Message):
        """The refresh worker is reading files: what is listed so far."""

        done: int
        total: int
        entries: list[Entry]

    @dataclass
    class LibraryRefreshed(Message):
        """The library is up to date (``index_error``: it is, but without the index)."""

        entries: list[Entry]
        problems: tuple[Problem, ...]
        index_error: str | None

    @dataclass
    class SummaryReady(Message):
        """A summary (and, the first time, the facts) of ``article_id``, made for
        ``algorithm`` and ``sentences``: a result for an older request is dropped."""

        article_id: str
        algorithm: str
        sentences: int
        summary: Summary
        facts: list[Fact] | None

    @dataclass
    class EntityArticles(Message):
        """The ids of the articles that mention an entity (worked out in a worker)."""

        key: str
        label: str
        article_ids: list[str]
        facts: dict[str, list[Fact]]

    @dataclass
    class EntityProgress(Message):
        """The entity worker's progress through articles never read for facts."""

        done: int
        total: int

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
        # The whole articles opened lately (the list needs only the entries).
        self.articles: OrderedDict[str, Article] = OrderedDict()
        self.problems: list[Problem] = []
        self.current: Article | None = None
        self.facts: dict[str, list[Fact]] = {}
        self.loaded = False
        self._entity_request: str | None = None
        self._preview_timer: Timer | None = None
        self.list_state = ListState(lambda: self.query_one(ArticleList))
        self.bookmarking = BookmarksController(self)
        self.searching = SearchController(self)
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
        # Bookmarks do not wait for the library (b, n and t work at once), but
        # the first frame does not wait for them either.
        self.call_after_refresh(self.bookmarking.start, self.briefing_app.bookmarks_path)

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
        """List what the index knew last time at once; refresh it in a worker.

        Reading the index never waits for a writer (it is in WAL mode), so the
        first frame shows the list; writing can wait, so it happens off the UI.
        """
        catalogue = Catalogue(self.paths, self.briefing_app.max_bytes)
        try:
            catalogue.open()
        except LibraryError as error:
            self._show_entries([], (Problem(Path("."), str(error)),), done=True)
            return
        self.catalogue = catalogue
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
                self.post_message(self.LibraryProgress(done, total, catalogue.entries()))

        refreshed = catalogue.refresh(progress)
        self.post_message(
            self.LibraryRefreshed(catalogue.entries(), refreshed.problems, catalogue.index_error)
        )

    @on(LibraryProgress)
    def _library_progress(self, message: ReaderScreen.LibraryProgress) -> None:
        self._show_entries(message.entries, (), done=False)
        status = f"reading {message.done:,} of {message.total:,} new or changed files…"
        self.query_one("#title-bar", Static).update(self._title_text(status))

    @on(LibraryRefreshed)
    def _library_refreshed(self, message: ReaderScreen.LibraryRefreshed) -> None:
        if message.index_error:
            self.notify(f"{message.index_error}\nReading the files directly; search is off.",
                        title="No search index", severity="warning", markup=False)  # fmt: skip
        self._show_entries(message.entries, message.problems, done=True)

    def _show_entries(
        self, entries: list[Entry], problems: tuple[Problem, ...], done: bool
    ) -> None:
        article_list = self.query_one(ArticleList)
        read = self.briefing_app.read_state
        self.entries = {e.id: e for e in entries}
        article_list.set_entries(
            [ListEntry(e.id, e.title, meta_text(e), read=e.id in read) for e in entries]
        )
        self.bookmarking.apply()
        self.list_state.apply()
        if not done:
            return
        self.loaded = True
        count = len(entries)
        self.query_one("#title-bar", Static).update(
            self._title_text(f"{count:,} article{'s' if count != 1 else ''}")
        )
        self.problems = list(problems)
        if self.problems:
            self._report_problems()
        if not entries:
            self.briefing_app.show_empty_library(len(self.problems))
            return
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

    @on(ArticleList.Highlighted)
    def _highlighted(self, message: ArticleList.Highlighted) -> None:
        # Moving through the list previews each article, after a short pause
        # so that holding j does not summarise every article it passes.
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(0.12, partial(self._open, message.article_id, False))

    @on(ArticleList.Chosen)
    def _chosen(self, message: ArticleList.Chosen) -> None:
        self._open(message.article_id, focus=True)

    def open_article(self, article_id: str) -> None:
        """Open an article by id (used by the command palette)."""
        self.query_one(ArticleList).select(article_id)
        self._open(article_id, focus=True)

    def article(self, article_id: str) -> Article | None:
        """The whole article (read from the index the first time it is asked for)."""
        article = self.articles.get(article_id)
        if article is not None:
            self.articles.move_to_end(article_id)
            return article
        entry = self.entries.get(article_id)
        if entry is None or self.catalogue is None:
            return None
        article = self.catalogue.article(article_id, entry.path)
        if article is not None:
            self.articles[article_id] = article
            while len(self.articles) > OPEN_ARTICLES:
                self.articles.popitem(last=False)
        return article

    def _open(self, article_id: str, focus: bool = False) -> None:
        article = self.article(article_id) or self.bookmarking.shared_article(article_id)
        if article is None:
            if article_id in self.entries:
                self.notify("This article could not be read (its file changed or went away?).",
                            severity="warning", timeout=4)  # fmt: skip
            return
        if self.current is None or self.current.id != article.id:
            self.current = article
            entry = self.entries.get(article.id)
            # The entry knows the word count: counting a big article here would
            # hold up the UI.
            self.query_one(ArticleView).show(article, meta_text(entry or article))
            self.query_one(SummaryView).show_message("Summarising…")
            if article.id in self.facts:
                self.query_one(FactsView).show(self.facts[article.id])
            else:
                self.query_one(FactsView).show_message("Finding key facts…")
            self._summarize(article, self.algorithm, self.sentences)
            self.bookmarking.show_panel()
            self.searching.mark_matches()
        if focus:
            self.briefing_app.mark_read(article.id)
            self.query_one(ArticleList).mark_read(article.id)
            self.focus_pane("text")

    @work(thread=True, exclusive=True, group="summary")
    def _summarize(self, article: Article, algorithm: str, sentences: int) -> None:
        from briefing.analysis.derived import cached_summary, facts_for

        # A stand-in for someone else's bookmark is not cached: it is not ours.
        cache = None if isinstance(article, SharedArticle) else self.briefing_app.derived
        summary = cached_summary(article, algorithm, Length(sentences=sentences), cache)
        facts = None if article.id in self.facts else facts_for([article], cache)[article.id]
        self.post_message(self.SummaryReady(article.id, algorithm, sentences, summary, facts))

    @on(SummaryReady)
    def _summary_ready(self, message: ReaderScreen.SummaryReady) -> None:
        if message.facts is not None:
            self.facts[message.article_id] = message.facts
        article = self.current
        if article is None or article.id != message.article_id:
            return  # the user has moved on
        if (message.algorithm, message.sentences) != (self.algorithm, self.sentences):
            return  # made for an earlier choice; the one asked for now is coming
        summary = message.summary
        self.query_one(SummaryView).show(article, summary, length_label(message.sentences))
        self.query_one(ArticleView).set_summary(summary.indices)
        if message.facts is not None:
            self.query_one(FactsView).show(message.facts)

    # Entities ---------------------------------------------------------------

    @on(FactsView.EntityChosen)
    def _entity_chosen(self, message: FactsView.EntityChosen) -> None:
        self._entity_request = message.key
        self.notify(f"Finding the articles that mention {message.label}…", timeout=2,
                    markup=False)  # fmt: skip
        self._find_entity(message.key, message.label, list(self.entries.values()))

    @work(thread=True, exclusive=True, group="entities")
    def _find_entity(self, key: str, label: str, entries: list[Entry]) -> None:
        from textual.worker import get_current_worker

        from briefing.analysis.derived import facts_for
        from briefing.analysis.facts import build_index

        worker = get_current_worker()
        cache = self.briefing_app.derived
        known = dict(self.facts)
        # By id alone: which entities an article names survives a reflow.
        known.update(cache.facts((e.id, None) for e in entries if e.id not in known))
        missing = [e for e in entries if e.id not in known]
        shown = time.monotonic()
        for done, entry in enumerate(missing, 1):
            if worker.is_cancelled:
                return  # another entity was asked for
            # Facts never worked out before: a first pass over a big library.
            article = self.catalogue.article(entry.id, entry.path) if self.catalogue else None
            if article is not None:
                known.update(facts_for([article], cache))
            if time.monotonic() - shown >= PROGRESS_SECONDS:
                shown = time.monotonic()
                self.post_message(self.EntityProgress(done, len(missing)))
        # build_index reads only id and title (of Listed) here, as facts_of
        # looks facts up by id; its signature still names Article.
        articles = cast("list[Article]", entries)
        index = build_index(articles, facts_of=lambda a: known.get(a.id, []))
        self.post_message(self.EntityArticles(key, label, index.article_ids(key), known))

    @on(EntityProgress)
    def _entity_progress(self, message: ReaderScreen.EntityProgress) -> None:
        status = f"finding key facts: {message.done:,} of {message.total:,} articles…"
        self.query_one("#title-bar", Static).update(self._title_text(status))

    @on(EntityArticles)
    def _entity_articles(self, message: ReaderScreen.EntityArticles) -> None:
        self.facts.update(message.facts)
        count = len(self.entries)
        self.query_one("#title-bar", Static).update(
            self._title_text(f"{count:,} article{'s' if count != 1 else ''}")
        )
        if message.key != self._entity_request:
            return  # a later request replaced this one
        self.searching.clear()
        title = f"{len(message.article_ids)} mention {message.label} · esc: all"
        self.list_state.set(ListMode("entity", tuple(message.article_ids), title))
        self.focus_pane("list")

    @on(ArticleList.ShowAll)
    def _show_all(self) -> None:
        self.show_all()

    def show_all(self) -> None:
        """Every article again: no search, no narrowing, no filter."""
        self.searching.reset()
        self.list_state.set(ListMode())

    # Routing to the parts ---------------------------------------------------

    @on(FilterBar.Edited)
    def _filter_edited(self, message: FilterBar.Edited) -> None:
        self.searching.changed(message)

    @on(ArticleList.TypedToFilter)
    def _typed_to_filter(self, message: ArticleList.TypedToFilter) -> None:
        self.searching.typed(message.character)

    @on(SearchController.Done)
    def _search_done(self, message: SearchController.Done) -> None:
        self.searching.done(message)

    @on(BookmarksController.Loaded)
    def _bookmarks_loaded(self, message: BookmarksController.Loaded) -> None:
        self.bookmarking.loaded(message)

    @on(BookmarksController.Edited)
    def _bookmark_edited(self, message: BookmarksController.Edited) -> None:
        self.bookmarking.edited(message)

    @property
    def searched_text(self) -> str | None:
        """The search text the list shows results for (None: no search)."""
        return self.searching.searched_text

    def _poll_bookmarks(self) -> None:
        self.bookmarking.poll()

    def action_filter(self) -> None:
        self.searching.open_box(searching=False)

    def action_search(self) -> None:
        self.searching.open_box(searching=True)

    def action_toggle_bookmark(self) -> None:
        self.bookmarking.toggle()

    def action_edit_note(self) -> None:
        self.bookmarking.edit_note()

    def action_edit_tags(self) -> None:
        self.bookmarking.edit_tags()

    def action_bookmarks_only(self) -> None:
        self.bookmarking.toggle_only()

    @on(SentenceChosen)
    def _sentence_chosen(self, message: SentenceChosen) -> None:
        self.query_one(ArticleView).scroll_to_sentence(message.index)
        if self.narrow and self.pane != "text":
            # One pane at a time: show the text the choice was about.
            self.focus_pane("text")

    # Summary controls -------------------------------------------------------

    def _resummarize(self) -> None:
        if self.current is not None:
            # Show the new choice at once; the summary follows from its worker.
            summary = self.query_one(SummaryView)
            summary.border_subtitle = f"{self.algorithm} · {length_label(self.sentences)} …"
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

    def show_pane(self, name: str) -> None:
        self.pane = name

    def focus_pane(self, name: str) -> None:
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
            self.focus_pane(name)

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
