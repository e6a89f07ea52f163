"""`briefing import`: bring article files, or split text dumps, into a library."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import add_library_argument, fail, warn

HELP = "bring articles into the library: files, web pages, feeds, JSON Lines, dumps"
DESCRIPTION = """\
Bring articles into the library folder (see --library; or --into DIR).

SOURCE may be an article file or folder (.txt, .md: copied as they are), a
saved web page (.html: its main text, title, author, date and site), a feed
file (.xml, .rss, .atom) or a JSON Lines file (.jsonl: {"title", "text",
"url"?, "published"?, "source"?, "author"?} per line), or any http(s)
address of a page or a feed. Pages, feeds and JSON Lines become Markdown
files with front matter.

With --split, each SOURCE is a text dump holding several articles (a headline
line, its body, the next headline, …); every article becomes a file of its
own and page debris such as "Viewing results 1 - 6 of 3" is dropped. Nothing
already in the folder is overwritten.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    parser.add_argument(
        "--split", action="store_true", help="split each SOURCE into one file per article"
    )
    parser.add_argument(
        "--into",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder to write to (default: the library folder)",
    )
    add_library_argument(parser)


def run(args: argparse.Namespace) -> int:
    from briefing.library.files import library_dir, path_text
    from briefing.library.importer import import_articles
    from briefing.library.load import DEFAULT_MAX_BYTES, LibraryError

    args.into = args.into or library_dir(args.library)
    added = existing = 0
    try:
        for event in import_articles(
            args.sources, args.into, args.split, args.max_size or DEFAULT_MAX_BYTES
        ):
            if event.kind == "added":
                added += 1
                print(f"added {path_text(event.target or '')}  ({event.detail})")
            elif event.kind == "exists":
                existing += 1
                print(f"already there: {path_text(event.target or '')}  ({event.detail})")
            elif event.kind == "dropped":
                shown = path_text(event.source)
                warn(f"dropped from {shown}: {event.detail!r} (not an article)")
            elif event.kind == "unsure":
                warn(f"{path_text(event.source)}: {event.detail}")
            else:
                warn(f"skipped {event.detail}")
    except LibraryError as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to {args.into}: {error.strerror or error}")
    print(
        f"{added} article{'s' if added != 1 else ''} added to {path_text(args.into)}"
        + (f", {existing} already there" if existing else "")
    )
    if added == 0 and existing == 0:
        return 1
    return 0
