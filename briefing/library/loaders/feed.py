"""RSS 0.9x/1.0/2.0 and Atom feeds into entries, and entries into articles.

feedparser does the parsing (it copes with the many dialects and broken
encodings found in the wild); defusedxml looks first, so that a document
declaring entities (the "billion laughs" bomb) is refused before anything
expands them. Both are imported only when a feed is read.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass, field

from briefing.library.loaders.errors import ArticleFormatError
from briefing.library.loaders.html import html_to_text
from briefing.library.model import Article
from briefing.library.text import sanitise
from briefing.library.urls import linkable_url

__all__ = ["FeedEntry", "ParsedFeed", "entry_article", "parse_feed"]

# An entry whose text is shorter than this, or ends like a teaser, is only
# the start of an article: its page is worth fetching for the full text.
TEASER_WORDS = 80
_TEASER_ENDINGS = ("…", "...", "[…]", "[...]", "read more", "continue reading", "more »")


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, as text: no markup, no control characters."""

    title: str
    text: str
    guid: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    has_content: bool = False  # a full content element, not only a summary

    @property
    def is_teaser(self) -> bool:
        if not self.text:
            return True
        if self.has_content:
            return False
        return len(self.text.split()) < TEASER_WORDS or self.text.lower().endswith(_TEASER_ENDINGS)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    site: str | None
    entries: list[FeedEntry] = field(default_factory=list)


def _one_line(value: object) -> str | None:
    if not value:
        return None
    return " ".join(sanitise(str(value)).split()) or None


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    except (TypeError, ValueError):
        return None


def _refuse_entities(data: bytes) -> None:
    """Refuse a document that declares entities, before anything expands them.

    Entities can only be declared in a DOCTYPE, so a document without one
    (nearly every feed) skips the check, which parses the whole document
    once more (about a third of the parsing time of a feed).
    """
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"<!DOCTYPE" not in data:
        return
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    try:
        safe_tree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ArticleFormatError(
            "refused: the XML declares entities (a possible XML bomb)"
        ) from None
    except Exception:
        pass  # not well-formed: feedparser has the last word, below


def _looks_binary(data: bytes) -> bool:
    head = data[:1024]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def parse_feed(data: bytes, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document; ArticleFormatError with a reason when it is none."""
    if not data.strip():
        raise ArticleFormatError("empty response")
    if _looks_binary(data):
        raise ArticleFormatError(f"not a feed: binary content ({content_type or 'unknown type'})")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Control characters are not allowed in XML, yet feeds carry them
        # (a stray ESC in a title): dropped, rather than failing the feed.
        data = _CONTROL_BYTES.sub(b"", data)
    _refuse_entities(data)
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    # A stream, never a string: feedparser would fetch a string that looks
    # like an address, or open one that names a file. Its HTML sanitizer is
    # not needed (entries are reduced to text by html_to_text, scripts and
    # all dropped) and would double the parsing time.
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = parsed.get("version") or ""
    entries = [e for e in (_entry(item) for item in parsed.entries) if e is not None]
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and _is_xml_error(error):
        # Broken XML (a truncated download, say): feedparser's lenient parser
        # would salvage part of it, perhaps a half entry; the whole feed fails
        # instead, and the library stays as it was until a good copy comes.
        raise ArticleFormatError(f"malformed feed: {_reason(error)}")
    if parsed.get("bozo") and not entries:
        if not version:
            kind = (content_type or "").split(";")[0].strip()
            reason = f" (the server sent {kind})" if kind and "xml" not in kind else ""
            raise ArticleFormatError(f"not a feed{reason}: {_reason(error)}")
        if not _is_encoding_note(error):
            raise ArticleFormatError(f"malformed feed: {_reason(error)}")
    if not version and not entries:
        raise ArticleFormatError("not an RSS or Atom feed")
    feed = parsed.get("feed", {})
    return ParsedFeed(_one_line(feed.get("title")), _one_line(feed.get("link")), entries)


def _is_xml_error(error: object) -> bool:
    import xml.sax

    return isinstance(error, xml.sax.SAXException) and not _is_encoding_note(error)


def _is_encoding_note(error: object) -> bool:
    return type(error).__name__ in ("CharacterEncodingOverride", "NonXMLContentType")


def _reason(error: object) -> str:
    text = _one_line(getattr(error, "getMessage", lambda: str(error))()) or "unreadable"
    line = getattr(error, "getLineNumber", None)
    return f"{text} (line {line()})" if callable(line) else text


def _entry(item: dict) -> FeedEntry | None:
    contents = item.get("content") or []
    html = next((c.get("value") for c in contents if c.get("value")), None)
    text = html_to_text(html or item.get("summary") or item.get("description") or "")
    title = _one_line(item.get("title")) or (text.split("\n", 1)[0][:100] if text else None)
    if not title:
        return None
    tags = {_one_line(t.get("term") or t.get("label")) for t in item.get("tags") or []}
    return FeedEntry(
        title=title,
        text=text,
        guid=_one_line(item.get("id")),
        # A guid that is no address ("c1") is the link by RSS's rule
        # (isPermaLink defaults to true): not one a reader could open.
        url=linkable_url(_one_line(item.get("link"))),
        published=_iso(item.get("published_parsed") or item.get("updated_parsed")),
        author=_one_line(item.get("author")),
        tags=tuple(sorted(t for t in tags if t)),
        has_content=bool(html),
    )


def entry_article(entry: FeedEntry, source: str | None) -> Article:
    """The article an entry becomes (``ArticleFormatError`` if it has no text)."""
    if not entry.text:
        raise ArticleFormatError(f"{entry.title!r}: no text")
    return Article(
        title=entry.title,
        body=entry.text,
        source=source,
        url=entry.url,
        published=entry.published,
        author=entry.author,
        tags=entry.tags,
    )
