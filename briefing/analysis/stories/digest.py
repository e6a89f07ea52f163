"""The briefing: articles grouped into stories, ranked, each summarised once.

Stories come first, the most covered first: by number of articles, then of
distinct sources, then the latest date. A story's articles are read oldest
first. Articles alike no other are listed apart ("unclustered").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefing.analysis.stories.cluster import group_articles
from briefing.analysis.stories.entities import StoryEntity, merge_entities
from briefing.analysis.stories.matrix import TermMatrix, centroid, tfidf_matrix
from briefing.analysis.stories.summary import choose_sentences
from briefing.analysis.stories.terms import Counts, article_counts, rare_weight
from briefing.library.model import Article
from briefing.storage.digests import sha256_hex

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact

__all__ = ["Digest", "Progress", "Story", "StoryEntity", "build_digest", "story_id"]

# Called as progress(step, done, total) while the digest is built.
Progress = Callable[[str, int, int], None]
_EPOCH = datetime(1, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    id: str
    headline: str
    articles: tuple[Article, ...]
    # (article, sentence index), in reading order
    sentences: tuple[tuple[Article, int], ...]
    entities: tuple[StoryEntity, ...]
    dates: tuple[datetime | None, ...] = ()

    @property
    def sources(self) -> list[str]:
        """The distinct sources the articles name, in the story's order."""
        return list(dict.fromkeys(a.source for a in self.articles if a.source))


@dataclass
class Digest:
    stories: list[Story] = field(default_factory=list)
    unclustered: list[Article] = field(default_factory=list)


def story_id(articles: Sequence[Article]) -> str:
    """Stable for the same set of articles, whatever their order."""
    joined = "\n".join(sorted(a.id for a in articles))
    return sha256_hex(joined.encode())[:12]


@dataclass
class _Library:
    """The articles with what grouping worked out about them."""

    articles: Sequence[Article]
    dates: Sequence[datetime | None]
    matrix: TermMatrix
    rare: float  # rare_weight(matrix.idf)


def build_digest(
    articles: Sequence[Article],
    summary_of: Callable[[Article], Sequence[int]],
    facts_of: Callable[[Sequence[Article]], Mapping[str, Sequence[Fact]]],
    *,
    dates: Sequence[datetime | None] | None = None,
    grouping: str | float = "normal",
    sentences: int = 3,
    progress: Progress | None = None,
    terms_of: Callable[[Sequence[Article]], list[Counts]] | None = None,
) -> Digest:
    """Group ``articles`` into stories and summarise each.

    ``summary_of`` gives an article's summary sentence indices (the
    candidates), ``facts_of`` the key facts of several articles (only those
    in stories are asked for); ``dates`` the articles' dates, if known;
    ``terms_of`` the terms and counts of several articles (a cache may answer).
    """
    report = progress or (lambda step, done, total: None)
    dates = list(dates) if dates is not None else [None] * len(articles)
    terms = terms_of or _terms
    bags: list[Counts] = []
    for start in range(0, len(articles), 500):
        report("reading", start, len(articles))
        bags += terms(articles[start : start + 500])
    matrix = tfidf_matrix(bags)
    library = _Library(articles, dates, matrix, rare_weight(matrix.idf))
    del bags  # the vectors are all that is needed from here (and half the memory)
    report("grouping", 0, 0)  # no count to show: the bar pulses
    groups = group_articles(matrix, dates, grouping)
    stories_groups = [g for g in groups if len(g) > 1]
    in_stories = [articles[i] for g in stories_groups for i in g]
    facts = facts_of(in_stories) if in_stories else {}
    stories = []
    for number, group in enumerate(stories_groups, 1):
        stories.append(_story(library, group, summary_of, facts, sentences))
        report("summarising", number, len(stories_groups))
    stories.sort(key=_rank)
    lone = sorted((i for g in groups if len(g) == 1 for i in g), key=lambda i: _when(dates[i]))
    return Digest(stories, [articles[i] for i in reversed(lone)])


def _terms(articles: Sequence[Article]) -> list[Counts]:
    return [article_counts(a) for a in articles]


def _when(moment: datetime | None) -> datetime:
    return moment or _EPOCH


def _rank(story: Story) -> tuple[int, int, float, str]:
    latest = max((_when(d) for d in story.dates), default=_EPOCH)
    return (-len(story.articles), -len(story.sources), -latest.timestamp(), story.id)


def _story(
    library: _Library,
    group: Sequence[int],
    summary_of: Callable[[Article], Sequence[int]],
    facts: Mapping[str, Sequence[Fact]],
    count: int,
) -> Story:
    # Oldest first; undated articles keep the library's order, before dated ones.
    order = sorted(group, key=lambda i: (_when(library.dates[i]), i))
    members = [library.articles[i] for i in order]
    mean, likeness = centroid(library.matrix, order)
    central = order[max(range(len(order)), key=likeness.__getitem__)]
    chosen = choose_sentences(
        members,
        [summary_of(a) for a in members],
        mean,
        library.matrix.idf,
        count,
        library.rare,
    )
    return Story(
        id=story_id(members),
        headline=library.articles[central].title,
        articles=tuple(members),
        sentences=tuple((members[p], index) for p, index in chosen),
        entities=tuple(merge_entities([(a.id, facts.get(a.id, ())) for a in members])),
        dates=tuple(library.dates[i] for i in order),
    )
