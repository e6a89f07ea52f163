"""The feeds a user follows, kept in ``feeds.json`` in the user config folder.

    {"format": "briefing.feeds", "version": 1,
     "feeds": [{"url": "https://…/rss", "name": null, "full_text": false,
                "title": "The Gazette", "folder": "the-gazette"}]}

``name`` is the user's own (``feeds add --name``); ``title`` and ``folder``
are filled in by the first update (the feed's title, and the library
sub-folder its entries go to). Written atomically; a file that does not
parse is reported and never overwritten.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from briefing.storage.fsutil import atomic_write_text

__all__ = [
    "FeedsFileError",
    "Subscription",
    "check_url",
    "feeds_path",
    "find_subscription",
    "load_subscriptions",
    "remember_details",
    "save_subscriptions",
]

FORMAT = "briefing.feeds"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024


class FeedsFileError(Exception):
    """The subscriptions file cannot be used (one line; the file is left alone)."""


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    name: str | None = None
    full_text: bool = False
    title: str | None = None
    folder: str | None = None

    @property
    def label(self) -> str:
        """How the feed is named to the user: their name, else its title, else
        its address (before the first update, or when it never worked)."""
        return self.name or self.title or self.url


def feeds_path() -> Path:
    override = os.environ.get("BRIEFING_FEEDS")
    if override:
        return Path(override)
    from briefing.storage.config import config_path

    return config_path().parent / "feeds.json"


def check_url(url: str) -> str:
    """The URL, if it is an http(s) address; else ValueError with the reason."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"not an http(s) address: {url!r}")
    if not parts.netloc:
        raise ValueError(f"no host in {url!r}")
    return url


def load_subscriptions(path: Path | None = None) -> list[Subscription]:
    path = path or feeds_path()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FeedsFileError(f"{path} is too large to be a subscriptions file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise FeedsFileError(f"{path} cannot be read: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FeedsFileError(f"{path} is not a briefing feeds file")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise FeedsFileError(f"{path} is from a newer briefing (version {data.get('version')})")
    feeds = data.get("feeds")
    if not isinstance(feeds, list):
        raise FeedsFileError(f"{path}: 'feeds' must be a list")
    return [_subscription(item, path, number) for number, item in enumerate(feeds, 1)]


def _subscription(item: object, path: Path, number: int) -> Subscription:
    if not isinstance(item, dict) or not isinstance(item.get("url"), str):
        raise FeedsFileError(f"{path}: feed {number} has no url")

    def text(key: str) -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) and value.strip() else None

    return Subscription(
        url=item["url"],
        name=text("name"),
        full_text=item.get("full_text") is True,
        title=text("title"),
        folder=text("folder"),
    )


def save_subscriptions(feeds: list[Subscription], path: Path | None = None) -> None:
    path = path or feeds_path()
    document = {"format": FORMAT, "version": VERSION, "feeds": [asdict(f) for f in feeds]}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def find_subscription(feeds: list[Subscription], key: str) -> Subscription | None:
    """The feed whose URL, name, title or folder is ``key`` (case aside)."""
    folded = key.strip().casefold()
    for feed in feeds:
        names = (feed.url, feed.name, feed.title, feed.folder)
        if any(n is not None and n.casefold() == folded for n in names):
            return feed
    return None


def remember_details(updated: list[Subscription], path: Path | None = None) -> None:
    """Record the title and folder an update found for each feed, in the file
    as it is now (a feed added or removed meanwhile is kept so)."""
    found = {f.url: f for f in updated if f.folder}
    current = load_subscriptions(path)
    changed = [
        replace(f, title=found[f.url].title or f.title, folder=found[f.url].folder)
        if f.url in found
        else f
        for f in current
    ]
    if changed != current:
        save_subscriptions(changed, path)
