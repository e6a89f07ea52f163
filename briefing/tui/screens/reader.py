"""The reader: article list | full text | summary, side by side.

The screen coordinates: it owns the library, answers the widgets' messages,
and runs the slow work (loading files, summarising) in thread workers so that
no keypress ever waits for it.
"""

from __future__ import annotations

import os
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

from briefing.analysis import cached_summary, facts_for
from briefing.library import (
    LibraryError,
    Problem,
    find_article_files,
    load_article_file,
)
from briefing.model import Article, Summary
from briefing.sources import ArticleFormatError
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
    from briefing.tui.app import BriefingApp

__all__ = ["ReaderScreen"]

NARROW_WIDTH = 100
MAX_SENTENCES = 30
# Libraries up to this many files are read before the first frame.
SMALL_LIBRARY = 200
# A big library arrives in batches: a first screenful quickly, then larger
# batches so that the message queue is not flooded.
FIRST_BATCH = 60
BATCH = 1000


class LibraryBatch(Message):
    """Articles loaded by the worker (posted in batches while it reads)."""

    def __init__(self, articles: list[Article], problems: list[Problem], done: bool,
                 total: int) -> None:  # fmt: skip
        super().__init__()
        self.articles = articles
        self.problems = problems
        self.done = done
        self.total = total


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


def meta_text(article: Article) -> str:
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
        Binding("f", "filter", "Filter", id="reader.filter"),
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
        self.articles: dict[str, Article] = {}
        self.problems: list[Problem] = []
        self.current: Article | None = None
        self.facts: dict[str, list[Fact]] = {}
        self.narrowed = False
        self.loaded = False
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
        """Small libraries load at once, so the first frame shows them; big
        ones load in a worker that posts batches while the list paints."""
        try:
            files = find_article_files(self.paths) if self._is_small() else None
        except LibraryError as error:
            self._library_batch(LibraryBatch([], [Problem(Path("."), str(error))], True, 0))
            return
        if files is None:
            # Start after the first frame: the worker and the first paint would
            # otherwise take turns at the interpreter lock and both finish later.
            self.call_after_refresh(self._load_library)
            return
        seen: set[str] = set()
        articles, problems = self._read(files, seen)
        self._library_batch(LibraryBatch(articles, problems, True, len(files)))

    def _is_small(self) -> bool:
        """Whether the paths hold at most SMALL_LIBRARY entries (stops counting early)."""
        count = 0
        pending = list(self.paths)
        while pending:
            path = pending.pop()
            if not path.is_dir():
                count += 1
            else:
                with os.scandir(path) as entries:
                    for entry in entries:
                        count += 1
                        if entry.is_dir(follow_symlinks=True):
                            pending.append(Path(entry.path))
                        if count > SMALL_LIBRARY:
                            return False
        return True

    def _read(self, files: list[Path], seen: set[str]) -> tuple[list[Article], list[Problem]]:
        articles: list[Article] = []
        problems: list[Problem] = []
        for path in files:
            try:
                loaded = load_article_file(path, self.briefing_app.max_bytes)
            except ArticleFormatError as error:
                problems.append(Problem(path, str(error)))
                continue
            for article in loaded:
                if article.id not in seen:
                    seen.add(article.id)
                    articles.append(article)
        return articles, problems

    @work(thread=True, exclusive=True, group="library")
    def _load_library(self) -> None:
        """Read a big library in a thread, posting articles in batches."""
        try:
            files = find_article_files(self.paths)
        except LibraryError as error:
            self.post_message(LibraryBatch([], [Problem(Path("."), str(error))], True, 0))
            return
        seen: set[str] = set()
        problems: list[Problem] = []
        position = 0
        size = FIRST_BATCH
        while position < len(files):
            chunk = files[position : position + size]
            position += len(chunk)
            articles, chunk_problems = self._read(chunk, seen)
            problems.extend(chunk_problems)
            done = position >= len(files)
            self.post_message(LibraryBatch(articles, problems if done else [], done, len(files)))
            size = BATCH
        if not files:
            self.post_message(LibraryBatch([], [], True, 0))

    @on(LibraryBatch)
    def _library_batch(self, message: LibraryBatch) -> None:
        article_list = self.query_one(ArticleList)
        read = self.briefing_app.read_state
        entries = []
        for article in message.articles:
            self.articles[article.id] = article
            entries.append(
                ListEntry(article.id, article.title, meta_text(article), read=article.id in read)
            )
        article_list.add_entries(entries)
        self.problems.extend(message.problems)
        count = article_list.entry_count
        if not message.done:
            status = f"loading {count:,} of about {message.total:,} files…"
            self.query_one("#title-bar", Static).update(self._title_text(status))
            return
        self.loaded = True
        self.query_one("#title-bar", Static).update(
            self._title_text(f"{count:,} article{'s' if count != 1 else ''}")
        )
        article_list.empty_message = "No articles match the filter."
        if self.problems:
            self._report_problems()
        if not self.articles:
            self.briefing_app.show_empty_library(len(self.problems))
            return
        self.start_bookmarks(self.briefing_app.bookmarks_path)
        if self.current is None and article_list.current is not None:
            self._open(article_list.current.id, focus=False)

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

    def _open(self, article_id: str, focus: bool = False) -> None:
        article = self.articles.get(article_id) or self.remote_article(article_id)
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
        if focus:
            self.briefing_app.mark_read(article.id)
            self.query_one(ArticleList).update_entry(article.id, read=True)
            self._focus_pane("text")

    def _length(self, sentences: int) -> Length:
        return Length(sentences=sentences)

    @work(thread=True, exclusive=True, group="summary")
    def _summarize(self, article: Article, algorithm: str, sentences: int) -> None:
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
        self._find_entity(message.key, message.label, list(self.articles.values()))

    @work(thread=True, exclusive=True, group="entities")
    def _find_entity(self, key: str, label: str, articles: list[Article]) -> None:
        from briefing.facts import build_index

        known = dict(self.facts)
        missing = [a for a in articles if a.id not in known]
        if missing:
            known.update(facts_for(missing, self.briefing_app.derived))
        index = build_index(articles, facts_of=lambda a: known.get(a.id, []))
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
        self.query_one(ArticleList).set_filter(message.text)
        if isinstance(message, FilterBar.Done):
            self._focus_pane("list")

    @on(ArticleList.TypedToFilter)
    def _typed_to_filter(self, message: ArticleList.TypedToFilter) -> None:
        bar = self.query_one(FilterBar)
        bar.value += message.character
        bar.cursor_position = len(bar.value)
        bar.focus()

    def action_filter(self) -> None:
        self.pane = "list"
        self.call_after_refresh(self.query_one(FilterBar).focus)

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
