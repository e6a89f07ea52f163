"""`briefing feeds`, `briefing update`, `briefing import` of the web, and the
library folder, through the real command line."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, CliRunner, modules_loaded_by, write
from feedserver import FeedServer, rss, story


def item(n: int, **extra: str) -> dict[str, str]:
    return {
        "title": f"Story {n}",
        "link": f"http://example.invalid/{n}",
        "guid": f"g{n}",
        "description": story(n),
        **extra,
    }


def test_feeds_add_list_remove(run_cli: CliRunner) -> None:
    assert (
        run_cli("feeds", "add", "https://example.invalid/rss", "--name", "Gazette").returncode == 0
    )
    assert run_cli("feeds", "add", "https://example.invalid/atom", "--full-text").returncode == 0
    again = run_cli("feeds", "add", "https://example.invalid/rss")
    assert again.returncode == 1 and "already following" in again.stderr
    bad = run_cli("feeds", "add", "file:///etc/passwd")
    assert bad.returncode == 1 and "not an http(s) address" in bad.stderr
    listed = json.loads(run_cli("feeds", "list", "-f", "json").stdout)["feeds"]
    assert [(f["url"], f["name"], f["full_text"]) for f in listed] == [
        ("https://example.invalid/rss", "Gazette", False),
        ("https://example.invalid/atom", None, True),
    ]
    assert run_cli("feeds", "remove", "gazette").returncode == 0
    assert run_cli("feeds", "remove", "gazette").returncode == 1
    plain = run_cli("feeds", "list", "-f", "plain").stdout
    assert "atom" in plain and "Gazette" not in plain


def test_opml_round_trip_and_a_bomb_refused(run_cli: CliRunner, tmp_path: Path) -> None:
    opml = write(
        tmp_path / "subs.opml",
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="News"><outline text="A &amp; B" xmlUrl="https://a.invalid/feed"/>'
        '<outline text="Local" xmlUrl="file:///etc/passwd"/></outline>'
        '<outline title="C" xmlUrl="http://c.invalid/rss"/></body></opml>',
    )
    result = run_cli("feeds", "import", opml)
    assert result.returncode == 0 and "2 feeds added" in result.stdout
    assert "not an http(s) address" in result.stderr
    exported = run_cli("feeds", "export", "--to", tmp_path / "out.opml")
    assert exported.returncode == 0
    text = (tmp_path / "out.opml").read_text()
    assert 'text="A &amp; B"' in text and 'xmlUrl="http://c.invalid/rss"' in text
    assert run_cli("feeds", "import", tmp_path / "out.opml").stdout.count("already following") == 2
    bomb = write(
        tmp_path / "bomb.opml",
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        '<opml version="2.0"><body><outline text="&b;" xmlUrl="http://x.invalid/"/></body></opml>',
    )
    refused = run_cli("feeds", "import", bomb)
    assert refused.returncode == 1 and "XML bomb" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_broken_feeds_file_is_reported_and_left_alone(run_cli: CliRunner, tmp_path: Path) -> None:
    broken = write(tmp_path / "feeds.json", "{not json")
    result = run_cli("feeds", "add", "https://x.invalid/", env={"BRIEFING_FEEDS": str(broken)})
    assert result.returncode == 1 and "left as it is" in result.stderr
    assert broken.read_text() == "{not json"


def test_update_writes_the_library_and_says_one_line_per_feed(
    run_cli: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.add("/rss", rss("The Gazette", [item(1), item(2)]), etag='"1"')
    feed_server.add("/quiet", rss("Quiet", []))
    run_cli("feeds", "add", feed_server.url("/rss"))
    run_cli("feeds", "add", feed_server.url("/quiet"))
    run_cli("feeds", "add", feed_server.url("/missing"), "--name", "Missing")
    library = tmp_path / "lib"
    first = run_cli("update", "--library", library)
    assert first.returncode == 1, first.stderr
    lines = first.stdout.splitlines()
    assert "The Gazette: 2 new, 0 updated, 0 unchanged" in lines
    assert "Missing: failed: HTTP 404 Not Found" in lines
    assert "Quiet: the feed has no entries" in lines
    assert sorted(p.name for p in (library / "the-gazette").glob("*.md")) == [
        "story-1.md",
        "story-2.md",
    ]
    only = run_cli("update", "--library", library, "--feed", "the gazette")
    assert only.returncode == 0 and "The Gazette: no change since the last update" in only.stdout
    # What update writes, every command reads: summary finds it in the library folder.
    summary = run_cli("summary", "-f", "json", "--no-facts", env={"BRIEFING_LIBRARY": str(library)})
    sources = {a["source"] for a in json.loads(summary.stdout)["articles"]}
    assert sources == {"The Gazette"}
    search = run_cli("search", "source:gazette", "-f", "json", "--library", library)
    assert json.loads(search.stdout)["total"] == 2


def test_update_keeps_an_existing_search_index_current(
    run_cli: CliRunner, feed_server: FeedServer, tmp_path: Path, isolated_dirs: Path
) -> None:
    from briefing.search import SearchIndex
    from briefing.search.database import default_cache_dir, index_file

    library = tmp_path / "lib"
    write(library / "mine.txt", "A Note Of Mine\n\nWritten by hand, before any feed.\n")
    feed_server.add("/rss", rss("The Gazette", [item(1), item(2)]))
    run_cli("feeds", "add", feed_server.url("/rss"))
    # A library never searched gets no index from an update (its first search makes one).
    assert run_cli("update", "--library", library).returncode == 0
    assert not index_file([library.resolve()], default_cache_dir()).exists()
    assert (
        json.loads(run_cli("search", "gazette", "-f", "json", "--library", library).stdout)["total"]
        == 2
    )
    feed_server.add("/rss", rss("The Gazette", [item(1), item(2), item(3)]))
    assert run_cli("update", "--library", library).returncode == 0
    with SearchIndex([library]) as index:
        titles = {entry.title for entry in index.entries()}  # no refresh here
        assert {"Story 1", "Story 2", "Story 3", "A Note Of Mine"} <= titles
        again = index.refresh()
        assert (again.added, again.changed, again.removed) == (0, 0, 0)


def test_update_without_feeds_says_how_to_add_one(run_cli: CliRunner) -> None:
    result = run_cli("update")
    assert result.returncode == 1 and "briefing feeds add" in result.stderr


def test_import_pages_feeds_json_lines_and_addresses(
    run_cli: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    page = write(
        tmp_path / "saved.html",
        "<html><head><title>Saved page</title><meta name='author' content='Ann Author'>"
        "<meta property='og:site_name' content='Daily Example'></head><body>"
        "<nav>Home World Sport</nav><article><h1>Saved page</h1>" + story(1, 200) + "</article>"
        "<footer>Copyright</footer></body></html>",
    )
    empty = write(tmp_path / "empty.html", "<html><body><nav>Home</nav></body></html>")
    lines = write(
        tmp_path / "dump.jsonl",
        '{"title": "From JSON", "text": "One paragraph.\\n\\nAnother.", "source": "Wire"}\n'
        "{broken\n"
        '{"title": "No text"}\n',
    )
    feed = write(tmp_path / "feed.xml", rss("File Feed", [item(2)]))
    url = feed_server.add(
        "/page",
        "<html><head><title>Web page</title></head><body><article>"
        + story(3, 200)
        + "</article></body></html>",
        content_type="text/html",
    )
    into = tmp_path / "into"
    result = run_cli(
        "import", page, empty, lines, feed, url, feed_server.url("/nope"), "--into", into
    )
    assert result.returncode == 0, result.stderr
    assert "4 articles added" in result.stdout
    for reason in (
        "empty.html: no article text",
        "dump.jsonl, line 2: not valid JSON",  # the line, not the whole file
        'dump.jsonl, line 3: no "text"',
        "nope: HTTP 404",
    ):
        assert reason in result.stderr
    assert "Traceback" not in result.stderr
    summary = json.loads(run_cli("summary", into, "-f", "json", "--no-facts").stdout)["articles"]
    by_title = {a["title"]: a for a in summary}
    assert set(by_title) == {"Saved page", "From JSON", "Story 2", "Web page"}
    assert by_title["Saved page"]["author"] == "Ann Author"
    assert by_title["Saved page"]["source"] == "Daily Example"
    assert by_title["Story 2"]["source"] == "File Feed"
    again = run_cli("import", page, "--into", into)
    assert "already there" in again.stdout


def test_the_library_folder_rule(run_cli: CliRunner, tmp_path: Path, isolated_dirs: Path) -> None:
    def sources(cwd: Path, *args: str, env: dict[str, str] | None = None) -> set[str]:
        result = run_cli("summary", "-f", "json", "--no-facts", *args, cwd=cwd, env=env)
        assert result.returncode == 0, result.stderr
        return {Path(a["path"]).name for a in json.loads(result.stdout)["articles"]}

    empty = tmp_path / "empty"
    empty.mkdir()
    samples = {p.name for p in (ROOT / "articles").glob("*.txt")}
    assert sources(empty) == samples  # an empty data-dir library: the samples stand in
    data_library = isolated_dirs / "xdg_data_home" / "briefing" / "library"
    write(data_library / "mine.txt", "Mine\n\nMy own article text.\n")
    assert sources(empty) == {"mine.txt"}
    local = tmp_path / "withlocal"
    write(local / "articles" / "local.txt", "Local\n\nA local article.\n")
    assert sources(local) == {"local.txt"}
    configured = write(tmp_path / "conf" / "config.toml", 'library = "lib"\n')
    write(tmp_path / "conf" / "lib" / "conf.txt", "Configured\n\nFrom the config.\n")
    assert sources(local, env={"BRIEFING_CONFIG": str(configured)}) == {"conf.txt"}
    write(tmp_path / "envlib" / "env.txt", "Env\n\nFrom the environment.\n")
    env = {"BRIEFING_CONFIG": str(configured), "BRIEFING_LIBRARY": str(tmp_path / "envlib")}
    assert sources(local, env=env) == {"env.txt"}
    assert sources(local, "--library", str(data_library), env=env) == {"mine.txt"}


@pytest.mark.parametrize("command", [["summary"], ["search", "forum"], ["facts"], ["digest"]])
def test_a_named_library_that_does_not_exist_is_an_error_not_the_samples(
    run_cli: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "no-such-library"
    for args, env in (
        (["--library", str(missing)], None),
        ([], {"BRIEFING_LIBRARY": str(missing)}),
    ):
        result = run_cli(*command, *args, env=env)
        assert result.returncode != 0
        assert f"no such library folder: {missing}" in result.stderr
        assert "Almaty" not in result.stdout  # the bundled samples do not stand in
        assert "Traceback" not in result.stderr
    afile = tmp_path / "one.txt"
    afile.write_text("Title\n\nBody.\n")
    named_file = run_cli(*command, "--library", afile)
    assert named_file.returncode != 0 and "the library folder is not a folder" in named_file.stderr
    # Bookmarks need no library to list them.
    listed = run_cli("bookmarks", "list", env={"BRIEFING_LIBRARY": str(missing)})
    assert listed.returncode == 0 and "no bookmarks" in listed.stdout, listed.stderr
    (tmp_path / "empty-library").mkdir()  # one that exists but is empty: the samples
    result = run_cli("summary", "--library", tmp_path / "empty-library")
    assert result.returncode == 0 and "Almaty" in result.stdout


@pytest.mark.parametrize(
    ("command", "titles"),
    [
        (["summary", "-f", "json", "--no-facts"], lambda r: [a["title"] for a in r["articles"]]),
        (
            ["facts", "-f", "json"],
            lambda r: sorted({a["title"] for e in r["entities"] for a in e["articles"]}),
        ),
        (["search", "harbour", "-f", "json"], lambda r: [h["title"] for h in r["results"]]),
        (["digest", "-f", "json"], lambda r: [a["title"] for a in r["unclustered"]]),
        (
            ["digest", "--query", "harbour", "-f", "json"],
            lambda r: [a["title"] for a in r["unclustered"]],
        ),
    ],
    ids=["summary", "facts", "search", "digest", "digest-query"],
)
def test_every_reading_command_reads_the_library_option(
    run_cli: CliRunner, tmp_path: Path, command: list[str], titles: Callable[[dict], list[str]]
) -> None:
    folder = tmp_path / "chosen"
    text = (
        "Harbour Vote\n\nThe council in Oslo voted on the harbour budget, Mayor Anna Berg said.\n"
    )
    write(folder / "harbour.txt", text)
    result = run_cli(*command, "--library", folder, cwd=ROOT)  # ROOT has ./articles: not read
    assert result.returncode == 0, result.stderr
    assert titles(json.loads(result.stdout)) == ["Harbour Vote"]


def test_one_shot_commands_do_not_import_the_web_libraries(tmp_path: Path) -> None:
    for prefix in ("httpx", "trafilatura", "feedparser", "lxml", "defusedxml"):
        loaded, _ = modules_loaded_by(
            ["summary", str(ROOT / "articles"), "-f", "json"],
            ["search", "forum", str(ROOT / "articles"), "-f", "json"],
            prefix=prefix,
        )
        assert loaded == [], prefix


@pytest.mark.parametrize("command", [["feeds", "list", "-f", "json"], ["feeds", "export"]])
def test_feed_commands_start_without_the_web_libraries(command: list[str]) -> None:
    loaded, _ = modules_loaded_by(command, prefix="httpx")
    assert loaded == []


@pytest.mark.skipif(shutil.which("script") is None, reason="needs util-linux `script` for a pty")
def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe(
    run_cli: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.add("/rss", rss("G", [item(1)]))
    run_cli("feeds", "add", feed_server.url("/rss"))
    piped = run_cli("update", "--library", tmp_path / "piped")
    assert "updating" not in piped.stderr
    command = f"{shlex.quote(sys.executable)} -m briefing update --library {tmp_path / 'tty'}"
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    on_tty = subprocess.run(
        ["script", "-qec", command, "/dev/null"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert "updating" in on_tty.stdout and "1/1" in on_tty.stdout
    assert "G: 1 new, 0 updated, 0 unchanged" in on_tty.stdout


def test_the_reader_of_a_fresh_install_shows_the_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review found it: no ./articles and no library folder yet (a new user's
    # first `briefing`) must show the samples, not "no such library folder".
    import argparse

    from briefing.errors import UserError
    from briefing.library.files import bundled_articles_dir
    from briefing.tui.run import reader_paths

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFING_LIBRARY", raising=False)
    args = argparse.Namespace(paths=[], library=None)
    paths, library = reader_paths(args)
    assert paths == [bundled_articles_dir()]
    assert library.name == "library" and not library.exists()  # made by the first update
    with pytest.raises(UserError, match="no such library folder"):
        reader_paths(argparse.Namespace(paths=[], library=str(tmp_path / "missing")))
