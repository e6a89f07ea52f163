"""The `briefing` command line: a thin shell over the core.

Each subcommand lives in its own module with ``HELP``, ``add_arguments`` and
``run``; heavy imports happen inside ``run`` so that `briefing --help` and the
one-shot commands start fast. Nothing here imports Textual; only the reader
(`briefing [PATH…]`) does, when it starts.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from briefing import __version__
from briefing.cli.common import UserError, add_common_arguments, fail

__all__ = ["main"]

# Subcommand name -> module. Order is the order of `briefing --help`.
COMMANDS: dict[str, str] = {
    "summary": "briefing.cli.summary_command",
    "search": "briefing.cli.search_command",
    "facts": "briefing.cli.facts_command",
    "import": "briefing.cli.import_command",
    "bookmarks": "briefing.cli.bookmarks_command",
}

DESCRIPTION = """\
Read a stack of news articles fast: summaries, key facts, search and bookmarks.

  briefing [PATH…]          open the reader (default: ./articles, else the samples)
  briefing summary [PATH…]  print summaries to the terminal or a pipe
  briefing search QUERY     ranked full-text search, with snippets
  briefing facts [PATH…]    people, organisations and places across the library
  briefing bookmarks …      bookmarks with notes and tags; share and merge them
"""


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that subcommand gets its options.

    Setting up another command's options can import what it needs (the
    summarizers, say), and `briefing search` should not pay for that.
    """
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = _command_module(name)
        sub = subparsers.add_parser(
            name,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command is None or name == command:
            add_common_arguments(sub)
            module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands: " + ", ".join(COMMANDS) + " (see `briefing COMMAND --help`)",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    add_common_arguments(parser)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    return parser


def _run_reader(args: argparse.Namespace) -> int:
    try:
        reader = importlib.import_module("briefing.tui.run")
    except ModuleNotFoundError:
        fail("the reader is not part of this build yet; try `briefing summary`")
    return int(reader.run(args))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    try:
        if first in COMMANDS or any(a in ("-h", "--help") for a in argv[:1]):
            args = build_parser(first).parse_args(argv)
            if args.command is None:
                build_parser().print_help()
                return 0
            return int(args.run(args))
        return _run_reader(_reader_parser().parse_args(argv))
    except UserError as error:
        print(f"briefing: {error}", file=sys.stderr)
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


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
