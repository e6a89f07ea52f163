"""The reader's first frame on a big library: only the first rows are read from
the index before it, the rest right after; the collector paused for start-up
runs again once the frame is painted."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import write
from tui_helpers import make_app, settle

import briefing.library.catalogue
import briefing.tui.screens.reader
from briefing.search import SearchIndex
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.article_view import ArticleView

# Names whose order as paths differs from their order as strings: "a/…" comes
# before "a-b/…" and "a b.txt" (a path sorts by its parts; '/' sorts after ' ' and '-').
NAMES = [
    "a/x.txt",
    "a/b/deeper.txt",
    "a-b/y.txt",
    "a b.txt",
    "a.txt",
    "ab/z.txt",
    "B/upper.txt",
    "é/accent.txt",
    "zz.txt",
]


def _library(folder: Path) -> Path:
    for number, name in enumerate(NAMES):
        write(folder / name, f"Story number {number} from {name}\n\nA body of words {number}.\n")
    return folder


def test_the_first_entries_are_the_start_of_all_entries(tmp_path: Path) -> None:
    with SearchIndex([_library(tmp_path / "library")]) as index:
        index.refresh()
        everything = index.entries()
        assert len(everything) == len(NAMES)
        for first in range(1, len(NAMES) + 2):
            assert index.entries(first) == everything[:first]


async def test_a_big_library_shows_its_first_rows_then_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = _library(tmp_path / "library")
    with SearchIndex([library]) as index:  # as after an earlier run: the index knows them
        index.refresh()
        expected = [entry.id for entry in index.entries()]
    monkeypatch.setattr(briefing.tui.screens.reader, "FIRST_ROWS", 3)
    asked: list[int | None] = []
    real = briefing.library.catalogue.Catalogue.entries

    def entries(self: briefing.library.catalogue.Catalogue, first: int | None = None) -> list:
        asked.append(first)
        return real(self, first)

    monkeypatch.setattr(briefing.library.catalogue.Catalogue, "entries", entries)
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert asked[0] == 4  # the first frame's rows (and one to know there are more)
        await settle(pilot)
        # Every article, in library order; nothing changed, so read from the index once.
        assert articles.visible_ids() == expected
        assert asked == [4, None]
        assert app.screen.query_one(ArticleView).article.id == expected[0]
        assert f"{len(NAMES)} articles" in str(app.screen.query_one("#title-bar").render())


async def test_a_small_library_is_read_once(tmp_path: Path) -> None:
    library = _library(tmp_path / "library")
    with SearchIndex([library]) as index:
        index.refresh()
        expected = [entry.id for entry in index.entries()]
    app = make_app(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ArticleList).visible_ids() == expected


async def test_the_collector_runs_again_after_the_first_frame(tmp_path: Path) -> None:
    library = _library(tmp_path / "library")
    gc.disable()  # as run.py does before start-up
    try:
        app = make_app(library, collect_after_start=True)
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
