"""The `briefing` command line: a thin shell over the core.

Each subcommand lives in its own module with ``HELP``, ``add_arguments`` and
``run``. Only the chosen command's module is imported and only its options are
built, and heavy imports happen inside ``run``, so that `briefing --help` and
the one-shot commands start fast. Nothing here imports Textual; only the
reader (`briefing [PATH…]`) does, when it starts.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from functools import partial

from briefing import __version__
from briefing.cli.common import (
    LazyParser,
    UserError,
    add_common_arguments,
    add_paths_argument,
    fail,
    safe_line,
)

__all__ = ["console_main", "main"]

# Subcommand name -> module. Order is the order of `briefing --help`.
COMMANDS: dict[str, str] = {
    "summary": "briefing.cli.summary_command",
    "search": "briefing.cli.search_command",
    "digest": "briefing.cli.digest_command",
    "facts": "briefing.cli.facts_command",
    "import": "briefing.cli.import_command",
    "bookmarks": "briefing.cli.bookmarks_command",
    "feeds": "briefing.cli.feeds_command",
    "update": "briefing.cli.update_command",
}
# Each command's ``HELP``, for the list in `briefing --help`: kept here so that
# the list imports no command module (a test checks it against the modules).
COMMAND_HELP: dict[str, str] = {
    "summary": "print summaries of articles (for the terminal, pipes and scripts)",
    "search": "search the articles: best matches first, with snippets",
    "digest": "group the articles into stories and summarise each story once, across its sources",
    "facts": "list the people, organisations and places across the library, with their articles",
    "import": "bring articles into the library: files, web pages, feeds, JSON Lines, dumps",
    "bookmarks": "bookmark articles with notes and tags; share, export, import and merge the file",
    "feeds": "follow news feeds: add, list, remove, and OPML import and export",
    "update": "fetch the feeds you follow: new articles go into the library folder",
}

DESCRIPTION = """\
Read a stack of news articles fast: summaries, key facts, search and bookmarks.

  briefing [PATH…]          open the reader (default: the library folder, else the samples)
  briefing summary [PATH…]  print summaries to the terminal or a pipe
  briefing search QUERY     ranked full-text search, with snippets
  briefing digest [PATH…]   the briefing: stories across sources, each summarised once
  briefing facts [PATH…]    people, organisations and places across the library
  briefing bookmarks …      bookmarks with notes and tags; share and merge them
  briefing feeds add URL    follow a news feed; `briefing update` fetches them all
"""


def build_parser() -> argparse.ArgumentParser:
    """The commands' parser; a command's module is imported, and its options
    built, only when the command line names it."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=LazyParser)
    for name, help in COMMAND_HELP.items():
        subparsers.add_parser(
            name,
            help=help,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            build=partial(_build_command, name),
        )
    return parser


def _build_command(name: str, parser: argparse.ArgumentParser) -> None:
    module = importlib.import_module(COMMANDS[name])
    parser.description = getattr(module, "DESCRIPTION", module.HELP)
    add_common_arguments(parser)
    module.add_arguments(parser)
    parser.set_defaults(run=module.run)


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands: " + ", ".join(COMMANDS) + " (see `briefing COMMAND --help`)",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    add_common_arguments(parser)
    add_paths_argument(parser)
    return parser


def _run_reader(args: argparse.Namespace) -> int:
    for path in map(str, args.paths):
        # "briefing --bookmarks F bookmarks list": the command came after an option.
        if path in COMMANDS and not os.path.exists(path):
            fail(f"no such file or folder: {path} (for the {path} command, name it first: "
                 f"briefing {path} [OPTIONS])")  # fmt: skip
    try:
        reader = importlib.import_module("briefing.tui.run")
    except ModuleNotFoundError:
        fail("the reader is not part of this build yet; try `briefing summary`")
    return int(reader.run(args))


def _is_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` names a one-shot command (or asks for the commands'
    help), rather than the reader."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first in COMMANDS or any(a in ("-h", "--help") for a in argv[:1])


def console_main() -> int:
    """`briefing` as a program: the console script and `python -m briefing`.

    A one-shot command is a short process that makes many objects, most of
    them while importing, and little cyclic garbage, so it has the garbage
    collector run rarely, and not over everything once more on the way out:
    that takes about 10 ms off every command (benchmarks/bookmarks.py). The
    reader keeps Python's usual collection while it runs.
    """
    argv = sys.argv[1:]
    if _is_command(argv):
        gc.set_threshold(50_000)  # young objects between collections (Python's default: 700)
    try:
        return main(argv)
    finally:
        # What is still alive goes with the process: exempt it from the
        # collections Python runs at exit.
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _is_command(argv):
            args = build_parser().parse_args(argv)
            if args.command is None:
                build_parser().print_help()
                return 0
            _check_text_arguments(args)
            return int(args.run(args))
        return _run_reader(_reader_parser().parse_args(argv))
    except UserError as error:
        print(f"briefing: {safe_line(str(error))}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of a pipe went away (`briefing summary | head`): not an error.
        _silence_stdout()
        return 0
    except Exception as error:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(
            f"briefing: internal error: {type(error).__name__}: {error} "
            "(set BRIEFING_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 70


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse text arguments (a query, a note, a tag) that are not valid UTF-8.

    Python keeps such bytes as lone surrogates, which no file, index or
    terminal takes. Paths may hold them (a file name need not be UTF-8), so
    only plain strings are checked.
    """
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\ud800" <= c <= "\udfff" for c in text):
                shown = safe_line(text[:60])
                fail(f"the {name} argument '{shown}' is not valid UTF-8", 2)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
