"""`briefing summary`: one-shot summaries for the terminal, pipes and scripts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from briefing.cli.common import (
    OUTPUT_FORMATS,
    add_format_argument,
    add_paths_argument,
    bookmarked_only,
    choose_format,
    fail,
    find_article_or_fail,
    load_library_or_fail,
    positive_int,
    warn,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.analysis.summarize import Length
    from briefing.library.model import Article, Summary
    from briefing.storage.cache import DerivedCache

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
    parser.add_argument(
        "--explain",
        action="store_true",
        help="show why each sentence was chosen: its score and the parts of it "
        "(position, centrality, length, …) and what was skipped (default algorithm only)",
    )


def run(args: argparse.Namespace) -> int:
    if args.algorithm not in _algorithm_names():
        fail(
            f"unknown algorithm {args.algorithm!r}; choose one of: "
            + ", ".join(_algorithm_names()),
            status=2,
        )
    from briefing.analysis.derived import facts_for
    from briefing.analysis.summarize import EXPLAINED, Length
    from briefing.cli.stream import ProgressBar, chunks, write_items
    from briefing.presentation.report import digest
    from briefing.storage.cache import DerivedCache

    if args.id is not None:
        articles = [find_article_or_fail(args.id, args.paths, args.max_size, args.library)]
    else:
        articles = load_library_or_fail(args.paths, args.max_size, args.library).articles
    if args.bookmarked:
        articles = bookmarked_only(articles, args.bookmarks)
    length = Length(sentences=None, ratio=args.ratio) if args.ratio else Length(args.sentences)
    cache = DerivedCache()
    explain = args.explain and args.algorithm in EXPLAINED
    if args.explain and not explain:
        warn(
            f"--explain: {args.algorithm} does not explain its choices "
            f"(only {', '.join(sorted(EXPLAINED))} does)"
        )

    def items() -> Iterator[dict[str, Any]]:
        # By chunks: each is written as soon as it is summarised (streaming),
        # and its facts come from the cache in one read.
        with ProgressBar(len(articles), "Summarising") as progress:
            for chunk in chunks(articles):
                facts = None if args.no_facts else facts_for(chunk, cache)
                for a in chunk:
                    summary, why = _summary(a, args.algorithm, length, cache, explain)
                    yield digest(a, summary, facts[a.id] if facts is not None else None, why)
                progress.advance(len(chunk))

    write_items(items(), choose_format(args.format))
    return 0


def _summary(
    article: Article, algorithm: str, length: Length, cache: DerivedCache, explain: bool
) -> tuple[Summary, dict[str, Any] | None]:
    """The summary, and with ``explain`` the reasons for it (worked out afresh, so that
    they are the reasons for exactly these sentences)."""
    if explain:
        from briefing.analysis.summarize import explain as explained

        return explained(article, length)
    from briefing.analysis.derived import cached_summary

    return cached_summary(article, algorithm, length, cache), None
