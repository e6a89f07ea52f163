"""`briefing feeds`: the news feeds you follow (add, list, remove, OPML in and out)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import choose_format, fail, warn

if TYPE_CHECKING:
    from rich.text import Text

    from briefing.feeds.subscriptions import Subscription

HELP = "follow news feeds: add, list, remove, and OPML import and export"
DESCRIPTION = """\
The feeds you follow, kept in feeds.json in the user config folder
($BRIEFING_FEEDS names another file). `briefing update` fetches them into the
library folder. OPML is the subscription list every feed reader exchanges
(newsboat, NetNewsWire, Feedly, Inoreader).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="follow a feed", description="follow a feed")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", metavar="NAME", help="your name for it (default: its title)")
    add.add_argument(
        "--full-text",
        action="store_true",
        help="fetch every entry's page for the whole article (not only teasers)",
    )
    listing = actions.add_parser("list", help="the feeds you follow")
    listing.add_argument("-f", "--format", choices=("rich", "plain", "json"), default=None)
    remove = actions.add_parser("remove", help="stop following a feed (its articles stay)")
    remove.add_argument("key", metavar="URL|NAME")
    opml_in = actions.add_parser("import", help="follow the feeds of an OPML file")
    opml_in.add_argument("file", type=Path, metavar="FILE.opml")
    opml_out = actions.add_parser("export", help="the feeds you follow as OPML 2.0")
    opml_out.add_argument("--to", type=Path, metavar="FILE", help="write here (default: stdout)")


def run(args: argparse.Namespace) -> int:
    from briefing.feeds.subscriptions import FeedsFileError, load_subscriptions

    try:
        feeds = load_subscriptions()
        return int(_ACTIONS[args.action](args, feeds))
    except FeedsFileError as error:
        fail(f"feeds file {error}; it was left as it is")


def _save(feeds: list[Subscription]) -> None:
    from briefing.feeds.subscriptions import save_subscriptions

    try:
        save_subscriptions(feeds)
    except OSError as error:
        fail(f"cannot save the feeds file: {error.strerror or error}")


def _add(args: argparse.Namespace, feeds: list[Subscription]) -> int:
    from briefing.feeds.subscriptions import Subscription, check_url, find_subscription

    try:
        url = check_url(args.url)
    except ValueError as error:
        fail(str(error))
    name = " ".join(args.name.split()) if args.name else None
    if find_subscription(feeds, url) is not None:
        fail(f"already following {url}")
    if name and find_subscription(feeds, name) is not None:
        fail(f"a feed is already called {name!r}")
    feeds.append(Subscription(url=url, name=name, full_text=args.full_text))
    _save(feeds)
    print(f"following {url}" + (f" as {name!r}" if name else "") + "; `briefing update` fetches it")
    return 0


def _remove(args: argparse.Namespace, feeds: list[Subscription]) -> int:
    from briefing.feeds.subscriptions import find_subscription

    feed = find_subscription(feeds, args.key)
    if feed is None:
        fail(f"no feed {args.key!r} (see `briefing feeds list`)")
    _save([f for f in feeds if f is not feed])
    print(f"no longer following {feed.url}; its articles stay in the library")
    return 0


def _list(args: argparse.Namespace, feeds: list[Subscription]) -> int:
    fmt = choose_format(args.format)
    if fmt == "json":
        rows = [
            {
                "url": f.url,
                "name": f.name,
                "title": f.title,
                "folder": f.folder,
                "full_text": f.full_text,
            }
            for f in feeds
        ]
        sys.stdout.write(json.dumps({"feeds": rows}, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not feeds:
        warn("no feeds yet: `briefing feeds add URL` follows one")
        return 0
    if fmt == "plain":
        for f in feeds:
            print(f"{f.label}\t{f.url}" + ("\tfull text" if f.full_text else ""))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table("feed", "address", "folder", box=None, header_style="bold")
    for f in feeds:
        # Feed titles come from outside: plain Text, never markup.
        table.add_row(_text(f.label), _text(f.url), _text(f.folder or "(after the first update)"))
    Console().print(table)
    return 0


def _text(value: str) -> Text:
    from rich.text import Text

    from briefing.library.text import reveal_controls

    return Text(reveal_controls(value))


def _import(args: argparse.Namespace, feeds: list[Subscription]) -> int:
    from briefing.feeds.opml import OpmlError, read_opml
    from briefing.feeds.subscriptions import check_url, find_subscription

    try:
        found = read_opml(args.file.read_bytes())
    except OSError as error:
        fail(f"cannot read {args.file}: {error.strerror or error}")
    except OpmlError as error:
        fail(f"{args.file}: {error}")
    added = 0
    for feed in found:
        try:
            check_url(feed.url)
        except ValueError as error:
            warn(f"skipped: {error}")
            continue
        if find_subscription(feeds, feed.url) is not None:
            print(f"already following {feed.url}")
            continue
        feeds.append(feed)
        added += 1
        print(f"following {feed.url}")
    if added:
        _save(feeds)
    print(f"{added} feed{'s' if added != 1 else ''} added from {args.file}")
    return 0 if found else 1


def _export(args: argparse.Namespace, feeds: list[Subscription]) -> int:
    from briefing.feeds.opml import write_opml

    text = write_opml(feeds)
    if args.to is None:
        sys.stdout.write(text)
        return 0
    from briefing.storage.fsutil import atomic_write_text

    try:
        atomic_write_text(args.to, text)
    except OSError as error:
        fail(f"cannot write {args.to}: {error.strerror or error}")
    print(f"{len(feeds)} feed{'s' if len(feeds) != 1 else ''} written to {args.to}")
    return 0


_ACTIONS = {"add": _add, "list": _list, "remove": _remove, "import": _import, "export": _export}
