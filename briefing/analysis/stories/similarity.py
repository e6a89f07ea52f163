"""Which pairs of articles are alike, without a dense all-pairs matrix.

Cosine similarity of the tf-idf vectors, accumulated term by term over an
inverted index: two articles that share no term are never looked at. A term
in ``df`` articles adds df·(df-1)/2 pair updates, so the work is bounded
(``PAIR_BUDGET``): when the library is large, the most common terms (the
lowest weights, log(n/df)) are left out of the pairing until the rest fits.
Up to a few hundred articles nothing is left out and every pair is exact.
Beyond ``EXACT_PAIRS`` pairs (about 700 articles), those below ``KEEP`` of
the threshold are dropped, and so are those that are not among either
article's ``NEIGHBOURS`` most alike: alone they cannot decide a merge, and
they would fill memory and time (in the mean of a large, loose group they
count as 0, a small bias). Below that every pair is exact.

Dates: two articles published far apart are less likely the same story, so
their similarity is scaled down gently (never below ``TIME_FLOOR`` of it).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import chain

import numpy as np

from briefing.analysis.stories.matrix import TermMatrix
from briefing.analysis.stories.terms import Vector

__all__ = [
    "PAIR_BUDGET",
    "TIME_FLOOR",
    "Postings",
    "Similarities",
    "mean_similarity",
    "similarities",
    "time_factor",
]

TIME_FLOOR = 0.75  # articles years apart keep three quarters of their similarity
TIME_SCALE_DAYS = 7.0  # … and articles a week apart about 84 % of it
# Pair updates at most: 2 million take about 0.5 s here (benchmarks/digest.py).
PAIR_BUDGET = 2_000_000
KEEP = 0.5
EXACT_PAIRS = 250_000
NEIGHBOURS = 30
DENSE_UP_TO = 3_000


@dataclass(frozen=True)
class Similarities:
    """The alike pairs: ``first[k] < second[k]``, similarity ``value[k]``."""

    first: np.ndarray
    second: np.ndarray
    value: np.ndarray

    def as_dict(self) -> dict[tuple[int, int], float]:
        pairs = zip(self.first.tolist(), self.second.tolist(), strict=True)
        return dict(zip(pairs, self.value.tolist(), strict=True))


def time_factor(a: datetime | None, b: datetime | None) -> float:
    if a is None or b is None:
        return 1.0
    days = abs((a - b).total_seconds()) / 86_400
    return TIME_FLOOR + (1.0 - TIME_FLOOR) * math.exp(-days / TIME_SCALE_DAYS)


def _time_factors(
    dates: Sequence[datetime | None], first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """``time_factor`` of many pairs at once."""
    days = np.array([d.timestamp() / 86_400 if d else np.nan for d in dates])
    apart = np.abs(days[first] - days[second])
    factor = TIME_FLOOR + (1.0 - TIME_FLOOR) * np.exp(-apart / TIME_SCALE_DAYS)
    return np.where(np.isnan(apart), 1.0, factor)


@dataclass(frozen=True)
class Postings:
    """Every (term, article, weight) of the vectors, grouped by term."""

    documents: np.ndarray  # article index, grouped by term
    weights: np.ndarray
    starts: np.ndarray  # where each term's run begins in the two above
    frequency: np.ndarray  # articles per term

    @classmethod
    def of(cls, vectors: Sequence[Vector] | TermMatrix) -> Postings:
        if isinstance(vectors, TermMatrix):
            ids, weights = vectors.columns, vectors.weights
            lengths: Sequence[int] | np.ndarray = np.diff(vectors.bounds)
            terms = len(vectors.vocabulary)
        else:
            # Flattened in C-speed passes: a Python loop over every entry costs
            # about 0.7 s at 1,000 articles.
            keys = list(chain.from_iterable(vectors))
            vocabulary = {t: i for i, t in enumerate(dict.fromkeys(keys))}
            ids = np.fromiter(map(vocabulary.__getitem__, keys), dtype=np.int64, count=len(keys))
            weights = np.fromiter(
                chain.from_iterable(v.values() for v in vectors), dtype=np.float64, count=len(keys)
            )
            lengths, terms = [len(v) for v in vectors], len(vocabulary)
        documents = np.repeat(np.arange(len(vectors)), lengths)
        order = np.argsort(ids, kind="stable")
        frequency = np.bincount(ids, minlength=terms)
        starts = np.concatenate(([0], np.cumsum(frequency)[:-1]))
        return cls(documents[order], weights[order], starts, frequency)

    def mean(self, n: int) -> float:
        """The mean cosine over all pairs, exactly and in linear time.

        The sum of the dot products of all pairs is |Σv|² minus the n self
        products, halved (the terms left out of the vectors would add as much
        to both).
        """
        if n < 2:
            return 0.0
        term_ids = np.repeat(np.arange(len(self.frequency)), self.frequency)
        totals = np.bincount(term_ids, weights=self.weights, minlength=len(self.frequency))
        squared = float(totals @ totals) - float(self.weights @ self.weights)
        return max(0.0, squared / (n * (n - 1)))

    def within_budget(self) -> np.ndarray:
        """The terms to pair articles by: the rarest first, while within budget."""
        cost = self.frequency * (self.frequency - 1) // 2
        order = np.argsort(self.frequency, kind="stable")
        spent = np.cumsum(cost[order])
        return order[(spent <= PAIR_BUDGET) & (self.frequency[order] > 1)]


@cache
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(size, 1)


def similarities(
    postings: Postings,
    n: int,
    dates: Sequence[datetime | None] | None = None,
    minimum: float = 0.0,
) -> Similarities:
    """The pairs of the ``n`` articles sharing a term, with their similarity
    (only those of at least ``minimum`` when there are very many)."""
    runs = _pair_products(postings, n)
    sums: np.ndarray  # (numpy's stubs type bincount's sums as integers)
    if n <= DENSE_UP_TO:
        # Summing into an n×n array beats sorting the keys (1.2 s → 0.1 s at
        # 1,000 articles); it takes 8·n² bytes, 72 MB at 3,000. Run by run,
        # in order (the same sums as all at once), so the pairs of all the
        # terms (2 million at 1,000 articles) are never in memory together.
        dense = np.zeros(n * n)
        for keys, products in runs:
            np.add.at(dense, keys, products)
        unique = np.flatnonzero(dense)
        sums = dense[unique]
    else:
        all_keys, all_products = zip(*runs, strict=True)
        unique, inverse = np.unique(np.concatenate(all_keys), return_inverse=True)
        sums = np.bincount(inverse, weights=np.concatenate(all_products))
    first, second = np.divmod(unique, n)
    if dates is not None and any(d is not None for d in dates):
        sums = sums * _time_factors(dates, first, second)
    if len(sums) <= EXACT_PAIRS:
        kept = sums > 0
        return Similarities(first[kept], second[kept], sums[kept])
    kept = sums >= minimum
    return _nearest(Similarities(first[kept], second[kept], sums[kept]))


def _pair_products(postings: Postings, n: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair of articles sharing a term: its key (first·n + second) and
    the product of their weights for that term, term by term, rarest first.

    The terms in the same number of articles come together, as one array of
    runs (a Python step per term cost 0.1 s at 1,000 articles); the order of
    the products is the same as term by term.
    """
    yield np.zeros(0, dtype=np.int64), np.zeros(0)
    terms = postings.within_budget()
    # within_budget lists the terms by number of articles: each size is one run.
    bounds = np.flatnonzero(np.diff(postings.frequency[terms])) + 1
    for run in np.split(terms, bounds):
        if len(run):
            size = int(postings.frequency[run[0]])
            at = postings.starts[run][:, None] + np.arange(size)
            ids, weights = postings.documents[at], postings.weights[at]
            left, right = _upper_pairs(size)
            yield (
                (ids[:, left] * n + ids[:, right]).ravel(),
                (weights[:, left] * weights[:, right]).ravel(),
            )


def _nearest(alike: Similarities) -> Similarities:
    """Only the pairs among either article's ``NEIGHBOURS`` most alike.

    A large library has millions of weakly alike pairs; the grouping then
    spends its time updating them at every merge (10,000 generated articles:
    most of 50 s). Each article's nearest neighbours decide its story.
    """
    near = np.zeros(len(alike.value), dtype=bool)
    # Most alike first, then each article's pairs together (a stable sort
    # keeps that order within them): a pair's rank among its article's.
    by_value = np.argsort(-alike.value, kind="stable")
    for ends in (alike.first, alike.second):
        article = ends[by_value]
        order = np.argsort(article, kind="stable")
        grouped = article[order]
        counts = np.bincount(grouped)
        rank = np.arange(len(order)) - (np.cumsum(counts) - counts)[grouped]
        near[by_value[order[rank < NEIGHBOURS]]] = True
    return Similarities(alike.first[near], alike.second[near], alike.value[near])


def mean_similarity(vectors: Sequence[Vector] | TermMatrix) -> float:
    return Postings.of(vectors).mean(len(vectors))
