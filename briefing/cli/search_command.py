"""`briefing search`: ranked full-text search over the library."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cli.common import (
    IndexingProgress,
    UserError,
    add_format_argument,
    add_paths_argument,
    choose_format,
    fail,
    note,
    positive_int,
    warn,
)

if TYPE_CHECKING:
    from briefing.search import SearchIndex, SearchResults

HELP = "search the articles: best matches first, with snippets"
DESCRIPTION = """\
Search the articles for QUERY (quote it when it has several words) and print
the best matches first: title, source and a snippet with the matches marked.

query language:
  harbour port        both words           "port expansion"   the exact phrase
  harb*               words starting so    port OR harbour    either word
  -strike             without the word     title:port         in the title
  source:gazette      in the source        tag:shipping       with this tag
  is:bookmarked       your bookmarks       bookmarked:bea     Bea's (see --bookmarks)
Case and accents do not matter. A query that starts with "-" goes after
"--": briefing search -- "-strike port".

The index is kept in the user cache folder; each run reads only new and
changed files.

exit status: 0 something matched, 1 nothing matched (as grep), 2 an error.
"""

FORMATS = ("rich", "plain", "json")
EXIT_NO_MATCH = 1
EXIT_ERROR = 2
SHOWN_QUERY = 80  # characters of a query echoed in a message


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="what to search for (see below)")
    add_paths_argument(parser)
    parser.add_argument(
        "-n",
        "--limit",
        type=positive_int("limit"),
        default=10,
        metavar="N",
        help="show at most N matches (default 10)",
    )
    add_format_argument(parser, FORMATS)


def run(args: argparse.Namespace) -> int:
    # grep's convention: 1 means "no match", so every error here is 2.
    try:
        return _search(args)
    except UserError as error:
        raise UserError(str(error), EXIT_ERROR) from None


def _missing_path_hint(message: str, query: str, paths: list[Path]) -> str:
    words = [str(p) for p in paths if not p.suffix and os.sep not in str(p) and not p.exists()]
    if not words:
        return message
    together = " ".join([query, *words]).replace('"', "")
    return f'{message} (to search for several words, quote them: briefing search "{together}")'


def _search(args: argparse.Namespace) -> int:
    from briefing.library.files import LibraryError, default_paths
    from briefing.search import SearchIndex, SearchIndexError, parse_query

    query = parse_query(args.query)
    if query.is_empty:
        shown = _shown_query(args.query)
        fail(f'nothing to search for in {shown!r}: give words, "phrases" or prefix*')
    paths = args.paths or default_paths(args.library)
    try:
        with SearchIndex(paths, max_bytes=args.max_size) as index, IndexingProgress() as bar:
            refreshed = index.refresh(progress=bar)
            for problem in refreshed.problems:
                warn(f"skipped {problem}")
            for remark in refreshed.warnings:
                warn(str(remark))
            indexed = refreshed.added + refreshed.changed + refreshed.unchanged
            if indexed == len(refreshed.problems):
                where = ", ".join(str(p) for p in paths)
                fail(f"no readable articles in {where} (looked for .txt and .md files)")
            bookmarks = _bookmark_tags(index, args.bookmarks) if query.filter_groups else None
            results = index.search(query, limit=args.limit, bookmarks=bookmarks)
    except LibraryError as error:
        fail(_missing_path_hint(str(error), args.query, list(args.paths)))
    except SearchIndexError as error:
        fail(str(error))
    fmt = choose_format(args.format)
    for notice in results.notices:
        note(notice)
    _print(results, args.query, fmt)
    if results.hits:
        return 0
    if fmt != "json":
        message = f"briefing: no matches for {_shown_query(args.query)}"
        if results.suggestions:
            message += "; did you mean: " + " | ".join(results.suggestions) + "?"
        print(message, file=sys.stderr)
    return EXIT_NO_MATCH


def _shown_query(text: str) -> str:
    """The query as echoed in a message: one line, at most SHOWN_QUERY characters."""
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_QUERY else line[: SHOWN_QUERY - 1] + "…"


def _bookmark_tags(index: SearchIndex, bookmark_file: Path | None) -> dict[str, tuple[str, ...]]:
    """Bookmarked article id -> its tags, for `is:bookmarked` and `tag:`.

    Read only for queries with a filter; entries resolve to the library's
    articles as everywhere (by id, else by exact title).
    """
    from briefing.bookmarks import BookmarkFileError, BookmarkStore, resolve

    try:
        bookmarks = BookmarkStore(bookmark_file).load()
    except BookmarkFileError as error:
        fail(f"bookmark file {error}")
    return resolve(bookmarks, index.entries()).tags_by_article()  # type: ignore[arg-type]


def _print(results: SearchResults, query_text: str, fmt: str) -> None:
    from briefing.search.report import results_record

    record = results_record(results, query_text)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "plain":
        from briefing.search.report import ASCII_MARKS, PLAIN_MARKS, to_plain

        marks = PLAIN_MARKS if _can_encode("".join(PLAIN_MARKS)) else ASCII_MARKS
        sys.stdout.write(to_plain(record, marks))
    else:
        _print_rich(record)


def _can_encode(text: str) -> bool:
    try:
        text.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _print_rich(record: dict[str, Any]) -> None:
    from rich.console import Console, Group, RenderableType
    from rich.padding import Padding
    from rich.text import Text

    from briefing.search.report import meta_line

    def marked(text: str, spans: list[list[int]], style: str = "") -> Text:
        # Article text goes into Text objects, never into markup.
        result = Text(text, style=style)
        for start, end in spans:
            result.stylize("bold black on yellow", start, end)
        return result

    def indented(renderable: RenderableType) -> Padding:
        # Padding, not leading spaces, so that wrapped lines keep the indent.
        return Padding(renderable, (0, 0, 0, 4), expand=False)

    parts: list[RenderableType] = []
    for number, item in enumerate(record["results"], 1):
        title = marked(item["title"], item["title_highlights"], "bold")
        parts.append(Text.assemble((f"{number:>2}. ", "bold cyan"), title))
        parts.append(indented(Text(meta_line(item), style="dim")))
        if item["snippet"]:
            parts.append(indented(marked(item["snippet"], item["highlights"])))
        parts.append(Text())
    more = record["total"] - len(record["results"])
    if more > 0:
        parts.append(Text(f"{more:,} more (--limit {record['total']} shows all)", style="dim"))
    Console(highlight=False).print(Group(*parts))
