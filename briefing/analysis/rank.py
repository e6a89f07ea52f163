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
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import accumulate, chain, islice, repeat
from operator import add, mul, ne, neg, truediv
from pathlib import Path
from typing import overload

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

# Joins an article's sentences to search them at once: no part of a word or a mark.
_BREAK = "\x00"
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
# The break between sentences (see ``_sentence_terms``) maps to itself.
_STEMS: dict[str, str] = {_BREAK: _BREAK}
_TOKEN_OR_BREAK = re.compile(f"{_TOKEN.pattern}|{_BREAK}")
# Lowered ASCII text (most English news) is split in C instead: every
# character that is no part of a word becomes a space (see ``_ascii_words``).
_ASCII_SPACES = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "'" + _BREAK)}
)
# Characters of news copy that are no part of a word (nor an apostrophe the
# pattern joins words with): replaced by spaces, they leave the words as they
# were, so an article with only these beyond ASCII (BBC's "£") is split as ASCII.
_NON_WORD = ("£", "€", "“", "”", "‘", "—", "–", "…", "\xa0")
_CHAIN = re.compile("'[a-z0-9]+'")


def _ascii_words(lowered: str) -> list[str] | None:
    """``_TOKEN_OR_BREAK.findall(lowered)`` by str methods, for lowered ASCII text
    with no chain of apostrophes ("rock'n'roll"); None for other text.

    In such text a word is a run of a-z0-9 with at most one apostrophe inside
    it: after every other character becomes a space, an apostrophe belongs to a
    word exactly when letters or digits stand on both sides of it. Those that do
    not are made spaces too, and split() gives the words, in about a third of
    the regex engine's time.
    """
    if not lowered.isascii():
        for mark in _NON_WORD:
            if mark in lowered:
                lowered = lowered.replace(mark, " ")
        if not lowered.isascii():
            return None
    spaced = f" {lowered.translate(_ASCII_SPACES).replace(_BREAK, f' {_BREAK} ')} "
    if "'" in spaced:
        while "''" in spaced:
            spaced = spaced.replace("''", " '")
        spaced = spaced.replace(" '", "  ").replace("' ", "  ")
        if _CHAIN.search(spaced):  # "a'b'c": the regex takes a'b, then c
            return None
    return spaced.split()


def _learn_stems(words: Iterable[str], stop: frozenset[str]) -> None:
    stems = _STEMS
    for word in set(words).difference(stems):
        stems[word] = "" if word in stop else _stem(word)


def _terms(text: str, stop: frozenset[str]) -> list[str]:
    words = _TOKEN.findall(text.lower())
    _learn_stems(words, stop)
    return list(filter(None, map(_STEMS.__getitem__, words)))


def _sentence_terms(texts: Sequence[str], stop: frozenset[str]) -> list[list[str]]:
    """``[_terms(text, stop) for text in texts]``, in one pass over the whole article.

    The sentences are joined with a NUL between them and lowered and searched
    at once: a NUL is no part of a word, so no word runs across it, and it
    lowers nothing around it (lowering depends on the neighbours only for a
    final sigma, and a NUL counts as a string's end for that). Thousands of
    calls to lower() and findall() become one each, and the NULs in the list
    of words say where each sentence's words end.
    """
    joined = _BREAK.join(texts)
    if joined.count(_BREAK) != len(texts) - 1:  # a NUL inside a sentence, or none
        return [_terms(text, stop) for text in texts]
    lowered = joined.lower()
    words = _ascii_words(lowered)
    if words is None:
        words = _TOKEN_OR_BREAK.findall(lowered)
    _learn_stems(words, stop)
    terms = list(filter(None, map(_STEMS.__getitem__, words)))
    result = []
    start = 0
    find = terms.index
    for _ in range(len(texts) - 1):
        end = find(_BREAK, start)
        result.append(terms[start:end])
        start = end + 1
    result.append(terms[start:])
    return result


Vector = dict[str, float]


def cosine(a: Vector, b: Vector) -> float:
    """The dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    # sum(weight * b.get(term, 0.0) for term, weight in a.items()), with the
    # loop in C: the same products added in the same order.
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def _unit(bag: dict[str, int], idf: Callable[[str], float]) -> Vector:
    """The bag's tf-idf vector scaled to length 1 (the title's; see ``_Weights``)."""
    weights = list(map(mul, bag.values(), map(idf, bag)))
    scale = 1.0 / (math.sqrt(sum(map(mul, weights, weights))) or 1.0)
    return dict(zip(bag, map(mul, weights, repeat(scale)), strict=True))


def _bag(terms: Iterable[str]) -> dict[str, int]:
    """Counter(terms) as a plain dict (same counts, same order), at half the cost."""
    bag: dict[str, int] = {}
    _count_elements(bag, terms)
    return bag


def _sums(values: Iterable[float], sizes: Iterable[int]) -> list[float]:
    """The sum of each sentence's run of ``values``, added in order as sum() adds them."""
    runs = iter(values)
    return [sum(islice(runs, size)) for size in sizes]


