"""`briefing bookmarks`: notes and tags on articles, in a file people share."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import (
    LazyParser,
    UserError,
    add_common_arguments,
    choose_format,
    fail,
    open_catalogue,
    warn,
)

if TYPE_CHECKING:
    from briefing.bookmarks import Bookmark, Bookmarks, BookmarkStore, Edited
    from briefing.bookmarks.owners import Owner
    from briefing.bookmarks.sharing import Incoming, Mode
    from briefing.library.load import Library
    from briefing.library.model import Article

HELP = "bookmark articles with notes and tags; share, export, import and merge the file"
DESCRIPTION = """\
Bookmarks live in one JSON file (see --bookmarks) that you can send to
others. Every entry says whose it is (`whoami`; set [user] name and email in
config.toml). `import` brings in other people's files: their bookmarks sit
beside yours and can never remove or rewrite yours. `sync` merges copies of
your own file from other machines: there your removals and edits travel.

ID is an article id or an unambiguous start of one: of the library's
articles for `add`, of your bookmarks for the other commands.
"""

LIST_FORMATS = ("rich", "plain", "json")
EXPORT_FORMATS = ("json", "markdown", "html")


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        default=None,
        metavar="PATH",
        help="article files or folders (repeatable; default: the library folder, else the samples)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Only the chosen action's options are built (see LazyParser).
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=LazyParser
    )
    for name, (help, options, _handler) in _ACTIONS.items():
        actions.add_parser(name, help=help, description=help, build=partial(_build, options))


def _build(options: Options, parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser, nested=True)
    options(parser)


def _list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--format", choices=LIST_FORMATS, default=None)
    parser.add_argument("--tag", action="append", default=[], help="only bookmarks with TAG")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--all", action="store_true", help="everyone's bookmarks, by person")
    who.add_argument("--from", dest="person", metavar="NAME", help="one person's bookmarks")
    parser.add_argument("--removed", action="store_true", help="include removed bookmarks")
    _library_option(parser)


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--note", metavar="TEXT", help="set the note")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="add a tag")
    _library_option(parser)


def _id_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")


def _note_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    parser.add_argument("text", metavar="TEXT")


def _tag_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    parser.add_argument("tags", nargs="+", metavar="TAG")


def _export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", type=Path, metavar="FILE", help="write here (default: stdout)")
    parser.add_argument("-f", "--format", choices=EXPORT_FORMATS, default="json")


def _from_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="person",
        metavar="NAME",
        help="whose bookmarks a version 1 file holds (default: the file's name)",
    )


def _import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _from_option(parser)
    _library_option(parser)


def _sync_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _library_option(parser)


def _merge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--to", type=Path, metavar="FILE", help="write here (default: stdout)")
    _from_option(parser)


def _no_options(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from briefing.bookmarks import BookmarkFileError

    _check_text_arguments(args)
    try:
        return _ACTIONS[args.action][2](args)
    except BookmarkFileError as error:
        fail(f"bookmark file {error}; it was left as it is")


# -- helpers ---------------------------------------------------------------


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse text arguments that are not valid UTF-8 (Python hands them over
    with lone surrogates, which no file can hold)."""
    for name in ("id", "text", "note", "person", "tag", "tags"):
        value = getattr(args, name, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\ud800" <= c <= "\udfff" for c in text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                fail(f"{shown!r} is not valid UTF-8 text; nothing was changed", status=2)


def _store(args: argparse.Namespace) -> BookmarkStore:
    from briefing.bookmarks import BookmarkStore

    return BookmarkStore(getattr(args, "bookmarks", None))


def _library(args: argparse.Namespace, required: bool) -> Library | None:
    """The articles bookmarks refer to; None if optional and unavailable."""
    from briefing.library.load import DEFAULT_MAX_BYTES, LibraryError, default_paths, load_library

    try:
        # (default_paths: UserError when the library folder named does not exist)
        paths = args.library or default_paths()
        library = load_library(paths, getattr(args, "max_size", None) or DEFAULT_MAX_BYTES)
    except (LibraryError, UserError) as error:
        if required:
            fail(str(error))
        return None
    if required:
        for problem in library.problems:
            warn(f"skipped {problem.path}: {problem.reason}")
    return library


def _article(args: argparse.Namespace) -> Article | None:
    """The library's article ``args.id`` names, found through the search index
    (a library of 100,000 articles is not read for one id); None when the
    library is unavailable and was not asked for. LibraryError when no
    article, or more than one, has that id."""
    from briefing.library.load import LibraryError

    try:
        catalogue, refreshed = open_catalogue(args.library or [], getattr(args, "max_size", None))
    except UserError as error:  # a library folder named, missing: the real cause
        fail(str(error))
    except LibraryError as error:
        if args.library:
            fail(str(error))
        return None
    if args.library:
        for problem in refreshed.problems:
            warn(f"skipped {problem.path}: {problem.reason}")
    return catalogue.find(args.id)


def _bookmarked(bookmarks: Bookmarks, key: str) -> Bookmark:
    """The live bookmark whose id is ``key`` or starts with it (unambiguously)."""
    key = key.strip()
    if not key:
        fail("an article id cannot be empty")
    live = bookmarks.live()
    matches = [b for b in live if b.article_id == key] or [
        b for b in live if b.article_id.startswith(key)
    ]
    if not matches:
        removed = bookmarks.get(key)
        if removed is not None:
            fail(f"{key} was removed; `briefing bookmarks add {key}` brings it back")
        fail(f"no bookmark with id {key!r}")
    if len(matches) > 1:
        from briefing.library.load import ambiguous_id

        fail(ambiguous_id(key, [b.article_id for b in matches]))
    return matches[0]


def _label(entry: Bookmark) -> str:
    from briefing.cli.bookmarks_output import one_line

    return f"{entry.article_id}  {one_line(entry.title) or '(untitled)'}"


# -- commands ---------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    from briefing.bookmarks import resolve
    from briefing.cli import bookmarks_output as output

    bookmarks = _store(args).load()
    if args.all:
        entries = list(bookmarks)
    elif args.person:
        entries = bookmarks.of(_person(bookmarks, args.person))
    else:
        entries = bookmarks.yours()
    if not args.removed:
        entries = [e for e in entries if e.live]
    if args.tag:
        wanted = {" ".join(t.split()) for t in args.tag}
        entries = [e for e in entries if wanted <= set(e.tags)]
    library = _library(args, required=False)
    resolution = resolve(bookmarks, library.articles if library else [])
    fmt = choose_format(args.format)
    if fmt == "json":
        sys.stdout.write(output.list_json(entries, resolution, bookmarks.me))
    elif fmt == "plain":
        sys.stdout.write(output.list_plain(entries, resolution, bookmarks.me))
    else:
        from rich.console import Console

        console = Console()
        for renderable in output.list_rich(entries, resolution, bookmarks.me):
            console.print(renderable)
    return 0


def _person(bookmarks: Bookmarks, name: str) -> str:
    """The owner id ``name`` means: an id, or a name (any case), or the
    start of one if only one person's fits."""
    from briefing.cli.bookmarks_output import one_line

    owners = bookmarks.owners()
    wanted = " ".join(name.split()).casefold()
    for test in (
        lambda o: o.id.casefold() == wanted or o.name.casefold() == wanted,
        lambda o: o.id.casefold().startswith(wanted) or o.name.casefold().startswith(wanted),
    ):
        found = sorted(o.id for o in owners.values() if wanted and test(o))
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = ", ".join(one_line(owners[i].label) for i in found[:5])
            fail(f"{one_line(name)!r} could be any of: {shown}")
    fail(f"nobody called {one_line(name)!r} has bookmarks in your file")


def _add(args: argparse.Namespace) -> int:
    from briefing.library.load import LibraryError

    store = _store(args)
    target: Article | str | None = None
    error: str | None = None
    try:
        target = _article(args)
    except LibraryError as problem:
        error = str(problem)
    if target is None:
        # Not in the library: bring back a bookmark the file already has (one
        # removed, or one from someone else's file).
        matches = {e.article_id for e in store.load() if e.article_id.startswith(args.id.strip())}
        if len(matches) != 1 or (error and "ambiguous" in error):
            where = ", ".join(str(p) for p in (args.library or ["the library"]))
            fail(error or f"no article with id {args.id!r} in {where}")
        target = matches.pop()
    edited = store.restore(target, note=args.note, tags=args.tag)
    old, new = edited.before, edited.after
    if new is None:  # pragma: no cover - only if removed from the file meanwhile
        fail(f"no article with id {args.id!r}")
    if old is None:
        print(f"bookmarked {_label(new)}")
    elif old.deleted:
        print(f"bookmarked again {_label(new)}")
    elif old == new:
        print(f"already bookmarked {_label(new)}")
    else:
        print(f"updated {_label(new)}")
    return 0


def _edit_live(
    args: argparse.Namespace, verb: Callable[[str], Edited]
) -> tuple[Bookmark, Bookmark]:
    """Apply a store verb to the live bookmark ``args.id`` names (whole or a
    start of one); the CLI never brings a removed bookmark back this way."""
    edited = verb(args.id.strip())  # a whole id: edited straight away
    if edited.after is None:  # a prefix, or not bookmarked: look it up
        article_id = _bookmarked(_store(args).load(), args.id).article_id
        edited = verb(article_id)
        # Checked again under the lock: another program may have removed it since.
        if edited.after is None:
            fail(f"{article_id} is no longer bookmarked (changed by another program)")
    assert edited.before is not None and edited.after is not None
    return edited.before, edited.after


def _remove(args: argparse.Namespace) -> int:
    _old, new = _edit_live(args, _store(args).remove)
    print(f"removed {_label(new)}")
    return 0


def _note(args: argparse.Namespace) -> int:
    store = _store(args)
    old, new = _edit_live(args, lambda target: store.note(target, args.text, revive=False))
    done = "cleared the note of" if not new.note else "set the note of"
    if old == new:
        done = "unchanged: the note of"
    print(f"{done} {_label(new)}")
    if old.note_conflicts:
        count = len(old.note_conflicts)
        print(f"settled {count} conflicting note{'s' if count != 1 else ''}")
    return 0


def _tag(args: argparse.Namespace) -> int:
    from briefing.bookmarks import clean_tag

    tags = [clean_tag(t) for t in args.tags]
    if not all(tags):
        fail("a tag cannot be empty", status=2)
    store = _store(args)
    add, remove = (tags, []) if args.action == "tag" else ([], tags)
    _old, new = _edit_live(
        args, lambda target: store.tags(target, add=add, remove=remove, revive=False)
    )
    from briefing.cli.bookmarks_output import one_line

    shown = ", ".join(one_line(t) for t in new.tags) or "none"
    print(f"tags of {_label(new)}: {shown}")
    return 0


def _write_output(text: str | bytes, to: Path | None, protect: list[Path]) -> None:
    """Write to stdout, or atomically to ``to`` (never over a bookmark file
    that is being read)."""
    if to is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    from briefing.storage.fsutil import atomic_write_bytes

    if any(to.resolve() == p.resolve() for p in protect):
        fail(f"--to {to} is one of the bookmark files being read; choose another file")
    try:
        atomic_write_bytes(to, text.encode("utf-8") if isinstance(text, str) else text)
    except OSError as error:
        fail(f"cannot write {to}: {error.strerror or error}")


def _export(args: argparse.Namespace) -> int:
    from briefing.bookmarks import encode
    from briefing.bookmarks.export import to_markdown, to_netscape_html

    store = _store(args)
    bookmarks = store.load()
    data: str | bytes
    if args.format == "json":
        data = encode(bookmarks)
    elif args.format == "markdown":  # yours: for a message or a browser
        data = to_markdown(bookmarks.yours())
    else:
        data, skipped = to_netscape_html(bookmarks.yours())
        if skipped:
            count = len(skipped)
            warn(
                f"{count} bookmark{'s' if count != 1 else ''} without a web address "
                f"{'are' if count != 1 else 'is'} not in the HTML (browsers need one)"
            )
    _write_output(data, args.to, [store.path, store.target])
    if args.to:
        count = len(bookmarks.live())
        whose = f" (and {len(bookmarks.others())} of others)" if args.format == "json" else ""
        print(f"exported {count} of your bookmarks{whose} to {args.to}", file=sys.stderr)
    return 0


def _incoming(args: argparse.Namespace, mode: Mode, me: Owner) -> list[Incoming]:
    from briefing.bookmarks import BookmarkFileError
    from briefing.bookmarks.owners import owner_from
    from briefing.bookmarks.sharing import read_incoming

    name = None
    if getattr(args, "person", None):
        try:
            name = owner_from(args.person)
        except ValueError as error:
            fail(f"--from: {error}", status=2)
    # Every file is checked before anything is written: all or nothing.
    try:
        return read_incoming(args.files, mode, me, name)
    except BookmarkFileError as error:
        fail(f"cannot read {error}; nothing was changed")


def _bring_in(args: argparse.Namespace, mode: Mode) -> int:
    from briefing.bookmarks import merge_all, resolve
    from briefing.bookmarks.sharing import changes
    from briefing.cli import bookmarks_output as output

    store = _store(args)
    incoming = _incoming(args, mode, store.owner)
    change = store.update(lambda mine: merge_all([mine, *(i.bookmarks for i in incoming)]))
    library = _library(args, required=False)
    resolution = resolve(change.after, library.articles if library else [])
    report = changes(change.before, change.after)
    sys.stdout.write(output.changes_report(report, change.after.me, resolution))
    sys.stdout.write(output.incoming_notes(incoming, store.owner, change.after))
    return 0


def _import(args: argparse.Namespace) -> int:
    return _bring_in(args, "import")


def _sync(args: argparse.Namespace) -> int:
    return _bring_in(args, "sync")


def _merge(args: argparse.Namespace) -> int:
    from briefing.bookmarks import BookmarkStore, encode, merge_all
    from briefing.bookmarks.owners import whoami
    from briefing.bookmarks.sharing import new_conflicts
    from briefing.cli import bookmarks_output as output

    if len(args.files) < 2:
        fail("merge needs at least two files (to add files to yours, use `import`)", status=2)
    if args.to is not None and any(_same_file(args.to, path) for path in args.files):
        fail(f"--to {args.to} is one of the files being merged; choose another file")
    incoming = _incoming(args, "merge", whoami()[0])
    inputs = [i.bookmarks for i in incoming]
    merged = merge_all(inputs)
    report = output.merge_report(merged, new_conflicts(inputs, merged))
    report += output.incoming_notes(incoming, None, None)
    if args.to is None:
        _write_output(encode(merged), None, [])
        sys.stderr.write(report)
        return 0
    # The target may be a bookmark file (replaced, with a .bak kept) but
    # nothing else: the store refuses to overwrite a file it cannot read.
    BookmarkStore(args.to).update(lambda _current: merged)
    print(f"merged {len(args.files)} files into {args.to}")
    sys.stdout.write(report)
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _whoami(args: argparse.Namespace) -> int:
    from briefing.bookmarks.owners import whoami
    from briefing.cli.bookmarks_output import one_line

    owner, where = whoami()
    print(f"you are {one_line(owner.name)} (id {one_line(owner.id)}), from {where}")
    return 0


Options = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace], int]

