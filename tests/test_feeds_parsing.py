"""Feeds parsed in a worker process: the same articles as in a thread, the
same errors, and threads again when the worker cannot run."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
from feedserver import FeedServer, rss, story

from briefing.feeds import parsing
from briefing.feeds.http import Fetcher
from briefing.feeds.parsing import FeedParsing
from briefing.feeds.subscriptions import Subscription
from briefing.feeds.update import run_update
from briefing.library.loaders.errors import ArticleFormatError

FEEDS = 10  # at least POOL_MIN_FEEDS


def document(feed: int) -> bytes:
    items = [
        {
            "title": f"Feed {feed} story {n}",
            "guid": f"f{feed}-{n}",
            "description": story(feed * 10 + n),
        }
        for n in range(3)
    ]
    return rss(f"Gazette {feed}", items).encode()


def written(library: Path) -> dict[str, str]:
    return {
        p.relative_to(library).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(library.rglob("*.md"))
    }


def test_many_feeds_parsed_in_a_worker_write_what_threads_write(
    feed_server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(FEEDS):
        feed_server.add(f"/f{n}", document(n).decode())
    feed_server.add("/broken", "<rss><channel><title>Cut off")
    feeds = [Subscription(feed_server.url(f"/f{n}")) for n in range(FEEDS)]
    feeds.append(Subscription(feed_server.url("/broken")))

    pooled = run_update(feeds, tmp_path / "pooled", fetcher=lambda: Fetcher(timeout=10))
    monkeypatch.setattr(parsing, "POOL_MIN_FEEDS", 10_000)
    threaded = run_update(feeds, tmp_path / "threaded", fetcher=lambda: Fetcher(timeout=10))

    assert [(o.new, o.error) for o in pooled] == [(o.new, o.error) for o in threaded]
    assert [o.new for o in pooled[:FEEDS]] == [3] * FEEDS
    assert pooled[-1].error is not None and "malformed" in pooled[-1].error
    assert written(tmp_path / "pooled") == written(tmp_path / "threaded")
    assert len(written(tmp_path / "pooled")) == 3 * FEEDS


def test_a_worker_parses_and_raises_the_feed_error() -> None:
    async def main() -> None:
        async with FeedParsing(FEEDS) as feeds:
            assert feeds.in_worker
            parsed = await feeds.parse(document(1), "application/rss+xml")
            assert parsed.title == "Gazette 1" and len(parsed.entries) == 3
            with pytest.raises(ArticleFormatError, match="not a feed"):
                await feeds.parse(b"<html><body>a page</body></html>", "text/html")

    asyncio.run(main())


def test_a_few_feeds_are_parsed_here() -> None:
    async def main() -> None:
        async with FeedParsing(2) as feeds:
            assert not feeds.in_worker
            parsed = await feeds.parse(document(2), None)
            assert len(parsed.entries) == 3

    asyncio.run(main())


def test_when_the_worker_dies_the_rest_is_parsed_in_threads() -> None:
    async def main() -> None:
        async with FeedParsing(FEEDS) as feeds:
            first = await feeds.parse(document(3), None)
            pool = feeds._pool
            assert pool is not None
            for pid in list(pool._processes):  # the worker, killed as the OOM killer would
                os.kill(pid, signal.SIGKILL)
            second = await feeds.parse(document(3), None)
            assert not feeds.in_worker
            assert second == first

    asyncio.run(main())