class _Weights(Sequence[Vector]):
    """Every sentence's unit tf-idf vector, laid end to end in flat lists.

    Sentence i's terms (in order of first use) and weights are the ``sizes[i]``
    after the previous sentences'. Lists for the whole article let the loops
    over terms run in C (map, zip, islice) rather than as Python calls sentence
    by sentence, with the same arithmetic in the same order as ``_unit(bag,
    idf)`` for each sentence: the scores come out the same to the last bit. As a
    sequence it gives each sentence's vector as a dict, built when first asked
    for (choosing needs only a few).
    """

    def __init__(self, bags: list[dict[str, int]]) -> None:
        self.bags = bags
        self.terms = terms = list(chain.from_iterable(bags))
        self.sizes = sizes = list(map(len, bags))
        document_frequency = _bag(terms)
        # Most terms share a handful of frequencies (1, 2, 3…): each idf is
        # worked out once per frequency, the same number as term by term.
        n = len(bags)
        by_frequency = {
            df: math.log((n + 1) / (df + 1)) + 1.0 for df in set(document_frequency.values())
        }
        self.document_frequency = document_frequency
        self.by_frequency = by_frequency
        counts = chain.from_iterable(map(dict.values, bags))
        idf = map(by_frequency.__getitem__, map(document_frequency.__getitem__, terms))
        raw = list(map(mul, counts, idf))
        # Times 1/length, not divided by the length, as _unit does.
        scales = [1.0 / (math.sqrt(s) or 1.0) for s in _sums(map(mul, raw, raw), sizes)]
        self.weights = list(map(mul, raw, chain.from_iterable(map(repeat, scales, sizes))))
        self._starts = list(accumulate(sizes, initial=0))
        self._vectors: dict[int, Vector] = {}

    def __len__(self) -> int:
        return len(self.sizes)

    @overload
    def __getitem__(self, index: int) -> Vector: ...
    @overload
    def __getitem__(self, index: slice) -> list[Vector]: ...
    def __getitem__(self, index: int | slice) -> Vector | list[Vector]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        vector = self._vectors.get(index)
        if vector is None:
            start, end = self._starts[index], self._starts[index + 1]
            vector = self._vectors[index] = dict(
                zip(self.terms[start:end], self.weights[start:end], strict=True)
            )
        return vector

    def centrality(self) -> list[float]:
        """Degree centrality scaled so the most central sentence has 1.

        The sum of a sentence's cosine similarities to all the others equals
        its dot product with the sum of all vectors minus its own length:
        linear in the article's size, where the similarity matrix would be
        quadratic (and a 5 MB file has tens of thousands of sentences).
        """
        total = dict.fromkeys(self.document_frequency, 0.0)
        for term, weight in zip(self.terms, self.weights, strict=True):
            total[term] += weight
        dots = _sums(map(mul, self.weights, map(total.__getitem__, self.terms)), self.sizes)
        # A unit vector's dot product with itself is 1 (0 for a sentence of stop words).
        sizes = self.sizes
        centrality = [dot - (1.0 if size else 0.0) for dot, size in zip(dots, sizes, strict=True)]
        top = max(centrality, default=0.0)
        return [c / top for c in centrality] if top > 0 else [0.0] * len(centrality)

    def title_overlap(self, title: Vector) -> list[float]:
        """Each sentence's cosine with the title (0 for one sharing no term with it)."""
        if not title:
            return [0.0] * len(self)
        disjoint = title.keys().isdisjoint
        return [0.0 if disjoint(bag) else cosine(self[i], title) for i, bag in enumerate(self.bags)]


def _weights(article: Article) -> tuple[_Weights, Vector]:
    stop = _stop_words()
    weights = _Weights(list(map(_bag, _sentence_terms([s.text for s in article.sentences], stop))))
    df, by_frequency = weights.document_frequency, weights.by_frequency
    title = _unit(
        _bag(_terms(article.title, stop)),
        lambda term: by_frequency[df[term]] if term in df else 1.0,
    )
    return weights, title


def sentence_vectors(article: Article) -> tuple[list[Vector], Vector]:
    """Unit tf-idf vectors of the sentences and of the title (idf over the sentences)."""
    weights, title = _weights(article)
    return list(weights), title


def feature_rows(article: Article) -> tuple[list[tuple[float, ...]], Sequence[Vector]]:
    """Every sentence's features (in ``FEATURES`` order) and its tf-idf vector.

    Built a column at a time, each with its loop in C, and zipped into rows:
    the same values as the expressions in the comments, sentence by sentence.
    """
    weights, title = _weights(article)
    sentences = article.sentences
    n = len(sentences)
    texts = [s.text for s in sentences]
    paragraphs = [s.paragraph for s in sentences]
    numbers = range(1, n + 1)  # 1 + i
    rows = list(
        zip(
            map(truediv, repeat(1.0), numbers),  # 1 / (1 + i)
            map(math.log, numbers),  # ln(1 + i)
            map(math.log, map(max, repeat(1), map(len, map(str.split, texts)))),  # ln(words)
            weights.centrality(),
            weights.title_overlap(title),
            map(float, map(_has_quote, texts)),  # 1.0 or 0.0
            map(math.log, map(add, paragraphs, repeat(1))),  # ln(1 + paragraph)
            # 1.0 for the first sentence and each that starts a paragraph, else 0.0
            chain((1.0,)[:n], map(float, map(ne, paragraphs, islice(paragraphs, 1, None)))),
            map(truediv, range(n), repeat(max(1, n - 1))),  # i / last
            strict=True,
        )
    )
    return rows, weights


@dataclass(frozen=True, slots=True)
class Scored:
    """Scores of an article's sentences, with what they are made of."""

    scores: list[float]  # the model's probability, 0 to 1
    rows: list[tuple[float, ...]]  # the features, in FEATURES order
    vectors: Sequence[Vector]

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
    # For each row, base + sum(map(mul, coefficients, row)), clamped (math.exp
    # overflows far beyond 50), then 1 / (1 + exp(-logit)): every loop in C.
    logits = map(add, repeat(base), map(sum, map(map, repeat(mul), repeat(coefficients), rows)))
    clamped = map(min, repeat(50.0), map(max, repeat(-50.0), logits))
    odds = map(add, repeat(1.0), map(math.exp, map(neg, clamped)))
    return Scored(list(map(truediv, repeat(1.0), odds)), rows, vectors)
