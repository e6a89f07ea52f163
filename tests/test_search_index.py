"""The search index on real files and a real SQLite file (in the isolated cache dir)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, STORY_BODY, STORY_TITLE, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.library.load import load_library
from briefing.search import SearchIndex, parse_query

CAFE = """\
---
title: "Café Culture Returns to Zürich"
source: Alpine Courier
url: https://alpine.example/cafe
published: 2024-05-02
tags: [food, Climate Change]
---

The old cafés of Zürich are full again. Owners say the season began early.

A café owner, Renée Müller, said tourists came back "in numbers we had not seen".
"""
STRIKE = """\
Dock Workers Strike at the Port

Dock workers walked out on Monday, halting the harbour's cranes for a day.

The union said the strike would go on until the port authority met its demands.
"""
ELECTION = """\
Mayor Wins Second Term

The mayor won a second term on Sunday, promising an expansion of the tram network.

Turnout was low. The count finished after midnight.
"""


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    write(folder / "harbour.txt", f"{STORY_TITLE}\n\n{STORY_BODY}")
    write(folder / "cafe.md", CAFE)
    write(folder / "strike.txt", STRIKE)
    write(folder / "election.txt", ELECTION)
    return folder


@pytest.fixture
def index(news: Path) -> Iterator[SearchIndex]:
    with SearchIndex([news]) as built:
        built.refresh()
        yield built


def titles(index: SearchIndex, query: str, **options: object) -> list[str]:
    return [hit.entry.title for hit in index.search(query, **options).hits]  # type: ignore[arg-type]


# Counting opened files through Python's audit hook: the real reads, not a mock.
_OPENED: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], str | Path):
        _OPENED.append(os.path.basename(str(args[0])))


sys.addaudithook(_audit)


@contextmanager
def opened_files() -> Iterator[list[str]]:
    global _OPENED
    _OPENED = []
    try:
        yield _OPENED
    finally:
        _OPENED = None


def article_names(opened: list[str]) -> list[str]:
    return sorted(n for n in opened if n.endswith((".txt", ".md")))


# Ranking and the query language ---------------------------------------------


def test_title_matches_rank_above_body_matches(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    write(folder / "a.txt", "Port News\n\nThe port reopened. Nothing else happened today at all.\n")
    write(folder / "b.txt", "Weather\n\nPort, port, port: the port and its port were busy.\n")
    write(folder / "c.txt", "Markets\n\n" + "Shares rose. " * 30 + "A port was mentioned.\n")
    with SearchIndex([folder]) as index:
        index.refresh()
        results = index.search("port")
        assert [h.entry.title for h in results.hits] == ["Port News", "Weather", "Markets"]
        scores = [h.score for h in results.hits]
        assert scores == sorted(scores, reverse=True) and scores[-1] > 0
        assert results.total == 3


def test_all_words_must_match(index: SearchIndex) -> None:
    assert titles(index, "port harbour") == titles(index, "harbour port")
    assert set(titles(index, "port harbour")) == {STORY_TITLE, "Dock Workers Strike at the Port"}
    assert titles(index, "port mayor") == []


def test_phrases(index: SearchIndex) -> None:
    assert titles(index, '"second term"') == ["Mayor Wins Second Term"]
    assert titles(index, '"term second"') == []
    # Punctuation inside a phrase is no obstacle, as in the text.
    assert titles(index, '"harbour\'s cranes"') == ["Dock Workers Strike at the Port"]


def test_prefixes(index: SearchIndex) -> None:
    assert set(titles(index, "expan*")) == {STORY_TITLE, "Mayor Wins Second Term"}
    assert titles(index, '"tram net"*') == ["Mayor Wins Second Term"]


def test_or_and_exclusion(index: SearchIndex) -> None:
    assert set(titles(index, "mayor OR union")) == {
        "Mayor Wins Second Term",
        "Dock Workers Strike at the Port",
    }
    assert titles(index, "port -strike") == [STORY_TITLE]
    assert titles(index, 'port -"dock workers"') == [STORY_TITLE]
    # Exclusions alone: every article without the word.
    assert set(titles(index, "-port")) == {
        "Café Culture Returns to Zürich",
        "Mayor Wins Second Term",
    }


def test_field_filters(index: SearchIndex) -> None:
    assert titles(index, "title:port") == ["Dock Workers Strike at the Port"] or set(
        titles(index, "title:port")
    ) == {"Dock Workers Strike at the Port", STORY_TITLE}
    assert set(titles(index, "title:port")) == {"Dock Workers Strike at the Port", STORY_TITLE}
    assert titles(index, "title:harbour -title:port") == []
    assert titles(index, "source:alpine") == ["Café Culture Returns to Zürich"]
    assert titles(index, "source:alpine.example") == ["Café Culture Returns to Zürich"]  # url host
    assert titles(index, "source:courier zurich") == ["Café Culture Returns to Zürich"]
    assert titles(index, "source:dock") == []  # words of the text are not the source


def test_case_and_accents_do_not_matter(index: SearchIndex) -> None:
    expected = ["Café Culture Returns to Zürich"]
    for query in ("zurich", "ZÜRICH", "Zurich cafe", "CAFÉ", "muller", "renee"):
        assert titles(index, query) == expected, query


def test_tags_and_bookmarks(index: SearchIndex, news: Path) -> None:
    cafe = "Café Culture Returns to Zürich"
    assert titles(index, "tag:food") == [cafe]  # front-matter tags, no bookmarks needed
    assert titles(index, "tag:climate-change") == [cafe]
    assert titles(index, 'tag:"CLIMATE change"') == [cafe]
    assert titles(index, "tag:clim*") == [cafe]
    assert titles(index, "tag:climate") == []  # a tag is matched whole
    ids = {e.title: e.id for e in index.entries()}
    marks = {ids[STORY_TITLE]: ["Shipping", "to read"], ids["Mayor Wins Second Term"]: []}
    assert set(titles(index, "is:bookmarked", bookmarks=marks)) == {
        STORY_TITLE,
        "Mayor Wins Second Term",
    }
    assert titles(index, "is:bookmarked port", bookmarks=marks) == [STORY_TITLE]
    assert titles(index, "tag:shipping", bookmarks=marks) == [STORY_TITLE]
    assert titles(index, 'tag:"to read"', bookmarks=marks) == [STORY_TITLE]
    assert set(titles(index, "tag:shipping OR tag:food", bookmarks=marks)) == {STORY_TITLE, cafe}
    assert set(titles(index, "-is:bookmarked", bookmarks=marks)) == {
        cafe,
        "Dock Workers Strike at the Port",
    }
    none = index.search("is:bookmarked")
    assert none.hits == () and none.notices == ("bookmarks are not available here",)
    assert index.search("is:bookmarked", bookmarks={}).notices == ("there are no bookmarks yet",)
    # A bookmark of an article not in this library changes nothing.
    assert titles(index, "is:bookmarked", bookmarks={"0123456789ab": ["x"]}) == []


def test_limit_and_total(index: SearchIndex) -> None:
    results = index.search("the", limit=2)
    assert len(results.hits) == 2 and results.total == 4
    assert len(index.search("the", limit=None).hits) == 4


def test_snippets_are_text_with_spans(index: SearchIndex) -> None:
    (hit,) = index.search("dredging fish").hits
    snippet = hit.snippet
    marked = [snippet.text[a:b].lower() for a, b in snippet.spans]
    assert marked == ["dredging", "fish"]
    assert "\n" not in snippet.text and "  " not in snippet.text
    assert not index.search("dredging", snippet_words=0).hits[0].snippet.text
    # Filter-only hits get the opening words.
    lead = index.search("tag:food").hits[0].snippet
    assert lead.text.startswith("The old cafés of Zürich") and lead.spans == ()
    assert index.snippet("dredging fish", hit.entry.id) == snippet
    # The matches in the title come along, for a list to highlight.
    (story,) = index.search("harbour expansion").hits
    assert [story.entry.title[a:b] for a, b in story.title_spans] == ["Harbour", "Expansion"]


def test_suggestions_when_nothing_matches(index: SearchIndex, news: Path) -> None:
    results = index.search("harbr dredgng")
    assert results.hits == () and results.total == 0
    assert results.suggestions[0] == "harbour dredging"
    assert index.search("zzqxw").suggestions == ()
    write(news / "new.txt", "Zebra Crossing\n\nA zebra crossing was painted.\n")
    index.refresh()
    assert index.search("zebbra").suggestions == ("zebra",)  # new words are known at once
    # Words that exist but never together: nothing to correct.
    assert index.search("mayor dredging").suggestions == ()


def test_query_notices_pass_through(index: SearchIndex) -> None:
    results = index.search('"second term')
    assert titles(index, '"second term') == ["Mayor Wins Second Term"]
    assert results.notices == ("added the missing closing quote",)


# The catalogue ----------------------------------------------------------------


def test_entries_match_what_the_loader_reads(index: SearchIndex, news: Path) -> None:
    library = load_library([news])
    entries = index.entries()
    assert [e.id for e in entries] == [a.id for a in library.articles]
    for entry, article in zip(entries, library.articles, strict=True):
        assert entry.title == article.title
        assert entry.path == article.path.resolve()  # type: ignore[union-attr]
        assert (entry.source, entry.url, entry.published, entry.tags, entry.words) == (
            article.source,
            article.url,
            article.published,
            article.tags,
            article.words,
        )
        assert entry.display_source == article.display_source
        rebuilt = index.article(entry.id)
        assert rebuilt is not None
        assert (rebuilt.id, rebuilt.body, rebuilt.tags) == (article.id, article.body, article.tags)
    assert len(index) == 4
    assert index.article("000000000000") is None


def test_same_text_twice_is_one_entry(news: Path) -> None:
    write(news / "a-copy.txt", f"{STORY_TITLE}\r\n\r\n{STORY_BODY}")
    with SearchIndex([news]) as index:
        index.refresh()
        assert len(index.entries()) == 4
        (hit,) = index.search("dredging").hits
        assert hit.entry.path.name == "a-copy.txt"  # the first in library order, as load_library
        (news / "a-copy.txt").unlink()
        index.refresh()
        (hit,) = index.search("dredging").hits
        assert hit.entry.path.name == "harbour.txt"


# Incremental updates -------------------------------------------------------------


def test_only_new_and_changed_files_are_read(news: Path) -> None:
    with SearchIndex([news]) as index:
        with opened_files() as opened:
            first = index.refresh()
        assert (first.added, first.changed, first.removed, first.unchanged) == (4, 0, 0, 0)
        assert article_names(opened) == ["cafe.md", "election.txt", "harbour.txt", "strike.txt"]

        with opened_files() as opened:
            again = SearchIndex([news]).refresh()
        assert (again.read, again.unchanged) == (0, 4)
        assert article_names(opened) == []

        write(news / "election.txt", ELECTION.replace("tram", "ferry"))
        write(news / "new.txt", "Lighthouse Restored\n\nThe lighthouse shines again.\n")
        (news / "strike.txt").unlink()
        with opened_files() as opened:
            result = index.refresh()
        assert (result.added, result.changed, result.removed, result.unchanged) == (1, 1, 1, 2)
        assert article_names(opened) == ["election.txt", "new.txt"]
        assert titles(index, "ferry") == ["Mayor Wins Second Term"]
        assert titles(index, "tram") == []
        assert titles(index, "lighthouse") == ["Lighthouse Restored"]
        assert titles(index, "union") == []
        assert len(index) == 4


def test_a_file_with_the_same_size_and_time_is_not_read_again(news: Path) -> None:
    """Swap in other text of the same length and put the old mtime back: the
    index keeps the old text, which proves the file was not read again."""
    path = news / "election.txt"
    with SearchIndex([news]) as index:
        index.refresh()
        before = path.stat()
        path.write_text(ELECTION.replace("mayor", "MAYOR").replace("tram", "bike"))
        assert path.stat().st_size == before.st_size
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert index.refresh().unchanged == 4
        assert titles(index, "tram") == ["Mayor Wins Second Term"]
        assert titles(index, "bike") == []
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000))  # now it differs
        assert index.refresh().changed == 1
        assert titles(index, "bike") == ["Mayor Wins Second Term"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_but_unchanged_file_is_not_read(news: Path) -> None:
    with SearchIndex([news]) as index:
        index.refresh()
        (news / "cafe.md").chmod(0)
        try:
            result = index.refresh()
            assert result.problems == () and result.unchanged == 4
            assert titles(index, "zurich") == ["Café Culture Returns to Zürich"]
        finally:
            (news / "cafe.md").chmod(0o644)


def test_problem_files_are_reported_every_time_and_retried_when_fixed(news: Path) -> None:
    write(news / "empty.txt", "")
    write(news / "binary.txt", b"\x00\x01\x02binary")
    with SearchIndex([news]) as index:
        first = index.refresh()
        reasons = {p.path.name: p.reason for p in first.problems}
        assert reasons == {"binary.txt": "binary file", "empty.txt": "empty file"}
        with opened_files() as opened:
            second = index.refresh()
        assert {p.path.name: p.reason for p in second.problems} == reasons
        assert article_names(opened) == []
        write(news / "empty.txt", "Not Empty Now\n\nIt has words.\n")
        third = index.refresh()
        assert [p.path.name for p in third.problems] == ["binary.txt"]
        assert titles(index, "words") == ["Not Empty Now"]


def test_size_limit(news: Path) -> None:
    largest = max(news.iterdir(), key=lambda p: p.stat().st_size)
    assert largest.name == "harbour.txt"
    with SearchIndex([news], max_bytes=largest.stat().st_size - 1) as index:
        problems = index.refresh().problems
        assert [(p.path.name, p.reason.split(" (")[0]) for p in problems] == [
            ("harbour.txt", "too large")
        ]
        assert titles(index, "dredging") == []
    with SearchIndex([news]) as index:  # the default limit: it is read now
        assert index.refresh().problems == ()
        assert titles(index, "dredging") == [STORY_TITLE]


def test_progress_is_reported(news: Path) -> None:
    calls: list[tuple[int, int]] = []
    with SearchIndex([news]) as index:
        index.refresh(progress=lambda done, total: calls.append((done, total)))
        assert calls[0] == (0, 4) and calls[-1] == (4, 4)
        calls.clear()
        index.refresh(progress=lambda done, total: calls.append((done, total)))
        assert calls == []


def test_an_interrupted_refresh_keeps_nothing_half_done(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for n in range(450):  # three batches
        write(folder / f"{n:03}.txt", f"Story {n}\n\nWord{n} appears here.\n")

    def stop(done: int, total: int) -> None:
        if done >= 200:
            raise KeyboardInterrupt

    with SearchIndex([folder]) as index:
        with pytest.raises(KeyboardInterrupt):
            index.refresh(progress=stop)
        assert len(index) == 200  # the first batch was committed
        result = index.refresh()
        assert (result.added, result.unchanged) == (250, 200)
        assert len(index) == 450


# Self-repair and sharing -----------------------------------------------------------


def test_a_corrupt_index_file_is_rebuilt(index: SearchIndex, news: Path) -> None:
    path = index.path
    index.close()
    path.write_bytes(b"this is not a database" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with SearchIndex([news]) as again:
        assert again.refresh().added == 4
        assert titles(again, "zurich") == ["Café Culture Returns to Zürich"]


def test_damage_found_while_searching_is_repaired(index: SearchIndex, news: Path) -> None:
    path = index.path
    index.close()
    data = bytearray(path.read_bytes())
    page = 4096
    # Keep the first two pages (header, schema) and spoil the rest.
    data[2 * page :] = b"\xff" * (len(data) - 2 * page)
    path.write_bytes(bytes(data))
    with SearchIndex([news]) as again:
        assert titles(again, "zurich") == ["Café Culture Returns to Zürich"]
        assert len(again.entries()) == 4


def test_an_older_schema_is_rebuilt(index: SearchIndex, news: Path) -> None:
    path = index.path
    index.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    with SearchIndex([news]) as again:
        assert again.refresh().added == 4
    with sqlite3.connect(path) as connection:  # a file of some other program
        connection.execute("DROP TABLE meta")
        connection.execute("CREATE TABLE IF NOT EXISTS notes(x)")
    with SearchIndex([news]) as again:
        assert again.refresh().added == 4
        assert titles(again, "tram") == ["Mayor Wins Second Term"]


def test_each_library_has_its_own_index(news: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write(other / "x.txt", "Orchard Harvest\n\nApples everywhere.\n")
    with SearchIndex([news]) as one, SearchIndex([other]) as two:
        one.refresh()
        two.refresh()
        assert one.path != two.path and one.path.parent == two.path.parent
        assert one.path.parent == Path(os.environ["XDG_CACHE_HOME"]) / "briefing" / "search"
        assert titles(one, "apples") == [] and titles(two, "apples") == ["Orchard Harvest"]
    with SearchIndex([news, other]) as both:  # a library of both is a third index
        both.refresh()
        assert titles(both, "apples OR tram") != []
        assert len(both) == 5


def test_worker_thread_refresh_and_searches_from_several_threads(news: Path) -> None:
    index = SearchIndex([news])
    results: dict[str, object] = {}
    worker = threading.Thread(target=lambda: results.setdefault("refresh", index.refresh()))
    worker.start()
    worker.join()
    assert results["refresh"].added == 4  # type: ignore[attr-defined]
    errors: list[BaseException] = []

    def search(word: str) -> None:
        try:
            for _ in range(20):
                assert index.search(word).total >= 1
                assert len(index.entries()) == 4
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=search, args=(w,)) for w in ("port", "zurich", "mayor")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    index.close()


def test_two_processes_refreshing_at_once_agree(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    for n in range(600):
        write(folder / f"{n:03}.txt", f"Report {n}\n\nToken{n} and the common word harbour.\n")
    code = (
        "import sys; from briefing.search import SearchIndex\n"
        f"index = SearchIndex([{str(folder)!r}])\n"
        "result = index.refresh()\n"
        "print(result.added + result.unchanged, len(index))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err.decode()
        assert out.split() == [b"600", b"600"]
    with SearchIndex([folder]) as index:
        assert index.refresh().unchanged == 600
        assert len(index) == 600
        assert index.search("harbour", limit=None).total == 600


def test_a_missing_path_is_a_library_error(tmp_path: Path) -> None:
    from briefing.library.files import LibraryError

    with pytest.raises(LibraryError, match="no such file"):
        SearchIndex([tmp_path / "nowhere"])


# Hostile queries --------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"""',
    "OR",
    "AND",
    "NOT",
    "OR OR",
    "port OR",
    "OR port",
    "-",
    "--",
    "- -",
    "*",
    "**",
    "* port",
    "a*b",
    "NEAR(port harbour)",
    "NEAR(",
    "body:port",
    "fts:port",
    "rank:1",
    "title:",
    'title:"',
    "title:*",
    "{title}: port",
    "title : port",
    "^port",
    "port + harbour",
    ")(",
    "(port",
    "'",
    "port'; DROP TABLE docs; --",
    "\x00",
    "\x1b[31mport",
    "port\x00harbour",
    "\u202eport",
    "x" * 10_000,
    " OR ".join(["port"] * 200),
    " ".join(["-port"] * 100),
    '"port" * *',
    "tag:",
    'tag:"',
    "tag:*",
    "is:",
    "is:x",
    "-is:bookmarked",
    "is:bookmarked OR",
    "source:",
    "-title:port*",
    "\ufeff",
    "𝔭𝔬𝔯𝔱",
    "ß",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(index: SearchIndex, query: str) -> None:
    results = index.search(query, bookmarks={"x": ["y"]})
    assert results.total >= len(results.hits)
    for notice in results.notices:
        assert "\n" not in notice


