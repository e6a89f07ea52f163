"""Average-linkage grouping of articles into stories, over sparse similarities.

Two groups merge while the mean similarity of their articles, over every
pair across them, is at least the threshold (pairs that share no term count
as 0). Average linkage, not single linkage: a chain of articles each a bit
like the next does not make one story.

The threshold is not a fixed cosine: cosines shift with the length of the
articles, the size of the library and its vocabulary. It is the mean
similarity of all pairs in this library (the level of "any two of these
articles"), times the grouping's factor; and never below ``FLOOR``, for a
library of unrelated articles where that mean is mere noise. Measured on
the labelled stories (benchmarks/digest.py), the factors 0.75–1.25 around
the default stay close in quality: the default is not a knife-edge.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import datetime

from briefing.analysis.stories.matrix import TermMatrix
from briefing.analysis.stories.similarity import KEEP, Postings, Similarities, similarities
from briefing.analysis.stories.terms import Vector

__all__ = ["FLOOR", "GROUPINGS", "average_linkage", "group_articles", "threshold_for"]

# How eager the grouping is: the factor on the library's mean similarity.
GROUPINGS: dict[str, float] = {"strict": 1.25, "normal": 1.0, "loose": 0.8}
FLOOR = 0.03
PRIOR_PAIRS = 45  # the pairs of ten articles


def threshold_for(n: int, mean: float, grouping: str | float) -> float:
    """The grouping's factor times the library's level of similarity.

    With few articles their mean says little (and idf over three articles
    inflates every cosine), so it is pulled toward ``FLOOR`` as if
    ``PRIOR_PAIRS`` more pairs had that similarity: at 94 articles (4,371
    pairs) the pull is 1 %, at 3 articles it is nearly all.
    """
    factor = GROUPINGS[grouping] if isinstance(grouping, str) else grouping
    pairs = n * (n - 1) / 2
    level = (pairs * mean + PRIOR_PAIRS * FLOOR) / (pairs + PRIOR_PAIRS)
    return factor * max(level, FLOOR)


def group_articles(
    vectors: Sequence[Vector] | TermMatrix,
    dates: Sequence[datetime | None] | None = None,
    grouping: str | float = "normal",
    threshold: float | None = None,
) -> list[list[int]]:
    """Groups of article indices (each sorted), largest first; lone articles
    are groups of one. ``threshold`` overrides the grouping's (for benchmarks)."""
    postings = Postings.of(vectors)
    if threshold is None:
        threshold = threshold_for(len(vectors), postings.mean(len(vectors)), grouping)
    alike = similarities(postings, len(vectors), dates, KEEP * threshold)
    groups = average_linkage(len(vectors), alike, threshold)
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))


def average_linkage(n: int, alike: Similarities, threshold: float) -> list[list[int]]:
    """Merge the closest two groups (by mean pair similarity) while at least ``threshold``."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # links[a][b]: the sum of the similarities between groups a and b.
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    first, second, value = alike.first.tolist(), alike.second.tolist(), alike.value.tolist()
    for i, j, v in zip(first, second, value, strict=True):
        links[i][j] = links[j][i] = v
    heap = [(-v, i, j) for i, j, v in zip(first, second, value, strict=True) if v >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = links[a][b] / (len(members[a]) * len(members[b]))
        if abs(mean + negative) > 1e-12:
            continue  # stale: the pair was pushed again with its current mean
        if len(links[a]) < len(links[b]):
            a, b = b, a  # fold the smaller neighbourhood into the larger
        _merge(a, b, members, links)
        size = len(members[a])
        for k, total in links[a].items():
            mean = total / (size * len(members[k]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, k), max(a, k)))
    return list(members.values())


def _merge(
    a: int, b: int, members: dict[int, list[int]], links: dict[int, dict[int, float]]
) -> None:
    members[a] += members.pop(b)
    for k, total in links.pop(b).items():
        del links[k][b]
        if k != a:
            links[a][k] = links[a].get(k, 0.0) + total
            links[k][a] = links[a][k]
    links[a].pop(b, None)
