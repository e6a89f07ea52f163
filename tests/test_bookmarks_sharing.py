"""Bookmarks between people, as search and settings see them."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CliRunner, write

from briefing.bookmarks.owners import Owner, owner_from, whoami
from briefing.search.query import BOOKMARKED, parse_query
from briefing.storage.config import load_settings

ALMATY = "b500742d86ff"  # bundled sample articles
UN_CHIEF = "fd3856536baf"


def test_owner_ids_follow_what_you_say_you_are(tmp_path: Path, monkeypatch) -> None:
    assert owner_from(" Ann  Lee ") == Owner("Ann Lee", "Ann Lee")
    assert owner_from("Ann", " Ann@Example.ORG ") == Owner("ann@example.org", "Ann")
    assert owner_from("", "ann@example.org").name == "ann@example.org"
    config = write(tmp_path / "c.toml", '[user]\nname = "Ann"\nemail = 7\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    assert "user.email must be text in quotes" in load_settings().problems[0]
    assert whoami()[0] == Owner("Ann", "Ann")
    write(config, 'user = "Ann"\n')
    assert "[user] must be a table" in load_settings().problems[0]
    owner, where = whoami()  # the login name
    assert owner.id and "login name" in where


def test_bookmarked_name_in_a_query() -> None:
    (term,) = parse_query("bookmarked:Bea").terms
    assert term.kind == BOOKMARKED and term.words == ("bea",)
    assert str(parse_query('-bookmarked:"Bea Lee" is:bookmarked')) == (
        '-bookmarked:"bea lee" is:bookmarked'
    )


def test_search_is_bookmarked_means_mine_and_bookmarked_name_means_theirs(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    bea = {"BRIEFING_CONFIG": str(write(tmp_path / "bea.toml", '[user]\nname = "Bea Lee"\n'))}
    run_cli("bookmarks", "add", ALMATY, "--bookmarks", mine)
    run_cli("bookmarks", "add", UN_CHIEF, "--tag", "Peace Talks", "--bookmarks", theirs, env=bea)
    run_cli("bookmarks", "import", theirs, "--bookmarks", mine)

    def found(query: str) -> list[str]:
        result = run_cli("search", "-f", "json", "--bookmarks", mine, "--", query)
        assert result.returncode == 0, result.stderr
        return [hit["id"] for hit in json.loads(result.stdout)["results"]]

    assert found("is:bookmarked") == [ALMATY]
    assert found("bookmarked:bea") == [UN_CHIEF]
    assert found("tag:peace-talks") == [UN_CHIEF]  # `tag:` is anyone's tag
    assert found('bookmarked:"bea lee"') == [UN_CHIEF]
    assert found("-bookmarked:bea") and UN_CHIEF not in found("-bookmarked:bea")
    assert sorted(found("is:bookmarked OR bookmarked:bea")) == sorted([ALMATY, UN_CHIEF])
    result = run_cli("search", "bookmarked:nobody", "--bookmarks", mine)
    assert "nobody called nobody has bookmarks here" in result.stdout + result.stderr


async def test_reader_shows_others_notes_under_mine_and_b_makes_my_own(
    tmp_path: Path, isolated_dirs: Path
) -> None:
    from dataclasses import replace

    from conftest import STORY_TITLE
    from tui_helpers import SECOND_TITLE, make_app, make_library, settle

    from briefing.bookmarks import BookmarkStore, bookmark_article
    from briefing.library.load import load_library
    from briefing.tui.widgets.article_list import ArticleList
    from briefing.tui.widgets.bookmark_panel import BookmarkPanel

    write(isolated_dirs / "xdg_config_home" / "briefing" / "config.toml", '[user]\nname = "Ann"\n')
    library = make_library(tmp_path / "library")
    articles = {a.title: a for a in load_library([library]).articles}
    story, second = articles[STORY_TITLE], articles[SECOND_TITLE]
    far = load_library([write(tmp_path / "far.txt", "Far Story\n\nIt happened far away.\n")])
    file = tmp_path / "marks.json"
    ann, bea = BookmarkStore(file), Owner("bea", "Bea \x1b[31m[b]")
    ann.restore(second, note="mine")

    def hers(article, note: str, tags: tuple[str, ...] = ()):
        return replace(bookmark_article(article, None, note=note, tags=tags), owner=bea)

    theirs = [hers(second, "check the figures", ("port",)), hers(story, "B's only"),
              hers(far.articles[0], "far away")]  # fmt: skip
    ann.update(lambda mine: mine.with_entry(theirs[0]).with_entry(theirs[1]).with_entry(theirs[2]))

    app = make_app(library, bookmarks_path=file)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        panel = app.screen.query_one(BookmarkPanel)

        async def open_article(article_id: str) -> str:
            listing.cursor = listing.visible_ids().index(article_id)
            await pilot.press("enter")
            await settle(pilot)
            return str(panel.render())

        text = await open_article(second.id)
        assert "mine" in text and "Bea \\x1b[31m[b]: check the figures  #port" in text
        assert text.index("mine") < text.index("check the figures")  # theirs under mine
        text = await open_article(story.id)
        assert panel.display and panel.border_title == "Bookmarked by others"
        assert "B's only" in text and not listing.current.bookmarked  # not mine
        # b makes my own bookmark; her note stays hers.
        listing.focus()
        await pilot.press("b")
        await settle(pilot)
        mine = BookmarkStore(file).load()
        assert mine.is_bookmarked(story.id) and mine.get(story.id).note == ""
        assert mine.get(story.id, "bea").note == "B's only"
        assert listing.current.bookmarked and panel.border_title == "★ Bookmarked"
        # B: mine, then everyone's (with hers not in my library), then hers.
        titles = []
        for _ in range(4):
            await pilot.press("B")
            await settle(pilot)
            titles.append((app.screen.list_state.kind, listing.visible_count))
        assert titles == [("bookmarks", 2), ("bookmarks", 3), ("bookmarks", 3), ("all", 3)]


def test_ten_thousand_owners_and_hostile_owner_names(run_cli: CliRunner, tmp_path: Path) -> None:
    import time

    names = ["\x1b]0;pwned\x07Eve", "[bold red]Mallory[/]"] + [f"p{n}" for n in range(9_998)]
    crowd = {
        "format": "briefing.bookmarks",
        "version": 2,
        "bookmarks": [
            {"article_id": ALMATY, "owner": {"id": name, "name": name}, "title": "T",
             "note": f"note of {name}", "updated": "2026-01-01T00:00:00Z"}
            for name in names
        ],
    }  # fmt: skip
    shared = write(tmp_path / "crowd.json", json.dumps(crowd))
    mine = tmp_path / "mine.json"
    start = time.perf_counter()
    result = run_cli("bookmarks", "import", shared, "--bookmarks", mine)
    assert result.returncode == 0, result.stderr
    listing = run_cli("bookmarks", "list", "--all", "--bookmarks", mine)
    assert time.perf_counter() - start < 60  # linear, not quadratic, in owners
    for text in (result.stdout, listing.stdout):
        assert "\x1b" not in text and "\\x1b]0;pwned\\x07Eve" in text
        assert "[bold red]Mallory[/]" in text
    assert listing.stdout.count("'s note: note of p") == 9_998
    found = run_cli("search", "-f", "json", "--bookmarks", mine, "--", "bookmarked:p9997")
    assert [hit["id"] for hit in json.loads(found.stdout)["results"]] == [ALMATY]
