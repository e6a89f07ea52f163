"""Fetching: the rules every request follows, against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import email.utils
import time

import pytest
from feedserver import FeedServer

from briefing import __version__
from briefing.feeds.http import Fetcher, FetchError, Response, RetryLater, retry_after_seconds


def get(url: str, **kw: object) -> Response:
    options = {k: kw.pop(k) for k in ("timeout", "max_bytes") if k in kw}

    async def go() -> Response:
        async with Fetcher(**options) as client:  # type: ignore[arg-type]
            return await client.get(url, **kw)  # type: ignore[arg-type]

    return asyncio.run(go())


def test_a_plain_get_names_briefing_and_its_version(feed_server: FeedServer) -> None:
    url = feed_server.add("/feed", "<rss/>")
    response = get(url)
    assert (response.status, response.body) == (200, b"<rss/>")
    agent = feed_server.hits("/feed")[0]["user-agent"]
    assert agent.startswith(f"briefing/{__version__} (+")


def test_gzip_is_asked_for_and_decoded(feed_server: FeedServer) -> None:
    url = feed_server.add("/gz", "<rss>" + "x" * 5000 + "</rss>", gzip=True)
    assert get(url).body == ("<rss>" + "x" * 5000 + "</rss>").encode()
    assert "gzip" in feed_server.hits("/gz")[0]["accept-encoding"]


def test_conditional_requests_get_a_304(feed_server: FeedServer) -> None:
    url = feed_server.add(
        "/f", "<rss/>", etag='"v1"', last_modified="Fri, 04 Dec 2026 10:00:00 GMT"
    )
    first = get(url)
    assert first.etag == '"v1"' and first.last_modified
    second = get(url, etag=first.etag, last_modified=first.last_modified)
    assert (second.status, second.body) == (304, b"")
    assert feed_server.hits("/f")[1]["if-none-match"] == '"v1"'


def test_a_redirect_chain_is_followed_up_to_five(feed_server: FeedServer) -> None:
    for n in range(5):
        feed_server.add(f"/r{n}", status=301, location=f"/r{n + 1}")
    feed_server.add("/r5", "<rss/>")
    response = get(feed_server.url("/r0"))
    assert response.body == b"<rss/>" and response.url.endswith("/r5")


def test_a_sixth_redirect_a_loop_and_a_file_address_are_refused(feed_server: FeedServer) -> None:
    for n in range(6):
        feed_server.add(f"/s{n}", status=302, location=f"/s{n + 1}")
    feed_server.add("/s6", "<rss/>")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        get(feed_server.url("/s0"))
    feed_server.add("/loop-a", status=302, location="/loop-b")
    feed_server.add("/loop-b", status=302, location="/loop-a")
    with pytest.raises(FetchError, match="redirect loop"):
        get(feed_server.url("/loop-a"))
    feed_server.add("/to-file", status=302, location="file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https"):
        get(feed_server.url("/to-file"))


def test_a_slow_response_times_out(feed_server: FeedServer) -> None:
    url = feed_server.add("/slow", "<rss/>", delay=2.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        get(url, timeout=0.3)
    assert time.monotonic() - started < 1.8


def test_an_oversized_response_is_cut_off_declared_or_not(feed_server: FeedServer) -> None:
    declared = feed_server.add("/big", b"x" * 5000)
    with pytest.raises(FetchError, match="too large"):
        get(declared, max_bytes=1000)
    streamed = feed_server.add("/big-stream", b"x" * 50_000, chunks=50)
    with pytest.raises(FetchError, match="too large"):
        get(streamed, max_bytes=1000)
    # A small gzip body that inflates past the cap is stopped too.
    bomb = feed_server.add("/bomb", b"\0" * 200_000, gzip=True)
    with pytest.raises(FetchError, match="too large"):
        get(bomb, max_bytes=10_000)


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_error_statuses_name_the_status(feed_server: FeedServer, status: int, words: str) -> None:
    url = feed_server.add("/e", "oops", status=status)
    with pytest.raises(FetchError, match=words):
        get(url)


def test_retry_after_is_waited_out_when_short_and_deferred_when_long(
    feed_server: FeedServer,
) -> None:
    url = feed_server.add("/busy", "", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(RetryLater, match="HTTP 429") as caught:
        get(url)
    assert caught.value.not_before > time.time() + 3000
    short = feed_server.add("/short", "", status=429, headers={"Retry-After": "0"})
    with pytest.raises(FetchError, match="again after waiting"):
        get(short)
    assert len(feed_server.hits("/short")) == 2  # asked once more after the wait


def test_retry_after_reads_seconds_and_dates() -> None:
    now = time.time()
    assert retry_after_seconds("120") == 120
    date = email.utils.formatdate(now + 60, usegmt=True)
    assert 55 <= (retry_after_seconds(date, now) or 0) <= 61
    assert retry_after_seconds("soon") is None


def test_nothing_listening_is_a_reason_not_a_traceback() -> None:
    with FeedServer() as server:
        url = server.url("/x")
    with pytest.raises(FetchError, match="cannot connect"):
        get(url)
