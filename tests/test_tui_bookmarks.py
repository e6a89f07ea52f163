"""Bookmarks in the reader: toggle, note, tags, the bookmarks-only list, sharing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import STORY_TITLE, write
from tui_helpers import SECOND_TITLE, make_app, make_library, settle

from briefing.bookmarks import BookmarkStore, bookmark_article
from briefing.library.load import load_library
from briefing.tui.screens.editors import NoteEditor, TagEditor
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.bookmark_panel import BookmarkPanel


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library")


def entries(path: Path) -> list[dict]:
    return json.loads(path.read_text())["bookmarks"]


async def test_b_toggles_a_bookmark_with_marker_and_panel(library: Path, tmp_path: Path) -> None:
    file = tmp_path / "marks.json"
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        panel = app.screen.query_one(BookmarkPanel)
        assert not panel.display
        await pilot.press("b")
        await settle(pilot)
        (entry,) = entries(file)
        assert entry["title"] == STORY_TITLE and entry["deleted"] is False
        assert entry["excerpt"]  # someone without the article still learns what it says
        assert articles.current is not None and articles.current.bookmarked
        assert "★" in articles.render_line(0).text
        assert panel.display
        await pilot.press("b")
        await settle(pilot)
        assert entries(file)[0]["deleted"] is True  # a tombstone, so the removal travels
        assert not articles.current.bookmarked and not panel.display


async def test_note_and_tags_are_edited_in_modal_editors(library: Path, tmp_path: Path) -> None:
    file = tmp_path / "marks.json"
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # not bookmarked yet: writing a note bookmarks it
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check the [bold]dredging[/] figures")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, TagEditor)
        await pilot.press(*"port, Budget")
        await pilot.press("enter")
        await settle(pilot)
        (entry,) = entries(file)
        assert entry["note"] == "Check the [bold]dredging[/] figures"
        assert entry["tags"] == ["Budget", "port"]
        panel_text = str(app.screen.query_one(BookmarkPanel).render())
        assert "[bold]dredging[/]" in panel_text  # markup in a note shows literally
        await pilot.press("t")
        await pilot.press("ctrl+u", *"port")
        await pilot.press("enter")
        await settle(pilot)
        assert entries(file)[0]["tags"] == ["port"]


async def test_bookmarks_only_lists_shared_entries_we_do_not_have(
    library: Path, tmp_path: Path
) -> None:
    file = tmp_path / "marks.json"
    store = BookmarkStore(file)
    local = next(a for a in load_library([library]).articles if a.title == SECOND_TITLE)
    store.edit(local.id, lambda e: bookmark_article(local, e, note="mine"))
    foreign = write(tmp_path / "other" / "far.txt", "Far Away Story\n\nSomething happened far away. "
                    "People noticed.\n")  # fmt: skip
    far = load_library([foreign]).articles[0]
    store.edit(far.id, lambda e: bookmark_article(far, e, note="from a colleague"))
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.visible_count == 3  # shared entries stay out of the normal list
        await pilot.press("B")
        await settle(pilot)
        assert articles.visible_count == 2
        ids = articles.visible_ids()
        assert ids[0] == local.id and ids[1].endswith(far.id)
        articles.cursor = 1
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title == "Far Away Story"
        assert "Something happened far away." in view.article.body
        assert "not in your library" in str(app.screen.query_one(BookmarkPanel).render())
        articles.focus()
        await pilot.press("escape")
        assert articles.visible_count == 3


async def test_changes_by_another_program_show_up(library: Path, tmp_path: Path) -> None:
    file = tmp_path / "marks.json"
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        entry = next(e for e in app.screen.entries.values() if e.title == SECOND_TITLE)
        second = app.screen.article(entry.id)
        BookmarkStore(file).edit(second.id, lambda e: bookmark_article(second, e))
        app.screen._poll_bookmarks()  # what the 2-second timer does
        await settle(pilot)
        assert articles.select(second.id) and articles.current.bookmarked


async def test_a_damaged_bookmark_file_is_never_overwritten(library: Path, tmp_path: Path) -> None:
    file = tmp_path / "marks.json"
    file.write_text('{"format": "briefing.bookmarks", "version": 1, "bookmarks": [oops')
    before = file.read_bytes()
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert any("marks.json" in n.message for n in app._notifications)
        await pilot.press("b")
        await settle(pilot)
    assert file.read_bytes() == before
