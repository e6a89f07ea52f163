"""Finding article files on disk: one stat each, nothing read.

Kept free of heavy imports on purpose: `briefing search` uses it on every run
to tell whether its index is still fresh, and `briefing.library.load` builds on it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import compress
from pathlib import Path
from stat import S_ISDIR
from typing import NamedTuple

from briefing.library.text import reveal_controls

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "LibraryError",
    "Problem",
    "bundled_articles_dir",
    "default_paths",
    "display_path",
    "duplicates_note",
    "library_dir",
    "library_folder",
    "library_paths",
    "path_text",
    "scan_article_files",
]


class Problem(NamedTuple):
    """A file that could not be read as articles, and why: one type for the
    loader, the index and the reader (a named tuple, cheap by the thousand)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        # A file name is data too: shown with its escapes revealed.
        return f"{display_path(self.path)}: {self.reason}"


# File endings looked for inside folders (briefing.library.loaders maps each to its
# loader; a test keeps the two in step). A file named explicitly is taken
# whatever its ending.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
_SUFFIXES = tuple(ARTICLE_SUFFIXES)
# Larger files are skipped (and named) rather than read.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def duplicates_note(count: int) -> str:
    """What to say, once, about files that repeat an article already listed."""
    files = f"{count:,} file{'s' if count != 1 else ''}"
    verb = "repeats" if count == 1 else "repeat"
    return f"{files} {verb} an article already listed (the same text): each article is shown once"


class LibraryError(Exception):
    """A user-facing problem with the paths or ids asked for (one line)."""


def bundled_articles_dir() -> Path:
    """The sample corpus: inside the installed package, or the source tree's."""
    here = Path(__file__).resolve().parent.parent  # the package root
    for candidate in (here / "bundled_articles", here.parent / "articles"):
        if candidate.is_dir():
            return candidate
    return here / "bundled_articles"


def library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The one library folder that reading and writing share.

    ``--library DIR``, else ``$BRIEFING_LIBRARY``, else ``library`` in
    config.toml, else ``./articles`` when it exists, else ``library/`` in the
    user data folder. The folder need not exist yet.
    """
    return library_folder(explicit)[0]


def library_folder(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """``library_dir``, and whether the user named it (flag, environment,
    config): a folder named must exist to be read (``library_paths``)."""
    if explicit:
        return Path(explicit).expanduser(), True
    from_env = os.environ.get("BRIEFING_LIBRARY")
    if from_env:
        return Path(from_env).expanduser(), True
    from briefing.storage.config import data_dir, library_setting

    configured = library_setting()
    if configured is not None:
        return configured, True
    local = Path("articles")
    return (local if local.is_dir() else data_dir() / "library"), False


def default_paths(explicit: str | os.PathLike[str] | None = None) -> list[Path]:
    """What to read when no PATH is given: ``library_paths`` of the library folder."""
    return library_paths(*library_folder(explicit))


def library_paths(folder: Path, named: bool) -> list[Path]:
    """What to read of the library ``folder``: it, or the bundled samples
    while it holds no article yet.

    A folder the user ``named`` that does not exist is an error (UserError),
    not the samples: a mistyped path must not look like a library.
    """
    if _holds_articles(os.fspath(folder)):
        return [folder]
    if named and not folder.is_dir():
        from briefing.errors import UserError

        shown = reveal_controls(os.fspath(folder))
        if folder.exists():
            raise UserError(f"the library folder is not a folder: {shown}")
        raise UserError(
            f"no such library folder: {shown} (`briefing import` or `briefing update` creates it)"
        )
    return [bundled_articles_dir()]


def _holds_articles(folder: str) -> bool:
    # Stops at the first article file: a big library costs one listing.
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    visible = [e for e in entries if not e.name.startswith(".")]
    if any(e.name.lower().endswith(_SUFFIXES) and e.is_file() for e in visible):
        return True
    return any(e.is_dir(follow_symlinks=False) and _holds_articles(e.path) for e in visible)


def path_text(path: str | os.PathLike[str]) -> str:
    """A path or file name as text that is safe to print anywhere.

    File names are data: one may hold a terminal escape (ESC ] 0 ; … BEL sets
    the window title) or bytes that are not UTF-8. Both are shown as visible
    escapes (``\\x1b``, ``\\xe9``). Every path briefing prints goes through here.
    """
    return reveal_controls(os.fspath(path))


def display_path(path: Path | str | None) -> str | None:
    """A path as the user would write it (relative to the current folder when
    below it), safe to print (``path_text``)."""
    if path is None:
        return None
    try:
        return path_text(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path_text(path)


def scan_article_files(
    paths: Sequence[str | os.PathLike[str]],
) -> list[tuple[str, os.stat_result | None]]:
    """Expand folders (recursively) into article files, each with its stat.

    The order is stable: the order of ``paths``, and inside a folder the
    order of the path components (what sorting ``Path`` objects gives).
    Hidden files and folders are skipped, and symlinked folders are not
    followed. Across several paths a file reached twice (the same inode) is
    listed once; inside one folder only links can do that, and the library
    and the index take such copies as one article (same text). The stat
    is None when it failed (the file vanished or cannot be looked at); such a
    file is still listed, so that reading it reports why. A path that does
    not exist raises LibraryError.
    """
    found: list[tuple[str, os.stat_result | None]] = []
    seen: set[tuple[int, int] | str] = set()
    if len(paths) == 1:
        return _expand(paths[0])  # the common case, spared a set of 10,000 keys
    for given in paths:
        for candidate, stat in _expand(given):
            key = (stat.st_dev, stat.st_ino) if stat is not None else candidate
            if key not in seen:
                seen.add(key)
                found.append((candidate, stat))
    return found


def _expand(given: str | os.PathLike[str]) -> list[tuple[str, os.stat_result | None]]:
    path = os.fspath(Path(given))
    try:
        info = os.stat(path)
    except OSError:
        raise LibraryError(f"no such file or folder: {path}") from None
    if not S_ISDIR(info.st_mode):
        return [(path, info)]
    found: list[tuple[str, os.stat_result | None]] = []
    _walk_into(path, found)
    return found


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _walk_into(folder: str, found: list[tuple[str, os.stat_result | None]]) -> None:
    # This runs for every file on every `briefing search`, so the per-file
    # work is done by C loops (map, comprehensions, compress) where it can be.
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return  # an unreadable folder is skipped, as os.walk does
    names = [name for name in names if not name.startswith(".")]
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    paths = [prefix + name for name in names]
    try:
        stats: list[os.stat_result | None] = list(map(os.stat, paths))
    except OSError:  # a file vanished or a link dangles: the slow way, one by one
        stats = [_stat(path) for path in paths]
    wanted = [name.lower().endswith(_SUFFIXES) for name in names]
    folders = [s is not None and S_ISDIR(s.st_mode) for s in stats]
    if not any(folders):
        found.extend(compress(zip(paths, stats, strict=True), wanted))
        return
    for path, stat, is_article, is_folder in zip(paths, stats, wanted, folders, strict=True):
        if is_folder:
            if not os.path.islink(path):
                _walk_into(path, found)
        elif is_article:
            found.append((path, stat))
