"""The update run end to end: real server, real files, read back by the real library."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedserver import FeedServer, rss, story

from briefing.feeds.http import Fetcher
from briefing.feeds.subscriptions import Subscription
from briefing.feeds.update import FeedOutcome, UpdateEvents, run_update
from briefing.library.load import load_library

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
<link href="http://example.invalid/"/><id>urn:atom-times</id><updated>2026-12-01T00:00:00Z</updated>
<entry><title>Atom story</title><id>urn:atom:1</id><link href="http://example.invalid/a1"/>
<updated>2026-12-01T08:30:00+01:00</updated><author><name>Ann Author</name></author>
<category term="science"/><content type="html">{body}</content></entry></feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.invalid/"><title>RDF Daily</title><link>http://example.invalid/</link>
<description>d</description></channel>
<item rdf:about="http://example.invalid/r1"><title>RDF story</title><link>http://example.invalid/r1</link>
<description>{body}</description><dc:date>2026-11-30T12:00:00Z</dc:date></item></rdf:RDF>"""


def escaped(html: str) -> str:
    from xml.sax.saxutils import escape

    return escape(html)


def item(n: int, **extra: str) -> dict[str, str]:
    return {
        "title": f"Story {n}",
        "link": f"http://example.invalid/{n}",
        "guid": f"guid-{n}",
        "pubDate": "Fri, 04 Dec 2026 10:00:00 GMT",
        "description": story(n),
        **extra,
    }


def update(library: Path, *feeds: Subscription, timeout: float = 5.0) -> list[FeedOutcome]:
    return run_update(list(feeds), library, fetcher=lambda: Fetcher(timeout=timeout))


def files(library: Path) -> dict[str, str]:
    return {
        p.relative_to(library).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(library.rglob("*"))
        if p.is_file()
    }


