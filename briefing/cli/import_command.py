"""`briefing import`: bring article files, or split text dumps, into a library."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import fail, warn

HELP = "copy articles into a library folder, or split a multi-article dump"
DESCRIPTION = """\
Copy article files into a library folder (default ./articles).

With --split, each SOURCE is a text dump holding several articles (a headline
line, its body, the next headline, …); every article becomes a file of its
own and page debris such as "Viewing results 1 - 6 of 3" is dropped. Nothing
already in the folder is overwritten.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    parser.add_argument(
        "--split", action="store_true", help="split each SOURCE into one file per article"
    )
    parser.add_argument(
        "--into",
        type=Path,
        default=Path("articles"),
        metavar="DIR",
        help="library folder to write to (default ./articles)",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.library.files import path_text
    from briefing.library.importer import import_articles
    from briefing.library.load import DEFAULT_MAX_BYTES, LibraryError

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
