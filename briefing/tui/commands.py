"""Command palette provider: open any article by typing part of its title."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen

__all__ = ["ArticleCommands"]

MAX_DISCOVERY = 20


class ArticleCommands(Provider):
    """Articles by title. Titles are built as plain Content, never as markup."""

    def _reader(self) -> ReaderScreen | None:

        # Imported here: the reader screen imports the app, which imports us.
        from briefing.tui.screens.reader import ReaderScreen

        screen = self.screen  # the screen the palette was opened from
        return screen if isinstance(screen, ReaderScreen) else None

    def _display(self, title: str, meta: str, offsets: Sequence[int] = ()) -> Content:
        content = Content("Open: ") + Content(title)
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize("bold underline", 6 + offset, 7 + offset)
        return content + Content("\n") + Content(meta).stylize("dim")

    async def discover(self) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        for article in islice(reader.entries.values(), MAX_DISCOVERY):
            yield DiscoveryHit(
                self._display(article.title, article.display_source),
                partial(reader.open_article, article.id),
                text=article.title,
            )

    async def search(self, query: str) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        from briefing.search.titles import likely_titles

        matcher = self.matcher(query)
        articles = list(reader.entries.values())
        # Only the likeliest titles are scored: scoring 100,000 took seconds a key.
        for index in likely_titles(query, [article.title for article in articles]):
            article = articles[index]
            score, offsets = matcher.fuzzy_search.match(query, article.title)
            if score > 0:
                yield Hit(
                    score,
                    self._display(article.title, article.display_source, offsets),
                    partial(reader.open_article, article.id),
                    text=article.title,
                )
