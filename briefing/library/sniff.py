"""Recognising files we do not read by their first bytes, whatever they are
called: a PDF, a Word file, a web page or a feed saved as ``.txt`` was read as
text and became an article titled ``%PDF-1.4`` or ``<!DOCTYPE html>``.

HTML pages and feeds (``WEB_KINDS``) go to the web loaders
(``briefing.library.sources``); every other kind is named in one line.
"""

from __future__ import annotations

import re

__all__ = ["WEB_KINDS", "unsupported_format"]

# Magic numbers at the very start of the file.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word or another Office 97 file"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "SQLite"),
)
# Zip-based formats tell themselves apart by a member name near the start.
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "Word"),
    (b"ppt/", "PowerPoint"),
    (b"xl/", "Excel"),
    (b"application/epub+zip", "EPUB"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "OpenDocument"),
)
_MARKUP = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*
    <(!doctype\s+html|html|head|body|rss|feed|rdf:rdf)\b""",
    re.I | re.S | re.X,
)
_MARKUP_KINDS = {b"rss": "RSS feed", b"feed": "Atom feed", b"rdf:rdf": "RSS feed"}
# What the web loaders read rather than refuse.
WEB_KINDS = frozenset({"HTML", "RSS feed", "Atom feed"})


def unsupported_format(data: bytes) -> str | None:
    """The name of a format we do not read (``"PDF"``), or None for text we may."""
    head = data[:4096]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"PK\x03\x04"):
        return next((name for member, name in _ZIP_KINDS if member in head), "ZIP")
    markup = _MARKUP.match(head)
    if markup:
        return _MARKUP_KINDS.get(markup.group(1).lower(), "HTML")
    return None
