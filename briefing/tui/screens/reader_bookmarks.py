"""The reader's bookmarks: list markers, the note panel, edits, sharing.

A part the reader screen owns (not a base class of it): the screen hands it
the library's entries and the open article, and routes its messages back to
it. All file work runs in thread workers; the bookmark file is re-read
whenever another program (or another copy of briefing) changes it. Shared
files are untrusted: every string from one is shown through
``reveal_controls``, so an escape sequence is seen, not obeyed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from textual.message import Message

from briefing.library.model import Article, Listed
from briefing.library.text import reveal_controls
from briefing.tui.messages import message
from briefing.tui.screens.list_state import ListMode
from briefing.tui.widgets.article_list import ArticleList, ListEntry
from briefing.tui.widgets.bookmark_panel import BookmarkPanel

if TYPE_CHECKING:
    from briefing.bookmarks import Bookmark, Bookmarks, BookmarkStore, Edited, Resolution
    from briefing.tui.screens.reader import ReaderScreen

__all__ = ["BookmarksController", "SharedArticle"]

POLL_SECONDS = 2.0
YOURS, EVERYONE = "", "\0everyone"  # bookmarks views (any other value: an owner id)


class SharedArticle(Article):
    """A stand-in for a shared bookmark whose article is not in the library:
    the bookmark's title, source, url and excerpt, every string revealed.

    Its id is the bookmark's article id, which no library article has (else
    the bookmark would have matched it). Nothing derived from it is cached:
    it is not ours.
    """


class _Edit(NamedTuple):
    """One of the store's verbs to run, and what to tell the user after.

    The rules of an edit (an edit brings back a removed bookmark, a stand-in
    can only revive its own entry) are the store's; when the verb finds
    nothing to act on (the bookmark vanished meanwhile) ``lost`` is what we say.
    """

    verb: Callable[[BookmarkStore], Edited]
    done: str
    lost: str


class BookmarksController:
    """Everything the reader does with bookmarks, for one reader screen."""

    @message
    class Loaded(Message):
        """The bookmark file was read (``error``: it could not be)."""

        bookmarks: Bookmarks | None
        error: str | None
        signature: Any

    @message
    class Edited(Message):
        """An edit was saved (``done`` says how) or failed (``error``)."""

        done: str | None
        error: str | None

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.store: BookmarkStore | None = None
        self.bookmarks: Bookmarks | None = None
        self.resolution: Resolution | None = None
        self._signature: Any = None
        self._error: str | None = None
        # Whose bookmarks the bookmarks view shows: YOURS, EVERYONE or an owner id.
        self.view: str = YOURS

    # Loading and watching the file ----------------------------------------

    def start(self, path: Path | None) -> None:
        from briefing.bookmarks import BookmarkStore

        self.store = BookmarkStore(path)
        self.load()
        self.screen.set_interval(POLL_SECONDS, self.poll)

    def load(self) -> None:
        self.screen.run_worker(self._load, thread=True, exclusive=True, group="bookmarks-load")

    def _load(self) -> None:
        from briefing.bookmarks import BookmarkFileError

        store = self.store
        assert store is not None
        signature = store.signature()
        try:
            self.screen.post_message(self.Loaded(store.load(), None, signature))
        except BookmarkFileError as error:
            self.screen.post_message(self.Loaded(None, str(error), signature))

    def poll(self) -> None:
        # One stat every few seconds: cheap enough for the event loop.
        if self.store is None:
            return
        signature = self.store.signature()
        if signature != self._signature:
            self._signature = signature
            self.load()

    def loaded(self, message: Loaded) -> None:
        self._signature = message.signature
        if message.error is not None:
            if message.error != self._error:
                self.screen.notify(
                    f"{message.error}\nThe file was left exactly as it is; "
                    "bookmarks are read-only until it is fixed.",
                    title="Bookmarks not loaded",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
            self._error = message.error
            return
        self._error = None
        self.bookmarks = message.bookmarks
        self.apply()

    def apply(self) -> None:
        """Match the bookmarks to the library and show the result everywhere."""
        if self.bookmarks is None:
            return
        from briefing.bookmarks import resolve

        entries: Mapping[str, Listed] = self.screen.entries
        # Entries carry what matching needs (id and title); no file is read.
        self.resolution = resolve(self.bookmarks, entries.values())  # type: ignore[arg-type]
        article_list = self.screen.query_one(ArticleList)
        article_list.set_marks(set(self.resolution.by_article))
        article_list.set_remote([_shared_entry(entry) for entry in self.resolution.missing])
        if self.screen.list_state.kind == "bookmarks":
            self.screen.list_state.set(self.bookmarks_mode())
        self.show_panel()

    def tags_by_article(self) -> dict[str, tuple[str, ...]] | None:
        return self.resolution.tags_by_article() if self.resolution is not None else None

    # What the panel and the list show --------------------------------------

    def entry_for(self, article: Article | None) -> Bookmark | None:
        """The article's live bookmark, if it has one."""
        if article is None or self.bookmarks is None:
            return None
        if isinstance(article, SharedArticle):
            entry = self.bookmarks.get(article.id)
        elif self.resolution is not None:
            entry = self.resolution.entry_for(article)
        else:
            entry = None
        return entry if entry is not None and entry.live else None

    def others_for(self, article: Article | None) -> list[Bookmark]:
        """Other people's live bookmarks of the article."""
        if article is None or self.bookmarks is None or self.resolution is None:
            return []
        if isinstance(article, SharedArticle):
            return self.bookmarks.others_on(article.id)
        return self.resolution.others_for(article)

    def show_panel(self) -> None:
        current = self.screen.current
        shared = isinstance(current, SharedArticle)
        self.screen.query_one(BookmarkPanel).show(
            self.entry_for(current),
            "Shared with you; the article itself is not in your library." if shared else "",
            self.others_for(current),
        )

    def shared_article(self, article_id: str) -> SharedArticle | None:
        """The stand-in for a shared bookmark whose article we do not have."""
        if self.resolution is None:
            return None
        entry = next((e for e in self.resolution.missing if e.article_id == article_id), None)
        if entry is None:
            return None
        body = entry.excerpt or "(The bookmark carries no excerpt of the article.)"
        return SharedArticle(
            title=reveal_controls(entry.title),
            body=reveal_controls(body),
            source=reveal_controls(entry.source) if entry.source else None,
            url=reveal_controls(entry.url) if entry.url else None,
            id=entry.article_id,
        )

    def bookmarks_mode(self) -> ListMode:
        """The list of the current view: your bookmarks, everyone's, or one
        person's (with shared ones whose article is not in the library)."""
        resolution = self.resolution
        assert resolution is not None
        if self.view not in (YOURS, EVERYONE) and self.view not in resolution.owners:
            self.view = YOURS  # that person's bookmarks are gone
        local, shared = self._shown_ids()
        if self.view == YOURS:
            whose = "bookmarked"
        elif self.view == EVERYONE:
            whose = "bookmarked by anyone"
        else:
            owner = resolution.owners[self.view]
            whose = "bookmarked by " + reveal_controls(owner.name or owner.id)
        title = f"★ {len(local)} {whose}" + (f" + {len(shared)} shared" if shared else "")
        return ListMode(
            "bookmarks", tuple(local + shared), title + " · B: next · esc: all", "No bookmarks."
        )

    def _shown_ids(self) -> tuple[list[str], list[str]]:
        """The view's library articles (in list order), and its shared
        bookmarks whose article is not in the library."""
        resolution, bookmarks = self.resolution, self.bookmarks
        assert resolution is not None and bookmarks is not None
        wanted = bookmarks.me if self.view == YOURS else self.view

        def shows(entry: Bookmark | None) -> bool:
            return entry is not None and (self.view == EVERYONE or entry.owner.id == wanted)

        local = [
            article_id
            for article_id in self.screen.query_one(ArticleList).all_ids()
            if shows(resolution.by_article.get(article_id))
            or any(shows(e) for e in resolution.others.get(article_id, ()))
        ]
        shared = sorted(
            {
                e.article_id
                for e in bookmarks
                if e.live and shows(e) and e.article_id not in resolution.articles
            }
        )
        return local, shared

    def _next_view(self) -> str | None:
        """The view after this one: yours, everyone's, each person's (by
        name), then none (every article). Everyone's and each person's only
        when someone else has bookmarks."""
        assert self.resolution is not None and self.bookmarks is not None
        me = self.bookmarks.me
        people = sorted(
            (o for i, o in self.resolution.owners.items() if i != me),
            key=lambda o: (o.name.casefold(), o.id),
        )
        order = [YOURS, *([EVERYONE] if people else []), *(o.id for o in people)]
        if self.screen.list_state.kind != "bookmarks":
            return YOURS
        position = order.index(self.view) if self.view in order else 0
        return order[position + 1] if position + 1 < len(order) else None

    def toggle_only(self) -> None:
        """Show your bookmarks; again: everyone's, then each person's, then
        every article."""
        screen = self.screen
        if self.resolution is None:
            screen.notify("Bookmarks are not loaded yet.", severity="warning", timeout=3)
            return
        view = self._next_view()
        if view is None:
            self.view = YOURS
            screen.show_all()
            return
        self.view = view
        screen.list_state.set(self.bookmarks_mode())
        screen.focus_pane("list")

    # Edits --------------------------------------------------------------------

    def _can_edit(self) -> Article | None:
        current = self.screen.current
        if current is None:
            self.screen.notify("Open an article first.", timeout=3)
            return None
        if self._error is not None:
            self.screen.notify(self._error, title="Bookmarks are read-only",
                               severity="error", markup=False)  # fmt: skip
            return None
        if self.store is None or self.bookmarks is None:
            self.screen.notify("Bookmarks are still loading.", timeout=3)
            return None
        return current

    def _target(self, article: Article) -> Article | str:
        """What a verb of the store acts on for this article: its live
        bookmark's id (which may differ, for a bookmark matched by title),
        else the article itself (to bookmark it), or for a stand-in the shared
        entry's id (a removed one can come back; there is no article to make
        a new one from)."""
        live = self.entry_for(article)
        if live is not None:
            return live.article_id
        return article.id if isinstance(article, SharedArticle) else article

    def toggle(self) -> None:
        article = self._can_edit()
        if article is None:
            return
        target = self._target(article)

        def verb(store: BookmarkStore) -> Edited:
            return store.toggle(target)

        if self.entry_for(article) is not None:
            self._edit(_Edit(verb, "Bookmark removed.", "The bookmark was already gone."))
        else:
            self._edit(
                _Edit(verb, "Bookmarked.", "The shared bookmark is gone; nothing to restore.")
            )

    def edit_note(self) -> None:
        from briefing.tui.screens.editors import NoteEditor

        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for(article)
        note = reveal_controls(entry.note) if entry else ""
        conflicts = tuple(reveal_controls(c) for c in entry.note_conflicts) if entry else ()

        def save(text: str | None) -> None:
            if text is None:
                return
            target = self._target(article)

            def verb(store: BookmarkStore) -> Edited:
                return store.note(target, text)

            self._edit(_Edit(verb, "Note saved.", "Note not saved: the bookmark is gone."))

        self.screen.app.push_screen(NoteEditor(article.title, note, conflicts), save)

    def edit_tags(self) -> None:
        from briefing.tui.screens.editors import TagEditor

        article = self._can_edit()
        if article is None:
            return
        entry = self.entry_for(article)
        before = entry.tags if entry else ()

        def save(tags: list[str] | None) -> None:
            if tags is None:
                return
            removed = [t for t in before if t not in tags]
            target = self._target(article)

            def verb(store: BookmarkStore) -> Edited:
                return store.tags(target, add=tags, remove=removed)

            self._edit(_Edit(verb, "Tags saved.", "Tags not saved: the bookmark is gone."))

        self.screen.app.push_screen(
            TagEditor(article.title, tuple(reveal_controls(t) for t in before)), save
        )

    def _edit(self, edit: _Edit) -> None:
        self.screen.run_worker(partial(self._save, edit), thread=True, group="bookmarks-edit")

    def _save(self, edit: _Edit) -> None:
        from briefing.bookmarks import BookmarkFileError

        store = self.store
        assert store is not None
        try:
            edited = edit.verb(store)
        except BookmarkFileError as error:
            self.screen.post_message(self.Edited(None, str(error)))
            return
        done = edit.done if edited.after is not None else edit.lost
        self.screen.post_message(self.Edited(done, None))

    def edited(self, message: Edited) -> None:
        if message.error is not None:
            self.screen.notify(message.error, title="Bookmark not saved", severity="error",
                               markup=False)  # fmt: skip
            return
        self.screen.notify(message.done or "Saved.", timeout=2)
        self.load()


def _shared_entry(entry: Bookmark) -> ListEntry:
    """The (hidden) list row of a shared bookmark whose article we do not have."""
    return ListEntry(
        entry.article_id,
        reveal_controls(entry.title),
        "not in your library · " + reveal_controls(entry.source or entry.url or "shared bookmark"),
        bookmarked=True,
        hidden=True,
    )
