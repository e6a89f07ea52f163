"""`r` in the reader: the feeds update in a worker and new articles join the list."""

from __future__ import annotations

import json
from pathlib import Path

from feedserver import FeedServer, rss, story
from tui_helpers import make_app, make_library, settle

from briefing.library.files import bundled_articles_dir
from briefing.tui.widgets.article_list import ArticleList


def subscribe(home: Path, *urls: str) -> None:
    path = home / "xdg_config_home" / "briefing" / "feeds.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    feeds = [{"url": url} for url in urls]
    path.write_text(json.dumps({"format": "briefing.feeds", "version": 1, "feeds": feeds}))


async def wait_for_update(pilot) -> None:
    for _ in range(100):
        await settle(pilot)
        if not pilot.app.reader.updating.running:
            break
    await settle(pilot)


async def test_r_brings_new_articles_marked_new_until_opened(
    feed_server: FeedServer, tmp_path: Path, isolated_dirs: Path
) -> None:
    items = [
        {"title": f"Feed story {n}", "link": f"http://example.invalid/{n}", "guid": f"g{n}",
         "description": story(n)}
        for n in range(2)
    ]  # fmt: skip
    feed_server.add("/rss", rss("Harbour Gazette [bold]", items))
    subscribe(isolated_dirs, feed_server.url("/rss"), feed_server.url("/gone"))
    library = make_library(tmp_path / "lib")
    app = make_app(library, library=library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await wait_for_update(pilot)
        entries = {e.title: e for e in app.reader.query_one(ArticleList)._entries}
        assert {"Feed story 0", "Feed story 1"} <= set(entries)
        new = entries["Feed story 0"]
        assert new.new and "Harbour Gazette [bold]" in new.meta
        assert not any(e.new for t, e in entries.items() if not t.startswith("Feed story"))
        title_bar = str(app.reader.query_one("#title-bar").render())
        assert "articles" in title_bar
        app.reader.open_article(new.id)
        await settle(pilot)
        entries = {e.title: e for e in app.reader.query_one(ArticleList)._entries}
        assert not entries["Feed story 0"].new and entries["Feed story 1"].new
        # The files were written into the library folder, one folder per feed.
        assert (library / "harbour-gazette-bold").is_dir()


async def test_an_update_into_an_empty_library_replaces_the_samples(
    feed_server: FeedServer, tmp_path: Path, isolated_dirs: Path
) -> None:
    feed_server.add("/rss", rss("Gazette", [{"title": "Only story", "guid": "x",
                                              "description": story(1)}]))  # fmt: skip
    subscribe(isolated_dirs, feed_server.url("/rss"))
    library = tmp_path / "empty-lib"
    app = make_app(bundled_articles_dir(), library=library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert len(app.reader.query_one(ArticleList)._entries) == 3  # the samples
        await pilot.press("r")
        await wait_for_update(pilot)
        titles = [e.title for e in app.reader.query_one(ArticleList)._entries]
        assert titles == ["Only story"]
        assert app.reader.paths == [library]


async def test_r_without_feeds_says_how_to_add_one(tmp_path: Path) -> None:
    app = make_app(make_library(tmp_path / "lib"), library=tmp_path / "lib")
    notes: list[str] = []
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        original = app.reader.notify
        app.reader.notify = lambda message, **kw: notes.append(message) or original(message, **kw)  # type: ignore[method-assign]
        await pilot.press("r")
        await wait_for_update(pilot)
        # The title bar keeps its count (it was left empty).
        assert "3 articles" in str(app.reader.query_one("#title-bar").render())
    assert any("briefing feeds add" in n for n in notes)
