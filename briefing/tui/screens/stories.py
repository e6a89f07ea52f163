"""The briefing view: the library's stories, each with its headline, source
count and summary. ``enter`` answers with the chosen story (the reader then
lists its articles); ``escape`` goes back.

The digest is built in a thread worker (reading every article, grouping,
summarising) with a progress bar, and kept in ``StoryCache`` by the reader,
so that opening the view again is instant while the library is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, OptionList, ProgressBar
from textual.widgets.option_list import Option

from briefing.tui.messages import message

if TYPE_CHECKING:
    from briefing.library.catalogue import Catalogue
    from briefing.search import Entry
    from briefing.storage.cache import DerivedCache

__all__ = ["ChosenStory", "StoriesScreen", "StoryCache"]


@dataclass(frozen=True)
class ChosenStory:
    headline: str
    article_ids: tuple[str, ...]


@dataclass
class StoryCache:
    """The last digest (as its JSON record) and the library it was made of."""

    key: tuple[str, ...] = ()
    record: dict[str, Any] | None = None
    stories: list[dict[str, Any]] = field(default_factory=list)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def story_prompt(story: dict[str, Any]) -> Text:
    """A story as plain text (never markup): headline, counts, summary."""
    sources = len(story["sources"])
    count = len(story["articles"])
    text = Text(story["headline"], style="bold")
    meta = "\n" + _count(count, "article", "articles")
    if sources:
        meta += " · " + _count(sources, "source", "sources")
    text.append(meta, style="dim")
    for sentence in story["summary"]["sentences"]:
        text.append("\n• ")
        text.append(sentence["text"])
        text.append(f" — {sentence['source']}", style="dim italic")
    text.append("\n")  # a blank line between stories
    return text


class StoriesScreen(Screen[ChosenStory | None]):
    """The stories, most covered first; enter lists a story's articles."""

    DEFAULT_CSS = """
    StoriesScreen #stories-title { padding: 0 1; width: 1fr; background: $primary-background; }
    StoriesScreen #stories-progress { margin: 1 2; }
    StoriesScreen #stories { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back to the reader", id="stories.close"),
        Binding("j", "cursor_down", "Down", show=False, id="stories.down"),
        Binding("k", "cursor_up", "Up", show=False, id="stories.up"),
        Binding("g", "first", "First", show=False, id="stories.first"),
        Binding("G", "last", "Last", show=False, id="stories.last"),
    ]

    @message
    class Progress(Message):
        step: str
        done: int
        total: int

    @message
    class Built(Message):
        key: tuple[str, ...]
        record: dict[str, Any]

    def __init__(
        self,
        entries: Sequence[Entry],
        catalogue: Catalogue | None,
        derived: DerivedCache | None,
        cache: StoryCache,
        sentences: int = 3,
    ) -> None:
        super().__init__()
        self.entries = list(entries)
        self.catalogue = catalogue
        self.derived = derived
        self.cache = cache
        self.sentences = sentences

    def compose(self) -> ComposeResult:
        yield Label("Briefing: building the stories…", id="stories-title", markup=False)
        yield ProgressBar(id="stories-progress", show_eta=False)
        yield OptionList(id="stories", markup=False)

    def on_mount(self) -> None:
        key = tuple(sorted(e.id for e in self.entries))
        if self.cache.record is not None and self.cache.key == key:
            self._show(self.cache.record)
        else:
            self._build(key)

    @work(thread=True, exclusive=True, group="stories")
    def _build(self, key: tuple[str, ...]) -> None:
        from textual.worker import get_current_worker

        from briefing.analysis.derived import cached_summary, facts_for, terms_for
        from briefing.analysis.stories import build_digest
        from briefing.analysis.summarize import Length
        from briefing.library.dates import published_at
        from briefing.presentation.digest_report import digest_record

        worker = get_current_worker()
        articles = []
        for done, entry in enumerate(self.entries, 1):
            if worker.is_cancelled:
                return
            article = self.catalogue.article(entry.id, entry.path) if self.catalogue else None
            if article is not None:
                articles.append(article)
            if done % 50 == 0:
                self.post_message(self.Progress("reading", done, len(self.entries)))
        length, cache = Length(self.sentences), self.derived
        digest = build_digest(
            articles,
            lambda a: cached_summary(a, "default", length, cache).indices,
            lambda chosen: facts_for(chosen, cache),
            dates=[published_at(a) for a in articles],
            sentences=self.sentences,
            progress=self._report,
            terms_of=lambda chosen: terms_for(chosen, cache),
        )
        self.post_message(self.Built(key, digest_record(digest)))

    def _report(self, step: str, done: int, total: int) -> None:
        self.post_message(self.Progress(step, done, total))

    @on(Progress)
    def _progress(self, message: StoriesScreen.Progress) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=message.total or None, progress=message.done)
        self.query_one("#stories-title", Label).update(f"Briefing: {message.step}…")

    @on(Built)
    def _built(self, message: StoriesScreen.Built) -> None:
        self.cache.key, self.cache.record = message.key, message.record
        self._show(message.record)

    def _show(self, record: dict[str, Any]) -> None:
        self.query_one(ProgressBar).display = False
        stories = record["stories"]
        lone = len(record["unclustered"])
        self.query_one("#stories-title", Label).update(
            f"Briefing: {_count(len(stories), 'story', 'stories')}, "
            f"{_count(lone, 'article', 'articles')} in none · "
            "enter: its articles · esc: back"
        )
        options = self.query_one(OptionList)
        options.clear_options()
        if not stories:
            options.add_option(
                Option(
                    Text("No stories: no two articles are alike.", style="italic"), disabled=True
                )
            )
        for number, story in enumerate(stories):
            options.add_option(Option(story_prompt(story), id=f"story-{number}"))
        self.cache.stories = stories
        if stories:
            options.highlighted = 0  # enter at once lists the first story
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is None:
            return
        story = self.cache.stories[int(event.option_id.removeprefix("story-"))]
        ids = tuple(a["id"] for a in story["articles"])
        self.dismiss(ChosenStory(story["headline"], ids))

    def action_close(self) -> None:
        self.workers.cancel_group(self, "stories")
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_first(self) -> None:
        self.query_one(OptionList).action_first()

    def action_last(self) -> None:
        self.query_one(OptionList).action_last()
