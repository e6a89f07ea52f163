"""What the article list shows: everything, search results, one entity's
articles, or bookmarks. One value holds it, so that nothing (a refresh of the
library, typing in the filter box) can leave the list half in one mode and
half in another.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from rich.text import Text

from briefing.library.model import Listed
from briefing.tui.widgets.article_list import ArticleList

__all__ = ["Dates", "ListMode", "ListState", "arrange", "published_date", "title_key"]

E = TypeVar("E", bound=Listed)

Spans = tuple[tuple[int, int], ...]


# The empty mappings every mode without matches shares (read-only, so sharing
# is safe).
_NONE: Mapping[str, Any] = MappingProxyType({})


class ListMode(NamedTuple):
    """``all`` shows every article (narrowed by the title filter); the other
    kinds show exactly ``ids``, in that order.

    A NamedTuple, not a dataclass: the reader makes its class before the
    first frame, and a dataclass costs about a millisecond more to make."""

    kind: str = "all"  # "all" | "search" | "entity" | "bookmarks"
    ids: tuple[str, ...] = ()
    title: str = ""  # shown over the list (as plain text, never markup)
    empty: str = "No articles match."
    snippets: Mapping[str, tuple[str, Spans]] = _NONE
    title_spans: Mapping[str, Spans] = _NONE


class ListState:
    """The reader's list mode, and the one place that shows it in the list."""

    def __init__(self, article_list: Callable[[], ArticleList]) -> None:
        self._article_list = article_list
        self.mode = ListMode()

    @property
    def kind(self) -> str:
        return self.mode.kind

    def set(self, mode: ListMode) -> None:
        self.mode = mode
        self.apply()

    def apply(self) -> None:
        """Show the current mode (again, after the entries changed)."""
        mode = self.mode
        article_list = self._article_list()
        article_list.set_matches(dict(mode.snippets), dict(mode.title_spans))
        article_list.empty_message = mode.empty
        article_list.border_title = Text(mode.title) if mode.title else None
        article_list.set_order(None if mode.kind == "all" else list(mode.ids))


# Sorting -----------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def published_date(published: str | None) -> str | None:
    """``published`` as YYYY-MM-DD when it reads as a date (ISO or RFC 2822)."""
    if not published:
        return None
    match = _ISO_DATE.search(published)
    if match:
        return match.group(0)
    from email.utils import parsedate_to_datetime  # rarely needed: not at start-up

    try:
        return parsedate_to_datetime(published).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


class Dates:
    """Each entry's date: its ``published`` date, else its file's time.

    File times are looked up once per file (one stat: 10,000 take about
    30 ms) and remembered while the file is listed.
    """

    def __init__(self) -> None:
        self._file_dates: dict[str, str | None] = {}

    def of(self, entry: Listed) -> str | None:
        date = published_date(entry.published)
        if date is not None or entry.path is None:
            return date
        location = str(entry.path)
        if location not in self._file_dates:
            try:
                stamp = os.stat(location).st_mtime
            except OSError:
                self._file_dates[location] = None
            else:
                self._file_dates[location] = time.strftime("%Y-%m-%d", time.localtime(stamp))
        return self._file_dates[location]


def arrange(entries: list[E], sort: str, dates: Dates) -> list[E]:
    """The entries in the chosen order: ``library`` keeps the catalogue's,
    ``date`` puts the newest first, ``source`` and ``title`` go A to Z."""
    if sort == "date":
        return sorted(entries, key=lambda e: dates.of(e) or "", reverse=True)
    if sort == "source":
        return sorted(entries, key=lambda e: (e.display_source.casefold(), title_key(e.title)))
    if sort == "title":
        return sorted(entries, key=lambda e: title_key(e.title))
    return list(entries)


_LEADING_MARKS = re.compile(r"^[\W_]+")


def title_key(title: str) -> str:
    """A title as it sorts: by its first word, not by a quote mark or a dash
    before it ("'Debate needed'" among the D's, not ahead of the A's)."""
    return _LEADING_MARKS.sub("", title).casefold() or title.casefold()
