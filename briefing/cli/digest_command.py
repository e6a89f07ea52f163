"""`briefing digest`: the articles grouped into stories, each summarised once."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cli.common import (
    add_format_argument,
    add_paths_argument,
    bookmarked_only,
    choose_format,
    fail,
    load_library_or_fail,
    note,
    open_catalogue,
    positive_int,
    warn,
)

if TYPE_CHECKING:
    from briefing.analysis.stories import Digest
    from briefing.library.model import Article

HELP = "group the articles into stories and summarise each story once, across its sources"
DESCRIPTION = """\
Group the articles into stories (articles about the same event or topic) and
summarise each story once, across its sources: a headline, 2–5 sentences
chosen from all its articles (each naming its source; what several say is
said once), its key people, organisations and places, and its articles.
Stories with the most articles and sources come first; articles in no story
are listed after them.

  briefing digest --since 24h              the last day's articles
  briefing digest --query "election"       the articles matching a search
  briefing digest -f html > briefing.html  a page to mail (no scripts)

--grouping sets how eager the grouping is: strict makes more, tighter
stories; loose fewer, broader ones. --format json is stable for scripts
(see the README for its keys).
"""

FORMATS = ("rich", "plain", "markdown", "html", "json")
_SPAN = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.IGNORECASE)
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
# A moment before every article (a day after datetime.min: turned into local
# time, datetime.min itself would fall out of range).
EARLIEST = datetime(1, 1, 2, tzinfo=UTC)


def since(value: str) -> datetime:
    """An argparse type: "24h", "7d", "2w" (back from now) or a date / time."""
    from briefing.library.dates import parse_when

    match = _SPAN.match(value)
    if match:
        try:
            amount = timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})
            return datetime.now(UTC) - amount
        except OverflowError:  # further back than dates go (1000000d): every article
            return EARLIEST
    moment = parse_when(value)
    if moment is None:
        raise argparse.ArgumentTypeError(
            f"not a time span or date: {value!r} (try 24h, 7d, 2w or 2024-07-01)"
        )
    return moment


# The names of stories.cluster.GROUPINGS (a test keeps them equal): building
# the options should not import the grouping, which brings numpy (0.15 s).
GROUPING_CHOICES = ("strict", "normal", "loose")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument(
        "--since",
        type=since,
        metavar="WHEN",
        help="only articles since then: 24h, 7d, 2w or a date (by published, else the file's time)",
    )
    parser.add_argument("--query", metavar="Q", help="only the articles matching this search")
    parser.add_argument(
        "--bookmarked", action="store_true", help="only bookmarked articles (see --bookmarks)"
    )
    parser.add_argument(
        "-n",
        "--sentences",
        type=positive_int("number of sentences"),
        default=3,
        metavar="N",
        help="sentences per story summary (default 3; 2–5 read best)",
    )
    add_format_argument(parser, FORMATS)
    parser.add_argument(
        "--grouping",
        choices=GROUPING_CHOICES,
        default="normal",
        help="how eager the grouping is (default normal)",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.presentation.digest_report import digest_record

    with _progress() as progress:
        progress("loading", 0, 0)
        recent = _recent_articles(args) if args.since else None
        if recent is None:
            recent = load_library_or_fail(args.paths, args.max_size, args.library).articles
        articles, moments = _chosen(recent, args)
        digest = _build(articles, moments, args, progress)
    _print(digest_record(digest), choose_format(args.format))
    return 0


def _recent_articles(args: argparse.Namespace) -> list[Article] | None:
    """The articles published (else saved) since ``args.since``, asked of the
    search index, which keeps every article's time in an index of its own:
    the last day of a 100,000-article library costs what it costs on a few
    hundred. None when the index cannot be used (then the whole library is
    loaded, as without --since)."""
    from briefing.library.files import LibraryError, duplicates_note
    from briefing.search import SearchIndexError

    try:
        catalogue, refreshed = open_catalogue(args.paths, args.max_size, args.library)
    except LibraryError as error:
        fail(str(error))
    index = catalogue.index
    try:
        if index is None or not index.ids_starting("", limit=1):
            return None  # loading says why there is nothing (no files, none readable)
        recent = index.since(args.since.timestamp())
    except SearchIndexError:
        return None
    # As `search` says them: files that cannot be read, each run; what was
    # left out of a file, when the index reads it.
    for problem in refreshed.problems:
        warn(f"skipped {problem}")
    for remark in refreshed.warnings:
        warn(str(remark))
    if duplicates := catalogue.duplicates():
        warn(duplicates_note(duplicates))
    recent.sort(key=lambda found: found[1].split(os.sep))  # library order, as Paths sort
    chosen = (catalogue.article(article_id, Path(path)) for article_id, path in recent)
    return [article for article in chosen if article is not None]


def _chosen(articles: list[Article], args: argparse.Namespace) -> tuple[list[Article], list]:
    """The articles the options select, with their publication times."""
    from briefing.library.dates import published_at
    from briefing.library.files import default_paths

    if args.query:
        articles = _matching(
            articles, args.query, args.paths or default_paths(args.library), args.max_size
        )
    if args.bookmarked:
        articles = bookmarked_only(articles, args.bookmarks)
    moments = [published_at(a) for a in articles]
    if args.since:
        kept = [(a, m) for a, m in zip(articles, moments, strict=True) if _when(a, m) >= args.since]
        if not kept:
            fail(f"no articles since {args.since:%Y-%m-%d %H:%M} (UTC)")
        articles, moments = [a for a, _ in kept], [m for _, m in kept]
    return articles, moments


def _when(article: Article, moment: datetime | None) -> datetime:
    """Published, else the file's modification time."""
    if moment is not None:
        return moment
    try:
        assert article.path is not None
        return datetime.fromtimestamp(article.path.stat().st_mtime, UTC)
    except (AssertionError, OSError):
        return datetime.min.replace(tzinfo=UTC)