QUERY_PARTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ['"', "OR", "AND", "-", "*", "(", ")", ":", "title:", "source:", "tag:", "is:", "NEAR"]
    ),
    st.sampled_from(["port", "harbour", "zürich", "café", "mayor", "term"]),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(QUERY_PARTS, max_size=8).map(lambda parts: " ".join(parts)) | st.text())
def test_arbitrary_queries_never_raise(index: SearchIndex, query: str) -> None:
    results = index.search(query, limit=3, bookmarks={})
    assert len(results.hits) <= 3 and results.total >= len(results.hits)
    as_typed = index.search(parse_query(query, as_you_type=True), limit=3)
    assert as_typed.total >= 0


def test_the_cache_dir_is_platformdirs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    from briefing.search.database import default_cache_dir

    for value in (None, "", "relative/not/allowed", "/tmp/xdg-cache"):
        if value is None:
            monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", value)
        expected = Path(user_cache_dir("briefing", appauthor=False)) / "search"
        assert default_cache_dir() == expected, value


def test_indexes_of_libraries_unused_for_months_are_removed(news: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    old, recent = cache / "library-0000old.sqlite3", cache / "library-000recent.sqlite3"
    for path in (old, recent, Path(f"{old}-wal")):
        path.write_bytes(b"")
    long_ago = 1_000_000_000  # 2001
    os.utime(old, (long_ago, long_ago))
    with SearchIndex([news], cache_dir=cache) as index:  # makes a new index file
        index.refresh()
    assert not old.exists() and not Path(f"{old}-wal").exists()
    assert recent.exists() and index.path.exists()


def test_after_a_rebuild_other_threads_reconnect(index: SearchIndex) -> None:
    found: list[int] = []

    def search_in_a_thread() -> None:
        found.append(index.search("tram").total)

    first = threading.Thread(target=search_in_a_thread)
    first.start()
    first.join()
    index._database.rebuild(damaged=True)  # as a damaged file found in use would
    assert index.search("tram").total == 0  # the new file is empty until refreshed
    assert index.refresh().added == 4
    second = threading.Thread(target=search_in_a_thread)
    second.start()
    second.join()
    assert found == [1, 1]


@pytest.mark.parametrize("with_index", [True, False], ids=["index", "no-index"])
def test_catalogue_finds_an_id_as_the_library_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_index: bool
) -> None:
    from briefing.library.catalogue import Catalogue
    from briefing.library.load import LibraryError

    folder = tmp_path / "lib"
    for n in range(20):  # 20 ids among 16 first hex digits: some first digit is shared
        write(folder / f"{n}.txt", f"Story {n}\n\nThe harbour story number {n}.\n")
    library = load_library([folder])
    catalogue = Catalogue([folder])
    if not with_index:
        # A cache folder that cannot be made: the catalogue reads the files.
        monkeypatch.setenv("XDG_CACHE_HOME", str(write(tmp_path / "a-file", "not a folder")))
    catalogue.open()
    assert (catalogue.index is not None) == with_index
    catalogue.refresh()
    for article in library.articles:
        for key in (article.id, article.id[:5], article.id.upper(), f" {article.id[:7]} "):
            found = catalogue.find(key)
            assert (found.id, found.title, found.body) == (article.id, article.title, article.body)
    first_digits = [a.id[0] for a in library.articles]
    shared = next(d for d in first_digits if first_digits.count(d) > 1)
    for key in (shared, "zzzz", " "):
        with pytest.raises(LibraryError) as caught:
            catalogue.find(key)
        with pytest.raises(LibraryError) as expected:
            library.find(key)
        assert str(caught.value) == str(expected.value)


