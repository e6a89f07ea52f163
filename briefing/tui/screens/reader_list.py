"""The reader's list controls: sort, unread only, read marks, saved searches,
the tag browser and the list's width. A part the reader screen owns.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from briefing.storage.config import LIST_WIDTHS, SORTS
from briefing.tui.screens.list_state import ListMode
from briefing.tui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from briefing.tui.screens.chooser import Choice
    from briefing.tui.screens.reader import ReaderScreen

__all__ = ["ListControls"]

SORT_LABELS = {
    "library": "library order",
    "date": "date, newest first",
    "source": "source",
    "title": "title",
}
WIDTH_STEP = 4  # percent of the screen per < > { }
DEFAULT_WIDTHS = {"list": 32, "side": 34}  # as in app.tcss


class ListControls:
    """What the user changes about the list, beyond its mode."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        settings = screen.briefing_app.settings
        self.sort = settings.sort if settings.sort in SORTS else "library"
        # Pane widths chosen with < > (list) and { } (summary and facts).
        self.widths: dict[str, int | None] = {
            "list": settings.list_width,
            "side": settings.side_width,
        }

    @property
    def _list(self) -> ArticleList:
        return self.screen.query_one(ArticleList)

    # Sort and unread ------------------------------------------------------

    def next_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.screen.relist()
        self.screen.notify(f"Sorted by {SORT_LABELS[self.sort]}.", timeout=2)
        self.screen.briefing_app.remember("reader.sort", self.sort)

    def toggle_unread_only(self) -> None:
        article_list = self._list
        article_list.set_unread_only(not article_list.unread_only)
        self.screen.notify("Unread articles only." if article_list.unread_only
                           else "Read and unread articles.", timeout=2)  # fmt: skip
        self.screen.show_count()

    def toggle_read(self) -> None:
        entry = self._list.current
        if entry is None:
            return
        read_state = self.screen.briefing_app.read_state
        read = entry.id not in read_state
        self.screen.briefing_app.mark_read(entry.id, read)
        self._list.mark_read(entry.id, read)
        self.screen.notify("Marked read." if read else "Marked unread.", timeout=2)

    def all_read(self) -> None:
        article_list = self._list
        ids = article_list.visible_ids()
        self.screen.briefing_app.mark_all_read(ids)
        for article_id in ids:
            article_list.mark_read(article_id)
        self.screen.notify(f"Marked {len(ids):,} article(s) read.", timeout=2)

    # Saved searches and tags ----------------------------------------------

    def choose_view(self) -> None:
        from briefing.tui.screens.chooser import ChooserScreen

        searches = self.screen.briefing_app.settings.searches
        choices: list[Choice] = [("", "All articles", "")]
        choices += [(name, name, query) for name, query in searches.items()]
        self.screen.app.push_screen(
            ChooserScreen("Saved searches", choices, "No saved searches.",
                          "enter show · esc close · add them under [searches] in config.toml"),
            self._view_chosen,
        )  # fmt: skip

    def _view_chosen(self, name: str | None) -> None:
        if name is None:
            return
        if name == "":
            self.screen.show_all()
            return
        query = self.screen.briefing_app.settings.searches.get(name)
        if query is not None:
            self.screen.searching.run_saved(name, query)

    def tag_counts(self) -> Counter[str]:
        resolution = self.screen.bookmarking.resolution
        counts: Counter[str] = Counter()
        if resolution is None:
            return counts
        for entry in [*resolution.by_article.values(), *resolution.missing]:
            counts.update(set(entry.tags))
        return counts

    def browse_tags(self) -> None:
        from briefing.library.text import reveal_controls
        from briefing.tui.screens.chooser import ChooserScreen

        if self.screen.bookmarking.resolution is None:
            self.screen.notify("Bookmarks are not loaded yet.", severity="warning", timeout=3)
            return
        counts = self.tag_counts()
        choices: list[Choice] = [
            (tag, reveal_controls(tag), f"{count} article{'s' if count != 1 else ''}")
            for tag, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        self.screen.app.push_screen(
            ChooserScreen("Bookmark tags", choices, "No tags yet: t on an article adds some."),
            self._tag_chosen,
        )

    def _tag_chosen(self, tag: str | None) -> None:
        resolution = self.screen.bookmarking.resolution
        if tag is None or resolution is None:
            return
        from briefing.library.text import reveal_controls

        by_article = resolution.by_article
        local = [a for a in self._list.all_ids() if a in by_article and tag in by_article[a].tags]
        shared = [e.article_id for e in resolution.missing if tag in e.tags]
        ids = tuple(local + shared)
        title = f"tag {reveal_controls(tag)}: {len(ids)} · esc: all"
        self.screen.searching.reset()
        self.screen.list_state.set(ListMode("tag", ids, title, "No articles with this tag."))
        self.screen.focus_pane("list")

    # Width ------------------------------------------------------------------

    def resize(self, pane: str, step: int) -> None:
        current = self.widths[pane] or DEFAULT_WIDTHS[pane]
        shown = self._shown_width(pane)
        # Only a pane held back from where the step goes starts from what it
        # shows ("<" on a list held narrower than chosen): what is shown lags
        # a step typed before the layout, and must not undo that step.
        if shown is not None and (shown - current) * step > 2:
            current = shown
        width = min(max(current + step * WIDTH_STEP, LIST_WIDTHS[0]), LIST_WIDTHS[-1])
        self.widths[pane] = width
        self.apply_width()
        self.screen.briefing_app.remember(f"reader.{pane}_width", width)

    def _shown_width(self, pane: str) -> int | None:
        """The pane's width as shown, in percent of the screen (None: not shown
        side by side). A step starts from it, not from the width chosen: the
        panes' least and greatest widths in cells (app.tcss) may hold a pane
        narrower or wider, and steps beyond them changed nothing you could see."""
        total = self.screen.size.width
        region = self.screen.query_one(f"#{pane}-pane").region
        if self.screen.narrow or not total or not region.width:
            return None
        return round(region.width * 100 / total)

    def apply_width(self) -> None:
        """The chosen widths on wide terminals; narrow ones show one pane at a time."""
        for pane, width in self.widths.items():
            wanted = f"{width}%" if width and not self.screen.narrow else None
            self.screen.query_one(f"#{pane}-pane").styles.width = wanted
