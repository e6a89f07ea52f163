"""The library's tf-idf vectors as flat arrays: a sparse matrix, a row an article.

The same unit vectors as ``terms.tfidf_vectors`` (to the last bit: the same
operations on the same numbers, in the same order), without a dictionary per
article: at 1,000 articles building those, and flattening them again for the
pairing, was a tenth of a warm ``briefing digest``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from briefing.analysis.stories.terms import Counts, Vector, rare_weight, sublinear

__all__ = ["TermMatrix", "centroid", "tfidf_matrix"]


@dataclass(frozen=True)
class TermMatrix:
    """Unit tf-idf vectors over the shared terms (those of two articles or more)."""

    vocabulary: list[str]  # the shared terms, first seen first
    columns: np.ndarray  # the term of each entry, article by article
    weights: np.ndarray
    bounds: np.ndarray  # article i's entries are bounds[i]:bounds[i + 1]
    idf: dict[str, float]  # as terms.idf_weights

    @cached_property
    def names(self) -> np.ndarray:
        """The vocabulary as an array, to look many terms up at once."""
        return np.array(self.vocabulary, dtype=object)

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = self.bounds[i], self.bounds[i + 1]
        return self.columns[start:end], self.weights[start:end]

    def vectors(self) -> list[Vector]:
        """The rows as dictionaries, as ``terms.tfidf_vectors`` gives them."""
        rows = (self.row(i) for i in range(len(self)))
        return [
            dict(zip([self.vocabulary[c] for c in columns.tolist()], weights.tolist(), strict=True))
            for columns, weights in rows
        ]


def tfidf_matrix(bags: Sequence[Counts]) -> TermMatrix:
    """The articles' terms and counts (``terms.article_counts``) as unit tf-idf
    rows: the same as ``terms.tfidf_vectors`` of their ``article_terms``.

    idf is log((N + 1) / df) for the terms of two articles or more; a term
    of one article weighs ``rare_weight`` and counts in its row's length,
    but is then left out (see ``terms.tfidf_vectors``).
    """
    n = len(bags)
    index, ids, tf = _flat(bags)
    frequency = np.bincount(ids, minlength=len(index))
    # math.log, as idf_weights does (numpy's log may differ in the last bit),
    # once a distinct frequency. (Not np.unique: it imports numpy.ma, 10 ms.)
    frequencies = np.flatnonzero(np.bincount(frequency)).tolist()
    logs = {df: math.log((n + 1) / df) for df in frequencies if df > 1}
    idf = {term: logs[df] for term, df in zip(index, frequency.tolist(), strict=True) if df > 1}
    by_frequency = np.full(int(frequency.max(initial=0)) + 1, rare_weight(idf))
    for df, idf_of_df in logs.items():
        by_frequency[df] = idf_of_df
    weighted = tf * by_frequency[frequency][ids]
    del tf
    lengths = [len(terms) for terms, _counts in bags]
    ends = np.cumsum(lengths, dtype=np.intp).tolist()
    squares = weighted * weighted
    # Python's sum, article by article: the same rounding as the dictionaries'
    # (a row at a time: all of them as Python floats took 100 MB at 10,000).
    norms = [
        math.sqrt(sum(squares[e - k : e].tolist())) or 1.0
        for e, k in zip(ends, lengths, strict=True)
    ]
    del squares
    unit = weighted / np.repeat(norms, lengths)
    del weighted
    shared = frequency > 1
    kept = shared[ids]
    counted = np.concatenate(([0], np.cumsum(kept)))
    return TermMatrix(
        vocabulary=[term for term, keep in zip(index, shared.tolist(), strict=True) if keep],
        columns=(np.cumsum(shared) - 1)[ids[kept]],
        weights=unit[kept],
        bounds=counted[np.concatenate(([0], ends)).astype(np.intp)],
        idf=idf,
    )


def _flat(bags: Sequence[Counts]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Every term's number (first seen first), and each entry's term number
    and weight in its article (1 + log count), article by article."""
    keys = list(chain.from_iterable(terms for terms, _counts in bags))
    index = {term: i for i, term in enumerate(dict.fromkeys(keys))}
    ids = np.fromiter(map(index.__getitem__, keys), dtype=np.intp, count=len(keys))
    del keys
    counts = list(chain.from_iterable(counts for _terms, counts in bags))
    # A few distinct counts (1, 1.5, 2, …): each one's weight once, by math.log.
    tf_of = {count: sublinear(count) for count in set(counts)}
    tf = np.fromiter(map(tf_of.__getitem__, counts), dtype=np.float64, count=len(counts))
    return index, ids, tf


def centroid(matrix: TermMatrix, rows: Sequence[int]) -> tuple[Vector, list[float]]:
    """The unit mean of ``rows`` (as ``terms.unit`` of their sum, in this order)
    and each row's dot product with it (as ``terms.dot``)."""
    parts = [matrix.row(i) for i in rows]
    columns = np.concatenate([c for c, _w in parts])
    weights = np.concatenate([w for _c, w in parts])
    # The terms first seen first (the dictionary's order), and where each is.
    terms = np.fromiter(dict.fromkeys(columns.tolist()), dtype=np.intp)
    where = np.empty(len(matrix.vocabulary), dtype=np.intp)
    where[terms] = np.arange(len(terms))
    inverse = where[columns]
    # bincount adds in the order given, from 0.0: the dictionary's sums.
    totals = np.bincount(inverse, weights=weights, minlength=len(terms))
    norm = math.sqrt(sum((totals * totals).tolist())) or 1.0
    mean = totals / norm
    products = (weights * mean[inverse]).tolist()
    ends = np.cumsum([len(c) for c, _w in parts]).tolist()
    dots = [sum(products[e - len(c) : e]) for e, (c, _w) in zip(ends, parts, strict=True)]
    names = matrix.names[terms].tolist()
    return dict(zip(names, mean.tolist(), strict=True)), dots
