"""Pieces every subcommand shares: errors, paths, output format choice."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from briefing.errors import UserError, fail

__all__ = [
    "OUTPUT_FORMATS",
    "IndexingProgress",
    "LazyParser",
    "UserError",
    "add_common_arguments",
    "add_format_argument",
    "add_library_argument",
    "add_paths_argument",
    "bookmarked_only",
    "choose_format",
    "fail",
    "fail_without_articles",
    "find_article_or_fail",
    "load_library_or_fail",
    "note",
    "open_catalogue",
    "positive_int",
    "safe_line",
    "warn",
    "warn_about_files",
]

OUTPUT_FORMATS = ("rich", "plain", "markdown", "json")


def warn(message: str) -> None:
    print(f"briefing: warning: {safe_line(message)}", file=sys.stderr)


def note(message: str) -> None:
    """Something worth knowing that is not wrong (how a query was read)."""
    print(f"briefing: note: {safe_line(message)}", file=sys.stderr)


def safe_line(message: str) -> str:
    """A message for the terminal: whatever outside text it holds (a file
    name, a value from a file) shows its escapes instead of acting on them."""
    from briefing.library.text import reveal_controls

    return reveal_controls(message)


class LazyParser(argparse.ArgumentParser):
    """A subcommand's parser that gets its options only when it is used.

    `briefing bookmarks add` then builds the options of `add` alone, not those
    of every command (which would import every command's module at each
    start). ``build`` adds the options; argparse still decides which
    subcommand was chosen, and `--help` lists them all by their one-line help.
    """

    def __init__(
        self, *args: Any, build: Callable[[argparse.ArgumentParser], None] | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self._build = build

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._build is not None:
            build, self._build = self._build, None
            build(self)
        return super().parse_known_args(args, namespace)


def add_common_arguments(parser: argparse.ArgumentParser, nested: bool = False) -> None:
    """Options every command accepts (later features add theirs here).

    ``nested`` is for the sub-subcommands of a command (`bookmarks add`), so
    that an option works before or after their name: there the defaults are
    left out, or they would overwrite a value given before the name.
    """

    def default(value: object) -> object:
        return argparse.SUPPRESS if nested else value

    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=default(None),
        metavar="MB",
        help="skip article files larger than this (default 5 MB)",
    )
    parser.add_argument(
        "--bookmarks",
        type=Path,
        default=default(None),
        metavar="FILE",
        help="the bookmark file (default: $BRIEFING_BOOKMARKS, else one in the user data folder)",
    )


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    """The PATH… arguments of the commands that read the library."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (default: the library folder, else the samples)",
    )
    add_library_argument(parser)


def add_library_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        type=Path,
        default=None,
        metavar="DIR",
        help="the library folder (default: $BRIEFING_LIBRARY, else `library` in config.toml, "
        "else ./articles if it exists, else one in the user data folder)",
    )