# action -> (one-line help, its options, what runs it); in `--help` order.
_ACTIONS: dict[str, tuple[str, Options, Handler]] = {
    "list": ("show your bookmarks (--all: everyone's)", _list_options, _list),
    "add": ("bookmark an article (or change an existing bookmark)", _add_options, _add),
    "remove": (
        "remove a bookmark (the removal travels to shared copies)",
        _id_option,
        _remove,
    ),
    "note": (
        'set a bookmark\'s note ("" clears it; settles note conflicts)',
        _note_options,
        _note,
    ),
    "tag": ("add tags to a bookmark", _tag_options, _tag),
    "untag": ("remove tags from a bookmark", _tag_options, _tag),
    "export": (
        "write your bookmarks as JSON, Markdown or browser HTML",
        _export_options,
        _export,
    ),
    "import": (
        "add other people's bookmark files to yours (they never change your bookmarks)",
        _import_options,
        _import,
    ),
    "sync": (
        "merge copies of your own file from other machines (removals and edits travel)",
        _sync_options,
        _sync,
    ),
    "whoami": ("who your bookmarks say you are ([user] in config.toml)", _no_options, _whoami),
    "merge": (
        "merge bookmark files into a new one (yours is not touched)",
        _merge_options,
        _merge,
    ),
}
