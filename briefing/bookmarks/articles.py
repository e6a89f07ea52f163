"""Where bookmarks meet the library: making an entry for an article, and
finding the local article behind an entry.

An entry resolves by ``article_id`` first, then by exact title (the same
story saved with slightly different text has another id). Entries are never
resolved through their ``source`` path: it is shown, never opened, since a
shared file could point it anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.bookmarks.model import Bookmark, Bookmarks, later_than
from briefing.bookmarks.owners import Owner
from briefing.library.model import Article

if TYPE_CHECKING:
    from briefing.storage.cache import DerivedCache

__all__ = ["Resolution", "bookmark_article", "excerpt_for", "resolve", "source_for"]

EXCERPT_SENTENCES = 2
EXCERPT_MAX_CHARS = 400
# The default summarizer's name (``summarize.DEFAULT_ALGORITHM``; a test keeps
# them equal), written out so that a cached excerpt needs no summarizer.
SUMMARY_ALGORITHM = "default"


def excerpt_for(article: Article, cache: DerivedCache | None = None) -> str:
    """The first sentences of the article's default summary, for someone who
    does not have the article.

    The summary comes from the derived-data cache when it has it (``cache``,
    else the user's): importing the summarizer alone costs more than a
    whole ``bookmarks add`` may, beyond start-up. It is the cache's usual
    entry (the default summary of two sentences), so what `summary`, the
    reader or an earlier bookmark worked out serves here too, and the other
    way round.
    """
    text = " ".join(article.sentences[i].text.strip() for i in _excerpt_indices(article, cache))
    text = " ".join(text.split())
    if len(text) > EXCERPT_MAX_CHARS:
        text = text[: EXCERPT_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


def _excerpt_indices(article: Article, cache: DerivedCache | None) -> tuple[int, ...]:
    total = len(article.sentences)
    if total == 0:
        return ()
    if cache is None:
        from briefing.storage.cache import DerivedCache

        cache = DerivedCache()
    # What Length(EXCERPT_SENTENCES).count(total) gives: the key the summary is cached by.
    count = min(EXCERPT_SENTENCES, total)
    hit = cache.summary(article.id, article.digest, SUMMARY_ALGORITHM, count)
    # The digest pins the exact text; the range check is a last guard.
    if hit is not None and all(0 <= i < total for i in hit[0]):
        return hit[0]
    from briefing.analysis.summarize import Length, summarize

    summary = summarize(article, SUMMARY_ALGORITHM, Length(EXCERPT_SENTENCES))
    cache.put_summary(
        article.id, article.digest, SUMMARY_ALGORITHM, count, summary.indices, summary.note
    )
    return summary.indices


def source_for(path: Path | None) -> str | None:
    """The article's file, relative to the current folder when below it, else
    under ``~``, else as it is. (An entry keeps only the file name of the
    last two: see ``model.shareable_source``.)"""
    if path is None:
        return None
    resolved = path.resolve()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return resolved.as_posix()


def bookmark_article(
    article: Article,
    existing: Bookmark | None,
    note: str | None = None,
    tags: Iterable[str] = (),
) -> Bookmark:
    """Bookmark ``article`` (or bring back its removed bookmark), refreshing
    what the entry says about the article; ``note`` replaces the note if given."""
    if existing is None:
        when = later_than(None)
        entry = Bookmark(
            article_id=article.id,
            title=article.title,
            source=source_for(article.path),
            url=article.url,
            excerpt=excerpt_for(article),
            tags=tuple(tags),
            created=when,
            updated=when,
        )
    else:
        entry = replace(
            existing,
            title=article.title,
            source=source_for(article.path) or existing.source,
            url=article.url or existing.url,
            excerpt=excerpt_for(article) or existing.excerpt,
            deleted=False,
        )
        entry = entry.with_tags(add=tags)
        if entry != existing:
            entry = replace(entry, updated=later_than(existing.updated))
    if note is not None:
        entry = entry.with_note(note)
    return entry


@dataclass(frozen=True)
class Resolution:
    """Bookmarks matched against the articles of a library."""

    articles: dict[str, Article] = field(default_factory=dict)  # entry id -> article
    matched_by: dict[str, str] = field(default_factory=dict)  # entry id -> "id" | "title"
    by_article: dict[str, Bookmark] = field(default_factory=dict)  # local article id -> entry
    missing: list[Bookmark] = field(default_factory=list)  # not in the library
    # Other people's live bookmarks of local articles: article id -> entries.
    others: dict[str, list[Bookmark]] = field(default_factory=dict)
    owners: dict[str, Owner] = field(default_factory=dict)  # everyone: id -> who

    def article_for(self, entry: Bookmark) -> Article | None:
        return self.articles.get(entry.article_id)

    def entry_for(self, article: Article) -> Bookmark | None:
        """The bookmark shown for a library article (list marker, note pane)."""
        return self.by_article.get(article.id)

    def is_bookmarked(self, article: Article) -> bool:
        return article.id in self.by_article

    def others_for(self, article: Article) -> list[Bookmark]:
        """Other people's live bookmarks of a library article."""
        return self.others.get(article.id, [])

    def tags_by_article(self) -> Marks:
        """Local article id -> tags of your bookmark (what search's
        ``is:bookmarked`` and ``tag:`` filter on), carrying who else
        bookmarked what (for ``bookmarked:NAME``)."""
        people: dict[str, set[str]] = {}
        others_tags: dict[str, set[str]] = {}
        for article_id, entries in self.others.items():
            for entry in entries:
                owner = self.owners[entry.owner.id]
                for label in {owner.id, owner.name}:
                    people.setdefault(label, set()).add(article_id)
                others_tags.setdefault(article_id, set()).update(entry.tags)
        marks = Marks({a: entry.tags for a, entry in self.by_article.items()})
        marks.people = people
        marks.others_tags = {a: tuple(sorted(t)) for a, t in others_tags.items() if t}
        return marks


class Marks(dict[str, tuple[str, ...]]):
    """Your bookmarks as search sees them (article id -> tags, for
    ``is:bookmarked`` and ``tag:``), with everyone else's: ``people`` (a name
    or id -> the ids of the articles that person bookmarked, for
    ``bookmarked:NAME``) and ``others_tags`` (article id -> their tags, which
    ``tag:`` finds too)."""

    people: dict[str, set[str]]
    others_tags: dict[str, tuple[str, ...]]


def resolve(bookmarks: Bookmarks, articles: Iterable[Article]) -> Resolution:
    """Match every entry (removed ones and everyone's too, for listing) to a
    local article. Only your live bookmarks mark an article; ``missing`` has
    the live bookmarks (yours, then others') of articles you do not have,
    one per article."""
    by_id: dict[str, Article] = {}
    by_title: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)
        by_title.setdefault(article.title, article)
    result = Resolution()
    missing: dict[str, list[Bookmark]] = {}
    for entry in bookmarks:
        how = "id"
        found = by_id.get(entry.article_id)
        if found is None:
            found, how = by_title.get(entry.title), "title"
        if found is None:
            if not entry.deleted:
                missing.setdefault(entry.article_id, []).append(entry)
            continue
        article = found
        result.articles[entry.article_id] = article
        result.matched_by[entry.article_id] = how
        if entry.deleted:
            continue
        if entry.owner.id != bookmarks.me:
            result.others.setdefault(article.id, []).append(entry)
        # Only your live entries mark an article; one matched by its own id
        # outranks one matched by title.
        elif how == "id" or article.id not in result.by_article:
            result.by_article[article.id] = entry
    for group in missing.values():
        result.missing.append(min(group, key=lambda e: (e.owner.id != bookmarks.me, e.owner.id)))
    result.owners.update(bookmarks.owners())
    return result
