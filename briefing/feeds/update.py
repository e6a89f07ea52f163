"""The update run: every feed fetched at once, each entry written into the library.

One feed's failure (network, HTTP status, a document that is no feed) is
that feed's outcome, with its reason; the others go on. A feed that fails
leaves its folder exactly as it was: nothing is written before its
document has been fetched and parsed, and every file is written atomically.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from briefing.feeds.folder import FeedFolder, LibraryIndex, State, Written
from briefing.feeds.http import Fetcher, FetchError, RetryLater
from briefing.feeds.parsing import FeedParsing
from briefing.feeds.subscriptions import Subscription
from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.loaders.feed import FeedEntry, ParsedFeed, entry_article
from briefing.library.model import Article
from briefing.storage.fsutil import slugify

__all__ = ["FeedOutcome", "UpdateEvents", "run_update", "update_feeds"]

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


@dataclass
class FeedOutcome:
    feed: Subscription
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    error: str | None = None
    waiting: str | None = None  # the server asked us to come back later
    not_modified: bool = False  # the server said 304: nothing changed since last time
    problems: list[str] = field(default_factory=list)  # entries skipped, and why

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass
class UpdateEvents:
    """Callbacks, called on the thread that runs the update."""

    feed_done: Callable[[FeedOutcome], None] = lambda outcome: None
    article_written: Callable[[Written], None] = lambda written: None


def run_update(
    feeds: Sequence[Subscription],
    library: Path,
    events: UpdateEvents | None = None,
    fetcher: Callable[[], Fetcher] = Fetcher,
) -> list[FeedOutcome]:
    """Update every feed (concurrently); one outcome per feed, in their order."""
    return asyncio.run(update_feeds(feeds, library, events or UpdateEvents(), fetcher))


async def update_feeds(
    feeds: Sequence[Subscription],
    library: Path,
    events: UpdateEvents,
    fetcher: Callable[[], Fetcher] = Fetcher,
) -> list[FeedOutcome]:
    folders = _Folders(library, feeds)
    async with fetcher() as client, FeedParsing(len(feeds)) as parsing:

        async def one(feed: Subscription) -> FeedOutcome:
            try:
                outcome = await _update_one(client, parsing, feed, folders, events)
            except OSError as error:
                outcome = FeedOutcome(feed, error=f"cannot write: {error.strerror or error}")
            events.feed_done(outcome)
            return outcome

        return list(await asyncio.gather(*(one(feed) for feed in feeds)))


class _Folders:
    """Each feed's sub-folder: the one it has, else one named after the feed
    (its name, else its title once read, else its host), never one that
    another feed uses."""

    def __init__(self, library: Path, feeds: Sequence[Subscription]) -> None:
        self.library = library
        self.taken = {f.folder for f in feeds if f.folder}
        self.index = LibraryIndex(library)

    def claim(self, feed: Subscription, title: str | None) -> str:
        if feed.folder:
            return feed.folder
        base = slugify(feed.name or title or urlsplit(feed.url).netloc, 60)
        folder, number = base, 2
        while folder in self.taken or self._foreign(folder, feed.url):
            folder, number = f"{base}-{number}", number + 1
        self.taken.add(folder)
        return folder

    def _foreign(self, folder: str, url: str) -> bool:
        # A folder already there is another feed's, or the user's own.
        path = self.library / folder
        return path.exists() and FeedFolder(path).state.url != url


async def _update_one(
    client: Fetcher,
    parsing: FeedParsing,
    feed: Subscription,
    folders: _Folders,
    events: UpdateEvents,
) -> FeedOutcome:
    outcome = FeedOutcome(feed)
    # A feed never updated has no folder yet: it is named after the title.
    folder = FeedFolder(folders.library / feed.folder, folders.index) if feed.folder else None
    state = folder.state if folder is not None else State()
    if state.not_before and state.not_before > time.time():
        outcome.waiting = "the server asked to wait until " + time.strftime(
            "%H:%M", time.localtime(state.not_before)
        )
        return outcome
    # A changed address starts afresh: its validators belong to the old one.
    same = state.url == feed.url
    try:
        response = await client.get(
            feed.url,
            state.etag if same else None,
            state.last_modified if same else None,
            FEED_ACCEPT,
        )
    except RetryLater as error:
        if folder is not None:
            state.not_before = error.not_before
            await asyncio.to_thread(folder.save_state)
        outcome.error = str(error)
        return outcome
    except FetchError as error:
        outcome.error = str(error)
        return outcome
    if response.status == 304:
        outcome.not_modified = True
        return outcome
    try:
        parsed = await parsing.parse(response.body, response.content_type)
    except ArticleFormatError as error:
        outcome.error = str(error)
        return outcome
    entries = await _with_full_text(client, feed, parsed.entries, outcome)
    if folder is None:
        feed = replace(feed, folder=folders.claim(feed, parsed.title))
        folder = FeedFolder(folders.library / str(feed.folder), folders.index)
        state = folder.state
    state.url, state.title = feed.url, parsed.title or state.title
    state.etag, state.last_modified, state.not_before = (
        response.etag,
        response.last_modified,
        None,
    )
    await asyncio.to_thread(_write_all, folder, feed, parsed, entries, outcome, events)
    outcome.feed = replace(feed, title=parsed.title or feed.title)
    return outcome


async def _with_full_text(
    client: Fetcher, feed: Subscription, entries: list[FeedEntry], outcome: FeedOutcome
) -> list[FeedEntry]:
    """Entries whose text is only a teaser (or all, with --full-text) get the
    main text of their page; when that fails the feed's own text stays."""

    async def complete(entry: FeedEntry) -> FeedEntry:
        if not entry.url or not (feed.full_text or entry.is_teaser):
            return entry
        try:
            page = await client.get(entry.url, accept="text/html,application/xhtml+xml")
            text = await asyncio.to_thread(_page_text, page.body, page.content_type, page.url)
        except (FetchError, ArticleFormatError) as error:
            if not entry.text:
                outcome.problems.append(f"{entry.title!r}: its page: {error}")
            return entry
        return replace(entry, text=text) if len(text) > len(entry.text) else entry

    return list(await asyncio.gather(*(complete(e) for e in entries)))


def _page_text(body: bytes, content_type: str | None, url: str) -> str:
    from briefing.library.loaders.html import extract_page
    from briefing.library.text import DecodeError, decode_bytes

    kind = (content_type or "").split(";")[0].strip().lower()
    if kind and "html" not in kind and "xml" not in kind:
        raise ArticleFormatError(f"not a web page ({kind})")
    try:
        html = decode_bytes(body)
    except DecodeError as error:
        raise ArticleFormatError(str(error)) from None
    return extract_page(html, url).text


def _write_all(
    folder: FeedFolder,
    feed: Subscription,
    parsed: ParsedFeed,
    entries: list[FeedEntry],
    outcome: FeedOutcome,
    events: UpdateEvents,
) -> None:
    source = parsed.title or feed.title or feed.name
    queued: list[Written] = []
    for entry in entries:
        try:
            article: Article = entry_article(entry, source)
            written = folder.write(article, {"feed": feed.url, "guid": entry.guid})
        except ArticleFormatError as error:
            outcome.problems.append(str(error))
            continue
        if written.kind == "new":
            outcome.new += 1
        elif written.kind == "updated":
            outcome.updated += 1
        else:
            outcome.unchanged += 1
        if written.path is not None:
            queued.append(written)
    folder.flush()
    for written in queued:
        events.article_written(written)
