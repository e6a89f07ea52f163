"""The bookmark file on disk: where it lives, and safe reads and writes.

Every change is a locked read-modify-write: take the file lock, read the file
as it is now (another copy of briefing may just have written it), apply the
change, write atomically, keep the previous version as ``FILE.bak``. So two
running copies never lose each other's changes, a crash leaves the old file
or the new one, and a file that does not parse or validate is never
overwritten: the change is refused with a BookmarkFileError.

Editing one entry of a large file is the common case (add, remove, note,
tag), so a file this store wrote itself, unchanged since, is edited in place
by replacing that entry's line; any other file is read and checked in full.

The file is one person's (``owner``, from ``whoami`` unless given): the verbs
edit that person's entries only; other people's entries arrive by import.
A symlinked file is written through to its target and the target is locked,
so that users of the link and of the target exclude each other. Only regular
files are opened (a FIFO would block forever).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.bookmarks import codec
from briefing.bookmarks.codec import MAX_FILE_BYTES, BookmarkFileError
from briefing.bookmarks.model import Bookmark, Bookmarks, adopted
from briefing.bookmarks.owners import Owner, whoami
from briefing.storage.digests import sha256_hex

if TYPE_CHECKING:
    from typing import TypeAlias

    from briefing.library.model import Article

    # What a verb acts on: a library article, or the id of an entry in the file.
    Target: TypeAlias = Article | str

__all__ = [
    "ENV_VARIABLE",
    "BookmarkStore",
    "Edited",
    "Signature",
    "default_path",
    "file_owner",
    "read_bookmark_file",
    "resolve_path",
]

ENV_VARIABLE = "BRIEFING_BOOKMARKS"
LOCK_TIMEOUT = 10.0

# (mtime_ns, size, inode) of the file, or None when there is none: cheap to
# poll, and it changes whenever any program replaces or edits the file.
Signature = tuple[int, int, int] | None


def default_path() -> Path:
    """The bookmark file in the user data folder (platformdirs')."""
    from briefing.storage.config import data_dir

    return data_dir() / "bookmarks.json"


def resolve_path(explicit: Path | str | None = None) -> Path:
    """``--bookmarks FILE`` if given, else $BRIEFING_BOOKMARKS, else the default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return Path(from_env).expanduser()
    return default_path()


def _open_regular(path: Path) -> int:
    """A descriptor of ``path`` opened for reading, if it is a regular file.

    Opened without blocking, so that a FIFO (or a device) is refused instead
    of waiting forever for a writer.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            raise BookmarkFileError(f"{path}: not a regular file (a pipe or a device?)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _read_capped(path: Path) -> bytes | None:
    """The file's bytes, None if it does not exist; refuses oversized files."""
    try:
        with open(_open_regular(path), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise BookmarkFileError(
                    f"{path}: too large ({size / 1_048_576:.1f} MB; the limit is "
                    f"{MAX_FILE_BYTES // 1_048_576} MB)"
                )
            # Asking for the size read is much cheaper than asking for the cap
            # (which allocates it); a file that grew meanwhile is read on.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
            return data
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise BookmarkFileError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise BookmarkFileError(f"{path}: {error.strerror or error}") from None


def _decode(path: Path, data: bytes, owner: Owner) -> Bookmarks:
    try:
        return codec.decode(data, owner)
    except BookmarkFileError as error:
        raise BookmarkFileError(f"{path}: {error}") from None


def read_bookmark_file(path: Path, owner: Owner | None = None) -> Bookmarks:
    """Read and validate any bookmark file (someone else's, for instance).

    Entries of a version 1 file (which has no owners) get ``owner``, by
    default one named after the file ("anna.json": anna).
    """
    data = _read_capped(path)
    if data is None:
        raise BookmarkFileError(f"{path}: no such file")
    return _decode(path, data, owner or file_owner(path))


def file_owner(path: Path) -> Owner:
    """The owner a version 1 file's entries get when nobody is named: the
    file's name without its extension."""
    from briefing.bookmarks.owners import owner_from

    try:
        return owner_from(path.stem or path.name)
    except ValueError:
        return owner_from("unknown")


def _stat_fingerprint(info: os.stat_result) -> str:
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


class _Fingerprints:
    """Fingerprints of the files this store wrote, kept in the user cache.

    A fingerprint is the file's device, inode, size, modification time and
    change time just after this store wrote it: a file that still has them is
    exactly what we wrote and checked, so it may be edited in place. Any
    write by any program changes the change time (which no program can set),
    and a replaced file has another inode. (Hashing the bytes instead costs
    3.6 ms of SHA-256 for a 10,000-entry file, each edit: 7% of what `add`
    may take.) Losing the cache only costs speed; a stale one cannot do harm,
    and an in-place edit still checks the layout of the lines it touches.
    """

    def __init__(self, path: Path) -> None:
        self._key = sha256_hex(str(path.resolve()).encode())[:32]
        self._file: Path | None = None

    def _path(self) -> Path:
        if self._file is None:
            from briefing.storage.config import cache_dir

            self._file = cache_dir() / "bookmarks" / self._key
        return self._file

    def recorded(self) -> str | None:
        """The fingerprint of the file as this store last wrote it, if known."""
        try:
            return self._path().read_text("ascii")
        except (OSError, UnicodeDecodeError):
            return None

    def remember(self, digest: str) -> None:
        """Record the fingerprint of the file as this store has just written it."""
        # No fsync: after a crash a missing or torn fingerprint only means the
        # next edit reads the file in full.
        path = self._path()
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(digest, "ascii")
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()


@dataclass(frozen=True)
class Change:
    """What an update did: the collection before and after it."""

    before: Bookmarks
    after: Bookmarks

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Edited:
    """What a verb did to one bookmark: the entry before and after it.

    ``after`` is None when the verb found nothing to act on (an id the file
    does not have, or a removed bookmark it was told not to bring back).
    """

    before: Bookmark | None
    after: Bookmark | None

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before

    @property
    def brought_back(self) -> bool:
        """The edit made a bookmark, or brought back a removed one."""
        return (
            self.after is not None
            and self.after.live
            and (self.before is None or self.before.deleted)
        )


def _revived(target: Article | str, entry: Bookmark | None) -> Bookmark | None:
    """A live bookmark for ``target``: made from the article, or the removed
    ``entry`` brought back; None for an id with no entry."""
    if not isinstance(target, str):
        from briefing.bookmarks.articles import bookmark_article

        return bookmark_article(target, entry)
    return None if entry is None else entry.restored()


class BookmarkStore:
    """One bookmark file. Thread-safe and process-safe: every method that
    writes holds the file's lock from its read to its write.

    Methods do blocking I/O: call them from a worker thread in the TUI.
    """

    def __init__(self, path: Path | str | None = None, owner: Owner | None = None) -> None:
        self.path = resolve_path(path)  # as the user named it, for messages
        # What is read, written and locked: the file a symlink points to.
        self.target = Path(os.path.realpath(self.path))
        self.backup_path = self.target.with_name(self.target.name + ".bak")
        self.lock_path = self.target.with_name(self.target.name + ".lock")
        self._fingerprints = _Fingerprints(self.target)
        self._owner = owner

    @property
    def owner(self) -> Owner:
        """Whose file this is: the person the verbs edit for."""
        if self._owner is None:
            self._owner = whoami()[0]
        return self._owner

    def _read(self, data: bytes | None) -> Bookmarks:
        if data is None:
            return Bookmarks(me=self.owner.id)
        return replace(_decode(self.path, data, self.owner), me=self.owner.id)

    # -- reading ------------------------------------------------------------

    def load(self) -> Bookmarks:
        """The file's bookmarks (empty if there is no file yet).

        No lock is needed: writes replace the file in one step, so a reader
        sees either the old file or the new one.
        """
        return self._read(_read_capped(self.target))

    def signature(self) -> Signature:
        """Changes whenever the file does; poll it to notice other writers."""
        try:
            info = self.target.stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    # -- writing ------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from briefing.bookmarks.lock import exclusive

        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BookmarkFileError(
                f"cannot create {self.target.parent}: {error.strerror or error}"
            ) from None
        new_lock = not os.path.lexists(self.lock_path)
        with contextlib.ExitStack() as held:
            try:
                held.enter_context(exclusive(self.lock_path, LOCK_TIMEOUT))
            except TimeoutError:
                raise BookmarkFileError(
                    f"{self.path}: locked by another program for over {LOCK_TIMEOUT:.0f} s "
                    f"(lock file {self.lock_path})"
                ) from None
            except OSError as error:
                raise BookmarkFileError(
                    f"cannot lock {self.lock_path}: {error.strerror or error}"
                ) from None
            try:
                yield
            except BaseException:
                # A failed first write leaves no lock file behind (e.g. `merge
                # --to` a file that turns out not to be a bookmark file).
                if new_lock:
                    with contextlib.suppress(OSError):
                        os.unlink(self.lock_path)
                raise

    def update(self, change: Callable[[Bookmarks], Bookmarks]) -> Change:
        """Apply ``change`` to the file's current content and save the result."""
        with self._locked():
            data = _read_capped(self.target)
            before = self._read(data)
            after = change(before)
            if after is not before:
                # Compared as bytes: 1 and 1.0 in an unknown field are equal
                # in Python but not in the file. Encoding also refuses what
                # could not be read back.
                new = codec.encode(after)
                if new != data:
                    self._commit(data, new)
            return Change(before, after)

    def edit(
        self, article_id: str, change: Callable[[Bookmark | None], Bookmark | None]
    ) -> tuple[Bookmark | None, Bookmark | None]:
        """Apply ``change`` to one entry (None: there is none) and save it.

        ``change`` returns the new entry, or None to leave the file alone.
        The entry is the owner's: whatever ``change`` returns is saved as
        theirs. Returns (old entry, new entry).
        """

        def owned(entry: Bookmark | None) -> Bookmark | None:
            new = change(entry)
            if new is not None and new.owner != self.owner:
                new = replace(new, owner=self.owner)
            return new

        with self._locked():
            data = _read_capped(self.target)
            if data is not None:
                edited = self._edit_line(data, article_id, owned)
                if edited is not None:
                    return edited
            bookmarks = self._read(data)
            old = bookmarks.get(article_id)
            new = owned(old)
            if new is not None and new != old:
                self._commit(data, codec.encode(bookmarks.with_entry(new)))
            return old, new

    def _edit_line(
        self, data: bytes, article_id: str, change: Callable[[Bookmark | None], Bookmark | None]
    ) -> tuple[Bookmark | None, Bookmark | None] | None:
        """``edit`` done on the entry's line alone, if ``data`` is exactly the
        file this store last wrote; None if it is not (then the caller reads
        and checks it in full)."""
        recorded = self._fingerprints.recorded()
        if recorded is None or recorded != self._current_fingerprint(len(data)):
            return None
        spots = codec.layout(data)
        key = (article_id, self.owner.id)
        place = spots.locate(key) if spots else None
        if spots is None or place is None:
            return None
        index, present = place
        old = spots.entry_at(index, key) if present else None
        new = change(old)
        if new is not None and new != old:
            self._commit(data, spots.with_entry(index, new, replacing=present))
        return old, new

    def _current_fingerprint(self, size: int) -> str | None:
        try:
            info = os.stat(self.target)
        except OSError:
            return None
        # A size other than what was read: the file changed since.
        return _stat_fingerprint(info) if info.st_size == size else None

    # -- the verbs: every edit a user makes, for the CLI and the reader alike --
    #
    # ``target`` is a library article (a bookmark can be made from it) or an
    # article id (then only an entry the file already has can be edited, e.g.
    # a shared bookmark whose article is not in the library). Each verb is one
    # locked read-modify-write and returns what it did as an ``Edited``.
    #
    # The rule they share: editing a bookmark (note, tags) brings back a
    # removed one, and makes one for an article that has none, unless
    # ``revive=False`` (then only a live bookmark is edited).

    def toggle(self, target: Target) -> Edited:
        """Remove the live bookmark; else bookmark the article (a removed
        bookmark comes back with its note and tags)."""

        def change(entry: Bookmark | None) -> Bookmark | None:
            if entry is not None and entry.live:
                return entry.removed()
            return _revived(target, entry)

        return self._apply(target, change, adopt=True)

    def restore(self, target: Target, note: str | None = None, tags: Iterable[str] = ()) -> Edited:
        """Bookmark the article (make, bring back, or refresh what the entry
        says about it from the article), then set ``note`` if given and add
        ``tags``. ``after`` is None only for an id the file does not have."""
        tags = list(tags)

        def change(entry: Bookmark | None) -> Bookmark | None:
            if not isinstance(target, str):
                from briefing.bookmarks.articles import bookmark_article

                return bookmark_article(target, entry, note=note, tags=tags)
            if entry is None:
                return None
            entry = entry.restored().with_tags(add=tags)
            return entry if note is None else entry.with_note(note)

        return self._apply(target, change, adopt=True)

    def remove(self, target: Target) -> Edited:
        """Remove a live bookmark (its tombstone travels to shared copies);
        ``after`` is None if there was no live bookmark."""
        return self._apply(target, lambda entry: entry.removed() if entry and entry.live else None)

    def note(self, target: Target, text: str, revive: bool = True) -> Edited:
        """Set the note (``""`` clears it; settles any note conflict)."""
        return self._edit_bookmark(target, lambda entry: entry.with_note(text), revive)

    def tags(
        self,
        target: Target,
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        revive: bool = True,
    ) -> Edited:
        """Add and remove tags (``remove`` wins for a tag in both)."""
        add, remove = list(add), list(remove)
        return self._edit_bookmark(target, lambda entry: entry.with_tags(add, remove), revive)

    def _edit_bookmark(
        self, target: Target, change: Callable[[Bookmark], Bookmark], revive: bool
    ) -> Edited:
        def apply(entry: Bookmark | None) -> Bookmark | None:
            if entry is None or entry.deleted:
                entry = _revived(target, entry) if revive else None
            return None if entry is None else change(entry)

        return self._apply(target, apply, adopt=revive)

    def _apply(
        self,
        target: Target,
        change: Callable[[Bookmark | None], Bookmark | None],
        adopt: bool = False,
    ) -> Edited:
        article_id = target if isinstance(target, str) else target.id
        before, after = self.edit(article_id, change)
        if before is None and after is None and adopt:
            # No bookmark of yours and no article to make one from: with
            # ``adopt``, yours is made from someone else's description of the
            # article (their note and tags stay theirs).
            theirs = self.load().others_on(article_id)
            if theirs:
                start = adopted(max(theirs, key=lambda e: (e.updated, e.owner.id)), self.owner)
                before, after = self.edit(article_id, lambda entry: change(entry or start))
        return Edited(before, after)

    def _commit(self, old: bytes | None, new: bytes | list[memoryview]) -> None:
        """Write ``new`` (or its chunks), keeping ``old`` as the backup."""
        from briefing.storage.fsutil import atomic_write_chunks  # only writers need it

        size = len(new) if isinstance(new, bytes) else sum(len(c) for c in new)
        if size > MAX_FILE_BYTES:
            # Refused before writing: a file over the cap could not be read back.
            raise BookmarkFileError(
                f"{self.path}: this change would make the file {size / 1_048_576:.1f} MB, "
                f"over the {MAX_FILE_BYTES // 1_048_576} MB that can be read back"
            )
        self._remove_stale_temp_files()
        try:
            if old is not None:
                self._back_up(old)
            atomic_write_chunks(self.target, (new,) if isinstance(new, bytes) else new)
        except OSError as error:
            raise BookmarkFileError(
                f"cannot write {self.path}: {error.strerror or error}"
            ) from None
        # Under the lock: no other copy of briefing can have replaced it since.
        with contextlib.suppress(OSError):
            self._fingerprints.remember(_stat_fingerprint(os.stat(self.target)))

    def _back_up(self, old: bytes) -> None:
        # A hard link keeps the old version without copying it (the new file
        # gets a new inode from the atomic replace); copy where links fail.
        temp = self.backup_path.with_name(f".{self.backup_path.name}.{os.getpid()}.tmp")
        try:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            os.link(self.target, temp)
            os.replace(temp, self.backup_path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
            from briefing.storage.fsutil import atomic_write_bytes

            atomic_write_bytes(self.backup_path, old)

    def _remove_stale_temp_files(self) -> None:
        # Temporary files of writers that were killed mid-write; under the lock
        # no live writer of this file has one open.
        # (".bookmarks.json.*.tmp" covers the backup's ".bookmarks.json.bak.*.tmp".)
        folder, name = self.target.parent, self.target.name
        for temp in folder.glob(f"{_glob_escape(f'.{name}.')}*.tmp"):
            with contextlib.suppress(OSError):
                temp.unlink()


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)
