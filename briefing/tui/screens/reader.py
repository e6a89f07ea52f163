"""The reader: article list | full text | summary, side by side.

The screen coordinates: it owns the library, answers the widgets' messages,
and runs the slow work (loading files, summarising) in thread workers so that
no keypress ever waits for it.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Iterator
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
from textual.widgets import Static

from briefing.library.catalogue import Catalogue
from briefing.library.files import path_text
from briefing.library.load import LibraryError, Problem
from briefing.library.model import Article, Listed, Summary
from briefing.tui.keys import keys_label
from briefing.tui.messages import SentenceChosen, message
from briefing.tui.screens.list_state import Dates, ListMode, ListState, arrange
from briefing.tui.screens.reader_bookmarks import BookmarksController, SharedArticle
from briefing.tui.screens.reader_list import ListControls
from briefing.tui.screens.reader_outside import Outside
from briefing.tui.screens.reader_search import SearchController
from briefing.tui.screens.reader_update import UpdateController
from briefing.tui.widgets.article_list import ArticleList, ListEntry
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.bookmark_panel import BookmarkPanel
from briefing.tui.widgets.facts_view import FactsView
from briefing.tui.widgets.filter_bar import FilterBar
from briefing.tui.widgets.footer import ReaderFooter
from briefing.tui.widgets.summary_view import SummaryView

if TYPE_CHECKING:
    from textual.widgets import Tabs

    from briefing.analysis.facts import Fact
    from briefing.search import Entry
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.stories import ChosenStory

__all__ = ["ReaderScreen"]

NARROW_WIDTH = 100
# Below this width the key facts get a tab of their own (60×20 works).
TINY_WIDTH = 70
MAX_SENTENCES = 30
# While a big library is read, the list is refreshed this often.
PROGRESS_SECONDS = 1.0
# Whole articles kept in memory (the list itself needs none).
OPEN_ARTICLES = 64
# Entries listed before the first frame (two rows each: a screen of 200 rows).
FIRST_ROWS = 100


def length_label(sentences: int) -> str:
    return f"{sentences} sentence{'s' if sentences != 1 else ''}"


def meta_text(article: Listed) -> str:
    """Source, date, author and length; the file name only when nothing better is known."""
    parts = [article.source, article.published, article.author, f"{article.words:,} words"]
    if not article.source:
        # An index entry knows its file as text: a Path is not worth making for its name.
        location = getattr(article, "location", None)
        if location:
            parts.append(path_text(os.path.basename(location)))
        elif article.path is not None:
            parts.append(path_text(article.path.name))
    return " · ".join(p for p in parts if p)


class ReaderScreen(Screen[None]):
    """Three panes: the list, the text, and the summary with key facts.

    Built from parts it owns: ``list_state`` (what the list shows),
    ``bookmarking`` (bookmarks) and ``searching`` (the filter box and search).
    The screen routes the widgets' messages to them.
    """

    # The list has the focus from the start. Textual's default gave it first to
    # the first widget that takes focus (the filter box), and ``on_mount`` then
    # moved it to the list: both restyled twice before the first frame.
    AUTO_FOCUS = "#articles"

    @message
    class LibraryProgress(Message):
        """The refresh worker is reading files: what is listed so far (``total``
        0: what the index knew, before any file is read)."""

        done: int
        total: int
        entries: list[Entry]

    @message
    class LibraryRefreshed(Message):
        """The library is up to date (``index_error``: it is, but without the index;
        ``entries`` None: as listed already)."""

        entries: list[Entry] | None
        problems: tuple[Problem, ...]
        index_error: str | None
        duplicates: int = 0  # files that repeat an article already listed

    @message
    class SummaryReady(Message):
        """A summary (and, the first time, the facts) of ``article_id``, made for
        ``algorithm`` and ``sentences``: a result for an older request is dropped."""

        article_id: str
        algorithm: str
        sentences: int
        summary: Summary
        facts: list[Fact] | None

    @message
    class EntityArticles(Message):
        """The ids of the articles that mention an entity (worked out in a worker)."""

        key: str
        label: str
        article_ids: list[str]
        facts: dict[str, list[Fact]]

    @message
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
        Binding("r", "update_feeds", "Update feeds", show=False, id="reader.update"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="reader.help"),
        Binding("escape,h,backspace", "back", "Back to the list", show=False, id="reader.back"),
        Binding("o", "open_url", "Open in browser", show=False, id="reader.open_url"),
        Binding("e", "edit_file", "Open in $EDITOR", show=False, id="reader.edit_file"),
        Binding("p", "page_file", "Open in $PAGER", show=False, id="reader.page_file"),
        Binding("y", "copy_summary", "Copy summary", show=False, id="reader.copy_summary"),
        Binding("Y", "copy_url", "Copy url", show=False, id="reader.copy_url"),
        Binding("O", "sort", "Sort: library, date, source, title", show=False, id="reader.sort"),
        Binding("u", "unread_only", "Unread only", show=False, id="reader.unread_only"),
        Binding("m", "toggle_read", "Mark read / unread", show=False, id="reader.toggle_read"),
        Binding("M", "all_read", "Mark all listed read", show=False, id="reader.all_read"),
        Binding("v", "views", "Saved searches", show=False, id="reader.views"),
        Binding("T", "tag_browser", "Bookmark tags", show=False, id="reader.tag_browser"),
        Binding("D", "stories", "Briefing: stories", show=False, id="reader.stories"),
        Binding("less_than_sign", "narrower_list", "Narrower list", key_display="<",
                show=False, id="reader.narrower_list"),
        Binding("greater_than_sign", "wider_list", "Wider list", key_display=">",
                show=False, id="reader.wider_list"),
        Binding("left_curly_bracket", "narrower_side", "Narrower summary pane",
                key_display="{", show=False, id="reader.narrower_side"),
        Binding("right_curly_bracket", "wider_side", "Wider summary pane", key_display="}",
                show=False, id="reader.wider_side"),
    ]  # fmt: skip

    algorithm: reactive[str] = reactive("default", init=False)
    sentences: reactive[int] = reactive(3, init=False)
    narrow: reactive[bool] = reactive(False, init=False)
    tiny: reactive[bool] = reactive(False, init=False)
    pane: reactive[str] = reactive("list", init=False)

    def __init__(
        self,
        paths: list[Path],
        algorithm: str = "default",
        sentences: int = 3,
        library: Path | None = None,
    ) -> None:
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
        self.outside = Outside(self)
        self.dates = Dates()
        self.updating = UpdateController(self, library)
        # Checked after the first frame (_check_algorithm): the summarizers'
        # module is not needed before.
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
        yield ReaderFooter()

    def _title_text(self, status: str = "") -> Text:
        where = ", ".join(str(p) for p in self.paths)
        text = Text.assemble(("briefing", "bold"), "  ", (where, "dim"))
        if status:
            text.append(f"  ·  {status}", style="dim")
        return text

    def on_mount(self) -> None:
        # Needs the app's settings, which the screen has only once mounted.
        self.list_controls = ListControls(self)
        self.list_controls.apply_width()
        self.query_one(ArticleList).empty_message = "Loading articles…"
        self.query_one(SummaryView).show_message("Open an article to see its summary.")
        self.query_one(FactsView).show_message("Key facts appear here.")
        self.query_one(ArticleList).focus()
        self._start_loading()
        # Bookmarks do not wait for the library (b, n and t work at once), but
        # the first frame does not wait for them either.
        self.call_after_refresh(self.bookmarking.start, self.briefing_app.bookmarks_path)
        self.call_after_refresh(self._check_algorithm)

    def _check_algorithm(self) -> None:
        from briefing.analysis.summarize import ALGORITHMS

        if self.algorithm not in ALGORITHMS:
            self.set_reactive(ReaderScreen.algorithm, "default")

    def _pane_tabs(self) -> list[Tabs]:
        """The pane tabs: only on narrow terminals (wide ones never import them)."""
        found = self.query("#pane-tabs")
        if not found:
            return []
        from textual.widgets import Tabs

        return list(found.results(Tabs))

    def on_resize(self) -> None:
        self.narrow = self.size.width < NARROW_WIDTH
        self.tiny = self.size.width < TINY_WIDTH

    def watch_narrow(self, narrow: bool) -> None:
        if narrow and not self._pane_tabs():
            # Tabs are only needed on narrow terminals; wide ones never pay for them.
            from textual.widgets import Tab, Tabs

            names = [(self._list_tab_label(), "list"), ("Text", "text"), ("Summary", "side")]
            if self.size.width < TINY_WIDTH:
                names.append(("Facts", "facts"))
            tabs = Tabs(
                *(Tab(label, id=f"tab-{name}") for label, name in names),
                id="pane-tabs",
                active=f"tab-{self.pane}",
            )
            self.mount(tabs, after=self.query_one("#title-bar"))
        self.set_class(narrow, "-narrow")
        self.list_controls.apply_width()
        self._show_pane(self.pane)
        # The footer puts ? and q first when it is short of room.
        self.query_one(ReaderFooter).narrow = narrow

    def watch_tiny(self, tiny: bool) -> None:
        for tabs in self._pane_tabs():
            if not tabs.is_mounted:
                continue  # made just now, with the tab it needs
            if tiny and not tabs.query("#tab-facts"):
                from textual.widgets import Tab

                tabs.add_tab(Tab("Facts", id="tab-facts"))
            elif not tiny and tabs.query("#tab-facts"):
                tabs.remove_tab("tab-facts")
        self.set_class(tiny, "-tiny")
        if not tiny and self.pane == "facts":
            self.pane = "side"
        self._show_pane(self.pane)

    def _list_tab_label(self) -> str:
        # The title bar (with the count) gives way to tabs on narrow terminals:
        # the count moves to the list's tab.
        return (
            f"Articles {self.query_one(ArticleList).visible_count:,}" if self.loaded else "Articles"
        )

    def show_count(self) -> None:
        """The article count, in the title bar and (narrow) the list's tab."""
        count = self.query_one(ArticleList).visible_count if self.loaded else len(self.entries)
        total = len(self.entries)
        shown = f"{total:,} article{'s' if total != 1 else ''}"
        if count != total:
            shown = f"{count:,} of {shown}"
        self.query_one("#title-bar", Static).update(self._title_text(shown))
        for tabs in self._pane_tabs():
            from textual.widgets import Tab

            for tab in tabs.query("#tab-list").results(Tab):
                tab.label = self._list_tab_label()

    def watch_pane(self, pane: str) -> None:
        self._show_pane(pane)

    def _show_pane(self, pane: str) -> None:
        for name in ("list", "text", "side"):
            shown = name == pane or (name == "side" and pane == "facts")
            self.query_one(f"#{name}-pane").set_class(shown, "-current")
        # On a tiny terminal the side pane shows the summary or the facts.
        self.query_one("#side-pane").set_class(pane == "facts", "-facts")
        self.query_one("#side-pane").set_class(pane != "facts", "-summary")
        for tabs in self._pane_tabs():
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
        # In library order the first screen needs only the first rows: a big
        # library's others are listed by the worker, after the first frame.
        first = FIRST_ROWS if self.list_controls.sort == "library" else None
        known = catalogue.entries(first + 1 if first else None)
        more = first is not None and len(known) > first
        if known:
            self._show_entries(known[:first] if more else known, (), done=False)
        # After the first frame: a worker and the first paint would otherwise
        # take turns at the interpreter lock and both finish later.
        self.call_after_refresh(self._refresh_library, more)

    @work(thread=True, exclusive=True, group="library")
    def _refresh_library(self, list_first: bool = False) -> None:
        """Read what changed; ``list_first``: list every known entry before that
        (only the first rows are listed yet)."""
        catalogue = self.catalogue
        assert catalogue is not None
        if list_first:
            self.post_message(self.LibraryProgress(0, 0, catalogue.entries()))
        shown = time.monotonic()

        def progress(done: int, total: int) -> None:
            nonlocal shown
            if time.monotonic() - shown >= PROGRESS_SECONDS:
                shown = time.monotonic()
                self.post_message(self.LibraryProgress(done, total, catalogue.entries()))

        refreshed = catalogue.refresh(progress)
        # Nothing read or removed since all was listed: the list is right as it is
        # (a big library is not read from the index and listed a second time).
        unchanged = list_first and not (refreshed.read or refreshed.removed)
        self.post_message(
            self.LibraryRefreshed(
                None if unchanged and catalogue.index_error is None else catalogue.entries(),
                refreshed.problems,
                catalogue.index_error,
                catalogue.duplicates(),
            )
        )

    @on(LibraryProgress)
    def _library_progress(self, message: ReaderScreen.LibraryProgress) -> None:
        self._show_entries(message.entries, (), done=False)
        if message.total:  # (none: the rest of what the index knew, no file read yet)
            status = f"reading {message.done:,} of {message.total:,} new or changed files…"
            self.query_one("#title-bar", Static).update(self._title_text(status))

    @on(LibraryRefreshed)
    def _library_refreshed(self, message: ReaderScreen.LibraryRefreshed) -> None:
        if message.index_error:
            self.notify(f"{message.index_error}\nReading the files directly; search is off.",
                        title="No search index", severity="warning", markup=False)  # fmt: skip
        self._show_entries(message.entries, message.problems, done=True)
        if message.duplicates:
            from briefing.library.files import duplicates_note

            self.notify(duplicates_note(message.duplicates), title="Duplicates", timeout=8,
                        markup=False)  # fmt: skip

    def _show_entries(
        self, entries: list[Entry] | None, problems: tuple[Problem, ...], done: bool
    ) -> None:
        """List ``entries`` (None: keep those listed); ``done``: the library is read."""
        article_list = self.query_one(ArticleList)
        if entries is not None:
            self.entries = {e.id: e for e in entries}
            self.relist()
        if not done:
            return
        self.loaded = True
        self.show_count()
        self.problems = list(problems)
        if self.problems:
            self._report_problems()
        if not self.entries:
            self.briefing_app.show_empty_library(len(self.problems))
            return
        if self.current is None and article_list.current is not None:
            # After the first frame: the list should not wait for the article.
            self.call_after_refresh(self._open, article_list.current.id, False)

    def relist(self) -> None:
        """Give the list every entry again, in the chosen order."""
        read = self.briefing_app.read_state
        sort = self.list_controls.sort if hasattr(self, "list_controls") else "library"
        dated = sort == "date"
        self.query_one(ArticleList).set_entries(
            [
                ListEntry(
                    e.id,
                    e.title,
                    partial(self._meta, e, dated),  # made when the row is drawn
                    read=e.id in read,
                    new=e.id in self.updating.new_ids and e.id not in read,
                )
                for e in arrange(list(self.entries.values()), sort, self.dates)
            ]
        )
        self.bookmarking.apply()
        self.list_state.apply()

    def _meta(self, entry: Entry, dated: bool) -> str:
        if dated and not entry.published:
            # Sorted by date: the file's date stands in for a missing one.
            date = self.dates.of(entry)
            return f"{date} · {meta_text(entry)}" if date else meta_text(entry)
        return meta_text(entry)

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
        from briefing.analysis.summarize import Length

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
        self.outside.summary_shown(article.id, summary)
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
        self.show_count()
        if message.key != self._entity_request:
            return  # a later request replaced this one
        self.searching.reset()  # the box would claim a filter the list no longer has
        title = f"{len(message.article_ids)} mention {message.label} · esc: all"
        self.list_state.set(ListMode("entity", tuple(message.article_ids), title))
        self.focus_pane("list")

    @on(ArticleList.Counted)
    def _counted(self) -> None:
        if self.loaded:  # (before, the count is the library's, shown when it is read)
            self.show_count()

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

    @on(UpdateController.Progress)
    def _update_progress(self, message: UpdateController.Progress) -> None:
        self.updating.progress(message)

    @on(UpdateController.Finished)
    def _update_finished(self, message: UpdateController.Finished) -> None:
        self.updating.finished(message)

    def action_update_feeds(self) -> None:
        self.updating.start()

    def set_status(self, status: str) -> None:
        """A note in the title bar (what a worker is doing)."""
        self.query_one("#title-bar", Static).update(self._title_text(status))

    def reload_library(self) -> None:
        """Look at the files again (new or changed articles join the list)."""
        if self.catalogue is not None:
            self._refresh_library()
        else:
            self._start_loading()

    def shows_only_samples(self) -> bool:
        from briefing.library.files import bundled_articles_dir

        return self.paths == [bundled_articles_dir()]

    def show_paths(self, paths: list[Path]) -> None:
        """Show other folders (the library, once an update has filled it)."""
        self.paths = paths
        self.catalogue = None
        self._start_loading()

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
        from briefing.analysis.summarize import ALGORITHMS

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

    def watch_algorithm(self, algorithm: str) -> None:
        self._resummarize()
        self.briefing_app.remember("summary.algorithm", algorithm)

    def watch_sentences(self, sentences: int) -> None:
        self._resummarize()
        self.briefing_app.remember("summary.sentences", sentences)

    # Panes and focus --------------------------------------------------------

    def _pane_widgets(self) -> list[Widget]:
        return [
            self.query_one(ArticleList),
            self.query_one(ArticleView),
            self.query_one(SummaryView),
            self.query_one(FactsView),
        ]

    def _pane_of(self, widget: Widget | None) -> str | None:
        if self.tiny and widget is not None and widget is self.query_one(FactsView):
            return "facts"
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

    def _pane_widget(self, name: str) -> Widget:
        """The widget that takes the focus when pane ``name`` is shown."""
        kind = {"list": ArticleList, "text": ArticleView, "side": SummaryView,
                "facts": FactsView}[name]  # fmt: skip
        return self.query_one(kind)

    def focus_pane(self, name: str) -> None:
        self.pane = name  # (shows the pane at once: its styles change now)
        # The screen's set_focus, not Widget.focus (after the next refresh):
        # keys typed straight after enter or tab go where they were sent.
        self.set_focus(self._pane_widget(name))

    def _cycle(self, step: int) -> None:
        widgets = self._pane_widgets()
        focused = self.focused
        position = widgets.index(focused) if focused in widgets else -1
        if position < 0:
            name = self._pane_of(focused) or "list"
            position = ["list", "text", "side", "facts"].index(name)
        target = widgets[(position + step) % len(widgets)]
        self.pane = self._pane_of(target) or "list"
        self.set_focus(target)

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def on_descendant_focus(self) -> None:
        name = self._pane_of(self.focused)
        if name is None or name == self.pane:
            return
        # On a narrow terminal, focus inside a hidden pane is not a choice of
        # the user's: when the list pane hides, Textual moves the list's focus
        # to a sibling (the filter box), hidden too, sometimes before
        # focus_pane's own focus arrives. Following it would show the list
        # again; the shown pane takes the focus back instead.
        if self.narrow and not self._shows(self.focused):
            self.set_focus(self._pane_widget(self.pane))
            return
        self.pane = name

    def _shows(self, widget: Widget | None) -> bool:
        """Whether every pane around ``widget`` is shown (the narrow layout)."""
        node = widget
        while node is not None and node is not self:
            if node.has_class("pane") and not node.has_class("-current"):
                return False
            node = node.parent  # type: ignore[assignment]
        return True

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tabs.active != event.tab.id:
            # Posted when the pane changed, and the pane has changed again
            # since (keys typed ahead): following it would undo that change,
            # and its own tab change would post another such message.
            return
        name = (event.tab.id or "tab-list").removeprefix("tab-")
        if name != self.pane:
            self.focus_pane(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Back is for the text, summary and facts: in the list, h and
        # backspace are letters to filter with (and escape is the list's).
        if action == "back":
            return self.pane != "list"
        return True

    def action_back(self) -> None:
        self.focus_pane("list")

    # Daily use: open elsewhere, copy, sort, read marks, views ----------------

    def action_open_url(self) -> None:
        self.outside.open_url()

    def action_edit_file(self) -> None:
        self.outside.run_on_file(pager=False)

    def action_page_file(self) -> None:
        self.outside.run_on_file(pager=True)

    def action_copy_summary(self) -> None:
        self.outside.copy_summary()

    def action_copy_url(self) -> None:
        self.outside.copy_url()

    def action_sort(self) -> None:
        self.list_controls.next_sort()

    def action_unread_only(self) -> None:
        self.list_controls.toggle_unread_only()

    def action_toggle_read(self) -> None:
        self.list_controls.toggle_read()

    def action_all_read(self) -> None:
        self.list_controls.all_read()

    def action_views(self) -> None:
        self.list_controls.choose_view()

    def action_tag_browser(self) -> None:
        self.list_controls.browse_tags()

    def action_stories(self) -> None:
        # Imported on first use: start-up should not pay for the briefing view.
        from briefing.tui.screens.stories import StoriesScreen, StoryCache

        if not hasattr(self, "_stories"):
            self._stories = StoryCache()
        entries = list(self.entries.values())
        derived = self.briefing_app.derived
        screen = StoriesScreen(entries, self.catalogue, derived, self._stories, self.sentences)
        self.app.push_screen(screen, self._story_chosen)

    def _story_chosen(self, story: ChosenStory | None) -> None:
        if story is None:
            return
        self.searching.reset()
        title = f"{len(story.article_ids)} in story: {story.headline} · esc: all"
        self.list_state.set(ListMode("story", story.article_ids, title))
        self.focus_pane("list")

    def action_narrower_list(self) -> None:
        self.list_controls.resize("list", -1)

    def action_wider_list(self) -> None:
        self.list_controls.resize("list", 1)

    def action_narrower_side(self) -> None:
        self.list_controls.resize("side", -1)

    def action_wider_side(self) -> None:
        self.list_controls.resize("side", 1)

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
