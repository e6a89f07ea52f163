"""Summaries and key facts with the derived-data cache in front.

The pure functions (``summarize``, ``extract_facts``) know nothing of caching;
the command line and the reader ask here, so that work done once (in either)
is not done again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.analysis.summarize import Length, summarize
from briefing.library.model import Article, Summary
from briefing.storage.cache import DerivedCache

if TYPE_CHECKING:
    from briefing.analysis.facts import Fact

__all__ = ["cached_summary", "facts_for", "terms_for"]


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
    summary = summarize(article, algorithm, Length(sentences=count))
    if cache is not None:
        cache.put_summary(
            article.id, article.digest, algorithm, count, summary.indices, summary.note
        )
    return summary


def facts_for(articles: Sequence[Article], cache: DerivedCache | None) -> dict[str, list[Fact]]:
    """Facts of every article, from the cache where it has them.

    The extractor (and its word lists) is loaded only if some article is
    missing from the cache.
    """
    found = cache.facts((a.id, a.digest) for a in articles) if cache is not None else {}
    missing = [a for a in articles if a.id not in found]
    if missing:
        from briefing.analysis.facts import extract_facts

        fresh = {a.id: extract_facts(a) for a in missing}
        if cache is not None:
            cache.put_facts({a.id: (a.digest, fresh[a.id]) for a in missing})
        found.update(fresh)
    return found


def terms_for(articles: Sequence[Article], cache: DerivedCache | None) -> list[dict[str, float]]:
    """Each article's weighted terms for story grouping, from the cache where
    it has them (reading them back is about ten times faster than working
    them out: benchmarks/digest.py)."""
    from briefing.analysis.stories.terms import article_terms

    found = cache.terms((a.id, a.digest) for a in articles) if cache is not None else {}
    missing = {a.id: a for a in articles if a.id not in found}
    if missing:
        fresh = {i: article_terms(a) for i, a in missing.items()}
        if cache is not None:
            cache.put_terms({i: (missing[i].digest, weights) for i, weights in fresh.items()})
        found.update(fresh)
    return [found[a.id] for a in articles]