def test_articles_since_a_time_by_published_else_file_time(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    library = tmp_path / "lib"
    for name, published in [("old", "2024-07-01"), ("new", "Thu, 04 Jul 2024 09:30:00 +0200"),
                            ("iso", "2024-07-03T23:59:59.5Z"), ("bad", "last week")]:  # fmt: skip
        write(library / f"{name}.md", f"---\ntitle: {name}\npublished: {published}\n---\n\nText.\n")
    undated = write(library / "undated.txt", "Undated\n\nNo date here at all.\n")
    os.utime(undated, (1_720_000_000, 1_720_000_000))  # 2024-07-03 09:46:40 UTC
    (library / "bad.md").touch()  # an unreadable date counts by the file: now
    with SearchIndex([library], cache_dir=tmp_path / "cache") as index:
        index.refresh()
        titles = {row[0]: Path(row[1]).stem for row in index.since(0)}
        assert sorted(titles.values()) == ["bad", "iso", "new", "old", "undated"]

        def since(moment: datetime) -> list[str]:
            return [Path(path).stem for _, path in index.since(moment.timestamp())]

        # In the index's order; seconds rounded down, so never fewer than asked for.
        assert since(datetime(2024, 7, 3, 23, 59, 59, 900_000, tzinfo=UTC)) == ["bad", "iso", "new"]
        assert since(datetime(2024, 7, 3, 9, 0, tzinfo=UTC)) == ["bad", "iso", "new", "undated"]
        assert since(datetime(2030, 1, 1, tzinfo=UTC)) == []


def test_listing_and_opening_do_not_load_the_query_side(index: SearchIndex, news: Path) -> None:
    """The reader's first screen and `bookmarks add` list and open articles:
    the query language, filters, snippets and the refresh are not imported."""
    code = (
        "import sys; from briefing.search import SearchIndex\n"
        f"index = SearchIndex([{str(news)!r}])\n"
        "entries = index.entries(2)\n"
        "assert index.article(entries[0].id) is not None\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('briefing.search'))))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.split())
    assert "briefing.search.index" in loaded
    for heavy in ("query", "querying", "filters", "snippets", "refresh", "suggest"):
        assert f"briefing.search.{heavy}" not in loaded, heavy


def test_every_name_the_search_package_offers_resolves() -> None:
    import briefing.search as package

    assert sorted(package.__all__) == sorted(package._HOMES)  # one list, kept twice
    assert set(package.__all__) <= set(dir(package))  # before any is loaded too
    for name in package.__all__:
        assert getattr(package, name) is not None, name
    with pytest.raises(AttributeError):
        _ = package.no_such_name  # type: ignore[attr-defined]  # (what is tested)
