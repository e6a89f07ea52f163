"""The reader's briefing view (`D`): stories built in a worker, enter lists
a story's articles, esc goes back; the second opening comes from the cache."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import make_app, settle

from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.screens.stories import StoriesScreen
from briefing.tui.widgets.article_list import ArticleList
from tests.digest_fixtures import ELECTION, STRIKE, write_library


async def test_briefing_view_lists_stories_and_narrows_the_list(tmp_path: Path) -> None:
    app = make_app(write_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        commands = [c.title for c in app.screen.palette_commands()]
        assert "Briefing: stories" in commands  # also in the command palette
        await pilot.press("D")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        from textual.widgets import OptionList

        options = screen.query_one(OptionList)
        assert options.option_count == 2
        first = str(options.get_option_at_index(0).prompt)
        assert first.splitlines()[1] == "3 articles · 3 sources"
        assert "Harbour Times" in first and any(t in first for t, *_ in STRIKE)
        assert "[" not in first or "[bold]" not in first  # a plain Text, not markup
        assert options.highlighted == 0  # the first story, ready for enter
        await pilot.press("G")
        assert options.highlighted == 1
        await pilot.press("g")
        assert options.highlighted == 0
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        listed = app.screen.query_one(ArticleList)
        titles = {app.screen.entries[i].title for i in listed.visible_ids()}
        assert titles == {t for t, *_ in ELECTION}
        await pilot.press("escape")  # in the list: every article again
        await settle(pilot)
        assert listed.visible_count == 7


async def test_briefing_view_escape_and_cache(tmp_path: Path) -> None:
    app = make_app(write_library(tmp_path / "lib"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        built = app.screen.cache.record
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        assert app.screen.cache.record is built  # shown again without rebuilding


async def test_enter_at_once_lists_the_first_story(tmp_path: Path) -> None:
    app = make_app(write_library(tmp_path / "lib"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        listed = app.screen.query_one(ArticleList)
        assert {app.screen.entries[i].title for i in listed.visible_ids()} == {
            t for t, *_ in STRIKE
        }
