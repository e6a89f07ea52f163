"""The reader's side of bookmarks: markers, the note panel, edits, sharing.

Kept apart from the reader screen proper so that each file has one job; the
reader screen builds on this class. All file work runs in thread workers; the bookmark file
is re-read whenever another program (or another copy of briefing) changes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from briefing.model import Article
from briefing.tui.widgets.article_list import ArticleList, ListEntry
from briefing.tui.widgets.bookmark_panel import BookmarkPanel

if TYPE_CHECKING:
    from briefing.bookmarks import Bookmark, Bookmarks, BookmarkStore, Resolution
    from briefing.search import Entry

__all__ = ["REMOTE_PREFIX", "BookmarkingScreen"]

REMOTE_PREFIX = "bookmark:"
POLL_SECONDS = 2.0


class BookmarksLoaded(Message):
    def __init__(self, bookmarks: Bookmarks | None, error: str | None, signature: Any) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.error = error
        self.signature = signature


class BookmarkEdited(Message):
    def __init__(self, done: str | None, error: str | None) -> None:
        super().__init__()
        self.done = done
        self.error = error


@dataclass(frozen=True, slots=True)
class _Edit:
    """One change to make to the file, and what to tell the user after."""

    article_id: str
    change: Callable[[Bookmark | None], Bookmark | None]
    done: str


class BookmarkingScreen(Screen[None]):
    """The base of the reader screen: everything about bookmarks.

    The reader fills ``entries`` and ``current``; this class keeps the list
    markers, the note panel and the file in step with them.
    """

    entries: dict[str, Entry]
    current: Article | None
    narrowed: bool

    bookmark_store: BookmarkStore | None = None
    bookmarks: Bookmarks | None = None
    resolution: Resolution | None = None
    bookmarks_only = False
    _bookmark_signature: Any = None
    _bookmark_error: str | None = None

    # Loading and watching the file ----------------------------------------

    def start_bookmarks(self, path: Path | None) -> None:
        from briefing.bookmarks import BookmarkStore

        self.bookmark_store = BookmarkStore(path)
        self._load_bookmarks()
        self.set_interval(POLL_SECONDS, self._poll_bookmarks)

    @work(thread=True, exclusive=True, group="bookmarks-load")
    def _load_bookmarks(self) -> None:
        from briefing.bookmarks import BookmarkFileError

        store = self.bookmark_store
        assert store is not None
        signature = store.signature()
        try:
            self.post_message(BookmarksLoaded(store.load(), None, signature))
        except BookmarkFileError as error:
            self.post_message(BookmarksLoaded(None, str(error), signature))

    def _poll_bookmarks(self) -> None:
        # One stat every few seconds: cheap enough for the event loop.
        store = self.bookmark_store
        if store is not None and store.signature() != self._bookmark_signature:
            self._bookmark_signature = store.signature()
            self._load_bookmarks()

    @on(BookmarksLoaded)
    def _bookmarks_loaded(self, message: BookmarksLoaded) -> None:
        self._bookmark_signature = message.signature
        if message.error is not None:
            if message.error != self._bookmark_error:
                self.notify(
                    f"{message.error}\nThe file was left exactly as it is; "
                    "bookmarks are read-only until it is fixed.",
                    title="Bookmarks not loaded",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
            self._bookmark_error = message.error
            return
        self._bookmark_error = None
        self.bookmarks = message.bookmarks
        self.apply_bookmarks()

    def apply_bookmarks(self) -> None:
        """Match the bookmarks to the library and show the result everywhere."""
        if self.bookmarks is None:
            return
        from briefing.bookmarks import resolve

        # Entries carry what matching needs (id and title); no file is read.
        self.resolution = resolve(self.bookmarks, self.entries.values())  # type: ignore[arg-type]
        article_list = self.query_one(ArticleList)
        article_list.set_marks(set(self.resolution.by_article))
        remote = [
            ListEntry(
                REMOTE_PREFIX + entry.article_id,
                entry.title,
                "not in your library · " + (entry.source or entry.url or "shared bookmark"),
                bookmarked=True,
                hidden=True,
            )
            for entry in self.resolution.missing
        ]
        article_list.set_remote(remote)
        if self.bookmarks_only:
            self._show_bookmarks_only()
        self.show_bookmark_panel()

    # What the panel and the list show --------------------------------------

    def entry_for_current(self) -> Bookmark | None:
        current = self.current
        if current is None or self.bookmarks is None:
            return None
        if current.id.startswith(REMOTE_PREFIX):
            return self.bookmarks.get(current.id.removeprefix(REMOTE_PREFIX))
        if self.resolution is None:
            return None
        return self.resolution.entry_for(current)

    def show_bookmark_panel(self) -> None:
        current = self.current
        remote = current is not None and current.id.startswith(REMOTE_PREFIX)
        self.query_one(BookmarkPanel).show(
            self.entry_for_current(),
            "Shared with you; the article itself is not in your library." if remote else "",
        )

    def remote_article(self, list_id: str) -> Article | None:
        """A stand-in article for a bookmark whose article we do not have."""
        if self.bookmarks is None or not list_id.startswith(REMOTE_PREFIX):
            return None
        entry = self.bookmarks.get(list_id.removeprefix(REMOTE_PREFIX))
        if entry is None:
            return None
        body = entry.excerpt or "(The bookmark carries no excerpt of the article.)"
        return Article(title=entry.title, body=body, source=entry.source, url=entry.url, id=list_id)

    def _show_bookmarks_only(self) -> None:
        if self.resolution is None:
            return
        article_list = self.query_one(ArticleList)
        local = [a for a in article_list.all_ids() if a in self.resolution.by_article]
        remote = [REMOTE_PREFIX + e.article_id for e in self.resolution.missing]
        article_list.set_order(local + remote)
        article_list.border_title = (
            f"★ {len(local)} bookmarked"
            + (f" + {len(remote)} shared" if remote else "")
            + " · esc: all"
        )

    def action_bookmarks_only(self) -> None:
        article_list = self.query_one(ArticleList)
        if self.bookmarks_only:
            self.bookmarks_only = False
            article_list.border_title = ""
            article_list.set_order(None)
            return
        if self.bookmarks is None:
            self.notify("Bookmarks are not loaded.", severity="warning", timeout=3)
            return
        self.narrowed = False
        self.bookmarks_only = True
        self._show_bookmarks_only()

    # Edits --------------------------------------------------------------------

    def _can_edit(self) -> Article | None:
        current = self.current
        if current is None:
            self.notify("Open an article first.", timeout=3)
            return None
        if self._bookmark_error is not None:
            self.notify(
                self._bookmark_error, title="Bookmarks are read-only", severity="error",
                markup=False,
            )  # fmt: skip
            return None
        return current

    def action_toggle_bookmark(self) -> None:
        from briefing.bookmarks import bookmark_article

        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for_current()
        if entry is not None:
            self._edit(_Edit(entry.article_id, lambda e: e.removed() if e else None,
                             "Bookmark removed."))  # fmt: skip
        else:
            self._edit(_Edit(article.id, lambda e: bookmark_article(article, e), "Bookmarked."))

    def action_edit_note(self) -> None:
        from briefing.tui.screens.editors import NoteEditor

        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for_current()
        note = entry.note if entry else ""
        conflicts = entry.note_conflicts if entry else ()

        def save(text: str | None) -> None:
            if text is None:
                return
            self._edit(self._with_bookmark(article, entry, lambda e: e.with_note(text),
                                           "Note saved."))  # fmt: skip

        self.app.push_screen(NoteEditor(article.title, note, conflicts), save)

    def action_edit_tags(self) -> None:
        from briefing.tui.screens.editors import TagEditor

        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for_current()
        before = entry.tags if entry else ()

        def save(tags: list[str] | None) -> None:
            if tags is None:
                return
            removed = [t for t in before if t not in tags]
            self._edit(self._with_bookmark(article, entry,
                                           lambda e: e.with_tags(add=tags, remove=removed),
                                           "Tags saved."))  # fmt: skip

        self.app.push_screen(TagEditor(article.title, before), save)

    def _with_bookmark(
        self,
        article: Article,
        entry: Bookmark | None,
        change: Callable[[Bookmark], Bookmark],
        done: str,
    ) -> _Edit:
        """An edit of the article's bookmark, bookmarking it first if needed."""
        from briefing.bookmarks import bookmark_article

        if entry is not None:
            return _Edit(entry.article_id, lambda e: change(e) if e and e.live else None, done)
        return _Edit(article.id, lambda e: change(bookmark_article(article, e)), done)

    @work(thread=True, group="bookmarks-edit")
    def _edit(self, edit: _Edit) -> None:
        from briefing.bookmarks import BookmarkFileError

        store = self.bookmark_store
        assert store is not None
        try:
            store.edit(edit.article_id, edit.change)
        except BookmarkFileError as error:
            self.post_message(BookmarkEdited(None, str(error)))
            return
        self.post_message(BookmarkEdited(edit.done, None))

    @on(BookmarkEdited)
    def _bookmark_edited(self, message: BookmarkEdited) -> None:
        if message.error is not None:
            self.notify(message.error, title="Bookmark not saved", severity="error",
                        markup=False)  # fmt: skip
            return
        self.notify(message.done or "Saved.", timeout=2)
        self._load_bookmarks()
