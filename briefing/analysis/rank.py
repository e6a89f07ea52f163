"""Our default sentence ranking: position-weighted tf-idf centrality.

News puts what matters first, and a good summary sentence also says what the
rest of the article says. The score multiplies the two: a sentence's
centrality (how similar it is to all the others) by a prior that decays with
its paragraph's position and grows with its length, so one-line captions
and asides do not win. Selection is greedy with a redundancy cut so that the
summary does not say the same thing twice. Tuned on the evaluation sets in
benchmarks/summary_quality.py. Pure Python and linear in the article's
length: well under a millisecond for a typical article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from briefing.library.model import Article

__all__ = ["centrality_scores", "select_diverse"]

POSITION_DECAY = 0.5
LENGTH_POWER = 0.5
REDUNDANCY = 0.5

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s")


@cache
def _stop_words() -> frozenset[str]:
    # sumy ships the list we want; read its file directly instead of
    # importing sumy, which would pull NLTK into every start-up.
    spec = find_spec("sumy")
    if spec is None or spec.origin is None:  # pragma: no cover - sumy is a dependency
        return frozenset()
    path = Path(spec.origin).parent / "data" / "stopwords" / "english.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except OSError:  # pragma: no cover
        return frozenset()


@cache
def _stem(word: str) -> str:
    # A light suffix-stripper: enough to match "talks"/"talk", "voted"/"votes",
    # and far cheaper to import and run than a full Snowball stemmer.
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _terms(text: str, stop: frozenset[str]) -> list[str]:
    return [_stem(w) for w in (t.lower() for t in _TOKEN.findall(text)) if w not in stop]


Vector = dict[str, float]


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def sentence_vectors(article: Article) -> list[Vector]:
    """Unit-length tf-idf vectors, one per sentence (idf over the article's sentences)."""
    stop = _stop_words()
    bags = [Counter(_terms(s.text, stop)) for s in article.sentences]
    n = len(bags)
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    idf = {t: math.log((n + 1) / (df + 1)) + 1.0 for t, df in document_frequency.items()}
    vectors = []
    for bag in bags:
        vector = {t: count * idf[t] for t, count in bag.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors


def centrality_scores(article: Article) -> tuple[list[float], list[Vector]]:
    """Score every sentence; also return the vectors for the redundancy check.

    Degree centrality, the sum of a sentence's cosine similarities to all the
    others, equals its dot product with the sum of all vectors minus its own
    length: linear in the article's size, where the similarity matrix would
    be quadratic (and a 5 MB file has tens of thousands of sentences).
    """
    sentences = article.sentences
    if not sentences:
        return [], []
    vectors = sentence_vectors(article)
    total: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    centrality = [_dot(v, total) - _dot(v, v) for v in vectors]
    top = max(centrality)
    if top > 0:
        centrality = [c / top for c in centrality]
    lengths = [max(1, len(s.text.split())) for s in sentences]
    longest = max(lengths)
    return [
        (c + 1e-6) * (1.0 + s.paragraph) ** -POSITION_DECAY * (n / longest) ** LENGTH_POWER
        for c, s, n in zip(centrality, sentences, lengths, strict=True)
    ], vectors


def select_diverse(scores: list[float], vectors: list[Vector], count: int) -> list[int]:
    """Pick the best-scoring sentences, skipping near-repeats of those chosen."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    chosen: list[int] = []
    for i in order:
        if len(chosen) == count:
            break
        if all(_dot(vectors[i], vectors[j]) <= REDUNDANCY for j in chosen):
            chosen.append(i)
    if len(chosen) < count:
        # Everything left repeats something chosen: fill up by score anyway.
        taken = set(chosen)
        chosen += [i for i in order if i not in taken][: count - len(chosen)]
    return chosen
