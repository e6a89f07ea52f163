"""OPML 2.0: the subscription list every feed reader imports and exports."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import quoteattr

from briefing.feeds.subscriptions import Subscription
from briefing.library.text import sanitise

__all__ = ["OpmlError", "read_opml", "write_opml"]

MAX_OPML_BYTES = 10 * 1024 * 1024


class OpmlError(Exception):
    """Not an OPML file we can read (one line)."""


def read_opml(data: bytes) -> list[Subscription]:
    """The feeds (``outline`` elements with an ``xmlUrl``) at any depth.

    Parsed with defusedxml: entity declarations are refused, never expanded.
    """
    import defusedxml.ElementTree as safe_tree
    from defusedxml import DefusedXmlException

    if len(data) > MAX_OPML_BYTES:
        raise OpmlError("too large for an OPML file")
    try:
        root = safe_tree.fromstring(data)
    except DefusedXmlException:
        raise OpmlError("refused: the XML declares entities (a possible XML bomb)") from None
    except Exception as error:
        raise OpmlError(f"not valid XML: {error}") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not an OPML file (its root is <{root.tag}>)")
    feeds: list[Subscription] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            name = " ".join(sanitise(outline.get("title") or outline.get("text") or "").split())
            feeds.append(Subscription(url=sanitise(url), name=name or None))
    return feeds


def write_opml(feeds: list[Subscription], now: datetime | None = None) -> str:
    when = format_datetime(now or datetime.now(UTC), usegmt=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        "    <title>briefing subscriptions</title>",
        f"    <dateCreated>{when}</dateCreated>",
        "  </head>",
        "  <body>",
    ]
    for feed in feeds:
        label = quoteattr(sanitise(feed.label), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
        lines.append(
            f'    <outline type="rss" text={label} title={label} xmlUrl={quoteattr(feed.url)}/>'
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
