"""`briefing summary`: one-shot summaries for the terminal, pipes and scripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import (
    OUTPUT_FORMATS,
    add_format_argument,
    add_paths_argument,
    choose_format,
    fail,
    load_library_or_fail,
    positive_int,
)

if TYPE_CHECKING:
    from briefing.library.model import Article

HELP = "print summaries of articles (for the terminal, pipes and scripts)"
DESCRIPTION = """\
Print each article's title, source, word count, an extractive summary and its
key facts (people, organisations, places, dates, figures and quotes).

Output is Rich on a terminal and plain text in a pipe (or with NO_COLOR set);
--format json is stable for scripts (see the README for its keys).
"""


def _ratio(value: str) -> float:
    try:
        ratio = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a ratio: {value!r}") from None
    if not 0 < ratio <= 1:
        raise argparse.ArgumentTypeError("the ratio must be above 0 and at most 1 (or 1%–100%)")
    return ratio


def _algorithm_names() -> list[str]:
    from briefing.analysis.summarize import ALGORITHMS

    return list(ALGORITHMS)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "-n",
        "--sentences",
        type=positive_int("number of sentences"),
        default=3,
        metavar="N",
        help="sentences per summary (default 3)",
    )
    length.add_argument(
        "-r",
        "--ratio",
        type=_ratio,
        metavar="R",
        help="summary length as a share of the article, e.g. 0.2 or 20%%",
    )
    parser.add_argument(
        "-a",
        "--algorithm",
        default="default",
        metavar="NAME",
        help="one of: " + ", ".join(_algorithm_names()) + " (default: default)",
    )
    add_format_argument(parser, OUTPUT_FORMATS)
    parser.add_argument("--id", metavar="ID", help="only the article with this id (or id prefix)")
    parser.add_argument(
        "--no-facts",
        action="store_true",
        help="leave out the key facts (shorter output, a little faster)",
    )
    parser.add_argument(
        "--bookmarked", action="store_true", help="only bookmarked articles (see --bookmarks)"
    )


def run(args: argparse.Namespace) -> int:
    if args.algorithm not in _algorithm_names():
        fail(
            f"unknown algorithm {args.algorithm!r}; choose one of: "
            + ", ".join(_algorithm_names()),
            status=2,
        )
    from briefing.analysis.derived import cached_summary, facts_for
    from briefing.analysis.summarize import Length
    from briefing.library.load import LibraryError
    from briefing.presentation.report import digest
    from briefing.storage.cache import DerivedCache

    library = load_library_or_fail(args.paths, args.max_size, args.library)
    articles = library.articles
    if args.id:
        try:
            articles = [library.find(args.id)]
        except LibraryError as error:
            fail(str(error))
    if args.bookmarked:
        articles = _bookmarked_only(articles, args.bookmarks)
    length = Length(sentences=None, ratio=args.ratio) if args.ratio else Length(args.sentences)
    cache = DerivedCache()
    facts = None if args.no_facts else facts_for(articles, cache)
    items = [
        digest(
            a,
            cached_summary(a, args.algorithm, length, cache),
            facts[a.id] if facts is not None else None,
        )
        for a in articles
    ]
    fmt = choose_format(args.format)
    if fmt == "json":
        from briefing.presentation.output import to_json

        sys.stdout.write(to_json({"articles": items}))
    elif fmt == "markdown":
        from briefing.presentation.output import to_markdown

        sys.stdout.write(to_markdown(items))
    elif fmt == "plain":
        from briefing.presentation.output import to_plain

        sys.stdout.write(to_plain(items))
    else:
        from rich.console import Console

        from briefing.presentation.render import digest_panels

        console = Console()
        for panel in digest_panels(items):
            console.print(panel)
    return 0


def _bookmarked_only(articles: list[Article], bookmark_file: Path | None) -> list[Article]:
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
