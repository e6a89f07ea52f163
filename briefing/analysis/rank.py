"""Our default sentence scorer: a few cheap features and learned weights.

Each sentence gets a handful of features (where it stands, how long it is,
how central it is to the article, how much it shares with the title, whether
it quotes someone). A logistic regression, fitted by
scripts/fit_summary_scorer.py on training articles whose best sentences were
marked by a greedy ROUGE oracle, weighs them; the weights live in
``summary_weights`` as constants. The score of a sentence is the model's
probability that it belongs in the summary, and its parts (each feature's
weight times its distance from an average sentence's value) say why.
Pure Python and linear in the article's length: a fraction of a
millisecond for a typical article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import repeat
from operator import mul
from pathlib import Path

from briefing.analysis import summary_weights as weights
from briefing.library.model import Article

__all__ = [
    "FEATURES",
    "PARTS",
    "Scored",
    "Vector",
    "cosine",
    "feature_rows",
    "score_sentences",
    "sentence_vectors",
]

# The features, in the order feature_rows computes them: the one list of them.
# summary_weights (written by the fitting script) holds a mean and a weight
# for each, in this order. Where a sentence stands is
# given twice (1/(1+i) for the sharp preference for the opening, ln(1+i) for
# the slow decline after it), as in the study behind issue 16.
FEATURES = (
    "lead",
    "log_index",
    "log_words",
    "centrality",
    "title",
    "quote",
    "log_paragraph",
    "paragraph_start",
    "relative",
)
# Which part of the explanation each feature belongs to.
PARTS = {
    "lead": "position",
    "log_index": "position",
    "log_words": "length",
    "centrality": "centrality",
    "title": "title",
    "quote": "quote",
    "log_paragraph": "position",
    "paragraph_start": "position",
    "relative": "position",
}

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SUFFIXES = ("ingly", "edly", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
# Quoted speech: a double mark anywhere, or a single one opening a word (at
# the start, or after a space, bracket or dash). Three searches that each
# begin with a literal or a set run several times faster than one pattern
# with a look-behind, which the regex engine tries at every character.
_DOUBLE_MARK = re.compile(r"[\"“”«»]")
_SINGLE_OPENING = re.compile(r"[\s(—–:-]['‘](?=\w)")
_SINGLE_AT_START = re.compile(r"['‘](?=\w)")


def _has_quote(text: str) -> bool:
    return bool(
        _DOUBLE_MARK.search(text)
        or (
            ("'" in text or "‘" in text)
            and (_SINGLE_AT_START.match(text) or _SINGLE_OPENING.search(text))
        )
    )


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


def _stem(word: str) -> str:
    # A light suffix-stripper: enough to match "talks"/"talk", "voted"/"votes",
    # and far cheaper to import and run than a full Snowball stemmer.
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# Every word seen so far, mapped to its stem ("" for a stop word): one dict
# lookup per word, through map() in C, halves the cost of the loop it replaces.
_STEMS: dict[str, str] = {}


def _terms(text: str, stop: frozenset[str]) -> list[str]:
    words = _TOKEN.findall(text.lower())
    stems = _STEMS
    for word in words:
        if word not in stems:
            stems[word] = "" if word in stop else _stem(word)
    return [stem for stem in map(stems.__getitem__, words) if stem]


Vector = dict[str, float]


def cosine(a: Vector, b: Vector) -> float:
    """The dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    # sum(weight * b.get(term, 0.0) for term, weight in a.items()), with the
    # loop in C: the same products added in the same order.
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def _unit(bag: Counter[str], idf: dict[str, float]) -> Vector:
    vector = {t: count * idf.get(t, 1.0) for t, count in bag.items()}
    weights = vector.values()
    scale = 1.0 / (math.sqrt(sum(map(mul, weights, weights))) or 1.0)
    for term in vector:
        vector[term] *= scale
    return vector


def sentence_vectors(article: Article) -> tuple[list[Vector], Vector]:
    """Unit tf-idf vectors of the sentences and of the title (idf over the sentences)."""
    stop = _stop_words()
    bags = [Counter(_terms(s.text, stop)) for s in article.sentences]
    n = len(bags)
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    # Most terms share a handful of frequencies (1, 2, 3…): each idf is worked
    # out once per frequency, the same number as term by term.
    by_frequency = {
        df: math.log((n + 1) / (df + 1)) + 1.0 for df in set(document_frequency.values())
    }
    idf = {t: by_frequency[df] for t, df in document_frequency.items()}
    title = _unit(Counter(_terms(article.title, stop)), idf)
    return [_unit(bag, idf) for bag in bags], title


def _centrality(vectors: list[Vector]) -> list[float]:
    """Degree centrality scaled so the most central sentence has 1.

    The sum of a sentence's cosine similarities to all the others equals its
    dot product with the sum of all vectors minus its own length: linear in
    the article's size, where the similarity matrix would be quadratic (and
    a 5 MB file has tens of thousands of sentences).
    """
    total: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    # A unit vector's dot product with itself is 1 (0 for a sentence of stop words).
    centrality = [cosine(v, total) - (1.0 if v else 0.0) for v in vectors]
    top = max(centrality, default=0.0)
    return [c / top for c in centrality] if top > 0 else [0.0] * len(vectors)


def feature_rows(article: Article) -> tuple[list[tuple[float, ...]], list[Vector]]:
    """Every sentence's features (in ``FEATURES`` order) and its tf-idf vector."""
    vectors, title = sentence_vectors(article)
    centrality = _centrality(vectors)
    rows: list[tuple[float, ...]] = []
    sentences = article.sentences
    last = max(1, len(sentences) - 1)
    for i, sentence in enumerate(sentences):
        words = max(1, len(sentence.text.split()))
        rows.append(
            (
                1.0 / (1.0 + i),
                math.log(1.0 + i),
                math.log(words),
                centrality[i],
                cosine(vectors[i], title) if title else 0.0,
                1.0 if _has_quote(sentence.text) else 0.0,
                math.log(1.0 + sentence.paragraph),
                1.0 if i == 0 or sentences[i - 1].paragraph != sentence.paragraph else 0.0,
                i / last,
            )
        )
    return rows, vectors


@dataclass(frozen=True, slots=True)
class Scored:
    """Scores of an article's sentences, with what they are made of."""

    scores: list[float]  # the model's probability, 0 to 1
    rows: list[tuple[float, ...]]  # the features, in FEATURES order
    vectors: list[Vector]

    @property
    def base(self) -> float:
        """The log-odds of an average sentence: with a sentence's parts, its log-odds."""
        return weights.BASE

    def parts(self, index: int) -> dict[str, float]:
        """Each part's push on the sentence's log-odds, against an average sentence."""
        parts: dict[str, float] = {}
        for name, value, weight, mean in zip(
            FEATURES, self.rows[index], weights.WEIGHTS, weights.MEANS, strict=True
        ):
            part = PARTS[name]
            parts[part] = parts.get(part, 0.0) + weight * (value - mean)
        return parts


def score_sentences(article: Article) -> Scored:
    rows, vectors = feature_rows(article)
    coefficients = weights.WEIGHTS
    base = weights.BASE - sum(w * m for w, m in zip(coefficients, weights.MEANS, strict=True))
    scores = []
    for row in rows:
        logit = base + sum(map(mul, coefficients, row))
        # Clamped: math.exp overflows far beyond this.
        scores.append(1.0 / (1.0 + math.exp(-min(50.0, max(-50.0, logit)))))
    return Scored(scores, rows, vectors)
