"""Summaries and key facts with the derived-data cache in front.

The pure functions (``summarize``, ``extract_facts``) know nothing of caching;
the command line and the reader ask here, so that work done once (in either)
is not done again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from briefing.analysis.summarize import Length, summarize
from briefing.library.model import Article, Summary
from briefing.storage.cache import DerivedCache

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact
    from briefing.analysis.stories.terms import Counts

__all__ = [
    "cached_summary",
    "facts_fit",
    "facts_for",
    "facts_part",
    "sentences_for",
    "terms_for",
]

# Key facts compare names with names, so their cost grows with the square of
# the distinct names in an article: 80 KB of made-up capitalised names took
# 27 s. They read an article up to the sentence where it reaches either bound
# (the longest of 5,400 real news articles has 1,800 distinct capitalised
# words and 58,000 characters; most under 400 and 10,000: only such outliers
# lose facts from their end), which keeps any
# file under the 5 MB limit to about a second (benchmarks/hostile.py).
FACTS_MAX_NAMES = 1_000
FACTS_MAX_CHARS = 100_000
_CAPITALISED = re.compile(r"\b[^\W\d_][\w'’.-]*")


def cached_summary(
    article: Article, algorithm: str, length: Length, cache: DerivedCache | None
) -> Summary:
    total = len(article.sentences)
    count = length.count(total)
    if cache is not None:
        hit = cache.summary(article.id, article.digest, algorithm, count)
        # The digest pins the exact text; the range check is a last guard.
        if hit is not None and all(0 <= i < total for i in hit[0]):
            return Summary(algorithm, hit[0], hit[1])
    summary = summarize(article, algorithm, length)
    if cache is not None:
        cache.put_summary(
            article.id, article.digest, algorithm, count, summary.indices, summary.note
        )
    return summary


def facts_for(
    articles: Sequence[Article], cache: DerivedCache | None, kinds: Collection[str] | None = None
) -> dict[str, list[Fact]]:
    """Facts of every article, from the cache where it has them (with
    ``kinds``, at least those of these kinds).

    The extractor (and its word lists) is loaded only if some article is
    missing from the cache.
    """
    wanted = ((a.id, a.digest) for a in articles)
    found = cache.facts(wanted, kinds) if cache is not None else {}
    # The digest pins the exact text; the range check is a last guard.
    missing = [a for a in articles if not facts_fit(found.get(a.id), len(a.sentences))]
    if missing:
        from briefing.analysis.facts import extract_facts

        fresh = {a.id: extract_facts(facts_part(a)) for a in missing}
        if cache is not None:
            cache.put_facts({a.id: (a.digest, fresh[a.id]) for a in missing})
        found.update(fresh)
    return found


def facts_fit(facts: list[Fact] | None, sentences: int) -> bool:
    """Whether cached facts can be those of a text of this many sentences."""
    return facts is not None and all(
        0 <= f.sentence < sentences and all(0 <= i < sentences for i in f.sentences) for f in facts
    )


def facts_part(article: Article) -> Article:
    """The article as key facts read it: all of it, or its opening sentences
    up to FACTS_MAX_NAMES distinct capitalised words or FACTS_MAX_CHARS.

    The part keeps the article's id and sentence numbers (its sentences are
    the first sentences of the whole), so facts point into the whole article.
    """
    if len(article.body) <= 20_000:  # far below either bound: the common case
        return article
    names: set[str] = set()
    end = 0
    for sentence in article.sentences:
        if sentence.end > FACTS_MAX_CHARS:
            break
        names.update(w for w in _CAPITALISED.findall(sentence.text) if w[0].isupper())
        if len(names) > FACTS_MAX_NAMES:
            break
        end = sentence.end
    return article if end >= len(article.body.rstrip()) else article.opening(end)


def terms_for(articles: Sequence[Article], cache: DerivedCache | None) -> list[Counts]:
    """Each article's terms and counts for story grouping, from the cache where
    it has them (reading them back is about ten times faster than working
    them out: benchmarks/digest.py)."""
    from briefing.analysis.stories.terms import article_counts

    found = cache.terms((a.id, a.digest) for a in articles) if cache is not None else {}
    missing = {a.id: a for a in articles if a.id not in found}
    if missing:
        fresh = {i: article_counts(a) for i, a in missing.items()}
        if cache is not None:
            cache.put_terms({i: (missing[i].digest, counts) for i, counts in fresh.items()})
        found.update(fresh)
    return [found[a.id] for a in articles]


def sentences_for(articles: Sequence[Article], cache: DerivedCache | None) -> None:
    """Give the articles their sentences, from the cache where it has them.

    Splitting is most of the work of a warm ``briefing digest`` after
    reading the files (1,000 articles: 0.36 s, against 0.05 s from here).
    """
    if cache is None:
        return
    found = cache.sentences((a.id, a.digest) for a in articles)
    missing = {}
    for article in articles:
        spans = found.get((article.id, article.digest))
        if spans is None or not article.reuse_sentences(spans):
            missing[article.id] = (article.digest, article.sentence_spans)
    cache.put_sentences(missing)
