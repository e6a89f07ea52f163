"""Web addresses: which strings from outside may be used as one."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["linkable_url"]


def linkable_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address, else None (no javascript:,
    data: or file: links in an export)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    return url
