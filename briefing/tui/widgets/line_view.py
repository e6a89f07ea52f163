"""A base for our line-rendering widgets: the base style, computed once."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["LineView", "fit_line"]


def fit_line(segments: list[Segment], width: int, style: Style) -> Strip:
    """One strip of exactly ``width`` cells (padded or cropped).

    Built in a single step: every Strip Textual creates carries its own
    caches, and chained extend/crop calls made the first frame slower.
    """
    return Strip(Segment.adjust_line_length(segments, width, style), width)


class LineView(ScrollView):
    """``ScrollView`` that caches ``rich_style`` between style changes.

    ``rich_style`` walks every ancestor to blend backgrounds; our widgets ask
    for it on every line they render, which made the first frame measurably
    slower. Styles change only through CSS, and Textual tells us when.
    """

    _base_style: Style | None = None
    _blank: Strip | None = None

    @property
    def base_style(self) -> Style:
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def blank_line(self, width: int) -> Strip:
        """An empty line, made once per width (a Strip is not cheap to build)."""
        blank = self._blank
        if blank is None or blank.cell_length != width:
            blank = self._blank = Strip.blank(width, self.base_style)
        return blank

    def notify_style_update(self) -> None:
        self._base_style = None
        self._blank = None
        self.clear_line_cache()
        super().notify_style_update()

    def line_cache(self, size: int) -> LRUCache[tuple, Strip]:
        """The cache of rendered lines, emptied whenever the styles change."""
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(size)
        return self._line_cache

    def clear_line_cache(self) -> None:
        cache = getattr(self, "_line_cache", None)
        if cache is not None:
            cache.clear()

    def _text_style(self, component: str) -> Style:
        """A component's text attributes, without its background: the widget's
        own background shows through, and highlights can lay theirs on top."""
        style = self.get_component_rich_style(component)
        return Style(
            color=style.color,
            bold=style.bold,
            dim=style.dim,
            italic=style.italic,
            underline=style.underline,
        )
