"""Sources that are not article files: web pages, feeds and JSON Lines,
saved on disk or at an http(s) address, read into articles for import."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.model import Article
from briefing.library.text import DecodeError, decode_bytes

__all__ = ["RICH_SUFFIXES", "SourceArticles", "articles_from_markup", "is_url", "read_source"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
RICH_SUFFIXES = HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES


@dataclass
class SourceArticles:
    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # items skipped, with the reason
    feed: str | None = None  # the feed's address, for front matter


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str, max_bytes: int) -> SourceArticles:
    """The articles of one SOURCE; ArticleFormatError when it has none to give."""
    if is_url(source):
        return _read_url(source)
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleFormatError(f"too large ({size / 1_048_576:.1f} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise ArticleFormatError(error.strerror or str(error)) from None
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return _from_feed(data, None, None)
    text = _decode(data)
    if suffix in JSONL_SUFFIXES:
        from briefing.library.loaders.jsonl import parse_jsonl

        articles, problems = parse_jsonl(text)
        if not articles:
            raise ArticleFormatError(problems[0] if problems else "no articles")
        return SourceArticles(articles, problems)
    from briefing.library.loaders.html import parse_html_page

    return SourceArticles([parse_html_page(text, path)])


def articles_from_markup(data: bytes, kind: str, path: Path | None) -> list[Article]:
    """A saved web page (``kind`` "HTML") or feed found among article files,
    as articles; ArticleFormatError when it holds none."""
    if kind == "HTML":
        from briefing.library.loaders.html import parse_html_page

        return [parse_html_page(_decode(data), path)]
    return _from_feed(data, None, None).articles


def _decode(data: bytes) -> str:
    try:
        return decode_bytes(data)
    except DecodeError as error:
        raise ArticleFormatError(str(error)) from None


def _from_feed(data: bytes, content_type: str | None, url: str | None) -> SourceArticles:
    from briefing.library.loaders.feed import entry_article, parse_feed

    feed = parse_feed(data, content_type)
    result = SourceArticles(feed=url)
    for entry in feed.entries:
        try:
            result.articles.append(entry_article(entry, feed.title))
        except ArticleFormatError as error:
            result.problems.append(str(error))
    if not result.articles:
        raise ArticleFormatError("the feed has no entries with text")
    return result


def _read_url(url: str) -> SourceArticles:
    from briefing.feeds.http import Fetcher, FetchError

    async def fetch():
        async with Fetcher() as client:
            return await client.get(url)

    try:
        response = asyncio.run(fetch())
    except FetchError as error:
        raise ArticleFormatError(str(error)) from None
    kind = (response.content_type or "").split(";")[0].strip().lower()
    if "html" in kind:
        from briefing.library.loaders.html import parse_html_page

        article = parse_html_page(_decode(response.body), None, response.url)
        return SourceArticles([article])
    if "xml" in kind or "rss" in kind or "atom" in kind or not kind:
        return _from_feed(response.body, response.content_type, response.url)
    raise ArticleFormatError(f"neither a web page nor a feed ({kind})")
