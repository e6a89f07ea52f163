"""`briefing facts`: the people, organisations and places across the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli.common import (
    add_paths_argument,
    choose_format,
    fail,
    fail_without_articles,
    positive_int,
    warn_about_files,
)

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact
    from briefing.analysis.facts.index import EntityEntry
    from briefing.analysis.library_facts import FileMemo, KnownArticle, Remembered
    from briefing.library.load import Library
    from briefing.library.model import Article
    from briefing.storage.cache import DerivedCache

HELP = "list the people, organisations and places across the library, with their articles"
DESCRIPTION = """\
List every person, organisation and place that the articles mention, most
widely mentioned first, each with the articles that mention it.

Output is Rich on a terminal and plain text in a pipe (or with NO_COLOR set);
--format json is stable for scripts (see the README for its keys).
"""
KIND_CHOICES = ("person", "organisation", "place")
_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument(
        "-k",
        "--kind",
        choices=KIND_CHOICES,
        action="append",
        help="only entities of this kind (repeat for several)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("rich", "plain", "json"),
        default=None,
        help="output format (default: rich on a terminal, else plain)",
    )
    parser.add_argument(
        "--min-articles",
        type=positive_int("number of articles"),
        default=1,
        metavar="N",
        help="only entities mentioned in at least N articles (default 1)",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.analysis.library_facts import FileMemo, library_state, recall, remember
    from briefing.library.files import DEFAULT_MAX_BYTES, LibraryError, default_paths

    kinds = args.kind or KIND_CHOICES
    paths = args.paths or default_paths(args.library)
    max_bytes = args.max_size or DEFAULT_MAX_BYTES
    try:
        state = library_state(paths, max_bytes, kinds)
    except LibraryError as error:
        fail(str(error))
    # The same files as last time: the same entries, and the same warnings.
    found = recall(state)
    if found is not None:
        warn_about_files(found.problems, found.warnings, found.duplicates)
    else:
        found = _find_entries(paths, kinds, FileMemo(state, max_bytes))
        remember(state, found)
    return _show(found.entries, kinds, args)


def _find_entries(paths: list[Path], kinds: Sequence[str], memo: FileMemo) -> Remembered:
    """The entities across the library, reading it one file at a time: only
    the entities found so far are held, never every article (100,000 of them
    took 1.7 GB when loaded at once). Files unchanged since the last run are
    not read (``memo``)."""
    from briefing.analysis.library_facts import Remembered

    try:
        entries, library, count = _index(memo.files, kinds, memo)
    except _OutOfDate:  # a kept file said what a file no longer holds: all again
        memo.forget()
        entries, library, count = _index(memo.files, kinds, memo)
    warn_about_files(library.problems, library.warnings, library.duplicates)
    if not count:
        fail_without_articles(paths, bool(library.problems))
    memo.save()
    return Remembered(entries, library.problems, library.warnings, library.duplicates)


def _index(
    files: Sequence[Path], kinds: Sequence[str], memo: FileMemo
) -> tuple[list[EntityEntry], Library, int]:
    from briefing.analysis.facts import build_index
    from briefing.cli.stream import ProgressBar
    from briefing.library.load import Library, iter_loaded
    from briefing.storage.cache import DerivedCache

    library, found = Library(), _Facts(DerivedCache(), memo)
    with ProgressBar(len(files), "Finding key facts") as progress:
        articles = iter_loaded(files, memo.load, library, file_done=progress.advance)
        index = build_index(found.of_each(articles), found.facts_of, kinds=kinds)
    return index.entries, library, found.count


class _OutOfDate(Exception):
    """A file read again (its facts were not in the cache) no longer holds the
    article the memo said it did: it changed while this run read the library."""


class _Facts:
    """Each article's facts, worked out (or taken from the cache) a chunk of
    articles at a time, and let go with the chunk."""

    def __init__(self, cache: DerivedCache, memo: FileMemo) -> None:
        self.cache, self.memo, self.count = cache, memo, 0
        self._current: dict[str, list[Fact]] = {}

    def of_each(self, articles: Iterable[Article | KnownArticle]) -> Iterator[Article]:
        from briefing.cli.stream import CHUNK

        iterator = iter(articles)
        while chunk := list(islice(iterator, CHUNK)):
            self._current = self._facts(chunk)
            self.count += len(chunk)
            # build_index reads only the id and the title, which both kinds have.
            yield from chunk  # type: ignore[misc]

    def _facts(self, chunk: list[Article | KnownArticle]) -> dict[str, list[Fact]]:
        from briefing.analysis.derived import facts_fit, facts_for, sentences_for
        from briefing.analysis.library_facts import KnownArticle

        known = [a for a in chunk if isinstance(a, KnownArticle)]
        read = [a for a in chunk if not isinstance(a, KnownArticle)]
        found = self.cache.facts((a.id, a.digest) for a in known)
        stale = [
            a for a in known if a.sentences is None or not facts_fit(found.get(a.id), a.sentences)
        ]
        read += self._read_again(stale)
        # Facts found before (by `summary`, the reader or an earlier run)
        # come from the cache; the extractor loads only for the others.
        # Their sentences too: splitting was 40 % of a run whose facts
        # were all cached (they are checked against the sentences).
        sentences_for(read, self.cache)
        found.update(facts_for(read, self.cache))
        for article in read:
            self.memo.counted(article)
        return found

    def _read_again(self, known: list[KnownArticle]) -> list[Article]:
        """Known articles whose facts the cache lacks, read from their files
        (each file once: a feed holds many)."""
        from briefing.library.load import load_article_file
        from briefing.library.loaders import ArticleFormatError

        wanted: dict[Path, list[str]] = {}
        for item in known:
            wanted.setdefault(item.path, []).append(item.id)
        articles = []
        for path, ids in wanted.items():
            try:
                fresh = {a.id: a for a in load_article_file(path, self.memo.max_bytes)}
            except ArticleFormatError:
                raise _OutOfDate from None
            if not fresh.keys() >= set(ids):
                raise _OutOfDate
            articles += [fresh[i] for i in ids]
        return articles

    def facts_of(self, article: Article) -> list[Fact]:
        return self._current[article.id]


def _show(found: list[EntityEntry], kinds: Sequence[str], args: argparse.Namespace) -> int:
    entries = [e for e in found if len(e.articles) >= max(args.min_articles, 1)]
    fmt = choose_format(args.format)
    if fmt == "json":
        from briefing.presentation.output import to_json

        sys.stdout.write(to_json({"entities": [e.as_dict() for e in entries]}))
        return 0
    if fmt == "plain":
        sys.stdout.write(_plain(entries, kinds))
        return 0
    _rich(entries, kinds)
    return 0


def _name(entry) -> str:
    if entry.acronym and entry.acronym != entry.text:
        return f"{entry.text} ({entry.acronym})"
    return entry.text


def _count(entry) -> str:
    n = len(entry.articles)
    return f"{n} article" + ("" if n == 1 else "s")


def _plain(entries, kinds) -> str:
    blocks = []
    for kind in kinds:
        members = [e for e in entries if e.kind == kind]
        if not members:
            continue
        lines = [_LABELS[kind]]
        for entry in members:
            lines.append(f"  {_name(entry)} · {_count(entry)}")
            lines += [f"      {a.article_id}  {a.title}" for a in entry.articles]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _rich(entries, kinds) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    for kind in kinds:
        members = [e for e in entries if e.kind == kind]
        if not members:
            continue
        table = Table(
            title=Text(_LABELS[kind], style="bold"),
            title_justify="left",
            show_header=True,
            header_style="bold",
            expand=False,
        )
        table.add_column(_LABELS[kind][:-1] if kind != "person" else "Person", ratio=2)
        table.add_column("Articles", justify="right", no_wrap=True)
        table.add_column("Mentioned in", ratio=3)
        for entry in members:
            titles = Text("\n").join(
                Text.assemble((a.article_id, "dim"), " ", Text(a.title)) for a in entry.articles
            )
            table.add_row(Text(_name(entry)), str(len(entry.articles)), titles)
        console.print(table)
