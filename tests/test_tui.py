"""The reader, driven as a user would with Textual's pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import STORY_TITLE, write
from textual.pilot import Pilot
from tui_helpers import SECOND_TITLE, THIRD_TITLE, make_app, make_library, settle

from briefing.analysis.summarize import Length, summarize
from briefing.storage.config import Settings, load_settings
from briefing.tui.screens.empty import EmptyLibraryScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.facts_view import FactsView
from briefing.tui.widgets.summary_view import SummaryView


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library")


async def test_list_shows_articles_and_opens_the_first(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.visible_count == 3
        assert articles.current is not None and articles.current.title == STORY_TITLE
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title == STORY_TITLE
        assert view.summary  # the summary arrived from its worker and is highlighted


async def test_navigation_and_opening(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j", "j")
        assert articles.current is not None and articles.current.title == THIRD_TITLE
        await pilot.press("k")
        assert articles.current.title == SECOND_TITLE
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title == SECOND_TITLE
        assert app.screen.focused is view
        assert articles.current.read  # opened articles are marked read
        assert view.article.id in app.read_state
        await pilot.press("tab")
        assert isinstance(app.screen.focused, SummaryView)
        await pilot.press("shift+tab", "shift+tab")
        assert app.screen.focused is articles


async def test_highlight_follows_algorithm_and_length(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        article = view.article
        assert article is not None
        assert view.summary == summarize(article, "default", Length(3)).indices
        await pilot.press("s")  # default -> lead
        await settle(pilot)
        assert view.summary == (0, 1, 2)
        assert app.screen.query_one(SummaryView).border_subtitle == "lead · 3 sentences"
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert view.summary == (0, 1, 2, 3, 4)
        await pilot.press("minus")
        await settle(pilot)
        assert view.summary == (0, 1, 2, 3)
        await pilot.press("s")  # lead -> lexrank (sumy, loaded on demand in the worker)
        await settle(pilot)
        assert view.summary == summarize(article, "lexrank", Length(4)).indices


async def test_choosing_a_summary_sentence_scrolls_the_text(tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {i} talks about the harbour and the vote {i}." for i in range(60)]
    write(tmp_path / "lib" / "long.txt", "Long Story\n\n" + "\n\n".join(paragraphs))
    app = make_app(tmp_path / "lib", Settings(algorithm="lead", sentences=30))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        summary = app.screen.query_one(SummaryView)
        last = max(view.summary)
        assert last > 20  # a sentence far down the article
        summary.focus()
        summary.highlighted = len(view.summary) - 1
        await pilot.press("enter")
        await pilot.pause()
        assert view.current_sentence == last
        assert view.scroll_y > 20
        line = view.line_of_offset(view.article.sentences[last].start)
        assert view.scroll_y <= line < view.scroll_y + view.size.height


async def test_filter_by_title(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("f")
        await pilot.press(*"rail talk")
        assert articles.visible_count == 1
        assert articles.current is not None and articles.current.title == SECOND_TITLE
        await pilot.press("escape")
        assert articles.visible_count == 3
        assert app.screen.focused is articles


async def test_typing_in_the_list_starts_the_filter(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press(*"harbour")  # "h" is not a key of ours: it starts the filter
        assert articles.visible_count == 1
        assert articles.current is not None and articles.current.title == STORY_TITLE
        await pilot.press("escape")
        assert articles.visible_count == 3
        await pilot.press("j")  # a bound key still moves
        assert articles.cursor == 1


async def test_help_screen_lists_the_bindings(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = [row for _, section in app.screen.sections for row in section]
        ids = {binding_id for _, _, binding_id in rows}
        assert {"reader.next_algorithm", "list.down", "text.next_highlight", "app.quit"} <= ids
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def run_palette(pilot: Pilot, text: str) -> None:
    await settle(pilot)
    await pilot.press("ctrl+p")
    await pilot.press(*text)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_command_palette_runs_reader_actions(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await run_palette(pilot, "Longer")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.sentences == 4


async def test_command_palette_opens_articles_by_title(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await run_palette(pilot, "city library")
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and view.article.title == THIRD_TITLE


async def test_narrow_terminal_shows_one_pane_at_a_time(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        shown = [p.id for p in screen.query(".pane") if p.display]
        assert shown == ["list-pane"]
        await pilot.press("enter")
        await settle(pilot)
        assert [p.id for p in screen.query(".pane") if p.display] == ["text-pane"]
        assert screen.query_one("#text-pane").size.width >= 70
        await pilot.press("tab")
        await pilot.pause()
        assert [p.id for p in screen.query(".pane") if p.display] == ["side-pane"]
        assert isinstance(screen.focused, SummaryView)


async def test_empty_library_is_explained(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    app = make_app(tmp_path / "nothing")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EmptyLibraryScreen)
        assert "briefing import --split" in str(app.screen.query_one("#empty-message").render())


async def test_unreadable_files_are_reported_not_fatal(library: Path) -> None:
    write(library / "broken.txt", b"\x00\x01binary\x00")
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ArticleList).visible_count == 3
        notices = [n for n in app._notifications]
        assert any("broken.txt" in n.message and "binary" in n.message for n in notices)


async def test_markup_in_titles_is_shown_literally(tmp_path: Path) -> None:
    title = "[bold red]Alarm[/] [link=https://evil.example]x[/link]"
    write(tmp_path / "lib" / "m.txt", f"{title}\n\nBody with [i]markup[/i] in it. Another line.")
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        list_line = app.screen.query_one(ArticleList).render_line(0).text
        assert "[bold red]Alarm[/]" in list_line
        view = app.screen.query_one(ArticleView)
        lines = "".join(view.render_line(y).text for y in range(6))
        assert "[bold red]Alarm[/]" in lines and "[i]markup[/i]" in lines


async def test_keymap_from_settings_remaps_a_binding(library: Path) -> None:
    settings = Settings(keymap={"reader.next_algorithm": "x"})
    app = make_app(library, settings)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.algorithm == "lead"
        await pilot.press("s")  # no longer bound
        assert app.screen.algorithm == "lead"


async def test_theme_choice_is_remembered(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# my settings\n[keymap]\n"reader.help" = "h"\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    app = make_app(library, load_settings(), save_settings=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    saved = load_settings()
    assert saved.theme == "nord"
    assert saved.keymap == {"reader.help": "h"}
    assert "# my settings" in config.read_text()
    app = make_app(library, saved)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"


async def test_key_facts_pane_scrolls_to_a_fact_and_filters_by_entity(library: Path) -> None:
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        facts = app.screen.query_one(FactsView)
        view = app.screen.query_one(ArticleView)
        trust = next(
            (i, f)
            for i, o in enumerate(facts.options)
            if (f := facts._facts.get(o.id or "")) and f.text == "Coastal Trust"
        )
        facts.focus()
        facts.highlighted = trust[0]
        await pilot.press("enter")
        await pilot.pause()
        sentence = view.article.sentences[view.current_sentence]
        assert "Coastal Trust" in sentence.text
        await pilot.press("a")
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert sorted(articles.visible_ids()) == sorted(
            a.id for a in app.screen.entries.values() if a.title in (STORY_TITLE, THIRD_TITLE)
        )
        assert app.screen.focused is articles
        await pilot.press("escape")
        assert articles.visible_count == 3
