"""The words of each article as a unit-length sparse tf-idf vector.

What we measured on the labelled stories (benchmarks/digest.py): sublinear
term counts (1 + log tf) keep a word an article repeats twenty times from
drowning the rest, and a capitalised word (a name, mostly) counting half as
much again as a common one lets the shared people, places and organisations
of a story pull its articles together. Words come from the summarizer's
tokenizer, stop-word list and light stemmer, so "talks" and "talk" are one term.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefing.analysis import rank
from briefing.library.model import Article

__all__ = [
    "ENTITY_BOOST",
    "Counts",
    "Vector",
    "article_counts",
    "article_terms",
    "dot",
    "idf_weights",
    "rare_weight",
    "sublinear",
    "text_counts",
    "tfidf_vectors",
    "unit",
]

# A capitalised word counts this much more than a lower-case one.
ENTITY_BOOST = 1.5

# term -> weight; every vector we hand out has unit length.
Vector = dict[str, float]
# An article's terms and their counts (what the cache keeps: short numbers,
# read back twice as fast as weights, and no dictionary an article).
Counts = tuple[list[str], list[float]]


def article_counts(article: Article) -> Counts:
    """The article's terms and their name-boosted counts (title included)."""
    counts = text_counts(article.body, ENTITY_BOOST)
    for term, count in text_counts(article.title).items():
        counts[term] += count
    return list(counts), list(counts.values())


def article_terms(article: Article) -> dict[str, float]:
    """The article's terms with sublinear, name-boosted counts (title included)."""
    terms, counts = article_counts(article)
    return {term: sublinear(count) for term, count in zip(terms, counts, strict=True)}


def sublinear(count: float) -> float:
    """A term's weight in its article: 1 + log(count)."""
    return 1.0 + math.log(count)


def text_counts(text: str, boost: float = 1.0) -> defaultdict[str, float]:
    """Stemmed terms and their counts, capitalised words counting ``boost`` each."""
    counts: defaultdict[str, float] = defaultdict(float)
    terms = _TERMS
    # Each distinct token is looked at once: about three times faster than
    # stemming every occurrence.
    for token, times in Counter(rank._TOKEN.findall(text)).items():
        term = terms.get(token)
        if term is None:
            term = terms[token] = _term(token)
        if term:
            counts[term] += times * (boost if token[0].isupper() else 1.0)
    return counts


# Every token seen so far and its term ("" for none): the stemming of a
# story's summary candidates was a third of choosing its sentences.
_TERMS: dict[str, str] = {}


def _term(token: str) -> str:
    word = token.lower()
    # One-letter tokens are mostly debris of mis-decoded text ("donâ€™t").
    if len(word) < 2 or word in rank._stop_words() or word.isdigit():
        return ""
    return rank._stem(word)


def unit(vector: dict[str, float]) -> Vector:
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / norm for t, w in vector.items()}


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def idf_weights(bags: Sequence[dict[str, float]]) -> dict[str, float]:
    """log((N + 1) / df) for every term that appears in at least two articles
    (a term only one article has cannot make two articles alike)."""
    frequency: Counter[str] = Counter()
    for bag in bags:
        frequency.update(bag.keys())
    n = len(bags)
    return {term: math.log((n + 1) / df) for term, df in frequency.items() if df > 1}


def rare_weight(idf: dict[str, float]) -> float:
    """The idf of a term only one article has: log(N + 1)."""
    return max(idf.values(), default=0.0) + math.log(2)


def tfidf_vectors(bags: Sequence[dict[str, float]], idf: dict[str, float]) -> list[Vector]:
    """Unit vectors over the shared terms.

    The terms only one article has count in its length (or an article that
    shares one word with the library would be all that word, and look alike
    to anything with it) but are then left out: they pair nothing, and the
    vectors stay small.
    """
    rare = rare_weight(idf)
    vectors = []
    for bag in bags:
        weighted = {t: w * idf.get(t, rare) for t, w in bag.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        vectors.append({t: w / norm for t, w in weighted.items() if t in idf})
    return vectors
