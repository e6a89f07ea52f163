"""Parsing fetched feeds, in a worker process when many arrive at once.

feedparser is pure Python: parsing 50 feeds of 40 full-text entries costs
about 0.8 s of CPU, as much as fetching and writing them together. In
threads it would share one core with the fetching and writing; a worker
process parses on another core while this one goes on. The worker starts
(about 0.2 s) while the first requests are on their way, so it costs no
time; a few feeds are parsed in a thread, as starting it would cost more
than it saves. If the worker cannot run, feeds are parsed in threads.
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import TYPE_CHECKING

from briefing.library.loaders.feed import ParsedFeed, parse_feed
from briefing.storage.processes import cpu_count, spawn_pool

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["POOL_MIN_FEEDS", "FeedParsing"]

POOL_MIN_FEEDS = 8


class FeedParsing:
    """``parse`` for the feeds of one update run; an async context manager."""

    def __init__(self, feeds: int) -> None:
        self._wanted = feeds >= POOL_MIN_FEEDS and cpu_count() >= 2
        self._pool: ProcessPoolExecutor | None = None

    async def __aenter__(self) -> FeedParsing:
        if self._wanted:
            try:
                # One worker: this process keeps the other core busy fetching
                # and writing. Started now, so that it is ready when the first
                # feed arrives.
                self._pool = spawn_pool(max(1, min(cpu_count() - 1, 2)))
                self._pool.submit(_ready)
            except (OSError, RuntimeError, ValueError):
                self._pool = None
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, True, cancel_futures=True)

    @property
    def in_worker(self) -> bool:
        """Whether feeds are being parsed in a worker process."""
        return self._pool is not None

    async def parse(self, body: bytes, content_type: str | None) -> ParsedFeed:
        """The feed in ``body``; ArticleFormatError when it is none."""
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is not None:
            try:
                return await asyncio.wrap_future(self._pool.submit(parse_feed, body, content_type))
            except (BrokenProcessPool, OSError, RuntimeError):
                # The worker died or could not start ("spawn" needs a main
                # module it can import): the rest is parsed here.
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
        return await asyncio.to_thread(parse_feed, body, content_type)


def _ready() -> None:
    # Imported in the worker before the first feed arrives.
    import feedparser  # noqa: F401
