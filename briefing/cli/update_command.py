"""`briefing update`: fetch the feeds you follow into the library folder."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from briefing.cli.common import IndexingProgress, add_library_argument, fail, warn

if TYPE_CHECKING:
    from pathlib import Path

    from rich.progress import Progress, TaskID

    from briefing.feeds.update import FeedOutcome

HELP = "fetch the feeds you follow: new articles go into the library folder"
DESCRIPTION = """\
Fetch every feed you follow (see `briefing feeds`) at once and write each new
entry into the library folder as Markdown, in a folder per feed. An entry
already there is not written twice; one whose text changed at the source
replaces its own file. Unchanged feeds cost one request (ETag/Last-Modified).

Exit status: 0 when every feed was read, 1 when some failed (the rest are
still saved).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="NAME",
        help="only this feed (its name, title, folder or URL; repeatable)",
    )
    add_library_argument(parser)


def run(args: argparse.Namespace) -> int:
    from briefing.feeds.subscriptions import (
        FeedsFileError,
        find_subscription,
        load_subscriptions,
        remember_details,
    )
    from briefing.feeds.update import UpdateEvents, run_update
    from briefing.library.files import display_path, library_dir

    try:
        feeds = load_subscriptions()
    except FeedsFileError as error:
        fail(f"feeds file {error}; it was left as it is")
    if not feeds:
        fail("no feeds yet: `briefing feeds add URL` follows one")
    if args.feed:
        chosen = [find_subscription(feeds, key) for key in args.feed]
        missing = [key for key, feed in zip(args.feed, chosen, strict=True) if feed is None]
        if missing:
            fail(f"no feed {missing[0]!r} (see `briefing feeds list`)")
        feeds = list({f.url: f for f in chosen if f is not None}.values())
    library = library_dir(args.library)
    with _Progress(len(feeds)) as progress:
        outcomes = run_update(feeds, library, UpdateEvents(feed_done=progress.advance))
    try:
        remember_details([o.feed for o in outcomes])
    except (FeedsFileError, OSError) as error:
        warn(f"could not record the feeds' titles: {error}")
    for outcome in outcomes:
        _report(outcome)
    written = sum(o.new + o.updated for o in outcomes)
    if written:
        _index_what_was_written(library)
    print(f"{written} article{'s' if written != 1 else ''} written to {display_path(library)}")
    return 1 if any(o.failed for o in outcomes) else 0


def _index_what_was_written(library: Path) -> None:
    """Bring the library's search index up to date now, while the new files
    are in memory, so that the next search or reader start re-reads nothing
    the update wrote. Only an index that exists: a library never searched
    gets one at its first search."""
    from briefing.library.files import LibraryError
    from briefing.search import SearchIndex, SearchIndexError
    from briefing.search.database import default_cache_dir, index_file

    try:
        if not index_file([library.resolve()], default_cache_dir()).exists():
            return
        with SearchIndex([library]) as index, IndexingProgress() as bar:
            index.refresh(progress=bar)
    except (LibraryError, SearchIndexError, OSError) as error:
        # The articles are written; the next search catches up.
        warn(f"the search index was not brought up to date: {error}")


def _report(outcome: FeedOutcome) -> None:
    from briefing.library.text import reveal_controls

    label = reveal_controls(outcome.feed.label)
    for problem in outcome.problems:
        warn(f"{label}: skipped {reveal_controls(problem)}")
    if outcome.error is not None:
        print(f"{label}: failed: {reveal_controls(outcome.error)}")
    elif outcome.waiting is not None:
        print(f"{label}: not fetched: {outcome.waiting}")
    elif outcome.not_modified:
        print(f"{label}: no change since the last update")
    elif not (outcome.new or outcome.updated or outcome.unchanged or outcome.problems):
        print(f"{label}: the feed has no entries")
    else:
        print(
            f"{label}: {outcome.new} new, {outcome.updated} updated, {outcome.unchanged} unchanged"
        )


class _Progress:
    """A progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            progress = Progress(
                TextColumn("updating"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            progress.start()
            self._task = progress.add_task("feeds", total=self.total)
            self._progress = progress
        return self

    def advance(self, _outcome: FeedOutcome) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