def _matching(
    articles: list[Article], query: str, paths: Sequence[Path], max_size: int | None
) -> list[Article]:
    from briefing.library.files import LibraryError
    from briefing.search import SearchIndex, SearchIndexError, parse_query

    parsed = parse_query(query)
    if parsed.is_empty:
        fail(f'nothing to search for in {query!r}: give words, "phrases" or prefix*')
    try:
        with SearchIndex(list(paths), max_bytes=max_size) as index:
            index.refresh()
            results = index.search(parsed, limit=None, snippet_words=0)
    except (LibraryError, SearchIndexError) as error:
        fail(str(error))
    for notice in results.notices:
        note(notice)  # (as search says it)
    wanted = {hit.entry.id for hit in results.hits}
    chosen = [a for a in articles if a.id in wanted]
    if not chosen:
        fail(f"no articles match {query}")
    return chosen


def _build(articles: list[Article], moments: list, args: argparse.Namespace, progress) -> Digest:
    from briefing.analysis.derived import cached_summary, facts_for, sentences_for, terms_for
    from briefing.analysis.stories import build_digest
    from briefing.analysis.stories.entities import ENTITY_KINDS
    from briefing.analysis.summarize import Length
    from briefing.storage.cache import DerivedCache

    cache = DerivedCache()
    length = Length(args.sentences)

    def facts_of(chosen: Sequence[Article]) -> dict:
        # The articles in stories: their sentences are wanted from here on
        # (facts and summaries check their numbers against them).
        sentences_for(chosen, cache)
        return facts_for(chosen, cache, ENTITY_KINDS)

    return build_digest(
        articles,
        lambda a: cached_summary(a, "default", length, cache).indices,
        facts_of,
        dates=moments,
        grouping=args.grouping,
        sentences=args.sentences,
        progress=progress,
        terms_of=lambda chosen: terms_for(chosen, cache),
    )


@contextmanager
def _progress() -> Iterator[Any]:
    """A progress bar on a terminal's stderr (gone when done); else nothing."""
    if not sys.stderr.isatty():
        yield lambda step, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("briefing: {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("loading", total=None)

        def report(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total or None)

        yield report


def _print(record: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        from briefing.presentation.output import to_json

        sys.stdout.write(to_json(record))
    elif fmt == "html":
        from briefing.presentation.digest_output import digest_html

        sys.stdout.write(digest_html(record))
    elif fmt == "markdown":
        from briefing.presentation.digest_output import digest_markdown

        sys.stdout.write(digest_markdown(record))
    elif fmt == "plain":
        from briefing.presentation.digest_output import digest_plain

        sys.stdout.write(digest_plain(record))
    else:
        from rich.console import Console

        from briefing.presentation.digest_render import digest_renderables

        console = Console(highlight=False)
        for part in digest_renderables(record):
            console.print(part)
