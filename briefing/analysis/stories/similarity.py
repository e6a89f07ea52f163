"""Which pairs of articles are alike, without a dense all-pairs matrix.

Cosine similarity of the tf-idf vectors, accumulated term by term over an
inverted index: two articles that share no term are never looked at. A term
in ``df`` articles adds df·(df-1)/2 pair updates, so the work is bounded
(``PAIR_BUDGET``): when the library is large, the most common terms (the
lowest weights, log(n/df)) are left out of the pairing until the rest fits.
Up to a few hundred articles nothing is left out and every pair is exact.
Beyond ``EXACT_PAIRS`` pairs, those below ``KEEP`` of the threshold are
dropped: alone they cannot decide a merge, and they would fill memory (in
the mean of a large, loose group they count as 0, a small bias).

Dates: two articles published far apart are less likely the same story, so
their similarity is scaled down gently (never below ``TIME_FLOOR`` of it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from functools import cache

import numpy as np

from briefing.analysis.stories.terms import Vector

__all__ = ["PAIR_BUDGET", "TIME_FLOOR", "mean_similarity", "similar_pairs", "time_factor"]

TIME_FLOOR = 0.75  # articles years apart keep three quarters of their similarity
TIME_SCALE_DAYS = 7.0  # … and articles a week apart about 84 % of it
# Pair updates at most: 2 million take about 0.5 s here (benchmarks/digest.py).
PAIR_BUDGET = 2_000_000
KEEP = 0.25
EXACT_PAIRS = 250_000
DENSE_UP_TO = 3_000

Pairs = dict[tuple[int, int], float]


def time_factor(a: datetime | None, b: datetime | None) -> float:
    if a is None or b is None:
        return 1.0
    days = abs((a - b).total_seconds()) / 86_400
    return TIME_FLOOR + (1.0 - TIME_FLOOR) * math.exp(-days / TIME_SCALE_DAYS)


def _postings(vectors: Sequence[Vector]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(article indices, weights) per term, rarest terms first, within the budget."""
    lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            ids, weights = lists[term]
            ids.append(i)
            weights.append(weight)
    chosen = []
    spent = 0
    for ids, weights in sorted(lists.values(), key=lambda e: len(e[0])):
        cost = len(ids) * (len(ids) - 1) // 2
        if spent + cost > PAIR_BUDGET:
            break
        spent += cost
        chosen.append((np.asarray(ids, dtype=np.int64), np.asarray(weights)))
    return chosen


@cache
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(size, 1)


def similar_pairs(
    vectors: Sequence[Vector], dates: Sequence[datetime | None], minimum: float = 0.0
) -> Pairs:
    """(i, j) with i < j -> similarity, for the pairs sharing a term (only
    those of at least ``minimum`` when there are very many)."""
    n = len(vectors)
    keys: list[np.ndarray] = []
    products: list[np.ndarray] = []
    for ids, weights in _postings(vectors):
        if len(ids) < 2:
            continue
        left, right = _upper_pairs(len(ids))
        keys.append(ids[left] * n + ids[right])
        products.append(weights[left] * weights[right])
    if not keys:
        return {}
    if n <= DENSE_UP_TO:
        # Summing into an n×n array beats sorting the keys (1.2 s → 0.1 s at
        # 1,000 articles); it takes 8·n² bytes, 72 MB at 3,000.
        dense = np.bincount(np.concatenate(keys), np.concatenate(products), minlength=n * n)
        unique = np.flatnonzero(dense)
        sums = dense[unique]
    else:
        unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
        sums = np.bincount(inverse, weights=np.concatenate(products))
    if any(d is not None for d in dates):
        first, second = np.divmod(unique, n)
        sums *= np.asarray(
            [time_factor(dates[i], dates[j]) for i, j in zip(first, second, strict=True)]
        )
    kept = sums > 0 if len(sums) <= EXACT_PAIRS else sums >= minimum
    first, second = np.divmod(unique[kept], n)
    return dict(
        zip(zip(first.tolist(), second.tolist(), strict=True), sums[kept].tolist(), strict=True)
    )


def mean_similarity(vectors: Sequence[Vector]) -> float:
    """The mean cosine over all pairs, exactly and in linear time.

    The sum of the dot products of all pairs is |Σv|² minus the n self
    products, halved (the terms left out of the vectors would add as much
    to both).
    """
    n = len(vectors)
    if n < 2:
        return 0.0
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, weight in vector.items():
            total[term] += weight
    squared = sum(w * w for w in total.values())
    self_products = sum(sum(w * w for w in v.values()) for v in vectors)
    return max(0.0, (squared - self_products) / (n * (n - 1)))