def test_rss_atom_and_rdf_entries_become_articles_with_front_matter(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.add("/rss", rss("The Gazette", [item(1, category="ports")]))
    feed_server.add(
        "/atom", ATOM.format(body=escaped(story(2))), content_type="application/atom+xml"
    )
    feed_server.add("/rdf", RDF.format(body=escaped(story(3))), content_type="application/rdf+xml")
    library = tmp_path / "lib"
    outcomes = update(
        library, *(Subscription(feed_server.url(p)) for p in ("/rss", "/atom", "/rdf"))
    )
    assert [(o.new, o.error) for o in outcomes] == [(1, None)] * 3
    articles = {a.title: a for a in load_library([library]).articles}
    assert set(articles) == {"Story 1", "Atom story", "RDF story"}
    gazette = articles["Story 1"]
    assert gazette.source == "The Gazette" and gazette.tags == ("ports",)
    assert gazette.published == "2026-12-04T10:00:00Z"
    assert gazette.url == "http://example.invalid/1"
    assert gazette.path is not None and gazette.path.parent.name == "the-gazette"
    assert "<p>" not in gazette.body and gazette.body.count("\n\n") >= 1
    atom = articles["Atom story"]
    assert (atom.author, atom.tags, atom.published) == (
        "Ann Author",
        ("science",),
        "2026-12-01T07:30:00Z",
    )
    text = (gazette.path).read_text(encoding="utf-8")
    assert f"feed: {feed_server.url('/rss')}" in text and "guid: guid-1" in text


def test_second_update_costs_one_304_and_writes_nothing(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.add("/rss", rss("G", [item(1), item(2)]), etag='"e1"')
    library = tmp_path / "lib"
    feed = Subscription(feed_server.url("/rss"))
    assert update(library, feed)[0].new == 2
    before = files(library)
    feed = Subscription(feed.url, folder="g")
    outcome = update(library, feed)[0]
    assert (outcome.new, outcome.updated, outcome.error, outcome.not_modified) == (0, 0, None, True)
    assert feed_server.hits("/rss")[-1]["if-none-match"] == '"e1"'
    assert files(library) == before


def test_known_entries_are_not_written_twice_and_changed_text_replaces_its_file(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    library = tmp_path / "lib"
    feed_server.add("/rss", rss("G", [item(1), item(2), item(2)]))  # a duplicate entry
    first = update(library, Subscription(feed_server.url("/rss")))[0]
    assert (first.new, first.unchanged) == (2, 1)
    changed = item(1, description=story(1) + "<p>A correction was added later.</p>")
    same_text_new_guid = item(2, guid="other-guid", link="http://example.invalid/other")
    feed_server.add("/rss", rss("G", [changed, same_text_new_guid, item(3)]))
    second = update(library, Subscription(feed_server.url("/rss"), folder="g"))[0]
    assert (second.new, second.updated, second.unchanged) == (1, 1, 1)
    names = sorted(p.name for p in (library / "g").glob("*.md"))
    assert names == ["story-1.md", "story-2.md", "story-3.md"]
    assert "A correction was added later." in (library / "g" / "story-1.md").read_text()


def test_an_interrupted_run_leads_to_no_duplicates(feed_server: FeedServer, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    feed_server.add("/rss", rss("G", [item(1)]))
    update(library, Subscription(feed_server.url("/rss")))
    (library / "g" / ".feed.json").unlink()  # as if the run stopped before saving its state
    outcome = update(library, Subscription(feed_server.url("/rss"), folder="g"))[0]
    assert (outcome.new, outcome.unchanged) == (0, 1)


def test_a_feed_in_a_legacy_encoding_and_a_gzipped_feed(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    legacy = rss("Café Zürich", [item(1, title="Grüße aus Zürich")], encoding="iso-8859-1")
    feed_server.add("/latin", legacy.encode("iso-8859-1"), content_type="application/rss+xml")
    feed_server.add("/gz", rss("Zipped", [item(2)]), gzip=True)
    library = tmp_path / "lib"
    outcomes = update(
        library, Subscription(feed_server.url("/latin")), Subscription(feed_server.url("/gz"))
    )
    assert [o.error for o in outcomes] == [None, None]
    titles = {a.title: a.source for a in load_library([library]).articles}
    assert titles["Grüße aus Zürich"] == "Café Zürich"
    assert "Story 2" in titles


BAD_FEEDS = {
    "/truncated": (rss("T", [item(1)])[:-40], "application/rss+xml", "malformed"),
    "/garbage": ("<rss><channel><title>x</chan", "application/rss+xml", "malformed|not"),
    "/html": ("<html><body><p>Just a page.</p></body></html>", "text/html", "not a feed"),
    "/binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "image/png", "binary"),
    "/empty": ("", "application/rss+xml", "empty"),
    "/missing": (None, "", "HTTP 404"),
    "/broken": ("oops", "text/plain", "HTTP 500"),
}


def test_each_bad_feed_fails_with_its_reason_and_the_rest_are_saved(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    for path, (body, kind, _) in BAD_FEEDS.items():
        if body is not None:
            feed_server.add(path, body, content_type=kind, status=500 if path == "/broken" else 200)
    feed_server.add("/good", rss("Good", [item(1)]))
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefg", "bcdefgh", strict=True)
        )
        + ']><rss version="2.0"><channel><title>&h;</title></channel></rss>'
    )
    feed_server.add("/bomb", bomb)
    library = tmp_path / "lib"
    paths = [*BAD_FEEDS, "/bomb", "/good"]
    outcomes = update(library, *(Subscription(feed_server.url(p)) for p in paths))
    reasons = dict(zip(paths, (o.error for o in outcomes), strict=True))
    import re

    for path, (_, _, expected) in BAD_FEEDS.items():
        assert reasons[path] and re.search(expected, reasons[path]), (path, reasons[path])
        assert "\n" not in reasons[path]
    assert "XML bomb" in (reasons["/bomb"] or "")
    assert reasons["/good"] is None
    assert [p.parent.name for p in library.rglob("*.md")] == ["good"]


def test_a_failed_update_leaves_the_feeds_folder_as_it_was(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    library = tmp_path / "lib"
    feed_server.add("/rss", rss("G", [item(1)]))
    update(library, Subscription(feed_server.url("/rss")))
    before = files(library)
    feed_server.add("/rss", rss("G", [item(1), item(2)])[:-30])  # now truncated
    outcome = update(library, Subscription(feed_server.url("/rss"), folder="g"))[0]
    assert outcome.failed
    assert files(library) == before


def test_hostile_titles_stay_inside_the_folder_and_are_plain_text(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    titles = ["../../etc/passwd", "a/b\\c", "\x1b[31mred\x1b[0m [bold]x[/bold]", "...", "Story"]
    items = [item(n, title=t) for n, t in enumerate(titles)] + [item(9, title="Story")]
    feed_server.add("/rss", rss("../Evil [red]feed[/red]", items))
    library = tmp_path / "lib"
    outcome = update(library, Subscription(feed_server.url("/rss")))[0]
    assert outcome.new == 6
    written = [p for p in library.rglob("*") if p.is_file()]
    assert all(p.resolve().is_relative_to(library.resolve()) for p in written)
    assert len({p.name for p in written if p.suffix == ".md"}) == 6  # collisions numbered
    loaded = load_library([library]).articles
    assert not any("\x1b" in a.title for a in loaded)
    assert "[31mred[0m [bold]x[/bold]" in {a.title for a in loaded}
    assert {a.source for a in loaded} == {"../Evil [red]feed[/red]"}


def test_teasers_get_the_text_of_their_page(feed_server: FeedServer, tmp_path: Path) -> None:
    page = (
        "<html><head><title>Full story</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/s'>Sport</a></nav><article><h1>Full story</h1>"
        + story(7, 300)
        + "</article><div class='comments'><p>First! Great article, said a reader.</p></div>"
        "</body></html>"
    )
    page_url = feed_server.add("/page", page, content_type="text/html; charset=utf-8")
    teaser = item(7, link=page_url, description="The council met again on Monday…")
    feed_server.add(
        "/rss", rss("G", [teaser, item(8, link=feed_server.url("/gone"), description="Short…")])
    )
    library = tmp_path / "lib"
    outcome = update(library, Subscription(feed_server.url("/rss")))[0]
    assert (outcome.new, outcome.error) == (2, None)
    articles = {a.title: a for a in load_library([library]).articles}
    assert "Paragraph 3 of story 7" in articles["Story 7"].body
    assert "First!" not in articles["Story 7"].body and "Sport" not in articles["Story 7"].body
    assert articles["Story 8"].body == "Short…"  # its page is gone: the teaser stays


def test_full_text_feeds_fetch_every_page(feed_server: FeedServer, tmp_path: Path) -> None:
    page_url = feed_server.add(
        "/p",
        "<html><body><article>" + story(5, 300) + "</article></body></html>",
        content_type="text/html",
    )
    feed_server.add("/rss", rss("G", [item(5, link=page_url)]))
    library = tmp_path / "lib"
    update(library, Subscription(feed_server.url("/rss"), full_text=True))
    assert len(feed_server.hits("/p")) == 1
    update(library, Subscription(feed_server.url("/rss"), name="plain"))
    assert len(feed_server.hits("/p")) == 1  # not for a feed without --full-text


def test_a_429_with_a_long_retry_after_defers_the_feed(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    library = tmp_path / "lib"
    feed_server.add("/rss", rss("G", [item(1)]))
    update(library, Subscription(feed_server.url("/rss")))
    feed_server.add("/rss", "", status=429, headers={"Retry-After": "3600"})
    feed = Subscription(feed_server.url("/rss"), folder="g")
    assert "429" in (update(library, feed)[0].error or "")
    hits = len(feed_server.hits("/rss"))
    later = update(library, feed)[0]
    assert later.waiting and not later.failed
    assert len(feed_server.hits("/rss")) == hits  # not asked again before the time


def test_events_report_each_feed_and_each_article(feed_server: FeedServer, tmp_path: Path) -> None:
    feed_server.add("/rss", rss("G", [item(1), item(2)]))
    done: list[str] = []
    written: list[str] = []
    events = UpdateEvents(
        feed_done=lambda o: done.append(o.feed.url),
        article_written=lambda w: written.append(w.article.title if w.article else ""),
    )
    run_update([Subscription(feed_server.url("/rss"))], tmp_path / "lib", events)
    assert done == [feed_server.url("/rss")] and sorted(written) == ["Story 1", "Story 2"]


@pytest.mark.parametrize("folder_taken_by", ["user", "other feed"])
def test_a_new_feed_never_writes_into_a_folder_it_does_not_own(
    feed_server: FeedServer, tmp_path: Path, folder_taken_by: str
) -> None:
    library = tmp_path / "lib"
    (library / "g").mkdir(parents=True)
    (library / "g" / "mine.txt").write_text("Mine\n\nMy own notes.\n")
    feed_server.add("/rss", rss("G", [item(1)]))
    update(library, Subscription(feed_server.url("/rss")))
    assert sorted(p.name for p in (library / "g").iterdir()) == ["mine.txt"]
    assert (library / "g-2" / "story-1.md").exists()


def test_a_story_in_two_feeds_is_written_once(feed_server: FeedServer, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    feed_server.add("/a", rss("A", [item(1), item(2)]))
    feed_server.add("/b", rss("B", [item(2, guid="b-2", link="http://b.invalid/2"), item(3)]))
    first = update(library, Subscription(feed_server.url("/a")))[0]
    second = update(library, Subscription(feed_server.url("/b")))[0]
    assert (first.new, second.new, second.unchanged) == (2, 1, 1)
    both = update(
        library,
        Subscription(feed_server.url("/a"), folder="a"),
        Subscription(feed_server.url("/b"), folder="b"),
    )
    assert [o.new for o in both] == [0, 0]
    assert sorted(p.name for p in library.rglob("*.md")) == [
        "story-1.md",
        "story-2.md",
        "story-3.md",
    ]


def test_a_guid_that_is_no_address_is_not_the_url(tmp_path: Path) -> None:
    # Found trying the CLI: an item with no <link> took its guid ("c1") as
    # its url, by RSS's rule that a guid is a permalink unless it says not.
    from briefing.library.loaders.feed import parse_feed

    feed = parse_feed(
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>No link</title><guid>c1</guid><description>Text.</description></item>"
        b"<item><title>Linked</title><guid>http://example.org/b</guid><description>Text.</description></item>"
        b"</channel></rss>"
    )
    by_title = {e.title: e for e in feed.entries}
    assert by_title["No link"].url is None and by_title["No link"].guid == "c1"
    assert by_title["Linked"].url == "http://example.org/b"