def add_format_argument(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    parser.add_argument(
        "-f",
        "--format",
        choices=formats,
        default=None,
        help="output format (default: rich on a terminal, else plain)",
    )


# Counts beyond this mean "all" wherever a count is asked for; past it,
# SQLite's and C's integers overflow (`search -n 99999999999999999999`).
MAX_COUNT = 1_000_000_000
# The size limit above which a file is never too big (`--max-size 1e308`).
MAX_BYTES = 2**62


def positive_int(what: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least 1, else "the WHAT must be …"
    (larger than MAX_COUNT counts as MAX_COUNT)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if number < 1:
            raise argparse.ArgumentTypeError(f"the {what} must be at least 1")
        return min(number, MAX_COUNT)

    return parse


def _megabytes(value: str) -> int:
    """An argparse type: a size limit in megabytes (a fraction allowed), as bytes."""
    try:
        size = float(value)
    except ValueError:
        size = math.nan
    if math.isnan(size):
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}")
    if size <= 0:
        raise argparse.ArgumentTypeError("the size limit must be above 0")
    return int(min(size * 1_048_576, MAX_BYTES))


def choose_format(requested: str | None, stream: IO[str] | None = None) -> str:
    """Rich on a terminal; plain text in a pipe or when NO_COLOR is set."""
    if requested:
        return requested
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or not stream.isatty():
        return "plain"
    return "rich"


class IndexingProgress:
    """The search index's ``progress(done, total)`` as a bar on a terminal's
    stderr, shown once a first index (or a large catch-up) is slow; nothing
    in a pipe or a log. Use it as a context manager, so that an interrupted
    run takes its bar away."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from briefing.cli.stream import ProgressBar

            self._bar = ProgressBar(total, "Indexing")
        self._bar.advance(done - self._bar.done)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> IndexingProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def warn_about_files(problems: Sequence[Any], warnings: Sequence[Any], duplicates: int) -> None:
    """What loading a library says about its files: those it skipped, what
    it left out of others (``Problem``s), and how many repeat an article."""
    from briefing.library.files import duplicates_note

    for problem in problems:
        warn(f"skipped {problem}")
    for remark in warnings:
        warn(str(remark))
    if duplicates:
        # Said once: 1,800 files holding 450 articles are not 1,800 articles.
        warn(duplicates_note(duplicates))


def load_library_or_fail(paths: list[Path], max_bytes: int | None, folder: Path | None = None):
    """Load the library, warn about each bad file once, fail if nothing loads."""
    from briefing.library.load import DEFAULT_MAX_BYTES, LibraryError, default_paths, load_library

    paths = paths or default_paths(folder)
    try:
        library = load_library(paths, max_bytes or DEFAULT_MAX_BYTES)
    except LibraryError as error:
        fail(str(error))
    warn_about_files(library.problems, library.warnings, library.duplicates)
    if not library.articles:
        fail_without_articles(paths, bool(library.problems))
    return library


def fail_without_articles(paths: Sequence[Path], some_unreadable: bool) -> NoReturn:
    """Say why a library gave no article, and stop."""
    where = ", ".join(str(p) for p in paths)
    if some_unreadable:
        fail(f"no readable articles in {where}")
    fail(f"no articles in {where} (looked for .txt and .md files)")


def open_catalogue(paths: list[Path], max_bytes: int | None, folder: Path | None = None) -> Any:
    """The library's catalogue, brought up to date through the search index,
    and what the refresh found (files that could not be read, and what was
    left out of the files it read); LibraryError if a path is missing."""
    from briefing.library.catalogue import Catalogue
    from briefing.library.load import DEFAULT_MAX_BYTES, default_paths

    catalogue = Catalogue(paths or default_paths(folder), max_bytes or DEFAULT_MAX_BYTES)
    catalogue.open()
    return catalogue, catalogue.refresh()


def find_article_or_fail(
    key: str, paths: list[Path], max_bytes: int | None, folder: Path | None = None
) -> Any:
    """The one article whose id is ``key`` (or starts with it), found through
    the search index, so that a library of 100,000 articles is not read for
    it; warns about each file that could not be read, fails if none fits."""
    from briefing.library.load import LibraryError

    try:
        catalogue, refreshed = open_catalogue(paths, max_bytes, folder)
        for problem in refreshed.problems:
            warn(f"skipped {problem}")
        return catalogue.find(key)
    except LibraryError as error:
        fail(str(error))


def bookmarked_only(articles: list[Any], bookmark_file: Path | None) -> list[Any]:
    """The bookmarked ones of ``articles``; fail when there are none."""
    from briefing.bookmarks import BookmarkFileError, BookmarkStore, resolve

    try:
        bookmarks = BookmarkStore(bookmark_file).load()
    except BookmarkFileError as error:
        fail(f"bookmark file {error}")
    resolution = resolve(bookmarks, articles)
    chosen = [a for a in articles if resolution.is_bookmarked(a)]
    if not chosen:
        fail("none of these articles is bookmarked (see `briefing bookmarks list`)")
    return chosen
