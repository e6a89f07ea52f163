"""The reader's side of bookmarks: markers, the note panel, edits, sharing.

Kept apart from the reader screen proper so that each file has one job; the
reader screen builds on this class. All file work runs in thread workers; the
bookmark file is re-read whenever another program (or another copy of
briefing) changes it. Shared files are untrusted: every string from one is
shown through ``reveal_controls``, so an escape sequence is seen, not obeyed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.message import Message

from briefing.library.model import Article
from briefing.library.text import reveal_controls
from briefing.tui.screens.listing import ListingScreen, ListMode
from briefing.tui.widgets.article_list import ArticleList, ListEntry
from briefing.tui.widgets.bookmark_panel import BookmarkPanel

if TYPE_CHECKING:
    from briefing.bookmarks import Bookmark, Bookmarks, BookmarkStore, Resolution
    from briefing.search import Entry

__all__ = ["REMOTE_PREFIX", "BookmarkingScreen"]

REMOTE_PREFIX = "bookmark:"
POLL_SECONDS = 2.0

Change = Callable[["Bookmark | None"], "Bookmark | None"]


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
    """One change to make to the file, and what to tell the user after.

    ``change`` returns the new entry, or None when there is nothing left to
    change (the bookmark vanished meanwhile): then ``lost`` is what we say.
    """

    article_id: str
    change: Change
    done: str
    lost: str


class BookmarkingScreen(ListingScreen):
    """The base of the reader screen: everything about bookmarks.

    The reader fills ``entries`` and ``current``; this class keeps the list
    markers, the note panel and the file in step with them.
    """

    entries: dict[str, Entry]
    current: Article | None
    bookmark_store: BookmarkStore | None = None
    bookmarks: Bookmarks | None = None
    resolution: Resolution | None = None
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
        if store is None:
            return
        signature = store.signature()
        if signature != self._bookmark_signature:
            self._bookmark_signature = signature
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
        article_list.set_remote(
            [
                ListEntry(
                    REMOTE_PREFIX + entry.article_id,
                    reveal_controls(entry.title),
                    "not in your library · "
                    + reveal_controls(entry.source or entry.url or "shared bookmark"),
                    bookmarked=True,
                    hidden=True,
                )
                for entry in self.resolution.missing
            ]
        )
        if self.list_mode.kind == "bookmarks":
            self.set_list_mode(self._bookmarks_mode())
        self.show_bookmark_panel()

    # What the panel and the list show --------------------------------------

    def entry_for_current(self) -> Bookmark | None:
        """The open article's live bookmark, if it has one."""
        current = self.current
        if current is None or self.bookmarks is None:
            return None
        if current.id.startswith(REMOTE_PREFIX):
            entry = self.bookmarks.get(current.id.removeprefix(REMOTE_PREFIX))
        elif self.resolution is not None:
            entry = self.resolution.entry_for(current)
        else:
            entry = None
        return entry if entry is not None and entry.live else None

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
        return Article(
            title=reveal_controls(entry.title),
            body=reveal_controls(body),
            source=reveal_controls(entry.source) if entry.source else None,
            url=reveal_controls(entry.url) if entry.url else None,
            id=list_id,
        )

    def _bookmarks_mode(self) -> ListMode:
        resolution = self.resolution
        assert resolution is not None
        article_list = self.query_one(ArticleList)
        local = [a for a in article_list.all_ids() if a in resolution.by_article]
        remote = [REMOTE_PREFIX + e.article_id for e in resolution.missing]
        title = f"★ {len(local)} bookmarked" + (f" + {len(remote)} shared" if remote else "")
        return ListMode("bookmarks", tuple(local + remote), title + " · esc: all", "No bookmarks.")

    def action_bookmarks_only(self) -> None:
        if self.list_mode.kind == "bookmarks":
            self.show_all()
            return
        if self.resolution is None:
            self.notify("Bookmarks are not loaded yet.", severity="warning", timeout=3)
            return
        self.set_list_mode(self._bookmarks_mode())
        self.focus_pane("list")

    def show_all(self) -> None:
        self.set_list_mode(ListMode())

    # Edits --------------------------------------------------------------------

    def _can_edit(self) -> Article | None:
        current = self.current
        if current is None:
            self.notify("Open an article first.", timeout=3)
            return None
        if self._bookmark_error is not None:
            self.notify(self._bookmark_error, title="Bookmarks are read-only",
                        severity="error", markup=False)  # fmt: skip
            return None
        if self.bookmark_store is None or self.bookmarks is None:
            self.notify("Bookmarks are still loading.", timeout=3)
            return None
        return current

    def _entry_id(self, article: Article) -> str:
        """The id an edit of this article's bookmark is filed under."""
        entry = self.entry_for_current()
        if entry is not None:
            return entry.article_id
        return article.id.removeprefix(REMOTE_PREFIX)

    def _edit_bookmark(
        self, article: Article, change: Callable[[Bookmark], Bookmark], done: str, lost: str
    ) -> None:
        """Apply ``change`` to the article's bookmark, making one if it has none.

        A removed bookmark is brought back (the user is acting on it now). A
        stand-in for a shared bookmark can only revive its own entry, since
        there is no article to make a new one from.
        """
        from briefing.bookmarks import bookmark_article

        remote = article.id.startswith(REMOTE_PREFIX)

        def with_bookmark(entry: Bookmark | None) -> Bookmark | None:
            if remote:
                if entry is None:
                    return None
                return change(entry.restored() if entry.deleted else entry)
            if entry is None or entry.deleted:
                entry = bookmark_article(article, entry)
            return change(entry)

        self._edit(_Edit(self._entry_id(article), with_bookmark, done, lost))

    def action_toggle_bookmark(self) -> None:
        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for_current()
        if entry is not None:
            self._edit(_Edit(entry.article_id, lambda e: e.removed() if e else None,
                             "Bookmark removed.", "The bookmark was already gone."))  # fmt: skip
        else:
            self._edit_bookmark(article, lambda e: e, "Bookmarked.",
                                "The shared bookmark is gone; nothing to restore.")  # fmt: skip

    def action_edit_note(self) -> None:
        from briefing.tui.screens.editors import NoteEditor

        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for_current()
        note = reveal_controls(entry.note) if entry else ""
        conflicts = tuple(reveal_controls(c) for c in entry.note_conflicts) if entry else ()

        def save(text: str | None) -> None:
            if text is not None:
                self._edit_bookmark(article, lambda e: e.with_note(text), "Note saved.",
                                    "Note not saved: the bookmark is gone.")  # fmt: skip

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
            self._edit_bookmark(
                article,
                lambda e: e.with_tags(add=tags, remove=removed),
                "Tags saved.",
                "Tags not saved: the bookmark is gone.",
            )

        self.app.push_screen(
            TagEditor(article.title, tuple(reveal_controls(t) for t in before)), save
        )

    @work(thread=True, group="bookmarks-edit")
    def _edit(self, edit: _Edit) -> None:
        from briefing.bookmarks import BookmarkFileError

        store = self.bookmark_store
        assert store is not None
        try:
            _old, new = store.edit(edit.article_id, edit.change)
        except BookmarkFileError as error:
            self.post_message(BookmarkEdited(None, str(error)))
            return
        self.post_message(BookmarkEdited(edit.done if new is not None else edit.lost, None))

    @on(BookmarkEdited)
    def _bookmark_edited(self, message: BookmarkEdited) -> None:
        if message.error is not None:
            self.notify(message.error, title="Bookmark not saved", severity="error",
                        markup=False)  # fmt: skip
            return
        self.notify(message.done or "Saved.", timeout=2)
        self._load_bookmarks()
