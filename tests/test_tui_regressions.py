"""Reader bugs found in review, each reproduced once, kept from coming back."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import STORY_TITLE, write
from tui_helpers import SECOND_TITLE, make_app, make_library, settle

import briefing.analysis.derived
import briefing.library.catalogue
from briefing.bookmarks import BookmarkStore, bookmark_article
from briefing.library.load import load_library
from briefing.storage.config import ConfigError, save_setting
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.bookmark_panel import BookmarkPanel
from briefing.tui.widgets.summary_view import SummaryView


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library")


async def test_a_slow_summary_never_replaces_the_one_asked_for_last(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = briefing.analysis.derived.summarize

    def slow_lexrank(article, algorithm, length):
        if algorithm == "lexrank":
            time.sleep(0.6)
        return real(article, algorithm, length)

    monkeypatch.setattr(briefing.analysis.derived, "summarize", slow_lexrank)
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s", "s")  # default -> lead -> lexrank (slow)
        await pilot.pause(0.1)
        await pilot.press("S")  # back to lead before lexrank is done
        await pilot.pause(1.0)
        await settle(pilot)
        assert app.screen.algorithm == "lead"
        assert app.screen.query_one(SummaryView).border_subtitle == "lead · 3 sentences"
        assert app.screen.query_one(ArticleView).summary == (0, 1, 2)


async def test_search_results_survive_the_end_of_a_refresh(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"dredging", "enter")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.visible_count == 1
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen._show_entries(list(screen.entries.values()), (), done=True)  # a refresh ends
        assert articles.visible_count == 1 and "1 match" in (articles.border_title or "")


async def test_typing_a_filter_after_narrowing_starts_from_every_article(
    library: Path,
) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("B")  # bookmarks only: none yet
        await settle(pilot)
        assert articles.visible_count == 0
        await pilot.press("f", *"rail")
        assert articles.visible_count == 1 and not articles.border_title
        assert articles.current is not None and articles.current.title == SECOND_TITLE


async def test_clicks_land_on_the_row_under_the_mouse(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        # Row 0 of the widget is its border; rows 1-2 the first article, 3-4 the second.
        await pilot.click("#articles", offset=(6, 4))
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title == SECOND_TITLE


async def test_tabs_in_articles_do_not_reach_the_terminal(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "t.txt", "Tabbed\tTitle\n\nCol A\tCol B\tCol C. More text here.\n")
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        rendered = "".join(view.render_line(y).text for y in range(6))
        assert "\t" not in rendered and "Col A Col B" in rendered


async def test_narrow_choosing_a_summary_sentence_shows_the_text(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")  # to the summary pane
        await pilot.pause()
        assert app.screen.pane == "side"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.pane == "text"
        assert isinstance(app.screen.focused, ArticleView)


async def test_narrow_hiding_the_focused_list_does_not_bring_it_back(library: Path) -> None:
    # CI found it under load: enter hid the list pane before the text pane's
    # focus arrived; Textual moved the list's focus to the (hidden) filter box,
    # and following that focus showed the list again. Here the pane changes
    # with no focus sent after it, which is that order every time.
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen.focused, ArticleList)
        app.screen.pane = "text"
        await settle(pilot)
        assert app.screen.pane == "text"
        assert isinstance(app.screen.focused, ArticleView)  # not the hidden filter box


async def test_bookmark_keys_work_before_a_big_library_finishes_refreshing(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "marks.json"
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:  # builds the index
        await settle(pilot)
    real = briefing.library.catalogue.Catalogue.refresh

    def slow(self, progress=None):
        time.sleep(1.5)
        return real(self, progress)

    monkeypatch.setattr(briefing.library.catalogue.Catalogue, "refresh", slow)
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause(0.4)  # listed from the index; still refreshing
        assert app.screen.query_one(ArticleList).visible_count == 3
        await pilot.press("enter")
        await pilot.pause(0.2)
        await pilot.press("b")
        await settle(pilot)
        assert [e["title"] for e in json.loads(file.read_text())["bookmarks"]] == [STORY_TITLE]


def shared_bookmark(tmp_path: Path, store: BookmarkStore, title: str, note: str) -> str:
    foreign = write(tmp_path / "elsewhere" / "x.txt", f"{title}\n\nSomething far away. Twice.\n")
    article = load_library([foreign]).articles[0]
    store.edit(article.id, lambda e: bookmark_article(article, e, note=note))
    return article.id


async def test_escapes_in_shared_bookmarks_are_shown_not_obeyed(
    library: Path, tmp_path: Path
) -> None:
    file = tmp_path / "marks.json"
    store = BookmarkStore(file)
    shared_bookmark(tmp_path, store, "Far Story", "plain")
    data = json.loads(file.read_text())
    data["bookmarks"][0]["title"] = "Far \x1b]0;PWNED\x07 Story"
    data["bookmarks"][0]["note"] = "\x1b[31mred\x1b[0m note"
    file.write_text(json.dumps(data))
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        line = articles.render_line(0).text
        assert "\x1b" not in line and "\\x1b]0;PWNED" in line
        await pilot.press("enter")
        await settle(pilot)
        panel = str(app.screen.query_one(BookmarkPanel).render())
        assert "\x1b" not in panel and "\\x1b[31mred" in panel
        view = app.screen.query_one(ArticleView)
        assert all("\x1b" not in view.render_line(y).text for y in range(5))


async def test_a_shared_bookmark_can_be_removed_and_added_again(
    library: Path, tmp_path: Path
) -> None:
    file = tmp_path / "marks.json"
    far_id = shared_bookmark(tmp_path, BookmarkStore(file), "Far Story", "theirs")
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("b")  # remove
        await settle(pilot)
        assert BookmarkStore(file).load().get(far_id).deleted
        await pilot.press("b")  # and bring it back
        await settle(pilot)
        entry = BookmarkStore(file).load().get(far_id)
        assert entry is not None and entry.live and entry.note == "theirs"
        assert all(not e.article_id.startswith("bookmark:") for e in BookmarkStore(file).load())


async def test_a_note_written_while_the_bookmark_was_removed_elsewhere_is_kept(
    library: Path, tmp_path: Path
) -> None:
    file = tmp_path / "marks.json"
    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        article_id = app.screen.current.id
        await pilot.press("n")  # the editor is open…
        BookmarkStore(file).edit(article_id, lambda e: e.removed())  # …and another copy removes it
        await pilot.press(*"keep me", "ctrl+s")
        await settle(pilot)
        entry = BookmarkStore(file).load().get(article_id)
        assert entry is not None and entry.live and entry.note == "keep me"


def test_saving_the_theme_into_a_non_utf8_config_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    with pytest.raises(ConfigError, match="not changed"):
        save_setting("theme", "nord", path)
    assert path.read_bytes() == b'theme = "caf\xe9"\n'


async def test_unknown_settings_are_reported(library: Path) -> None:
    from briefing.storage.config import Settings

    settings = Settings(algorithm="magic", sentences=99, keymap={"no.such": "x"})
    app = make_app(library, settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "magic" in messages and "no.such" in messages and "at most" in messages
        assert app.screen.algorithm == "default" and app.screen.sentences == 30
