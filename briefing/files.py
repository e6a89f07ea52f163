"""Finding article files on disk: one stat each, nothing read.

Kept free of heavy imports on purpose: `briefing search` uses it on every run
to tell whether its index is still fresh, and `briefing.library` builds on it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = [
    "ARTICLE_SUFFIXES",
    "LibraryError",
    "bundled_articles_dir",
    "default_paths",
    "display_path",
    "scan_article_files",
]

# File endings looked for inside folders (briefing.sources maps each to its
# loader; a test keeps the two in step). A file named explicitly is taken
# whatever its ending.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


class LibraryError(Exception):
    """A user-facing problem with the paths or ids asked for (one line)."""


def bundled_articles_dir() -> Path:
    """The sample corpus: inside the installed package, or the source tree's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "bundled_articles", here.parent / "articles"):
        if candidate.is_dir():
            return candidate
    return here / "bundled_articles"


def default_paths() -> list[Path]:
    local = Path("articles")
    return [local if local.is_dir() else bundled_articles_dir()]


def display_path(path: Path | str | None) -> str | None:
    """A path as the user would write it: relative to the current folder when below it."""
    if path is None:
        return None
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def scan_article_files(
    paths: Sequence[str | os.PathLike[str]],
) -> list[tuple[str, os.stat_result | None]]:
    """Expand folders (recursively) into article files, each with its stat.

    The order is stable: the order of ``paths``, and inside a folder the
    order of the path components (what sorting ``Path`` objects gives).
    Hidden files and folders are skipped, and symlinked folders are not
    followed. A file reached twice (the same inode) is listed once. The stat
    is None when it failed (the file vanished or cannot be looked at); such a
    file is still listed, so that reading it reports why. A path that does
    not exist raises LibraryError.
    """
    found: list[tuple[str, os.stat_result | None]] = []
    seen: set[tuple[int, int] | str] = set()
    for given in paths:
        path = os.fspath(Path(given))
        try:
            info: os.stat_result | None = os.stat(path)
        except OSError:
            raise LibraryError(f"no such file or folder: {path}") from None
        candidates: Iterator[tuple[str, os.stat_result | None]]
        if info is not None and os.path.isdir(path):
            candidates = _walk(path)
        else:
            candidates = iter([(path, info)])
        for candidate, stat in candidates:
            key = (stat.st_dev, stat.st_ino) if stat is not None else candidate
            if key not in seen:
                seen.add(key)
                found.append((candidate, stat))
    return found


def _walk(folder: str) -> Iterator[tuple[str, os.stat_result | None]]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return  # an unreadable folder is skipped, as os.walk does
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            if not entry.is_symlink():
                yield from _walk(entry.path)
            continue
        if os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES:
            continue
        try:
            stat: os.stat_result | None = entry.stat()
        except OSError:
            stat = None
        yield entry.path, stat
