"""Full-text search in the reader: the list ranks as you type, matches are marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY_TITLE
from textual.pilot import Pilot
from tui_helpers import SECOND_TITLE, make_app, make_library, settle

from briefing.tui.screens.editors import NoteEditor
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.filter_bar import FilterBar


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library")


async def searched(pilot: Pilot) -> None:
    """Wait until the list shows the results for what is in the box."""
    bar = pilot.app.screen.query_one(FilterBar)
    for _ in range(200):  # the search waits for typing to pause, then runs in a worker
        await pilot.pause(0.05)
        if pilot.app.screen.searched_text == bar.value:
            break
    await settle(pilot)


async def type_search(pilot: Pilot, text: str) -> None:
    await pilot.press("slash", *text)
    await searched(pilot)


async def test_search_ranks_the_list_and_marks_matches(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await type_search(pilot, "dredging")
        assert articles.visible_count == 1
        assert articles.current is not None and articles.current.title == STORY_TITLE
        assert "dredging" in articles.render_line(1).text  # the snippet replaces the meta line
        assert articles.border_title.startswith("1 match")
        await pilot.press("enter")  # from the box to the list
        await pilot.press("enter")  # open the article
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and len(view.matches) == 1
        start, end = view.matches[0]
        assert view.article.body[start:end].lower() == "dredging"
        await pilot.press("n")
        assert view.current_match == view.matches[0]
        articles.focus()
        await pilot.press("escape")  # back to every article
        await pilot.press("f", "escape")
        await settle(pilot)
        assert articles.visible_count == 3


async def test_search_prefix_phrase_and_no_match_suggestions(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await type_search(pilot, "strik")  # as you type: a prefix
        assert [articles.current.title] == [SECOND_TITLE]
        await pilot.press("ctrl+u")
        await pilot.press(*'"rail strike" OR library')
        await searched(pilot)
        assert articles.visible_count == 2
        await pilot.press("ctrl+u")
        await pilot.press(*"harbur ")
        await searched(pilot)
        assert articles.visible_count == 0
        assert "harbour" in articles.empty_message  # a close spelling from the index


async def test_n_edits_the_note_when_there_is_nothing_to_jump_to(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open: focus goes to the text, no search active
        await settle(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)


async def test_is_bookmarked_searches_bookmarks(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await type_search(pilot, "is:bookmarked")
        assert articles.visible_ids() == [articles.current.id]
        assert articles.current.title == STORY_TITLE
