"""What the article list shows: everything, search results, one entity's
articles, or bookmarks. One value holds it, so that nothing (a refresh of the
library, typing in the filter box) can leave the list half in one mode and
half in another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.text import Text
from textual.screen import Screen

from briefing.tui.widgets.article_list import ArticleList

__all__ = ["ListMode", "ListingScreen"]

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


class ListingScreen(Screen[None]):
    """A screen with an article list whose mode it owns."""

    list_mode: ListMode = ListMode()

    def show_pane(self, name: str) -> None:
        """Make the pane ("list", "text" or "side") visible (narrow terminals)."""
        raise NotImplementedError

    def focus_pane(self, name: str) -> None:
        """Show the pane and focus its main widget."""
        raise NotImplementedError

    def set_list_mode(self, mode: ListMode) -> None:
        self.list_mode = mode
        self.apply_list_mode()

    def apply_list_mode(self) -> None:
        """Show the current mode (again, after the entries changed)."""
        mode = self.list_mode
        article_list = self.query_one(ArticleList)
        article_list.set_matches(dict(mode.snippets), dict(mode.title_spans))
        article_list.empty_message = mode.empty
        article_list.border_title = Text(mode.title) if mode.title else None
        article_list.set_order(None if mode.kind == "all" else list(mode.ids))
