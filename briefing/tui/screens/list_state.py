"""What the article list shows: everything, search results, one entity's
articles, or bookmarks. One value holds it, so that nothing (a refresh of the
library, typing in the filter box) can leave the list half in one mode and
half in another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rich.text import Text

from briefing.tui.widgets.article_list import ArticleList

__all__ = ["ListMode", "ListState"]

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ListMode:
    """``all`` shows every article (narrowed by the title filter); the other
    kinds show exactly ``ids``, in that order."""

    kind: str = "all"  # "all" | "search" | "entity" | "bookmarks"
    ids: tuple[str, ...] = ()
    title: str = ""  # shown over the list (as plain text, never markup)
    empty: str = "No articles match."
    snippets: Mapping[str, tuple[str, Spans]] = field(default_factory=dict)
    title_spans: Mapping[str, Spans] = field(default_factory=dict)


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
